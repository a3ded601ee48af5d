// Search word by word (issue 20, "English without English aliases"): an English query rendered in
// Danish with a word list, over a Danish corpus with no English names. The list here is the test's
// own, not the bundled one: what is checked is the route, not its data.
import { describe, expect, it } from 'vitest';
import { clearWinner, search, Tier, type Hit } from '../../src/search.js';
import { wordListOf, wordListText, type Lexicon } from '../../src/corpus/lexicon.js';
import { lazyFixture } from '../helpers.js';

const corpus = lazyFixture('search-word-list');
const words = wordListOf(wordListText({
  payroll: ['løn', 'løn-'], costs: ['omkostninger', 'udgifter'], 'head office': ['hovedkontor'], head: ['hoved', 'leder', 'hoved-'], office: ['kontor'],
  supplier: ['leverandør', 'leverandør-'], personnel: ['personale', 'personale-'], department: ['afdeling'], quarterly: ['kvartalsvis', 'kvartals-'],
  profit: ['overskud'], wages: ['løn'], month: ['måned'], headcount: ['antal ansatte'], delivery: ['leverance'], capital: ['kapital'],
}));
const lexicon: Lexicon = { version: 1, phrases: {}, words };
const find = (query: string, withLexicon = true) => search(corpus().searchSource('da'), query, 10, withLexicon ? { lexicon: () => lexicon } : {});
const route = (h: Hit | undefined) => h && [h.doc.id, h.via, h.lexicon?.kind, h.lexicon?.name, h.field];

describe('search word by word', () => {
  it('a rendering a name has: that article, through the lexicon, at 0.7 of its score', () => {
    const [first] = find('payroll costs');
    expect(route(first)).toEqual(['loenomkostninger', 'lexicon', 'words', 'lønomkostninger', 'name']);
    const own = find('lønomkostninger', false)[0] as Hit;
    expect(first?.score).toBeCloseTo(own.score * 0.7, 5);
    expect(first?.why[0]?.what).toBe('"payroll costs" is "lønomkostninger" word by word (payroll: løn, løn-; costs: omkostninger, udgifter; the bundled English-Danish word list): searched as "lønomkostninger"');
    expect(first?.why.slice(1).map((w) => w.add)).toEqual(own.why.map((w) => Math.round(w.add * 0.7 * 1000) / 1000));
    expect(route(find('the head office')[0])).toEqual(['hovedkontor', 'lexicon', 'words', 'hovedkontor', 'name']);
  });

  it('a rendering only a text has: that article at half its score, after what a rendering names', () => {
    const found = find('personnel department');
    // The text has it as one compound: `personale afdeling` (each word by its own stem) is not in it.
    expect(found.map(route)).toEqual([['rekruttering', 'lexicon', 'words', 'personaleafdeling', 'body']]);
    const own = find('personaleafdeling', false)[0] as Hit;
    expect(found[0]?.score).toBeCloseTo(own.score * 0.5, 5);
    // Løn is named by `løn`; Lønomkostninger names it as a part, and its text has it.
    const wages = find('wages');
    expect(wages[0] && route(wages[0])).toEqual(['loen', 'lexicon', 'words', 'løn', 'name']);
    expect(wages.map((h) => h.doc.id)).toContain('loenomkostninger');
  });

  it('a rendering that has only part of a name, or a name only by a typing error, is a text hit: never the clear winner lookup opens', () => {
    // `antal ansatte`: Ansatte has `ansatte` in its title and `antal` only in its text.
    const headcount = find('headcount');
    expect(headcount.map(route)).toEqual([['ansatte', 'lexicon', 'words', 'antal ansatte', 'description']]);
    expect(clearWinner(headcount, 1)).toBeUndefined();
    // `leverance` is one letter from no title here; nothing at all.
    expect(find('delivery')).toEqual([]);
    // `kapital` begins the title Kapitalisme, and its text has it: a text hit, below the names, not opened.
    const capital = find('capital');
    expect(capital.map(route)).toEqual([['kapitalisme', 'lexicon', 'words', 'kapital', 'body']]);
    expect(capital[0]?.tier).toBe(Tier.words);
    expect(clearWinner(capital, 1)).toBeUndefined();
    expect(capital[0]?.why.map((w) => w.what).join('\n')).not.toMatch(/begins a name/);
    // A rendering a title has wholly is.
    expect(clearWinner(find('payroll costs'), 2)?.doc.id).toBe('loenomkostninger');
  });

  it('a query the corpus names itself is not rendered', () => {
    const [first] = find('leverandør');
    expect(first?.doc.id).toBe('leverandoer');
    expect(first?.via).not.toBe('lexicon');
  });

  it('nothing for a word the list lacks, an abbreviation, or renderings no article has', () => {
    expect(find('dog food')).toEqual([]);
    expect(find('SUPPLIER')).toEqual([]);
    expect(find('SUPPLIER'.toLowerCase())[0]?.doc.id).toBe('leverandoer');
    expect(find('quarterly profit')).toEqual([]);
    // Without the list: an English query over a Danish corpus finds nothing.
    expect(find('payroll costs', false)).toEqual([]);
  });

  it('an article named in translation is listed once, first; text hits in translation and the query\'s own meet by score', () => {
    // Løn's body quotes `wages`: its own text hit gives way to the name `løn` the rendering has.
    const wages = find('wages');
    expect(wages.map((h) => h.doc.id)).toEqual([...new Set(wages.map((h) => h.doc.id))]);
    expect(wages.map(route)[0]).toEqual(['loen', 'lexicon', 'words', 'løn', 'name']);
    // `month`: Kvartalsrapport's body quotes `months` (its own hit, the better) and its description
    // has `måneder`; Løn's body has `måned` only (in translation, at half).
    expect(find('month').map(route)).toEqual([
      ['kvartalsrapport', undefined, undefined, undefined, 'body'],
      ['loen', 'lexicon', 'words', 'måned', 'body'],
    ]);
  });
});
