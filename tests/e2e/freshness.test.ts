// Issue 26, finding 1: a body edit reaches every derived structure (full-text index, snippets,
// scan, lookup), in both freshness modes: a small folder checked in full on every run, and a large
// one (here: the threshold lowered for the test) checked on --refresh.
import { cpSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, cli, fixture, tempDir } from '../helpers.js';

const WORD = 'kvasarfinans';

function steps(large: boolean) {
  const dir = join(tempDir(), 'c');
  cpSync(fixture('basic'), dir, { recursive: true });
  const env = cleanEnv(large ? { GLOSSARY_TEST_SMALL_CORPUS: '2' } : {});
  const refresh = large ? ['--refresh'] : [];
  const run = (...args: string[]) => cli([...args, '--content', dir, ...refresh], env);
  const file = join(dir, 'mergers.md');
  const original = readFileSync(file, 'utf8');
  const search = () => run('search', '--json', WORD);
  const found = (ids: string[], snippet?: RegExp) => {
    const r = search();
    if (ids.length === 0) {
      expect(r.code, r.stderr).toBe(3);
      // No hits with --json: an empty list, and exit 3 as without it.
      expect(r.stdout).toBe('[]\n');
      return;
    }
    expect(r.code, r.stderr).toBe(0);
    const hits = JSON.parse(r.stdout) as Array<{ id: string; match: string; snippet?: string }>;
    expect(hits.map((h) => h.id)).toEqual(ids);
    if (snippet) expect(hits[0]?.snippet).toMatch(snippet);
  };
  // The first run compiles; the word is in no file.
  found([]);
  expect(run('lookup', 'mergers', '--raw').stdout).not.toContain(WORD);
  // Added to a body: search finds it, the snippet shows the new line, lookup shows it.
  writeFileSync(file, `${original}\nHer står ordet ${WORD} i en ny sætning.\n`);
  found(['mergers'], new RegExp(`${WORD} i en ny`));
  expect(run('lookup', 'mergers', '--raw').stdout).toContain(WORD);
  // Edited: the snippet follows the new text, the word still found.
  writeFileSync(file, `${original}\nNu står ${WORD} et andet sted.\n`);
  found(['mergers'], /Nu står/);
  // A new article named Kvasar: scan finds its name, and a compound of it whose other part is a
  // word of the corpus's text, once that word is in a body.
  const kvasar = join(dir, 'kvasar.md');
  writeFileSync(kvasar, `---\ntitle: Kvasar\ndescription: En prøve.\n---\n\n# Kvasar\n\nIntet her.\n`);
  const scan = (text: string) => {
    const r = cli(['scan', '--json', '--content', dir, ...refresh], env, text);
    expect(r.code === 0 || r.code === 3, r.stderr).toBe(true);
    return r.code === 0 ? (JSON.parse(r.stdout) as Array<{ id: string }>).map((t) => t.id) : [];
  };
  expect(scan('Her er en kvasar.\n')).toEqual(['kvasar']);
  expect(scan('Her er kvasarplumbus.\n')).toEqual([]);
  writeFileSync(file, `${original}\nNu står ${WORD} og plumbus her.\n`);
  expect(scan('Her er kvasarplumbus.\n')).toEqual(['kvasar']);
  found(['mergers'], /plumbus/);
  // Removed again: found nowhere, no stale body match, no stale vocabulary.
  writeFileSync(file, original);
  found([]);
  expect(run('lookup', 'mergers', '--raw').stdout).not.toContain(WORD);
  expect(scan('Her er kvasarplumbus.\n')).toEqual([]);
  // The new file gains the word, then is removed.
  writeFileSync(kvasar, `---\ntitle: Kvasar\ndescription: En prøve.\n---\n\n# Kvasar\n\nOrdet ${WORD} står her.\n`);
  found(['kvasar'], new RegExp(WORD));
  rmSync(kvasar);
  found([]);
  expect(scan('Her er en kvasar.\n')).toEqual([]);
}

describe('a body edit reaches search, snippets, scan and lookup (issue 26, finding 1)', () => {
  it('in a small folder, checked in full on every run', () => steps(false), 120_000);
  it('in a large folder, checked on --refresh', () => steps(true), 120_000);
});

describe('a folder whose mtime has whole seconds (a coarse file system)', () => {
  it('sees a file added within the same second as the last compile, though the folder mtime stays', () => {
    const dir = join(tempDir(), 'c');
    cpSync(fixture('basic'), dir, { recursive: true });
    const env = cleanEnv();
    // The folder's mtime as such a file system keeps it: the second the compile runs in.
    const second = Math.floor(Date.now() / 1000);
    utimesSync(dir, second, second);
    expect(cli(['--content', dir, 'list'], env).code).toBe(0);
    writeFileSync(join(dir, 'kvasar.md'), `---\ntitle: Kvasar\ndescription: En prøve.\n---\n\nTekst.\n`);
    utimesSync(dir, second, second);
    const r = cli(['--content', dir, 'lookup', 'kvasar', '--raw'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Kvasar');
  }, 60_000);
});
