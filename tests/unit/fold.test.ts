import { describe, expect, it } from 'vitest';
import { compareDanish, fold, slugify } from '../../src/fold.js';
import { stem } from '../../src/corpus/terms.js';

describe('fold', () => {
  it.each([
    ['Strategisk Alliance', 'strategisk alliance'],
    ['strategisk-alliance', 'strategisk alliance'],
    ['Organisk vækst', 'organisk vaekst'],
    ['Øre og Ålborg', 'oere og aalborg'],
    ['Café crème', 'cafe creme'],
    ['  M&A  ', 'm a'],
    ['-nonregistered-account', 'nonregistered account'],
    ['', ''],
  ])('%j -> %j', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });
});

describe('slugify', () => {
  it.each([
    ['Strategisk alliance', 'strategisk-alliance'],
    ['Organisk vækst', 'organisk-vaekst'],
    ['Fusioner og opkøb (M&A)', 'fusioner-og-opkoeb-m-a'],
    ['Ærø', 'aeroe'],
  ])('%j -> %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });
});

describe('stem', () => {
  it('gives inflected Danish forms one stem, also when typed without æ/ø/å', () => {
    expect(stem('alliancen')).toBe(stem('alliance'));
    expect(stem('alliancer')).toBe(stem('alliance'));
    expect(stem('virksomhedens')).toBe(stem('virksomhed'));
    expect(stem('vaekst')).toBe('vaekst');
  });
});

describe('compareDanish', () => {
  it('sorts æ, ø, å after z', () => {
    expect(['Åben', 'Ørn', 'Zink', 'Ært', 'Abe'].sort(compareDanish)).toEqual(['Abe', 'Zink', 'Ært', 'Ørn', 'Åben']);
  });
});

describe('fold of printable ASCII', () => {
  it('is what the Unicode classes give, by the faster path', () => {
    const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
    for (const text of [ascii, 'Strategisk-Alliance', '  EBITDA (2024) ', 'a_b.c/d', 'P/E-tal', '']) {
      expect(fold(text)).toBe(text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ').trim());
    }
  });
});
