// End-to-end: hostile content and bad input. Nothing from an article runs, no control character
// reaches the terminal, nothing blows up, and no file is lost without being named.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostileCorpus, type HostileCorpus } from '../fixtures/hostile.js';
import { bin, cleanEnv, cli, tempDir } from '../helpers.js';

// Any control character but newline; with colour on, only SGR sequences may remain.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const withoutSgr = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

let h: HostileCorpus;
let env: NodeJS.ProcessEnv;
const run = (args: string[], extra: Record<string, string> = {}) => cli(['--content', h.dir, ...args], { ...env, ...extra });

beforeAll(() => {
  h = hostileCorpus();
  env = cleanEnv();
  // The first run compiles; it must name every file it leaves out.
  const first = run(['list']);
  expect(first.code).toBe(0);
  first.stderr.split('\n').forEach((line) => expect(line).not.toMatch(CONTROL));
  (globalThis as { firstRun?: typeof first }).firstRun = first;
  // The compile names a few; check names them all, each with its reason.
  const report = JSON.parse(cli(['check', h.dir, '--json'], env).stdout) as { skipped: Array<{ file: string; reason: string }> };
  (globalThis as { skippedReasons?: Map<string, string> }).skippedReasons = new Map(report.skipped.map((s) => [s.file, s.reason]));
});
const firstRun = () => (globalThis as { firstRun?: { stdout: string; stderr: string } }).firstRun as { stdout: string; stderr: string };
const skippedReasonsCount = () => (globalThis as { skippedReasons?: Map<string, string> }).skippedReasons?.size ?? 0;
/** Why `check` says the file was left out, or undefined if it was not. */
const skippedReason = (file: string) => (globalThis as { skippedReasons?: Map<string, string> }).skippedReasons?.get(join(h.dir, file));

describe('code in front matter', () => {
  it('is never evaluated: the payload would have left a file behind', () => {
    run(['lookup', 'js']);
    cli(['check', h.dir], env);
    expect(existsSync(h.marker)).toBe(false);
  });

  it.each([
    ['js.md', 'front matter in "js" is not accepted'],
    ['javascript.md', 'front matter in "javascript" is not accepted'],
    ['spaced.md', 'front matter in "js" is not accepted'],
    ['jsfunction.md', 'front matter is not valid YAML'],
  ])('%s is rejected and named, with its reason', (file, reason) => {
    expect(skippedReason(file)).toContain(reason);
  });

  it('is an error for check, which exits 6', () => {
    const r = cli(['check', h.dir], env);
    expect(r.code).toBe(6);
    expect(r.stdout).toMatch(/js\.md:1: error: front matter in "js" is not accepted: only YAML front matter is read, nothing is executed \[front-matter-language\]/);
  });

  it('counts the files left out, naming the first few and pointing to check for the rest', () => {
    const lines = firstRun().stderr.trim().split('\n');
    const named = lines.filter((l) => l.startsWith('glossary: skipped '));
    expect(named).toHaveLength(5);
    const total = skippedReasonsCount();
    expect(total).toBeGreaterThan(5);
    expect(lines.at(-2)).toMatch(new RegExp(`^glossary: ${total} of \\d+ files skipped \\(${total - 5} more not named here\\): see glossary check /`));
    // And the listing itself ends by counting what is not in it.
    expect(lines.at(-1)).toMatch(new RegExp(`^glossary: ${total} files not in the corpus: see glossary check /`));
  });
});

describe('terminal escapes in content', () => {
  const cases: Array<[string, string[]]> = [
    ['lookup', ['lookup', 'flugt']],
    ['lookup narrow', ['lookup', 'flugt', '--width', '30']],
    ['lookup site markup', ['lookup', 'opmaerkning']],
    ['search', ['search', 'flugt']],
    ['list', ['list']],
    ['keywords', ['keywords']],
    ['links', ['links', 'flugt']],
    ['backlinks', ['backlinks', 'aktie']],
  ];
  it.each(cases)('%s: plain output has no control characters at all', (_name, args) => {
    const r = run(args);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stderr).not.toMatch(CONTROL);
  });

  it.each(cases)('%s: styled output has only the SGR colours glossary adds', (_name, args) => {
    const r = run(args, { FORCE_COLOR: '1' });
    expect(withoutSgr(r.stdout)).not.toMatch(CONTROL);
    expect(r.stderr).not.toMatch(CONTROL);
  });

  it('keeps the text of the title and the link, and drops each escape sequence whole (no `[31m` left of it)', () => {
    const r = run(['lookup', 'flugt']);
    const text = r.stdout.replace(/\s+/g, ' ');
    expect(text).toMatch(/^Flugt REDklik31mfilgpj\.exexmrk /);
    expect(text).toContain('og et link tekst samt ude <https://x.example/>.');
    expect(text).toContain('citat 2J Linked from');
    expect(text).not.toMatch(/\[(31|0|2J|H)m?\b|\]52;/);
  });

  it('drops bidirectional overrides, which would make the terminal show one text as another', () => {
    const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
    for (const args of [['lookup', 'flugt'], ['search', 'flugt'], ['list']]) {
      const r = run(args);
      expect(r.stdout).not.toMatch(BIDI);
    }
    expect(run(['lookup', 'flugt']).stdout.replace(/\s+/g, ' ')).toContain('filgpj.exexmrk');
  });

  it('does not echo control characters from arguments into error messages', () => {
    const r = run(['lookup', `\u001b]52;c;QQ==\u0007x\u001b[2J`]);
    // The term is echoed with its control characters shown escaped, on one line.
    expect(r.stderr).toMatch(/^glossary: no article "\\x1b\]52;c;QQ==\\x07x\\x1b\[2J"; [^\n]*\n$/);
    expect(r.stderr).not.toMatch(CONTROL);
    const bad = cli([`--\u001b[2Jx`], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toMatch(CONTROL);
  });

  it('check output has no control characters', () => {
    const r = cli(['check', h.dir], env);
    expect(r.stdout).not.toMatch(CONTROL);
  });

  it('--json escapes them: the bytes are gone from the output, the text survives parsing', () => {
    const r = run(['lookup', 'flugt', '--json']);
    expect(r.stdout).not.toMatch(CONTROL);
    const article = JSON.parse(r.stdout);
    expect(article.body).toContain('\u001b]52;c;');
    expect(article.body).toContain('\u009b2J');
    const hits = run(['search', 'flugt', '--json']);
    expect(hits.stdout).not.toMatch(CONTROL);
  });

  it('--raw to a pipe gives the bytes back unchanged', () => {
    const r = run(['lookup', 'flugt', '--raw']);
    expect(r.stdout).toBe(readFileSync(join(h.dir, 'escapes.md'), 'utf8'));
  });
});

describe('YAML bombs and odd YAML', () => {
  it('reads billion laughs without expanding it: the title falls back to the heading', () => {
    const r = run(['lookup', 'laughs']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Latter');
  });

  it('rejects 10,000 levels of nesting with a reason', () => {
    expect(skippedReason('deep.md')).toMatch(/^front matter is not valid YAML/);
  });

  it('reads front matter without a body, and rejects front matter that never closes', () => {
    expect(run(['lookup', 'fmonly']).stdout.split('\n')[0]).toBe('Kun front matter');
    expect(skippedReason('unclosed.md')).toContain('front matter is not closed');
  });
});

describe('broken bytes and sizes', () => {
  it.each([
    ['latin1.md', 'file is not valid UTF-8'],
    ['nul.md', 'file contains a NUL byte'],
    ['huge.md', 'file is 10.0 MB, larger than the 4 MB limit'],
  ])('%s is rejected: %s', (file, reason) => {
    expect(skippedReason(file)).toContain(reason);
  });

  it.each([['lang linje'], ['langt ord'], ['citater'], ['lister'], ['opmærkning']])('renders "%s" in bounded time, within the width', (title) => {
    const r = run(['lookup', title, '--width', '60']);
    expect(r.code).toBe(0);
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
  });

  it('refuses a 100,000-character query with exit 2 and one line', () => {
    const r = run(['search', 'a'.repeat(100_000)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('glossary: query is 100000 characters long; the limit is 200\n');
  });

  it('refuses an empty query with exit 2', () => {
    const r = run(['lookup', '   ']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^glossary: empty query/);
  });
});

describe('file system', () => {
  it('reaches files named like options after --', () => {
    expect(run(['lookup', '--', '--help']).stdout.split('\n')[0]).toBe('Hjælp');
    expect(run(['lookup', '--', '-n']).stdout.split('\n')[0]).toBe('Minus n');
    expect(firstRun().stdout).toMatch(/^hjaelp +Hjælp$/m);
    expect(firstRun().stdout).toMatch(/^minus-n +Minus n$/m);
  });

  it('keeps two ids that differ only by case apart, and check reports them', () => {
    expect(run(['lookup', 'Case']).stdout.split('\n')[0]).toBe('Stort C');
    expect(run(['lookup', 'case']).stdout.split('\n')[0]).toBe('Lille c');
    expect(cli(['check', h.dir], env).stdout).toMatch(/case\.md:1: error: id "case" is also used by Case\.md/);
  });

  it.each([
    ['loop.md', 'symbolic link loop'],
    ['outside.md', 'symbolic link to a file outside the content folder: not followed'],
    ['folder.md', 'not a regular file'],
  ])('skips %s and says why', (file, reason) => {
    expect(skippedReason(file)).toContain(reason);
  });

  it('exits 5 for a content path that is a file, and for a folder without articles', () => {
    const file = join(h.dir, 'stock.md');
    const r = cli(['--content', file, 'list'], env);
    expect(r.code).toBe(5);
    expect(r.stderr).toBe(`glossary: content path ${file} is not a folder: pass the folder that holds the .md files\n`);
    const empty = tempDir();
    expect(cli(['--content', empty, 'list'], env).code).toBe(5);
    const notes = tempDir();
    writeFileSync(join(notes, 'noter.md'), 'Bare noter.\n');
    const onlyNotes = cli(['--content', notes, 'list'], env);
    expect(onlyNotes.code).toBe(5);
    expect(onlyNotes.stderr).toMatch(/glossary: no articles in .*: 1 of 1 files skipped/);
  });

  it('check of a folder whose every file is left out says why, each file (exit 5), with --json too', () => {
    // A hostile tester's finding: `list` sent the user to `check`, which gave only the count.
    const dir = tempDir();
    for (const n of ['a', 'b']) writeFileSync(join(dir, `${n}.md`), Buffer.from(`---\ntitle: G\xe6ld ${n}\n---\nTekst.\n`, 'latin1'));
    const r = cli(['check', dir], env);
    expect(r.code).toBe(5);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/a\.md: error: .*UTF-8/);
    expect(lines[2]).toMatch(/^check failed: no articles in .*: 2 of 2 files skipped$/);
    const json = cli(['check', dir, '--json'], env);
    expect(json.code).toBe(5);
    const doc = JSON.parse(json.stdout) as { articles: number; failed: boolean; problems: Array<{ file: string; message: string }> };
    expect(doc).toMatchObject({ articles: 0, failed: true });
    expect(doc.problems.map((p) => p.file.split('/').pop())).toEqual(['a.md', 'b.md']);
  });

  it('names a folder\'s language by its parent only for a folder named glossary (MDN), not for any folder under a code-like name', () => {
    // Found at the end of a session: a clone in /tmp/xh built the bundled corpus as language "xh".
    const root = tempDir();
    mkdirSync(join(root, 'xh', 'content'), { recursive: true });
    writeFileSync(join(root, 'xh', 'content', 'a.md'), '---\ntitle: Aktie\n---\n\nTekst.\n');
    expect(JSON.parse(cli(['--content', join(root, 'xh', 'content'), 'lookup', '--json', 'a'], env).stdout).lang).toBe('da');
    mkdirSync(join(root, 'en-us', 'glossary'), { recursive: true });
    writeFileSync(join(root, 'en-us', 'glossary', 'b.md'), '---\ntitle: Share\n---\n\nText.\n');
    expect(JSON.parse(cli(['--content', join(root, 'en-us', 'glossary'), 'lookup', '--json', 'b'], env).stdout).lang).toBe('en-us');
  });

  it('reads a folder of language sub-folders', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'da'));
    writeFileSync(join(dir, 'da', 'a.md'), '# A\n');
    expect(cli(['--content', dir, 'list'], env).stdout).toMatch(/^a +A$/m);
  });
});

describe('pipes', () => {
  it('ends quietly when the reader stops after one line, with no trace on stderr', () => {
    const script = `"${process.execPath}" "${bin}" --content "${h.dir}" lookup 'lang linje' --width 20 2>/tmp/glossary-pipe-$$ | head -1; echo "status:\${PIPESTATUS[0]}"; cat /tmp/glossary-pipe-$$; rm -f /tmp/glossary-pipe-$$`;
    const out = execFileSync('bash', ['-c', script], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toBe('Lang linje\nstatus:0\n');
  });
});
