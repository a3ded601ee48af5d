import { describe, expect, it } from 'vitest';
import { clearWinner, search } from '../../src/search.js';
import { lazyFixture } from '../helpers.js';

const corpus = lazyFixture('basic');
const dupes = lazyFixture('dupes');
const source = () => corpus().searchSource('da');
const ids = (query: string) => search(source(), query).map((h) => h.doc.id);

describe('search', () => {
  it.each([
    ['alliance', 'strategicalliance'],
    ['Strategisk alliance', 'strategicalliance'],
    ['alliancen', 'strategicalliance'],
    ['strategisk aliance', 'strategicalliance'],
    ['alliance strategisk', 'strategicalliance'],
    ['vaekst', 'organicgrowth'],
    ['vækst', 'organicgrowth'],
    ['vakst', 'organicgrowth'],
    ['organisk vekst', 'organicgrowth'],
    ['JV', 'jointventure'],
    ['jointventure', 'jointventure'],
    ['fusion', 'mergers'],
    ['M&A', 'mergers'],
    ['ikke registreret', '-nonregistered-account'],
  ])('%j finds %s first', (query, id) => {
    expect(ids(query)[0]).toBe(id);
  });

  it('ranks exact and prefix title matches above fuzzy ones', () => {
    const hits = search(source(), 'joint');
    expect(hits[0]?.doc.id).toBe('jointventure');
    expect(hits[0]?.tier).toBeLessThan(2);
  });

  it('finds nothing for unrelated words and for punctuation', () => {
    expect(ids('xyzzyqwv')).toEqual([]);
    expect(ids('.*')).toEqual([]);
    expect(ids('([\\')).toEqual([]);
  });

  it('respects the limit', () => {
    const all = search(source(), 'virksomhed', 10);
    expect(all.length).toBeGreaterThan(1);
    expect(search(source(), 'virksomhed', 1)).toHaveLength(1);
  });

  it('picks a clear winner for a one-letter typo, and none when two articles tie', () => {
    expect(clearWinner(search(source(), 'strategisk aliance'))?.doc.id).toBe('strategicalliance');
    const tie = search(dupes().searchSource('da'), 'afskrivninger');
    expect(tie.map((h) => h.doc.id).sort()).toEqual(['amortization', 'depreciation']);
    expect(clearWinner(tie)).toBeUndefined();
    expect(clearWinner([])).toBeUndefined();
  });
});

describe('the parts of ranking', async () => {
  const { definitionOverlap, editDistance, genusMatches, nameMatchCost, queryWords, compareHits, Tier } = await import('../../src/search.js');

  it.each([
    ['alliance', 'alliance', 0],
    ['aliance', 'alliance', 1],
    ['allaince', 'alliance', 1], // a swap is one edit
    ['allianse', 'alliance', 1],
    ['strategsk', 'strategisk', 1],
    ['abc', 'xyz', 3],
  ])('editDistance(%j, %j) is %i', (a, b, d) => {
    expect(editDistance(a, b, 5)).toBe(d);
  });

  it('stops early past the limit', () => {
    expect(editDistance('kort', 'meget lang', 2)).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });

  it.each([
    ['selskab', 'selskaber', 0], // the same stem
    ['holding', 'holdingselskab', 0.1], // a prefix
    ['selskab', 'holdingselskab', 0.15], // the head of a compound
    ['kapital', 'selskabskapitalen', 0.25], // inside a compound
    ['aliance', 'alliance', 0.3], // one typo
    ['strategsk', 'strategisk', 0.3],
    ['qqqq', 'alliance', undefined],
    ['ab', 'abc', undefined], // too short for a prefix
    ['sel', 'holdingselskab', undefined], // too short to be a part
  ])('nameMatchCost(%j, %j) is %j', (w, t, cost) => {
    expect(nameMatchCost(w, t)).toBe(cost);
  });

  it('drops question words, stopwords and single letters, unless nothing else is left', () => {
    expect(queryWords('hvad er goodwill')).toEqual(['goodwill']);
    expect(queryWords('hvordan beregnes soliditetsgrad')).toEqual(['soliditetsgrad']);
    expect(queryWords('P-nummer')).toEqual(['nummer']);
    expect(queryWords('hvad er det')).toEqual(['er', 'det']);
  });

  it('measures how much of a query a definition says, and whether its first word is the kind defined', () => {
    const description = 'Et holdingselskab er et selskab, hvis hovedaktivitet er at eje kapitalandele i andre selskaber.';
    expect(definitionOverlap(['selskab', 'ejer', 'andre', 'selskaber'], description)).toBe(1);
    expect(definitionOverlap(['selskab', 'ejer', 'biler'], description)).toBeCloseTo(2 / 3);
    expect(definitionOverlap(['selskab', 'ejer'], description)).toBe(0); // too short to say
    expect(genusMatches('selskab', description)).toBe(true);
    expect(genusMatches('person', description)).toBe(false);
    expect(genusMatches('person', 'En reel ejer er den fysiske person, der ejer.')).toBe(true);
  });

  it('orders by tier, then score (within 0.01 a tie), then the shorter title', () => {
    const hit = (title: string, tier: number, score: number, n: number) => ({ doc: { title, n }, tier, score }) as never;
    expect(compareHits(hit('b', Tier.exact, 0, 1), hit('a', Tier.prefix, 99, 0))).toBeLessThan(0);
    expect(compareHits(hit('b', Tier.words, 2, 1), hit('a', Tier.words, 1, 0))).toBeLessThan(0);
    expect(compareHits(hit('kort', Tier.words, 1.004, 1), hit('længere', Tier.words, 1, 0))).toBeLessThan(0);
    // Then by title and id, never by the article's number (which a patched cache assigns otherwise).
    expect(compareHits(hit('abc', Tier.words, 1, 1), hit('abd', Tier.words, 1, 0))).toBeLessThan(0);
  });
});

describe('search: no confident wrong answers, names first', () => {
  it('finds nothing for words that match nothing well', () => {
    expect(ids('qxzvw')).toEqual([]);
    expect(ids('hvad er qxzvw')).toEqual([]);
  });

  it('puts a name match before a match in the text only', () => {
    expect(ids('fusioner')[0]).toBe('mergers');
    expect(search(source(), 'fusion').map((h) => h.field).slice(1)).not.toContain('name');
  });

  it('says where each hit matched, and which stems a body hit matched with', () => {
    const hits = search(source(), 'fordelagtigt projekt');
    expect(hits[0]?.doc.id).toBe('strategicalliance');
    expect(hits[0]?.field).toBe('description');
    const body = search(source(), 'separat forretningsenhed');
    expect(body[0]).toMatchObject({ field: 'body', doc: { id: 'strategicalliance' } });
    expect(body[0]?.stems.length).toBeGreaterThan(0);
  });
});
