// `glossary scan [file...]`: the corpus's terms in a text, in order of first occurrence; with
// --json every occurrence, as they come; with --annotate the text itself, first occurrences marked, and notes.
// The edge hands in the lines (read as they come) and a writer for --annotate's text.
import { jsonLine, jsonText, langOf, listWidthOf, ok, text, type Context, type Output, type Result } from '../context.js';
import { ExitCode } from '../errors.js';
import { escapeLine, sanitize } from '../render/sanitize.js';
import type { SearchDoc } from '../corpus/compile.js';
import { Scanner, type Occurrence } from '../scan.js';
import { displayWidth, fitColumns } from '../width.js';

export interface ScanOptions {
  json?: boolean;
  annotate?: boolean;
  width?: string;
}

/** A line of the text, or a part of a long one (`last` false: the line goes on in the next part). */
export interface TextPart {
  text: string;
  /** The line's number, from 1. */
  line: number;
  last: boolean;
}

export interface ScanInput {
  /** The file's name as given, or `-` for standard input. */
  name: string;
  parts: AsyncIterable<TextPart>;
}

interface Found {
  n: number;
  /** Its number in --annotate's notes, from 1, in order of first occurrence. */
  ref: number;
  count: number;
  first: Occurrence & { file: string };
}

/** The title gets at most this share of the width, as in search; the description has the rest. */
const TITLE_SHARE = 0.3;
/** A title is shown only with at least this many columns for it. */
const MIN_TITLE = 4;
/** The space between columns, as fitColumns leaves it. */
const GAP = 2;

/**
 * A part of a long line is scanned up to this many characters before its end: a term that starts
 * in that tail is left to the next part, which begins with the tail, so no term is cut in two.
 * It is longer than any name the scanner matches.
 */
export const TAIL = 512;

/** Where a part's tail begins: a space at least TAIL characters before the end, else a character boundary. */
function tailStart(text: string): number {
  const limit = text.length - TAIL;
  const space = text.lastIndexOf(' ', limit);
  if (space > limit - TAIL) return space;
  const code = text.charCodeAt(limit);
  return code >= 0xdc00 && code <= 0xdfff ? limit - 1 : limit;
}

/**
 * The words a name may run on with into the next line: its first `words` words (the longest name
 * less one), at most TAIL characters, cut after a word. Only those are scanned twice.
 */
function lineHead(text: string, words: number): string {
  const n = Math.max(0, words - 1);
  const pattern = heads[n] ?? (heads[n] = new RegExp(`^\\s*(?:\\S+\\s+){0,${n}}\\S+`, 'u'));
  const head = pattern.exec(text.slice(0, TAIL))?.[0] ?? '';
  if (head.length < TAIL || text.length <= TAIL) return head;
  const space = head.lastIndexOf(' ');
  const code = head.charCodeAt(TAIL - 1);
  return head.slice(0, space > 0 ? space : code >= 0xd800 && code <= 0xdbff ? TAIL - 1 : TAIL);
}

const heads: RegExp[] = [];

/** A line that starts a list item, a table row, a heading or a quote: a name does not run on into it. */
const BLOCK_START = /^\s*(?:[-*+]\s|\d{1,9}[.)]\s|\||#{1,6}\s|>)/;

/** A Markdown code fence's marker at the start of a line (a backtick fence's info string has no backtick). */
function fenceMarker(line: string): string | undefined {
  const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
  if (!m) return undefined;
  const marker = m[1] as string;
  return marker[0] === '`' && (m[2] as string).includes('`') ? undefined : marker;
}

/** The number of characters (code points) of a string. */
function chars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xdc00 || code > 0xdfff) n++;
  }
  return n;
}

/** A JSON string's inside: what goes between its quotes. */
const jsonInside = (value: string) => jsonText(value).trim().slice(1, -1);

/**
 * Scans the inputs a part at a time. Memory is the corpus's matcher, one part of a line (64 KB)
 * and one entry per term found: never the text, nor its occurrences. --json writes its array as
 * the occurrences come; --annotate writes the text as it comes (with --json, inside one object).
 * `write` may return a promise (a full pipe): the scan waits for it, so output never piles up.
 */
export async function runScan(ctx: Context, inputs: ScanInput[], options: ScanOptions, write: (text: string) => unknown): Promise<Result> {
  const lang = langOf(ctx);
  const width = listWidthOf(ctx, options.width);
  const index = ctx.corpus.scanIndex(lang);
  const found = new Map<number, Found>();
  const several = inputs.length > 1;
  const theme = ctx.theme;
  const json = Boolean(options.json);
  const annotating = Boolean(options.annotate);
  /** The descriptions of the terms found, read when first needed. */
  const docs = new Map<number, SearchDoc>();
  const docOf = (n: number) => docs.get(n) ?? (docs.set(n, ctx.corpus.docs(lang, [n])[0] as SearchDoc).get(n) as SearchDoc);
  let written = 0;
  // Output is gathered into writes of about 64 KB: one write per occurrence costs more than the scan.
  let out = '';
  const emit = (text: string) => {
    out += text;
  };
  const flush = async () => {
    const text = out;
    out = '';
    if (text) await write(text);
  };
  if (json) emit(annotating ? '{\n  "text": "' : '[');
  /** The JSON closed, with what was found: at the end, or when an input turns out not to be text part-way (exit 7, JSON still whole). */
  const closeJson = async () => {
    const groups = [...found.values()];
    for (const d of ctx.corpus.docs(lang, groups.map((g) => g.n).filter((n) => !docs.has(n)))) docs.set(d.n, d);
    if (annotating) {
      const terms = groups.map((g) => {
        const d = docs.get(g.n) as SearchDoc;
        return { ref: g.ref, id: d.id, name: d.name, title: d.title, description: d.description, count: g.count };
      });
      await write(`",\n  "terms": ${jsonText(terms).trim().replace(/\n/g, '\n  ')}\n}\n`);
    } else await write(written ? '\n]\n' : ']\n');
  };
  try {
    for (const input of inputs) {
      const scanner = new Scanner(index);
      // A Markdown file's front matter and fenced code are not its prose: not scanned (and not marked).
      const markdown = /\.(md|markdown|mdx)$/i.test(input.name);
      let fence: string | undefined;
      let frontMatter = false;
      let code = false;
      let lineStart = true;
      /** Whether a line (at its start) is front matter or fenced code, the state moved on by it. */
      const markdownCode = (line: string, number: number): boolean => {
        const marker = fenceMarker(line);
        if (number === 1 && line.trimEnd() === '---') {
          frontMatter = true;
          return true;
        }
        if (frontMatter) {
          // Closed by --- (or ...); a line that is no YAML ends it too: the --- was a rule, not front matter.
          if (line.trimEnd() === '---' || line.trimEnd() === '...') {
            frontMatter = false;
            return true;
          }
          if (/^(?:\s|-\s|-$|[\w"'-][^:]*:(?:\s|$)|#|$)/u.test(line)) return true;
          frontMatter = false;
        }
        if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker))) {
          fence = fence ? undefined : marker;
          return true;
        }
        return fence !== undefined;
      };
      /** The part of the line not yet scanned to its end: the tail of the last part. */
      let carry = '';
      /** The column of carry's first character. */
      let carryColumn = 1;
      /** How much of carry was written (and matched) already: a term that ran into the tail. */
      let done = 0;
      // One part of lookahead: a name may run on from a line's end into the next line (wrapped
      // text: `strategisk` / `alliance`), never across a blank line.
      const parts = input.parts[Symbol.asyncIterator]();
      let next = await parts.next();
      while (!next.done) {
        const part = next.value;
        next = await parts.next();
        const text = carry + part.text;
        if (!part.last && text.length < 2 * TAIL) {
          carry = text;
          continue;
        }
        const following = next.done ? undefined : next.value;
        // Decided at a line's start, for all its parts (a long line inside a fence is code too).
        if (markdown && lineStart) code = markdownCode(text, part.line);
        lineStart = part.last;
        // Not into a list item, a table row or a heading, nor from one; nor into code.
        const runsOn = (next: TextPart) => next.line === part.line + 1 && scanner.runsOn(text) && /\S/.test(next.text) && !BLOCK_START.test(next.text) && !BLOCK_START.test(text) && !(markdown && (fence || frontMatter || fenceMarker(next.text)));
        const joined = !code && part.last && following && runsOn(following) ? `\n${lineHead(following.text, scanner.longest - 1)}` : '';
        const keep = part.last ? text.length : tailStart(text);
        const seen = done ? chars(text.slice(0, done)) : 0;
        const occurrences = code ? [] : scanner.feedPart(text + joined, part.line, carryColumn, keep).filter((o) => o.column - carryColumn >= seen);
        const firsts: Occurrence[] = [];
        let end = keep;
        for (const o of occurrences) {
          const at = { ...o, file: input.name };
          const f = found.get(o.n);
          if (f) f.count++;
          else {
            found.set(o.n, { n: o.n, ref: found.size + 1, count: 1, first: at });
            firsts.push(o);
          }
          if (json && !annotating) {
            const d = docOf(o.n);
            const entry = { id: d.id, name: d.name, title: d.title, ...(several ? { file: input.name } : {}), line: o.line, column: o.column, text: o.text, ...(f ? {} : { first: true, description: d.description }) };
            emit(`${written++ ? ',' : ''}\n  ${jsonLine(entry)}`);
          }
        }
        // Done to the tail, or to the end of a term that runs into it (or into the next line).
        const last = occurrences[occurrences.length - 1];
        if (last && (!part.last || joined)) end = Math.max(end, indexAfter(text + joined, last, carryColumn));
        if (annotating) {
          const shown = annotate(text + joined, done, end, carryColumn, firsts, (o) => (found.get(o.n) as Found).ref, theme, ctx.color && !json, json) + (part.last && end <= text.length ? '\n' : '');
          emit(json ? jsonInside(shown) : shown);
        }
        if (out.length >= 65536) await flush();
        if (part.last) {
          carry = '';
          carryColumn = 1;
          // A term that ran into the next line: that much of it is written and matched already.
          done = Math.max(0, end - text.length - 1);
        } else {
          carry = text.slice(keep);
          carryColumn += chars(text.slice(0, keep));
          done = Math.max(0, end - keep);
        }
      }
    }
  } catch (error) {
    if (json) {
      await flush();
      await closeJson();
    }
    throw error;
  }
  await flush();
  const groups = [...found.values()];
  for (const d of ctx.corpus.docs(lang, groups.map((g) => g.n).filter((n) => !docs.has(n)))) docs.set(d.n, d);
  // A file name on one line, its control characters escaped (`a\nb.txt` as typed, not two rows).
  const where = (o: Occurrence & { file: string }) => (several ? `${escapeLine(o.file)}:${o.line}` : `line ${o.line}`);
  const notes = groups.length === 0 ? [`no terms of the glossary in ${inputs.map((i) => (i.name === '-' ? 'the text' : i.name)).join(', ')}`] : [];
  // No terms found is exit 3, as a search or lookup that finds nothing (the output is still whole).
  const ended = (output: Output | undefined): Result => ({ ...ok(output, notes), exitCode: groups.length === 0 ? ExitCode.notFound : ExitCode.ok });
  if (json) {
    await closeJson();
    return ended(undefined);
  }
  if (annotating) {
    const { wrapLines } = await import('../render/ansi.js');
    const footnotes = groups.map((g) => {
      const d = docs.get(g.n) as SearchDoc;
      const ref = `[${g.ref}] `;
      const note = `${theme.label(d.title)} (${theme.name(d.name)}): ${d.description}`;
      // Styled (a terminal): wrapped between words under the note's text; piped, one line a note.
      if (!ctx.color) return `${ref}${note}`;
      const [first, ...rest] = wrapLines(note, Math.max(10, width - ref.length)).split('\n');
      return [`${theme.ref(ref.trimEnd())} ${first ?? ''}`, ...rest.map((line) => ' '.repeat(ref.length) + line)].join('\n');
    });
    return ended(footnotes.length ? text(`\n${footnotes.join('\n')}\n`) : undefined);
  }
  if (groups.length === 0) return ended(undefined);
  // The table rule of every listing (width.ts), as search lays out its lines: the name whole when
  // the line can hold it, the title up to a share, the count and where it first occurs whole, the
  // description in the rest; nothing wider than the width, a long field cut with … (never wrapped).
  const shown = groups.map((g) => docs.get(g.n) as SearchDoc);
  const counts = groups.map((g) => `${g.count}×`);
  const countWidth = Math.max(...counts.map((c) => c.length));
  const wheres = groups.map((g) => where(g.first));
  const whereWidth = Math.max(...wheres.map((w) => w.length));
  const nameWidth = Math.min(Math.max(...shown.map((d) => displayWidth(d.name))), Math.max(1, width - 2));
  // A title that would be cut to a few letters is left out (and the description with it): the
  // name is what to type next, the count and line are what scan tells.
  const withTitle = width - (nameWidth + countWidth + whereWidth + 3 * GAP) >= MIN_TITLE;
  const lines = fitColumns([
    { cells: shown.map((d) => d.name), style: theme.name, min: nameWidth },
    ...(withTitle ? [{ cells: shown.map((d) => d.title), share: TITLE_SHARE }] : []),
    { cells: counts.map((c) => c.padStart(countWidth)), min: countWidth },
    { cells: wheres, min: whereWidth },
    ...(withTitle ? [{ cells: shown.map((d) => d.description), style: theme.dim, flex: true }] : []),
  ], width);
  return ok(text(lines.join('\n') + '\n'), notes);
}

/** The index in `text` just after an occurrence (its column counted from `firstColumn`). */
function indexAfter(text: string, o: Occurrence, firstColumn: number): number {
  return indexOfColumn(text, o.column - firstColumn) + o.text.length;
}

/** The index in `text` of its `k`th character (code point), from 0. */
function indexOfColumn(text: string, k: number): number {
  let i = 0;
  for (let n = 0; n < k && i < text.length; n++) {
    const code = text.charCodeAt(i);
    i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
  }
  return i;
}

/** `text` from index `from` to `to`, each first occurrence marked: coloured, or followed by [n] when plain. */
/** The user's text as the terminal may get it: no escape or control character of its own (a colour it set stayed on after the run). */
const plainText = (text: string) => sanitize(text, false);

function annotate(text: string, from: number, to: number, firstColumn: number, firsts: Occurrence[], number: (o: Occurrence) => number, theme: Context['theme'], color: boolean, json = false): string {
  // In JSON the text is kept as it is (tabs, carriage returns): the JSON string escapes what it must.
  const plain = json ? (t: string) => t : plainText;
  let out = '';
  let at = from;
  for (const o of [...firsts].sort((a, b) => a.column - b.column)) {
    const start = indexOfColumn(text, o.column - firstColumn);
    const end = start + o.text.length;
    out += plain(text.slice(at, start));
    const word = plain(text.slice(start, end));
    out += color ? `${theme.link(word)}${theme.ref(`[${number(o)}]`)}` : `${word}[${number(o)}]`;
    at = end;
  }
  return out + plain(text.slice(at, Math.max(at, to)));
}
