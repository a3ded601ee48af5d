// RFC 2229 (DICT) as data: a command line -> words, and the status lines and texts the server
// writes. Pure: the socket is src/edge/dict-server.ts.
import { ANY_ESCAPE, BIDI } from '../text.js';

/** A line the server reads is at most this long (RFC 2229 2.2: 1024 octets with the CRLF). */
export const MAX_LINE = 1024;

/**
 * What a backslash escapes in a command: a quote or a backslash. Any other backslash is kept: Debian's
 * dict sends a pattern as typed (`MATCH * re "^\(mo\)ms$"`), and a POSIX basic expression's `\(`,
 * `\{` or a `\.` must reach the strategy as written (they matched nothing when taken as escapes).
 */
const ESCAPED = `"'\\`;

/**
 * The words of a command line (RFC 2229 2.2): separated by spaces or tabs; a word may be quoted
 * with "..." or '...'; a backslash before a quote or a backslash takes it as it is (ESCAPED).
 * Undefined when a quote is not closed.
 */
export function parseWords(line: string): string[] | undefined {
  const words: string[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i] as string;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    let word = '';
    let quote: string | undefined;
    while (i < line.length) {
      const d = line[i] as string;
      if (quote) {
        if (d === '\\' && i + 1 < line.length && ESCAPED.includes(line[i + 1] as string)) {
          word += line[i + 1];
          i += 2;
          continue;
        }
        if (d === quote) {
          quote = undefined;
          i++;
          continue;
        }
        word += d;
        i++;
        continue;
      }
      if (d === ' ' || d === '\t') break;
      if (d === '"' || d === "'") quote = d;
      else if (d === '\\' && i + 1 < line.length && ESCAPED.includes(line[i + 1] as string)) {
        word += line[i + 1];
        i++;
      } else word += d;
      i++;
    }
    if (quote) return undefined;
    words.push(word);
  }
  return words;
}

/**
 * A word as a DICT quoted string: in double quotes; in single quotes when it has a `"` (and no `'`
 * or `\`), since Debian's dict client reads no escapes in answers (a title `Aktie "A"` showed as
 * `"Aktie \A""`, and a folder named `c"q` in SHOW DB aborted it); else with `"` and `\` escaped
 * (RFC 2229 2.2).
 */
export function quote(word: string, max = 400): string {
  const line = shortened(oneLine(word), max - 2);
  if (line.includes('"') && !line.includes("'") && !line.includes('\\')) return `'${line}'`;
  return `"${line.replace(/[\\"]/g, (c) => '\\' + c)}"`;
}

/**
 * `text` in at most `max` UTF-8 octets (escapes counted as if every character needed one), ended
 * by `…` when cut: a status or MATCH line must stay within MAX_LINE octets, one line, or a client
 * cannot read the answer (a 1,000-byte title broke Debian's dict). Only a pathological name is cut.
 */
function shortened(text: string, max: number): string {
  const [first] = cutOctets(text, Math.floor(max / 2));
  return first === text ? text : `${cutOctets(text, Math.floor(max / 2) - 3)[0]}…`;
}

/**
 * No control character, no line break: what may stand inside a status line or a quoted word. An
 * escape sequence goes whole (`\x1b[31m`: its ESC alone left `[31m` in the answer).
 */
export function oneLine(text: string): string {
  return text.replace(ANY_ESCAPE, '').replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(BIDI, ' ');
}

/** A status line: the code, its text, CRLF. */
export function status(code: number, text: string): string {
  return `${code} ${oneLine(text)}\r\n`;
}

/**
 * A text response body (RFC 2229 2.4.3): each line ended by CRLF, a line starting with `.` given a
 * second one, then the line `.` alone. Long lines are cut so that none passes MAX_LINE octets.
 * With `mime` (the client sent OPTION MIME), an empty line is sent as one space: GoldenDict, which
 * always sends OPTION MIME, shows each line of a text as an HTML block, and an empty block has no
 * height, so the blank lines between paragraphs vanished there (seen in GoldenDict 1.5.0 under
 * Xvfb). `dict` without -M gets the empty line as it is.
 */
export function textBlock(text: string, mime = false): string {
  const out: string[] = [];
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  for (const raw of lines) {
    const line = oneLine(raw).trimEnd();
    if (line === '' && mime) {
      out.push(' ');
      continue;
    }
    for (const piece of cutOctets(line, MAX_LINE - 3)) out.push(piece.startsWith('.') ? '.' + piece : piece);
  }
  return out.map((l) => l + '\r\n').join('') + '.\r\n';
}

/** `line` cut into pieces of at most `max` UTF-8 octets, never inside a character. */
export function cutOctets(line: string, max: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let size = 0;
  for (const ch of line) {
    const cp = ch.codePointAt(0) as number;
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (size + n > max) {
      pieces.push(piece);
      piece = '';
      size = 0;
    }
    piece += ch;
    size += n;
  }
  pieces.push(piece);
  return pieces;
}

/** The MIME header a text begins with once the client has sent OPTION MIME (RFC 2229 3.10.1). */
export const MIME_HEADER = 'Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n';
