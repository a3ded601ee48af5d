// ANSI-aware helpers: wrapping with a hanging indent, and the last line of defence against escapes.
import wrapAnsi from 'wrap-ansi';

const SGR = /\u001b\[[0-9;]*m/g;
// Any escape sequence (CSI, OSC with BEL or ST, other ESC forms), then stray C0/C1 controls.
const ANY_ESCAPE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[PX^_][^\u001b]*(?:\u001b\\)?|\u001b[@-Z\\-_]?/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function visibleLength(text: string): number {
  return [...text.replace(SGR, '')].length;
}

/**
 * Removes every control character from `text`; with `keepStyle`, SGR colour sequences (the only
 * escapes glossary writes itself) survive, everything else (cursor moves, OSC, C1) does not.
 */
export function sanitize(text: string, keepStyle: boolean): string {
  if (!keepStyle) return text.replace(ANY_ESCAPE, '').replace(CONTROL, '');
  const kept: string[] = [];
  const marked = text.replace(SGR, (seq) => {
    kept.push(seq);
    return '\u0000';
  });
  let i = 0;
  return marked
    .replace(ANY_ESCAPE, '')
    .replace(/[\u0001-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
    .replace(/\u0000/g, () => kept[i++] ?? '');
}

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
    if (visibleLength(line) <= width) {
      out.push(line);
      continue;
    }
    const plain = line.replace(SGR, '');
    let indent = (PREFIX.exec(plain)?.[1] ?? '').length;
    if (indent > width / 2) indent = 0;
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
