// The texts given to `scan`: files or standard input, read a chunk at a time and decoded as
// UTF-8 as they come, a line (or a part of a long line) at a time; refused with a one-line error that names the file when
// they are missing, a folder, binary or not UTF-8.
import { createReadStream, fstatSync, statSync } from 'node:fs';
import { InputError } from '../errors.js';
import type { ScanInput, TextPart } from '../commands/scan.js';

/**
 * The parts of a line handed on at most: a longer line is handed on in parts of this size, so
 * that memory does not grow with a line's length (a 50 MB text without a newline).
 */
export const PART = 64 * 1024;

/** Lines of a byte stream, checked: a NUL byte is binary, invalid UTF-8 is named with its line. */
async function* partsOf(name: string, chunks: AsyncIterable<Buffer | string>): AsyncIterable<TextPart> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending = '';
  let line = 1;
  const shown = name === '-' ? 'standard input' : name;
  let first = true;
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    // UTF-16 (a byte-order mark, as Windows' Notepad saves "Unicode") is text in another encoding.
    if (first && bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) throw new InputError(`${shown} is UTF-16 text: save it as UTF-8`);
    first = false;
    if (bytes.includes(0)) throw new InputError(`${shown} is a binary file, not text: give a text or Markdown file`);
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      // The line of the first bad byte: the lines before it in this chunk, decoded leniently.
      const lenient = new TextDecoder('utf-8').decode(bytes);
      const before = lenient.slice(0, Math.max(0, lenient.indexOf('\ufffd')));
      const at = line + (pending.match(/\n/g)?.length ?? 0) + (before.match(/\n/g)?.length ?? 0);
      throw new InputError(`${shown} is not valid UTF-8 (line ${at}): save it as UTF-8`);
    }
    pending += text;
    let start = 0;
    for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n', start)) {
      yield { text: pending.slice(start, end).replace(/\r$/, ''), line, last: true };
      line++;
      start = end + 1;
    }
    // What is left has no newline: handed on in parts while it is long, never a half character.
    while (pending.length - start > PART) {
      let end = start + PART;
      const code = pending.charCodeAt(end - 1);
      if (code >= 0xd800 && code <= 0xdbff) end--;
      yield { text: pending.slice(start, end), line, last: false };
      start = end;
    }
    pending = pending.slice(start);
  }
  try {
    pending += decoder.decode();
  } catch {
    throw new InputError(`${shown} is not valid UTF-8 (it ends inside a character): save it as UTF-8`);
  }
  if (pending !== '') yield { text: pending.replace(/\r$/, ''), line, last: true };
}

/** Standard input as scan reads it: refused when closed or a folder, before anything is read. */
function checkStdin(): void {
  let stats;
  try {
    stats = fstatSync(0);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'EBADF' ? 'standard input is closed: give a file, or pipe a text in' : `cannot read standard input (${code ?? 'error'})`);
  }
  if (stats.isDirectory()) throw new InputError('standard input is a folder: give a text file, or pipe a text in');
}

export function scanInputs(names: string[], stdin: () => AsyncIterable<Buffer | string>): ScanInput[] {
  const given = names.length ? names : ['-'];
  // Every file is checked before any is read: a typo in the third name fails at once.
  for (const name of given) {
    if (name === '-') {
      checkStdin();
      continue;
    }
    let isFile = false;
    try {
      const stats = statSync(name);
      if (stats.isDirectory()) throw new InputError(`${name} is a folder: give a text file (or - for standard input)`);
      isFile = stats.isFile() || stats.isFIFO() || stats.isCharacterDevice();
    } catch (error) {
      if (error instanceof InputError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      // A name that is not UTF-8 reaches the program with U+FFFD for its bad bytes: no such name exists.
      if (code === 'ENOENT' && name.includes('\ufffd')) throw new InputError(`${name}: the file name is not valid UTF-8, so it cannot be opened: rename the file`);
      throw new InputError(code === 'ENOENT' ? `${name}: no such file` : `cannot read ${name} (${code ?? 'error'})`);
    }
    if (!isFile) throw new InputError(`${name} is not a regular file: give a text file`);
  }
  return given.map((name) => ({
    name,
    parts: partsOf(name, name === '-' ? stdin() : readFile(name)),
  }));
}

async function* readFile(name: string): AsyncIterable<Buffer> {
  try {
    for await (const chunk of createReadStream(name, { highWaterMark: 256 * 1024 })) yield chunk as Buffer;
  } catch (error) {
    throw new InputError(`cannot read ${name} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
