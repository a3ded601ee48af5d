// Stand-in for node:child_process in the bundle. commander requires it at load time, for
// executable subcommands that glossary does not have; loading it pulls in net, dgram and streams
// (~10 ms of every start). The real module is loaded if anything ever calls it.
import { createRequire } from 'node:module';

type ChildProcess = typeof import('node:child_process');
const load = (): ChildProcess => createRequire(import.meta.url)('node:child_process') as ChildProcess;

export const spawn: ChildProcess['spawn'] = ((...args: unknown[]) => (load().spawn as (...a: unknown[]) => unknown)(...args)) as ChildProcess['spawn'];
export const execFileSync: ChildProcess['execFileSync'] = ((...args: unknown[]) => (load().execFileSync as (...a: unknown[]) => unknown)(...args)) as ChildProcess['execFileSync'];
export default { spawn, execFileSync };
