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
  // One character at a time, measuring each once (measuring the growing prefix was quadratic).
  for (const char of text) {
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
