// Table-driven tests of the small text rules that guard the terminal and the link graph.
import { describe, expect, it } from 'vitest';
import { internalTarget, linkResolver } from '../../src/corpus/links.js';
import { escapeLine, sanitize } from '../../src/render/sanitize.js';
import { decodeEntities, displayText, hasControl, hasEntities, stripControl } from '../../src/text.js';
import type { Article } from '../../src/corpus/article.js';

describe('sanitize', () => {
  it.each([
    ['plain', 'plain'],
    ['a\tb', 'a b'],
    ['\u001b[31mred\u001b[39m', 'red'], // colour off: even SGR goes
    ['x\u001b[2Jy', 'xy'], // CSI
    ['x\u001b[?25ly', 'xy'], // private CSI
    ['x\u001b]0;title\u0007y', 'xy'], // OSC with BEL
    ['x\u001b]52;c;QQ==\u001b\\y', 'xy'], // OSC with ST
    ['x\u001bPqdata\u001b\\y', 'xy'], // DCS
    ['x\u001b_apc\u001b\\y', 'xy'], // APC
    ['x\u001bcy', 'xcy'], // ESC c (reset): the ESC goes, the c is plain text
    ['x\u009b31my', 'x31my'], // C1 CSI
    ['a\u0000b\u0007c\u007fd\u0085e', 'abcde'],
    ['line\nnext', 'line\nnext'],
    ['\u202eevil\u202c and \u2066iso\u2069', 'evil and iso'], // bidi overrides and isolates
  ])('colour off: %j -> %j', (input, expected) => {
    expect(sanitize(input, false)).toBe(expected);
  });

  it.each([
    ['\u001b[31mred\u001b[39m', '\u001b[31mred\u001b[39m'], // its own colours stay
    ['\u001b[1;4mx\u001b[0m', '\u001b[1;4mx\u001b[0m'],
    ['\u001b[2Jx', 'x'],
    ['\u001b]8;;http://x\u0007link\u001b]8;;\u0007', 'link'], // hyperlinks go
    ['a\u0000\u001b[31mb', 'a\u001b[31mb'], // a NUL cannot smuggle a sequence back
    ['\u202ex', 'x'],
  ])('colour on: %j -> %j', (input, expected) => {
    expect(sanitize(input, true)).toBe(expected);
  });
});

describe('escapeLine', () => {
  it.each([
    ['glossary: plain\n', 'glossary: plain\n'],
    ['glossary: a\nglossary: forged\n', 'glossary: a\\nglossary: forged\n'],
    ['x\u001b[2J\n', 'x\\x1b[2J\n'],
    ['a\rb', 'a\\rb'],
    ['tab\there', 'tab here'],
    ['\u0085c1', '\\x85c1'],
    ['\u202eswap\n', 'swap\n'],
    ['no newline', 'no newline'],
  ])('%j -> %j', (input, expected) => {
    expect(escapeLine(input)).toBe(expected);
  });
});

describe('entities and controls', () => {
  it.each([
    ['M&amp;A', 'M&A'],
    ['M&amp;amp;A', 'M&A'], // doubly escaped
    ['M&amp;amp;amp;A', 'M&A'], // three times
    ['&aelig;&oslash;&aring; &AElig;&Oslash;&Aring;', 'æøå ÆØÅ'],
    ['&#230;&#xE6;&#XE6;', 'æææ'],
    ['&#9999999;', '&#9999999;'], // out of range: kept, never thrown
    ['&#0;', '&#0;'],
    ['&#x110000;', '&#x110000;'],
    ['&#x10FFFF;', '\u{10ffff}'],
    ['&nosuch;', '&nosuch;'],
    ['&ndash;&mdash;&hellip;&euro;&shy;', '–—…€\u00ad'],
    ['a &amp b', 'a &amp b'], // no semicolon: not an entity
  ])('decodeEntities(%j) is %j', (input, expected) => {
    expect(decodeEntities(input)).toBe(expected);
  });

  it('tells entities and controls apart from plain text', () => {
    expect(hasEntities('M&amp;A')).toBe(true);
    expect(hasEntities('M&A')).toBe(false);
    expect(hasEntities('&#230;')).toBe(true);
    expect(hasControl('a\u0007b')).toBe(true);
    expect(hasControl('a\tb\nc')).toBe(false);
    expect(hasControl('\u009b')).toBe(true);
    expect(stripControl('a\u0001b\u009fc\td\ne')).toBe('abc\td\ne');
  });

  it('makes one line of display text: entities decoded, controls dropped, white space collapsed', () => {
    expect(displayText('  M&amp;A\n\tog\u0007  fusion  ')).toBe('M&A og fusion');
  });
});

describe('internalTarget', () => {
  it.each([
    ['/jointventure', 'jointventure'],
    ['/jointventure/', 'jointventure'],
    ['/jointventure#opkoeb', 'jointventure'],
    ['/jointventure?x=1', 'jointventure'],
    ['/da/jointventure', 'jointventure'],
    ['/pt-br/jointventure', 'jointventure'],
    ['/%C3%A5dalen', 'ådalen'], // percent-encoded
    ['/%E0%A4%A', '%E0%A4%A'], // broken encoding: kept as written
    ['//example.com/x', undefined], // protocol-relative: not ours
    ['/a/b/c', undefined],
    ['/docs/x', undefined], // a folder that is not a language
    ['https://example.com', undefined],
    ['mailto:x@example.com', undefined],
    ['jointventure', undefined],
    ['/', undefined],
    ['/#top', undefined],
  ])('%j -> %j', (href, expected) => {
    expect(internalTarget(href)).toBe(expected);
  });
});

describe('linkResolver', () => {
  const article = (id: string, aliases: string[] = []) => ({ id, aliases }) as unknown as Article;
  const a = article('JointVenture', ['JV', 'fælles selskab']);
  const b = article('jv');
  const resolve = linkResolver([a, b]);
  it('resolves by id as written, then id in any case, then alias folded', () => {
    expect(resolve('jv')).toBe(b); // an id beats another article's alias
    expect(resolve('jointventure')).toBe(a);
    expect(resolve('JOINTVENTURE')).toBe(a);
    expect(resolve('faelles-selskab')).toBe(a);
    expect(resolve('nothing')).toBeUndefined();
    expect(resolve('nothing')).toBeUndefined(); // remembered, and still nothing
  });
});
