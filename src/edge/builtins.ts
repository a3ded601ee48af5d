// Node built-ins that only some runs need, loaded on first use. `node:tty` pulls in net and
// streams and `node:child_process` more (together ~6 ms of a ~30 ms start here); a lookup printed
// to a file or pipe needs neither.
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

export const tty = (): typeof import('node:tty') => load('node:tty') as typeof import('node:tty');
export const childProcess = (): typeof import('node:child_process') => load('node:child_process') as typeof import('node:child_process');
export const v8 = (): typeof import('node:v8') => load('node:v8') as typeof import('node:v8');
