// A progress line on stderr for long work (compiling or checking a large folder): shown only on a
// terminal, only once the work has taken a second, redrawn at most ten times a second, and erased
// when the work is done, so that what follows starts on a clean line.

import { cut, displayWidth } from './width.js';

export type Phase = 'reading' | 'indexing' | 'writing';

export interface Progress {
  update(phase: Phase, done: number, total: number): void;
  end(): void;
}

/** Columns below which no progress line is drawn. */
const MIN_COLUMNS = 24;

export const silentProgress: Progress = { update() {}, end() {} };

const number = (n: number) => Math.round(n).toLocaleString('en-US');

/** How far: the phase, the count and (while reading, unless `short`) the rate and time left. */
function progressOf(phase: Phase, done: number, total: number, elapsedMs: number, short = false): string {
  if (phase === 'indexing') return `indexing ${number(done)} of ${number(total)} articles`;
  if (phase !== 'reading') return `${phase}...`;
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const left = rate > 0 ? Math.ceil((total - done) / rate) : undefined;
  return `${number(done)} of ${number(total)} files${rate > 0 && !short ? ` (${number(rate)}/s${left !== undefined ? `, ${left} s left` : ''})` : ''}`;
}

/** The label with its middle left out to fit `room` columns: its beginning, an ellipsis, its end. */
function shortened(label: string, room: number): string {
  const head = cut(label, Math.ceil(room / 2));
  const tailRoom = room - displayWidth(head);
  const chars = [...label];
  let tail = '';
  while (chars.length > 0 && displayWidth((chars.at(-1) as string) + tail) <= tailRoom) tail = (chars.pop() as string) + tail;
  return head + tail;
}

/**
 * The text of the line: what, how far, and (while reading) the rate and time left; within `width`
 * columns when given. What gives way first: the label's middle (a deep folder's path), then the
 * rate and time left, then the label down to a few columns; the count stays whole while it fits.
 */
export function progressText(label: string, phase: Phase, done: number, total: number, elapsedMs: number, width = Infinity): string {
  const MIN_LABEL = 12;
  for (const short of [false, true]) {
    const rest = `: ${progressOf(phase, done, total, elapsedMs, short)}`;
    if (displayWidth(label) + displayWidth(rest) <= width) return label + rest;
    const room = width - displayWidth(rest);
    if (room >= MIN_LABEL) return shortened(label, room) + rest;
  }
  return cut(label + `: ${progressOf(phase, done, total, elapsedMs, true)}`, width);
}

/**
 * A progress line written to `stream` (a terminal: the caller decides). `label` is shown as given:
 * the caller escapes anything that came from the user.
 */
export function progressLine(stream: { write(text: string): unknown; columns?: number }, label: string, now: () => number = Date.now, delayMs = 1000): Progress {
  const start = now();
  let last = 0;
  let shown = false;
  return {
    update(phase, done, total) {
      const t = now();
      if (t - start < delayMs || (t - last < 100 && done < total)) return;
      // A terminal narrower than that gets no line: it would wrap, and each redraw leave a line behind.
      if ((stream.columns ?? 80) < MIN_COLUMNS) return;
      last = t;
      shown = true;
      const width = (stream.columns ?? 80) - 1;
      stream.write(`\r${progressText(label, phase, done, total, t - start, width)}\u001b[K`);
    },
    end() {
      if (shown) stream.write('\r\u001b[K');
      shown = false;
    },
  };
}
