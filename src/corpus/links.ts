// Internal link targets: the one normalisation used by parsing and rendering alike, and the one
// resolution of a target to an article used by compiling and checking alike.
import { fold } from '../fold.js';
import type { Article } from './article.js';

/** Internal link target id: `/id`, `/id/`, `/id#part`, `/<lang>/id`; undefined for anything else. */
export function internalTarget(href: string): string | undefined {
  if (!href.startsWith('/') || href.startsWith('//')) return undefined;
  let path = href.slice(1).replace(/[?#].*$/, '').replace(/\/+$/, '');
  const parts = path.split('/');
  if (parts.length === 2 && /^[a-z]{2}(?:-[a-z]{2})?$/i.test(parts[0] ?? '')) path = parts[1] ?? '';
  else if (parts.length !== 1) return undefined;
  try {
    path = decodeURIComponent(path);
  } catch {
    /* keep it as written */
  }
  return path === '' ? undefined : path;
}

/** Folded id -> article, with ids resolving before aliases (as links do). */
export function linkResolver(articles: Article[]): (target: string) => Article | undefined {
  const byId = new Map<string, Article>();
  const byFoldedId = new Map<string, Article>();
  const byAlias = new Map<string, Article>();
  for (const a of articles) {
    if (!byId.has(a.id)) byId.set(a.id, a);
    const key = a.id.toLowerCase();
    if (!byFoldedId.has(key)) byFoldedId.set(key, a);
    for (const alias of a.aliases) {
      const k = fold(alias);
      if (k && !byAlias.has(k)) byAlias.set(k, a);
    }
  }
  // Remembered: a corpus links to the same targets over and over, and folding is not free.
  const seen = new Map<string, Article | undefined>();
  return (target) => {
    if (seen.has(target)) return seen.get(target);
    const found = byId.get(target) ?? byFoldedId.get(target.toLowerCase()) ?? byAlias.get(fold(target));
    seen.set(target, found);
    return found;
  };
}
