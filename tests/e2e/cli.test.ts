// End-to-end: the built bin/glossary.js, spawned as a user would, on the bundled corpus and fixtures.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, cleanEnv, cli, ESC, fixture, root, tempDir } from '../helpers.js';

const oneLine = (stderr: string) => {
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr).toMatch(/^glossary: /);
};

describe('lookup on the bundled corpus', () => {
  it.each([['strategisk-alliance'], ['strategicalliance'], ['Strategisk Alliance'], ['strategisk', 'alliance']])('finds the seed by %j', (...term) => {
    const r = cli(['lookup', ...term]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toBe('Strategisk alliance');
    expect(r.stdout).toContain('Keywords: Business, Types of Corporations');
    expect(r.stdout).toMatch(/See also\n(.*\n)*? {2}\[\d\] Joint venture +glossary lookup joint-venture/);
    expect(r.stdout).toMatch(/ {2}\[\d\] Organisk vækst +glossary lookup organisk-vaekst/);
    expect(r.stdout).not.toMatch(ESC);
    expect(r.stdout).not.toContain('(/');
  });

  it('renders the clear best match of a typo and says so on stderr', () => {
    const r = cli(['lookup', 'strategisk', 'aliance']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Strategisk alliance');
    expect(r.stderr).toBe('glossary: no article is named "strategisk aliance"; showing strategisk-alliance (Strategisk alliance)\n');
  });

  it('exits 3 with one line for a term that matches nothing', () => {
    const r = cli(['lookup', 'xyzzyqwv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    oneLine(r.stderr);
    expect(r.stderr).toContain('no article "xyzzyqwv"');
  });

  it('prints --raw as the Markdown source, byte for byte', () => {
    const r = cli(['lookup', 'strategisk-alliance', '--raw']);
    expect(r.stdout).toBe(readFileSync(`${root}/content/strategicalliance.md`, 'utf8'));
  });

  it('prints --json with the article fields', () => {
    const r = cli(['lookup', 'strategisk-alliance', '--json']);
    const a = JSON.parse(r.stdout);
    expect(a).toMatchObject({ id: 'strategicalliance', slug: 'strategisk-alliance', title: 'Strategisk alliance', keywords: ['Business', 'Types of Corporations'] });
    expect(a.description).toMatch(/^En strategisk alliance/);
    expect(a.body).toMatch(/^\n# Strategisk alliance/);
    expect(a.links.map((l: { target: string }) => l.target)).toEqual(['jointventure', 'organicgrowth']);
  });

  it('styles output with FORCE_COLOR and never with NO_COLOR or --no-color', () => {
    expect(cli(['lookup', 'strategisk-alliance'], cleanEnv({ FORCE_COLOR: '1' })).stdout).toMatch(ESC);
    expect(cli(['lookup', 'strategisk-alliance'], cleanEnv({ FORCE_COLOR: '1', NO_COLOR: '1' })).stdout).not.toMatch(ESC);
    expect(cli(['--no-color', 'lookup', 'strategisk-alliance'], cleanEnv({ FORCE_COLOR: '1' })).stdout).not.toMatch(ESC);
  });

  it.each([
    [['--width', '40'], {}, 40],
    [[], { COLUMNS: '60' }, 60],
    [[], { COLUMNS: '1000' }, 100],
    [[], { COLUMNS: '10' }, 10],
  ])('wraps to the width (%j, %j) -> %i', (flags, env, width) => {
    const r = cli(['lookup', 'strategisk-alliance', ...flags], cleanEnv(env));
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(width);
    if (width >= 60) expect(Math.max(...lines.map((l) => [...l].length))).toBeGreaterThan(width - 15);
  });

  it('rejects a bad --width with exit 2 and one line', () => {
    const r = cli(['lookup', 'x', '--width', 'wide']);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
  });
});

describe('search', () => {
  it('lists the seed first for "alliance"', () => {
    const r = cli(['search', 'alliance']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^strategisk-alliance +Strategisk alliance +En strategisk alliance/);
  });

  it('finds vækst typed as vaekst', () => {
    const r = cli(['search', 'vaekst']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^organisk-vaekst +Organisk vækst/m);
  });

  it('keeps each line within the width and honours --limit', () => {
    const r = cli(['search', 'selskab', '--limit', '3', '--width', '60']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(60);
  });

  it('prints --json hits', () => {
    const hits = JSON.parse(cli(['search', 'alliance', '--json']).stdout);
    expect(hits[0]).toMatchObject({ id: 'strategicalliance', name: 'strategisk-alliance', title: 'Strategisk alliance' });
  });

  it('exits 3 when nothing matches', () => {
    const r = cli(['search', 'xyzzyqwv']);
    expect(r.code).toBe(3);
    oneLine(r.stderr);
  });

  it('nothing found, or no one article, with --json: stdout is still a document, null where no article is (lookup, links, random), the message on stderr, exit 3 or 4', () => {
    for (const [code, args] of [[3, ['lookup', 'qxzvw']], [3, ['links', 'qxzvw']], [3, ['backlinks', 'qxzvw']], [3, ['related', 'qxzvw']], [3, ['random', '--keyword', 'ingen-saadan']], [4, ['lookup', 'fond']]] as const) {
      const r = cli([...args, '--json']);
      expect(r.code, args.join(' ')).toBe(code);
      expect(JSON.parse(r.stdout), args.join(' ')).toBeNull();
      oneLine(r.stderr);
    }
  });

  it.each([['.*'], ['('], ['[\\']])('treats %j as text, not a pattern', (q) => {
    const r = cli(['search', q]);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`glossary: nothing matches "${q}"; try fewer or other words, or: glossary list\n`);
  });
});

describe('list and keywords', () => {
  it('lists articles with a keyword, case-insensitively, sorted in Danish order', () => {
    const r = cli(['list', '--keyword', 'business']);
    expect(r.code).toBe(0);
    const names = r.stdout.trimEnd().split('\n').map((l) => l.split(/\s+/)[0]);
    expect(names).toContain('strategisk-alliance');
    // A keyword that only some articles have: those, and not the others.
    const small = cli(['list', '--keyword', 'small business']).stdout.trimEnd().split('\n').map((l) => l.split(/\s+/)[0]);
    expect(small).toContain('enkeltmandsvirksomhed');
    expect(small).not.toContain('strategisk-alliance');
    expect(small.length).toBeLessThan(names.length);
    const titles = r.stdout.trimEnd().split('\n').map((l) => l.replace(/^\S+\s+/, ''));
    expect(titles).toEqual([...titles].sort(new Intl.Collator('da').compare));
  });

  it('suggests the closest keyword for an unknown one and exits 3', () => {
    const r = cli(['list', '--keyword', 'businez']);
    expect(r.code).toBe(3);
    oneLine(r.stderr);
    expect(r.stderr).toContain('did you mean: Business');
  });

  it('counts keywords', () => {
    const r = cli(['keywords']);
    expect(r.stdout).toMatch(/^\s*\d+ {2}Business$/m);
    const json = JSON.parse(cli(['keywords', '--json']).stdout);
    const types = json.find((k: { keyword: string }) => k.keyword === 'Types of Corporations');
    expect(types.count).toBeGreaterThan(1);
  });

  it('ends quietly, exit 0, when the reader goes away after one line (| head -1)', () => {
    // 3,000 articles: far more output than a pipe holds, so glossary really writes into a closed pipe.
    const dir = tempDir();
    for (let i = 0; i < 3000; i++) writeFileSync(join(dir, `a${i}.md`), `---\ntitle: Artikel nummer ${i}\n---\n# Artikel nummer ${i}\n`);
    const script = `"${process.execPath}" "${bin}" --content "${dir}" list 2>/tmp/glossary-epipe-$$ | head -1; echo "status:\${PIPESTATUS[0]}"; cat /tmp/glossary-epipe-$$; rm -f /tmp/glossary-epipe-$$`;
    const out = execFileSync('bash', ['-c', script], { env: cleanEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toMatch(/^artikel-nummer-\d+ +Artikel nummer \d+\nstatus:0\n$/);
  });

  it('says in one line that the output cannot be written (a full disk: /dev/full), exit 8, not the exit code of a bug', () => {
    const script = `"${process.execPath}" "${bin}" list 2>&1 > /dev/full; echo "status:$?"`;
    const out = execFileSync('bash', ['-c', script], { env: cleanEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toBe('glossary: cannot write the output: no space left on the device (ENOSPC); free some space, or send the output elsewhere\nstatus:8\n');
  });

  it('writes a whole long answer into a pipe whose reader is slow (nothing lost, nothing doubled)', () => {
    const script = `"${process.execPath}" "${bin}" list | (sleep 1; cat) | wc -l; "${process.execPath}" "${bin}" list > /tmp/glossary-slow-$$; wc -l < /tmp/glossary-slow-$$; rm -f /tmp/glossary-slow-$$`;
    const [piped, filed] = execFileSync('bash', ['-c', script], { env: cleanEnv(), encoding: 'utf8' }).trim().split(/\s+/);
    expect(Number(piped)).toBeGreaterThan(200);
    expect(piped).toBe(filed);
  });
});

describe('help, version and usage errors', () => {
  it.each(['lookup', 'search', 'list', 'keywords'])('shows help with examples for %s', (command) => {
    const r = cli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain(`$ glossary ${command}`);
  });

  it('prints the version', () => {
    expect(cli(['--version']).stdout.trim()).toBe(JSON.parse(readFileSync(`${root}/package.json`, 'utf8')).version);
  });

  it('exits 2 with one line for an unknown command or option', () => {
    for (const args of [['lokup', 'x'], ['lookup', '--frobnicate', 'x'], ['lookup']]) {
      const r = cli(args);
      expect(r.code).toBe(2);
      oneLine(r.stderr);
    }
  });
});

describe('--content folders', () => {
  it('looks up an id starting with "-" after --', () => {
    const r = cli(['--content', fixture('basic'), 'lookup', '--', '-nonregistered-account']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Ikke-registreret konto');
  });

  it('shows a file name starting with "-" in list', () => {
    expect(cli(['--content', fixture('basic'), 'list']).stdout).toContain('ikke-registreret-konto');
  });

  it('reads GLOSSARY_CONTENT', () => {
    const r = cli(['lookup', 'jv'], cleanEnv({ GLOSSARY_CONTENT: fixture('basic') }));
    expect(r.stdout.split('\n')[0]).toBe('Joint venture');
  });

  it('asks which one when a name fits two articles, exit 4', () => {
    const r = cli(['--content', fixture('dupes'), 'lookup', 'afskrivninger']);
    expect(r.code).toBe(4);
    oneLine(r.stderr);
    expect(r.stderr).toContain('did you mean: amortization (Afskrivninger), depreciation (Afskrivninger)?');
  });

  it('refuses an empty --content or an empty path in GLOSSARY_CONTENT with exit 2, rather than compile the current folder', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'not-a-glossary.md'), '---\ntitle: Nej\n---\n\nIkke denne mappe.\n');
    for (const [args, env] of [[['--content', '', 'list'], cleanEnv()], [['list'], cleanEnv({ GLOSSARY_CONTENT: `${fixture('basic')}:` })]] as const) {
      const r = spawnSync(process.execPath, [bin, ...args], { cwd, env, encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^glossary: (--content takes a folder, not an empty path|GLOSSARY_CONTENT has an empty path in it): [^\n]+\n$/);
    }
  });

  it.each([['--limit', ''], ['--limit', '0x10'], ['--limit', '1e3'], ['--width', '']])('refuses %s %j with exit 2', (flag, value) => {
    const r = cli(['search', 'aktie', flag, value]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    oneLine(r.stderr);
  });

  it('names a huge argument in an error without repeating it', () => {
    const huge = 'x'.repeat(100_000);
    for (const args of [['--lang', huge, 'list'], ['--content', huge, 'list'], ['check', huge]]) {
      const r = cli(args);
      expect(r.code).not.toBe(0);
      oneLine(r.stderr);
      expect(r.stderr.length).toBeLessThan(400);
      expect(r.stderr).toContain('…');
    }
  });

  it('exits 5 for a content folder that does not exist', () => {
    const r = cli(['--content', '/nonexistent/glossary', 'list']);
    expect(r.code).toBe(5);
    oneLine(r.stderr);
    expect(r.stderr).toContain('does not exist');
  });

  it('exits 5 for a content folder inside another one given (its articles would be listed twice); the same folder through a link is one', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'c', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'c', 'a.md'), '---\ntitle: Aktie\n---\nEn aktie.\n');
    writeFileSync(join(dir, 'c', 'sub', 'x.md'), '---\ntitle: Obligation\n---\nEn obligation.\n');
    symlinkSync(join(dir, 'c'), join(dir, 'link'));
    const env = cleanEnv({ XDG_CACHE_HOME: tempDir() });
    for (const args of [['--content', join(dir, 'c'), '--content', join(dir, 'c', 'sub')], ['--content', join(dir, 'link', 'sub'), '--content', join(dir, 'c')]]) {
      const r = cli([...args, 'list'], env);
      // Before: Aktie once, Obligation twice (as sub/x and as x).
      expect(r.code).toBe(5);
      expect(r.stdout).toBe('');
      oneLine(r.stderr);
      expect(r.stderr).toMatch(/^glossary: content folder \S+sub is inside content folder \S+, whose articles it would list twice: pass only \S+\n$/);
    }
    const once = cli(['--content', join(dir, 'c'), '--content', join(dir, 'link'), 'list', '--json'], env);
    expect(once.code).toBe(0);
    expect(JSON.parse(once.stdout).map((a: { title: string }) => a.title)).toEqual(['Aktie', 'Obligation']);
  });
});

describe('fenced code', () => {
  it('is highlighted in colour (highlight.js loads on demand) and plain when piped', () => {
    const styled = cli(['--content', fixture('code'), 'lookup', 'rentes rente'], cleanEnv({ FORCE_COLOR: '1' }));
    expect(styled.code).toBe(0);
    expect(styled.stdout).toMatch(/\u001b\[\d+mconst\u001b\[39m slutvaerdi/);
    const plain = cli(['--content', fixture('code'), 'lookup', 'rentes rente']);
    expect(plain.stdout).toContain('const slutvaerdi = kapital * (1 + rente) ** aar; // rentes rente');
    expect(plain.stdout).not.toMatch(ESC);
  });
});
