// A progress line on stderr for long work (compiling or checking a large folder): shown only on a
// terminal, only once the work has taken a second, redrawn at most ten times a second, and erased
// when the work is done, so that what follows starts on a clean line.

export type Phase = 'reading' | 'indexing' | 'writing';

export interface Progress {
  update(phase: Phase, done: number, total: number): void;
  end(): void;
}

export const silentProgress: Progress = { update() {}, end() {} };

const number = (n: number) => Math.round(n).toLocaleString('en-US');

/** The text of the line: what, how far, and (while reading) the rate and time left. */
export function progressText(label: string, phase: Phase, done: number, total: number, elapsedMs: number): string {
  if (phase === 'indexing') return `${label}: indexing ${number(done)} of ${number(total)} articles`;
  if (phase !== 'reading') return `${label}: ${phase}...`;
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const left = rate > 0 ? Math.ceil((total - done) / rate) : undefined;
  return `${label}: ${number(done)} of ${number(total)} files${rate > 0 ? ` (${number(rate)}/s${left !== undefined ? `, ${left} s left` : ''})` : ''}`;
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
      last = t;
      shown = true;
      const width = Math.max(20, (stream.columns ?? 80) - 1);
      stream.write(`\r${progressText(label, phase, done, total, t - start).slice(0, width)}\u001b[K`);
    },
    end() {
      if (shown) stream.write('\r\u001b[K');
      shown = false;
    },
  };
}
