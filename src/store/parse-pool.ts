// Parsing many files on both cores: a worker thread takes half of the files while this thread
// parses the other half. Only for large folders (starting a worker and loading the parser into it
// costs ~60 ms); results come back without the source text when the store does not keep it.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParseResult } from '../corpus/article.js';
import { parseEntry } from './compilation.js';
import type { SourceEntry } from './source.js';
import { bundledWorker, testSwitch } from './threads.js';

/** Fewer files than this are parsed here: a worker would cost more than it saves. */
export const PARALLEL_MIN = 2000;

/** The worker sends its results this many at a time. */
const PARSE_BATCH = 500;

export interface ParseJob {
  entries: SourceEntry[];
  keepSource: boolean;
  /** Results a message (PARSE_BATCH; fewer in tests). */
  batch: number;
  /** Test-only: the worker fails on its first file. */
  fail?: boolean;
}

/** One file parsed, its text dropped unless kept: a --content store reads it from the file. */
export function parseForStore(entry: SourceEntry, keepSource: boolean): ParseResult {
  const result = parseEntry(entry);
  if (!keepSource && result.kind === 'article') {
    result.article.source = '';
    result.article.body = '';
  }
  return result;
}

/**
 * A parse result to hold while the rest are parsed: its strings copied out of the file's text. A
 * title, a link's text or a description is a slice of that text, and a slice keeps the whole text
 * alive: 100,000 parsed articles held 894 MB, about the size of their Markdown; copied, 406 MB. A
 * result sent by the parse worker is copied already, by postMessage.
 */
function toHold(result: ParseResult, keepSource: boolean): ParseResult {
  return keepSource ? result : structuredClone(result);
}

export async function parseEntries(entries: SourceEntry[], keepSource: boolean, onProgress?: (done: number, total: number) => void): Promise<ParseResult[]> {
  const total = entries.length;
  const file = bundledWorker('parse-worker');
  // Test-only: GLOSSARY_TEST_PARSE=MIN[,batch=B][,fail] parses MIN files or more on both cores, B
  // results a message, and with `fail` the worker fails at once (this thread parses its files).
  const test = testSwitch('GLOSSARY_TEST_PARSE');
  const batch = test?.value('batch') ?? PARSE_BATCH;
  if (total < (test?.min ?? PARALLEL_MIN) || !file || availableParallelism() < 2) {
    // A few files are held briefly: copying their strings would cost more than it saves.
    const hold = total >= PARALLEL_MIN;
    return entries.map((e, i) => {
      onProgress?.(i + 1, total);
      const result = parseForStore(e, keepSource);
      return hold ? toHold(result, keepSource) : result;
    });
  }
  const half = Math.floor(total / 2);
  const theirs = entries.slice(half);
  let theirsDone = 0;
  const worker = new Worker(file);
  const received: ParseResult[] = [];
  const result = new Promise<ParseResult[]>((resolve, reject) => {
    worker.on('message', (m: { done: number; batch: ParseResult[]; end?: boolean }) => {
      for (const r of m.batch) received.push(r);
      theirsDone = m.done;
      if (m.end) resolve(received);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`the parse worker stopped (exit ${code})`)));
  });
  // Nothing awaits the worker while this thread parses: a failure then would be unhandled, and end the process.
  result.catch(() => undefined);
  worker.postMessage({ entries: theirs, keepSource, batch, ...(test?.flag('fail') ? { fail: true } : {}) } satisfies ParseJob);
  // Ours a batch at a time, letting the worker's batches in between: held in its port until the
  // end, they were a peak of memory, and the progress stood still at half.
  const ours: ParseResult[] = [];
  for (let i = 0; i < half; i++) {
    ours.push(toHold(parseForStore(entries[i] as SourceEntry, keepSource), keepSource));
    onProgress?.(i + 1 + theirsDone, total);
    if (i % batch === batch - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  try {
    const rest = await result;
    onProgress?.(total, total);
    return [...ours, ...rest];
  } catch {
    // Whatever stopped the worker, the files can still be parsed here.
    return [...ours, ...theirs.map((e) => toHold(parseForStore(e, keepSource), keepSource))];
  } finally {
    void worker.terminate();
  }
}
