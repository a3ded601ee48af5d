// Table-driven tests of the small text rules that guard the terminal and the link graph.
import { describe, expect, it } from 'vitest';
import { detectPrefix, linkResolver, linkTarget, prefixParts } from '../../src/corpus/links.js';
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
    ['x\u009b31my', 'x31my'], // C1 CSI: the control alone (more often a mis-decoded `›` than a sequence)
    ['a\u0000b\u0007c\u007fd\u0085e', 'abcde'],
    ['line\nnext', 'line\nnext'],
    ['\u202eevil\u202c and \u2066iso\u2069', 'evil and iso'], // bidi overrides and isolates
    ['m\u200fr\u200ek\u061c', 'mrk'], // and the bidi marks
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

describe('sanitize: soft hyphens', () => {
  it('drops them (measured as no column, a terminal gives them one)', () => {
    expect(sanitize('selskabs\u00adskat', false)).toBe('selskabsskat');
    expect(sanitize('\u001b[1mselskabs\u00adskat\u001b[22m', true)).toBe('\u001b[1mselskabsskat\u001b[22m');
  });
});

describe('escapeLine', () => {
  it.each([
    ['glossary: plain\n', 'glossary: plain\n'],
    ['glossary: a\nglossary: forged\n', 'glossary: a\\nglossary: forged\n'],
    ['x\u001b[2J\n', 'x\\x1b[2J\n'],
    ['a\rb', 'a\\rb'],
    ['tab\there', 'tab\\there'],
    ['\u0085c1', '\\x85c1'],
    ['\u202eswap\n', '\\u202eswap\n'],
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
    // A sequence goes whole (a title showed `[31m` of it); an 8-bit CSI alone, a mis-decoded `›` more often than not.
    expect(stripControl('Esc\u001b[31mRød\u001b[0m')).toBe('EscRød');
    expect(stripControl('x\u001b]0;titel\u0007y')).toBe('xy');
    expect(stripControl('og \u009b2024 var')).toBe('og 2024 var');
  });

  it('makes one line of display text: entities decoded, controls dropped, white space collapsed', () => {
    expect(displayText('  M&amp;A\n\tog\u0007  fusion  ')).toBe('M&A og fusion');
  });
});

describe('linkTarget', () => {
  it.each([
    ['/jointventure', '', '', 'jointventure'],
    ['/jointventure/', '', '', 'jointventure'],
    ['/jointventure#opkoeb', '', '', 'jointventure'],
    ['/jointventure?x=1', '', '', 'jointventure'],
    ['/da/jointventure', '', '', 'da/jointventure'], // the language is resolved with the corpus
    ['/%C3%A5dalen', '', '', 'ådalen'], // percent-encoded
    ['/%E0%A4%A', '', '', '%E0%A4%A'], // broken encoding: kept as written
    ['//example.com/x', '', '', undefined], // protocol-relative: not ours
    ['https://example.com/x', '', '', undefined],
    ['mailto:x@example.com', '', '', undefined],
    ['#top', '', '', undefined],
    ['/#top', '', '', undefined],
    ['/billede.png', '', '', undefined], // a file, not a page
    ['../container/', 'container-image', '', 'container'], // Hugo: relative to the page's address
    ['./registry', 'container', '', 'container/registry'], // tried by its last part when resolved
    ['../../x/', 'a', '', 'x'], // above the top stays at the top, as in a browser
    ['container.md', 'cloud native', '', 'container'], // a file: relative to the article's folder
    ['../scope/index.md', 'closure', 'closure', 'scope'],
    ['networking/index.md', 'node', 'node', 'node/networking'],
    ['cloud%20native.md', 'serverless', '', 'cloud native'],
    ['/en-US/docs/Glossary/Closure', 'ajax', 'ajax', 'en-US/docs/Glossary/Closure'],
    ['/kurve.JPG', '', '', undefined],
    ['/kurve.jpeg', '', '', undefined],
    ['/x.md', 'a/b', 'a', 'x'], // a site-absolute file link is from the top
    ['myindex.md', '', '', 'myindex'],
    ['index.mdx', '', '', 'index.mdx'],
    ['Aktie.MD', '', '', 'Aktie'],
    ['#del', 'a', '', undefined],
    ['./', 'a', '', 'a'], // the page itself
  ])('%j from %j -> %j', (href, id, dir, expected) => {
    expect(linkTarget(href, id, dir)).toBe(expected);
  });
});

describe('linkResolver', () => {
  const article = (id: string, aliases: string[] = []) => ({ id, aliases }) as unknown as Article;
  const a = article('JointVenture', ['JV', 'fælles selskab']);
  const b = article('jv');
  const link = (href: string) => ({ href, target: linkTarget(href, 'x') as string });
  const resolve = linkResolver([a, b]);
  it('resolves by id as written, then id in any case, then alias folded', () => {
    expect(resolve(link('/jv'))).toBe(b); // an id beats another article's alias
    expect(resolve(link('/jointventure'))).toBe(a);
    expect(resolve(link('/JOINTVENTURE'))).toBe(a);
    expect(resolve(link('/faelles-selskab'))).toBe(a);
    expect(resolve(link('/da/jointventure'))).toBe(a);
    expect(resolve(link('/nothing'))).toBeUndefined();
    expect(resolve(link('/nothing'))).toBeUndefined(); // remembered, and still nothing
  });

  const node = article('node');
  const networking = article('node/networking');
  const closure = article('closure');
  const mdn = [node, networking, closure];
  it('strips the site prefix; a link outside it is a page of the site, not a broken link', () => {
    const resolveMdn = linkResolver(mdn, { prefix: prefixParts('/en-US/docs/Glossary/') });
    expect(resolveMdn(link('/en-US/docs/Glossary/Closure'))).toBe(closure);
    expect(resolveMdn(link('/en-US/docs/Glossary/Node/networking'))).toBe(networking);
    expect(resolveMdn(link('/en-US/docs/Glossary/Nothing'))).toBeUndefined();
    expect(resolveMdn(link('/en-US/docs/Web/API/Node'))).toBe('outside');
  });
  it('finds the prefix most links share, when it makes them resolve', () => {
    const links = (...hrefs: string[]) => hrefs.map((href) => ({ href, target: linkTarget(href) as string, text: '', line: 1 }));
    const withLinks = (a: Article, ...hrefs: string[]) => ({ ...a, links: links(...hrefs) }) as Article;
    const articles = [
      withLinks(node, '/en-US/docs/Glossary/Node/networking', '/en-US/docs/Web/API/Node'),
      withLinks(networking, '/en-US/docs/Glossary/Node', '/en-US/docs/Glossary/Closure'),
      withLinks(closure, '/de/closure', '/de/node'),
    ];
    expect(detectPrefix(articles)).toEqual(['docs', 'glossary']); // the language is read apart
    expect(detectPrefix([withLinks(closure, '/node', '/docs/x')])).toEqual([]);
  });
  it('keeps the first of two articles with one id, in either spelling', () => {
    const first = article('aktie');
    const second = article('aktie');
    const upper = article('Aktie');
    const r = linkResolver([first, second, upper]);
    expect(r(link('/aktie'))).toBe(first);
    expect(r(link('/Aktie'))).toBe(upper);
    expect(r(link('/AKTIE'))).toBe(first);
  });

  it('finds a nested article by its last part, unless two share it; a relative link by an alias', () => {
    const net = article('node/networking');
    const dom = article('node/dom');
    const other = article('web/dom');
    const r = linkResolver([net, dom, other, a]);
    expect(r({ href: './networking', target: 'x/networking' })).toBe(net);
    expect(r({ href: './dom', target: 'x/dom' })).toBeUndefined();
    expect(r({ href: '../fælles-selskab/', target: 'fælles-selskab' })).toBe(a);
    // Site-absolute, without a prefix: only a whole path names a term (its last part could be anything).
    expect(r({ href: '/docs/glossary/networking', target: 'docs/glossary/networking' })).toBe('outside');
    expect(r({ href: '/node/networking', target: 'node/networking' })).toBe(net);
    expect(r({ href: '/docs/glossary/zzz', target: 'docs/glossary/zzz' })).toBe('outside');
    expect(r({ href: '/de/node/networking', target: 'de/node/networking' })).toBe(net);
    expect(r({ href: '/de/docs/zzz', target: 'de/docs/zzz' })).toBe('outside');
  });

  it('takes a link to another language of the corpus as outside this one; a file name by its address', () => {
    const spaced = article('cloud native');
    const r = linkResolver([a, spaced], { otherLangs: ['de'] });
    expect(r(link('/de/jointventure'))).toBe('outside');
    expect(r(link('/da/jointventure'))).toBe(a);
    expect(r(link('/cloud-native/'))).toBe(spaced);
    expect(r(link('/cloud native'))).toBe(spaced);
  });

  it('reads a language before the id, with aliases; a missing one-part link there is broken', () => {
    const r = linkResolver([a, b]);
    expect(r(link('/da/fælles-selskab'))).toBe(a);
    expect(r(link('/de/nothing'))).toBeUndefined();
  });

  it('with a prefix: the glossary index and pages outside it are outside; relative links still resolve by their last part', () => {
    const net = article('node/networking');
    const r = linkResolver([net, b], { prefix: prefixParts('/en-US/docs/Glossary/') });
    expect(r(link('/en-US/docs/Glossary/'))).toBe('outside');
    expect(r(link('/de/docs/jv'))).toBe('outside');
    expect(r(link('/docs/x/jv'))).toBe('outside');
    // The same target, once site-absolute and once relative: not confused by the memo.
    expect(r({ href: 'x/networking', target: 'x/networking' })).toBe(net);
    expect(r({ href: '/x/networking', target: 'x/networking' })).toBe('outside');
  });

  it('finds no prefix from fewer than two links, nor from a language, nor one that resolves nothing', () => {
    const links = (...hrefs: string[]) => hrefs.map((href) => ({ href, target: linkTarget(href) as string, text: '', line: 1 }));
    const withLinks = (x: Article, ...hrefs: string[]) => ({ ...x, links: links(...hrefs) }) as Article;
    expect(detectPrefix([withLinks(closure, '/en-US/docs/Glossary/Node')])).toEqual([]);
    expect(detectPrefix([withLinks(closure, '/de/node', '/de/closure', 'x/node')])).toEqual([]);
    expect(detectPrefix([withLinks(closure, '/docs/a/x', '/docs/a/y', '/docs/a/z')])).toEqual([]);
    // A shorter prefix that resolves as many: the longer one is taken.
    expect(detectPrefix([withLinks(closure, '/site/g/node', '/site/g/node/networking'), withLinks(node, '/site/g/closure')])).toEqual(['site', 'g']);
    // One link of many under a prefix that resolves: not enough.
    expect(detectPrefix([withLinks(closure, '/g/node', '/w/a/b', '/w/a/c', '/w/a/d', '/w/a/e')])).toEqual([]);
  });

  it('finds prefixes of one to four parts; ties go to the longer; a single resolving link is not enough', () => {
    const links = (...hrefs: string[]) => hrefs.map((href) => ({ href, target: linkTarget(href) as string, text: '', line: 1 }));
    const withLinks = (x: Article, ...hrefs: string[]) => ({ ...x, links: links(...hrefs) }) as Article;
    const gNode = withLinks(article('g/node'));
    const bare = withLinks(node);
    expect(detectPrefix([withLinks(closure, '/glossary/node'), withLinks(node, '/glossary/closure')])).toEqual(['glossary']);
    expect(detectPrefix([withLinks(closure, '/a/b/c/d/node'), withLinks(node, '/a/b/c/d/closure')])).toEqual(['a', 'b', 'c', 'd']);
    // `site` makes g/node resolve, `site/g` makes node resolve: as many each, the longer wins.
    expect(detectPrefix([withLinks(closure, '/site/g/node', '/site/g/node'), bare, gNode])).toEqual(['site', 'g']);
    expect(detectPrefix([withLinks(closure, '/w/g/node', '/w/g/zzz'), bare])).toEqual([]);
    // A language is never the prefix, though its links resolve.
    expect(detectPrefix([withLinks(closure, '/de/node', '/de/closure'), bare])).toEqual([]);
    // Relative links count for nothing.
    expect(detectPrefix([withLinks(closure, 'g/node', 'g/closure', 'g/node'), bare])).toEqual([]);
    // Only links that share every part of the prefix count toward it.
    expect(detectPrefix([withLinks(closure, '/a/b/node', '/a/c/b/closure', '/a/c/b/node', '/a/b/zzz'), bare])).toEqual(['a', 'c', 'b']);
  });

  it('takes a relative link by its last part when its path names nothing', () => {
    expect(resolve({ href: './jv', target: 'x/jv' })).toBe(b);
    expect(resolve({ href: '../nothing/', target: 'nothing' })).toBeUndefined();
  });
});
