// What a compile makes of a few articles, read directly: the body's counted stems (what the
// full-text index and every patch count from), and each record's links, backlinks, other
// languages and search document. The end-to-end tests see these through answers; these see them
// where they are made, so that a mutation of either is noticed by the unit tests too.
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.js';
import { compileLanguage, stamped, withRecords } from '../../src/corpus/compile.js';
import { parseArticle } from '../../src/corpus/parse.js';
import { bodyTerms, countsOf, stem } from '../../src/corpus/terms.js';

function article(id: string, text: string): Article {
  const result = parseArticle({ id, lang: 'da', file: `${id}.md`, bytes: new TextEncoder().encode(text) });
  if (result.kind !== 'article') throw new Error(`expected an article, got ${result.kind}`);
  return result.article;
}

describe('bodyTerms', () => {
  it('counts each stem over the tokens that share it, leaves out stopwords and one-letter words, and counts every word', () => {
    const { terms, length, counts } = bodyTerms('Renten stiger. Renter og rente: i dag er renten høj, og renten falder x.');
    const rente = stem('renten');
    expect(rente).toBe(stem('rente'));
    expect(counts.get(rente)).toBe(5);
    expect(counts.has('og')).toBe(false);
    expect(counts.has('er')).toBe(false);
    expect(counts.has('i')).toBe(false);
    expect(counts.has('x')).toBe(false);
    // Two letters are a word (EU, IT), one is not.
    expect(bodyTerms('EU og IT').counts.get('eu')).toBe(1);
    expect(counts.get(stem('stiger'))).toBe(1);
    expect(length).toBe(14);
    // The string form is the same counts, in the same order.
    expect([...countsOf(terms)]).toEqual([...counts]);
    expect(terms.split(' ').length).toBe(2 * counts.size);
  });

  it('gives the same counts for a body whose words an earlier body had (remembered stems), folded letters included', () => {
    const first = bodyTerms('Aktieselskabets aktionærer ejer aktier; aktionærer stemmer.');
    const again = bodyTerms('Aktionærer ejer aktier. Aktieselskabets aktionærer stemmer.');
    expect([...again.counts].sort()).toEqual([...first.counts].sort());
    expect(first.counts.get(stem('aktionaerer'))).toBe(2);
    // A token folds to its words: `e-handel` is two words, `handel` counted with the other.
    const split = bodyTerms('e-handel og handel');
    expect(split.counts.get(stem('handel'))).toBe(2);
  });

  it('leaves out code blocks, link addresses, tags and URLs', () => {
    const { counts } = bodyTerms('Se [budget](/budgetsporing) og <span class="skjult">tekst</span> https://eksempel.dk/sti\n\n```\nkodeord\n```\n');
    expect(counts.has(stem('budgetsporing'))).toBe(false);
    expect(counts.has(stem('eksempel'))).toBe(false);
    expect(counts.has(stem('kodeord'))).toBe(false);
    expect(counts.has(stem('skjult'))).toBe(false);
    expect(counts.get(stem('budget'))).toBe(1);
    expect(counts.get(stem('tekst'))).toBe(1);
  });
});

describe('compileLanguage records', () => {
  const articles = [
    article('c', '---\ntitle: Cirkel\ndescription: C.\n---\n\nSe [a](/a).\n'),
    article('a', '---\ntitle: Alfa\ndescription: A.\naliases: [første]\n---\n\nSe [b](/b) og [c](/c) og [ingen](/findes-ikke).\n'),
    article('b', '---\ntitle: Beta\ndescription: B.\n---\n\nSe [a](/a).\n'),
  ];
  // Compiled in each test (not once for the block), so that a mutation tool sees which tests run it.
  // `d` is linked to by none and is missing from the languages map.
  const compile = () =>
    withRecords(compileLanguage('da', [...articles, article('d', '---\ntitle: Delta\ndescription: D.\n---\n\nIngen links.\n')], new Map([['a', ['da', 'en']], ['b', ['da']], ['c', ['de', 'da', 'en']]])));

  it('numbers the articles by id and resolves each link to its target, a broken one to none', () => {
    const compiled = compile();
    expect(compiled.records.map((r) => [r.id, r.n])).toEqual([['a', 0], ['b', 1], ['c', 2], ['d', 3]]);
    const a = compiled.records[0];
    expect(compiled.records[3]?.links).toEqual([]);
    expect(a?.links.map((l) => l.to && [l.to.id, l.to.title, l.to.n])).toEqual([['b', 'Beta', 1], ['c', 'Cirkel', 2], undefined]);
  });

  it("lists each article's backlinks in title order, and its other languages", () => {
    const compiled = compile();
    expect(compiled.records.map((r) => r.backlinks.map((b) => b.id))).toEqual([['b', 'c'], ['a'], ['a'], []]);
    expect(compiled.records.map((r) => r.langs)).toEqual([['en'], [], ['de', 'en'], []]);
  });

  it("makes each article's search document with its id, title, name and number", () => {
    const compiled = compile();
    expect(compiled.docs.map((d) => [d.id, d.title, d.name, d.n, d.aliases])).toEqual([
      ['a', 'Alfa', 'alfa', 0, ['første']],
      ['b', 'Beta', 'beta', 1, []],
      ['c', 'Cirkel', 'cirkel', 2, []],
      ['d', 'Delta', 'delta', 3, []],
    ]);
  });

  it('makes a record and a document when asked; held, the same ones each time; stamped, each with its file\'s stamp', () => {
    const made = compileLanguage('da', articles, new Map());
    // Made anew on each call (a large compile holds none), alike each time.
    expect(made.count).toBe(3);
    expect(made.record(1)).not.toBe(made.record(1));
    expect(made.record(1)).toEqual(made.record(1));
    expect(made.doc(2).id).toBe('c');
    // Held: every record and document made once, and record(n), doc(n) are those.
    const held = withRecords(made);
    expect(held.records.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(held.record(1)).toBe(held.records[1]);
    expect(held.doc(2)).toBe(held.docs[2]);
    expect(held.record(1)).toEqual(made.record(1));
    // Stamped by file: a file the map has none for gets none.
    const withStamps = stamped(made, new Map([['a.md', [10, 20, 30]]]));
    expect(withStamps.record(0).stamp).toEqual([10, 20, 30]);
    expect(withStamps.record(1).stamp).toBeUndefined();
    expect(made.record(0).stamp).toBeUndefined();
  });
});
