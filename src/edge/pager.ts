// Paging a long article on a terminal: $GLOSSARY_PAGER, else $PAGER, else `less -R` where it exists.
import { childProcess } from './builtins.js';
import { endBy, onEnding, type Ending } from './signals.js';
import { dumbTerminal } from '../terminal.js';

export interface PagerChoice {
  command: string;
  env: NodeJS.ProcessEnv;
}

/** The pager to use, or undefined for none (none configured and no less on the PATH). */
export function choosePager(env: NodeJS.ProcessEnv): PagerChoice | undefined {
  const configured = env['GLOSSARY_PAGER'] ?? env['PAGER'];
  // LESS=R lets less pass our colours through when the user's PAGER is plain `less`.
  const lessEnv = { ...env, LESS: env['LESS'] ?? 'R' };
  if (configured !== undefined) {
    const command = configured.trim();
    return command === '' || command === 'cat' ? undefined : { command, env: lessEnv };
  }
  // A dumb terminal gets no pager of ours (less there says "terminal is not fully functional"
  // and waits for Return); one the user names is theirs to choose.
  if (dumbTerminal(env)) return undefined;
  const found = childProcess().spawnSync('sh', ['-c', 'command -v less'], { stdio: 'ignore' }).status === 0;
  return found ? { command: 'less -R', env: lessEnv } : undefined;
}

/**
 * Writes `text` through the pager and waits for it to close. Ctrl-C belongs to the pager while it
 * runs (less restores the terminal itself); glossary ignores it until the pager has exited.
 * Resolves true when it ran; else what went wrong (not found, not executable, or it failed: a
 * pager that exits non-zero has shown nothing, as `PAGER=false`): then the caller prints the text.
 */
export function page(text: string, pager: PagerChoice): Promise<true | string> {
  return new Promise((resolve) => {
    const ignore = () => {};
    process.on('SIGINT', ignore);
    // A plain command is exec'ed, so the child is the pager itself and a signal reaches it.
    const plain = /^[\w./-]+( +[\w./=+-]+)*$/.test(pager.command);
    const child = childProcess().spawn('sh', ['-c', plain ? `exec ${pager.command}` : pager.command], { stdio: ['pipe', 'inherit', 'inherit'], env: pager.env, detached: false });
    // SIGTERM or SIGHUP to glossary: the pager is ended too (less restores the screen when it
    // gets SIGTERM), then glossary ends by the same signal; less is never left behind.
    let ending: Ending | undefined;
    const stopWatching = onEnding((signal) => {
      ending = signal;
      if (child.pid !== undefined) {
        try {
          child.kill('SIGTERM');
        } catch {
          // already gone
        }
      }
    });
    // The reader may quit before reading everything: that is not an error.
    child.stdin.on('error', ignore);
    child.stdin.end(text);
    const done = (ran: true | string) => {
      process.removeListener('SIGINT', ignore);
      stopWatching();
      if (ending) endBy(ending);
      else resolve(ran);
    };
    child.on('error', () => done('could not run'));
    // sh answers 127 for a command it cannot find and 126 for one it cannot run; ended by a
    // signal (code null) it ran.
    child.on('close', (code) => done(code === 0 || code === null ? true : code === 127 || code === 126 ? 'could not run' : `failed (exit ${code})`));
  });
}
