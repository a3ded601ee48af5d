// MATCH by a regular expression, run in a worker thread the server can stop. A pattern may
// backtrack for minutes over one headword (`((.+))+x$`, `.*.*.*.*x$`), and a running match can
// be neither interrupted nor timed from the thread that started it: it froze the whole server,
// every client and SIGTERM with it. The worker is stopped when a match outlasts its time, and a
// new one started for the next pattern.
import { Worker } from 'node:worker_threads';

/** The worker's code: the headwords a pattern matches, in order, each once, within a time. */
const SOURCE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, source, flags, words, limit, budget }) => {
  const re = new RegExp(source, flags);
  const start = performance.now();
  const found = [];
  const seen = new Set();
  for (let i = 0; i < words.length && found.length < limit; i++) {
    const w = words[i];
    if (!seen.has(w) && re.test(w)) {
      seen.add(w);
      found.push(w);
    }
    if (performance.now() - start > budget) break;
  }
  parentPort.postMessage({ id, found });
});
`;

export class RegexWorker {
  private worker: Worker | undefined;
  private next = 0;

  /**
   * The words `re` matches (at most `limit`, within `budgetMs` of matching), or 'timeout' when one
   * test outlasts `deadlineMs`: then the worker is stopped.
   */
  async match(re: RegExp, words: string[], limit: number, budgetMs: number, deadlineMs: number): Promise<string[] | 'timeout'> {
    const worker = (this.worker ??= this.start());
    const id = ++this.next;
    return new Promise((done) => {
      const timer = setTimeout(() => {
        worker.off('message', answer);
        if (this.worker === worker) this.worker = undefined;
        void worker.terminate();
        done('timeout');
      }, deadlineMs);
      const answer = (m: { id: number; found: string[] }) => {
        if (m.id !== id) return;
        clearTimeout(timer);
        worker.off('message', answer);
        done(m.found);
      };
      worker.on('message', answer);
      worker.postMessage({ id, source: re.source, flags: re.flags, words, limit, budget: budgetMs });
    });
  }

  private start(): Worker {
    const worker = new Worker(SOURCE, { eval: true });
    // An idle worker does not keep the process alive: SIGTERM and the end of the server end it.
    worker.unref();
    worker.on('error', () => {
      if (this.worker === worker) this.worker = undefined;
    });
    return worker;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }
}
