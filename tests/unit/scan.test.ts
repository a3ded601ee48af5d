import { describe, expect, it } from 'vitest';
import { scanTermsOfArticle } from '../../src/corpus/compile.js';
import { byTerm, Scanner, scanTermsOf, type ScanIndex } from '../../src/scan.js';
import { findSnippet, markSnippet } from '../../src/snippet.js';
import { stem } from '../../src/corpus/terms.js';
import { manPage } from '../../src/man.js';
import { COMMANDS, GLOBAL_OPTIONS } from '../../src/commands/table.js';

const names: Array<[string, number]> = [
  ['Fusion', 0],
  ['Moderselskab', 1],
  ['Strategisk alliance', 2],
  ['Alliance', 3],
  ['ÅOP', 4],
  ['SKAT', 5],
  ['Moms', 6],
  ['Lån', 7],
  ['God selskabsledelse', 8],
];
const index = (vocabulary: string[] = ['plan', 'virksomhed', 'medlem', 'giver', 'program']): ScanIndex => ({
  terms: names.flatMap(([name, n]) => scanTermsOf(name, n)),
  vocabulary: vocabulary.map(stem),
});
const scan = (text: string, vocabulary?: string[]) => {
  const s = new Scanner(index(vocabulary));
  return text.split('\n').flatMap((line) => s.feed(line));
};

describe('scanTermsOf', () => {
  it('folds and stems the words of a name, and keeps the capitals of abbreviations and short names', () => {
    expect(scanTermsOf('Strategisk alliance', 2)).toEqual([{ stems: ['strategisk', stem('alliance')], words: ['strategisk', 'alliance'], n: 2 }]);
    expect(scanTermsOf('ÅOP', 4)[0]?.exact).toEqual(['ÅOP']);
    expect(scanTermsOf('Lån', 7)[0]?.exact).toEqual(['Lån']);
    expect(scanTermsOf('Moms', 6)[0]?.exact).toBeUndefined();
    expect(scanTermsOf('---', 9)).toEqual([]);
  });
});

describe('Scanner', () => {
  it('finds a term through its inflections and endings, with line and column', () => {
    expect(scan('Vi betaler moms.\nMomsen stiger.')).toEqual([
      { n: 6, line: 1, column: 12, text: 'moms' },
      { n: 6, line: 2, column: 1, text: 'Momsen' },
    ]);
  });

  it('prefers the longest term at a position', () => {
    expect(scan('En strategisk alliance og en alliance.').map((o) => [o.n, o.text])).toEqual([
      [2, 'strategisk alliance'],
      [3, 'alliance'],
    ]);
    expect(scan('God selskabsledelse er vigtig.').map((o) => o.n)).toEqual([8]);
  });

  it('finds a term as the first part or the head of a compound whose other part is a word of the corpus', () => {
    expect(scan('Fusionsplanen er klar.').map((o) => [o.n, o.text])).toEqual([[0, 'Fusionsplanen']]);
    expect(scan('En virksomhedsfusion.').map((o) => o.n)).toEqual([0]);
    expect(scan('Moderselskabets bestyrelse.').map((o) => o.n)).toEqual([1]);
    // The other part must be a word the corpus knows.
    expect(scan('Fusionsqwerty.')).toEqual([]);
    expect(scan('Fusionsplanen.', [])).toEqual([]);
  });

  it('matches abbreviations and very short names only as written', () => {
    expect(scan('ÅOP er 7 procent.').map((o) => o.n)).toEqual([4]);
    expect(scan('Betales 1. apr. eller aop.')).toEqual([]);
    expect(scan('Skat af årets resultat.')).toEqual([]);
    expect(scan('SKAT har skrevet.').map((o) => o.n)).toEqual([5]);
    expect(scan('Et lån i banken.')).toEqual([]); // "lån" in lower case is the ordinary word
    expect(scan('Lån kan være dyre.').map((o) => o.n)).toEqual([7]);
  });

  it('counts columns in characters, not bytes or code units', () => {
    expect(scan('æøå moms')[0]?.column).toBe(5);
  });

  it('groups occurrences by term in order of first occurrence', () => {
    const groups = byTerm(scan('moms og fusion og moms'));
    expect(groups.map((g) => [g.n, g.occurrences.length])).toEqual([
      [6, 2],
      [0, 1],
    ]);
  });
});

describe('findSnippet', () => {
  const body = '# Konkurs\n\nKonkurs er en retslig behandling.\n\nRetten kan give ledelsesmedlemmerne [konkurskarantæne](/x), hvis de har handlet groft uforsvarligt. Det er sjældent.';
  it('gives the sentence with the most matched stems, links as their text, the words marked', () => {
    const s = findSnippet(body, [stem('konkurskarantaene')], 80);
    expect(s?.text).toBe('…ledelsesmedlemmerne konkurskarantæne, hvis de har handlet groft uforsvarligt.');
    expect(markSnippet(s as NonNullable<typeof s>, (w) => `*${w}*`)).toContain('*konkurskarantæne*');
  });

  it('starts a long sentence near the match, and cuts to the width', () => {
    const s = findSnippet(body, [stem('uforsvarligt')], 40);
    expect(s?.text.startsWith('…')).toBe(true);
    expect([...(s?.text ?? '')].length).toBeLessThanOrEqual(40);
    expect(s?.text).toContain('uforsvarligt');
  });

  it('gives nothing without stems, or when no sentence has one', () => {
    expect(findSnippet(body, [], 80)).toBeUndefined();
    expect(findSnippet(body, [stem('obligation')], 80)).toBeUndefined();
  });
});

describe('manPage', () => {
  const page = manPage();
  it('has every command with its arguments, options and examples, and every global option', () => {
    for (const c of COMMANDS) {
      expect(page).toContain(`.B ${c.name}`);
      for (const o of c.options) expect(page).toContain(`.B ${o.flags.replace(/-/g, '\\-')}`);
      for (const e of c.examples) expect(page).toContain(e.replace(/\\/g, '\\e').replace(/-/g, '\\-'));
    }
    for (const o of GLOBAL_OPTIONS) expect(page).toContain(`.B ${o.flags.replace(/-/g, '\\-')}`);
    expect(page).toContain('.B lookup <term...>');
    expect(page).toContain('.B check [dir...]');
  });

  it('documents every exit code, scan\'s 7 among them', () => {
    for (const code of [0, 1, 2, 3, 4, 5, 6, 7, 130]) expect(page).toMatch(new RegExp(`^\\.B ${code}$`, 'm'));
    expect(page).toMatch(/\.B 7\nscan: a text that cannot be read/);
  });

  it('escapes what roff would read as a request', () => {
    expect(page.split('\n').filter((l) => /^[.']/.test(l) && !/^\.(TH|SH|TP|B|RS|RE|PP)\b/.test(l))).toEqual([]);
  });
});

describe('scan terms of an article', () => {
  const article = (title: string, aliases: string[] = []) => ({ title, aliases }) as unknown as Parameters<typeof scanTermsOfArticle>[0];
  const names = (title: string, aliases: string[] = []) => scanTermsOfArticle(article(title, aliases), 0).map((t) => `${t.words.join(' ')}${t.derived ? ' (derived)' : ''}`);

  it('adds the name before a parenthesis or a dash, and an abbreviation of three letters or more in it', () => {
    expect(names('Indtjening pr. aktie (EPS)')).toEqual(['indtjening pr aktie eps', 'indtjening pr aktie (derived)', 'eps (derived)']);
    expect(names('Påkrævet forrentning – RRR')).toEqual(['paakraevet forrentning rrr', 'paakraevet forrentning (derived)', 'rrr (derived)']);
    // Two letters (`OL`, the Olympics in Danish text) are no abbreviation of their own; a gloss in small letters neither.
    expect(names('Driftstab (OL)')).toEqual(['driftstab ol', 'driftstab (derived)']);
    expect(names('Aktier (danske)')).toEqual(['aktier danske', 'aktier (derived)']);
    expect(names('Aktieselskab')).toEqual(['aktieselskab']);
  });
});
