// The commands of kind 'service' in the command table: servers and exports. Each is loaded only
// when it runs, and gets the run (src/edge/run.ts): its I/O, its notes and the corpus in use,
// opened with the same freshness rules as every other command. Each returns its exit code.
import { UsageError, type ExitCode } from '../errors.js';
import type { Run } from './run.js';

export type Service = (run: Run, args: unknown[], options: Record<string, unknown>) => Promise<ExitCode>;

export async function runService(name: string, run: Run, args: unknown[], options: Record<string, unknown>): Promise<ExitCode> {
  switch (name) {
    case 'lsp':
      return (await import('./lsp.js')).runLsp(run);
    case 'serve':
      return (await import('./dict-server.js')).serve(run, options);
    case 'export':
      return (await import('./export.js')).runExport(run, args, options);
    default:
      throw new UsageError(`"${name}" is not a command of this build; glossary --help lists the commands`);
  }
}
