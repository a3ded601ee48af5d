// The worker of parse-pool.ts: parses the files it is given and sends the results back a batch at a
// time (held until the end, they and their copy in transit were a peak of memory of their own).
import { parentPort } from 'node:worker_threads';
import { parseForStore, type ParseJob } from './parse-pool.js';

parentPort?.on('message', (job: ParseJob) => {
  if (job.fail) throw new Error('the parse worker failed, as a test asked');
  let batch = [];
  for (let i = 0; i < job.entries.length; i++) {
    batch.push(parseForStore(job.entries[i] as ParseJob['entries'][number], job.keepSource));
    if (batch.length === job.batch) {
      parentPort?.postMessage({ batch, done: i + 1 });
      batch = [];
    }
  }
  parentPort?.postMessage({ batch, done: job.entries.length, end: true });
});
