import { describe, expect, it } from 'vitest';
import { AmbiguousError, ExitCode, NotFoundError, UsageError } from '../../src/errors.js';
import { checkQuery, fuzzyNote, hasWholeCompounds, MAX_QUERY, resolveArticle, resolveTerm } from '../../src/resolve.js';
import { wordListOf } from '../../src/corpus/lexicon.js';
import { lazyFixture } from '../helpers.js';

const basic = lazyFixture('basic');
const dupes = lazyFixture('dupes');
const title = async (term: string) => (await resolveTerm(basic(), 'da', term)).record.title;

describe('checkQuery', () => {
  it('trims, and composes decomposed letters (NFC)', () => {
    expect(checkQuery('  alliance ')).toBe('alliance');
    expect(checkQuery('A\u030adalen')).toBe('Ådalen');
  });
  it.each([[''], ['   ']])('refuses an empty query %j with a usage error that shows an example', (q) => {
    expect(() => checkQuery(q)).toThrow(new UsageError('empty query: give a term, e.g. glossary lookup strategisk-alliance'));
  });
  it('refuses a query over the limit, and takes one at it', () => {
    expect(() => checkQuery('a'.repeat(MAX_QUERY + 1))).toThrow(new UsageError(`query is ${MAX_QUERY + 1} characters long; the limit is ${MAX_QUERY}`));
    expect(checkQuery('a'.repeat(MAX_QUERY))).toHaveLength(MAX_QUERY);
  });
});

describe('resolveTerm', () => {
  it.each([
    ['strategicalliance', 'Strategisk alliance'], // id
    ['strategisk-alliance', 'Strategisk alliance'], // slug
    ['Strategisk Alliance', 'Strategisk alliance'], // title, case folded
    ['JV', 'Joint venture'], // alias
    ['jv', 'Joint venture'], // alias, folded
    ['organisk-vaekst', 'Organisk vækst'], // æ typed as ae
    ['-nonregistered-account', 'Ikke-registreret konto'], // an id that starts with a dash
  ])('%j names %j exactly', async (term, expected) => {
    const r = await resolveTerm(basic(), 'da', term);
    expect(r.record.title).toBe(expected);
    expect(r.fuzzy).toBe(false);
  });

  it('finds a clear winner for a typo, and says it was not an exact name', async () => {
    const r = await resolveTerm(basic(), 'da', 'strategisk aliance');
    expect(r).toMatchObject({ fuzzy: true, record: { id: 'strategicalliance' } });
  });

  it('is ambiguous when two articles share a title, with both as candidates and a hint naming them', async () => {
    const error = await resolveTerm(dupes(), 'da', 'Afskrivninger').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmbiguousError);
    const a = error as AmbiguousError;
    expect(a.exitCode).toBe(ExitCode.ambiguous);
    expect(a.message).toBe('"Afskrivninger" names 2 articles');
    expect(a.candidates.map((d) => d.id).sort()).toEqual(['amortization', 'depreciation']);
    expect(a.details).toEqual(['did you mean: amortization (Afskrivninger), depreciation (Afskrivninger)?']);
  });

  it('is not found, with a search to try, when nothing comes close', async () => {
    const error = await resolveTerm(basic(), 'da', 'qqqqzzzz xxxx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toBe('no article "qqqqzzzz xxxx"');
    expect((error as NotFoundError).details).toEqual(['try: glossary search qqqqzzzz']);
  });

  it('prefers an id to an alias or title of another article', async () => {
    expect(await title('mergers')).toBe('Fusioner og opkøb');
  });
});

describe('resolveArticle', () => {
  it('gives the fuzzy note, in the one wording, only for a fuzzy match', async () => {
    const exact = await resolveArticle(basic(), 'da', ['strategisk', 'alliance']);
    expect(exact.notes).toEqual([]);
    const fuzzy = await resolveArticle(basic(), 'da', ['strategisk', 'aliance']);
    expect(fuzzy.notes).toEqual(['no article is named "strategisk aliance"; showing strategisk-alliance (Strategisk alliance)']);
    expect(fuzzyNote('x', fuzzy.record)).toBe('no article is named "x"; showing strategisk-alliance (Strategisk alliance)');
  });
});

describe('hasWholeCompounds', () => {
  const words = wordListOf('\nafter tax\tefter skat\nco operation\tsamarbejde\npre tax\tfør skat\nwrite off\tafskrivning\n');
  const lexicon = () => ({ version: 1 as const, phrases: {}, words });
  it.each([
    [['tax write off'], 'write-off', false], // a longer name it is part of
    [['write off'], 'write-off', true],
    [['writeoff'], 'write-off', true], // joined
    [['profit after tax', 'after tax'], 'after-tax', true], // one name has it whole
    [['preliminarytax', 'tax'], 'pre-tax', false], // its parts' beginnings
    [['co operative'], 'co-operation', false], // a typing error in a part
    [['tax write off'], 'tax write-off', true], // with the query's other word
    [['big tax write off'], 'tax write-off', true], // one other word, fewer than the query's two
    [['big bad tax write off'], 'tax write-off', false],
    [['anything'], 'no-such-word', true], // not in the word list: not an English compound
    [['anything'], 'plain words', true],
  ])('%j for %s: %s', (names, term, expected) => {
    expect(hasWholeCompounds(names, term, lexicon)).toBe(expected);
  });
  it('without a word list, any name', () => {
    expect(hasWholeCompounds(['tax write off'], 'write-off')).toBe(true);
  });
});
