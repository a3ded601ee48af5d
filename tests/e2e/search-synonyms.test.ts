// End-to-end: the synonym route of search (src/synonyms.ts) over a small Danish corpus that never
// uses the words searched for; --json and --explain say the route; off-topic words find nothing.
import { describe, expect, it } from 'vitest';
import { cleanEnv, cli, fixture, jsonHits as hits, runOn } from '../helpers.js';

const da = fixture('search-synonyms');
const env = cleanEnv();
const run = runOn(da, env);
const T = 60_000;


describe('search through the synonym lexicon', () => {
  it('a word the corpus lacks finds the article named by its synonym; --json says the route and the synonym', () => {
    const r = run('search', '--json', 'aktieejer');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(hits(r.stdout)[0]).toMatchObject({ id: 'aktionaer', match: 'synonym', synonyms: [{ word: 'aktieejer', synonym: 'aktionær', field: 'title' }] });
    // An everyday word for the term: `skyld` is gæld.
    expect(hits(run('search', '--json', 'skyld').stdout)[0]).toMatchObject({ id: 'gaeld', match: 'synonym' });
  }, T);

  it('--explain names the synonym and what it added', () => {
    const r = run('search', '--explain', 'aktieejer');
    expect(r.code).toBe(0);
    const [first, ...rest] = r.stdout.split('\n');
    expect(first).toMatch(/^aktionaer\s+Aktionær/);
    expect(rest.join('\n')).toContain('matched as: synonym');
    expect(rest.join('\n')).toMatch(/\+\s*\d+\.\d\d {2}"aktieejer" ~ title word "aktionaer" through its synonym "aktionær"/);
  }, T);

  it('the word as written comes before its synonym; a name typed as it is stays a plain match', () => {
    const r = hits(run('search', '--json', 'prognose').stdout);
    expect(r.map((h) => h.id)).toEqual(['budget', 'likviditetsbudget']);
    expect(r[0]?.match).toBe('description');
    expect(r[1]).toMatchObject({ match: 'synonym', synonyms: [{ word: 'prognose', synonym: 'fremskrivning', field: 'description' }] });
    expect(hits(run('search', '--json', 'overskud').stdout)[0]).toMatchObject({ id: 'overskud', match: 'exact' });
  }, T);

  it('off-topic words and an abbreviation still find nothing: exit 3, one line on stderr, [] with --json', () => {
    for (const query of ['pris på tomater', 'blomster i haven', 'PROFIT']) {
      const r = run('search', '--json', query);
      expect(r.code).toBe(3);
      expect(r.stdout).toBe('[]\n');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(`nothing matches "${query}"`);
    }
  }, T);
});

describe('over the bundled corpus (a hostile pass)', () => {
  const bundled = (...args: string[]) => cli(args, env);

  it('a synonym is a Danish word: it does not match an English alias word of its stem (`ansatte` ~ personale is not "personal guarantee")', () => {
    const r = bundled('search', '--json', 'ansatte');
    expect(r.code).toBe(0);
    const names = hits(r.stdout).map((h) => h.name);
    // Before: Kaution (alias "personal guarantee"), Personskat, Personfradrag, in that order.
    expect(names).not.toContain('kaution');
    expect(names).toContain('ansaettelseskontrakt');
  }, T);

  it('an English plural in -ies is rendered by the word list as its singular (`currencies`: valuta), never as a name of its own', () => {
    const r = bundled('search', '--json', 'currencies');
    // Before: nothing matches, exit 3, where `currency` finds them.
    expect(r.code).toBe(0);
    const found = hits(r.stdout);
    expect(found.slice(0, 2).map((h) => h.name).sort()).toEqual(['valutakurs', 'valutarisiko']);
    expect(found[0]?.match).toBe('lexicon');
    // Not a name of any article: lookup offers them, it opens none.
    const l = bundled('lookup', 'currencies');
    expect(l.code).toBe(4);
    expect(l.stderr).toMatch(/^glossary: no article "currencies"; did you mean: valuta/);
    // A plural the word list has as written keeps its own entry (`equities`: aktier, not equity's egenkapital).
    expect(JSON.parse(bundled('lookup', '--json', 'equities').stdout)).toMatchObject({ name: 'aktie', matchedName: 'aktier' });
  }, T);

  it('an English or Danish suffix is no compound part: `ties` is not in liabilities, `ship` not in generalpartnership', () => {
    // Before: Passiver, Interessentskab, Indkøb (procurement) and Business angel first, each as the name's last word.
    for (const [query, wrong] of [['ties', 'passiver'], ['ship', 'interessentskab'], ['ment', 'indkoeb'], ['ness', 'business-angel']] as const) {
      const r = bundled('search', '--json', query);
      expect(hits(r.stdout).map((h) => h.name), query).not.toContain(wrong);
    }
    expect(bundled('search', 'ties').code).toBe(3);
    // A compound's real last word still finds it.
    expect(hits(bundled('search', '--json', 'partnership').stdout)[0]?.name).toBe('interessentskab');
  }, T);

  it('of two words, an article the one names whole is listed, below those with both (`moms aktie`: Aktie)', () => {
    for (const [query, named] of [['moms aktie', 'aktie'], ['moms interessentskab', 'moms'], ['anpartsselskab a/s', 'anpartsselskab']] as const) {
      const r = bundled('search', '--json', '--limit', '10', ...query.split(' '));
      expect(r.code).toBe(0);
      expect(hits(r.stdout).map((h) => h.name), query).toContain(named);
    }
  }, T);
});
