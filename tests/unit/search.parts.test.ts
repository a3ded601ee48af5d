// The small functions search's ranking rests on, each on its own: the edit distance typing errors
// are measured by, the cost of matching a query word against a name word, which name matches may be
// chance, near misses, the words of an article's names, the candidates from the name index, BM25,
// and abbreviations and initials in a query. A change to any of them changes which article a user
// is shown first, often only for some queries; here each rule is checked where it decides.
import { describe, expect, it } from 'vitest';
import { searchDocOf } from '../../src/corpus/compile.js';
import type { Article } from '../../src/corpus/article.js';
import type { SearchSource } from '../../src/corpus/reader.js';
import { docTermsOfWord, stem } from '../../src/corpus/terms.js';
import { bm25, byChance, definitionOverlap, editDistance, genusMatches, initialsOf, literalWords, matchKind, nameCandidates, nameMatchCost, nameWords, nearMiss, queryWords, spellsOut, stemCandidates } from '../../src/search.js';
import { wordListOf } from '../../src/corpus/lexicon.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions, and a swap of neighbours as one', () => {
    expect(editDistance('', '', 1)).toBe(0);
    expect(editDistance('rente', 'rente', 2)).toBe(0);
    expect(editDistance('rente', 'rnete', 2)).toBe(1);
    expect(editDistance('ab', 'ba', 2)).toBe(1);
    expect(editDistance('rente', 'renter', 2)).toBe(1);
    expect(editDistance('rente', 'rene', 2)).toBe(1);
    expect(editDistance('rente', 'rinte', 2)).toBe(1);
    expect(editDistance('rente', 'rintx', 2)).toBe(2);
  });
  it('counts a swap only where both letters trade places', () => {
    // One letter of the pair matching the other's place is no swap: two edits each.
    expect(editDistance('ab', 'ca', 2)).toBe(2);
    expect(editDistance('ab', 'bc', 2)).toBe(2);
    expect(editDistance('xab', 'xca', 2)).toBe(2);
    expect(editDistance('xab', 'xbc', 2)).toBe(2);
  });
  it('stops past max, answering max + 1, also when the lengths alone tell', () => {
    expect(editDistance('a', 'abcd', 1)).toBe(2);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('rente', 'renters', 1)).toBe(2);
  });
});

describe('nameMatchCost', () => {
  it('costs nothing for the same word or the same stem, and names the kind for --explain', () => {
    expect(nameMatchCost('aktie', 'aktie')).toBe(0);
    expect(nameMatchCost('aktier', 'aktie')).toBe(0);
    expect(matchKind(nameMatchCost('aktier', 'aktie') as number)).toBe('same word');
  });
  it('costs a typing error in the first part of a compound more than one in a whole word', () => {
    const whole = nameMatchCost('regnskav', 'regnskab') as number;
    const twoErrors = nameMatchCost('regnskxv', 'regnskab') as number;
    const inCompound = nameMatchCost('regnskav', 'regnskabsaar') as number;
    expect(matchKind(whole)).toBe('typing error');
    expect(twoErrors).toBeGreaterThan(whole);
    expect(inCompound).toBeGreaterThan(twoErrors);
  });
  it('takes a name one letter longer as a whole word, not as a compound begun', () => {
    // Two errors against the whole word; one against its start, but the name is no compound.
    expect(nameMatchCost('regnskav', 'regnskabx')).toBe(nameMatchCost('regnskxv', 'regnskab'));
  });
});

describe('byChance', () => {
  it('calls every typing error chance', () => {
    const typo = nameMatchCost('aften', 'after') as number;
    expect(byChance('aften', 'after', typo)).toBe(true);
  });
  it('calls a shared stem of under four letters chance, unless the word is the name word itself', () => {
    expect(stem('haven')).toHaveLength(3);
    expect(byChance('haven', 'have', 0)).toBe(true);
    expect(byChance('have', 'have', 0)).toBe(false);
    // A name begun is no stem shared by chance.
    const begun = nameMatchCost('haven', 'havenanlaeg') as number;
    expect(matchKind(begun)).toBe('beginning');
    expect(byChance('haven', 'havenanlaeg', begun)).toBe(false);
  });
  it('trusts a stem of four letters or more', () => {
    expect(stem('renter')).toHaveLength(4);
    expect(byChance('renter', 'rente', 0)).toBe(false);
    expect(byChance('selskaber', 'selskab', 0)).toBe(false);
  });
});

describe('nearMiss', () => {
  it('is two edits or fewer from the name word', () => {
    expect(nearMiss('rnte', 'rente')).toBe(true);
    expect(nearMiss('rnt', 'rente')).toBe(true);
    expect(nearMiss('rxyz', 'rente')).toBe(false);
  });
  it('or one edit from its start', () => {
    expect(nearMiss('rentx', 'rentesrente')).toBe(true);
    expect(nearMiss('rxntx', 'rentesrente')).toBe(false);
  });
  it('is never a word of under three letters', () => {
    expect(nearMiss('re', 'ret')).toBe(false);
    expect(nearMiss('re', 're')).toBe(false);
  });
});

function doc(a: Partial<Article> & { id: string; title: string }) {
  const article = { aliases: [], keywords: [], description: '', bodyLength: 0, ...a } as unknown as Article;
  return searchDocOf(article, { id: a.id, title: a.title, name: a.id, n: 0 });
}

describe('nameWords', () => {
  it('gives the title words and the id, each with its stem', () => {
    const names = nameWords(doc({ id: 'Capital-Form', title: 'Aktieselskabernes Former' }));
    expect(names.title).toEqual(['aktieselskabernes', 'former', 'capital-form']);
    expect(names.stems.get('aktieselskabernes')).toBe(stem('aktieselskabernes'));
    expect(names.stems.get('former')).toBe(stem('former'));
    expect(names.aliases).toEqual([]);
    expect(names.defined).toEqual([]);
  });
  it('gives the words of every alias with their stems, and an abbreviation with slashes as one word too', () => {
    const names = nameWords(doc({ id: 'as', title: 'Aktieselskab', aliases: ['A/S', 'Aktie selskaber'] }));
    expect(names.aliases).toEqual(['a', 's', 'aktie', 'selskaber', 'as']);
    expect(names.stems.get('selskaber')).toBe(stem('selskaber'));
    expect(names.stems.get('aktie')).toBe(stem('aktie'));
  });
  it('gives the words of what the article defines, with their stems', () => {
    const names = nameWords(doc({ id: 'x', title: 'Bundlinie', defined: ['bundlinjens resultater'] }));
    expect(names.defined).toEqual(['bundlinjens', 'resultater']);
    expect(names.stems.get('resultater')).toBe(stem('resultater'));
    expect(names.stems.get('bundlinjens')).toBe(stem('bundlinjens'));
  });
  it('takes no stems where the stemmed name has other words than the name (a stem left out)', () => {
    const d = doc({ id: 'x', title: 'Aktie selskab', aliases: ['aktie selskab'], defined: ['aktie selskab'] });
    d.s.title = 'akti';
    d.s.aliases = ['akti'];
    d.s.defined = ['akti'];
    expect(nameWords(d).stems.size).toBe(0);
  });
});

/** A search source of names only: article n is named `names[n]` (its grams and stem, as compiled). */
function nameSource(names: string[]): SearchSource {
  const index = new Map<string, number[]>();
  names.forEach((name, n) => {
    for (const [term] of docTermsOfWord(name)) {
      const list = index.get(term) ?? [];
      if (!list.includes(n)) list.push(n);
      index.set(term, list);
    }
  });
  return {
    count: names.length,
    gaps: (term: string) => (index.get(term) ?? []).map((n, i, list) => n - (i ? (list[i - 1] as number) : 0)),
  } as unknown as SearchSource;
}

describe('nameCandidates', () => {
  it('puts the names sharing the most grams with the words first, each once, ties by number', () => {
    const source = nameSource(['kapital', 'rente', 'kapitalfond', 'renteswap', 'kapitel', 'aktie']);
    const found = nameCandidates(source, ['kapital']);
    expect(found[0]).toBe(0);
    expect(found.indexOf(2)).toBeGreaterThan(0);
    expect(found.indexOf(2)).toBeLessThan(found.indexOf(4));
    expect(new Set(found).size).toBe(found.length);
    expect(found).not.toContain(5);
    expect(found).not.toContain(1);
  });
  it('adds the words up: an article named by both words comes first', () => {
    const source = nameSource(['rente', 'swap', 'renteswap', 'rentefod']);
    const both = nameCandidates(source, ['rente', 'swap']);
    expect(both.slice(0, 1)).toEqual([0]);
    expect(both).toContain(2);
    expect(both.indexOf(1)).toBeGreaterThan(-1);
  });
  it('breaks ties by article number', () => {
    const source = nameSource(['aktie', 'aktie', 'aktie']);
    expect(nameCandidates(source, ['aktie'])).toEqual([0, 1, 2]);
  });
  it('ignores articles past the end of the source (a damaged list)', () => {
    const source = { count: 2, gaps: () => [0, 5] } as unknown as SearchSource;
    expect(nameCandidates(source, ['aktie'])).toEqual([0]);
  });
});

describe('stemCandidates', () => {
  it('finds the articles named by the stem of each word, each once', () => {
    const source = nameSource(['rente', 'renter', 'aktie', 'swap']);
    expect(stemCandidates(source, ['renterne', 'aktier']).sort()).toEqual([0, 1, 2]);
    expect(stemCandidates(source, ['rente', 'renter'])).toEqual([0, 1]);
    expect(stemCandidates(source, [])).toEqual([]);
  });
});

describe('bm25', () => {
  it('is Okapi BM25 (k1 1.2, b 0.75) summed over the matches, weighted', () => {
    expect(bm25(undefined, 100, 100)).toBe(0);
    // idf 2, count 3, weight 1, at the mean length: 2 * 3 * 2.2 / (3 + 1.2).
    expect(bm25([[2, 3, 1]], 100, 100)).toBeCloseTo((2 * 3 * 2.2) / 4.2, 10);
    // Twice the mean length: norm 1.2 * (0.25 + 1.5).
    expect(bm25([[2, 3, 1]], 200, 100)).toBeCloseTo((2 * 3 * 2.2) / (3 + 1.2 * 1.75), 10);
    expect(bm25([[2, 3, 0.5], [1, 1, 2]], 50, 100)).toBeCloseTo(0.5 * (2 * 3 * 2.2) / (3 + 1.2 * 0.625) + (2 * 1 * 2.2) / (1 + 1.2 * 0.625), 10);
    // No mean length yet (an empty corpus): lengths are taken as they are.
    expect(bm25([[1, 1, 1]], 0, 0)).toBeCloseTo(2.2 / (1 + 1.2 * 0.25), 10);
  });
});

describe('abbreviations and initials in a query', () => {
  it('takes a word of two capitals or more, or without vowels, as an abbreviation', () => {
    expect([...literalWords('AS')]).toEqual(['as']);
    expect([...literalWords('hvad er EBIT')]).toEqual(['ebit']);
    expect([...literalWords('cvr')]).toEqual(['cvr']);
    expect([...literalWords('aktie selskab')]).toEqual([]);
    expect([...literalWords('A')]).toEqual([]);
  });
  it('makes initials only of words that begin with a letter', () => {
    expect(initialsOf('average annual growth rate')).toEqual(['aagr']);
    expect(initialsOf('3d annual growth rate')).toEqual([]);
    expect(initialsOf('earnings before interest and taxes')).toEqual(['ebit', 'ebiat']);
  });
});

describe('queryWords', () => {
  it('reads single letters joined by slashes, dots or hyphens as one abbreviation, wherever it stands', () => {
    expect(queryWords('A/S')).toEqual(['as']);
    expect(queryWords('hvad er A/S')).toContain('as');
    expect(queryWords('et a.m.b.a. selskab')).toContain('amba');
    // A single letter before a word is no abbreviation: `P-nummer` is the word `nummer`.
    expect(queryWords('P-nummer')).toEqual(['nummer']);
  });
});

describe('definitionOverlap', () => {
  it('is the share of the query words the description has, by stem or as begun', () => {
    expect(definitionOverlap(['selskab', 'ejer', 'aktier'], 'Et selskab der ejer aktier i andre selskaber.')).toBe(1);
    expect(definitionOverlap(['selskab', 'ejer', 'obligationer'], 'Et selskab der ejer aktier.')).toBeCloseTo(2 / 3, 10);
    // Begun: a description word of three letters or more that begins the query word.
    expect(definitionOverlap(['ejerandel', 'aktier', 'skov'], 'Ejer aktier.')).toBeCloseTo(2 / 3, 10);
  });
  it('takes no word of under three letters as the beginning of another', () => {
    expect(definitionOverlap(['investering', 'afkast', 'obligation'], 'i af og')).toBe(0);
  });
  it('counts a word the description has only as a synonym for less than one', () => {
    const overlap = definitionOverlap(['firma', 'ejer', 'aktier'], 'Et selskab der ejer aktier.', (w) => (w === 'firma' ? ['selskab'] : []));
    expect(overlap).toBeGreaterThan(2 / 3);
    expect(overlap).toBeLessThan(1);
  });
  it('is nought for a query of under three words', () => {
    expect(definitionOverlap(['selskab', 'ejer'], 'Et selskab der ejer aktier.')).toBe(0);
  });
});

describe('genusMatches', () => {
  it('matches the kind a definition names ("er en/et ..."), by stem', () => {
    expect(genusMatches('selskaber', 'Et holdingselskab er et selskab, der ejer andre.')).toBe(true);
    expect(genusMatches('as', 'Det er et as i ærmet.')).toBe(true);
    expect(genusMatches('obligation', 'Et holdingselskab er et selskab, der ejer andre.')).toBe(false);
    expect(genusMatches('selskab', 'Et selskab, der ejer andre.')).toBe(false);
  });
  it('or begun, where both are four letters or more', () => {
    expect(genusMatches('fondsbestyrelse', 'Det er en fond.')).toBe(true);
    expect(genusMatches('fond', 'Det er en fondsmægler.')).toBe(true);
    expect(genusMatches('bilforhandler', 'Det er en bil.')).toBe(false);
    expect(genusMatches('bil', 'Det er en bilforhandler.')).toBe(false);
  });
});

describe('spellsOut: the words of a phrase whose initials an article has say what it says', () => {
  const aagr = doc({ id: 'aagr', title: 'Gennemsnitlig årlig vækstrate (AAGR)' });
  const bop = doc({ id: 'balanceofpayments', title: 'Betalingsbalance', aliases: ['balance of payments', 'BOP'] });
  const words = wordListOf('\naverage\tgennemsnitlig\nannual\tårlig\ngrowth\tvækst\nrate\tsats; rate\ntax\tskat\nshare\taktie\nearnings\tindtjening\n');
  it('through the word list, word by word, or not at all', () => {
    expect(spellsOut(aagr, 'average annual growth rate', words)).toBe(true);
    expect(spellsOut(aagr, 'average annual growth rate')).toBe(false);
    // One word the article does not say is enough to offer it instead: all, not most.
    expect(spellsOut(aagr, 'average annual glowing rate', words)).toBe(false);
    expect(spellsOut(bop, 'burden of proof', words)).toBe(false);
    expect(spellsOut(bop, 'balance of power', words)).toBe(false);
    expect(spellsOut(bop, 'balance of payments', words)).toBe(true);
  });
  it('by a root the word list has, past glue, by the id, and by the text', () => {
    const skat = doc({ id: 'eps', title: 'Indtjening pr. aktie (EPS)' });
    expect(spellsOut(skat, 'earnings per share', words)).toBe(true);
    expect(spellsOut(doc({ id: 'x', title: 'Skatter' }), 'taxes', words)).toBe(true);
    expect(spellsOut(doc({ id: 'internalgrowthrate', title: 'Intern vækstrate (IGR)' }), 'internal growth rate')).toBe(true);
    expect(spellsOut(doc({ id: 'igr', title: 'Intern vækstrate (IGR)' }), 'internal growth rate')).toBe(false);
    expect(spellsOut(aagr, 'average annual growth rate', undefined, ['averag', 'annual', 'growth', 'rat'].map(stem))).toBe(true);
    // Names and text do not make one spelling between them (the hostile pass: `total equity value`
    // opened Virksomhedsværdi, TEV, by "total enterprise value" and an "equity" in its text).
    const tev = doc({ id: 'enterprisevalue', title: 'Virksomhedsværdi', aliases: ['total enterprise value', 'TEV'] });
    expect(spellsOut(tev, 'total equity value', undefined, ['equity', 'value'].map(stem))).toBe(false);
    expect(spellsOut(tev, 'total equity value', undefined, ['total', 'equity', 'value'].map(stem))).toBe(true);
    expect(spellsOut(tev, 'total enterprise value')).toBe(true);
    // A name word of one letter says nothing (`a` in "Klasse A-aktier").
    expect(spellsOut(doc({ id: 'y', title: 'q r s' }), 'q r s')).toBe(false);
    expect(spellsOut(aagr, 'of the and')).toBe(false);
  });
});
