// `glossary list [--keyword K]` and `glossary keywords`: browsing the corpus.
import { compareDanish, fold } from '../fold.js';
import { jsonText, type Context } from '../context.js';
import { displayWidth, pad } from '../width.js';
import type { ListEntry } from '../corpus/compile.js';
import { NotFoundError } from '../errors.js';

export interface ListOptions {
  keyword?: string;
  json?: boolean;
}

function entriesFor(ctx: Context, lang: string, keyword: string | undefined): ListEntry[] {
  const corpus = ctx.corpus();
  if (keyword === undefined) return corpus.list(lang);
  const index = corpus.keywordIndex(lang, keyword);
  return index < 0 ? [] : corpus.keywordEntries(lang, index);
}

export async function runList(ctx: Context, options: ListOptions): Promise<string> {
  const langs = ctx.lang(true);
  // One language is already in order; several are merged and sorted again.
  const perLang = langs.map((lang) => entriesFor(ctx, lang, options.keyword).map((e): [ListEntry, string] => [e, lang]));
  const rows = perLang.length === 1 ? (perLang[0] as Array<[ListEntry, string]>) : perLang.flat().sort((a, b) => compareDanish(a[0][2], b[0][2]));
  if (rows.length === 0) {
    const known = langs.flatMap((l) => ctx.corpus().language(l).keywords.map(([name]) => name));
    const { closest } = await import('../search.js');
    const near = closest([...new Set(known)], options.keyword ?? '');
    throw new NotFoundError(`no keyword "${options.keyword ?? ''}"`, [near.length ? `did you mean: ${near.join(', ')}? (all keywords: glossary keywords)` : 'see all keywords: glossary keywords']);
  }
  if (options.json) return jsonText(rows.map(([r, lang]) => ({ id: r[0], name: r[1], title: r[2], ...(langs.length > 1 ? { lang } : {}) })));
  const theme = ctx.theme;
  const width = Math.min(40, rows.reduce((max, [r]) => Math.max(max, displayWidth(r[1])), 0));
  return rows.map(([r]) => `${theme.name(pad(r[1], width))}  ${r[2]}`).join('\n') + '\n';
}

export function runKeywords(ctx: Context, options: { json?: boolean }): string {
  const counts = new Map<string, [string, number]>();
  for (const lang of ctx.lang(true)) {
    for (const [name, count] of ctx.corpus().language(lang).keywords) {
      const key = fold(name);
      const old = counts.get(key);
      counts.set(key, [old?.[0] ?? name, (old?.[1] ?? 0) + count]);
    }
  }
  const rows = [...counts.values()];
  // Each language's keywords are sorted at compile time; only a merge needs sorting again.
  if (ctx.lang(true).length > 1) rows.sort((a, b) => compareDanish(a[0], b[0]));
  if (options.json) return jsonText(rows.map(([keyword, count]) => ({ keyword, count })));
  if (rows.length === 0) return '';
  const width = String(Math.max(...rows.map((r) => r[1]))).length;
  const theme = ctx.theme;
  return rows.map(([name, count]) => `${theme.dim(String(count).padStart(width))}  ${name}`).join('\n') + '\n';
}
