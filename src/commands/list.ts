// `glossary list [--keyword K]` and `glossary keywords`: browsing the corpus.
import { compareDanish, fold } from '../fold.js';
import { jsonText, langsOf, ok, parseLimit, text, type Context, type Result } from '../context.js';
import { fitColumns, nameColumnMin } from '../width.js';
import type { ListEntry } from '../corpus/compile.js';
import { NotFoundError } from '../errors.js';

export interface ListOptions {
  keyword?: string;
  json?: boolean;
  limit?: string;
}

function entriesFor(ctx: Context, lang: string, keyword: string | undefined): ListEntry[] {
  if (keyword === undefined) return ctx.corpus.list(lang);
  const index = ctx.corpus.keywordIndex(lang, keyword);
  return index < 0 ? [] : ctx.corpus.keywordEntries(lang, index);
}

/** No such keyword: the error, with the closest keywords as a hint (list and random alike). */
export async function unknownKeyword(ctx: Context, langs: string[], keyword: string): Promise<NotFoundError> {
  const known = langs.flatMap((l) => ctx.corpus.language(l).keywords.map(([name]) => name));
  const { closest, editDistance } = await import('../search.js');
  const near = closest([...new Set(known)], keyword);
  // A keyword typed in Danish (`Skat`) or as a term: the keywords the articles it finds share most.
  const { search } = await import('../search.js');
  const tally = new Map<string, number>();
  for (const lang of langs) {
    let hits: ReturnType<typeof search> = [];
    try {
      hits = search(ctx.corpus.searchSource(lang), keyword, 5);
    } catch {
      hits = [];
    }
    for (const h of hits) for (const k of h.doc.keywords) tally.set(k, (tally.get(k) ?? 0) + 1);
  }
  const general = new Set(langs.flatMap((l) => ctx.corpus.language(l).keywords.filter(([, count]) => count > ctx.corpus.list(l).length / 2).map(([name]) => fold(name))));
  const byTerm = [...tally].filter(([k, count]) => count >= 2 && !general.has(fold(k))).sort((a, b) => b[1] - a[1]).map(([k]) => k);
  // A keyword spelt nearly right (a typo or two) is what was meant; else what the articles share.
  const typed = fold(keyword);
  const spelt = near.filter((k) => editDistance(fold(k), typed, 2) <= 2);
  const shown = spelt.length ? spelt : [...byTerm.slice(0, 2), ...near.filter((k) => !byTerm.includes(k))].slice(0, 3);
  near.splice(0, near.length, ...shown);
  return new NotFoundError(`no keyword "${keyword}"`, [near.length ? `did you mean: ${near.join(', ')}? (all keywords: glossary keywords)` : 'see all keywords: glossary keywords']);
}

export async function runList(ctx: Context, options: ListOptions): Promise<Result> {
  const langs = langsOf(ctx, true);
  // One language is already in order; several are merged and sorted again.
  const perLang = langs.map((lang) => entriesFor(ctx, lang, options.keyword).map((e): [ListEntry, string] => [e, lang]));
  const rows = perLang.length === 1 ? (perLang[0] as Array<[ListEntry, string]>) : perLang.flat().sort((a, b) => compareDanish(a[0][2], b[0][2]));
  const limit = options.limit !== undefined ? parseLimit(options.limit) : undefined;
  if (rows.length === 0) {
    const error = await unknownKeyword(ctx, langs, options.keyword ?? '');
    // --json: the document is an empty list; the message and exit code as without it.
    if (options.json) return { output: text('[]\n'), notes: [[error.message, ...error.details].join('; ')], exitCode: error.exitCode };
    throw error;
  }
  if (limit !== undefined) rows.splice(limit);
  if (options.json) return ok(text(jsonText(rows.map(([r, l]) => ({ id: r[0], name: r[1], title: r[2], ...(langs.length > 1 ? { lang: l } : {}) })))));
  const theme = ctx.theme;
  const width = ctx.listWidth ?? ctx.width;
  // The table rule of every listing (width.ts). Over several languages, each row says its
  // language: the same term is a row in each.
  const lines = fitColumns([
    ...(langs.length > 1 ? [{ cells: rows.map(([, l]) => l), style: theme.dim }] : []),
    { cells: rows.map(([r]) => r[1]), style: theme.name, min: nameColumnMin(rows.map(([r]) => r[1]), width) },
    { cells: rows.map(([r]) => r[2]), flex: true },
  ], width);
  const notes = options.keyword === undefined ? skippedNote(ctx) : [];
  return ok(text(lines.join('\n') + '\n'), notes);
}

export function runKeywords(ctx: Context, options: { json?: boolean }): Result {
  const langs = langsOf(ctx, true);
  const counts = new Map<string, [string, number]>();
  for (const lang of langs) {
    for (const [name, count] of ctx.corpus.language(lang).keywords) {
      const key = fold(name);
      const old = counts.get(key);
      counts.set(key, [old?.[0] ?? name, (old?.[1] ?? 0) + count]);
    }
  }
  const rows = [...counts.values()];
  // Each language's keywords are sorted at compile time; only a merge needs sorting again.
  if (langs.length > 1) rows.sort((a, b) => compareDanish(a[0], b[0]));
  if (options.json) return ok(text(jsonText(rows.map(([keyword, count]) => ({ keyword, count })))));
  if (rows.length === 0) return ok(undefined, skippedNote(ctx));
  const width = String(Math.max(...rows.map((r) => r[1]))).length;
  const theme = ctx.theme;
  const lines = fitColumns([{ cells: rows.map(([, count]) => String(count).padStart(width)), style: theme.dim }, { cells: rows.map(([name]) => name), flex: true }], ctx.listWidth ?? ctx.width);
  return ok(text(lines.join('\n') + '\n'), skippedNote(ctx));
}

/** A listing of the whole corpus ends by saying what is not in it (not with --json). */
function skippedNote(ctx: Context): string[] {
  const skipped = ctx.corpus.meta.skipped;
  return skipped ? [`${skipped} file${skipped === 1 ? '' : 's'} not in the corpus: see ${ctx.checkCommand}`] : [];
}
