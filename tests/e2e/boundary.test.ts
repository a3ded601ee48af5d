// Issue 26, findings 5, 6 and 10: the content boundary (nothing outside the content folders is
// read or shown), empty paths and option values, and messages that stay one short, clean line.
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, cleanEnv, cli, fixture, tempDir } from '../helpers.js';

const SECRET = 'root:*:hemmeligt-indhold';

function folderWithOutside(): { dir: string; outside: string } {
  const base = tempDir();
  const dir = join(base, 'c');
  cpSync(fixture('basic'), dir, { recursive: true });
  const outside = join(base, 'secret');
  writeFileSync(outside, `${SECRET}\n`);
  return { dir, outside };
}

describe('the content boundary (finding 5)', () => {
  for (const name of ['glossary.json', 'glossary.yml']) {
    it(`a ${name} linked to a file outside is named as skipped, never read or quoted`, () => {
      const { dir, outside } = folderWithOutside();
      symlinkSync(outside, join(dir, name));
      const r = cli(['lookup', 'mergers', '--content', dir]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('Fusioner og opkøb');
      expect(r.stderr).toContain(`skipped ${join(dir, name)}: symbolic link to a file outside the content folder`);
      expect(r.stdout + r.stderr).not.toContain('hemmeligt');
      expect(r.stdout + r.stderr).not.toContain('root:');
    });
  }

  it('a config inside that is not valid JSON is reported without quoting its text', () => {
    const { dir } = folderWithOutside();
    writeFileSync(join(dir, 'glossary.json'), `${SECRET}\n`);
    const r = cli(['lookup', 'mergers', '--content', dir]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/glossary\.json: not valid JSON/);
    expect(r.stderr).not.toContain('hemmeligt');
    expect(r.stderr).not.toContain('root:');
  });

  it('an article and a language folder linked outside are skipped, not read', () => {
    const { dir, outside } = folderWithOutside();
    const other = join(dir, '..', 'other');
    mkdirSync(join(other), { recursive: true });
    writeFileSync(join(other, 'hemmelig.md'), `---\ntitle: Hemmelig\ndescription: ${SECRET}\n---\n\n# Hemmelig\n\n${SECRET}\n`);
    const lang = join(dir, '..', 'lang');
    mkdirSync(lang);
    cpSync(fixture('basic'), join(lang, 'da'), { recursive: true });
    symlinkSync(other, join(lang, 'en'));
    symlinkSync(outside, join(dir, 'ude.md'));
    const a = cli(['search', 'hemmeligt', '--content', dir]);
    expect(a.stdout + a.stderr).not.toContain('root:');
    expect(a.stderr).toContain('ude.md: symbolic link to a file outside the content folder');
    const b = cli(['search', 'hemmeligt', '--content', lang, '--lang', 'all']);
    expect(b.code).toBe(3);
    expect(b.stderr).toContain(`skipped ${join(lang, 'en')}: symbolic link to a folder outside the content folder`);
    expect(b.stdout + b.stderr).not.toContain('root:');
  });
});

describe('empty paths and option values (finding 6)', () => {
  it('--content "" is a usage error, not the current folder', () => {
    const r = cli(['lookup', 'x', '--content', '']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^glossary: --content takes a folder, not an empty path.*\n$/);
  });
  it('an empty path in GLOSSARY_CONTENT is a usage error; an empty GLOSSARY_CONTENT is unset', () => {
    for (const list of ['a::b', ':', `${fixture('basic')}:`]) {
      const r = cli(['lookup', 'x'], cleanEnv({ GLOSSARY_CONTENT: list }));
      expect(r.code, list).toBe(2);
      expect(r.stderr).toMatch(/^glossary: GLOSSARY_CONTENT has an empty path in it.*\n$/);
    }
    expect(cli(['lookup', 'fusion'], cleanEnv({ GLOSSARY_CONTENT: '' })).code).toBe(0);
  });
  it('--limit and --width take positive decimal integers only', () => {
    for (const v of ['', '0x10', '1e3', ' 1', '1.0', '+1', '0', '-1']) {
      const r = cli(['search', 'fusion', '--limit', v]);
      expect(r.code, `--limit '${v}'`).toBe(2);
      expect(r.stderr).toMatch(/--limit takes a whole number/);
    }
    for (const v of ['', '0x50', '8e1']) {
      const r = cli(['lookup', 'fusion', '--width', v]);
      expect(r.code, `--width '${v}'`).toBe(2);
      expect(r.stderr).toMatch(/--width takes a whole number/);
    }
    expect(cli(['search', 'fusion', '--limit', '2']).code).toBe(0);
    expect(cli(['lookup', 'fusion', '--width', '60']).code).toBe(0);
  });
});

describe('smaller ones (finding 10)', () => {
  it('a folder whose name is not UTF-8 is not reported as missing', () => {
    const base = tempDir();
    mkdirSync(Buffer.concat([Buffer.from(`${base}/`), Buffer.from([0x66, 0xff, 0x6f])]));
    const r = spawnSync('bash', ['-c', `exec "$0" "$1" lookup x --content "$(printf '%s/f\\377o' "$2")"`, process.execPath, bin, base], { env: cleanEnv(), encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(5);
    expect(r.stderr).toMatch(/^glossary: the content folder's name is not valid UTF-8.*\n$/);
    expect(r.stderr).not.toContain('does not exist');
  });

  it('U+2028 and U+2029 in a heading or title never reach the output', () => {
    const { dir } = folderWithOutside();
    writeFileSync(join(dir, 'skille.md'), `---\ntitle: "Skille\u2028tegn"\ndescription: "En linje\u2029til."\n---\n\n# Skille\u2028tegn\n\nTekst\u2029her.\n`);
    for (const args of [['lookup', 'skille'], ['search', 'skille'], ['list'], ['lookup', 'skille', '--json'], ['search', 'skille', '--json']]) {
      const r = cli([...args, '--content', dir]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout + r.stderr, args.join(' ')).not.toMatch(/[\u2028\u2029]/);
    }
  });

  it('an error line never repeats a whole long argument', () => {
    const long = 'a'.repeat(60_000);
    for (const args of [['search', 'fusion', '--limit', long], ['lookup', 'fusion', '--content', `/tmp/${long}`], ['lookup', 'fusion', '--lang', long], ['lookup', `${long} ${long}`]]) {
      const r = cli(args);
      expect(r.code).not.toBe(0);
      expect(r.stderr.length, args[1]).toBeLessThan(2100);
      expect(r.stderr.split('\n').length).toBe(2);
    }
    expect(cli(['search', 'fusion', '--limit', long]).stderr).toContain('…');
  });
});
