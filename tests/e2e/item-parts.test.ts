// A compiled language keeps its items (records, search documents, body terms, shards) in parts of
// ITEMS_PER_PART items under one index (store/compiled.ts). Here the parts are made 4 items long
// (GLOSSARY_TEST_PART) over a corpus of 14 articles: every answer is the one-file build's, and a
// body edit writes only the part its article is in; the other parts are shared with the
// generation before, and a damaged part is found and rebuilt, never served.
import { readFileSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, cli, generation, tempDir } from '../helpers.js';

const WORDS = ['likviditet', 'egenkapital', 'afkast', 'gæld', 'omsætning', 'budget', 'risiko', 'kapital', 'rente', 'aktie', 'obligation', 'skat', 'revision', 'regnskab'];

/** 14 articles, ids a00..a13 (numbered so: a05 is item 5, in the second part of 4), linking on. */
function writeCorpus(dir: string): void {
  WORDS.forEach((word, i) => {
    const id = `a${String(i).padStart(2, '0')}`;
    const next = `a${String((i + 1) % WORDS.length).padStart(2, '0')}`;
    const title = word[0]?.toUpperCase() + word.slice(1);
    writeFileSync(join(dir, `${id}.md`), `---\ntitle: ${title}\ndescription: ${title} er et begreb i nummer ${i}.\naliases:\n  - ${word}s begreb\nkeywords:\n  - ${i % 2 ? 'Regnskab' : 'Finansiering'}\n---\n\n# ${title}\n\n${title} hænger sammen med [${WORDS[(i + 1) % WORDS.length]}](/${next}) og med ${WORDS[(i + 3) % WORDS.length]}.\n`);
  });
}

/** What a user sees: every article, a search by body word, by alias, the list and a keyword. */
function answers(dir: string, env: NodeJS.ProcessEnv): string[] {
  const run = (...args: string[]) => {
    const r = cli(['--content', dir, ...args], env);
    return `${args.join(' ')} -> ${r.code}\n${r.stdout}${r.stderr}`;
  };
  return [
    ...WORDS.map((_, i) => run('lookup', '--json', `a${String(i).padStart(2, '0')}`)),
    run('search', '--json', 'obligation'),
    run('search', '--json', 'hænger sammen med rente'),
    run('search', '--json', 'kvasarord'),
    run('search', '--json', 'skats begreb'),
    run('list', '--json'),
    run('list', '--keyword', 'Regnskab'),
    run('keywords'),
  ];
}

describe('items kept in parts', () => {
  it('answer as one file does; a body edit writes only its part, and a damaged part is rebuilt', () => {
    const dir = tempDir();
    writeCorpus(dir);
    const parts = cleanEnv({ GLOSSARY_TEST_PART: '4' });
    expect(answers(dir, parts)).toEqual(answers(dir, cleanEnv()));
    const before = generation(parts);
    const ino = (gen: string, file: string) => statSync(join(gen, 'da', file)).ino;
    // 14 records in parts of 4: four data files under one index.
    expect(readdirSync(join(before, 'da')).filter((f) => f.startsWith('records.')).sort()).toEqual(['records.1.dat', 'records.2.dat', 'records.3.dat', 'records.dat', 'records.idx']);

    // A new word in a05's body (item 5: the second part).
    const file = join(dir, 'a05.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('og med', 'og med kvasarord og'));
    const found = cli(['--content', dir, 'search', '--json', 'kvasarord'], parts);
    expect(found.stderr).toBe('');
    expect((JSON.parse(found.stdout) as Array<{ id: string }>).map((h) => h.id)).toEqual(['a05']);
    const after = generation(parts);
    expect(after).not.toBe(before);
    // Written: the part with the edit (records, docs, terms); shared: the others, as they were.
    for (const name of ['records', 'docs', 'terms']) {
      expect(ino(after, `${name}.1.dat`)).not.toBe(ino(before, `${name}.1.dat`));
      for (const other of [`${name}.dat`, `${name}.2.dat`, `${name}.3.dat`]) expect(ino(after, other)).toBe(ino(before, other));
    }
    expect(answers(dir, parts)).toEqual(answers(dir, cleanEnv()));

    // The last part cut short: an article there is read from its folder again, not served wrong.
    truncateSync(join(after, 'da', 'records.3.dat'), 10);
    const damaged = cli(['--content', dir, 'lookup', '--json', 'a13'], parts);
    expect(damaged.code).toBe(0);
    expect(damaged.stderr).toMatch(/damaged/);
    expect(JSON.parse(damaged.stdout).title).toBe('Regnskab');
    expect(answers(dir, parts)).toEqual(answers(dir, cleanEnv()));
  }, 240_000);

  it('written a part at a time as they are made: parts that divide the count exactly, in a worker too', () => {
    const dir = tempDir();
    writeCorpus(dir);
    // 14 in parts of 7: two full parts and no empty third; compiled in a worker of its own as a
    // large language is (GLOSSARY_TEST_WORKER), its records made and written part by part.
    const env = cleanEnv({ GLOSSARY_TEST_PART: '7', GLOSSARY_TEST_WORKER: '1,strict' });
    expect(answers(dir, env)).toEqual(answers(dir, cleanEnv()));
    const files = readdirSync(join(generation(env), 'da')).sort();
    for (const name of ['records', 'docs', 'terms']) expect(files.filter((f) => f.startsWith(`${name}.`))).toEqual([`${name}.1.dat`, `${name}.dat`, `${name}.idx`]);
  }, 240_000);
});
