// The sentence of an article body that shows why it matched a search: the one with the most of
// the query's stems, the matched words marked, cut around the first of them to fit the width.
import { cleanSiteMarkup } from './corpus/markup.js';
import { stem } from './corpus/terms.js';
import { fold, foldLetters } from './fold.js';
import { displayText } from './text.js';
import { cut, displayWidth } from './width.js';

/** Markdown reduced to its words: site markup as text, links to their text, emphasis and heading marks gone. */
function plainText(markdown: string): string {
  return cleanSiteMarkup(markdown)
    .replace(/^ {0,3}(```|~~~)[\s\S]*?^ {0,3}\1/gm, ' ')
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/\\</g, '<') // what only looked like a tag, kept as text by the cleaning
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/^ {0,3}#{1,6}[ \t]*/gm, '')
    .replace(/^ {0,3}[-*+>][ \t]+/gm, '')
    .replace(/[*_`]+/g, '');
}

export interface Snippet {
  text: string;
  /** [start, end) of each matched word in `text`. */
  marks: Array<[number, number]>;
}

/** The best sentence for `stems` (folded Danish stems), cut to `width` columns; undefined if none has one. */
export function findSnippet(body: string, stems: string[], width: number): Snippet | undefined {
  if (stems.length === 0) return undefined;
  const wanted = new Set(stems);
  // Only words that begin as a wanted stem does are stemmed (the stemmer is the cost here).
  const starts = new Set(stems.map((s) => s.slice(0, 3)));
  const sentences = plainText(body)
    .split(/(?<=[.!?])\s+|\n{2,}|\n(?=\S)/)
    .map((s) => displayText(s))
    .filter((s) => s.length > 0);
  let best: { sentence: string; count: number; marks: Array<[number, number]> } | undefined;
  for (const sentence of sentences) {
    const marks: Array<[number, number]> = [];
    const seen = new Set<string>();
    for (const m of sentence.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
      const word = foldLetters(m[0]);
      const s = starts.has(word.slice(0, 3)) ? stem(fold(m[0])) : '';
      const hit = (s !== '' && wanted.has(s)) || stems.some((w) => w.length >= 4 && word.includes(w));
      if (hit) {
        marks.push([m.index as number, (m.index as number) + m[0].length]);
        seen.add(s);
      }
    }
    if (marks.length && (!best || seen.size > best.count)) best = { sentence, count: seen.size, marks };
  }
  if (!best) return undefined;
  // Cut so that the first match is in view: start a little before it when the sentence is long.
  let { sentence, marks } = best;
  const first = marks[0]?.[0] ?? 0;
  if (displayWidth(sentence) > width && first > width / 3) {
    const start = sentence.lastIndexOf(' ', first - Math.floor(width / 4));
    if (start > 0) {
      sentence = '…' + sentence.slice(start + 1);
      marks = marks.map(([a, b]) => [a - start, b - start]);
    }
  }
  const text = cut(sentence, width);
  const limit = text.endsWith('…') ? text.length - 1 : text.length;
  return { text, marks: marks.filter(([, b]) => b <= limit) };
}

/** The snippet's text with each matched word passed through `mark`. */
export function markSnippet(snippet: Snippet, mark: (s: string) => string): string {
  let out = '';
  let at = 0;
  for (const [a, b] of snippet.marks) {
    out += snippet.text.slice(at, a) + mark(snippet.text.slice(a, b));
    at = b;
  }
  return out + snippet.text.slice(at);
}
