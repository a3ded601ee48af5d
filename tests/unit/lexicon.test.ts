// The bundled lexicon (src/corpus/lexicon.ts): which aliases are English, ids split into words,
// phrases found in a query.
import { describe, expect, it } from 'vitest';
import { isEnglish, LexiconIndex, makeLexicon, parseLexicon, splitId } from '../../src/corpus/lexicon.js';

const danishStems = new Set(['aktie', 'tilbagekoeb', 'rating', 'kredit', 'joint', 'ventur']);
const inDanish = (s: string) => danishStems.has(s);

describe('isEnglish', () => {
  it('an alias with words the Danish text lacks is English; Danish letters, abbreviations and loanwords are not', () => {
    expect(isEnglish('stock buyback', inDanish)).toBe(true);
    expect(isEnglish('articles of association', inDanish)).toBe(true);
    expect(isEnglish('tilbagekøb af egne aktier', inDanish)).toBe(false);
    expect(isEnglish('UBO', inDanish)).toBe(false);
    expect(isEnglish('rating', inDanish)).toBe(false);
  });
});

describe('splitId', () => {
  const vocabulary = new Set(['share', 'repurchase', 'interest', 'coverage', 'of', 'cost', 'debt']);
  it('splits at - and _ and into known words, the fewest', () => {
    expect(splitId('sharerepurchase', vocabulary)).toBe('share repurchase');
    expect(splitId('costofdebt', vocabulary)).toBe('cost of debt');
    expect(splitId('net-cash', vocabulary)).toBe('net cash');
    expect(splitId('operating_profit', vocabulary)).toBe('operating profit');
  });
  it('leaves an id it cannot split wholly, or one word, alone', () => {
    expect(splitId('sharebuyback', vocabulary)).toBeUndefined();
    expect(splitId('interest', vocabulary)).toBeUndefined();
    expect(splitId('ebit2', vocabulary)).toBeUndefined();
  });
});

describe('makeLexicon and lookups', () => {
  const lexicon = makeLexicon(
    [
      { id: 'sharebuyback', title: 'Aktietilbagekøb', aliases: ['stock buyback', 'tilbagekøb af egne aktier'] },
      { id: 'interestcoverage', title: 'Rentedækningsgrad', aliases: ['interest coverage ratio'] },
    ],
    (s) => inDanish(s),
  );
  it('maps an English alias to the title first, then the Danish aliases', () => {
    expect(lexicon.phrases['stock buyback']).toEqual([['sharebuyback', 'alias', ['Aktietilbagekøb', 'tilbagekøb af egne aktier']]]);
  });
  it('maps an id split by the English aliases\' words, and a title to its Danish aliases', () => {
    expect(lexicon.phrases['interest coverage']).toEqual([['interestcoverage', 'id', ['Rentedækningsgrad']]]);
    expect(lexicon.phrases['aktietilbagekoeb']).toEqual([['sharebuyback', 'title', ['tilbagekøb af egne aktier']]]);
  });
  it('finds the longest phrases of a query, plurals too, without overlaps', () => {
    const index = new LexiconIndex(lexicon);
    expect(index.phrasesIn(['what', 'is', 'a', 'stock', 'buybacks']).map((m) => [m.phrase, m.start, m.end])).toEqual([['stock buyback', 3, 5]]);
    expect(index.phrasesIn(['chocolate', 'cake'])).toEqual([]);
  });
  it('reads back what it wrote, and refuses anything else', () => {
    expect(parseLexicon(JSON.stringify(lexicon))).toEqual(lexicon);
    expect(parseLexicon('{"version":2,"phrases":{}}')).toBeUndefined();
    expect(parseLexicon('not json')).toBeUndefined();
  });
});
