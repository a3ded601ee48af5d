import { describe, expect, it } from 'vitest';
import { linkAt, linkSpans } from '../../src/edge/link-spans.js';
import { renamedHref, unreadId } from '../../src/edge/lsp.js';

const written = (line: string) => linkSpans(line).map((s) => [s.kind, s.href, line.slice(s.start, s.end)]);

describe('linkSpans: where links stand in a line', () => {
  it('inline links, each its own range; angle brackets and spaces inside the parentheses; not in code', () => {
    expect(written('[a](/x) og [b](/x "titel") og [c](<mit id.md>) og [d]( y.md ) `[e](/z)`')).toEqual([
      ['inline', '/x', '/x'], ['inline', '/x', '/x'], ['inline', 'mit id.md', 'mit id.md'], ['inline', 'y.md', 'y.md'],
    ]);
  });
  it('a reference definition and wikilinks, not embeds', () => {
    expect(written('[ref]: /x')).toEqual([['definition', '/x', '/x']]);
    expect(written('[[x]] og [[Mappe/y#afsnit|tekst]] og ![[billede.png]]')).toEqual([['wiki', 'x', 'x'], ['wiki', '/Mappe/y#afsnit', 'Mappe/y']]);
    // Obsidian's [[Note.md]] is the note Note: its name is what a rename rewrites, the .md stays.
    expect(written('[[Obligation.md]] og [[Mappe/y.MD|tekst]]')).toEqual([['wiki', 'Obligation', 'Obligation'], ['wiki', '/Mappe/y', 'Mappe/y']]);
  });
  it('as the parser reads links: not an escaped [ (nor what follows in it), not an image; after an escaped ! a link', () => {
    expect(written('\\[e](/e) og \\[sic\\] og [b](b.md)')).toEqual([['inline', 'b.md', 'b.md']]);
    expect(written('![billede](/x) og Hurra\\![B](b.md) og \\\\[c](/c)')).toEqual([['inline', 'b.md', 'b.md'], ['inline', '/c', '/c']]);
    expect(linkAt('\\[e](/e)', 5)).toBeUndefined();
    // A bracket opens the link nearest its text, as CommonMark reads `[a [b](/x)`.
    expect(written('[a [b](/x)')).toEqual([['inline', '/x', '/x']]);
  });
  it('a line of 100,000 [ or ]( takes no time', () => {
    const started = performance.now();
    linkSpans('['.repeat(100_000));
    linkSpans('['.repeat(100_000) + '](x)');
    linkSpans(('['.repeat(1000) + '](').repeat(100));
    linkSpans('\\['.repeat(50_000) + '](x)');
    linkSpans('\\'.repeat(100_000) + '[a](b)');
    linkSpans('](](](]('.repeat(25_000));
    linkAt('['.repeat(100_000), 50_000);
    expect(performance.now() - started).toBeLessThan(1000);
  });
  it('linkAt: on the text or the target of a link, not between links', () => {
    const line = '[a](/x) mere [b]( /y )';
    expect(linkAt(line, 1)?.href).toBe('/x');
    expect(linkAt(line, 10)).toBeUndefined();
    expect(linkAt(line, 14)?.href).toBe('/y');
  });
});

describe('renamedHref: the id in a link, made the new one', () => {
  it.each([
    ['/m', 'm', 'money', '/money'],
    ['m.md', 'm', 'money', 'money.md'],
    ['../m.md#m-i-praksis', 'm', 'money', '../money.md#m-i-praksis'],
    ['/JointVenture', 'jointventure', 'jv', '/jv'],
    ['x/index.md', 'x', 'y', 'y/index.md'],
    ['/l%C3%A5n', 'lån', 'gæld', '/g%C3%A6ld'],
    ['/mappe/x', 'mappe/x', 'andet/y', '/andet/y'],
  ])('%s: %s -> %s gives %s', (href, from, to, want) => {
    expect(renamedHref(href, from, to)).toBe(want);
  });
  it('a link that does not spell the id is left to the user', () => {
    expect(renamedHref('/andet', 'm', 'money')).toBeUndefined();
  });
});

describe('unreadId', () => {
  it('ids the listing would not read back as an article', () => {
    expect(['README', 'index', '_x', 'a/_x', '.x', 'a/index', 'node_modules/x'].map((id) => Boolean(unreadId(id)))).toEqual([true, true, true, true, true, true, true]);
    expect(unreadId('fælles-foretagende')).toBeUndefined();
    expect(unreadId('mappe/x')).toBeUndefined();
  });
});
