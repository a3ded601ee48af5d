// `glossary search <query...>`: ranked hits, one a line.
import { jsonText, langsOf, ok, parseLimit, text, widthOf, type Context, type PresentOptions, type Result } from '../context.js';
import { cut, displayWidth, pad } from '../width.js';
import { NotFoundError } from '../errors.js';
import { checkQuery } from '../resolve.js';
import { compareHits, search, type Hit } from '../search.js';
import type { Theme } from '../render/theme.js';

export interface SearchOptions {
  limit?: string;
  json?: boolean;
  width?: string;
  pick?: boolean;
  pager?: boolean;
}

/** Name and title each get at most this share of a line; the description has the rest. */
const COLUMN_SHARE = 0.3;
/** The description is shown only with at least this many columns for it. */
const MIN_DESCRIPTION = 10;

export function hitLines(hits: Hit[], width: number, theme: Theme): string {
  const longest = (texts: string[]) => Math.max(...texts.map(displayWidth));
  const nameWidth = Math.min(Math.max(4, Math.floor(width * COLUMN_SHARE)), longest(hits.map((h) => h.doc.name)), Math.max(1, width - 3));
  const titleWidth = Math.min(Math.max(4, Math.floor(width * COLUMN_SHARE)), longest(hits.map((h) => h.doc.title)), Math.max(1, width - nameWidth - 2));
  const room = width - nameWidth - titleWidth - 4;
  return (
    hits
      .map(({ doc }) => {
        const name = pad(cut(doc.name, nameWidth), nameWidth);
        const title = pad(cut(doc.title, titleWidth), titleWidth);
        const description = room >= MIN_DESCRIPTION && doc.description ? '  ' + theme.dim(cut(doc.description, room)) : '';
        return `${theme.name(name)}  ${title}${description}`.trimEnd();
      })
      .join('\n') + '\n'
  );
}

/** The ranked hits, over one language or all, in search's own order; NotFoundError when there are none. */
export function searchHits(ctx: Context, words: string[], options: SearchOptions): Array<Hit & { lang: string }> {
  const query = checkQuery(words.join(' '));
  const limit = options.limit ? parseLimit(options.limit) : 10;
  const langs = langsOf(ctx, true);
  const hits: Array<Hit & { lang: string }> = [];
  for (const lang of langs) for (const h of search(ctx.corpus.searchSource(lang), query, limit)) hits.push({ ...h, lang });
  // One language: search's order as it is. Several: merged by the same rule.
  if (langs.length > 1) hits.sort(compareHits);
  const top = hits.slice(0, limit);
  if (top.length === 0) throw new NotFoundError(`nothing matches "${query}"`, ['try fewer or other words, or: glossary list']);
  return top;
}

export function runSearch(ctx: Context, words: string[], options: SearchOptions): Result {
  const width = widthOf(ctx, options.width);
  const top = searchHits(ctx, words, options);
  if (options.pick && ctx.interactive) {
    const present: PresentOptions = { pager: options.pager, width: options.width, json: options.json };
    return { ...ok(undefined), pick: { prompt: 'Show which article?', candidates: top.map((h) => ({ doc: h.doc, lang: h.lang })), present } };
  }
  if (options.json) {
    return ok(text(jsonText(top.map((h) => ({ id: h.doc.id, lang: h.lang, name: h.doc.name, title: h.doc.title, description: h.doc.description, match: ['exact', 'prefix', 'fuzzy'][h.tier], score: Number(h.score.toFixed(3)) })))));
  }
  return ok(text(hitLines(top, width, ctx.theme)));
}
