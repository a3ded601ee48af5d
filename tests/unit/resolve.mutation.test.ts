// How a term names its article, and what lookup says when it did not (src/resolve.ts): the kind of
// match decides the note a user reads ("no article is named ...; showing ..., which defines it"),
// so each kind is pinned here, with the errors for a term that names none or several.
import { describe, expect, it } from 'vitest';
import { wordListOf } from '../../src/corpus/lexicon.js';
import { AmbiguousError, NotFoundError } from '../../src/errors.js';
import { resolveArticle, resolveTerm } from '../../src/resolve.js';
import { lazyFixture } from '../helpers.js';

const round3 = lazyFixture('search-round3/da');
const basic = lazyFixture('basic');
const dupes = lazyFixture('dupes');

const resolved = async (term: string, corpus = round3) => {
  const r = await resolveTerm(corpus(), 'da', term);
  return { id: r.record.id, matched: r.matched, fuzzy: r.fuzzy };
};
const failure = async (term: string, corpus = round3) => (await resolveTerm(corpus(), 'da', term).then(() => undefined, (e: unknown) => e)) as Error & { details: string[]; candidates?: Array<{ id: string }> };

describe('a term that names an article', () => {
  it.each([
    ['Lån', 'laan'], // the title as written
    ['LAAN', 'laan'], // the id, in other capitals
    ['laan', 'laan'],
  ])('%j is the exact name of %s, and no note is due', async (term, id) => {
    expect(await resolved(term)).toEqual({ id, matched: 'exact', fuzzy: false });
  });

  it('takes a title in other capitals as exact, and one typed with other letters as folded', async () => {
    expect(await resolved('Strategisk Alliance', basic)).toEqual({ id: 'strategicalliance', matched: 'exact', fuzzy: false });
    expect(await resolved('STRATEGISK ALLIANCE', basic)).toEqual({ id: 'strategicalliance', matched: 'exact', fuzzy: false });
    expect(await resolved('organisk vaekst', basic)).toEqual({ id: 'organicgrowth', matched: 'folded', fuzzy: false });
  });

  it('takes Danish letters typed plainly as a folded name, not an exact one', async () => {
    expect(await resolved('lan')).toEqual({ id: 'laan', matched: 'folded', fuzzy: false });
    expect(await resolved('aop')).toEqual({ id: 'aaop', matched: 'folded', fuzzy: false });
  });

  it('names an article by an alias, in any capitals or letters, as an alias', async () => {
    expect(await resolved('ROE')).toEqual({ id: 'egenkapitalens-forrentning', matched: 'alias', fuzzy: false });
    expect(await resolved('roe')).toEqual({ id: 'egenkapitalens-forrentning', matched: 'alias', fuzzy: false });
    expect(await resolved('A/S')).toEqual({ id: 'aktieselskab', matched: 'alias', fuzzy: false });
    expect(await resolved('ga konkurs')).toEqual({ id: 'konkurs', matched: 'alias', fuzzy: false });
  });

  it('shows the article that defines a term, and says so in the note', async () => {
    expect(await resolved('bundlinjen')).toEqual({ id: 'bundlinie', matched: 'defined', fuzzy: true });
    const { record, notes } = await resolveArticle(round3(), 'da', ['bundlinjen']);
    expect(record.id).toBe('bundlinie');
    expect(notes).toEqual(['no article is named "bundlinjen"; showing bundlinie (bundlinie), which defines it']);
  });

  it('reads a site path to a term by its last parts', async () => {
    expect(await resolved('Glossary/Lån')).toEqual({ id: 'laan', matched: 'path', fuzzy: true });
    expect(await resolved('docs/Glossary/Lån')).toEqual({ id: 'laan', matched: 'path', fuzzy: true });
    const { notes } = await resolveArticle(round3(), 'da', ['docs/Glossary/Lån']);
    expect(notes).toEqual(['no article is named "docs/Glossary/Lån"; showing laan (Lån)']);
  });

  it('does not choose between two articles that a path\'s last part names', async () => {
    const error = await failure('x/Afskrivninger', dupes);
    expect(error).toBeInstanceOf(AmbiguousError);
    expect(error.candidates?.map((d) => d.id).sort()).toEqual(['amortization', 'depreciation']);
  });
});

describe('a term that names no article: the clear winner of a search, and how it was found', () => {
  it.each([
    ['hvad er bundlinjen', 'bundlinie', 'defined'], // the question around a defined name
    ['hvad er konkurs', 'konkurs', 'folded'], // the question around a title
    ['markedsvær', 'markedsvaerdi', 'prefix'],
    ['merafkats', 'merafkast', 'typo'],
    ['anpartselskab', 'anpartsselskab', 'typo'],
    ['bundlinje tredobbelt', 'tredobbelt-bundlinje', 'words'],
    ['årlig gennemsnitlig vækstrate', 'aagr', 'words'], // the title but its abbreviation in brackets
  ])('%j shows %s, found as %s, with a note', async (term, id, matched) => {
    expect(await resolved(term)).toEqual({ id, matched, fuzzy: true });
    const { record, notes } = await resolveArticle(round3(), 'da', term.split(' '));
    expect(record.id).toBe(id);
    expect(notes).toEqual([`no article is named "${term}"; showing ${record.name} (${record.title})${matched === 'defined' ? ', which defines it' : ''}`]);
  });

  it('a phrase whose initials are an abbreviation opens it only where its words say what the article says', async () => {
    // Spelt out through a word list (the bundled one in use): shown, found as initials.
    const words = wordListOf('\naverage\tgennemsnitlig\nannual\tårlig\ngrowth\tvækst\nrate\tsats; rate\n');
    const lexicon = () => ({ version: 1 as const, phrases: {}, words });
    const r = await resolveTerm(round3(), 'da', 'average annual growth rate', lexicon);
    expect({ id: r.record.id, matched: r.matched }).toEqual({ id: 'aagr', matched: 'initials' });
    // Initials alone, their words nowhere in the article: offered, not opened.
    for (const term of ['average annual growth rate', 'all angry green robots']) {
      const error = await failure(term);
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error.details).toEqual(['did you mean: gennemsnitlig-aarlig-vaekstrate-aagr?']);
    }
  });

  it('suggests the one article a search found without choosing it', async () => {
    const error = await failure('konkurs kurator');
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe('no article "konkurs kurator"');
    expect(error.details).toEqual(['did you mean: konkurs?']);
  });

  it('lists the articles a search found when none is clearly meant, as candidates to choose from', async () => {
    const error = await failure('aktiver lån');
    expect(error).toBeInstanceOf(AmbiguousError);
    expect(error.message).toBe('no article "aktiver lån"');
    // Lån too: `lån` names it whole (search keeps an article one query word names, below those with more).
    expect(error.details).toEqual(['did you mean: anlaegsaktiver, laan, prisfastsaettelse-af-kapitalaktiver?']);
    expect(error.candidates?.map((d) => d.id)).toEqual(['anlaegsaktiver', 'laan', 'kapitalverdiansaettelse']);
  });

  it('suggests a search by the first word when nothing comes close', async () => {
    const error = await failure('qqqq  zzzz');
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.details).toEqual(['try: glossary search qqqq']);
  });
});
