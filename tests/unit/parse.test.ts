import { describe, expect, it } from 'vitest';
import type { Article, ParseResult } from '../../src/corpus/article.js';
import { parseArticle } from '../../src/corpus/parse.js';

const parse = (text: string | Uint8Array, id = 'x'): ParseResult =>
  parseArticle({ id, lang: 'da', file: `${id}.md`, bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text });

function article(text: string, id = 'x'): Article {
  const result = parse(text, id);
  if (result.kind !== 'article') throw new Error(`expected an article, got ${result.kind}: ${JSON.stringify(result)}`);
  return result.article;
}

describe('parseArticle', () => {
  it('reads the seed format: title, description, comma-separated keywords, slug', () => {
    const a = article('---\nkeywords: Business,Types of Corporations\ntitle: Strategisk alliance\ndescription: En aftale.\n---\n\n# Strategisk alliance\n', 'strategicalliance');
    expect(a).toMatchObject({ id: 'strategicalliance', title: 'Strategisk alliance', slug: 'strategisk-alliance', description: 'En aftale.', keywords: ['Business', 'Types of Corporations'] });
    expect(a.problems).toEqual([]);
  });

  it('accepts keywords and aliases as YAML lists, and aliases as a string', () => {
    expect(article('---\ntitle: T\nkeywords: [A, B]\naliases: [x, y]\n---\n').keywords).toEqual(['A', 'B']);
    expect(article('---\ntitle: T\naliases: M&A\n---\n').aliases).toEqual(['M&A']);
  });

  it('reads front matter values as written: no base-60 numbers, octals, floats or dates made of titles and aliases', () => {
    const a = article('---\ntitle: 12:30:00\ndescription: 3.10\naliases: [1:1, 2:1, 24:7, 010, 0x1F, 1_000, 2.50, .5, no, on, 2024-02-30]\nkeywords: [2024-03-01T01:00:00+05:00]\n---\n');
    expect(a.title).toBe('12:30:00');
    expect(a.description).toBe('3.10');
    expect(a.aliases).toEqual(['1:1', '2:1', '24:7', '010', '0x1F', '1_000', '2.50', '.5', 'no', 'on', '2024-02-30']);
    expect(a.keywords).toEqual(['2024-03-01T01:00:00+05:00']);
    // Merge keys merge, and a value tagged as a number is one (review).
    expect(parse('---\ntitle: T\nbase: &b\n  draft: true\n<<: *b\n---\n').kind).toBe('page');
    expect(article('---\ntitle: T\nweight: !!int 5\naliases: [!!str 010, x]\n---\n').aliases).toEqual(['010', 'x']);
    // What is not text keeps its meaning: a draft is a draft, with true or yes.
    expect(parse('---\ntitle: T\ndraft: true\n---\n').kind).toBe('page');
    expect(parse('---\ntitle: T\ndraft: yes\n---\n').kind).toBe('page');
  });

  it('a title or alias of nothing but bidirectional controls is no name: the title falls back as an empty one does, the alias is left out', () => {
    const a = article('---\ntitle: "\\u202e\\u2066"\ndescription: D.\naliases: ["\\u202d", "ok\\u200f"]\n---\n\nTekst.\n', 'bidi');
    expect(a.title).not.toMatch(/^\s*$/);
    expect(a.title).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/);
    expect(a.aliases).toEqual(['ok']);
  });

  it('decodes HTML entities in front matter, doubly escaped ones too, and warns', () => {
    const a = article("---\ntitle: M&amp;amp;A i 1950&#39;erne\ndescription: a &amp; b\n---\n");
    expect(a.title).toBe("M&A i 1950'erne");
    expect(a.description).toBe('a & b');
    expect(a.problems.map((p) => p.code)).toContain('front-matter-entities');
  });

  it('extracts internal links with their line, in every accepted form', () => {
    const a = article('---\ntitle: T\n---\n\n[a](/one),. [b](/two/) [c](/three#x)\n[d](/en/four) [e](https://example.com) ![f](/img)\n`[g](/code)`\n[h](../five/) [i](six.md) [j](../seven/index.md) {{Glossary("Eight nine", "otte")}} <a href="/ten">ti</a>\n');
    expect(a.links.map((l) => [l.target, l.text, l.line])).toEqual([
      ['one', 'a', 5], ['two', 'b', 5], ['three', 'c', 5], ['en/four', 'd', 6],
      ['five', 'h', 8], ['six', 'i', 8], ['seven', 'j', 8], ['Eight_nine', 'otte', 8], ['ten', 'ti', 8],
    ]);
  });

  it('a link is opened by the bracket nearest its text, as CommonMark reads it; brackets in pairs or escaped are text (a badge\'s image too); parentheses in pairs in the address', () => {
    const a = article('---\ntitle: T\n---\n\n[a [b](/x) og [c \\[d\\]](/y) og [[e](/z) og [f [g] h](/w)\n[Aktie](aktie_(finans).md) [![Mærke](pic.png)](/badge)\n');
    expect(a.links.map((l) => [l.target, l.text])).toEqual([['x', 'b'], ['y', 'c [d]'], ['z', 'e'], ['w', 'f [g] h'], ['aktie_(finans)', 'Aktie'], ['badge', '[image: Mærke]']]);
    // A link holds no link: `[a[b](x)c](y)` is the link x alone.
    expect(article('---\ntitle: T\n---\n\n[a[b](/x)c](/y)\n').links.map((l) => l.target)).toEqual(['x']);
  });

  it('takes the title from term or name when there is no title field (glossary generators), the description from short_description or definition, aliases from aka (Kubernetes)', () => {
    expect(article('---\nterm: Hook\nlayout: glossary-term\n---\n\n## Hook Events\n').title).toBe('Hook');
    expect(article('---\nname: Partition\n---\n\nA part.\n').title).toBe('Partition');
    const k8s = article('---\ntitle: HorizontalPodAutoscaler\nshort_description: >\n  Scales pods.\naka:\n- HPA\n---\nText.\n');
    expect(k8s.description).toBe('Scales pods.');
    expect(k8s.aliases).toEqual(['HPA']);
    expect(article('---\ntitle: T\ndefinition: A structure.\n---\nText.\n').description).toBe('A structure.');
  });

  it('a # line in a code block is no title; a name field gives way to a # heading (it may be an author\'s) (from a review)', () => {
    expect(article('---\ndescription: x.\n---\n\n## Aktie\n\n```bash\n# installer\n```\n', 'aktie').title).toBe('aktie');
    expect(article('---\nname: Jens Hansen\n---\n\n# Obligation\n\nTekst.\n').title).toBe('Obligation');
  });

  it('a section heading (## ) is no title: without a title or a # heading, the file name is shown, and said', () => {
    const a = article('Some text.\n\n## Supported formats\n\nMore.\n', 'Linking/internal-links');
    expect(a.title).toBe('internal links');
    expect(a.problems.map((p) => p.code)).toContain('missing-title');
    expect(article('## Only a section\n\n# The Title\n').title).toBe('The Title');
  });

  it("reads Hugo's TOML front matter (+++): strings, arrays over lines, numbers, dates; a [table] is not the page's; a line it cannot read is said", () => {
    const a = article('+++\ntitle = "Fusion \\"A\\""\ndescription = \'To selskaber bliver til ét.\'\nweight = 10\ndate = 2024-01-02\ndraft = false\naliases = ["/old/fusion/", "sammenlægning"]\nkeywords = [\n  "Selskaber",\n  "Jura",\n]\nodd = { inline = 1 }\n[params]\ntitle = "Not this"\n+++\n\nBrødtekst.\n');
    expect(a.title).toBe('Fusion "A"');
    expect(a.description).toBe('To selskaber bliver til ét.');
    expect(a.aliases).toEqual(['sammenlægning']);
    expect(a.keywords).toEqual(['Selskaber', 'Jura']);
    expect(a.problems.map((p) => [p.code, p.line])).toContainEqual(['front-matter-toml', 12]);
    expect(a.bodyLine).toBe(16);
    expect(parse('+++\ndraft = true\ntitle = "X"\n+++\n\nTekst.\n', 'x').kind).toBe('page');
  });

  it('takes a title from a heading made of site markup as its words', () => {
    expect(article('# {{Glossary("Heading")}} med <code>kode</code> og [led](/x)\n').title).toBe('Heading med kode og led');
  });

  it('takes the title from the first heading without front matter', () => {
    expect(article('# Egen titel\n\nTekst.').title).toBe('Egen titel');
  });

  it('takes the title from the heading when front matter has none, and reports no title at all, or a page', () => {
    expect(article('---\ndescription: d\n---\n# Fra overskrift\n').title).toBe('Fra overskrift');
    // Front matter without a title, no heading and no text: a page of the site, not a term.
    expect(parseArticle({ id: 'uden', lang: 'da', file: 'uden.md', bytes: new TextEncoder().encode('---\ndescription: d\n---\n\n') })).toEqual({
      kind: 'page', file: 'uden.md', reason: 'front matter without a title, no heading and no text',
    });
    // With text (an Obsidian note: aliases, then the text), an article named by its file.
    const note = article('---\naliases:\n  - likvide midler\n---\nTekst uden overskrift.\n', 'Begreber/Likviditet');
    expect(note.title).toBe('Likviditet');
    expect(note.aliases).toEqual(['likvide midler']);
    const listed = article('---\ntitle: [a, b]\n---\nTekst.\n', 'liste');
    expect(listed.title).toBe('liste');
    expect(listed.problems.map((p) => p.code)).toContain('missing-title');
    expect(article('---\ntitle: ""\n---\n# H\n').problems.map((p) => p.code)).toContain('empty-title');
  });

  it.each([
    ['title: 123', '123'],
    ['title: 2020-01-02', '2020-01-02'],
    ['title: null', 'Overskrift'],
  ])('reads odd YAML %j sensibly', (line, title) => {
    expect(article(`---\n${line}\n---\n# Overskrift\n`).title).toBe(title);
  });

  it('handles a byte-order mark and CRLF line endings', () => {
    const a = article('\ufeff---\r\ntitle: T\r\n---\r\n\r\n[a](/b)\r\n');
    expect(a.title).toBe('T');
    expect(a.links[0]?.line).toBe(5);
    expect(a.source).not.toContain('\r');
  });

  it.each([
    ['empty file', '', 'not-article'],
    ['no front matter, no heading', 'Bare tekst.', 'not-article'],
  ])('skips a file that is not an article: %s', (_name, text, kind) => {
    expect(parse(text).kind).toBe(kind);
  });

  it.each([
    ['unclosed front matter', '---\ntitle: T\n\n# T\n', 'front-matter-unclosed'],
    ['invalid YAML', '---\ntitle: [unclosed\n---\n', 'front-matter-yaml'],
    ['JavaScript front matter', '---js\n{ title: "x" }\n---\n', 'front-matter-language'],
    ['a NUL byte', '---\ntitle: T\n---\n\u0000', 'binary'],
  ])('rejects %s with a reason', (_name, text, code) => {
    const result = parse(text);
    expect(result.kind).toBe('rejected');
    if (result.kind === 'rejected') expect(result.problems[0]?.code).toBe(code);
  });

  it('rejects invalid UTF-8', () => {
    const result = parse(new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]));
    expect(result.kind === 'rejected' && result.problems[0]?.code).toBe('encoding');
  });
});

describe('front matter problems, said once and whole (a hostile pass)', () => {
  it('a list of lists is one warning, not one per item; an empty item is called so', () => {
    const lists = article(`---\ntitle: X\ndescription: d.\nkeywords: [${Array.from({ length: 10 }, () => '[a, b]').join(', ')}]\n---\nx\n`);
    expect(lists.problems.filter((p) => p.code === 'field-type').map((p) => p.message)).toEqual(['"keywords" holds a list, not text; ignored: write each item as text (keywords: [A, B])']);
    const empty = article('---\ntitle: X\ndescription: d.\nkeywords: [A, null]\n---\nx\n');
    expect(empty.keywords).toEqual(['A']);
    expect(empty.problems.find((p) => p.code === 'field-type')?.message).toBe('"keywords" holds an empty item, not text; ignored: write each item as text (keywords: [A, B])');
  });

  it('invalid YAML: the reason does not end on the colon that introduced the parser\'s excerpt', () => {
    const r = parse('---\ntitle: [a, b\ndescription: "x: y\n---\nx\n');
    expect(r.kind).toBe('rejected');
    const message = r.kind === 'rejected' ? r.problems[0]?.message ?? '' : '';
    expect(message).toMatch(/^front matter is not valid YAML: .*\d$/);
  });
});
