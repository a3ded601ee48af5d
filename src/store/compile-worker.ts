// The worker of language-job.ts: compiles the one language it is posted, parsing its files on both
// cores as the main thread would (parse-pool.ts), and posts back what it wrote.
import { parentPort } from 'node:worker_threads';
import { serveJob, type WorkerMessage } from './language-job.js';
import { parseEntries } from './parse-pool.js';

const post = (m: WorkerMessage) => parentPort?.postMessage(m);
const serve = serveJob(post, (entries, onParsed) => parseEntries(entries, false, onParsed));
parentPort?.once('message', (m) => void serve(m));
