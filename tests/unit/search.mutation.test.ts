// The rules of search (src/search.ts) that a user sees, beyond which article comes first: what
// --explain says and that its parts add up to the score, the tier and the list a whole name was
// found in, where a hit matched, initials, typing errors, abbreviations, the clear winner lookup
// takes, and the small functions they rest on. Ranking weights are not pinned: they are tuned.
import { describe, expect, it } from 'vitest';
import {
  clearWinner, closest, compareHits, definitionOverlap, editDistance, englishInflection, genusMatches, initialsOf, literalWords, matchKind, nameMatchCost, onlyFiller,
  otherExpansion, queryWords, search, Tier, titleAbbreviation, type Hit, type SearchExtras,
} from '../../src/search.js';
import type { Lexicon } from '../../src/corpus/lexicon.js';
import { lazyFixture } from '../helpers.js';

const round3 = lazyFixture('search-round3/da');
const basic = lazyFixture('basic');
const hits = (query: string, corpus = round3, limit = 10) => search(corpus().searchSource('da'), query, limit);
const hit = (query: string, id: string, corpus = round3) => {
  const h = hits(query, corpus).find((x) => x.doc.id === id);
  if (!h) throw new Error(`no hit ${id} for ${query}`);
  return h;
};
const whys = (h: Hit) => h.why.map((w) => w.what);

describe('--explain: the parts of a score', () => {
  it.each([
    'ROE', 'lan', 'Lån', 'hvad er bundlinjen', 'markedsvær', 'average annual growth rate', 'selskab der ejer aktier', 'aktieselskab kapital', 'A/S',
    'rentes rente', 'selskab', 'aktie selskab', 'konkurs konkurs kurator', 'aktiekapital', 'merafkats', 'vækstrate investering',
  ])('add up to the score of every hit for %j', (query) => {
    const found = hits(query);
    expect(found.length).toBeGreaterThan(0);
    for (const h of found) {
      const sum = h.why.reduce((s, w) => s + w.add, 0);
      expect(Math.abs(sum - h.score)).toBeLessThan(0.001 * (h.why.length + 1));
      expect(h.score).toBeGreaterThan(0);
    }
  });

  it('says which list a whole name was found in, and ranks it first', () => {
    const roe = hits('ROE')[0] as Hit;
    expect(roe).toMatchObject({ tier: Tier.exact, via: 'alias', field: 'name', doc: { id: 'egenkapitalens-forrentning' } });
    expect(whys(roe)[0]).toBe('the whole query is its alias (ranked first)');
    expect(hits('Lån')[0]).toMatchObject({ tier: Tier.exact, via: 'title', doc: { id: 'laan' } });
    expect(whys(hits('Lån')[0] as Hit)[0]).toBe('the whole query is its title (ranked first)');
    const plain = hits('lan')[0] as Hit;
    expect(plain).toMatchObject({ tier: Tier.exact, via: 'plain', doc: { id: 'laan' } });
    expect(whys(plain)).toEqual(['the whole query is a name with Danish letters typed plainly (ranked first)', '"lan" ~ title word "laan" (Danish letters typed plainly)']);
  });

  it('ranks what an article defines before words that match better elsewhere', () => {
    const found = hits('hvad er bundlinjen');
    expect(found[0]).toMatchObject({ tier: Tier.defined, via: 'defined', doc: { id: 'bundlinie' } });
    expect(whys(found[0] as Hit)[0]).toBe('the whole query is what the article defines (ranked first)');
    expect(whys(found[0] as Hit)).toContain('"bundlinjen" ~ defined word "bundlinjen" (same word)');
    const other = found.find((h) => h.doc.id === 'tredobbelt-bundlinje') as Hit;
    expect(other.tier).toBe(Tier.words);
    expect(other.via).toBeUndefined();
    expect(other.score).toBeGreaterThan((found[0] as Hit).score);
  });

  it('ranks a begun name before word matches, and says so', () => {
    const h = hits('markedsvær')[0] as Hit;
    expect(h).toMatchObject({ tier: Tier.prefix, doc: { id: 'markedsvaerdi' } });
    expect(whys(h)).toEqual(['the query begins a name (ranked before word matches)', '"markedsvaer" ~ title word "markedsvaerdi" (beginning)']);
    expect(hits('aktie selskab')[0]).toMatchObject({ tier: Tier.prefix, doc: { id: 'aktieselskab' } });
  });

  it('does not take one short word, or one typed as an abbreviation, as a begun name', () => {
    expect(hits('ma').every((h) => h.tier === Tier.words)).toBe(true);
    expect(hits('MARK').every((h) => h.tier === Tier.words)).toBe(true);
    expect(hits('mark').some((h) => h.tier === Tier.prefix && h.doc.id === 'markedsvaerdi')).toBe(true);
  });

  it('counts a query of several words whose initials are a name', () => {
    const h = hits('average annual growth rate')[0] as Hit;
    expect(h).toMatchObject({ doc: { id: 'aagr' }, matched: 4, named: 4, typos: 0 });
    expect(whys(h).filter((w) => w.includes('its initial'))).toEqual([
      '"average": its initial, with the others, is "aagr", a name',
      '"annual": its initial, with the others, is "aagr", a name',
      '"growth": its initial, with the others, is "aagr", a name',
    ]);
    expect(whys(h)).toContain('"rate" ~ title word "vaekstrate" (end of a compound)');
  });

  it('says how many query words matched when not all did, and what the title has beyond the query', () => {
    expect(whys(hit('kapital virksomhed', 'kapitalverdiansaettelse'))).toEqual([
      '"kapital" ~ title word "kapitalaktiver" (beginning)',
      '1 of 2 query words matched: scores above times 0.25',
      '2 title word(s) not in the query',
    ]);
    expect(hit('ROE', 'egenkapitalens-forrentning').unmatchedTitleWords).toBe(2);
    expect(hit('aktieselskab kapital', 'aktieselskab').unmatchedTitleWords).toBe(0);
  });

  it('lifts the article whose description the query paraphrases, and the one whose kind it names', () => {
    const h = hit('selskab der ejer aktier', 'aktieselskab');
    expect(whys(h)).toContain('the description shares 100% of the query\'s words');
    expect(whys(h)).toContain('"selskab" is the kind the description names');
    expect(whys(hit('selskab der ejer aktier', 'markedsvaerdi'))).not.toContain('"selskab" is the kind the description names');
  });
});

describe('where a hit matched', () => {
  it('in a name, the description or the body, with the stems a snippet shows', () => {
    expect(hit('rentes rente', 'cagr')).toMatchObject({ field: 'description', named: 0, described: 1, stems: ['rent'] });
    expect(hit('rentes rente', 'aagr')).toMatchObject({ field: 'body', named: 0, described: 0, stems: ['rent'] });
    expect(hit('selskab', 'aktieselskab')).toMatchObject({ field: 'name', named: 1, stems: [] });
  });

  it('finds two words written apart that the text writes as one compound, and a compound the text has in parts', () => {
    expect(hit('aktie selskab', 'aktieselskab').stems).toContain('aktieselskab');
    const parts = hits('aktiekapital');
    expect(parts.map((h) => h.doc.id)).toContain('aktieselskab');
    expect(hit('aktiekapital', 'aktieselskab').field).not.toBe('name');
    expect(hits('forsyningskæde')).toEqual([]);
  });

  it('weighs a word typed twice twice', () => {
    const once = hit('konkurs kurator', 'konkurs');
    const twice = hit('konkurs konkurs kurator', 'konkurs');
    const nameAdd = (h: Hit) => h.why.find((w) => w.what.startsWith('"konkurs" ~'))?.add as number;
    expect(nameAdd(twice)).toBeCloseTo(2 * nameAdd(once), 2);
  });

  it('counts typing errors in names', () => {
    expect(hits('strategisk aliance', basic)[0]).toMatchObject({ doc: { id: 'strategicalliance' }, typos: 1, named: 2 });
    expect(hits('strategisk alliance', basic)[0]).toMatchObject({ typos: 0, named: 2 });
    expect(whys(hits('merafkats')[0] as Hit)).toContain('"merafkats" ~ title word "merafkast" (typing error)');
  });

  it('gives at least one hit whatever the limit, and no more than it', () => {
    expect(hits('selskab', round3, 0)).toHaveLength(1);
    expect(hits('selskab', round3, 2)).toHaveLength(2);
    expect(hits('selskab', round3, 2).map((h) => h.doc.id)).toEqual(hits('selskab').slice(0, 2).map((h) => h.doc.id));
  });
});

describe('clearWinner: what lookup shows without asking', () => {
  const fake = (id: string, over: Partial<Hit>): Hit => ({
    doc: { id, title: id, n: id.length } as Hit['doc'], tier: Tier.words, matched: 2, named: 2, cost: 0, unmatchedTitleWords: 0, described: 0, text: 0,
    field: 'name', stems: [], score: 10, typos: 0, why: [], ...over,
  });
  it('takes a whole name over lesser tiers, but not over another of the same tier', () => {
    const a = fake('a', { tier: Tier.exact });
    expect(clearWinner([a])).toBe(a);
    expect(clearWinner([a, fake('bb', { tier: Tier.prefix })])).toBe(a);
    expect(clearWinner([a, fake('bb', { tier: Tier.exact })])).toBeUndefined();
    const p = fake('p', { tier: Tier.prefix });
    expect(clearWinner([p, fake('qq', { tier: Tier.words, score: 99 })])).toBe(p);
  });

  it('takes a word match only when every query word is in its name, and the next falls short', () => {
    const a = fake('a', {});
    expect(clearWinner([a])).toBe(a);
    expect(clearWinner([a], 3)).toBeUndefined();
    expect(clearWinner([fake('a', { named: 1 })], 2)).toBeUndefined();
    expect(clearWinner([fake('a', { matched: 1, named: 2 })], 2)).toBeUndefined();
    expect(clearWinner([a, fake('bb', { named: 1, score: 5 })], 2)).toBe(a);
    expect(clearWinner([a, fake('bb', { cost: 0.1, score: 5 })], 2)).toBe(a);
    expect(clearWinner([a, fake('bb', { cost: 0.05, score: 5 })], 2)).toBeUndefined();
    expect(clearWinner([a, fake('bb', { unmatchedTitleWords: 1, score: 5 })], 2)).toBe(a);
    expect(clearWinner([a, fake('bb', { named: 1, score: 10 })], 2)).toBe(a);
    // Not above the next at all: no winner, however it matched.
    expect(clearWinner([fake('a', { score: 5 }), fake('bb', { named: 1, score: 10 })], 2)).toBeUndefined();
  });
});

describe('the small rules search rests on', () => {
  it('orders hits by tier, score, the shorter title, then title and id (not the article number)', () => {
    const h = (title: string, tier: number, score: number, n: number, id = 'x') => ({ doc: { title, n, id }, tier, score }) as Hit;
    expect(compareHits(h('a', Tier.words, 1, 2, 'b'), h('a', Tier.words, 1, 1, 'a'))).toBeGreaterThan(0);
    expect(compareHits(h('a', Tier.words, 1, 1, 'b'), h('a', Tier.words, 1, 2, 'a'))).toBeGreaterThan(0);
    expect(compareHits(h('b', Tier.words, 1, 1, 'a'), h('c', Tier.words, 1, 0, 'a'))).toBeLessThan(0);
    expect(compareHits(h('c', Tier.words, 1, 0, 'a'), h('b', Tier.words, 1, 1, 'a'))).toBeGreaterThan(0);
    expect(compareHits(h('a', Tier.words, 1, 1), h('a', Tier.words, 1, 1))).toBe(0);
    expect(compareHits(h('ab', Tier.words, 1.02, 5), h('a', Tier.words, 1, 1))).toBeLessThan(0);
    expect(compareHits(h('a', Tier.prefix, 0, 5), h('a', Tier.words, 50, 1))).toBeLessThan(0);
  });

  it('measures edits with a limit, adjacent swaps as one', () => {
    expect(editDistance('', 'abc', 5)).toBe(3);
    expect(editDistance('abc', '', 5)).toBe(3);
    expect(editDistance('ab', 'ba', 5)).toBe(1);
    expect(editDistance('abcd', 'badc', 5)).toBe(2);
    expect(editDistance('kapital', 'kapitel', 1)).toBe(1);
    expect(editDistance('kapital', 'kaptial', 1)).toBe(1);
    expect(editDistance('kapital', 'kapitalen', 1)).toBe(2);
    expect(editDistance('kapital', 'kapitalen', 2)).toBe(2);
    expect(editDistance('abcdef', 'abcxyz', 2)).toBe(3);
  });

  it('matches a name word by stem, plain letters, beginning, end, part or typing error, and says which', () => {
    const kind = (w: string, t: string, literal = false) => {
      const c = nameMatchCost(w, t, undefined, undefined, literal);
      return c === undefined ? undefined : matchKind(c);
    };
    expect(kind('selskaber', 'selskab')).toBe('same word');
    expect(kind('lan', 'laan')).toBe('Danish letters typed plainly');
    expect(kind('hold', 'holdingselskab')).toBe('beginning');
    expect(kind('hol', 'holdingselskab')).toBe('beginning');
    expect(kind('ho', 'holdingselskab')).toBeUndefined();
    expect(kind('selskab', 'holdingselskab')).toBe('end of a compound');
    expect(kind('gselskab', 'holdingselskab')).toBe('end of a compound');
    expect(kind('kab', 'holdingselskab')).toBeUndefined();
    expect(kind('dings', 'holdingselskab')).toBe('part of a compound');
    // A suffix is no compound's last word nor a part of one: `ship` is not in generalpartnership, `skab` not in selskab.
    expect(kind('ship', 'generalpartnership')).toBeUndefined();
    expect(kind('ties', 'liabilities')).toBeUndefined();
    expect(kind('skab', 'selskab')).toBeUndefined();
    expect(kind('skab', 'holdingselskab')).toBeUndefined();
    expect(kind('tions', 'transactionsfees')).toBeUndefined();
    expect(kind('partnership', 'generalpartnership')).toBe('end of a compound');
    expect(kind('ship', 'shipping')).toBe('beginning');
    expect(kind('ding', 'holdingselskab')).toBeUndefined();
    expect(kind('aliance', 'alliance')).toBe('typing error');
    // Typed as an abbreviation: as written only.
    expect(kind('hold', 'holdingselskab', true)).toBeUndefined();
    expect(kind('lan', 'laan', true)).toBe('Danish letters typed plainly');
  });

  it('allows a typing error only in a word of five letters or more, two in one of eight', () => {
    expect(nameMatchCost('roce', 'roe')).toBeUndefined();
    expect(nameMatchCost('aktiw', 'aktie')).toBeDefined();
    expect(nameMatchCost('alianse', 'alliance')).toBeUndefined(); // two errors in seven letters
    expect(nameMatchCost('stratgesk', 'strategisk')).toBeDefined(); // two in nine
    expect(nameMatchCost('stratgesk', 'strategisk')).toBeGreaterThan(nameMatchCost('strategsk', 'strategisk') as number);
    expect(nameMatchCost('strxxxisk', 'strategisk')).toBeUndefined();
    // Two errors only after a right first letter; none against a name word of four letters.
    expect(nameMatchCost('opskrivning', 'afskrivning')).toBeUndefined();
    expect(nameMatchCost('afskrivnign', 'afskrivning')).toBeDefined();
    expect(nameMatchCost('ferie', 'frie')).toBeUndefined();
  });

  it('takes a name word with a Danish ending of two letters or more as that word, not one with a bare -e', () => {
    expect(matchKind(nameMatchCost('modpartsrisikoen', 'modpartsrisiko') as number)).toBe('same word');
    expect(matchKind(nameMatchCost('kontoens', 'konto') as number)).toBe('same word');
    expect(matchKind(nameMatchCost('franchisee', 'franchise') as number)).not.toBe('same word');
  });

  it('takes a word with a negating prefix for the opposite of the word without it', () => {
    for (const [w, t] of [['fuldkommen', 'ufuldkommen'], ['ubegraenset', 'begraenset'], ['effektivt', 'ineffektivt'], ['effektiv', 'ineffektivt'], ['materielle', 'immaterielle'], ['insolvency', 'solvency'], ['limited', 'unlimited'], ['synlige', 'usynlig'], ['fuldkommen', 'ufuldkommen-konkurrence'], ['tangible', 'intangibleassets'], ['ansvar', 'uansvarlig']]) {
      expect(nameMatchCost(w as string, t as string), `${w} ~ ${t}`).toBeUndefined();
    }
    // The same word with the prefix on both sides, words that only begin like one (ud-, ind-,
    // inter-) and have the query word in them, and a typing error that drops an n, still match.
    expect(nameMatchCost('ufuldkomne', 'ufuldkommen')).toBeDefined();
    for (const [w, t] of [['indkomst', 'indkomstskat'], ['underskud', 'underskudsfremfoersel'], ['indkomst', 'kapitalindkomst'], ['skat', 'udbytteskat'], ['bank', 'interbank'], ['fond', 'indeksfond'], ['procent', 'udbytteprocent'], ['udbytte', 'aktieudbytte'], ['investor', 'engleinvestor'], ['iflation', 'inflation'], ['idkomst', 'indkomst']]) {
      expect(nameMatchCost(w as string, t as string), `${w} ~ ${t}`).toBeDefined();
    }
  });

  it('knows a title that spells its abbreviation out, and the abbreviation a title ends in', () => {
    expect(otherExpansion(['internal', 'revenue', 'service', 'irs'], 'irs', ['interest', 'rate', 'swap'])).toBe(true);
    expect(otherExpansion(['internal', 'revenue', 'service', 'irs'], 'irs', ['internal', 'revenue', 'services'])).toBe(false);
    // Words that are not the abbreviation's: nothing spelt out, any query may mean it.
    expect(otherExpansion(['gennemsnitlig', 'aarlig', 'vaekstrate', 'aagr'], 'aagr', ['average', 'annual', 'growth', 'rate'])).toBe(false);
    expect(otherExpansion(['rate', 'of', 'return', 'ror'], 'ror', ['return', 'on', 'revenue'])).toBe(true);
    expect(titleAbbreviation('Afkastningsgrad (ROR)')).toBe('ror');
    expect(titleAbbreviation('Påkrævet forrentning – RRR')).toBe('rrr');
    expect(titleAbbreviation('Value at Risk (VaR)')).toBe('var');
    expect(titleAbbreviation('Aktier (danske)')).toBeUndefined();
    expect(titleAbbreviation('Aktieselskab')).toBeUndefined();
  });

  it('tells English endings of a word from Danish ones', () => {
    for (const [w, t] of [['plants', 'plant'], ['taxes', 'tax'], ['leased', 'lease'], ['leasing', 'lease'], ['companies', 'company']]) expect(englishInflection(w as string, t as string), w).toBe(true);
    for (const [w, t] of [['planter', 'plant'], ['banken', 'bank'], ['plant', 'plant']]) expect(englishInflection(w as string, t as string), w).toBe(false);
  });

  it('allows one error in the first part of a compound (a query word of eight letters or more), at more cost than in a whole word', () => {
    const inPart = nameMatchCost('holdnigs', 'holdingsselskab');
    expect(inPart).toBeDefined();
    expect(inPart).toBeGreaterThan(nameMatchCost('holdnigs', 'holdings') as number);
    expect(matchKind(inPart as number)).toBe('typing error');
    expect(nameMatchCost('hxldnigs', 'holdingsselskab')).toBeUndefined();
    expect(nameMatchCost('holdnigs', 'holdingsx')).toBeDefined(); // one letter longer: the whole word, two errors
  });

  it('takes words in capitals or without a vowel as abbreviations', () => {
    expect([...literalWords('GAAP og bnp')]).toEqual(['gaap', 'bnp']);
    expect([...literalWords('Gaap og ebt')]).toEqual([]);
    expect([...literalWords('ÅOP')]).toEqual(['aaop']);
    expect([...literalWords('A 2B IFRS16 x')]).toEqual([]);
  });

  it('makes initials of a phrase, with and without its glue words', () => {
    expect(initialsOf('earnings before interest and taxes')).toEqual(['ebit', 'ebiat']);
    expect(initialsOf('average annual growth rate')).toEqual(['aagr']);
    // Two words' initials are no evidence (two letters name many things): three or more.
    expect(initialsOf('egenkapitalens forrentning')).toEqual([]);
    expect(initialsOf('egenkapitalens forrentning efter skat')).toEqual(['efes']);
    expect(initialsOf('konkurs')).toEqual([]);
    expect(initialsOf('return on 2 equity')).toEqual([]);
  });

  it('drops question words and single letters, and joins an abbreviation written with marks', () => {
    expect(queryWords('A/S')).toEqual(['as']);
    expect(queryWords('a.m.b.a. selskab')).toEqual(['amba', 'selskab']);
    expect(queryWords('IFRS 16')).toEqual(['ifrs', '16']);
    expect(queryWords('hvad betyder ÅOP')).toEqual(['aaop']);
    expect(queryWords('x-y')).toEqual(['xy']);
  });

  it('measures a definition by words of three letters or more that begin one another', () => {
    expect(definitionOverlap(['selskab', 'eje', 'aktier'], 'Et selskab, der ejer aktier.')).toBe(1);
    expect(definitionOverlap(['selskab', 'ej', 'aktier'], 'Et selskab, der ejer aktier.')).toBeCloseTo(2 / 3);
    expect(definitionOverlap(['xyz', 'abc', 'qqq'], 'Et selskab.')).toBe(0);
    expect(genusMatches('selskaber', 'Et aktieselskab er et selskab med aktier.')).toBe(true);
    expect(genusMatches('aktieselskab', 'En fond er et aktieselskab.')).toBe(true);
    expect(genusMatches('akti', 'Det er en aktie.')).toBe(true);
    expect(genusMatches('akt', 'Det er en aktiepost.')).toBe(false);
    expect(genusMatches('fond', 'Det er en god fond.')).toBe(true);
    expect(genusMatches('fond', 'Det er en meget god fond.')).toBe(false);
    expect(genusMatches('fond', 'En fond ejer aktier.')).toBe(false);
  });

  it('knows a query of only question and filler words', () => {
    expect(onlyFiller('hvad er det')).toBe(true);
    expect(onlyFiller('hvad er moms')).toBe(false);
    // An abbreviation spelt like a filler word is none (VaR, VAR alone); a query all in capitals is.
    expect(onlyFiller('VaR')).toBe(false);
    expect(onlyFiller('VAR')).toBe(false);
    expect(onlyFiller('HVAD ER')).toBe(true);
    expect(onlyFiller('')).toBe(false);
    expect(onlyFiller('?!')).toBe(false);
  });

  it('suggests the closest of a few names', () => {
    expect(closest(['lookup', 'search', 'scan', 'list'], 'serch')).toEqual(['search']);
    expect(closest(['Økonomi', 'Investering', 'Skat'], 'okonomi')).toEqual(['Økonomi']);
    expect(closest(['aaa1', 'aaa2', 'aaa3', 'aaa4'], 'aaa', 2)).toHaveLength(2);
    expect(closest(['lookup'], 'qqqqqq')).toEqual([]);
  });
});

describe('search through the bundled lexicon (an English name over a Danish corpus)', () => {
  const danish = lazyFixture('search-lexicon');
  const lexicon: Lexicon = {
    version: 1,
    phrases: {
      'stock buyback': [['sharebuyback', 'alias', ['tilbagekøb af egne aktier', 'Aktietilbagekøb']]],
      buyback: [['sharebuyback', 'alias', ['Aktietilbagekøb']]],
      'accounts payable': [['accountspayable', 'alias', ['Leverandørgæld']]],
      'interest coverage': [['interestcoverage', 'id', ['Rentedækningsgrad']]],
      aktieudbytte: [['dividend', 'title', ['Udbytte']]],
      // A wrong sense on purpose: the corpus names konkurs itself, so it is never looked up.
      konkurs: [['bankruptcy', 'title', ['Udbytte']]],
    },
  };
  let loaded = 0;
  const extras: SearchExtras = {
    lexicon: () => {
      loaded++;
      return lexicon;
    },
  };
  const find = (query: string, limit = 10, more: SearchExtras = extras) => search(danish().searchSource('da'), query, limit, more);

  it('finds the Danish article by its Danish name, and says the phrase, how the lexicon knows it and the name searched', () => {
    const [first] = find('stock buyback');
    expect(first).toMatchObject({
      doc: { id: 'aktietilbagekoeb' },
      tier: Tier.exact,
      via: 'lexicon',
      lexicon: { phrase: 'stock buyback', kind: 'alias', id: 'sharebuyback', name: 'Aktietilbagekøb' },
    });
    expect(whys(first as Hit)[0]).toBe(
      '"stock buyback" is "Aktietilbagekøb" in the bundled glossary (an alias of the bundled article sharebuyback): searched as "Aktietilbagekøb"',
    );
    expect(whys(first as Hit)[1]).toBe('the whole query is its title (ranked first)');
    expect(find('interest coverage')[0]).toMatchObject({ doc: { id: 'rentedaekningsgrad' }, lexicon: { kind: 'id', name: 'Rentedækningsgrad' } });
    expect(whys(find('interest coverage')[0] as Hit)[0]).toContain('(the id, in words, of the bundled article interestcoverage)');
    expect(find('aktieudbytte')[0]).toMatchObject({ doc: { id: 'udbytte' }, lexicon: { kind: 'title', phrase: 'aktieudbytte' } });
    expect(whys(find('aktieudbytte')[0] as Hit)[0]).toContain('(the title of the bundled article dividend)');
  });

  it('scores a lexicon hit below the article named by the query itself, its parts still adding up to its score', () => {
    const [viaLexicon] = find('stock buyback');
    const [own] = find('Aktietilbagekøb');
    expect(own?.via).toBe('title');
    expect((viaLexicon as Hit).score).toBeLessThan((own as Hit).score);
    expect((viaLexicon as Hit).score).toBeGreaterThan(0);
    const sum = (viaLexicon as Hit).why.reduce((s, w) => s + w.add, 0);
    expect(Math.abs(sum - (viaLexicon as Hit).score)).toBeLessThan(0.01);
  });

  it('leaves English question words out of what it searches, and puts the lexicon hit before a body hit', () => {
    expect(whys(find('what is a stock buyback')[0] as Hit)[0]).toContain('searched as "Aktietilbagekøb"');
    const found = find('buyback');
    expect(found.map((h) => h.doc.id)).toEqual(['aktietilbagekoeb', 'udbytte']);
    expect(found.map((h) => [h.via, h.field])).toEqual([
      ['lexicon', 'name'],
      [undefined, 'body'],
    ]);
    expect(find('buyback', 1).map((h) => h.doc.id)).toEqual(['aktietilbagekoeb']);
    expect(find('buyback', 0)).toHaveLength(1);
  });

  it('reads the lexicon only for a query no article is named by, and not for a phrase the corpus names', () => {
    loaded = 0;
    expect(find('konkurs')[0]).toMatchObject({ doc: { id: 'konkurs' }, via: 'title' });
    expect(find('leverandørgæld')[0]?.via).toBe('title');
    expect(loaded).toBe(0);
    expect(find('accounts payable')[0]).toMatchObject({ doc: { id: 'leverandoergaeld' }, via: 'lexicon' });
    expect(loaded).toBe(1);
    // konkurs is a phrase of the lexicon here, but the corpus names it: it is not translated.
    expect(find('konkurs accounts payable').every((h) => h.lexicon?.phrase !== 'konkurs')).toBe(true);
    // The lexicon is read (two of three words match nothing), but konkurs is not taken for Udbytte.
    expect(find('what is konkurs').filter((h) => h.via === 'lexicon')).toEqual([]);
  });

  it('finds nothing through a lexicon that is missing, or that does not know the words', () => {
    expect(find('stock buyback', 10, { lexicon: () => undefined })).toEqual([]);
    expect(find('stock buyback', 10, {})).toEqual([]);
    expect(find('chocolate cake')).toEqual([]);
  });
});

describe('names written apart, squashed, or spelt out by their initials', () => {
  it('takes a name typed without its spaces, or a compound typed apart, as a begun name', () => {
    expect(hits('marketcap')[0]).toMatchObject({ doc: { id: 'markedsvaerdi' }, tier: Tier.prefix });
    expect(hits('anlægs aktiver')[0]).toMatchObject({ doc: { id: 'anlaegsaktiver' }, tier: Tier.prefix });
    expect(whys(hits('anlægs aktiver')[0] as Hit)[0]).toBe('the query begins a name (ranked before word matches)');
  });

  it('matches an abbreviation written with a slash as one word (A/S is as)', () => {
    const [first] = hits('as');
    expect(first).toMatchObject({ doc: { id: 'aktieselskab' }, tier: Tier.words, named: 1 });
    expect(whys(first as Hit)).toContain('"as" ~ alias word "as" (same word)');
  });

  it('counts every title word as meant when the title ends with the initials the query spells out', () => {
    const spelt = hits('triple bottom line')[0] as Hit;
    expect(spelt).toMatchObject({ doc: { id: 'tredobbelt-bundlinje' }, via: 'alias', unmatchedTitleWords: 0 });
    expect(hit('tredobbelt bundlinje', 'tredobbelt-bundlinje').unmatchedTitleWords).toBe(1);
    // return on equity spells ROE too, but the title (Egenkapitalens forrentning) does not end with it.
    expect(hit('return on equity', 'egenkapitalens-forrentning').unmatchedTitleWords).toBe(2);
  });
});

describe('how many of two words must match', () => {
  it('keeps a hit of one word of two when that word is sure in its name, not when it is only in the text', () => {
    expect(hits('kurator')[0]).toMatchObject({ doc: { id: 'konkurs' }, field: 'body', named: 0 });
    expect(hits('blomster kurator')).toEqual([]);
    expect(hits('konkurs blomster').map((h) => h.doc.id)).toEqual(['konkurs']);
  });

  it('counts a stem typed twice as one word of the query', () => {
    expect(hits('selskab selskaber')[0]).toMatchObject({ doc: { id: 'aktieselskab' }, matched: 1, named: 1 });
  });

  it('tells a typing error from an inflection, and Danish letters typed plainly in capitals from an abbreviation', () => {
    expect(hits('meerafkast')[0]).toMatchObject({ doc: { id: 'merafkast' }, typos: 1, tier: Tier.words });
    expect(hits('merafkastet')[0]).toMatchObject({ doc: { id: 'merafkast' }, typos: 0, tier: Tier.words });
    expect(hits('LAN')[0]).toMatchObject({ doc: { id: 'laan' }, tier: Tier.exact, via: 'plain' });
  });
});

describe('matches by chance: a typing error, unless the rest of the query is there too', () => {
  const offtopic = lazyFixture('search-offtopic');

  it('finds the article of a lone word typed with an error', () => {
    expect(hits('merafkst')[0]).toMatchObject({ doc: { id: 'merafkast' }, typos: 1, cost: 0.3 });
  });

  it('makes no hit of a typing error when the other word matches nothing, nor when it names another article', () => {
    expect(hits('aktieselskb blomster')).toEqual([]);
    expect(hits('aktieselskb blomster', offtopic)).toEqual([]);
    // konkurs is the article meant; merafkats (merafkast typed wrongly) alone does not bring merafkast in.
    expect(hits('konkurs merafkats').map((h) => h.doc.id)).toEqual(['konkurs']);
  });

  it('keeps a typing error when the query\'s other word is in the same name', () => {
    expect(hits('aktieselskb selskab', offtopic).map((h) => h.doc.id)).toEqual(['aktieselskab']);
    expect(hits('aktieselskb selskab', offtopic)[0]).toMatchObject({ matched: 2, named: 2, typos: 1 });
  });
});

describe('what a name match costs (lookup takes a hit over the next by it)', () => {
  it('adds the cost of each word: the same word nothing, Danish letters typed plainly, a beginning, a typing error', () => {
    expect(hit('egenkapitalens forrentning', 'egenkapitalens-forrentning').cost).toBe(0);
    expect(hit('egenkapitalens forretning', 'egenkapitalens-forrentning').cost).toBeCloseTo(0.3);
    expect(hit('markedsvardi aktie', 'markedsvaerdi').cost).toBeCloseTo(0.05);
    expect(hit('anlaegs blomster', 'anlaegsaktiver').cost).toBeCloseTo(0.1);
    expect(hit('aktieselskb selskab', 'aktieselskab').cost).toBeCloseTo(0.45);
  });

  it('counts a word spelt out by initials at the initials\' cost, a better match of it kept', () => {
    // average, annual, growth by the initials (0.2 each); rate as the end of vaekstrate (0.15).
    expect(hit('average annual growth rate', 'aagr').cost).toBeCloseTo(0.75);
  });

  it('takes the hit whose name matches at clearly less cost as the clear winner', () => {
    const found = hits('strategisk alliance', basic);
    expect(found[0]).toMatchObject({ doc: { id: 'strategicalliance' }, cost: 0 });
  });
});

describe('a whole name begun', () => {
  it('takes three letters as the beginning of a name, two not', () => {
    expect(hits('anp')[0]).toMatchObject({ doc: { id: 'anpartsselskab' }, tier: Tier.prefix });
    expect(hits('mar')[0]).toMatchObject({ doc: { id: 'markedsvaerdi' }, tier: Tier.prefix });
    expect(hits('bun').map((h) => [h.doc.id, h.tier])).toEqual([['bundlinie', Tier.prefix], ['tredobbelt-bundlinje', Tier.words]]);
  });

  it('takes a title with its last letter missing as a begun name', () => {
    expect(hits('aktieselska')[0]).toMatchObject({ doc: { id: 'aktieselskab' }, tier: Tier.prefix });
  });
});

describe('a word the corpus has is that word, not a typing error for another', () => {
  const known = lazyFixture('search-known-word');
  it('search alliance lists the article with alliance, not the ones whose alias has allowance', () => {
    // `alliance` is in the title and text of Strategisk alliance: no typing error for `allowance`.
    expect(hits('alliance', known).map((h) => h.doc.id)).toEqual(['strategiskalliance']);
  });
  it('a word the corpus lacks still has its typing-error allowance', () => {
    expect(hits('aliance', known)[0]).toMatchObject({ doc: { id: 'strategiskalliance' }, typos: 1 });
    expect(hits('alowance', known).map((h) => h.doc.id)).toEqual(expect.arrayContaining(['konsortium', 'personfradrag']));
  });
  it('allowance, a word of two aliases, finds those and not alliance', () => {
    expect(hits('allowance', known).map((h) => h.doc.id).sort()).toEqual(['konsortium', 'personfradrag']);
  });
});
