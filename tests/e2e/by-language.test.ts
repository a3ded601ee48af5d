// A --content corpus is compiled one language at a time, and a language none of whose inputs
// changed is kept as it was (its files linked, not written). These tests compare every kind of
// answer with those of the in-memory reference build (every language compiled at once, as when
// the cache cannot be written), before and after edits, and check that an edit in one language
// leaves the others' files alone.
import { readdirSync, rmSync, statSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, cli, generation, tempDir } from '../helpers.js';

const LANGS = ['da', 'en', 'de'];
const WORDS: Record<string, string[]> = {
  da: ['kapital', 'selskab', 'regnskab', 'aktie', 'rente', 'skat', 'gæld', 'værdi'],
  en: ['capital', 'company', 'account', 'share', 'interest', 'tax', 'debt', 'value'],
  de: ['kapital', 'gesellschaft', 'bilanz', 'aktie', 'zins', 'steuer', 'schuld', 'wert'],
};

/** 30 ids; each language has most of them (some only in one), links by id, aliases, keywords. */
function writeCorpus(dir: string): void {
  for (const lang of LANGS) {
    mkdirSync(join(dir, lang), { recursive: true });
    const words = WORDS[lang] as string[];
    for (let i = 0; i < 30; i++) {
      if ((lang === 'en' && i % 7 === 3) || (lang === 'de' && i % 5 === 1)) continue;
      const w = words[i % words.length] as string;
      const other = words[(i * 3 + 1) % words.length] as string;
      const links = [(i + 1) % 30, (i * 7 + 2) % 30].map((n) => `[${words[n % words.length]}](/term${n})`).join(' og ');
      writeFileSync(
        join(dir, lang, `term${i}.md`),
        `---\ntitle: ${w[0]?.toUpperCase()}${w.slice(1)} ${other} ${i}\ndescription: ${w} ${other} nummer ${i}.\naliases: [${lang}${i}, ${other}${i}]\nkeywords: [${i % 2 ? 'Business' : 'Taxes'}]\n---\n\n## Om ${w}\n\n${w} ${other} ${'tekst '.repeat(i % 4)}se ${links}.\n`,
      );
    }
  }
}

const COMMANDS: string[][] = [
  ...LANGS.flatMap((lang) => [
    ['--lang', lang, 'list', '--json'],
    ['--lang', lang, 'keywords', '--json'],
    ['--lang', lang, 'lookup', 'term2', '--json'],
    ['--lang', lang, 'lookup', 'term4', '--raw'],
    ['--lang', lang, 'links', 'term6', '--json'],
    ['--lang', lang, 'backlinks', 'term3', '--json'],
    ['--lang', lang, 'search', (WORDS[lang] as string[])[2] as string, '--json'],
    ['--lang', lang, 'search', `${(WORDS[lang] as string[])[0]} ${(WORDS[lang] as string[])[5]}`, '--json', '--limit', '20'],
  ]),
  ['--lang', 'all', 'search', 'kapital', '--json'],
];

function answers(dir: string, env: NodeJS.ProcessEnv): string[] {
  return COMMANDS.map((args) => {
    const r = cli(['--content', dir, ...args], env);
    return `${args.join(' ')}\n${r.code}\n${r.stdout}`;
  });
}

/** The reference: compiled in memory, every language at once (a cache that cannot be written). */
function reference(dir: string): string[] {
  return answers(dir, cleanEnv({ GLOSSARY_TEST_WRITE_ERROR: 'ENOSPC' }));
}

describe('a corpus compiled language by language', () => {
  it('answers as the in-memory reference build does, before and after edits in one language, and keeps the other languages as they were', () => {
    const dir = tempDir();
    writeCorpus(dir);
    const env = cleanEnv();
    expect(answers(dir, env)).toEqual(reference(dir));
    const before = generation(env);
    const inode = (gen: string, lang: string) => statSync(join(gen, lang, 'names.dat')).ino;
    const kept = { da: inode(before, 'da'), en: inode(before, 'en'), de: inode(before, 'de') };

    // A changed title, and a new file whose id no other language has, both in German.
    const file = join(dir, 'de', 'term2.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Neuer Titel zwei'));
    writeFileSync(join(dir, 'de', 'neu.md'), '---\ntitle: Ganz neu\ndescription: Ein neuer Begriff.\n---\n\nSiehe [zwei](/term2).\n');
    const after = answers(dir, env);
    expect(after).toEqual(reference(dir));
    expect(after.join('\n')).toContain('Neuer Titel zwei');
    const gen = generation(env);
    expect(gen).not.toBe(before);
    expect(inode(gen, 'da')).toBe(kept.da);
    expect(inode(gen, 'en')).toBe(kept.en);
    expect(inode(gen, 'de')).not.toBe(kept.de);

    // A file of a language to keep is missing from the current generation (damage no command has
    // read yet): that language is compiled again, into the cache, not kept half.
    rmSync(join(gen, 'en', 'keywords.dat'));
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Neuer Titel drei'));
    const edited = cli(['--content', dir, '--lang', 'de', 'lookup', 'term2', '--json'], env);
    expect(edited.stderr).toBe('');
    expect(JSON.parse(edited.stdout).title).toBe('Neuer Titel drei');
    expect(answers(dir, env)).toEqual(reference(dir));
    const fourth = generation(env);
    expect(inode(fourth, 'da')).toBe(kept.da);
    expect(inode(fourth, 'en')).not.toBe(kept.en);

    // An id that gains or loses a language changes what the others say of it (its other
    // languages): a file added and one removed are patched in (store/membership.ts), and the
    // Danish records of those ids with them; the rest of Danish is shared as it was.
    writeFileSync(join(dir, 'en', 'term3.md'), '---\ntitle: Share three\ndescription: Now in English too.\n---\n\nText.\n');
    rmSync(join(dir, 'de', 'term8.md'));
    const daRecords = statSync(join(fourth, 'da', 'records.dat')).ino;
    expect(answers(dir, env)).toEqual(reference(dir));
    const third = generation(env);
    expect(statSync(join(third, 'da', 'records.dat')).ino).not.toBe(daRecords);
    expect(inode(third, 'da')).toBe(kept.da);
    const da3 = JSON.parse(cli(['--content', dir, '--lang', 'da', 'lookup', 'term3', '--json'], env).stdout);
    expect(JSON.stringify(da3)).toContain('"en"');
    const da8 = JSON.parse(cli(['--content', dir, '--lang', 'da', 'lookup', 'term8', '--json'], env).stdout);
    expect(JSON.stringify(da8)).not.toContain('"de"');
  }, 240_000);

  it('compiles each language in a worker thread (test threshold) to the files and answers of this thread; a worker out of its heap leaves the language to this thread', () => {
    const dir = tempDir();
    writeCorpus(dir);
    const files = (gen: string) => {
      const out: Record<string, string> = {};
      for (const lang of LANGS) for (const name of readdirSync(join(gen, lang))) out[`${lang}/${name}`] = readFileSync(join(gen, lang, name)).toString('base64');
      out['corpus.json'] = readFileSync(join(gen, 'corpus.json')).toString('base64');
      return out;
    };
    const inThread = cleanEnv();
    expect(cli(['--content', dir, 'keywords'], inThread).code).toBe(0);
    // strict: a worker that fails fails the compile, so these answers are the workers' (and their
    // parse pools', with the pool's threshold lowered too).
    const workers = cleanEnv({ GLOSSARY_TEST_WORKER: '1,strict', GLOSSARY_TEST_PARSE: '4,batch=3' });
    const first = cli(['--content', dir, 'keywords'], workers);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const written = files(generation(workers));
    expect(Object.keys(written).length).toBeGreaterThan(3 * 10);
    expect(written).toEqual(files(generation(inThread)));
    expect(answers(dir, workers)).toEqual(reference(dir));

    // Edits after: a new alias is what links resolve to, so English is compiled again, in a worker
    // that reuses the earlier parses of the files that did not change; a file added, one removed.
    const file = join(dir, 'en', 'term2.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: A new title two').replace(/^aliases: \[/m, 'aliases: [twofold, '));
    writeFileSync(join(dir, 'en', 'fresh.md'), '---\ntitle: Fresh\ndescription: A new term.\n---\n\nSee [two](/term2).\n');
    rmSync(join(dir, 'da', 'term5.md'));
    const edited = answers(dir, workers);
    expect(edited).toEqual(reference(dir));
    expect(edited.join('\n')).toContain('A new title two');
    expect(cli(['--content', dir, '--lang', 'en', 'lookup', 'twofold', '--json'], workers).stdout).toContain('"id": "term2"');

    // A heap of 1 MB: every worker stops at once, and this thread compiles each language instead.
    const starved = cleanEnv({ GLOSSARY_TEST_WORKER: '1,heap=1' });
    const r = cli(['--content', dir, '--lang', 'en', 'lookup', 'fresh', '--json'], starved);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).title).toBe('Fresh');
    expect(answers(dir, starved)).toEqual(reference(dir));
    const strictStarved = cli(['--content', dir, 'keywords'], cleanEnv({ GLOSSARY_TEST_WORKER: '1,heap=1,strict' }));
    // (Any fault while writing the cache leaves the run to a compile in memory, and says so.)
    expect(strictStarved.code).toBe(0);
    expect(strictStarved.stderr).toMatch(/cannot write the cache in .* \(EWORKER\): compiled in memory for this run/);
  }, 240_000);

  it('parses on both cores in small batches (their order kept), and a parse worker that fails leaves its files to this thread', () => {
    const dir = tempDir();
    writeCorpus(dir);
    const expected = reference(dir);
    // Batches of 2: the worker's half (~13 files a language) comes in several messages while this
    // thread parses its own half, yielding between batches.
    const batched = cleanEnv({ GLOSSARY_TEST_PARSE: '4,batch=2' });
    const first = cli(['--content', dir, '--lang', 'da', 'list', '--json'], batched);
    expect(first.stderr).toBe('');
    expect(answers(dir, batched)).toEqual(expected);
    // The worker fails at once, while this thread is still parsing its half (600 files: longer than
    // the worker takes to start): the run goes on, and parses the worker's files here.
    const many = tempDir();
    mkdirSync(join(many, 'da'));
    for (let i = 0; i < 600; i++) writeFileSync(join(many, 'da', `ord${i}.md`), `---\ntitle: Ord ${i}\ndescription: Ordet nummer ${i}.\n---\n\nTekst om ord ${i} og [det næste](/ord${(i + 1) % 600}).\n`);
    const failing = cli(['--content', many, 'lookup', 'ord599', '--json'], cleanEnv({ GLOSSARY_TEST_PARSE: '4,batch=2,fail' }));
    expect(failing.stderr).toBe('');
    expect(failing.code).toBe(0);
    expect(JSON.parse(failing.stdout).title).toBe('Ord 599');
    const listed = cli(['--content', many, 'list', '--json'], cleanEnv({ GLOSSARY_TEST_PARSE: '4,batch=2,fail' }));
    expect(JSON.parse(listed.stdout)).toHaveLength(600);
    for (const env of [cleanEnv({ GLOSSARY_TEST_PARSE: '4,batch=2,fail' }), cleanEnv({ GLOSSARY_TEST_PARSE: '4,batch=2,fail', GLOSSARY_TEST_WORKER: '1,strict' })]) {
      const r = cli(['--content', dir, '--lang', 'de', 'lookup', 'term2', '--json'], env);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(answers(dir, env)).toEqual(expected);
    }
  }, 240_000);
});
