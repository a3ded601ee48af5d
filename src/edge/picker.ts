// Choosing one of several articles on a terminal: arrow keys, a number, or type to filter.
import type { SearchDoc } from '../corpus/compile.js';
import { fold } from '../fold.js';
import { sanitize } from '../render/sanitize.js';

export class PickCancelled extends Error {}

/** Shows the articles as a list; resolves to the index of the chosen one, or throws PickCancelled. */
export async function pick(docs: SearchDoc[], message: string): Promise<number> {
  // One candidate is no choice: it is shown at once.
  if (docs.length === 1) return 0;
  const { default: search } = await import('@inquirer/search');
  const { wrapLines } = await import('../render/ansi.js');
  // The description wrapped between words to the terminal's width (the prompt would cut words).
  const columns = Math.max(20, (process.stdout.columns ?? 80) - 1);
  const choices = docs.map((doc, i) => ({
    value: i,
    name: sanitize(`${i + 1}. ${doc.title} (${doc.name})`, false),
    description: wrapLines(sanitize(doc.description, false), columns),
    key: fold(`${doc.title} ${doc.name} ${doc.aliases.join(' ')}`),
  }));
  try {
    return await search<number>({
      message,
      pageSize: Math.min(choices.length, 12),
      source: (term) => {
        const wanted = (term ?? '').trim();
        // A number picks that line; anything else filters by title, name and aliases.
        if (/^\d+$/.test(wanted)) {
          const chosen = choices[Number(wanted) - 1];
          return chosen ? [chosen] : [];
        }
        const key = fold(wanted);
        return choices.filter((c) => c.key.includes(key));
      },
    });
  } catch (error) {
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) throw new PickCancelled('cancelled');
    throw error;
  }
}
