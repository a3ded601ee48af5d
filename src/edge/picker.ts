// Choosing one of several articles on a terminal: arrow keys, a number, or type to filter.
import type { SearchDoc } from '../corpus/compile.js';
import { fold } from '../fold.js';
import { sanitize } from '../render/sanitize.js';

export class PickCancelled extends Error {}

/** Shows the articles as a list; resolves to the index of the chosen one, or throws PickCancelled. */
export async function pick(docs: SearchDoc[], message: string): Promise<number> {
  const { default: search } = await import('@inquirer/search');
  const choices = docs.map((doc, i) => ({
    value: i,
    name: sanitize(`${i + 1}. ${doc.title} (${doc.name})`, false),
    description: sanitize(doc.description, false),
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
