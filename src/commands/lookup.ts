// `glossary lookup <term...>`: one article, rendered, plain, raw or as JSON.
import type { ArticleRecord } from '../corpus/compile.js';
import { jsonText, parseWidth, type Context } from '../context.js';
import { resolveCurrent } from '../resolve.js';
import { sanitize } from '../render/sanitize.js';
import { NotFoundError } from '../errors.js';

export interface LookupOptions {
  width?: string;
  raw?: boolean;
  json?: boolean;
}

export function articleJson(r: ArticleRecord) {
  return {
    id: r.id,
    lang: r.lang,
    slug: r.slug,
    name: r.name,
    title: r.title,
    description: r.description,
    keywords: r.keywords,
    aliases: r.aliases,
    links: r.links.map((l) => ({ target: l.target, text: l.text, line: l.line, resolved: l.to ?? null })),
    backlinks: r.backlinks,
    alsoIn: r.langs,
    file: r.file,
    body: r.source.slice(r.bodyStart),
  };
}

export type LookupOutput = string | { verbatim: string } | { article: string; record: ArticleRecord };

export async function lookup(ctx: Context, terms: string[], options: LookupOptions): Promise<LookupOutput> {
  const width = options.width ? parseWidth(options.width) : ctx.width;
  const [lang] = ctx.lang();
  const term = terms.join(' ');
  const { record, fuzzy } = await resolveCurrent(ctx, lang as string, term);
  if (fuzzy) ctx.note(`no article is named "${term}"; showing ${record.name} (${record.title})`);
  return present(ctx, record, options, width);
}

/** One article as --json, --raw or rendered: for a lookup, and for an article picked from a list. */
export async function present(ctx: Context, record: ArticleRecord, options: LookupOptions, width = options.width ? parseWidth(options.width) : ctx.width): Promise<LookupOutput> {
  if (options.json) return jsonText(articleJson(record));
  // Raw bytes only to a pipe or file; a terminal never gets the article's control characters.
  if (options.raw) return ctx.tty ? sanitize(record.source, false) : { verbatim: record.source };
  return { article: await renderRecord(ctx, record, width), record };
}

/** The article as the terminal shows it: from the render cache, else rendered (and kept). */
export async function renderRecord(ctx: Context, record: ArticleRecord, width: number): Promise<string> {
  const corpus = ctx.corpus();
  const cached = corpus.renders.get(record.lang, record.n, width, ctx.color);
  if (cached !== undefined) return cached;
  const render = await import('../render/article.js');
  if (ctx.color && render.needsHighlighter(record)) await render.loadHighlighter();
  const text = render.renderArticle(record, { width, color: ctx.color });
  corpus.renders.put(record.lang, record.n, width, ctx.color, text);
  return text;
}

/** A random article, for learning a term a day; `keyword` limits the draw. */
export async function randomArticle(ctx: Context, keyword: string | undefined, random: () => number): Promise<{ article: string; record: ArticleRecord }> {
  const [lang] = ctx.lang() as [string];
  const corpus = ctx.corpus();
  let entries = corpus.list(lang);
  if (keyword !== undefined) {
    const index = corpus.keywordIndex(lang, keyword);
    if (index < 0) throw new NotFoundError(`no keyword "${keyword}"`, ['see all keywords: glossary keywords']);
    entries = corpus.keywordEntries(lang, index);
  }
  const entry = entries[Math.floor(random() * entries.length)];
  if (!entry) throw new NotFoundError('no articles to choose from');
  const record = corpus.record(lang, entry[3]);
  return { article: await renderRecord(ctx, record, ctx.width), record };
}
