// `glossary lookup <term...>`: one article, rendered, plain, raw or as JSON.
import type { ArticleRecord } from '../corpus/compile.js';
import { jsonText, parseWidth, type Context } from '../context.js';
import { resolveCurrent } from '../resolve.js';
import { sanitize } from '../render/sanitize.js';

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

export async function lookup(ctx: Context, terms: string[], options: LookupOptions): Promise<string> {
  const width = options.width ? parseWidth(options.width) : ctx.width;
  const [lang] = ctx.lang();
  const term = terms.join(' ');
  const { record, fuzzy } = await resolveCurrent(ctx, lang as string, term);
  if (fuzzy) ctx.note(`no article is named "${sanitize(term, false)}"; showing ${record.name} (${record.title})`);
  if (options.json) return jsonText(articleJson(record));
  // Raw bytes only to a pipe or file; a terminal never gets the article's control characters.
  if (options.raw) return ctx.tty ? sanitize(record.source, false) : record.source;
  const corpus = ctx.corpus();
  const cached = corpus.cachedRender(record.lang, record.n, width, ctx.color);
  if (cached !== undefined) return cached;
  const render = await import('../render/article.js');
  if (ctx.color && render.needsHighlighter(record)) await render.loadHighlighter();
  const text = render.renderArticle(record, { width, color: ctx.color });
  corpus.saveRender(record.lang, record.n, width, ctx.color, text);
  return text;
}
