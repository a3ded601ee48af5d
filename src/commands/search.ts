// `glossary search <query...>`: ranked hits, one a line.
import { jsonText, langsOf, listWidthOf, ok, parseLimit, text, type Context, type PresentOptions, type Result } from '../context.js';
import { fitColumns, nameColumnMin, type Column } from '../width.js';
import { NotFoundError, UsageError } from '../errors.js';
import { checkQuery } from '../resolve.js';
import { fold } from '../fold.js';
import { compareHits, onlyFiller, search, Tier, type Hit } from '../search.js';
import { findSnippet, markSnippet, type Snippet } from '../snippet.js';
import type { Theme } from '../render/theme.js';

export interface SearchOptions {
  limit?: string;
  json?: boolean;
  width?: string;
  pick?: boolean;
  pager?: boolean;
  explain?: boolean;
}

/** The title gets at most this share of the width; the description has the rest. */
const TITLE_SHARE = 0.3;
/** A snippet has at least this many columns. */
const MIN_DESCRIPTION = 10;

/** A body hit's matching sentence, indented under its line; marked with the theme's name style. */
const SNIPPET_INDENT = '    ';

export function hitLines(hits: Array<Hit & { snippet?: Snippet; lang?: string }>, width: number, theme: Theme, langs = false): string {
  // The table rule of every listing (width.ts): the name whole up to 40 columns, the title up to a
  // share, the description in the rest; --lang all adds the language first.
  const columns: Column[] = [
    ...(langs ? [{ cells: hits.map((h) => h.lang ?? ''), style: theme.dim }] : []),
    { cells: hits.map((h) => h.doc.name), style: theme.name, min: nameColumnMin(hits.map((h) => h.doc.name), width) },
    { cells: hits.map((h) => h.doc.title), share: TITLE_SHARE },
    { cells: hits.map((h) => h.doc.description), style: theme.dim, flex: true },
  ];
  const lines = fitColumns(columns, width);
  return hits.map((h, i) => (h.snippet ? `${lines[i]}\n${SNIPPET_INDENT}${markSnippet(h.snippet, theme.label)}` : lines[i])).join('\n') + '\n';
}

/** The ranked hits, over one language or all, in search's own order; NotFoundError when there are none. */
export function searchHits(ctx: Context, words: string[], options: SearchOptions): Array<Hit & { lang: string }> {
  if (words.join(' ').trim() === '') throw new UsageError('empty query: give words to search for, e.g. glossary search alliance');
  const query = checkQuery(words.join(' '));
  // Only question and function words: every article would be as good a hit as another.
  if (onlyFiller(query)) throw new UsageError(`"${query}" has only question and filler words: add the term you mean, e.g. glossary search hvad er goodwill`);
  const limit = options.limit !== undefined ? parseLimit(options.limit) : 10;
  const langs = langsOf(ctx, true);
  const hits: Array<Hit & { lang: string }> = [];
  for (const lang of langs) {
    const found = search(ctx.corpus.searchSource(lang), query, limit, { lexicon: ctx.lexicon });
    const translated = langs.length === 1 ? otherLanguageNames(ctx, lang, query, found) : [];
    for (const h of [...translated, ...found]) hits.push({ ...h, lang });
  }
  // One language: search's order as it is. Several: merged by the same rule.
  if (langs.length > 1) hits.sort(compareHits);
  const top = hits.slice(0, limit);
  if (top.length === 0) throw new NotFoundError(`nothing matches "${query}"`, ['try fewer or other words, or: glossary list']);
  return top;
}

/**
 * A whole name of another language's article (`earnings before interest and taxes`, the English
 * title of `ebit`): the article with the same id in this language, first, saying which name matched.
 */
function otherLanguageNames(ctx: Context, lang: string, query: string, found: Hit[]): Hit[] {
  const others = ctx.corpus.meta.langs.map((l) => l.lang).filter((l) => l !== lang);
  if (!others.length) return [];
  const key = fold(query);
  const out: Hit[] = [];
  const seen = new Set(found.filter((h) => h.tier === Tier.exact).map((h) => h.doc.n));
  if (seen.size) return [];
  for (const other of others) {
    const named = ctx.corpus.names(other, key);
    if (!named.length) continue;
    for (const doc of ctx.corpus.docs(other, [...new Set(named.map(([n]) => n))])) {
      const here = ctx.corpus.names(lang, '=' + doc.id).find(([, rank]) => rank === 0);
      if (!here || seen.has(here[0])) continue;
      seen.add(here[0]);
      const [own] = ctx.corpus.docs(lang, [here[0]]) as [Hit['doc']];
      out.push({
        doc: own, tier: Tier.exact, matched: 1, named: 1, cost: 0, typos: 0, unmatchedTitleWords: 0, described: 0, text: 0, field: 'name', stems: [], score: 0,
        via: 'translation', translation: { lang: other, title: doc.title },
        why: [{ what: `the whole query is the ${other} title "${doc.title}" of the same article (${doc.id})`, add: 0 }],
      });
    }
  }
  // The same article found again by its own words is the one hit.
  const ns = new Set(out.map((h) => h.doc.n));
  found.splice(0, found.length, ...found.filter((h) => !ns.has(h.doc.n)));
  return out;
}

/** Why a hit matched, as --json names it: a whole name (which), its beginning, or the field of its best words. */
function matchOf(h: Hit): string {
  if (h.via) return h.via === 'plain' ? 'folded' : h.via === 'title' ? 'exact' : h.via;
  if (h.tier === Tier.prefix) return 'prefix';
  if (h.why.some((w) => w.what.includes('its initial'))) return 'initials';
  // A query word found only through the synonym lexicon (synonyms.ts): the route says so.
  if (h.synonyms?.length) return 'synonym';
  return h.field;
}

/** --explain: under a hit, its score's parts. */
function explainLines(h: Hit): string {
  return h.why.map((w) => `    ${w.add > 0 ? '+' : w.add < 0 ? '-' : ' '}${Math.abs(w.add).toFixed(2).padStart(6)}  ${w.what}`).join('\n');
}

/** The sentence that matched, for hits found in the body only (the others show their names). */
function withSnippets(ctx: Context, hits: Array<Hit & { lang: string }>, width: number): Array<Hit & { lang: string; snippet?: Snippet }> {
  return hits.map((h) => {
    if (h.field !== 'body') return h;
    const { source, bodyStart } = ctx.corpus.text(h.lang, h.doc.n);
    const snippet = findSnippet(source.slice(bodyStart), h.stems, Math.max(MIN_DESCRIPTION, width - SNIPPET_INDENT.length));
    return snippet ? { ...h, snippet } : h;
  });
}

export function runSearch(ctx: Context, words: string[], options: SearchOptions): Result {
  const width = listWidthOf(ctx, options.width);
  let found: Array<Hit & { lang: string }>;
  try {
    found = searchHits(ctx, words, options);
  } catch (error) {
    // --json: no hits is an empty list on stdout, with the message and exit code as without it.
    if (options.json && error instanceof NotFoundError) return { output: text('[]\n'), notes: [[error.message, ...error.details].join('; ')], exitCode: error.exitCode };
    throw error;
  }
  const top = withSnippets(ctx, found, width);
  const query = words.join(' ');
  if (options.pick && ctx.interactive) {
    const present: PresentOptions = { pager: options.pager, width: options.width, json: options.json };
    return { ...ok(undefined), pick: { prompt: 'Show which article?', candidates: top.map((h) => ({ doc: h.doc, lang: h.lang })), present } };
  }
  if (options.json) {
    return ok(text(jsonText(top.map((h) => ({
      id: h.doc.id, lang: h.lang, name: h.doc.name, title: h.doc.title, description: h.doc.description,
      match: matchOf(h), query, ...(h.translation ? { matchedName: h.translation.title, matchedLang: h.translation.lang } : {}),
      ...(h.lexicon ? { matchedName: h.lexicon.name, lexicon: { phrase: h.lexicon.phrase, kind: h.lexicon.kind, id: h.lexicon.id, field: h.field } } : {}),
      ...(h.synonyms ? { synonyms: h.synonyms.map((m) => ({ word: m.word, synonym: m.synonym, field: m.field })) } : {}),
      score: Number(h.score.toFixed(3)), ...(h.snippet ? { snippet: h.snippet.text } : {}),
      ...(options.explain ? { explain: h.why.map((w) => ({ what: w.what, add: w.add })) } : {}),
    })))));
  }
  if (options.explain) {
    const lines = hitLines(top.map((h) => ({ ...h, snippet: undefined })), width, ctx.theme, langsOf(ctx, true).length > 1).trimEnd().split('\n');
    return ok(text(top.map((h, i) => `${lines[i]}\n    score ${h.score.toFixed(2)}, matched as: ${matchOf(h)}\n${explainLines(h)}`).join('\n') + '\n'));
  }
  return ok(text(hitLines(top, width, ctx.theme, langsOf(ctx, true).length > 1)));
}
