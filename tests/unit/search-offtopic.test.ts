// Issue 20, off-topic queries: a short query (a name, a topic) whose telling words match nothing,
// or match only in passing in an article's body, has no hit; the articles it does name are found.
import { describe, expect, it } from 'vitest';
import { doubledConsonant, queryWords, search } from '../../src/search.js';
import { lazyFixture } from '../helpers.js';

const corpus = lazyFixture('search-offtopic');
const ids = (query: string) => search(corpus().searchSource('da'), query).map((h) => h.doc.id);

describe('search: off-topic short queries find nothing', () => {
  it('weighs words by rarity: a common word in a name is not enough when the telling word matches nothing', () => {
    // `plan` ends the title Forretningsplan, `sommerhuset` is nowhere in the corpus.
    expect(ids('plan for sommerhuset')).toEqual([]);
    expect(ids('plan')).toContain('forretningsplan');
    expect(ids('forretningsplan for virksomheden')[0]).toBe('forretningsplan');
  });

  it('wants every word of a short query found only in the body', () => {
    // Boble's body has `tulipaner` and `blomst`, not `opskrift` (Forretningsplan's body has that).
    expect(ids('opskrift med tulipaner og blomster')).toEqual([]);
    expect(ids('tulipaner og blomster')[0]).toBe('boble');
  });

  it('counts a text match through a short stem left by an ending as chance (`haven` ~ `have`)', () => {
    expect(ids('blomster i haven')).toEqual([]);
    expect(ids('blomster')[0]).toBe('boble');
  });

  it('keeps a hit whose definition has most of the query words', () => {
    // `ejes` is only in Aktieselskab's body; Datterselskab's description has `selskab` twice and `andet`.
    expect(ids('selskab der ejes af et andet selskab')).toContain('datterselskab');
  });
});

describe('search: what made real queries miss', () => {
  it('finds the inflected forms of a short word whose consonant doubles (`æg`, `æggene`)', () => {
    expect(doubledConsonant('aeg')).toEqual(['aegg']);
    expect(doubledConsonant('kat')).toEqual(['katt']);
    expect(doubledConsonant('aktie')).toEqual([]);
    expect(doubledConsonant('tea')).toEqual([]);
    expect(ids('æg')).toEqual(['diversifikation']);
    expect(ids('ikke lægge alle æg i én kurv')[0]).toBe('diversifikation');
  });

  it('leaves out English glue words from a query with one no Danish text has, and keeps Danish words that look like them', () => {
    // `by` and `the` matched the Danish text of an article on efficiency: `camping by the lake` found it.
    expect(queryWords('camping by the lake')).toEqual(['camping', 'lake']);
    expect(queryWords('cost of capital')).toEqual(['cost', 'capital']);
    expect(queryWords('skat i en by')).toEqual(['skat', 'by']);
    expect(queryWords('to for en')).toEqual(['to']);
  });

  it('leaves out the question verb `udregner` as it does `beregner`', () => {
    expect(queryWords('hvordan udregner man overskudsgrad')).toEqual(['overskudsgrad']);
    expect(queryWords('hvordan udregne overskudsgrad')).toEqual(['overskudsgrad']);
  });
});
