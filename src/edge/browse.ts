// A small reader on a terminal: follow an article's numbered links, go back, quit (like info).
// Single keys: a digit follows its link at once (two digits when there are ten links or more and
// the first could begin a larger number, or a digit and Enter), b goes back, q or Ctrl-C quits.
import { emitKeypressEvents } from 'node:readline';
import type { BrowseAction } from '../browse.js';

/** What a key does, given the digits typed so far: an action, more digits, or nothing. */
export function keyStep(typed: string, key: { name?: string; sequence?: string; ctrl?: boolean }, links: number, canGoBack: boolean): { action?: BrowseAction; typed: string } {
  if ((key.ctrl && key.name === 'c') || key.name === 'q' || key.name === 'escape') return { action: 'quit', typed: '' };
  if (key.name === 'b' && canGoBack) return { action: 'back', typed: '' };
  if (key.name === 'return' || key.name === 'enter') {
    const n = Number(typed);
    return typed && n >= 1 && n <= links ? { action: { follow: n }, typed: '' } : { typed: '' };
  }
  if (key.name === 'backspace') return { typed: typed.slice(0, -1) };
  const digit = key.sequence ?? '';
  if (/^\d$/.test(digit)) {
    const next = typed + digit;
    const n = Number(next);
    if (n < 1 || n > links) return { typed: '' };
    // Act at once unless another digit could still make a valid larger number.
    return n * 10 > links ? { action: { follow: n }, typed: '' } : { typed: next };
  }
  return { typed };
}

/** Asks once; end of input counts as quit. */
export async function askNext(links: number, canGoBack: boolean): Promise<BrowseAction> {
  const options = [links ? `1-${links} follow a link` : '', canGoBack ? 'b back' : '', 'q quit'].filter(Boolean).join(', ');
  process.stderr.write(`${options}: `);
  const stdin = process.stdin;
  emitKeypressEvents(stdin);
  const raw = stdin.isTTY ? stdin.isRaw : false;
  if (stdin.isTTY) stdin.setRawMode(true);
  stdin.resume();
  try {
    return await new Promise<BrowseAction>((resolve) => {
      let typed = '';
      const done = (action: BrowseAction, echo: string) => {
        stdin.off('keypress', onKey);
        stdin.off('end', onEnd);
        process.stderr.write(`${echo}\n`);
        resolve(action);
      };
      const onEnd = () => done('quit', '');
      const onKey = (_: string, key: { name?: string; sequence?: string; ctrl?: boolean } = {}) => {
        const step = keyStep(typed, key, links, canGoBack);
        if (step.typed.length > typed.length) process.stderr.write(step.typed.slice(typed.length));
        else if (step.typed.length < typed.length) process.stderr.write('\b \b'.repeat(typed.length - step.typed.length));
        const shown = typed;
        typed = step.typed;
        if (step.action) done(step.action, step.action === 'quit' ? 'q' : step.action === 'back' ? 'b' : String(step.action.follow).slice(shown.length));
      };
      stdin.on('keypress', onKey);
      stdin.on('end', onEnd);
    });
  } finally {
    if (stdin.isTTY) stdin.setRawMode(raw);
    stdin.pause();
  }
}
