// End-to-end: the bundled glossary as a lexicon for any corpus (issue 20, "English without English
// aliases"), in search and lookup. The fixture is Danish only: Danish ids, no English title or alias, one English word
// quoted in a body. Its English names come from the bundled articles' aliases and ids.
import { describe, expect, it } from 'vitest';
import { cleanEnv, cli, fixture, jsonHits as hits } from '../helpers.js';

const da = fixture('search-lexicon');
const env = cleanEnv();
const run = (...args: string[]) => cli(args, env);
const T = 60_000;


describe('English through the bundled lexicon, over a Danish corpus without English names', () => {
  it('an English alias of a bundled article finds the Danish article, and --json says the route and the Danish name', () => {
    const r = run('--content', da, 'search', '--json', 'stock', 'buyback');
    expect(r.code).toBe(0);
    const [first] = hits(r.stdout);
    expect(first).toMatchObject({ id: 'aktietilbagekoeb', match: 'lexicon', matchedName: 'Aktietilbagekøb', lexicon: { phrase: 'stock buyback', kind: 'alias', id: 'sharebuyback' } });
  }, T);

  it('every English alias works the same way: accounts payable, bankruptcy; a plural and English question words too', () => {
    expect(hits(run('--content', da, 'search', '--json', 'accounts payable').stdout)[0]).toMatchObject({ id: 'leverandoergaeld', match: 'lexicon' });
    expect(hits(run('--content', da, 'search', '--json', 'bankruptcy').stdout)[0]).toMatchObject({ id: 'konkurs', match: 'lexicon' });
    expect(hits(run('--content', da, 'search', '--json', 'stock buybacks').stdout)[0]).toMatchObject({ id: 'aktietilbagekoeb', lexicon: { phrase: 'stock buyback' } });
    expect(hits(run('--content', da, 'search', '--json', 'what is a stock buyback').stdout)[0]).toMatchObject({ id: 'aktietilbagekoeb', match: 'lexicon' });
  }, T);

  it('a bundled id split into English words (interestcoverage) is a route of its own', () => {
    const [first] = hits(run('--content', da, 'search', '--json', 'interest', 'coverage').stdout);
    expect(first).toMatchObject({ id: 'rentedaekningsgrad', match: 'lexicon', matchedName: 'Rentedækningsgrad', lexicon: { phrase: 'interest coverage', kind: 'id', id: 'interestcoverage' } });
  }, T);

  it('the lexicon hit comes before an article that only quotes the English word in its text', () => {
    const found = hits(run('--content', da, 'search', '--json', 'buyback').stdout);
    expect(found.map((h) => h.id)).toEqual(['aktietilbagekoeb', 'udbytte']);
    expect(found.map((h) => h.match)).toEqual(['lexicon', 'body']);
  }, T);

  it('--explain shows the translation and the Danish query searched', () => {
    const r = run('--content', da, 'search', '--explain', 'stock', 'buyback');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/matched as: lexicon/);
    expect(r.stdout).toContain('"stock buyback" is "Aktietilbagekøb" in the bundled glossary (an alias of the bundled article sharebuyback): searched as "Aktietilbagekøb"');
  }, T);

  it('a word the corpus names itself is matched as it is, not through the lexicon', () => {
    const [first] = hits(run('--content', da, 'search', '--json', 'aktietilbagekøb').stdout);
    expect(first).toMatchObject({ id: 'aktietilbagekoeb', match: 'exact' });
    expect(first?.lexicon).toBeUndefined();
  }, T);

  it('English words the lexicon does not know find nothing: exit 3 with a suggestion, empty --json', () => {
    for (const q of ['chocolate cake recipe', 'football results']) {
      const r = run('--content', da, 'search', q);
      expect(r.code, q).toBe(3);
      expect(r.stdout, q).toBe('');
      expect(r.stderr, q).toMatch(/nothing matches .*; try/);
      const j = run('--content', da, 'search', '--json', q);
      expect(j.code, q).toBe(3);
      expect(j.stdout, q).toBe('[]\n');
    }
  }, T);
});

describe('no confident wrong answer from words matched by chance', () => {
  it('a query whose other words match nothing gets no hit from a typing error alone ("vejret i morgen" ~ Margen): exit 3', () => {
    const r = run('--content', da, 'search', 'vejret', 'i', 'morgen');
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/nothing matches "vejret i morgen"; try/);
  }, T);

  it('a typing error still finds the article when it is the whole query (margne ~ Margen)', () => {
    const found = hits(run('--content', da, 'search', '--json', 'margne').stdout);
    expect(found[0]?.id).toBe('margen');
  }, T);

  it('two words are no initials: "qwerty asdf" is not Kvalitetssikring (QA)', () => {
    const r = run('--content', da, 'search', '--json', 'qwerty', 'asdf');
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('[]\n');
  }, T);
});

describe('lookup through the bundled lexicon', () => {
  it('lookup of an English name shows the Danish article, says how on stderr, and --json says matched "lexicon"', () => {
    const r = run('--content', da, 'lookup', 'accounts', 'payable', '--no-pager');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Leverandørgæld/);
    expect(r.stderr).toContain('no article is named "accounts payable"; showing leverandoergaeld (Leverandørgæld), by its Danish name in the bundled glossary');
    const j = JSON.parse(run('--content', da, 'lookup', '--json', 'accounts', 'payable').stdout) as { id: string; matched: string; matchedName: string };
    expect(j).toMatchObject({ id: 'leverandoergaeld', matched: 'lexicon', matchedName: 'Leverandørgæld' });
  }, T);

  it('lookup of English the lexicon does not know is still "not found" (exit 3)', () => {
    const r = run('--content', da, 'lookup', 'chocolate', 'cake');
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
  }, T);
});
