// Display width: the one measure of how many terminal columns a text takes, used by every
// command that aligns, pads, cuts or wraps.
import stringWidth from 'string-width';

const SGR = /\u001b\[[0-9;]*m/g;

/**
 * Text whose every character takes exactly one column: printable ASCII and the Latin blocks up to
 * U+02FF (less the soft hyphen, which takes none), general punctuation such as dashes, quotes and
 * the ellipsis, and box drawing. Almost every name and sentence of a Danish corpus is such text, and
 * measuring it needs no Unicode tables (loading them costs ~40 ms; see src/shims/string-width.ts).
 */
export const NARROW = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u20ac\u2190-\u21ff\u2500-\u257f]*$/;

/** Columns `text` takes on a terminal (SGR styling ignored): wide (CJK) 2, combining marks 0. */
export function displayWidth(text: string): number {
  const plain = text.includes('\u001b') ? text.replace(SGR, '') : text;
  return NARROW.test(plain) ? plain.length : stringWidth(plain);
}

/** Cuts `text` to at most `width` columns, with an ellipsis when anything was cut. */
export function cut(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const room = width <= 1 ? width : width - 1;
  let out = '';
  let used = 0;
  // One character (grapheme: a letter with its combining marks) at a time, measuring each once
  // (measuring the growing prefix was quadratic); a cut never splits a letter from its marks.
  const chars = NARROW.test(text) ? text : [...new Intl.Segmenter().segment(text)].map((g) => g.segment);
  for (const char of chars) {
    const w = displayWidth(char);
    if (used + w > room) break;
    out += char;
    used += w;
  }
  return width <= 1 ? out : out + '…';
}

/** Pads `text` with spaces to `width` columns. */
export function pad(text: string, width: number): string {
  const length = displayWidth(text);
  return length >= width ? text : text + ' '.repeat(width - length);
}

/** A column of a listing: its cells, how to style them, whether it takes the room that is left. */
export interface Column {
  cells: string[];
  style?: (text: string) => string;
  /** The description: it gets what the other columns leave, and is dropped below `MIN_FLEX` columns. */
  flex?: boolean;
  /** The column is never cut below this (a name: what the user types next). */
  min?: number;
  /** The column is never wider than this share of the width (a title beside a description). */
  share?: number;
}

/** The flex column is shown only with at least this many columns for it. */
export const MIN_FLEX = 10;

/** A listing's name column takes at most this many columns: one long name must not leave the titles one letter. */
const NAME_COLUMN_CAP = 40;

/** The least width of a listing's name column: the longest name, at most 40 columns or half the line (at least 12). */
export function nameColumnMin(names: string[], width: number): number {
  return Math.min(NAME_COLUMN_CAP, names.reduce((max, n) => Math.max(max, displayWidth(n)), 0), Math.max(12, Math.floor(width / 2)));
}
const GAP = 2;

/**
 * The one table rule of every listing: columns fit `width`, measured by display width; a long
 * field is cut with … at a character boundary (never wrapped); the flex column (the description)
 * gets the room the others leave. Lines are returned without trailing spaces.
 */
export function fitColumns(columns: Column[], width: number): string[] {
  const rows = Math.max(0, ...columns.map((c) => c.cells.length));
  const natural = columns.map((c) => Math.max(0, ...c.cells.map(displayWidth)));
  const widths = columns.map((c, i) => (c.flex ? 0 : Math.min(natural[i] as number, c.share ? Math.max(c.min ?? 1, Math.floor(width * c.share)) : Infinity)));
  const fixed = columns.filter((c) => !c.flex);
  const used = () => widths.reduce((a, w, i) => a + (columns[i]?.flex ? 0 : w), 0) + GAP * (fixed.length - 1);
  // One column never takes more than half the width while a description waits (a 200-character
  // id must not push everything else off the line), unless its minimum says otherwise.
  const flexAt = columns.findIndex((c) => c.flex);
  if (flexAt >= 0 && (natural[flexAt] as number) > 0) {
    const half = Math.floor(width / 2);
    columns.forEach((c, i) => {
      if (!c.flex && (widths[i] as number) > half) widths[i] = Math.max(c.min ?? 1, half);
    });
  }
  // Too wide: the fixed columns shrink, the last first, down to their minimum (at least 1).
  for (let i = columns.length - 1; i >= 0 && used() > width; i--) {
    if (columns[i]?.flex) continue;
    const over = used() - width;
    widths[i] = Math.max(columns[i]?.min ?? 1, (widths[i] as number) - over);
  }
  for (let i = columns.length - 1; i >= 0 && used() > width; i--) {
    if (columns[i]?.flex) continue;
    widths[i] = Math.max(1, (widths[i] as number) - (used() - width));
  }
  const flexRoom = width - used() - GAP;
  const flexIndex = columns.findIndex((c) => c.flex);
  const showFlex = flexIndex >= 0 && flexRoom >= MIN_FLEX && (natural[flexIndex] as number) > 0;
  if (flexIndex >= 0) widths[flexIndex] = showFlex ? Math.min(flexRoom, natural[flexIndex] as number) : 0;
  const shown = columns.map((c, i) => ({ c, w: widths[i] as number })).filter(({ c, w }) => (c.flex ? showFlex : w > 0));
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    const parts = shown.map(({ c, w }, k) => {
      const cell = c.cells[r] ?? '';
      const text = k === shown.length - 1 ? cut(cell, w) : pad(cut(cell, w), w);
      return c.style && cell ? c.style(text) : text;
    });
    lines.push(parts.join(' '.repeat(GAP)).trimEnd());
  }
  return lines;
}
