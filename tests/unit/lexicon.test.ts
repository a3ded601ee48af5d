// The bundled lexicon (src/corpus/lexicon.ts): which aliases are English, ids split into words,
// phrases found in a query.
import { describe, expect, it } from 'vitest';
import { ENGLISH_GLUE, isEnglish, LexiconIndex, makeLexicon, parseLexicon, parseWordList, renderWords, singulars, splitId, wordListOf, wordListText } from '../../src/corpus/lexicon.js';

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

describe('the English-Danish word list', () => {
  it('reads entries as folded English keys with their Danish renderings, and names every line that is none', () => {
    const { words, problems } = parseWordList('Payroll\tløn; Lønsum; løn-\r\nhead office\thovedkontor\n\nbad line\nx\ta; b;\nquarter\tkvartal; kvartals-\tthird\ncost\tomkostning; omkost--ning\nctl\tbad\u0007word\n\tløn\nx\tbad--one\tthird\nmany\ta; b; c; d; e; f\n');
    expect(words).toEqual({ payroll: ['løn', 'lønsum', 'løn-'], 'head office': ['hovedkontor'], many: ['a', 'b', 'c', 'd'] });
    expect(problems).toEqual([
      'line 4: not "english<TAB>danish; danish"',
      'line 5: "" is no Danish rendering',
      'line 6: not "english<TAB>danish; danish"',
      'line 7: "omkost--ning" is no Danish rendering',
      'line 8: "bad?word" is no Danish rendering',
      'line 9: not "english<TAB>danish; danish"',
      'line 10: not "english<TAB>danish; danish"',
    ]);
  });

  // As the build writes it and search reads it: a line an entry, looked up without parsing the rest.
  const words = wordListOf(wordListText(parseWordList('payroll\tløn; løn-\ncost\tomkostning; udgift\nquarterly\tkvartalsvis; kvartals-\nreport\trapport\nhead office\thovedkontor\nhead\thoved; leder; hoved-\n').words));
  it('looks up whole keys only', () => {
    expect(words('payroll')).toEqual(['løn', 'løn-']);
    expect(words('head office')).toEqual(['hovedkontor']);
    expect(words('pay')).toBeUndefined();
    expect(words('office')).toBeUndefined();
    expect(words('report\thead')).toBeUndefined();
    // A key that spans lines of the text is no key.
    expect(words('head\thoved;leder;hoved-\nhead office')).toBeUndefined();
    expect(words('report\trapport\nhead')).toBeUndefined();
    // The last entry need not end its line.
    expect(wordListOf('\na\tx;y')('a')).toEqual(['x', 'y']);
    expect(wordListText({ b: ['x'], a: ['y', 'z-'] })).toBe('\na\ty;z-\nb\tx\n');
  });
  const glue = (w: string) => ENGLISH_GLUE.has(w);
  it('looks a plural up by its singulars: -s taken off, and an English -ies made -y, not in short words', () => {
    expect(singulars('currencies')).toEqual(['currencie', 'currency']);
    expect(singulars('foreign currencies')).toEqual(['foreign currencie', 'foreign currency']);
    expect(singulars('cookies')).toEqual(['cookie', 'cooky']);
    expect(singulars('ties')).toEqual(['tie']);
    expect(singulars('costs')).toEqual(['cost']);
    expect(singulars('loss')).toEqual(['loss']);
    const list = wordListOf(wordListText(parseWordList('currency\tvaluta\nequity\tegenkapital\nequities\taktier\n').words));
    expect(renderWords(['currencies'], list, glue)?.phrases).toEqual(['valuta']);
    expect(renderWords(['equities'], list, glue)?.phrases).toEqual(['aktier']);
  });

  it('renders a query word by word, a compound part joined to the next word, a fixed phrase before its words', () => {
    // Best first: a compound's first part (`løn-`) is the sense `løn` is, so `lønomkostning` is as usual as `løn omkostning`.
    const payroll = renderWords(['payroll', 'costs'], words, glue);
    expect(payroll?.phrases).toEqual(['løn omkostning', 'lønomkostning', 'løn udgift', 'lønudgift']);
    expect(payroll?.ranks).toEqual([0, 0, 1, 1]);
    expect(renderWords(['quarterly', 'report'], words, glue)?.phrases).toEqual(['kvartalsvis rapport', 'kvartalsrapport']);
    expect(renderWords(['the', 'head', 'office'], words, glue)).toEqual({ english: ['head office'], danish: [['hovedkontor']], phrases: ['hovedkontor'], ranks: [0] });
    // A compound's first part at the end has nothing to join.
    expect(renderWords(['head'], words, glue)?.phrases).toEqual(['hoved', 'leder']);
  });
  it('renders a fixed phrase whole first, then its words one by one where each has a rendering', () => {
    const list = wordListOf(wordListText({ 'labour costs': ['lønomkostninger'], labour: ['arbejdskraft', 'arbejds-'], costs: ['omkostninger'] }));
    expect(renderWords(['labour', 'costs'], list, glue)).toEqual({
      english: ['labour costs'],
      danish: [['lønomkostninger']],
      apart: { english: ['labour', 'costs'], danish: [['arbejdskraft', 'arbejds-'], ['omkostninger']] },
      phrases: ['lønomkostninger', 'arbejdskraft omkostninger', 'arbejdsomkostninger'],
      ranks: [0, 0, 1],
    });
  });
  it('renders a fixed phrase apart also beside other words; never glue alone, even glue the list has', () => {
    const list = wordListOf(wordListText({ 'labour costs': ['lønomkostninger'], labour: ['arbejds-'], costs: ['omkostninger'], report: ['rapport'], of: ['af'] }));
    expect(renderWords(['report', 'of', 'labour', 'costs'], list, glue)?.phrases).toEqual(['rapport lønomkostninger', 'rapport arbejdsomkostninger']);
    expect(renderWords(['report', 'of', 'labour', 'costs'], list, glue, 1)?.phrases).toEqual(['rapport lønomkostninger']);
    // A word of more renderings than are tried: the first four.
    const many = wordListOf(wordListText({ ax: ['a1', 'a2', 'a3', 'a4', 'a5'] }));
    expect(renderWords(['ax'], many, glue)?.phrases).toEqual(['a1', 'a2', 'a3', 'a4']);
  });
  it('tries the most usual renderings first: by the sum of each word\'s place in its list', () => {
    const list = wordListOf(wordListText({ ax: ['a1', 'a2'], bx: ['b1', 'b2'], cx: ['c1', 'c2'] }));
    expect(renderWords(['ax', 'bx', 'cx'], list, glue, 4)?.phrases).toEqual(['a1 b1 c1', 'a1 b1 c2', 'a1 b2 c1', 'a2 b1 c1']);
  });
  it('renders nothing when a word that is not glue has no rendering, or nothing but glue is asked', () => {
    expect(renderWords(['dog', 'costs'], words, glue)).toBeUndefined();
    expect(renderWords(['of', 'the'], words, glue)).toBeUndefined();
  });
  it('tries at most `limit` phrases', () => {
    expect(renderWords(['head', 'head', 'head', 'cost'], words, glue, 5)?.phrases).toHaveLength(5);
  });
});
