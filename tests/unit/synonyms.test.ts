// The synonym route (src/synonyms.ts, used by search.ts): a query word no article's name has is
// expanded to its synonyms, weighed below the word as written; off-topic phrases still find nothing.
import { describe, expect, it } from 'vitest';
import { search } from '../../src/search.js';
import { expansionOf, lexiconSize, synonymsOf } from '../../src/synonyms.js';
import { lazyFixture } from '../helpers.js';

const corpus = lazyFixture('search-synonyms');
const hits = (query: string) => search(corpus().searchSource('da'), query);
const ids = (query: string) => hits(query).map((h) => h.doc.id);

describe('synonym lexicon', () => {
  it('gives the other words of a group, by the word, its stem or without a common ending', () => {
    expect(synonymsOf('firma')).toEqual(expect.arrayContaining(['virksomhed', 'selskab']));
    // `virksomheder` stems as `virksomhed` does; `firmaer` the stemmer leaves whole.
    expect(synonymsOf('virksomheder')).toEqual(expect.arrayContaining(['firma', 'selskab']));
    expect(synonymsOf('firmaer')).toEqual(expect.arrayContaining(['virksomhed']));
    // Folded, as search compares words: `aktieejer` -> `aktionaer`.
    expect(synonymsOf('aktieejer')).toContain('aktionaer');
    expect(synonymsOf('qxzvw')).toEqual([]);
  });

  it('reads `everyday > term` one way: `skyld` stands for gæld, gæld not for skyld', () => {
    expect(synonymsOf('skyld')).toContain('gaeld');
    expect(synonymsOf('gaeld')).not.toContain('skyld');
  });

  it('expands only weak words, never an abbreviation, a number or a word of the same stem as another', () => {
    expect(expansionOf(['profit', 'firma'], [true, false], new Set())).toEqual([expect.arrayContaining(['overskud']), []]);
    expect(expansionOf(['profit'], [true], new Set(['profit']))).toEqual([[]]);
    expect(expansionOf(['2024'], [true], new Set())).toEqual([[]]);
    // `selskab` is typed too: it is not added again as a synonym of `firma`.
    expect(expansionOf(['firma', 'selskaber'], [true, true], new Set())[0]).not.toContain('selskab');
  });

  it('is a few hundred words', () => {
    expect(lexiconSize()).toBeGreaterThan(400);
    expect(lexiconSize()).toBeLessThan(1500);
  });
});

describe('search through synonyms', () => {
  it('finds an article by a synonym the corpus never uses, and says so', () => {
    // No article has `profit` or `skyld`: without the route these find nothing.
    const [profit] = hits('profit');
    expect(profit?.doc.id).toBe('overskud');
    expect(profit?.synonyms).toEqual([{ word: 'profit', synonym: 'overskud', field: 'title' }]);
    expect(profit?.why.some((w) => w.what.includes('through its synonym "overskud"'))).toBe(true);
    expect(ids('skyld')[0]).toBe('gaeld');
    expect(ids('aktieejer')[0]).toBe('aktionaer');
  });

  it('finds a definition paraphrased in synonyms', () => {
    // Monopol's description: "et marked med kun én udbyder"; `forhandler` is a synonym of udbyder, and `marked` alone is not enough.
    expect(ids('marked med én forhandler')[0]).toBe('monopol');
  });

  it('weighs a synonym below the word as written', () => {
    // The same article, by its title and by a synonym of it.
    const direct = hits('overskud').find((h) => h.doc.id === 'overskud');
    const synonym = hits('profit').find((h) => h.doc.id === 'overskud');
    expect(direct?.synonyms).toBeUndefined();
    expect(synonym && direct && synonym.score < direct.score).toBe(true);
    // In the text: Budget's description has `prognose`, Likviditetsbudget's its synonym `fremskrivning`.
    const found = hits('prognose');
    expect(found.map((h) => h.doc.id)).toEqual(['budget', 'likviditetsbudget']);
    expect(found[0]?.synonyms).toBeUndefined();
    expect(found[1]?.synonyms).toEqual([{ word: 'prognose', synonym: 'fremskrivning', field: 'description' }]);
  });

  it('matches a synonym in a name as a whole word, not as the head of a compound (a kind of the thing)', () => {
    // `overslag` ~ budget: the title Budget, not Likviditetsbudget (a kind of budget) by its title.
    const found = hits('overslag');
    expect(found[0]?.doc.id).toBe('budget');
    expect(found[0]?.synonyms).toEqual([{ word: 'overslag', synonym: 'budget', field: 'title' }]);
    expect(found.some((h) => h.doc.id === 'likviditetsbudget' && h.synonyms?.some((m) => m.field === 'title'))).toBe(false);
  });

  it('leaves a word some name has as it is: no synonym hits beside the article it names', () => {
    expect(ids('budget')[0]).toBe('budget');
    expect(hits('gæld').every((h) => h.synonyms === undefined)).toBe(true);
  });

  it('keeps off-topic phrases and abbreviations without a hit', () => {
    expect(ids('blomster i haven')).toEqual([]);
    // `pris` has synonyms; `tomater` is nowhere: most of the query's weight still matches nothing.
    expect(ids('pris på tomater')).toEqual([]);
    // Typed in capitals, a word is an abbreviation: matched only as written, no synonyms.
    expect(ids('PROFIT')).toEqual([]);
  });
});
