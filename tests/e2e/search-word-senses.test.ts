// End-to-end: English over a Danish folder, where a word's Danish renderings have more than one
// sense, or share a stem or a beginning with a title that means something else (found by an
// independent review). Lookup never opens an article a rendering only resembles; search ranks the
// usual sense first; an English word the word list knows is no misspelt Danish title.
import { describe, expect, it } from 'vitest';
import { cleanEnv, fixture, jsonHits as hits, runOn } from '../helpers.js';

const da = fixture('search-word-senses');
const env = cleanEnv();
const run = runOn(da, env);
const T = 60_000;

describe('English rendered word by word, where a rendering is ambiguous', () => {
  it('lookup opens no article whose title a rendering only shares a stem or a word form with', () => {
    // compete -> konkurrere ~ Konkurs; effective -> gældende ~ Gæld; active -> aktiv ~ Aktiver.
    for (const q of ['compete', 'effective', 'active']) {
      const r = run('lookup', q);
      expect(r.code, `${q}: ${r.stderr}`).not.toBe(0);
      expect(r.stdout, q).toBe('');
      expect(r.stderr, q).toMatch(new RegExp(`^glossary: no article "${q}"; did you mean: `));
    }
  }, T);

  it('a rendering spelt as an English word names nothing through an English alias of that spelling: commission is not Hensatte forpligtelser', () => {
    // commission -> provision (a fee, in Danish); "provision" is the article's English alias (provisions).
    const r = run('lookup', 'commission');
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^glossary: no article "commission"; (did you mean|try): /);
    expect(hits(run('search', '--json', 'commission').stdout).filter((h) => h.match === 'lexicon' && h.lexicon?.field === 'name')).toEqual([]);
    // The English alias itself still opens it, as written.
    const alias = run('lookup', 'provision');
    expect(alias.code).toBe(0);
    expect(alias.stdout).toMatch(/^Hensatte forpligtelser\n/);
  }, T);

  it('search ranks the usual sense first, whatever its words weigh in the folder, and --explain says which sense was less usual', () => {
    // trade: handel (the usual sense), fag (a trade one learns); Fag's words are the rarer here.
    expect(hits(run('search', '--json', 'trade').stdout).map((h) => h.id)).toEqual(['handel', 'fag']);
    const explained = run('search', '--explain', 'trade').stdout;
    expect(explained).toMatch(/searched as "fag", a less usual sense\n/);
    expect(explained).not.toMatch(/searched as "handel", a less usual sense/);
    const l = run('lookup', 'trade');
    expect(l.code).toBe(0);
    expect(l.stdout).toMatch(/^Handel\n/);
  }, T);

  it('an English word the word list knows is not taken for a misspelt Danish title: interest is Rente, not Interessent', () => {
    const found = hits(run('search', '--json', 'interest').stdout);
    expect(found.map((h) => h.id)).toEqual(['rente', 'interessent']);
    expect(found[0]).toMatchObject({ match: 'lexicon', matchedName: 'rente', lexicon: { kind: 'words', field: 'name' } });
    const l = run('lookup', 'interest');
    expect(l.code).toBe(0);
    expect(l.stdout).toMatch(/^Rente\n/);
    expect(l.stderr).toBe('glossary: no article is named "interest"; showing rente (Rente), by "rente", "interest" in Danish word by word\n');
    // A Danish word typed with a typing error still finds its article.
    const typo = run('lookup', 'interesent');
    expect(typo.code).toBe(0);
    expect(typo.stdout).toMatch(/^Interessent\n/);
  }, T);
});
