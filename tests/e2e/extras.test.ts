// End-to-end: shell completion, random, help and the man page.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, cleanEnv, cli, fixture, root, tempDir } from '../helpers.js';

/** A PATH with `glossary` on it, as after `npm install -g`. */
function pathWithGlossary(): string {
  const dir = tempDir('glossary-path-');
  symlinkSync(bin, join(dir, 'glossary'));
  return `${dir}:${process.env['PATH']}`;
}

/** Sources the bash script and calls its function as bash would on TAB; returns COMPREPLY. */
function bashComplete(line: string, env: NodeJS.ProcessEnv = {}): string[] {
  const script = join(tempDir(), 'glossary.bash');
  writeFileSync(script, cli(['completion', 'bash']).stdout);
  const words = line.split(' ');
  const program = `source ${JSON.stringify(script)}
COMP_WORDS=(${words.map((w) => JSON.stringify(w)).join(' ')}); COMP_CWORD=${words.length - 1}
_glossary; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const out = execFileSync('bash', ['--norc', '--noprofile', '-c', program], { env: { ...cleanEnv(), PATH: pathWithGlossary(), ...env }, encoding: 'utf8' });
  return out.split('\n').filter(Boolean);
}

describe('completion', () => {
  it('prints a bash script that bash -n accepts', () => {
    const r = cli(['completion', 'bash']);
    expect(r.code).toBe(0);
    const check = spawnSync('bash', ['-n'], { input: r.stdout });
    expect(check.status).toBe(0);
  });

  it.each(['zsh', 'fish'])('prints a %s script', (shell) => {
    const r = cli(['completion', shell]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('glossary __complete');
  });

  it('rejects an unknown shell with exit 2', () => {
    const r = cli(['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('glossary: no completion for "tcsh": choose one of bash, zsh, fish\n');
  });

  it('completes `glossary lookup strat<TAB>` with strategisk-alliance', () => {
    expect(bashComplete('glossary lookup strat')).toContain('strategisk-alliance');
  });

  it('completes commands, options, keywords, and names from a --content folder', () => {
    expect(bashComplete('glossary lo')).toEqual(['lookup']);
    expect(bashComplete('glossary lookup --w')).toEqual(['--width']);
    expect(bashComplete('glossary list --keyword typ')).toEqual(['Types of Corporations']);
    expect(bashComplete(`glossary --content ${fixture('basic')} lookup ikke`)).toEqual(['ikke-registreret-konto']);
    expect(bashComplete('glossary completion b')).toEqual(['bash']);
  });

  it('folds what was typed: `organisk-væ` finds organisk-vaekst', () => {
    expect(bashComplete('glossary lookup organisk-væ')).toEqual(['organisk-vaekst']);
  });

  it('takes --lang and GLOSSARY_LANG into account', () => {
    const content = `--content ${fixture('bilingual')}`;
    expect(bashComplete(`glossary ${content} lookup join`)).toEqual(['joint-venture', 'jointventure']);
    expect(bashComplete(`glossary ${content} --lang en lookup join`)).toEqual([]);
    expect(bashComplete(`glossary ${content} lookup strateg`, { GLOSSARY_LANG: 'en' })).toEqual(['strategic-alliance', 'strategicalliance']);
  });

  it('is not thrown off by --help or --version on the line', () => {
    expect(bashComplete('glossary lookup --help strat')).toContain('strategisk-alliance');
  });
});

describe('random', () => {
  it('shows one article, and one with the keyword when asked', () => {
    const r = cli(['random']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Keywords: /);
    const m = cli(['random', '--keyword', 'Mergers and Acquisitions']);
    expect(m.stdout).toMatch(/Keywords: .*Mergers and Acquisitions/);
  });

  it('exits 3 for an unknown keyword', () => {
    expect(cli(['random', '--keyword', 'xyzzy']).code).toBe(3);
  });
});

describe('help and man page', () => {
  it('glossary help <command> shows that command with examples', () => {
    const r = cli(['help', 'search']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: glossary search \[options\] <query\.\.\.>/);
    expect(r.stdout).toContain('$ glossary search alliance');
  });

  it('glossary.1 is built from the same definitions and installed with the package', () => {
    const page = readFileSync(join(root, 'dist', 'glossary.1'), 'utf8');
    for (const c of ['lookup', 'search', 'list', 'keywords', 'links', 'backlinks', 'related', 'check', 'random', 'completion']) expect(page).toContain(`.B ${c}`);
    expect(page).toMatch(/\.SH EXIT STATUS[\s\S]*\.B 4\nambiguous/);
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).man).toEqual(['./dist/glossary.1']);
    const man = spawnSync('man', ['-l', join(root, 'dist', 'glossary.1')], { encoding: 'utf8', env: { ...process.env, MANPAGER: 'cat', MANWIDTH: '80' } });
    if (man.status === 0) expect(man.stdout).toMatch(/GLOSSARY\(1\)/);
  });
});
