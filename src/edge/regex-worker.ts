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
    if (performance.now() - start > budget) {
      parentPort.postMessage({ id, found, early: i + 1 < words.length });
      return;
    }
  }
  parentPort.postMessage({ id, found, early: false });
});
`;

/** Matches running at once, each in a worker of its own; more wait for one to be free. */
const MAX_WORKERS = 4;
/** Matches that may wait for a worker; one more is refused ('busy'), not queued without end. */
const MAX_WAITING = 16;

/**
 * Worker threads for MATCH by a regular expression. Each match has a worker to itself, so that
 * stopping one that outlasts its time stops no other client's match (one shared worker did: a
 * pattern queued behind a slow one was answered as too slow too). A match waiting for a worker
 * has its time counted from when it starts.
 */
export class RegexWorker {
  private idle: Worker[] = [];
  private busy = 0;
  /** Matches waiting for a worker: `wake(true)` hands one a worker's place, `wake(false)` drops it. */
  private waiting: Array<{ wake: (place: boolean) => void; gone: () => boolean }> = [];
  private closed = false;

  /**
   * The words `re` matches (at most `limit`, within `budgetMs` of matching; `early` when the budget
   * ended it before the last word), or 'timeout' when one test outlasts `deadlineMs` (then its
   * worker is stopped), 'busy' when too many matches wait, 'gone' when `gone()` says its client left
   * while it waited.
   */
  async match(re: RegExp, words: string[], limit: number, budgetMs: number, deadlineMs: number, gone: () => boolean = () => false): Promise<{ found: string[]; early: boolean } | 'timeout' | 'busy' | 'gone'> {
    if (this.busy >= MAX_WORKERS) {
      // Those whose clients went away while they waited give up their places.
      for (const w of this.waiting.filter((x) => x.gone())) {
        this.waiting.splice(this.waiting.indexOf(w), 1);
        w.wake(false);
      }
      if (this.waiting.length >= MAX_WAITING) return 'busy';
      const place = await new Promise<boolean>((wake) => this.waiting.push({ wake, gone }));
      if (!place) return 'gone';
      // Its client went away, or the server stops, as it was woken: its place goes to the next.
      if (gone() || this.closed) {
        this.waiting.shift()?.wake(true);
        return 'gone';
      }
    }
    this.busy++;
    const worker = this.idle.pop() ?? this.start();
    try {
      return await new Promise<{ found: string[]; early: boolean } | 'timeout'>((done) => {
        const timer = setTimeout(() => {
          worker.off('message', answer);
          void worker.terminate();
          done('timeout');
        }, deadlineMs);
        const answer = (m: { found: string[]; early: boolean }) => {
          clearTimeout(timer);
          worker.off('message', answer);
          if (!this.closed && this.idle.length < MAX_WORKERS) this.idle.push(worker);
          else void worker.terminate();
          done({ found: m.found, early: m.early });
        };
        worker.on('message', answer);
        worker.postMessage({ id: 0, source: re.source, flags: re.flags, words, limit, budget: budgetMs });
      });
    } finally {
      this.busy--;
      this.waiting.shift()?.wake(true);
    }
  }

  private start(): Worker {
    const worker = new Worker(SOURCE, { eval: true });
    // An idle worker does not keep the process alive: SIGTERM and the end of the server end it.
    worker.unref();
    worker.on('error', () => {
      this.idle = this.idle.filter((w) => w !== worker);
    });
    return worker;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w.wake(false);
    const idle = this.idle;
    this.idle = [];
    await Promise.all(idle.map((w) => w.terminate()));
  }
}
