// The last line of defence: no control character from content reaches the terminal.
import { ANY_ESCAPE, BIDI, stripControl } from '../text.js';

const SGR = /\u001b\[[0-9;]*m/g;

/**
 * Removes every control character from `text`; with `keepStyle`, SGR colour sequences (the only
 * escapes glossary writes itself) survive, everything else (cursor moves, OSC, C1) does not.
 */

// Line and paragraph separators: a new line to some terminals and editors, none to others.
const SEPARATORS = /[\u2028\u2029]/g;

export function sanitize(text: string, keepStyle: boolean): string {
  // A tab is harmless but has no width of its own: it would break every wrapped line. A soft
  // hyphen is measured as nothing, but tmux and glibc give it a column: lines ran past the width.
  text = text.replace(/\t/g, ' ').replace(BIDI, '').replace(SEPARATORS, ' ').replace(/\u00ad/g, '');
  if (!keepStyle) return stripControl(text);
  const kept: string[] = [];
  const marked = text.replace(/\u0000/g, '').replace(SGR, (seq) => {
    kept.push(seq);
    return '\u0000';
  });
  let i = 0;
  return marked
    .replace(ANY_ESCAPE, '')
    .replace(/[\u0001-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
    .replace(/\u0000/g, () => kept[i++] ?? '');
}


/**
 * One line of a message on stderr: control characters from a file name or an argument are shown
 * escaped (`\n` as `\n`, ESC as `\x1b`), so that a name can neither forge a second
 * `glossary:` line nor move the cursor. The final newline stays.
 */
/** A word of a message longer than this is cut (a 128 KB argument is not repeated back). */
export const MESSAGE_WORD = 160;
/** And a whole message line longer than this. */
export const MESSAGE_LINE = 2000;

/** `text` with every run of non-space characters over MESSAGE_WORD, and the whole over MESSAGE_LINE, cut with "…". */
export function cutLong(text: string): string {
  const words = text.replace(new RegExp(`\\S{${MESSAGE_WORD + 1},}`, 'g'), (w) => `${[...w].slice(0, MESSAGE_WORD - 40).join('')}…${[...w].slice(-20).join('')}`);
  return words.length > MESSAGE_LINE ? `${words.slice(0, MESSAGE_LINE - 100)}…${words.slice(-99)}` : words;
}

export function escapeLine(text: string): string {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  // Escaped, not dropped: a file name is shown as it is, so that it can be typed (`bad\u202eyaml.md`
  // showed as `badyaml.md`, and a tab as a space: names that do not exist).
  const escaped = cutLong(body)
    .replace(BIDI, (c) => `\\u${c.charCodeAt(0).toString(16)}`)
    .replace(SEPARATORS, (c) => `\\u${c.charCodeAt(0).toString(16)}`)
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === '\r' ? '\\r' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
  return body.length === text.length ? escaped : `${escaped}\n`;
}
