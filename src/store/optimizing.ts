// bin/glossary.js runs a search without V8's optimising compiler (see there): a search ends before
// it pays for itself. A run that compiles a folder does seconds of work, for which it does.
import { v8 } from '../edge/builtins.js';

/**
 * Tells bin/glossary.js not to keep this run's code cache: a run that compiled or checked a corpus
 * holds three times the functions (a slower cache for every later lookup), and one that changed
 * V8's flags made a cache the next run would reject.
 */
export function keepNoCodeCache(): void {
  (globalThis as { __glossaryHeavyRun?: boolean }).__glossaryHeavyRun = true;
}

/**
 * V8's optimising compiler on from here (worker threads started later have it too), for work long
 * enough to gain from it. node:v8 is loaded here, not at start-up: loading it costs 1.5 ms.
 */
export function optimizeFromHere(): void {
  keepNoCodeCache();
  v8().setFlagsFromString('--turbofan');
}
