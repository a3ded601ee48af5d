// The terminal decision, made once per run from what the edge sees: colour, width, whether a
// command may prompt. Pure, and tested as a table.

/** Articles wrap at the terminal's width, but no wider than this: long lines read badly. */
export const MAX_AUTO_WIDTH = 100;
/** Without a terminal or COLUMNS, text wraps here. */
export const DEFAULT_WIDTH = 80;

export interface TerminalFacts {
  env: Record<string, string | undefined>;
  stdoutTTY: boolean;
  stdinTTY: boolean;
  /** Columns of the stdout terminal, when it is one. */
  columns?: number;
  /** `--no-color` was given. */
  noColorFlag: boolean;
}

export interface TerminalDecision {
  color: boolean;
  width: number;
  /** The terminal's whole width (or COLUMNS, else 80), for listings. */
  listWidth: number;
  /** Both ends are a terminal: prompts are possible (never in a pipe, a script or CI). */
  interactive: boolean;
}

export function decideTerminal(facts: TerminalFacts): TerminalDecision {
  // A dumb terminal (TERM=dumb: Emacs's shell, some CI logs) moves no cursor: no prompt to pick from.
  return { color: colorWanted(facts), width: autoWidth(facts), listWidth: fullWidth(facts), interactive: facts.stdoutTTY && facts.stdinTTY && !dumbTerminal(facts.env) };
}

/** TERM=dumb: a terminal that shows text and no escape sequence, as supports-color and less read it. */
export function dumbTerminal(env: Record<string, string | undefined>): boolean {
  return env['TERM'] === 'dumb';
}

/** --no-color, then NO_COLOR, then FORCE_COLOR, then a dumb terminal, then whether stdout is a terminal. */
function colorWanted({ env, stdoutTTY, noColorFlag }: TerminalFacts): boolean {
  if (noColorFlag) return false;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  return stdoutTTY && !dumbTerminal(env);
}

/** The terminal's columns, else COLUMNS, else 80; at most 100, at least 10. */
function autoWidth(facts: TerminalFacts): number {
  return Math.min(MAX_AUTO_WIDTH, fullWidth(facts));
}

/** The terminal's columns, else COLUMNS, else 80; at least 10. */
function fullWidth({ env, stdoutTTY, columns }: TerminalFacts): number {
  const n = stdoutTTY ? columns : Number(env['COLUMNS']);
  if (!n || !Number.isFinite(n) || n <= 0) return DEFAULT_WIDTH;
  return Math.max(10, Math.floor(n));
}
