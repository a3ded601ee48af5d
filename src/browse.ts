// The reader of `lookup --browse`, as a pure step over a history: what the reader typed, and the
// article shown, give the next article (or the end). The edge asks and renders.
import type { ArticleRecord, ArticleRef } from './corpus/compile.js';
import { numberLinks } from './render/links.js';

export type BrowseAction = { follow: number } | 'back' | 'quit';

export interface BrowseState {
  current: ArticleRecord;
  /** Articles read before, the last one first to come back to. */
  history: ArticleRecord[];
}

/** The articles the numbered links of `record` lead to, by number (1, 2, ...), each once. */
export function linkTargets(record: ArticleRecord): ArticleRef[] {
  const byNumber = new Map<number, ArticleRef>();
  for (const { n, to } of numberLinks(record).values()) if (!byNumber.has(n)) byNumber.set(n, to);
  return [...byNumber.entries()].sort((a, b) => a[0] - b[0]).map(([, to]) => to);
}

/**
 * The next state: `follow` n opens the n-th link's article (read with `open`, which gives
 * undefined for an article no longer there: then nothing changes), `back` the previous one.
 * Undefined when the reader is done.
 */
export function browseStep(state: BrowseState, action: BrowseAction, open: (ref: ArticleRef) => ArticleRecord | undefined): BrowseState | undefined {
  if (action === 'quit') return undefined;
  if (action === 'back') {
    const previous = state.history[state.history.length - 1];
    return previous ? { current: previous, history: state.history.slice(0, -1) } : state;
  }
  const to = linkTargets(state.current)[action.follow - 1];
  const next = to ? open(to) : undefined;
  return next ? { current: next, history: [...state.history, state.current] } : state;
}
