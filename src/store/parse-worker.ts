// The worker of parse-pool.ts: parses the files it is given and sends the results back.
import { parentPort } from 'node:worker_threads';
import { parseForStore, type ParseJob } from './parse-pool.js';

parentPort?.on('message', (job: ParseJob) => {
  const results = job.entries.map((entry, i) => {
    if (i % 500 === 499) parentPort?.postMessage({ done: i + 1 });
    return parseForStore(entry, job.keepSource);
  });
  parentPort?.postMessage({ results });
});
