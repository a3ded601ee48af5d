// `glossary search <query...>`: ranked hits, one a line.
import { jsonText, parseLimit, parseWidth, type Context } from '../context.js';
import { cut, displayWidth, pad } from '../width.js';
import { NotFoundError } from '../errors.js';
import { checkQuery } from '../resolve.js';
import { search, type Hit } from '../search.js';
import type { Theme } from '../render/theme.js';

export interface SearchOptions {
  limit?: string;
  json?: boolean;
  width?: string;
}

export function hitLines(hits: Hit[], width: number, theme: Theme): string {
  // Name and title get at most 30% of the line each (less when the line is very narrow); the
  // description has the rest, when there are at least 10 columns left for it.
  const longest = (texts: string[]) => Math.max(...texts.map(displayWidth));
  const nameWidth = Math.min(Math.max(4, Math.floor(width * 0.3)), longest(hits.map((h) => h.doc.name)), Math.max(1, width - 3));
  const titleWidth = Math.min(Math.max(4, Math.floor(width * 0.3)), longest(hits.map((h) => h.doc.title)), Math.max(1, width - nameWidth - 2));
  const room = width - nameWidth - titleWidth - 4;
  return (
    hits
      .map(({ doc }) => {
        const name = pad(cut(doc.name, nameWidth), nameWidth);
        const title = pad(cut(doc.title, titleWidth), titleWidth);
        const description = room >= 10 && doc.description ? '  ' + theme.dim(cut(doc.description, room)) : '';
        return `${theme.name(name)}  ${title}${description}`.trimEnd();
      })
      .join('\n') + '\n'
  );
}

/** The ranked hits, over one language or all; NotFoundError when there are none. */
export function searchHits(ctx: Context, words: string[], options: SearchOptions): Array<Hit & { lang: string }> {
  const query = checkQuery(words.join(' '));
  const limit = options.limit ? parseLimit(options.limit) : 10;
  const corpus = ctx.corpus();
  const langs = ctx.lang(true);
  const hits: Array<Hit & { lang: string }> = [];
  for (const lang of langs) for (const h of search(corpus.searchSource(lang), query, limit)) hits.push({ ...h, lang });
  hits.sort((a, b) => a.tier - b.tier || a.score - b.score);
  const top = hits.slice(0, limit);
  if (top.length === 0) throw new NotFoundError(`nothing matches "${query}"`, ['try fewer or other words, or: glossary list']);
  return top;
}

export function runSearch(ctx: Context, words: string[], options: SearchOptions): string {
  const width = options.width ? parseWidth(options.width) : ctx.width;
  const top = searchHits(ctx, words, options);
  if (options.json) {
    return jsonText(top.map((h) => ({ id: h.doc.id, lang: h.lang, name: h.doc.name, title: h.doc.title, description: h.doc.description, match: ['exact', 'prefix', 'fuzzy'][h.tier], score: Number(h.score.toFixed(3)) })));
  }
  return hitLines(top, width, ctx.theme);
}
