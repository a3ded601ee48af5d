// Choosing one of several articles on a terminal: arrow keys, a number, or type to filter.
import type { SearchDoc } from '../corpus/compile.js';
import { fold } from '../fold.js';
import { sanitize } from '../render/sanitize.js';

export class PickCancelled extends Error {}
/** Esc, or q with an empty filter: the reader left the picker (not an interruption). */
export class PickQuit extends Error {}

/** Shows the articles as a list; resolves to the index of the chosen one, or throws PickCancelled. */
export async function pick(docs: SearchDoc[], message: string, color = true): Promise<number> {
  // One candidate is no choice: it is shown at once.
  if (docs.length === 1) return 0;
  const { default: search } = await import('@inquirer/search');
  const { wrapLines } = await import('../render/ansi.js');
  const { cut } = await import('../width.js');
  const { onEnding, endBy } = await import('./signals.js');
  // The description wrapped between words to the terminal's width (the prompt would cut words);
  // a line too long for the width is cut with …, never wrapped mid-word.
  const columns = Math.max(20, (process.stdout.columns ?? 80) - 1);
  // The whole picker fits the screen's height: taller, its question and the chosen row scrolled
  // off, and every redraw left a copy above. Rows: the question, the hits, a blank line, the
  // description (at most 3 lines, fewer on a short screen), the footer, and one to spare.
  const rows = process.stdout.rows ?? 24;
  const descriptionLines = Math.max(1, Math.min(3, rows - 6));
  const pageSize = Math.max(1, Math.min(docs.length, 12, rows - 4 - descriptionLines));
  // Invisible characters out: the prompt measures a zero-width space as a column and broke the row.
  const shown = (text: string) => sanitize(text, false).replace(/\p{Default_Ignorable_Code_Point}/gu, '');
  const described = (text: string) => {
    const lines = wrapLines(shown(text), columns).split('\n');
    return lines.length <= descriptionLines ? lines.join('\n') : [...lines.slice(0, descriptionLines - 1), cut(`${lines[descriptionLines - 1]} …`, columns)].join('\n');
  };
  const choices = docs.map((doc, i) => ({
    value: i,
    name: cut(shown(`${i + 1}. ${doc.title} (${doc.name})`), columns - 2),
    description: described(doc.description),
    key: fold(`${doc.title} ${doc.name} ${doc.aliases.join(' ')}`),
  }));
  // Esc (or q with an empty filter) leaves; SIGTERM and SIGHUP end the prompt, restore the
  // terminal, then the run; the prompt's screen is cleared whichever way it ends.
  const controller = new AbortController();
  let quit = false;
  let ending: 'SIGTERM' | 'SIGHUP' | undefined;
  const onKey = (_: string, key?: { name?: string; ctrl?: boolean; meta?: boolean }) => {
    if (key?.name === 'escape' && !key.ctrl) {
      quit = true;
      controller.abort();
    }
  };
  process.stdin.on('keypress', onKey);
  const stopWatching = onEnding((signal) => {
    ending = signal;
    controller.abort();
  });
  const footers = ['↑↓ move • ⏎ show • type to filter • number picks • Esc/q leave • Ctrl-C cancels', '↑↓ ⏎ • type: filter • number: pick • Esc/q • Ctrl-C cancels', '↑↓ ⏎ • filter • 1-9 • Esc/q • ^C'];
  const footer = footers.find((f) => [...f].length <= columns) ?? (footers[footers.length - 1] as string);
  let previous = '';
  try {
    return await search<number>({
      message,
      pageSize,
      // Without colours (--no-color, NO_COLOR, a plain theme) the picker has none either: its own
      // styles are colours, and it took no notice of --no-color.
      theme: color ? { style: { keysHelpTip: () => footer } } : { prefix: { idle: '?', done: '✔' }, spinner: { frames: ['-'] }, style: { ...Object.fromEntries(['answer', 'message', 'defaultAnswer', 'help', 'highlight', 'searchTerm', 'description'].map((k) => [k, (t: string) => t])), error: (t: string) => `> ${t}`, key: (t: string) => `<${t}>`, disabled: (t: string) => `- ${t}`, keysHelpTip: () => footer } },
      source: (term) => {
        // q typed into an empty filter leaves, as in less.
        if ((term ?? '') === 'q' && previous === '') {
          quit = true;
          controller.abort();
          return [];
        }
        previous = term ?? '';
        const wanted = (term ?? '').trim();
        // A number picks that line; anything else filters by title, name and aliases.
        if (/^\d+$/.test(wanted)) {
          const chosen = choices[Number(wanted) - 1];
          return chosen ? [chosen] : [];
        }
        const key = fold(wanted);
        return choices.filter((c) => c.key.includes(key));
      },
    }, { signal: controller.signal, clearPromptOnDone: true });
  } catch (error) {
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
      stopWatching();
      if (ending) {
        endBy(ending);
        await new Promise(() => {});
      }
      if (quit) throw new PickQuit('quit');
      throw new PickCancelled('cancelled');
    }
    throw error;
  } finally {
    stopWatching();
    process.stdin.removeListener('keypress', onKey);
  }
}
