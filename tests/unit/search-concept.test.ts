// A concept described in other words (issue 20's weakest categories): the article whose
// definition the query paraphrases comes before the one that merely has one of its words in
// its name, and --explain says why.
import { describe, expect, it } from 'vitest';
import { related, search, type Hit } from '../../src/search.js';
import { lazyFixture } from '../helpers.js';

const corpus = lazyFixture('search-concept');
const hits = (query: string) => search(corpus().searchSource('da'), query);
const ids = (query: string) => hits(query).map((h) => h.doc.id);
const whys = (h: Hit | undefined) => (h?.why ?? []).map((w) => w.what);

describe('search: a concept in other words', () => {
  it('puts the article whose definition the query paraphrases before one named by a single word of it', () => {
    // `kunden` is Kunde's title; Tilgodehavender fra salg's description says the rest.
    const found = hits('beløb kunden mangler at betale for leverede varer');
    expect(found[0]?.doc.id).toBe('tilgodehavender');
    expect(found.map((h) => h.doc.id)).toContain('kunde');
    // --explain shows both routes: Kunde's name match weighed as one word of a description, the paraphrase as a factor.
    const kunde = found.find((h) => h.doc.id === 'kunde');
    expect(whys(kunde).some((w) => w.includes('title word "kunde"') && w.includes('a descriptive query: at 0.5 of a name match'))).toBe(true);
    expect(whys(found[0]).some((w) => /^the description paraphrased: the other parts times \d/.test(w))).toBe(true);
    // A name typed as such is still a name: no descriptive weighing for a one-word query.
    expect(ids('kunde')[0]).toBe('kunde');
    expect(whys(hits('kunde')[0]).some((w) => w.includes('descriptive'))).toBe(false);
  });

  it('matches a query word to a compound head or a derived form of the definition', () => {
    // `kursen` is the head of `aktiekurs` in Børsværdi's description; Aktie's body has `kursen` as written.
    expect(ids('antallet af aktier ganget med kursen')[0]).toBe('boersvaerdi');
    // `forsikret` and `forsikring` are one root; Gebyr's description has every other word.
    const insured = hits('beløbet man betaler for at være forsikret');
    expect(insured[0]?.doc.id).toBe('forsikringspraemie');
    // Three of its four telling words (`være` is not there); Gebyr's description has two.
    expect(whys(insured[0])).toContain("the description shares 75% of the query's words");
    expect(whys(insured.find((h) => h.doc.id === 'gebyr'))).toContain("the description shares 50% of the query's words");
  });

  it('weighs name matches as one clue among several only in a query of four words or more that is not a name', () => {
    const descriptive = (query: string, id: string) => whys(hits(query).find((h) => h.doc.id === id)).some((w) => w.includes('a descriptive query'));
    expect(descriptive('kunden betaler leverede varer', 'kunde')).toBe(true);
    expect(descriptive('kunden betaler varer', 'kunde')).toBe(false);
    // Every word in the title, in another order: a name, not a description.
    expect(ids('bolig lån renter fradrag køb')[0]).toBe('rentefradrag');
    expect(descriptive('bolig lån renter fradrag køb', 'rentefradrag')).toBe(false);
    expect(descriptive('fradrag for renter af lån til køb af bolig', 'rentefradrag')).toBe(false);
  });

  it('relates compounds and derived forms, not words that merely begin alike', () => {
    expect(related('forsikring', 'forsikring')).toBe(true);
    expect(related('handler', 'handlede')).toBe(true);
    expect(related('forsikrede', 'forsikring')).toBe(true);
    // A compound's first part, or two compounds of one first part, are other words.
    expect(related('kapital', 'kapitalforhoejelse')).toBe(false);
    expect(related('kapitalfond', 'kapitalisme')).toBe(false);
    expect(related('kursen', 'aktiekurs')).toBe(true);
    expect(related('afgift', 'lønsumsafgifter')).toBe(true);
    expect(related('forsikret', 'forsikring')).toBe(true);
    expect(related('udbetales', 'udbetaling')).toBe(true);
    expect(related('kapital', 'kapitel')).toBe(false);
    expect(related('rente', 'rentabilitet')).toBe(false);
    expect(related('kurs', 'konkurs')).toBe(false);
  });
});
