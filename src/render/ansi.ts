// ANSI-aware helpers: wrapping with a hanging indent, and the last line of defence against escapes.
import { displayWidth } from '../width.js';
import wrapAnsi from 'wrap-ansi';
export { sanitize } from './sanitize.js';

const SGR = /\u001b\[[0-9;]*m/g;

/** Splits an ANSI string after `count` visible characters. */
function splitVisible(text: string, count: number): [string, string] {
  let seen = 0;
  let i = 0;
  while (i < text.length && seen < count) {
    if (text[i] === '\u001b') {
      const m = /^\u001b\[[0-9;]*m/.exec(text.slice(i));
      if (m) {
        i += m[0].length;
        continue;
      }
    }
    const cp = text.codePointAt(i) ?? 0;
    i += cp > 0xffff ? 2 : 1;
    seen++;
  }
  // Keep style codes that open right after the split with the tail.
  return [text.slice(0, i), text.slice(i)];
}

const PREFIX = /^(\s*(?:[*•–-] |\d{1,3}\. |│ ?)?)/;

/** Wraps each line to `width`, continuing list items and indented blocks under their text. */
export function wrapLines(text: string, width: number): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (displayWidth(line) <= width) {
      out.push(line);
      continue;
    }
    const plain = line.replace(SGR, '');
    let indent = (PREFIX.exec(plain)?.[1] ?? '').length;
    // Deeper than half the width: held at half, never back to column 0 (left of its parents).
    if (indent > width / 2) indent = Math.floor(width / 2);
    const [head, tail] = splitVisible(line, indent);
    const wrapped = wrapAnsi(tail, Math.max(1, width - indent), { hard: true, trim: true }).split('\n');
    wrapped.forEach((part, i) => out.push(i === 0 ? head + part : ' '.repeat(indent) + part));
  }
  return out.join('\n');
}

/** At most one blank line in a row; none at the start or end. */
export function collapseBlankLines(text: string): string {
  return text
    .split('\n')
    .map((l) => (l.replace(SGR, '').trim() === '' ? '' : l.replace(/\s+$/, '')))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}
