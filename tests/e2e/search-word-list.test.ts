// End-to-end: English typed over a Danish corpus that has no English names and no bundled article
// for the term (issue 20, "English without English aliases"): the bundled English-Danish word list
// (lexicon/en-da.tsv) renders the query word by word, a compound's first part joined to the next
// word (`payroll costs` -> `lønomkostninger`). An article a rendering names comes first, then one
// whose text has it (at half); a query with a word the list lacks, or whose renderings are nowhere,
// finds nothing.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, cli, fixture, root, tempDir, jsonHits as hits, runOn } from '../helpers.js';

const da = fixture('search-word-list');
const env = cleanEnv();
const run = runOn(da, env);
const T = 60_000;


describe('English rendered in Danish word by word, over a Danish corpus without English names', () => {
  it('a compound made of the words (payroll costs, quarterly report) finds the article it names, and --json says the route', () => {
    const r = run('search', '--json', 'payroll costs');
    expect(r.code).toBe(0);
    expect(hits(r.stdout)[0]).toEqual(expect.objectContaining({ id: 'loenomkostninger', match: 'lexicon', matchedName: 'lønomkostninger', lexicon: { phrase: 'payroll costs', kind: 'words', field: 'name' } }));
    expect(hits(run('search', '--json', 'quarterly report').stdout)[0]).toMatchObject({ id: 'kvartalsrapport', match: 'lexicon', lexicon: { kind: 'words' } });
    // British and American spellings, and another word for the same part.
    for (const q of ['labour costs', 'labor costs', 'salary costs']) expect(hits(run('search', '--json', q).stdout)[0]?.id, q).toBe('loenomkostninger');
  }, T);

  it('a fixed phrase is rendered whole (head office -> hovedkontor), a single word as itself (supplier -> leverandør)', () => {
    expect(hits(run('search', '--json', 'the head office').stdout)[0]).toMatchObject({ id: 'hovedkontor', matchedName: 'hovedkontor' });
    expect(hits(run('search', '--json', 'supplier').stdout)[0]).toMatchObject({ id: 'leverandoer', matchedName: 'leverandør' });
    // An English possessive is the word.
    expect(hits(run('search', '--json', "the supplier's").stdout)[0]).toMatchObject({ id: 'leverandoer', matchedName: 'leverandør' });
    expect(hits(run('search', '--json', 'the supplier’s').stdout)[0]).toMatchObject({ id: 'leverandoer', matchedName: 'leverandør' });
  }, T);

  it('--explain shows each word\'s renderings and the Danish searched; lookup says how it chose', () => {
    const r = run('search', '--explain', '--limit', '1', 'salary costs');
    expect(r.stdout).toMatch(/matched as: lexicon/);
    expect(r.stdout).toMatch(/"salary costs" is "lønomkostninger" word by word \(salary: løn, [^;]*løn-; costs: omkostninger[^)]*; the bundled English-Danish word list\): searched as "lønomkostninger"/);
    const l = run('lookup', 'payroll costs');
    expect(l.code).toBe(0);
    expect(l.stdout).toContain('Lønomkostninger');
    expect(l.stderr).toContain('no article is named "payroll costs"; showing loenomkostninger (Lønomkostninger), by "lønomkostninger", "payroll costs" in Danish word by word');
  }, T);

  it('a rendering found only in an article\'s text finds it, after those it names, at half the weight', () => {
    const found = hits(run('search', '--json', 'personnel department').stdout);
    expect(found.map((h) => [h.id, h.match])).toEqual([['rekruttering', 'lexicon']]);
    const explained = run('search', '--explain', 'personnel department').stdout;
    expect(explained).toContain('"personnel department" is "personaleafdeling" word by word (personnel department: personaleafdeling; personnel: personale, personale-; department: afdeling');
    expect(explained).toMatch(/\+ +0\.\d+ +text \(BM25 over description and body\): personaleafdeling/);
    // Named by a rendering (Lønomkostninger) before found in a text through one (none here has `løn` and `omkostning` but it).
    expect(hits(run('search', '--json', 'wages').stdout).map((h) => h.id).slice(0, 2)).toEqual(['loen', 'loenomkostninger']);
  }, T);

  it('lookup never opens an article a rendering matches only loosely: a name begun (capital -> kapital ~ Kapitalisme)', () => {
    const r = run('lookup', 'capital');
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no article "capital"');
    expect(hits(run('search', '--json', 'capital').stdout)[0]).toMatchObject({ id: 'kapitalisme', match: 'lexicon', lexicon: { kind: 'words', field: 'body' } });
  }, T);

  it('lookup never opens an article a rendering matches only loosely (bundled glossary: delivery ~ leverage, hour ~ times)', () => {
    for (const term of ['delivery', 'hour', 'goods', 'team']) {
      const r = cli(['lookup', term], env);
      expect(r.code, term).not.toBe(0);
      expect(r.stdout, term).toBe('');
      expect(r.stderr, term).toContain(`no article "${term}"`);
    }
  }, T);

  it('finds nothing for words the list lacks, or whose rendering no article names or has in its text: exit 3, empty --json', () => {
    // A word typed in capitals is an abbreviation, matched only as written: never rendered.
    for (const q of ['dog food', 'football match', 'payroll chocolate', 'SUPPLIER']) {
      const r = run('search', q);
      expect(r.code, q).toBe(3);
      expect(r.stdout, q).toBe('');
      expect(r.stderr, q).toContain(`nothing matches "${q}"`);
      expect(run('search', '--json', q).stdout.trim(), q).toBe('[]');
    }
    // Every word rendered (quarterly: kvartalsvis, kvartals-; profit: overskud...), but no article has them.
    expect(run('search', 'quarterly profit').code).toBe(3);
  }, T);
});

describe('the build reads the word list', () => {
  // The build step (dist/build-corpus.js, as scripts/build.mjs runs it) over a folder with content/ and lexicon/.
  const build = async (list: string) => {
    const dir = tempDir();
    mkdirSync(join(dir, 'content'));
    mkdirSync(join(dir, 'lexicon'));
    writeFileSync(join(dir, 'content', 'loen.md'), '---\ntitle: Løn\ndescription: Betaling for arbejde.\n---\nLøn udbetales hver måned.\n');
    writeFileSync(join(dir, 'lexicon', 'en-da.tsv'), list);
    const require = createRequire(import.meta.url);
    const { buildBundledCorpus } = require(join(root, 'dist', 'build-corpus.js')) as { buildBundledCorpus: (content: string, out: string, allowErrors: boolean) => Promise<{ lines: string[]; code: number }> };
    return { dir, ...(await buildBundledCorpus(join(dir, 'content'), join(dir, 'out'), false)) };
  };

  it('fails on a line that is no entry, naming it; writes the list search reads otherwise', async () => {
    const bad = await build('salary\tløn; løn-\nwage løn\n');
    expect(bad.code).toBe(1);
    expect(bad.lines.join('\n')).toMatch(/en-da\.tsv: line 2: not "english<TAB>danish; danish"/);
    const good = await build('Salary\tLøn; løn-\nhead office\thovedkontor\n');
    expect(good.code).toBe(0);
    expect(readFileSync(join(good.dir, 'out', 'words.tsv'), 'utf8')).toBe('\nhead office\thovedkontor\nsalary\tløn;løn-\n');
  }, T);
});

describe('the word list over the bundled corpus: no abbreviation, no cognate of a Danish name', () => {
  const bundled = (...args: string[]) => cli(args, env);
  it('a word the list has does not stop the Danish name it is a form of from opening, nor an abbreviation the list lacks from being only itself', () => {
    // A hostile pass over the new entries: `multiple`, `amortised` and `will` (testamente) in the
    // list made these queries English, and English is no typing error for a Danish name.
    for (const [q, id] of [['multiple', 'multiples'], ['amortised', 'amortisedcost'], ['good will', 'goodwill']]) {
      const r = bundled('lookup', '--json', ...(q as string).split(' '));
      expect(r.code, q).toBe(0);
      expect(JSON.parse(r.stdout).id, q).toBe(id);
    }
    // An abbreviation is matched only as written: the list renders none (kyc was "kundekendskab").
    expect(bundled('search', 'kyc').code).toBe(3);
    // Nor does a rendering open an article that names the opposite (`contingent assets` through an
    // alias "eventualaktiver" Eventualforpligtelser had, which its text never names).
    const r = bundled('lookup', 'contingent', 'assets');
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
  }, T);
});
