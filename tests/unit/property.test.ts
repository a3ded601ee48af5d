// Property-based tests: for arbitrary front matter and bodies, parsing and rendering never throw,
// plain output has no control characters, and every rendered line fits the width.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileLanguage } from '../../src/corpus/compile.js';
import { parseArticle } from '../../src/corpus/parse.js';
import stringWidth from 'string-width';
import { renderArticle } from '../../src/render/article.js';

const encode = (text: string) => new TextEncoder().encode(text);
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

// Markdown made of the pieces that matter, mixed with arbitrary Unicode and control characters.
const piece = fc.oneof(
  fc.constantFrom('# ', '##', '> ', '>', '- ', '  - ', '1. ', '**', '*', '_', '`', '```\n', '~~~', '\n', '\n\n', ' ', '|', '| --- |', '---', '[', ']', '(', ')', '[tekst](/id)', '[x](https://example.com)', '![b](/i)', '<b>', '&amp;', '{{Glossary("id", "t")}}', '{{domxref("X")}}', '{{', '}}', '{{< note >}}', '{{% x %}}', '<sub>2</sub>', '<br>', '<details>', '<summary>', '<a href="">TTT</a>', '<h5>', '<!--', '-->', '\\frac{a}{b}', '\\', 'æøå', '\u001b[31m', '\u001b]52;c;QQ==\u0007', '\u009b', '\t', '\r\n'),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'ø'), maxLength: 60 }),
);
const markdown = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));
const yamlValue = fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('null', '123', '[a, b]', '{a: 1}', '&x [1]', '*x', '!!js/function "f"', '"\\e[2J"', '|\n  blok'));
const frontMatter = fc
  .record({ title: yamlValue, description: yamlValue, keywords: yamlValue, aliases: yamlValue })
  .map((f) => `---\n${Object.entries(f).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n`);
const source = fc.tuple(fc.oneof(frontMatter, fc.constant(''), fc.constantFrom('---js\n{}\n---\n', '---\nunclosed: x\n')), markdown).map(([fm, body]) => fm + body);

function recordOf(text: string) {
  const result = parseArticle({ id: 'x', lang: 'da', file: 'x.md', bytes: encode(text) });
  if (result.kind !== 'article') return undefined;
  return compileLanguage('da', [result.article], new Map()).record(0);
}

describe('properties', () => {
  it('parsing never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.oneof(source.map(encode), fc.uint8Array({ maxLength: 300 })), (bytes) => {
        const result = parseArticle({ id: 'x', lang: 'da', file: 'x.md', bytes });
        expect(['article', 'not-article', 'page', 'rejected']).toContain(result.kind);
      }),
      { numRuns: 400 },
    );
  });

  it('rendering never throws; plain output has no control characters; every line fits', () => {
    fc.assert(
      fc.property(source, fc.integer({ min: 10, max: 120 }), (text, width) => {
        const record = recordOf(text);
        if (!record) return;
        const out = renderArticle(record, { width, color: false });
        expect(out).not.toMatch(CONTROL);
        for (const line of out.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(width);
      }),
      { numRuns: 250 },
    );
  });

  it('styled output has only SGR sequences, and fits too', () => {
    fc.assert(
      fc.property(source, fc.integer({ min: 10, max: 120 }), (text, width) => {
        const record = recordOf(text);
        if (!record) return;
        const out = renderArticle(record, { width, color: true });
        expect(out.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(CONTROL);
        for (const line of out.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(width);
      }),
      { numRuns: 150 },
    );
  });
});
