// Never a stale answer: a word added to an article's body, then changed, then removed, is seen by
// search (hits and snippets), scan and lookup at each step, in a small folder (every file checked on
// every run) and in a large one (checked with --refresh, or every 10 s). Issue 26, finding 1: the
// patch for a body edit once updated the record alone, and search kept serving the old words.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SMALL_CORPUS } from '../../src/store/cache.js';
import { cleanEnv, cli, fixture, tempDir } from '../helpers.js';

interface Hit {
  id: string;
  match: string;
  snippet?: string;
}

function steps(dir: string, extra: string[]) {
  const env = cleanEnv();
  const run = (args: string[], input?: string) => cli(['--content', dir, ...extra, ...args], env, input);
  const file = join(dir, 'jointventure.md');
  const original = readFileSync(file, 'utf8');
  const search = (word: string) => {
    const r = run(['search', word, '--json']);
    return { code: r.code, hits: r.code === 0 ? (JSON.parse(r.stdout) as Hit[]) : [] };
  };
  return { run, file, original, search };
}

function editCycle(dir: string, extra: string[]) {
  const { run, file, original, search } = steps(dir, extra);
  // Compiled once, before any edit.
  expect(search('kvasarfinans').code).toBe(3);

  // Added: found in the body, with the sentence as its snippet.
  writeFileSync(file, `${original}\nHer står ordet kvasarfinans i brødteksten.\n`);
  let s = search('kvasarfinans');
  expect(s.code).toBe(0);
  expect(s.hits.map((h) => [h.id, h.match])).toEqual([['jointventure', 'body']]);
  expect(s.hits[0]?.snippet).toContain('kvasarfinans');
  expect(run(['lookup', 'jointventure', '--raw']).stdout).toContain('kvasarfinans');

  // Changed to another word: the old one is gone from search, the new one found.
  writeFileSync(file, `${original}\nHer står ordet pulsarkredit i brødteksten.\n`);
  expect(search('kvasarfinans').code).toBe(3);
  s = search('pulsarkredit');
  expect(s.hits.map((h) => h.id)).toEqual(['jointventure']);
  expect(s.hits[0]?.snippet).toContain('pulsarkredit');

  // Removed: found nowhere, and lookup shows the text without it.
  writeFileSync(file, original);
  expect(search('pulsarkredit').code).toBe(3);
  expect(search('kvasarfinans').code).toBe(3);
  expect(run(['lookup', 'jointventure', '--raw']).stdout).not.toContain('pulsarkredit');
}

describe('a body edit reaches every index', () => {
  it('in a small folder: search, snippets and lookup follow each edit at once', () => {
    const dir = tempDir();
    cpSync(fixture('basic'), dir, { recursive: true });
    editCycle(dir, []);
  });

  it('scan follows a body edit: a compound is matched only while its other part is a word of the corpus', () => {
    const dir = tempDir();
    const write = (name: string, text: string) => writeFileSync(join(dir, `${name}.md`), text);
    write('fusion', '---\ntitle: Fusion\ndescription: En fusion er en sammenlægning af to selskaber.\n---\n\nTo selskaber bliver til ét.\n');
    const other = '---\ntitle: Opkøb\ndescription: Et opkøb er et køb af et andet selskab.\n---\n\nEt selskab køber et andet.\n';
    write('opkoeb', other);
    const env = cleanEnv();
    const scan = () => {
      const r = cli(['--content', dir, 'scan', '--json'], env, 'Der kom en kvasarfusion i år.\n');
      return (JSON.parse(r.stdout || '[]') as Array<{ id: string; text: string }>).map((o) => `${o.id}:${o.text}`);
    };
    expect(scan()).toEqual([]);
    write('opkoeb', `${other}\nEn kvasar er et ord, kun denne prøve kender.\n`);
    expect(scan()).toEqual(['fusion:kvasarfusion']);
    write('opkoeb', other);
    expect(scan()).toEqual([]);
  });

  it(`in a large folder (over ${SMALL_CORPUS} files), with --refresh: the same`, { timeout: 240_000 }, () => {
    const dir = tempDir();
    cpSync(fixture('basic'), dir, { recursive: true });
    const more = join(dir, 'mange');
    mkdirSync(more);
    for (let i = 0; i <= SMALL_CORPUS; i++) {
      writeFileSync(join(more, `begreb-${i}.md`), `---\ntitle: Begreb ${i}\ndescription: Begreb nummer ${i} er et opdigtet ord til en prøve.\n---\n\nBegreb ${i} står her for at gøre mappen stor.\n`);
    }
    editCycle(dir, ['--refresh']);
  });
});
