// Where links stand in a line of Markdown, as written: what the language server's definition,
// references and rename need (the parser keeps only a link's line). Pure; at most a bounded work
// per character of the line whatever it holds (a regular expression over a line of 100,000 `[`
// took 11 s a request): links are read by the parser's expression, whose tries stop at a bracket.
import { CODE_SPAN, escapedAt, REFERENCE_DEFINITION, WIKILINK, wikiAddress, wikiNote, wikiTarget } from '../corpus/markup.js';
import { LINK } from '../corpus/parse.js';

export interface LinkSpan {
  /** The target as the parser reads it: an inline link's or a definition's address, a wikilink's as an address. */
  href: string;
  /** The UTF-16 range of the target as written in the line (for a wikilink, its note name and heading). */
  start: number;
  end: number;
  kind: 'inline' | 'definition' | 'wiki';
  /** A wikilink's whole extent, `[[` to `]]`. */
  link?: [number, number];
}

/** The line with its code spans made spaces: positions kept, nothing in code read as a link. */
function withoutCode(line: string): string {
  if (!line.includes('`')) return line;
  return line.replace(CODE_SPAN, (span) => ' '.repeat(span.length));
}

/** The parser's inline link (parse.ts LINK), with the indices of its groups: where the address stands. */
const INLINE = new RegExp(LINK.source, 'gd');

/** REFERENCE_DEFINITION with the indices of its groups: where the address stands. */
const DEFINITION = new RegExp(REFERENCE_DEFINITION.source, 'd');

/**
 * Every link target in `line`, in the order written: inline links `[text](target "title")` and
 * `[text](<target>)`, a reference definition `[label]: target`, wikilinks `[[target#heading|text]]`
 * (not embeds `![[...]]`). Code spans are passed over; code blocks are the caller's to leave out.
 */
export function linkSpans(line: string): LinkSpan[] {
  const text = withoutCode(line);
  const spans: LinkSpan[] = [];
  // The parser's own rules (markup.ts): what it reads as a definition or a wikilink, and its address.
  const definition = DEFINITION.exec(text);
  const at = definition?.indices?.[2];
  if (definition && at) spans.push({ href: definition[2] as string, start: at[0], end: at[1], kind: 'definition' });
  if (text.includes('](')) {
    // As the parser reads links (parse.ts extractLinks): an escaped `[` opens none, an image is none.
    INLINE.lastIndex = 0;
    for (let m = INLINE.exec(text); m; m = INLINE.exec(text)) {
      // `![x](y)` an image; `\\![x](y)` a link after an escaped `!`; `\\[x](y)` text, and the search
      // goes on inside it (`\\[sic\\] og [b](b.md)`).
      if (m[1] ? !escapedAt(text, m.index) : escapedAt(text, m.index)) {
        if (!m[1]) INLINE.lastIndex = m.index + 1;
        continue;
      }
      const at = m.indices?.[3] ?? m.indices?.[4];
      if (at && at[1] > at[0]) spans.push({ href: text.slice(at[0], at[1]), start: at[0], end: at[1], kind: 'inline' });
    }
  }
  if (text.includes('[[')) {
    for (const m of text.matchAll(WIKILINK)) {
      // An embed is no link; nor is an escaped `\\[[x]]`, as the parser reads it.
      if (m[1] || escapedAt(text, m.index as number)) continue;
      const written = m[2] as string;
      const target = wikiTarget(written);
      // The note's name, without a `.md` (which a rename keeps as written).
      const note = wikiNote(target);
      if (!note) continue;
      const start = (m.index as number) + 2 + written.indexOf(target);
      spans.push({ href: wikiAddress(note, m[3] ?? ''), start, end: start + note.length, kind: 'wiki', link: [m.index as number, (m.index as number) + m[0].length] });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Where in a line a new link may not go: each link (inline, wikilink, embed) and code span, whole, as [start, end). */
export function taken(line: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (line.includes('`')) for (const m of line.matchAll(CODE_SPAN)) out.push([m.index as number, (m.index as number) + m[0].length]);
  const text = withoutCode(line);
  if (text.includes('](')) for (const m of text.matchAll(INLINE)) out.push([m.index as number, (m.index as number) + m[0].length]);
  if (text.includes('[[')) for (const m of text.matchAll(WIKILINK)) out.push([m.index as number, (m.index as number) + m[0].length]);
  return out;
}

/** The target of the link whose text or target holds UTF-16 position `ch`, or undefined. */
export function linkAt(line: string, ch: number): LinkSpan | undefined {
  const spans = linkSpans(line);
  const on = spans.find((s) => (ch >= s.start && ch <= s.end) || (s.link && ch >= s.link[0] && ch <= s.link[1]));
  if (on) return on;
  // On an inline link's text: the first link whose `]` is at or after the position, if its `[` is before it.
  const text = withoutCode(line);
  const close = (s: LinkSpan) => text.lastIndexOf('](', s.start);
  const next = spans.find((s) => s.kind === 'inline' && close(s) >= ch);
  if (!next) return undefined;
  const open = text.lastIndexOf('[', close(next));
  return open >= 0 && open <= ch ? next : undefined;
}
