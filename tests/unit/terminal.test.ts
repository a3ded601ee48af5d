import { describe, expect, it } from 'vitest';
import { decideTerminal, type TerminalFacts } from '../../src/terminal.js';

const facts = (over: Partial<TerminalFacts>): TerminalFacts => ({ env: {}, stdoutTTY: false, stdinTTY: false, noColorFlag: false, ...over });

describe('decideTerminal', () => {
  it.each([
    ['a pipe', facts({}), { color: false, width: 80, listWidth: 80, interactive: false }],
    ['a terminal', facts({ stdoutTTY: true, stdinTTY: true, columns: 120 }), { color: true, width: 100, listWidth: 120, interactive: true }],
    ['a narrow terminal', facts({ stdoutTTY: true, stdinTTY: true, columns: 40 }), { color: true, width: 40, listWidth: 40, interactive: true }],
    ['a tiny terminal', facts({ stdoutTTY: true, columns: 4 }), { color: true, width: 10, listWidth: 10, interactive: false }],
    ['a terminal with stdin from a pipe', facts({ stdoutTTY: true, stdinTTY: false, columns: 80 }), { color: true, width: 80, listWidth: 80, interactive: false }],
    ['--no-color on a terminal', facts({ stdoutTTY: true, columns: 80, noColorFlag: true }), { color: false, width: 80, listWidth: 80, interactive: false }],
    ['NO_COLOR on a terminal', facts({ stdoutTTY: true, columns: 80, env: { NO_COLOR: '1' } }), { color: false, width: 80, listWidth: 80, interactive: false }],
    ['an empty NO_COLOR', facts({ stdoutTTY: true, columns: 80, env: { NO_COLOR: '' } }), { color: true, width: 80, listWidth: 80, interactive: false }],
    ['FORCE_COLOR into a pipe', facts({ env: { FORCE_COLOR: '1' } }), { color: true, width: 80, listWidth: 80, interactive: false }],
    ['FORCE_COLOR=0 on a terminal', facts({ stdoutTTY: true, columns: 80, env: { FORCE_COLOR: '0' } }), { color: false, width: 80, listWidth: 80, interactive: false }],
    ['FORCE_COLOR=false', facts({ env: { FORCE_COLOR: 'false' } }), { color: false, width: 80, listWidth: 80, interactive: false }],
    ['NO_COLOR beats FORCE_COLOR', facts({ env: { FORCE_COLOR: '1', NO_COLOR: '1' } }), { color: false, width: 80, listWidth: 80, interactive: false }],
    ['COLUMNS into a pipe', facts({ env: { COLUMNS: '60' } }), { color: false, width: 60, listWidth: 60, interactive: false }],
    ['COLUMNS wider than the cap', facts({ env: { COLUMNS: '300' } }), { color: false, width: 100, listWidth: 300, interactive: false }],
    ['COLUMNS that is not a number', facts({ env: { COLUMNS: 'wide' } }), { color: false, width: 80, listWidth: 80, interactive: false }],
    ['COLUMNS ignored on a terminal', facts({ stdoutTTY: true, columns: 70, env: { COLUMNS: '50' } }), { color: true, width: 70, listWidth: 70, interactive: false }],
    ['a terminal that reports no size', facts({ stdoutTTY: true }), { color: true, width: 80, listWidth: 80, interactive: false }],
    // TERM=dumb (Emacs's shell): text only, no prompt; FORCE_COLOR still wins.
    ['a dumb terminal', facts({ stdoutTTY: true, stdinTTY: true, columns: 80, env: { TERM: 'dumb' } }), { color: false, width: 80, listWidth: 80, interactive: false }],
    ['FORCE_COLOR on a dumb terminal', facts({ stdoutTTY: true, columns: 80, env: { TERM: 'dumb', FORCE_COLOR: '1' } }), { color: true, width: 80, listWidth: 80, interactive: false }],
  ])('%s', (_name, given, expected) => {
    // Articles are capped at 100 columns; listings take the whole width.
    expect(decideTerminal(given)).toEqual(expected);
  });
});
