// What `glossary scan` finds in a text and where (src/scan.ts): the edges of its rules that the
// scan tests beside this one leave open (a term at the end of a line, compounds at their shortest,
// capitals, columns after wide characters and in a part of a line).
import { describe, expect, it } from 'vitest';
import { stem } from '../../src/corpus/terms.js';
import { byTerm, Scanner, scanTermsOf, type ScanIndex } from '../../src/scan.js';

const names: Array<[string, number]> = [
  ['Fusion', 0],
  ['Moderselskab', 1],
  ['Strategisk alliance', 2],
  ['Alliance', 3],
  ['ApS', 4],
  ['SKAT', 5],
  ['Told', 6],
  ['Bestyrelsesmedlem', 7],
  ['Moder', 8],
  ['EU', 9],
  ['SE-nummer', 10],
];
const VOCABULARY = ['plan', 'fri', 'ret', 'kammer', 'aftale', 'bank', 'virksomhed', 'beløb', 'grænse'];
const index = (vocabulary = VOCABULARY): ScanIndex => ({
  terms: names.flatMap(([name, n]) => scanTermsOf(name, n)),
  vocabulary: vocabulary.map(stem),
});
const scan = (text: string, vocabulary?: string[]) => {
  const s = new Scanner(index(vocabulary));
  return text.split('\n').flatMap((line) => s.feed(line));
};
const found = (text: string, vocabulary?: string[]) => scan(text, vocabulary).map((o) => [o.n, o.text]);

describe('which names are matched only with their capitals', () => {
  it('a name of two capitals or more, or of three letters at most (spaces aside)', () => {
    expect(scanTermsOf('ApS', 4)[0]?.exact).toEqual(['ApS']);
    expect(scanTermsOf('EU', 9)[0]?.exact).toEqual(['EU']);
    expect(scanTermsOf('Et b', 1)[0]?.exact).toEqual(['Et', 'b']);
    expect(scanTermsOf('Told', 6)[0]?.exact).toBeUndefined();
    expect(scanTermsOf('Strategisk alliance', 2)[0]?.exact).toBeUndefined();
    expect(scanTermsOf('Bestyrelsesmedlem', 7)).toEqual([{ stems: [stem('bestyrelsesmedlem')], words: ['bestyrelsesmedlem'], n: 7 }]);
  });

  it('finds such a name as written and not in other capitals', () => {
    expect(found('Et ApS og et aps.')).toEqual([[4, 'ApS']]);
    expect(found('EU og eu.')).toEqual([[9, 'EU']]);
  });
});

describe('Scanner', () => {
  it('finds a term of two words that ends the line', () => {
    expect(found('Vi indgik en strategisk alliance')).toEqual([[2, 'strategisk alliance']]);
    expect(found('Vi indgik en strategisk')).toEqual([]);
  });

  it('finds a term whose first word is inflected, with the text as written', () => {
    expect(found('Strategiske alliancer')).toEqual([[2, 'Strategiske alliancer']]);
    expect(found('Bestyrelsesmedlemmerne mødtes.')).toEqual([[7, 'Bestyrelsesmedlemmerne']]);
    expect(found('Moderselskaberne og moderens.')).toEqual([
      [1, 'Moderselskaberne'],
      [8, 'moderens'],
    ]);
  });

  it('finds the shortest compound: a term of four letters and a word of three', () => {
    expect(found('Varen er toldfri.')).toEqual([[6, 'toldfri']]);
    expect(found('Varen er toldfri.', [])).toEqual([]);
  });

  it('finds a term as the head of a compound whose first part is a word of the corpus', () => {
    expect(found('Bankfusionen blev godkendt.')).toEqual([[0, 'Bankfusionen']]);
    expect(found('En virksomhedsfusion.')).toEqual([[0, 'virksomhedsfusion']]);
    // Too short a first part, or one the corpus does not know.
    expect(found('Abfusion og qwertyfusion.')).toEqual([]);
  });

  it('finds a term as the first part of a compound, after a linking letter', () => {
    expect(found('Fusionsaftalen og fusionsretten.')).toEqual([
      [0, 'Fusionsaftalen'],
      [0, 'fusionsretten'],
    ]);
    expect(found('Alliancefri.')).toEqual([[3, 'Alliancefri']]);
  });

  it('takes the longest term a compound begins with', () => {
    expect(found('Moderselskabsplanen.')).toEqual([[1, 'Moderselskabsplanen']]);
  });

  it('does not take a name matched only with its capitals as part of a compound', () => {
    expect(found('Skatkammeret er tomt.')).toEqual([]);
  });

  it('counts columns in characters after a character outside the BMP', () => {
    expect(scan('😀 fusion')[0]?.column).toBe(3);
    expect(scan('😀😀 x fusion')[0]?.column).toBe(6);
    expect(scan('𝔸𝔹 fusion og 𝔸 fusion').map((o) => o.column)).toEqual([4, 16]);
  });

  it('numbers the lines it is fed, and counts from the given line and column in a part of one', () => {
    const s = new Scanner(index());
    expect(s.feed('fusion').map((o) => o.line)).toEqual([1]);
    expect(s.feed('').map((o) => o.line)).toEqual([]);
    expect(s.feed('x fusion').map((o) => [o.line, o.column])).toEqual([[3, 3]]);
    expect(s.feedPart('xy fusion og fusion', 9, 101).map((o) => [o.line, o.column, o.text])).toEqual([
      [9, 104, 'fusion'],
      [9, 114, 'fusion'],
    ]);
    // What starts at or after keepBefore is left for the next part.
    expect(s.feedPart('xy fusion og fusion', 9, 101, 13).map((o) => o.column)).toEqual([104]);
    expect(s.feedPart('xy fusion og fusion', 9, 101, 4).map((o) => o.column)).toEqual([104]);
    expect(s.feedPart('xy fusion og fusion', 9, 101, 3)).toEqual([]);
    expect(s.feed('fusion').map((o) => o.line)).toEqual([10]);
  });

  it('groups by term in order of first occurrence, every occurrence kept', () => {
    const groups = byTerm(scan('alliance, fusion\nfusion og alliance og fusion'));
    expect(groups.map((g) => [g.n, g.occurrences.map((o) => `${o.line}:${o.column}`)])).toEqual([
      [3, ['1:1', '2:11']],
      [0, ['1:11', '2:1', '2:23']],
    ]);
    expect(byTerm([])).toEqual([]);
  });

  it('matches a name of two capitals with them, whatever its length', () => {
    expect(found('Skriv SE-nummer her. Se nummer 5.')).toEqual([[10, 'SE-nummer']]);
  });

  it('counts a character at either end of the low surrogates, and one above them, as one column', () => {
    expect(scan('\u{10000} fusion')[0]?.column).toBe(3);
    expect(scan('\u{103FF} fusion')[0]?.column).toBe(3);
    expect(scan('€ fusion')[0]?.column).toBe(3);
    expect(scan('\uFB01 fusion')[0]?.column).toBe(3);
  });

  it('takes a later word of a term only through its own stem or endings', () => {
    expect(found('Vi har strategiske afdelinger.')).toEqual([]);
  });

  it('drops a linking letter after a compound\'s first part only when one is there', () => {
    expect(found('Toldbeløbet og toldgrænse.')).toEqual([
      [6, 'Toldbeløbet'],
      [6, 'toldgrænse'],
    ]);
  });

  it('prefers a term the word is to a term it begins with', () => {
    expect(found('Moderselskabet.', [...VOCABULARY, 'selskab'])).toEqual([[1, 'Moderselskabet']]);
  });
});

describe('compound parts: a first part as written, a head by its stem', () => {
  const only = (terms: Array<[string, number]>, vocabulary: string[], text: string) => {
    const s = new Scanner({ terms: terms.flatMap(([name, n]) => scanTermsOf(name, n)), vocabulary: vocabulary.map(stem) });
    return s.feed(text).map((o) => [o.n, o.text]);
  };

  it('a word of four letters whose stem is shorter is a first part (moms|registreringen)', () => {
    expect(stem('moms').length).toBeLessThan(4);
    expect(only([['Moms', 0]], ['registrering'], 'Momsregistreringen sker her')).toEqual([[0, 'Momsregistreringen']]);
  });

  it('the rest after a first part is tried as it is before a linking s is dropped (told|satsen)', () => {
    expect(only([['Told', 0]], ['satsen'], 'Toldsatsen steg')).toEqual([[0, 'Toldsatsen']]);
    expect(only([['Fusion', 0]], ['plan'], 'Fusionsplanen')).toEqual([[0, 'Fusionsplanen']]);
  });

  it('a term whose stem is short is no head (ledighed, stem led, is not in indledes)', () => {
    expect(stem('ledighed').length).toBeLessThan(4);
    expect(only([['Ledighed', 0]], ['ind'], 'Sagen indledes i dag')).toEqual([]);
  });
});

describe('what the mutation run of scan.ts found untested', () => {
  const only = (terms: Array<[string, number]>, vocabulary: string[], text: string) => {
    const s = new Scanner({ terms: terms.flatMap(([name, n]) => scanTermsOf(name, n)), vocabulary: vocabulary.map(stem) });
    return s.feed(text).map((o) => [o.n, o.text]);
  };

  it('takes the longest term at a word whichever was named first', () => {
    const text = 'En strategisk alliance, en strategisk plan og strategiske alliancer.';
    const want = [
      [1, 'strategisk alliance'],
      [0, 'strategisk'],
      [1, 'strategiske alliancer'],
    ];
    expect(only([['Strategisk', 0], ['Strategisk alliance', 1]], [], text)).toEqual(want);
    expect(only([['Strategisk alliance', 1], ['Strategisk', 0]], [], text)).toEqual(want);
    expect(
      only([['Strategisk', 0], ['Strategisk alliance', 1], ['Strategisk alliance mellem selskaber', 2]], [], 'En strategisk alliance mellem selskaber.'),
    ).toEqual([[2, 'strategisk alliance mellem selskaber']]);
  });

  it('does not take a verb form for a noun term (gælder, gælde, gældende are no forms of gæld)', () => {
    const terms: Array<[string, number]> = [['Gæld', 0], ['Lån', 1], ['Lånet', 1], ['Fradrag', 2]];
    // ende is a word of the corpus: gældende is still not gæld|ende.
    const vocabulary = ['ende', 'stat'];
    expect(only(terms, vocabulary, 'Reglen gælder, og den skal gælde; den gældende regel. Han låner, det lånes, det fradrages.')).toEqual([]);
    expect(only(terms, vocabulary, 'Gælden, gældens og statsgæld; lånet og lånene; fradraget.')).toEqual([
      [0, 'Gælden'],
      [0, 'gældens'],
      [0, 'statsgæld'],
      [1, 'lånet'],
      [1, 'lånene'],
      [2, 'fradraget'],
    ]);
    // A term that is such a word is found as written.
    expect(only([['Gældende ret', 3]], [], 'Efter gældende ret.')).toEqual([[3, 'gældende ret']]);
  });

  it('takes only a name of one word as a part of a compound', () => {
    expect(only([['Offentlig gæld', 0]], ['ret'], 'Offentligretlige regler om offentlig gæld.')).toEqual([[0, 'offentlig gæld']]);
  });

  it('takes no name of three letters and a dot as a first part (pct.)', () => {
    expect(only([['Pct.', 0]], ['satsen'], 'Pctsatsen er 3 pct.')).toEqual([[0, 'pct']]);
  });

  it('takes a term whose stem has four letters as a head (import|tolden)', () => {
    expect(only([['Told', 0]], ['import'], 'Importtolden steg.')).toEqual([[0, 'Importtolden']]);
  });

  it('takes a word of three letters that ends in s as the rest before a head (gas|afgiften)', () => {
    expect(only([['Afgift', 0]], ['gas'], 'Gasafgiften steg.')).toEqual([[0, 'Gasafgiften']]);
    expect(only([['Afgift', 0]], ['bas'], 'Gasafgiften steg.')).toEqual([]);
  });

  it('gives a compound to the first of two terms with the same word', () => {
    expect(only([['Fusion', 0], ['Fusion', 1]], ['bank'], 'En fusion, en bankfusion og fusionsbanken.')).toEqual([
      [0, 'fusion'],
      [0, 'bankfusion'],
      [0, 'fusionsbanken'],
    ]);
  });

  it('finds a first part when the end of the word is the start of a head but no head', () => {
    // fusion is a head; ...sion ends the word without being it.
    expect(only([['Fusion', 0], ['Told', 1]], ['kommission', 'told'], 'Toldkommissionen mødes.')).toEqual([[1, 'Toldkommissionen']]);
  });
});

describe('the longest head of a compound', () => {
  it('takes aktieselskab in børsaktieselskabet though børsaktie too is a word of the corpus', () => {
    const s = new Scanner({ terms: [...scanTermsOf('Selskab', 0), ...scanTermsOf('Aktieselskab', 1)], vocabulary: ['børsaktie', 'børs'].map(stem) });
    expect(s.feed('Børsaktieselskabet og handelsselskabet.').map((o) => [o.n, o.text])).toEqual([[1, 'Børsaktieselskabet']]);
    const t = new Scanner({ terms: [...scanTermsOf('Selskab', 0), ...scanTermsOf('Aktieselskab', 1)], vocabulary: ['børsaktie', 'handel'].map(stem) });
    expect(t.feed('Børsaktieselskabet og handelsselskabet.').map((o) => [o.n, o.text])).toEqual([
      [0, 'Børsaktieselskabet'],
      [0, 'handelsselskabet'],
    ]);
  });
});

describe('the parts around a compound\'s term', () => {
  const only = (terms: Array<[string, number]>, vocabulary: string[], text: string) => {
    const s = new Scanner({ terms: terms.flatMap(([name, n]) => scanTermsOf(name, n)), vocabulary: vocabulary.map(stem) });
    return s.feed(text).map((o) => [o.n, o.text]);
  };

  it('takes no word of two letters as the rest of a compound, before a head or after a first part', () => {
    expect(only([['Fusion', 0]], ['ab'], 'Abfusion')).toEqual([]);
    expect(only([['Fusion', 0]], ['ab', 'abc'], 'Abcfusion')).toEqual([[0, 'Abcfusion']]);
    expect(only([['Fusion', 0]], ['is'], 'Fusionis')).toEqual([]);
    expect(only([['Fusion', 0]], ['ist'], 'Fusionist')).toEqual([[0, 'Fusionist']]);
  });

  it('drops only s or e as a linking letter after a first part', () => {
    expect(only([['Told', 0]], ['ret'], 'Toldkret og toldsret og toldeplan')).toEqual([[0, 'toldsret']]);
    expect(only([['Told', 0]], ['ret', 'plan'], 'Toldkret og toldsret og toldeplan')).toEqual([
      [0, 'toldsret'],
      [0, 'toldeplan'],
    ]);
    expect(only([['Told', 0]], ['rente'], 'Toldxrente')).toEqual([]);
  });

  it('keeps the first part found when the word goes on along a longer term that it is not (told, not toldsats, in toldsagerne)', () => {
    expect(only([['Told', 0], ['Toldsats', 1]], ['sager', 'agerne'], 'Toldsagerne er mange.')).toEqual([[0, 'Toldsagerne']]);
  });
});
