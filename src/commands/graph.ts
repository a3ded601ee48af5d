// `links`, `backlinks` and `related`: the link graph of one article.
import type { ArticleRecord, ArticleRef } from '../corpus/compile.js';
import type { Corpus } from '../corpus/reader.js';
import { jsonText, langOf, ok, parseLimit, text, type Context, type Result } from '../context.js';
import { fitColumns, nameColumnMin } from '../width.js';
import { compareDanish, fold } from '../fold.js';
import { resolveArticle } from '../resolve.js';
import { sanitize } from '../render/sanitize.js';
import { linkResolver, writtenTarget } from '../corpus/links.js';
import type { Article } from '../corpus/article.js';

function refLines(ctx: Context, rows: Array<{ ref?: ArticleRef; name: string; title: string; note?: string }>): string {
  const theme = ctx.theme;
  // The table rule of every listing (width.ts): the name up to 40 columns or half the line, the
  // title, the note in the rest.
  const notes = rows.some((r) => r.note);
  const width = ctx.listWidth ?? ctx.width;
  const lines = fitColumns([
    { cells: rows.map((r) => r.name), style: theme.name, min: nameColumnMin(rows.map((r) => r.name), width), share: 0.5 },
    { cells: rows.map((r) => r.title), share: notes ? 0.35 : undefined },
    ...(notes ? [{ cells: rows.map((r) => r.note ?? ''), style: theme.dim, flex: true }] : []),
  ], width);
  return lines.join('\n') + (rows.length ? '\n' : '');
}

export async function runLinks(ctx: Context, terms: string[], options: { json?: boolean }): Promise<Result> {
  const { record, notes } = await resolveArticle(ctx.corpus, langOf(ctx), terms, ctx.lexicon);
  const seen = new Set<string>();
  // A link to a page of the site outside the glossary is not part of the glossary's graph; an
  // article linked twice (`[static](/en-US/docs/Glossary/SSG)` and `{{Glossary("SSG")}}`) is listed once.
  const links = record.links.filter((l) => {
    const key = l.to ? `=${l.to.id}` : l.target;
    return !l.outside && !seen.has(key) && seen.add(key);
  });
  // A link to the article itself is no broken link (compile resolves it to nothing, as check calls it self-link).
  const own = new Set([record.id, record.name, record.slug].map((n) => fold(n)));
  // By its path or as written (`./aktie`, `[[Aktie]]`); not by the last part of another path (`../skat/aktie.md`).
  const isSelf = (l: { href: string; target: string }) => own.has(fold(l.target)) || own.has(fold(writtenTarget(l)));
  // A link to an article of another language only: said so, as check says it (untranslated), by
  // that language's resolver as check makes it (made only when a link is unresolved).
  const lang = langOf(ctx);
  const langs = ctx.corpus.meta.langs.map((l) => l.lang);
  const resolvers = new Map<string, ReturnType<typeof linkResolver>>();
  const resolverOf = (other: string) => {
    let r = resolvers.get(other);
    if (!r) {
      const articles = ctx.corpus.linkTargets(other).map((a) => ({ ...a, links: [] }) as unknown as Article);
      r = linkResolver(articles, ctx.corpus.meta.site ?? {});
      resolvers.set(other, r);
    }
    return r;
  };
  // Its records are read only where the other language has a name the link could mean (its
  // path or last part, as written or as its target): a link to nothing costs no reading.
  const mayName = (other: string, l: { href: string; target: string }) =>
    [l.target, writtenTarget(l)].flatMap((t) => [t, t.replace(/\/+$/, '').split('/').pop() ?? '']).some((t) => ctx.corpus.names(other, fold(t)).length > 0 || ctx.corpus.names(other, `=${t}`).length > 0);
  const onlyIn = (l: (typeof links)[number]): string[] => (l.to ? [] : langs.filter((other) => other !== lang && mayName(other, l) && typeof resolverOf(other)(l) === 'object'));
  // Two articles or more of the name it ends with (`[[Note]]` with a/Note and b/Note): as check says it (ambiguous-link).
  // The compile marks such a link; its candidates are read only then.
  const ambiguous = (l: (typeof links)[number]) => (l.ambiguous ? resolverOf(lang).ambiguous(l) : []);
  if (options.json) {
    return ok(text(jsonText(links.map((l) => {
      const elsewhere = onlyIn(l);
      const could = elsewhere.length ? [] : ambiguous(l).map((a) => a.id);
      return { target: l.target, text: l.text, line: l.line, resolved: l.to ?? null, ...(!l.to && isSelf(l) ? { self: true } : {}), ...(elsewhere.length ? { onlyIn: elsewhere } : {}), ...(could.length ? { ambiguous: could } : {}) };
    }))), notes);
  }
  if (links.length === 0) return ok(undefined, [...notes, `${record.name} links to no other article`]);
  // A link's target and text are the file's as written: one line, no control character (a `%1B`
  // or `%0A` in an address decodes to one), whatever the terminal gets besides.
  const plain = (t: string) => sanitize(t, false).replace(/\s+/g, ' ');
  const row = (l: (typeof links)[number]) => {
    if (l.to) return { name: l.to.name, title: l.to.title };
    if (isSelf(l)) return { name: record.name, title: record.title, note: '(this article)' };
    const elsewhere = onlyIn(l);
    const could = elsewhere.length ? [] : ambiguous(l);
    const note = elsewhere.length ? `(only in ${elsewhere.join(', ')})` : could.length ? `(ambiguous: ${could.map((a) => plain(a.id)).join(', ')})` : '(not in the corpus)';
    return { name: plain(writtenTarget(l)), title: plain(l.text), note };
  };
  return ok(text(refLines(ctx, links.map(row))), notes);
}

export async function runBacklinks(ctx: Context, terms: string[], options: { json?: boolean }): Promise<Result> {
  const { record, notes } = await resolveArticle(ctx.corpus, langOf(ctx), terms, ctx.lexicon);
  if (options.json) return ok(text(jsonText(record.backlinks)), notes);
  if (record.backlinks.length === 0) return ok(undefined, [...notes, `no article links to ${record.name}`]);
  return ok(text(refLines(ctx, record.backlinks)), notes);
}

export interface Related extends ArticleRef {
  score: number;
  keywords: string[];
  linksTo: boolean;
  linkedFrom: boolean;
}

/**
 * Articles ranked by what they share with this one: each shared keyword weighs by its rarity
 * (a keyword on every article says nothing), a link either way weighs 2.
 */
export function relatedTo(corpus: Corpus, record: ArticleRecord, limit: number): Related[] {
  const meta = corpus.language(record.lang);
  const found = new Map<string, Related>();
  const entry = (ref: ArticleRef): Related => {
    let r = found.get(ref.id);
    if (!r) found.set(ref.id, (r = { ...ref, score: 0, keywords: [], linksTo: false, linkedFrom: false }));
    return r;
  };
  const own = new Set(record.keywords.map(fold));
  meta.keywords.forEach(([name, count], i) => {
    if (!own.has(fold(name))) return;
    // A keyword on most articles says nothing about this one.
    if (count > meta.count / 2) return;
    const weight = Math.log((meta.count + 1) / count);
    for (const [id, refName, title] of corpus.keywordEntries(record.lang, i)) {
      if (id === record.id) continue;
      const r = entry({ id, name: refName, title });
      r.score += weight;
      r.keywords.push(name);
    }
  });
  for (const link of record.links) {
    if (!link.to || link.to.id === record.id) continue;
    const r = entry(link.to);
    if (!r.linksTo) r.score += 2;
    r.linksTo = true;
  }
  for (const back of record.backlinks) {
    const r = entry(back);
    if (!r.linkedFrom) r.score += 2;
    r.linkedFrom = true;
  }
  return [...found.values()].sort((a, b) => b.score - a.score || compareDanish(a.title, b.title)).slice(0, limit);
}

export async function runRelated(ctx: Context, terms: string[], options: { json?: boolean; limit?: string }): Promise<Result> {
  const { record, notes } = await resolveArticle(ctx.corpus, langOf(ctx), terms, ctx.lexicon);
  const limit = options.limit === undefined ? 10 : parseLimit(options.limit);
  const related = relatedTo(ctx.corpus, record, limit);
  if (options.json) return ok(text(jsonText(related.map((r) => ({ ...r, score: Number(r.score.toFixed(3)) })))), notes);
  if (related.length === 0) return ok(undefined, [...notes, `nothing shares keywords or links with ${record.name}`]);
  return ok(text(refLines(ctx, related.map((r) => {
    const why = [r.linksTo && r.linkedFrom ? 'links both ways' : r.linksTo ? 'linked from here' : r.linkedFrom ? 'links here' : '', r.keywords.length ? `shares ${r.keywords.join(', ')}` : ''].filter(Boolean).join('; ');
    return { name: r.name, title: r.title, note: `(${why})` };
  }))), notes);
}
