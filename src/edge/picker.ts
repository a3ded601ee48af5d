// Choosing one of several articles on a terminal: arrow keys, a number, or type to filter.
import type { Hit } from '../search.js';
import { fold } from '../fold.js';
import { sanitize } from '../render/sanitize.js';

export class PickCancelled extends Error {}

/** Shows the hits as a list; resolves to the chosen article number, or throws PickCancelled. */
export async function pick(hits: Hit[], message: string): Promise<number> {
  const { default: search } = await import('@inquirer/search');
  const choices = hits.map((h, i) => ({
    value: h.doc.n,
    name: sanitize(`${i + 1}. ${h.doc.title} (${h.doc.name})`, false),
    description: sanitize(h.doc.description, false),
    key: fold(`${h.doc.title} ${h.doc.name} ${h.doc.aliases.join(' ')}`),
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
