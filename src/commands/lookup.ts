// `glossary lookup <term...>` and `glossary random`: one article, rendered, plain, raw or as JSON.
import type { ArticleRecord } from '../corpus/compile.js';
import { chooseLangs, defaultLangs, jsonText, langOf, ok, shellWord, widthOf, type Context, type Output, type PresentOptions, type Result } from '../context.js';
import { fold } from '../fold.js';
import { AmbiguousError, NotFoundError } from '../errors.js';
import { fuzzyNote, resolveTerm } from '../resolve.js';
import { sanitize } from '../render/sanitize.js';
import { unknownKeyword } from './list.js';

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

export async function lookup(ctx: Context, terms: string[], options: PresentOptions): Promise<Result> {
  widthOf(ctx, options.width); // a bad --width is a usage error before anything is looked up
  const lang = langOf(ctx);
  const term = terms.join(' ');
  let resolved;
  try {
    resolved = await resolveTerm(ctx.corpus, lang, term, ctx.lexicon);
  } catch (error) {
    // Not in this language, but named exactly in another: say where, and how to get it.
    if (error instanceof NotFoundError || error instanceof AmbiguousError) {
      const elsewhere = otherLanguages(ctx, lang, term);
      if (elsewhere.length) {
        const [first] = elsewhere as [{ lang: string; name: string }];
        throw new NotFoundError(`no article "${term.trim()}" in ${lang}; it is in ${elsewhere.map((e) => e.lang).join(', ')}`, [`glossary --lang ${first.lang} lookup ${shellWord(first.name)}`]);
      }
    }
    // Several candidates and no clear winner: on a terminal, the edge offers them to pick from.
    if (error instanceof AmbiguousError && ctx.interactive && error.candidates.length > 1) {
      return { ...ok(undefined), pick: { prompt: `Which article did you mean by "${term}"?`, candidates: error.candidates.map((doc) => ({ doc, lang })), present: options } };
    }
    throw error;
  }
  // The notice is a note: the edge prints notes before the output, so before the pager opens.
  const notes = resolved.fuzzy ? [fuzzyNote(term.trim(), resolved.record, resolved.matched, resolved.matchedName)] : [];
  // --json says how the name matched, with the name typed.
  if (options.json) return ok({ text: jsonText({ query: term.trim(), matched: resolved.matched, ...(resolved.matchedName ? { matchedName: resolved.matchedName } : {}), ...articleJson(resolved.record) }) }, notes);
  return presentResult(ctx, resolved.record, options, notes);
}

/** The other languages that name `term` exactly, with the name to type there. */
function otherLanguages(ctx: Context, lang: string, term: string): Array<{ lang: string; name: string }> {
  const key = fold(term);
  const out: Array<{ lang: string; name: string }> = [];
  for (const { lang: other } of ctx.corpus.meta.langs) {
    if (other === lang || key === '') continue;
    const found = ctx.corpus.names(other, '=' + term.trim())[0] ?? ctx.corpus.names(other, key)[0];
    if (found) out.push({ lang: other, name: (ctx.corpus.docs(other, [found[0]])[0] as { name: string }).name });
  }
  return out;
}

/** One article as --json, --raw or rendered, with --browse when asked on a terminal. */
export async function presentResult(ctx: Context, record: ArticleRecord, options: PresentOptions, notes: string[] = []): Promise<Result> {
  const output = await present(ctx, record, options);
  const result = ok(output, notes);
  if ('article' in output && options.browse && ctx.interactive) result.browse = { width: widthOf(ctx, options.width), page: options.pager !== false };
  return result;
}

/** One article as --json, --raw or rendered: for a lookup, and for an article picked from a list. */
export async function present(ctx: Context, record: ArticleRecord, options: PresentOptions): Promise<Output> {
  const width = widthOf(ctx, options.width);
  if (options.json) return { text: jsonText(articleJson(record)) };
  // Raw bytes only to a pipe or file; a terminal never gets the article's control characters.
  if (options.raw) return ctx.tty ? { text: sanitize(record.source, false) } : { verbatim: record.source };
  return { article: await renderRecord(ctx, record, width), record, page: options.pager !== false };
}

/** The article as the terminal shows it: from the render cache, else rendered (and kept). */
export async function renderRecord(ctx: Context, record: ArticleRecord, width: number): Promise<string> {
  // See also names the command to type: with --lang where the article's language is not the one
  // a plain `glossary lookup` would use. Such renderings depend on the user's settings: not kept.
  const plain = chooseLangs(ctx.corpus.meta.langs.map((l) => l.lang), '', false, defaultLangs(ctx.corpus.meta, ctx.localeLangs))[0] === record.lang;
  const renders = ctx.corpus.renders;
  const cached = plain ? renders.get(record.lang, record.n, width, ctx.color) : undefined;
  if (cached !== undefined) return cached;
  const render = await import('../render/article.js');
  const highlight = ctx.color && render.needsHighlighter(record) ? await ctx.loadHighlighter() : undefined;
  const text = render.renderArticle(record, { width, color: ctx.color, highlight, lookupCommand: plain ? undefined : `glossary --lang ${record.lang} lookup` });
  if (plain) renders.put(record.lang, record.n, width, ctx.color, text);
  return text;
}

/** A random article, for learning a term a day; `keyword` limits the draw. */
export async function randomArticle(ctx: Context, keyword: string | undefined, random: () => number, options: PresentOptions): Promise<Result> {
  const lang = langOf(ctx);
  let entries = ctx.corpus.list(lang);
  if (keyword !== undefined) {
    const index = ctx.corpus.keywordIndex(lang, keyword);
    if (index < 0) throw await unknownKeyword(ctx, [lang], keyword);
    entries = ctx.corpus.keywordEntries(lang, index);
  }
  const entry = entries[Math.floor(random() * entries.length)];
  if (!entry) throw new NotFoundError('no articles to choose from');
  return presentResult(ctx, ctx.corpus.record(lang, entry[3]), options);
}
