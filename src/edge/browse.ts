// A small reader on a terminal: follow an article's numbered links, go back, quit (like info).
import { createInterface } from 'node:readline/promises';

export interface BrowseStep {
  /** What the reader typed: a link number, back or quit. */
  action: { follow: number } | 'back' | 'quit';
}

/** Asks once; end of input or Ctrl-C count as quit. */
export async function askNext(links: number, canGoBack: boolean): Promise<BrowseStep['action']> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  // Ctrl-C at the prompt leaves the reader, as q does.
  const abort = new AbortController();
  rl.on('SIGINT', () => abort.abort());
  const options = [links ? `1-${links} follow a link` : '', canGoBack ? 'b back' : '', 'q quit'].filter(Boolean).join(', ');
  try {
    for (;;) {
      const answer = (await rl.question(`${options}: `, { signal: abort.signal })).trim().toLowerCase();
      if (answer === 'q' || answer === 'quit') return 'quit';
      if ((answer === 'b' || answer === 'back') && canGoBack) return 'back';
      const n = Number(answer);
      if (Number.isInteger(n) && n >= 1 && n <= links) return { follow: n };
    }
  } catch {
    return 'quit';
  } finally {
    rl.close();
  }
}
