// The numbers an article's links carry on screen ([1], [2], ...), shared by the renderer and the reader.
import type { ArticleRecord, ArticleRef } from '../corpus/compile.js';

/** Reference numbers of the resolved internal links, in order of first appearance. */
export function numberLinks(record: ArticleRecord): Map<string, { n: number; to: ArticleRef }> {
  const byTarget = new Map<string, { n: number; to: ArticleRef }>();
  const byId = new Map<string, number>();
  for (const link of record.links) {
    if (!link.to || byTarget.has(link.target)) continue;
    const n = byId.get(link.to.id) ?? byId.size + 1;
    byId.set(link.to.id, n);
    byTarget.set(link.target, { n, to: link.to });
  }
  return byTarget;
}
