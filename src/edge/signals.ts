// Signals that end a run (SIGTERM, SIGHUP) while a prompt or the pager holds the terminal: the
// prompt or the pager is ended and the terminal restored first, then the run ends as the signal
// asks (the shell sees 128 + its number).
export type Ending = 'SIGTERM' | 'SIGHUP';
const ENDINGS: Ending[] = ['SIGTERM', 'SIGHUP'];

/** Calls `onSignal` for SIGTERM or SIGHUP until the returned function is called. */
export function onEnding(onSignal: (signal: Ending) => void): () => void {
  const handlers = ENDINGS.map((signal) => [signal, () => onSignal(signal)] as const);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  return () => {
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
  };
}

/** Ends the process by `signal` once the terminal is restored (our handlers removed first). */
export function endBy(signal: Ending): void {
  if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false);
  process.kill(process.pid, signal);
}
