// The prompts of a run on a terminal: choosing one of several articles, and the --browse reader.
import type { ArticleRecord, SearchDoc } from '../corpus/compile.js';
import type { Context } from '../context.js';
import { ExitCode, GlossaryError } from '../errors.js';
import { browseStep, linkTargets, type BrowseState } from '../browse.js';
import { sanitize } from '../render/sanitize.js';
import { cut } from '../width.js';

/** The article's numbered links, one a line, each cut to the width. */
function linkList(record: ArticleRecord, width: number, color: boolean): string {
  const targets = linkTargets(record);
  if (!targets.length) return '';
  const lines = targets.map((to, i) => cut(`  [${i + 1}] ${to.title} (${to.name})`, width));
  // The heading cut as the rows are: the terminal broke a long title inside a word.
  return sanitize(`${cut(record.title, Math.max(1, width - ': links'.length))}: links\n${lines.join('\n')}\n`, color);
}

/** The reader left the picker with Esc or q: the run ends with exit 0 and no message. */
export class PickLeft extends Error {}

/** Offers articles (from any language) to pick from; the chosen one's record. */
export async function pickArticle(ctx: Context, choices: Array<{ doc: SearchDoc; lang: string }>, prompt: string): Promise<ArticleRecord> {
  const { pick, PickCancelled, PickQuit } = await import('./picker.js');
  try {
    const i = await pick(choices.map((c) => c.doc), prompt, ctx.color);
    const chosen = choices[i] as { doc: SearchDoc; lang: string };
    return ctx.corpus.record(chosen.lang, chosen.doc.n);
  } catch (error) {
    if (error instanceof PickCancelled) throw new GlossaryError('cancelled', ExitCode.cancelled);
    // Esc or q: the reader chose to leave; nothing to show, nothing went wrong.
    if (error instanceof PickQuit) throw new PickLeft();
    throw error;
  }
}

/**
 * The reader of --browse: shows the article (through `show`), asks for a link number, b or q,
 * and steps (browse.ts) until the reader quits.
 */
export async function browse(ctx: Context, first: ArticleRecord, firstText: string, width: number, show: (text: string) => Promise<boolean>): Promise<void> {
  const { askNext } = await import('./browse.js');
  const { renderRecord } = await import('../commands/lookup.js');
  let state: BrowseState = { current: first, history: [] };
  let text = firstText;
  for (;;) {
    // After the pager the screen is empty: the links are listed again above the prompt, so a
    // link is one key away without paging back.
    if (await show(text)) process.stderr.write(linkList(state.current, width, ctx.color));
    const action = await askNext(linkTargets(state.current).length, state.history.length > 0);
    const next = browseStep(state, action, (ref) => {
      const found = ctx.corpus.names(state.current.lang, '=' + ref.id)[0];
      return found ? ctx.corpus.record(state.current.lang, found[0]) : undefined;
    });
    if (!next) return;
    if (next.current !== state.current) text = await renderRecord(ctx, next.current, width);
    state = next;
  }
}
