import { describe, expect, it } from 'vitest';
import { clearWinner, search } from '../../src/search.js';
import { lazyFixture } from '../helpers.js';

const corpus = lazyFixture('basic');
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
    const tie = search(lazyFixture('dupes')().searchSource('da'), 'afskrivninger');
    expect(tie.map((h) => h.doc.id).sort()).toEqual(['amortization', 'depreciation']);
    expect(clearWinner(tie)).toBeUndefined();
    expect(clearWinner([])).toBeUndefined();
  });
});
