// Files added to or removed from a language, patched into a new generation instead of a recompile.
//
// Articles are numbered by id, so a new or removed id moves the numbers after it. Everything else
// an article contributes is already in the cache: its search document, its names, its candidate
// terms and postings, its scan terms. A patch of members reads the language's files once, drops
// the removed articles' numbers, moves the others to their new numbers (an order-keeping map, so
// every list stays in the order a compile writes), adds the new articles' parts, resolves every
// link again and writes the language anew: what a compile writes, without parsing, stemming and
// indexing every article again. A term the change takes across a cap is listed from what the
// records and stored body terms hold (the candidate index made anew, a stem's postings made from
// every article's terms). Where the cache does not hold what a compile would decide by (a name
// another article shares, an id of another language), the caller recompiles.
import type { Article } from '../corpus/article.js';
import { articleCap, articleNames, articleTerms, byId, gramIndex, compiledRecord, describedTerms, inBacklinkOrder, inTitleOrder, keywordLists, meanBodyLength, nameEntries, packedCount, recordLinks, resolveLinks, scanTermsOfArticle, searchDocOf, textCap, type CompiledLanguage, type CompiledRecord, type LinkedRef, type ListEntry } from '../corpus/compile.js';
import { siteLinkOptions } from '../corpus/links.js';
import { countsOf } from '../corpus/terms.js';
import type { LanguageMeta } from '../corpus/reader.js';
import type { ScanTerm } from '../scan.js';
import { CorpusWriter, encodeStored, writePatchedItems, type CorpusReader, type StoredRecord } from './compiled.js';
import { stampsByPath, type CorpusSink, type Stamp } from './files.js';
import { articleLanguages, siteLanguage, withNumber, type Patch } from './compilation.js';
import { articleOfStored as articleOf } from './language-job.js';
import type { SourceEntry, SourceListing } from './source.js';
import { vaultPathOf } from './config.js';

/** What changed in the folder: files that are new, and files that are gone (as the last compile knew them). */
export interface MemberChanges {
  added: Array<{ entry: SourceEntry; article: Article }>;
  removed: Array<{ path: string; lang: string; id: string }>;
}

/** The context a language is compiled in: the listing as it is now, and what the compile before learnt. */
export interface MemberContext {
  listing: SourceListing;
  /** The paths of the files the compile before took for no article (rejected, pages). */
  notArticles: Set<string>;
  /** The language meta each patched language gets beside what is written (its signature, its langsDigest). */
  metaOf: (lang: string, written: LanguageMeta) => LanguageMeta;
}

/**
 * The languages with files added or removed written anew into `sink`, and the record of each such
 * id in the other languages (its `langs`) patched. Undefined when the change reaches what the cache
 * cannot tell: a language that is new or left empty, a removed file that was no article, an id
 * that is there already, the site's layout, or a name (slug) another article shares.
 */
export function patchMembers(reader: CorpusReader, sink: CorpusSink, changes: MemberChanges, context: MemberContext): Patch | undefined {
  const { listing } = context;
  const byLang = new Map<string, { added: Article[]; removed: Map<string, string> }>();
  const ensure = (lang: string) => byLang.get(lang) ?? (byLang.set(lang, { added: [], removed: new Map() }).get(lang) as { added: Article[]; removed: Map<string, string> });
  const stamps = stampsByPath(changes.added.map(({ entry }) => entry));
  for (const { article } of changes.added) ensure(article.lang).added.push(article);
  for (const r of changes.removed) ensure(r.lang).removed.set(r.path, r.id);
  // Which other languages have an article of each id: a record lists them (`langs`).
  const langsOf = articleLanguages(listing, context.notArticles);
  const langsFor = (lang: string, id: string) => (langsOf.get(id) ?? []).filter((l) => l !== lang);
  // The site's layout is learnt from the language with the most files: it must stay that language.
  if (reader.meta.siteFrom !== undefined && siteLanguage(listing) !== reader.meta.siteFrom) return undefined;
  const langs = [...new Set(listing.entries.map((e) => e.lang))];

  const patch: Patch = { touched: new Map(), sums: {}, langs: new Map() };
  for (const [lang, change] of byLang) {
    if (!reader.meta.langs.some((l) => l.lang === lang)) return undefined;
    const others = langs.filter((l) => l !== lang).sort();
    const written = patchLanguageMembers(reader, sink, lang, change.added, stamps, change.removed, others, lang === reader.meta.siteFrom ? listing.config?.sitePrefix ?? null : undefined, langsFor, vaultPathOf(listing.config));
    if (!written) return undefined;
    Object.assign(patch.sums, written.sums);
    patch.langs.set(lang, context.metaOf(lang, written.meta));
    patch.touched.set(lang, written.touched);
  }
  // The languages that have an added or removed id and are not written anew: that record's `langs`.
  const ids = new Set([...changes.added.map((a) => a.entry.id), ...changes.removed.map((r) => r.id)]);
  const relisted = new Map<string, Set<string>>();
  for (const id of ids) {
    for (const lang of langsOf.get(id) ?? []) if (!byLang.has(lang)) (relisted.get(lang) ?? relisted.set(lang, new Set()).get(lang))?.add(id);
  }
  for (const [lang, which] of relisted) {
    const meta = reader.meta.langs.find((l) => l.lang === lang);
    if (!meta) return undefined;
    const replaced = new Map<number, Buffer>();
    for (const id of which) {
      const n = reader.names(lang, '=' + id).find(([, rank]) => rank === 0)?.[0];
      if (n === undefined) return undefined;
      const { stored, source } = reader.stored(lang, n);
      replaced.set(n, encodeStored({ ...stored, langs: langsFor(lang, id) }, source));
    }
    writePatchedItems(reader, sink, lang, 'records', meta.count, replaced);
    patch.langs.set(lang, context.metaOf(lang, meta));
    patch.touched.set(lang, new Set(replaced.keys()));
  }
  return patch;
}

/** One article in the language as it will be: its parts as the cache holds them, or as parsed. */
interface Member {
  article: Article;
  /** Its number before (undefined: a new article). */
  old?: number;
  stored?: StoredRecord;
}

function patchLanguageMembers(reader: CorpusReader, sink: CorpusSink, lang: string, added: Article[], stamps: Map<string, Stamp>, removedFiles: Map<string, string>, others: string[], sitePrefix: string | null | undefined, langsFor: (lang: string, id: string) => string[], vault: string | undefined): { sums: Record<string, [number, number]>; meta: LanguageMeta; touched: Set<number> } | undefined {
  const meta = reader.language(lang);
  const stats = reader.bodyStats(lang);
  // The removed articles, by their ids: a file the compile did not take as an article, or of another id, is recompiled.
  const removed: StoredRecord[] = [];
  for (const [path, id] of removedFiles) {
    const n = reader.names(lang, '=' + id).find(([, rank]) => rank === 0)?.[0];
    const record = n === undefined ? undefined : reader.stored(lang, n).stored;
    if (!record || record.file !== path || n === undefined) return undefined;
    removed.push({ ...record, bodyTerms: reader.bodyTerms(lang, n) });
  }
  const count = meta.count - removed.length + added.length;
  if (count === 0) return undefined;

  // ---- first, what the terms left out as too common decide: from the changed articles alone ----
  // The candidate index: terms in more articles than the cap are left out unless an article names them.
  const gramsCapped = new Map(Object.entries(stats.gramsCapped));
  const gramsNamed = new Map(Object.entries(stats.gramsNamed));
  const named = new Map<string, number>();
  const removedTerms = removed.map((r) => articleTerms(articleOf(r)));
  // Each new article's terms, made once: the cap checks here, the indexes below.
  const addedTerms = new Map(added.map((a) => [a, articleTerms(a)]));
  for (const [terms, step] of [...removedTerms.map((t): [typeof t, number] => [t, -1]), ...[...addedTerms.values()].map((t): [typeof t, number] => [t, 1])]) {
    for (const term of terms.grams) {
      if (gramsCapped.has(term)) gramsCapped.set(term, (gramsCapped.get(term) as number) + step);
    }
    for (const term of terms.nameStems) named.set(term, (named.get(term) ?? 0) + step);
  }
  const cap = articleCap(count);
  // A term left out as too common and named by none that is back under the cap, or named now, is
  // listed again: its articles are known only from every article's names, so the candidate index
  // is made anew from them (below), as a compile makes it.
  let remakeGrams = [...gramsCapped].some(([term, articlesWith]) => articlesWith <= cap || (named.get(term) ?? 0) > 0);
  // The full text: stems in more articles than the cap have no postings, only their count.
  const capped = new Map(Object.entries(stats.capped));
  let total = stats.total;
  const textTerms = (a: Pick<Article, 'description' | 'bodyTerms' | 'bodyCounts'>) => {
    const described = describedTerms(a.description);
    const body = a.bodyCounts ?? countsOf(a.bodyTerms);
    return { described, body, terms: new Set([...described.keys(), ...body.keys()]) };
  };
  for (const r of removed) {
    total -= r.bodyLength ?? 0;
    for (const term of textTerms({ description: r.description, bodyTerms: r.bodyTerms ?? '' }).terms) if (capped.has(term)) capped.set(term, (capped.get(term) as number) - 1);
  }
  const addedText = new Map(added.map((a) => [a, textTerms(a)]));
  for (const [a, { terms }] of addedText) {
    total += a.bodyLength;
    for (const term of terms) if (capped.has(term)) capped.set(term, (capped.get(term) as number) + 1);
  }
  const postingsCap = textCap(count);
  // Stems too common to have postings that a compile would now post: their postings are made from
  // every article's stored description and body terms (below).
  const uncapped = [...capped].filter(([, articlesWith]) => 2 * articlesWith <= postingsCap).map(([term]) => term);

  // Without their body terms: those are moved as they are stored (`raw` below).
  const stored = reader.allStored(lang, false);
  const gone = new Set(removed.map((r) => r.n));
  const kept: Member[] = stored.filter((r) => !gone.has(r.n)).map((r) => ({ article: articleOf(r), old: r.n, stored: r }));
  const ids = new Set(kept.map((m) => m.article.id.toLowerCase()));
  for (const a of added) {
    if (ids.has(a.id.toLowerCase())) return undefined;
    ids.add(a.id.toLowerCase());
  }
  // The kept are in number order (by id); the new ones go where their ids sort.
  const members: Member[] = [];
  const incoming = [...added].sort(byId);
  let i = 0;
  for (const m of kept) {
    while (i < incoming.length && byId(incoming[i] as Article, m.article) < 0) members.push({ article: incoming[i++] as Article });
    members.push(m);
  }
  while (i < incoming.length) members.push({ article: incoming[i++] as Article });
  const renumber = new Map<number, number>();
  members.forEach((m, n) => m.old !== undefined && renumber.set(m.old, n));
  const moved = (n: number) => renumber.get(n) as number;
  const fresh = members.map((m, n) => (m.old === undefined ? n : -1)).filter((n) => n >= 0);
  const articles = members.map((m) => m.article);

  // ---- names, links and what shows them ----
  const names = articleNames(articles);
  if (members.some((m, n) => m.stored && m.stored.name !== names[n])) return undefined;
  const site = reader.meta.site ?? {};
  if (sitePrefix !== undefined && JSON.stringify(siteLinkOptions(articles, sitePrefix ?? undefined, vault)) !== JSON.stringify(site)) return undefined;
  const { targets, backlinks } = resolveLinks(articles, { ...site, otherLangs: others });
  const refs: LinkedRef[] = articles.map((a, n) => ({ id: a.id, title: a.title, name: names[n] as string, n }));
  const ref = (n: number) => refs[n] as LinkedRef;
  // Each article's backlinks in the order its record shows them, as numbers: its record is made
  // when the writer asks for it (a language's records at once were most of what a patch held).
  const backs = members.map((_, n) => inBacklinkOrder([...(backlinks.get(n) ?? [])].map(ref)).map((r) => r.n));
  const record = (n: number): CompiledRecord => {
    const m = members[n] as Member;
    const links = recordLinks(m.article, targets[n] as number[], ref);
    const back = (backs[n] as number[]).map(ref);
    if (!m.stored) return { ...compiledRecord(m.article, ref(n), lang, links, back, langsFor(lang, m.article.id)), stamp: stamps.get(m.article.file) };
    // As stored, with its numbers moved, its links resolved again and its other languages now.
    const { links: _l, backlinks: _b, ...rest } = m.stored;
    return { ...rest, n, langs: langsFor(lang, m.article.id), source: '', links, backlinks: back } as unknown as CompiledRecord;
  };
  // A record whose rendering may differ: moved, or its links, backlinks or other languages changed.
  const touched = new Set<number>(gone);
  const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  members.forEach((m, n) => {
    if (!m.stored || m.old === undefined) return;
    const linked = m.stored.links.map((l) => (l[4] >= 0 ? moved(l[4]) ?? -4 : l[4]));
    const backed = m.stored.backlinks.map((b) => moved(b) ?? -4);
    if (m.old !== n || !same(linked, targets[n] as number[]) || !same(backed, backs[n] as number[]) || !Array.isArray(m.stored.langs) || !same(m.stored.langs, langsFor(lang, m.article.id))) touched.add(m.old);
  });

  // ---- search documents and body terms, moved as stored: a document's number is rewritten in place ----
  const oldDocs = reader.allItems(lang, 'docs');
  const oldTerms = reader.allItems(lang, 'terms');
  const docs: Buffer[] = [];
  const terms: Buffer[] = [];
  members.forEach((m, n) => {
    if (m.old === undefined) {
      docs.push(Buffer.from(JSON.stringify(searchDocOf(m.article, ref(n))), 'utf8'));
      terms.push(Buffer.from(m.article.bodyTerms, 'utf8'));
      return;
    }
    docs.push(renumberedDoc(oldDocs[m.old] as Buffer, m.old, n));
    terms.push(oldTerms[m.old] as Buffer);
  });

  // ---- the name map: drop the removed, move the rest, add the new ----
  const nameMap = new Map<string, Array<[number, number]>>();
  for (let s = 0; s < meta.nameShards; s++) {
    for (const [key, list] of reader.nameShard(lang, s)) {
      const next = list.filter(([n]) => !gone.has(n)).map(([n, rank]): [number, number] => [moved(n), rank]);
      if (next.length > 0) nameMap.set(key, next);
    }
  }
  for (const n of fresh) {
    for (const [key, entries] of nameEntries(articles[n] as Article, n)) {
      const list = nameMap.get(key) ?? [];
      const at = list.findIndex(([m]) => m > n);
      list.splice(at < 0 ? list.length : at, 0, ...entries);
      nameMap.set(key, list);
    }
  }

  // ---- candidates: the same, then the cap for the new count ----
  let grams = new Map<string, number[]>();
  for (let s = 0; s < meta.gramShards && !remakeGrams; s++) {
    for (const [term, list] of reader.gramShard(lang, s)) {
      const next = list.filter((n) => !gone.has(n)).map(moved);
      if (next.length > 0) grams.set(term, next);
    }
  }
  for (const n of remakeGrams ? [] : fresh) {
    for (const term of (addedTerms.get(articles[n] as Article) as { grams: Set<string> }).grams) {
      if (!gramsCapped.has(term)) withNumber(grams.get(term) ?? (grams.set(term, []).get(term) as number[]), n, true);
    }
  }
  for (const [term, list] of remakeGrams ? [] : grams) {
    const namers = gramsNamed.has(term) ? (gramsNamed.get(term) as number) + (named.get(term) ?? 0) : undefined;
    if (list.length <= cap) {
      gramsNamed.delete(term);
      continue;
    }
    // Over the cap: kept while an article names it; how many do is known only of those kept so
    // before. A term that crosses the cap now: the index is made anew.
    if (namers === undefined) {
      remakeGrams = true;
      break;
    }
    if (namers > 0) gramsNamed.set(term, namers);
    else {
      gramsNamed.delete(term);
      gramsCapped.set(term, list.length);
      grams.delete(term);
    }
  }
  if (remakeGrams) {
    // From the names, ids and descriptions each record keeps: what a compile reads for this index.
    const remade = gramIndex(articles, cap, (a) => addedTerms.get(a) ?? articleTerms(a));
    grams = remade.grams;
    gramsCapped.clear();
    gramsNamed.clear();
    for (const [term, c] of remade.gramsCapped) gramsCapped.set(term, c);
    for (const [term, c] of remade.gramsNamed) gramsNamed.set(term, c);
  }

  // ---- full text: the same, with the stems too common to keep postings of counted ----
  const text = new Map<string, number[]>();
  for (let s = 0; s < meta.textShards; s++) {
    for (const [term, list] of reader.textShard(lang, s)) {
      const next: number[] = [];
      for (let j = 0; j + 1 < list.length; j += 2) if (!gone.has(list[j] as number)) next.push(moved(list[j] as number), list[j + 1] as number);
      if (next.length > 0) text.set(term, next);
    }
  }
  for (const n of fresh) {
    const { described, body, terms } = addedText.get(articles[n] as Article) as ReturnType<typeof textTerms>;
    for (const term of terms) {
      if (capped.has(term)) continue;
      const list = text.get(term) ?? (text.set(term, []).get(term) as number[]);
      let at = 0;
      while (at < list.length && (list[at] as number) < n) at += 2;
      list.splice(at, 0, n, packedCount(described, body, term));
    }
  }
  if (uncapped.length > 0) {
    // In number order, as a compile posts them: the stored body terms of the kept, the parsed ones of the new.
    const want = new Set(uncapped);
    const lists = new Map(uncapped.map((term) => [term, [] as number[]]));
    members.forEach((m, n) => {
      const a = m.article;
      const body = m.old === undefined ? (addedText.get(a) as ReturnType<typeof textTerms>).body : countsOf((oldTerms[m.old] as Buffer).toString('utf8'));
      const described = describedTerms(a.description);
      for (const term of want) {
        const packed = packedCount(described, body, term);
        if (packed > 0) (lists.get(term) as number[]).push(n, packed);
      }
    });
    for (const [term, list] of lists) {
      capped.delete(term);
      if (list.length > 0) text.set(term, list);
    }
  }
  for (const [term, list] of text) {
    if (list.length > postingsCap) {
      capped.set(term, list.length / 2);
      text.delete(term);
    }
  }

  // ---- scan terms, the list, keywords ----
  const scanTerms: ScanTerm[] = [];
  for (const t of reader.scanIndex(lang).terms) if (!gone.has(t.n)) scanTerms.push({ ...t, n: moved(t.n) });
  for (const n of fresh) scanTerms.push(...scanTermsOfArticle(articles[n] as Article, n));
  // A stable sort: each article's terms stay in the order a compile gives them.
  scanTerms.sort((x, y) => x.n - y.n);
  const entry = (n: number): ListEntry => [(articles[n] as Article).id, names[n] as string, (articles[n] as Article).title, n];
  const compiled: CompiledLanguage = {
    lang, count: members.length, record,
    // Given encoded, as stored (`docs` below).
    doc: () => {
      throw new Error('a patch of members writes its search documents as stored');
    },
    names: nameMap, grams, text,
    scan: { terms: scanTerms, vocabulary: [...text.keys()] },
    avgBodyLength: meanBodyLength(total, count), bodyTotal: total,
    capped, gramsCapped, gramsNamed,
    list: inTitleOrder(articles.map((_, n) => entry(n))),
    keywords: keywordLists(articles, entry),
  };
  const w = new CorpusWriter(sink);
  const written = w.language(compiled, false, undefined, { docs, terms });
  return { sums: w.sums, meta: written, touched };
}

/**
 * A search document (JSON whose first keys are id, title, name, n) with its number changed, as
 * bytes: the first `,"n":` in it is that key (a quote inside a string is escaped).
 */
function renumberedDoc(doc: Buffer, before: number, after: number): Buffer {
  if (before === after) return doc;
  const key = Buffer.from(`,"n":${before}`, 'utf8');
  const at = doc.indexOf(key);
  const end = at + key.length;
  if (at < 0 || (doc[end] !== 0x2c && doc[end] !== 0x7d)) throw new Error(`search document ${before} has no number`);
  return Buffer.concat([doc.subarray(0, at), Buffer.from(`,"n":${after}`, 'utf8'), doc.subarray(end)]);
}
