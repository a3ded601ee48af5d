// Compiling content folders: parse (reusing earlier results), check, compile, write.
import type { Article, ParseResult } from '../corpus/article.js';
import { checkArticles, type FileProblem } from '../corpus/check.js';
import { linkKey, linkResolver, siteLinkOptions, type LinkOptions } from '../corpus/links.js';
import { articleCap, articleTerms, compileLanguage, stamped, describedTerms, indexSignature, inTitleOrder, meanBodyLength, nameEntries, packedCount, scanTermsOfArticle, searchDocOf, textCap, type CompiledLanguage, type ListEntry } from '../corpus/compile.js';
import { compareDanish, fold } from '../fold.js';
import { countsOf } from '../corpus/terms.js';
import { MAX_FILE_BYTES, parseArticle } from '../corpus/parse.js';
import { createHash } from 'node:crypto';
import { CorpusWriter, encodeGramShard, encodeNameShard, encodeStored, encodeTextShard, finishCorpus, FORMAT, partSizeOf, shardOf, writeCorpus, writePatchedItems, type BodyStats, type CorpusReader, type Skipped, type StoredRecord } from './compiled.js';
import type { LanguageMeta } from '../corpus/reader.js';
import { readRegularFile, stampOf, stampsByPath, type CorpusSink } from './files.js';
import { articleOfStored, compileLanguageJob, type LanguageJob } from './language-job.js';
import { settled, type SourceEntry, type SourceListing } from './source.js';
import { vaultPathOf } from './config.js';

export interface Compilation {
  languages: CompiledLanguage[];
  /** Articles parsed, in all languages. */
  articles: number;
  skipped: Skipped[];
  problems: FileProblem[];
  files: number;
  /** Files that could not be read (permissions, gone): tried again on the next run. */
  unreadable: string[];
  /** The language the corpus config names as its default. */
  defaultLang?: string;
}

export function parseEntry(entry: SourceEntry): ParseResult {
  const unreadable = (code: string): ParseResult => ({ kind: 'rejected', file: entry.path, id: entry.id, problems: [{ severity: 'error', code: 'unreadable', message: `cannot read the file (${code})` }] });
  // Larger files are refused by the parser from their size alone; reading them would cost memory.
  const tooLarge = (size: number) => parseArticle({ id: entry.id, lang: entry.lang, file: entry.path, bytes: new Uint8Array(size) });
  if (entry.size > MAX_FILE_BYTES) return tooLarge(entry.size);
  let size = 0;
  let file;
  try {
    file = readRegularFile(entry.path, (s) => (size = s) <= MAX_FILE_BYTES);
  } catch (error) {
    return unreadable((error as NodeJS.ErrnoException).code ?? 'error');
  }
  if (!file) return size > MAX_FILE_BYTES ? tooLarge(size) : unreadable('no longer a regular file');
  return parseArticle({ id: entry.id, lang: entry.lang, file: entry.path, bytes: file.bytes, dir: entry.dir, keywordFields: entry.keywordFields, vault: entry.vault });
}

/** Parses (or takes what is `parsed` already), checks and compiles every language. */
export interface CompileOptions {
  /** Run the corpus checks (build and `check` want them; a --content compile does not keep them). */
  check?: boolean;
  /** Build the compiled languages (`check` only lints). */
  compile?: boolean;
  /** With the checks, what each article defines (`check --rule defines`). */
  defines?: boolean;
  /** Results already parsed (by parse-pool.ts), by path; the rest are parsed here. */
  parsed?: Map<string, ParseResult>;
  /** Told of each file read, then of indexing: drives a progress line. */
  onProgress?: (phase: 'reading' | 'indexing', done: number, total: number) => void;
}

export function compileListing(listing: SourceListing, options: CompileOptions = {}): Compilation {
  const { check = true, compile = true, onProgress, parsed, defines = false } = options;
  const total = listing.entries.length;
  let done = 0;
  const byLang = new Map<string, Article[]>();
  const skipped: Skipped[] = [...listing.skipped];
  const problems: FileProblem[] = [];
  const unreadable: string[] = [];
  for (const entry of listing.entries) {
    const result: ParseResult = parsed?.get(entry.path) ?? parseEntry(entry);
    if (!parsed) onProgress?.('reading', ++done, total);
    if (result.kind === 'article') {
      const list = byLang.get(entry.lang) ?? [];
      list.push(result.article);
      byLang.set(entry.lang, list);
    } else if (result.kind === 'not-article') {
      skipped.push({ file: result.file, reason: result.reason });
    } else if (result.kind === 'page') {
      skipped.push({ file: result.file, reason: result.reason, page: true });
    } else {
      skipped.push({ file: result.file, reason: result.problems[0]?.message ?? 'rejected' });
      if (result.problems.some((p) => p.code === 'unreadable')) unreadable.push(result.file);
      for (const p of result.problems) problems.push({ ...p, file: result.file, lang: entry.lang });
    }
  }
  // Indexing counts articles, so that a large folder shows how far it is.
  const articleTotal = [...byLang.values()].reduce((sum, list) => sum + list.length, 0);
  let indexed = 0;
  onProgress?.('indexing', 0, articleTotal);
  const langsOf = new Map<string, string[]>();
  for (const [lang, articles] of byLang) {
    for (const a of articles) langsOf.set(a.id, [...(langsOf.get(a.id) ?? []), lang]);
  }
  // The largest language first: it is the default when nothing else names one.
  const order = [...byLang.keys()].sort((a, b) => (byLang.get(b)?.length ?? 0) - (byLang.get(a)?.length ?? 0) || (a < b ? -1 : 1));
  const stamps = stampsByPath(listing.entries);
  // Links in the site's style: its glossary prefix, as configured, as the pages' addresses tell it, or
  // as most links share it; learnt from the language with the most files, as a compile language by
  // language does (links of every language share it).
  const linkOptions: LinkOptions = siteLinkOptions(byLang.get(siteLanguage(listing) as string) ?? [], listing.config?.sitePrefix, vaultPathOf(listing.config));
  // Each language's links as its own: what tells an untranslated link from a broken one.
  const resolvers = check ? order.map((lang) => ({ lang, resolve: linkResolver(byLang.get(lang) ?? [], linkOptions) })) : [];
  const languages: CompiledLanguage[] = [];
  for (const lang of order) {
    const articles = byLang.get(lang) ?? [];
    const options: LinkOptions = { ...linkOptions, otherLangs: order.filter((l) => l !== lang) };
    if (check) problems.push(...checkArticles(articles, { ...options, defines, others: resolvers.filter((r) => r.lang !== lang) }));
    if (!compile) continue;
    const compiled = compileLanguage(lang, articles, langsOf, options, (n) => onProgress?.('indexing', indexed + n, articleTotal));
    indexed += articles.length;
    languages.push(stamped(compiled, stamps));
  }
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  const articles = [...byLang.values()].reduce((sum, list) => sum + list.length, 0);
  const defaultLang = listing.config?.defaultLanguage;
  return { languages, skipped, problems, articles, files: listing.entries.length + listing.skipped.length, unreadable, ...(defaultLang ? { defaultLang } : {}) };
}

/**
 * Writes a compilation. Records of a --content folder refer to its files instead of copying them;
 * the bundled corpus (`embedSource`) keeps its sources, as its folder moves with the package.
 */
export function writeCompilation(sink: CorpusSink, c: Compilation, embedSource = false): void {
  writeCorpus(sink, c.languages, c.files, { skipped: c.skipped }, embedSource, c.defaultLang);
}

/** What a patch wrote: the languages and articles it touched, and what the manifest must now say. */
export interface Patch {
  /** Language -> the articles whose records changed (their renderings are stale). */
  touched: Map<string, Set<number>>;
  /** Sums of the JSON files it wrote anew. */
  sums: Record<string, [number, number]>;
  /** Language -> its meta as it now is. */
  langs: Map<string, LanguageMeta>;
}

/** One file's edit, as a patch takes it. */
interface Edit {
  n: number;
  record: StoredRecord;
  source: string;
  before: StoredRecord;
  /** The article as compiled before, and as it is now. */
  old: Article;
  article: Article;
  counts: Map<string, number>;
  /** Its names, description, keywords or what it defines changed: the indexes of names change too. */
  index: boolean;
}

/** What links see of an article: its id, aliases, site addresses and its links' targets. */
function linkSignature(a: Article): string {
  return JSON.stringify([a.id, a.aliases, a.site ?? [], a.links.map(linkKey)]);
}

/** A record's fields in the order a compile writes them: a patched record is the bytes a compile writes. */
const RECORD_ORDER = ['id', 'title', 'name', 'n', 'lang', 'file', 'slug', 'description', 'keywords', 'aliases', 'bodyStart', 'problems', 'bodyLine', 'bodyLength', 'defined', 'site', 'siteName', 'langs', 'stamp', 'external', 'links', 'backlinks'];

function inRecordOrder(record: StoredRecord): StoredRecord {
  const fields = record as unknown as Record<string, unknown>;
  const keys = [...RECORD_ORDER.filter((k) => Object.hasOwn(fields, k)), ...Object.keys(fields).filter((k) => !RECORD_ORDER.includes(k))];
  return Object.fromEntries(keys.map((k) => [k, fields[k]])) as unknown as StoredRecord;
}

/** Sorted insertion into an ascending list of numbers (no duplicates). */
export function withNumber(list: number[], n: number, present: boolean): number[] {
  const i = list.findIndex((m) => m >= n);
  const at = i < 0 ? list.length : i;
  const has = list[at] === n;
  if (present && !has) list.splice(at, 0, n);
  if (!present && has) list.splice(at, 1);
  return list;
}

/**
 * An edit of existing files, patched into a new generation instead of a recompile: a body that
 * says anything else, and a title, description, keywords or what the article defines changed.
 * Articles are numbered by id, so none of these moves a number. Only what depends on the edit is
 * written: the records of the files (and of the articles whose backlinks a new title reorders),
 * their search documents, the name map and candidate shards holding their old or new names, the
 * full-text shards of the stems whose counts changed, the mean body length, the scan terms and
 * vocabulary, the list and the keywords. All is written to `sink` (the next generation); the
 * caller links the rest in. Undefined when a change reaches further (then the caller recompiles):
 * an id, alias, site address or link target (what links resolve to), a name another article
 * shares, a keyword whose spelling a compile would take from another file, or a stem or gram
 * crossing the cap on postings, whose full list the cache does not hold.
 */
export function patchRecords(reader: CorpusReader, sink: CorpusSink, entries: SourceEntry[]): Patch | undefined {
  const byLang = new Map<string, Map<number, Edit>>();
  for (const entry of entries) {
    if (!reader.meta.langs.some((l) => l.lang === entry.lang)) return undefined;
    const found = reader.names(entry.lang, '=' + entry.id).find(([, rank]) => rank === 0);
    if (!found) return undefined;
    const n = found[0];
    const stored = reader.stored(entry.lang, n).stored;
    const before: StoredRecord = { ...stored, bodyTerms: reader.bodyTerms(entry.lang, n) };
    if (before.file !== entry.path) return undefined;
    const result = parseEntry(entry);
    if (result.kind !== 'article') return undefined;
    const a = result.article;
    const old = articleOfStored(before);
    const index = indexSignature(a) !== indexSignature(old);
    if (index && linkSignature(a) !== linkSignature(old)) return undefined;
    // The name its own address ends with (an `id:` that is no address, `foo/loan-term`, leaves `site`
    // as it was): a name of the map, rarely changed; recompiled.
    if (a.siteName !== old.siteName) return undefined;
    // A new slug is the article's name only where no other article has it (then no other's changes).
    if (a.slug !== old.slug && [old.slug, a.slug].some((slug) => reader.names(entry.lang, fold(slug)).some(([m]) => m !== n))) return undefined;
    const { defined: _defined, bodyTerms: _terms, ...rest } = before;
    const record: StoredRecord = inRecordOrder({
      ...rest,
      title: a.title,
      name: a.slug === old.slug ? before.name : a.slug,
      slug: a.slug,
      description: a.description,
      keywords: a.keywords,
      bodyStart: a.bodyStart,
      bodyLine: a.bodyLine,
      problems: a.problems,
      bodyLength: a.bodyLength,
      ...(a.defined?.length ? { defined: a.defined } : {}),
      // Same targets in the same order: each link resolves as before.
      links: a.links.map((l, i) => [l.href, l.target, l.text, l.line, before.links[i]?.[4] ?? -1]),
      stamp: stampOf(entry),
    });
    const edits = byLang.get(record.lang) ?? new Map<number, Edit>();
    edits.set(n, { n, record, source: a.source, before, old, article: a, counts: a.bodyCounts ?? countsOf(a.bodyTerms), index });
    byLang.set(record.lang, edits);
  }
  const patch: Patch = { touched: new Map(), sums: {}, langs: new Map() };
  for (const [lang, edits] of byLang) {
    const written = patchLanguage(reader, sink, lang, edits);
    if (!written) return undefined;
    Object.assign(patch.sums, written.sums);
    patch.langs.set(lang, written.meta);
    patch.touched.set(lang, written.touched);
  }
  return patch;
}

function patchLanguage(reader: CorpusReader, sink: CorpusSink, lang: string, edits: Map<number, Edit>): { sums: Record<string, [number, number]>; meta: LanguageMeta; touched: Set<number> } | undefined {
  const meta = reader.language(lang);
  const stats = reader.bodyStats(lang);
  const w = new CorpusWriter(sink);
  const touched = new Set(edits.keys());
  const indexed = [...edits.values()].filter((e) => e.index);

  // ---- full text: the stems whose packed counts changed ----
  let total = stats.total;
  // Stem -> article -> its packed counts before and now (0: not posted), for each that changed.
  const changes = new Map<string, Map<number, [number, number]>>();
  for (const [n, { record, before, counts, article }] of edits) {
    total += record.bodyLength - (before.bodyLength ?? 0);
    const describedBefore = describedTerms(before.description);
    const described = describedTerms(article.description);
    const old = countsOf(before.bodyTerms ?? '');
    for (const term of new Set([...old.keys(), ...counts.keys(), ...describedBefore.keys(), ...described.keys()])) {
      const was = packedCount(describedBefore, old, term);
      const now = packedCount(described, counts, term);
      if (now !== was) (changes.get(term) ?? changes.set(term, new Map()).get(term))?.set(n, [was, now]);
    }
  }
  const capped = { ...stats.capped };
  const shards = new Map<number, Map<string, number[]>>();
  const vocabulary = { added: new Set<string>(), removed: new Set<string>() };
  for (const [term, byArticle] of changes) {
    if (Object.hasOwn(capped, term)) {
      // Too common for postings: its count of articles, unless it falls to where it had them.
      let articles = capped[term] as number;
      for (const [was, now] of byArticle.values()) articles += (now > 0 ? 1 : 0) - (was > 0 ? 1 : 0);
      if (2 * articles <= textCap(meta.count)) return undefined;
      capped[term] = articles;
      continue;
    }
    const i = shardOf(term, meta.textShards);
    const shard = shards.get(i) ?? shards.set(i, reader.textShard(lang, i)).get(i) as Map<string, number[]>;
    const posted = new Map<number, number>();
    const list = shard.get(term) ?? [];
    for (let j = 0; j + 1 < list.length; j += 2) posted.set(list[j] as number, list[j + 1] as number);
    for (const [n, [, now]] of byArticle) {
      if (now > 0) posted.set(n, now);
      else posted.delete(n);
    }
    const next = [...posted].sort(([x], [y]) => x - y).flat();
    if (next.length === 0) {
      shard.delete(term);
      vocabulary.removed.add(term);
    } else if (next.length > textCap(meta.count)) {
      shard.delete(term);
      capped[term] = next.length / 2;
      vocabulary.removed.add(term);
    } else {
      if (!shard.has(term)) vocabulary.added.add(term);
      shard.set(term, next);
    }
  }

  // ---- names and candidates: the keys and terms an edited article left or gained ----
  const nameShards = new Map<number, Map<string, Array<[number, number]>>>();
  const gramShards = new Map<number, Map<string, number[]>>();
  const gramsCapped = { ...stats.gramsCapped };
  const gramsNamed = { ...stats.gramsNamed };
  const cap = articleCap(meta.count);
  for (const { n, old, article } of indexed) {
    const before = nameEntries(old, n);
    const now = nameEntries(article, n);
    for (const key of new Set([...before.keys(), ...now.keys()])) {
      const entries = now.get(key) ?? [];
      if (JSON.stringify(before.get(key) ?? []) === JSON.stringify(entries)) continue;
      const i = shardOf(key, meta.nameShards);
      const shard = nameShards.get(i) ?? nameShards.set(i, reader.nameShard(lang, i)).get(i) as Map<string, Array<[number, number]>>;
      const list = (shard.get(key) ?? []).filter(([m]) => m !== n);
      const at = list.findIndex(([m]) => m > n);
      list.splice(at < 0 ? list.length : at, 0, ...entries);
      if (list.length === 0) shard.delete(key);
      else shard.set(key, list);
    }
    const termsBefore = articleTerms(old);
    const termsNow = articleTerms(article);
    for (const term of new Set([...termsBefore.grams, ...termsNow.grams])) {
      const has = termsNow.grams.has(term);
      const named = Number(termsNow.nameStems.has(term)) - Number(termsBefore.nameStems.has(term));
      if (has === termsBefore.grams.has(term) && named === 0) continue;
      if (Object.hasOwn(gramsCapped, term)) {
        // Left out as too common, and named by no article: so it stays, or the compile keeps a list we do not have.
        if (termsNow.nameStems.has(term)) return undefined;
        const count = (gramsCapped[term] as number) + Number(has) - Number(termsBefore.grams.has(term));
        if (count <= cap) return undefined;
        gramsCapped[term] = count;
        continue;
      }
      const i = shardOf(term, meta.gramShards);
      const shard = gramShards.get(i) ?? gramShards.set(i, reader.gramShard(lang, i)).get(i) as Map<string, number[]>;
      const list = withNumber(shard.get(term) ?? [], n, has);
      let namers = gramsNamed[term];
      if (namers !== undefined) namers += named;
      if (list.length > cap) {
        // Kept over the cap only while an article names it; how many do is known only of those kept so before.
        if (namers === undefined) return undefined;
        if (namers === 0) {
          delete gramsNamed[term];
          gramsCapped[term] = list.length;
          shard.delete(term);
          continue;
        }
        gramsNamed[term] = namers;
      } else {
        delete gramsNamed[term];
      }
      if (list.length === 0) shard.delete(term);
      else shard.set(term, list);
    }
  }

  // ---- what is shown in title order: the list, keywords, backlinks ----
  let list = reader.list(lang);
  const retitled = indexed.filter((e) => e.article.title !== e.old.title || e.record.name !== e.before.name);
  if (retitled.length > 0) {
    const byN = new Map(retitled.map((e) => [e.n, e]));
    list = inTitleOrder(list.map((entry) => {
      const e = byN.get(entry[3]);
      return e ? [entry[0], e.record.name, e.record.title, entry[3]] : entry;
    }));
  }
  const titles = new Map(list.map((entry) => [entry[3], entry[2]]));
  const records = new Map([...edits].map(([n, e]) => [n, e.record]));
  const sources = new Map([...edits].map(([n, e]) => [n, e.source]));
  // The articles a retitled one links to list it among their backlinks, in title order.
  for (const e of retitled) {
    for (const link of e.record.links) {
      const to = link[4];
      if (to < 0 || to === e.n) continue;
      let target = records.get(to);
      if (!target) {
        const stored = reader.stored(lang, to);
        target = stored.stored;
        sources.set(to, stored.source);
      }
      records.set(to, { ...target, backlinks: [...target.backlinks].sort((x, y) => compareDanish(titles.get(x) ?? '', titles.get(y) ?? '') || x - y) });
      touched.add(to);
    }
    // The articles that link to it show its title.
    for (const from of e.before.backlinks) touched.add(from);
  }
  let keywords = meta.keywords;
  const rekeyed = indexed.filter((e) => JSON.stringify(e.article.keywords) !== JSON.stringify(e.old.keywords) || (e.article.keywords.length > 0 && retitled.includes(e)));
  if (rekeyed.length > 0) {
    const patched = patchKeywords(reader, lang, rekeyed, false) ?? patchKeywords(reader, lang, rekeyed, true);
    if (!patched) return undefined;
    if (patched.all) {
      keywords = patched.all.map((k) => [k.name, k.entries.length]);
      w.items(`${lang}/keywords`, patched.all.map((k) => Buffer.from(JSON.stringify(k.entries), 'utf8')), partSizeOf(meta));
    } else {
      keywords = keywords.map(([name, count], i) => [name, patched.items.get(i)?.length ?? count]);
      writePatchedItems(reader, sink, lang, 'keywords', keywords.length, new Map([...patched.items].map(([i, entries]) => [i, Buffer.from(JSON.stringify(entries), 'utf8')])));
    }
  }

  // ---- writing ----
  writePatchedItems(reader, sink, lang, 'records', meta.count, new Map([...records].map(([n, r]) => [n, encodeStored(r, sources.get(n) ?? '')])));
  const reterms = new Map([...edits].filter(([, e]) => e.article.bodyTerms !== e.before.bodyTerms).map(([n, e]) => [n, Buffer.from(e.article.bodyTerms, 'utf8')]));
  if (reterms.size > 0) writePatchedItems(reader, sink, lang, 'terms', meta.count, reterms);
  writePatchedItems(reader, sink, lang, 'docs', meta.count, new Map([...edits].map(([n, e]) => [n, Buffer.from(JSON.stringify(searchDocOf(e.article, { id: e.record.id, title: e.record.title, name: e.record.name, n })), 'utf8')])));
  if (shards.size > 0) writePatchedItems(reader, sink, lang, 'text', meta.textShards, new Map([...shards].map(([i, part]) => [i, encodeTextShard(part)])));
  if (nameShards.size > 0) writePatchedItems(reader, sink, lang, 'names', meta.nameShards, new Map([...nameShards].map(([i, part]) => [i, encodeNameShard(part)])));
  if (gramShards.size > 0) writePatchedItems(reader, sink, lang, 'grams', meta.gramShards, new Map([...gramShards].map(([i, part]) => [i, encodeGramShard(part)])));
  const retitledNs = new Set(indexed.filter((e) => e.article.title !== e.old.title).map((e) => e.n));
  if (vocabulary.added.size > 0 || vocabulary.removed.size > 0 || retitledNs.size > 0) {
    const scan = reader.scanIndex(lang);
    const terms = retitledNs.size === 0 ? scan.terms : [...scan.terms.filter((t) => !retitledNs.has(t.n)), ...indexed.filter((e) => retitledNs.has(e.n)).flatMap((e) => scanTermsOfArticle(e.article, e.n))].sort((x, y) => x.n - y.n);
    w.json(`${lang}/scan.json`, { ...scan, terms, vocabulary: [...scan.vocabulary.filter((t) => !vocabulary.removed.has(t)), ...vocabulary.added] });
  }
  if (retitled.length > 0) w.json(`${lang}/list.json`, list);
  w.json(`${lang}/body.json`, { total, capped, gramsCapped, gramsNamed } satisfies BodyStats);
  return { sums: w.sums, meta: { ...meta, avgBodyLength: meanBodyLength(total, meta.count), keywords }, touched };
}

/**
 * The keywords with the edited articles' entries as they are now, in the order a compile writes
 * them. Unless `all`, only the keywords the edits name are read and given back by index (`items`),
 * undefined when that is not enough (a keyword gained, lost or spelt anew: the caller asks for
 * `all`). With `all`, undefined where a keyword's spelling would come from a file the cache does
 * not show (a compile names a keyword as the lowest-numbered article that has it spells it).
 */
function patchKeywords(reader: CorpusReader, lang: string, edits: Edit[], all: boolean): { all?: Array<{ name: string; entries: ListEntry[] }>; items: Map<number, ListEntry[]> } | undefined {
  const names = reader.language(lang).keywords;
  const indexOf = new Map(names.map(([name], i) => [fold(name), i]));
  const affected = new Set(edits.flatMap((e) => [...e.old.keywords, ...e.article.keywords].map(fold)));
  if (!all && ![...affected].every((k) => indexOf.has(k))) return undefined;
  const lists = all ? reader.allKeywordEntries(lang) : undefined;
  const byKey = new Map<string, { name: string; entries: ListEntry[] }>();
  for (const [name] of names) {
    const k = fold(name);
    if (lists) byKey.set(k, { name, entries: lists[indexOf.get(k) as number] as ListEntry[] });
    else if (affected.has(k)) byKey.set(k, { name, entries: reader.keywordEntries(lang, indexOf.get(k) as number) });
  }
  const ns = new Set(edits.map((e) => e.n));
  for (const e of edits) {
    for (const k of new Set(e.old.keywords.map(fold))) {
      const keyword = byKey.get(k);
      const others = keyword?.entries.filter((entry) => !ns.has(entry[3])) ?? [];
      // It named the keyword, and another article keeps it: under that article's spelling, unknown here.
      if (keyword && others.length > 0 && others.every((entry) => entry[3] > e.n) && !e.article.keywords.some((x) => fold(x) === k)) return undefined;
    }
  }
  for (const keyword of byKey.values()) keyword.entries = keyword.entries.filter((entry) => !ns.has(entry[3]));
  for (const e of [...edits].sort((x, y) => x.n - y.n)) {
    for (const spelling of e.article.keywords) {
      const k = fold(spelling);
      const keyword = byKey.get(k) ?? byKey.set(k, { name: spelling, entries: [] }).get(k) as { name: string; entries: ListEntry[] };
      if (keyword.entries.some((entry) => entry[3] === e.n)) continue;
      if (keyword.entries.every((entry) => entry[3] > e.n)) keyword.name = spelling;
      keyword.entries.push([e.article.id, e.record.name, e.record.title, e.n]);
    }
  }
  if (all) return { all: [...byKey.values()].filter((k) => k.entries.length > 0).sort((x, y) => compareDanish(x.name, y.name)).map((k) => ({ ...k, entries: inTitleOrder(k.entries) })), items: new Map() };
  const items = new Map<number, ListEntry[]>();
  for (const [k, keyword] of byKey) {
    const i = indexOf.get(k) as number;
    if (keyword.entries.length === 0 || keyword.name !== (names[i] as [string, number])[0]) return undefined;
    items.set(i, inTitleOrder(keyword.entries));
  }
  return { items };
}

/** How a --content compile goes, language by language (see compileByLanguage). */
export interface LanguageRun {
  listing: SourceListing;
  /** The generation compiled before, with the same config; its unchanged languages are kept. */
  reader?: CorpusReader;
  /** Files that could not be read last time: their languages are compiled again. */
  retry: Set<string>;
  sink: CorpusSink;
  /** Links a file of the earlier generation into the new one. */
  link: (name: string) => void;
  parse: (entries: SourceEntry[], onParsed?: (done: number) => void) => Promise<ParseResult[]>;
  onProgress?: (phase: 'reading' | 'indexing', done: number, total: number) => void;
  /** When the compile began: the signatures it keeps trust no stamp that is not settled then. */
  compiled?: number;
  /** Files whose earlier parses are not reused, whatever their stamps (see source.ts settled). */
  unsettled?: Set<string>;
}

export interface LanguageResult {
  unreadable: string[];
  /** Languages written anew, and languages kept from the earlier generation. */
  compiled: string[];
  kept: string[];
}

/**
 * A --content compile, one language at a time: each language is parsed (reusing the earlier
 * parses of its unchanged files), compiled and written before the next is read, so that memory
 * holds one language, not the corpus; a language whose files, whose ids' other languages and
 * whose site prefix are as they were is kept as the earlier compile wrote it. The site prefix is
 * learnt from the largest language (links of every language share it).
 */
export async function compileByLanguage(run: LanguageRun): Promise<LanguageResult> {
  const { listing, reader, retry, sink } = run;
  const byLang = new Map<string, SourceEntry[]>();
  // (Lists grown in place: copied on every file, a language of 100,000 files took minutes.)
  for (const e of listing.entries) (byLang.get(e.lang) ?? byLang.set(e.lang, []).get(e.lang))?.push(e);
  // Which languages have a file of each id; the articles among them are known as languages are parsed.
  const filesOf = new Map<string, string[]>();
  for (const [lang, entries] of byLang) for (const e of entries) (filesOf.get(e.id) ?? filesOf.set(e.id, []).get(e.id))?.push(lang);
  const order = [siteLanguage(listing), ...[...byLang.keys()].filter((l) => l !== siteLanguage(listing)).sort()].filter((l): l is string => l !== undefined);
  const before = reader?.meta;
  const w = new CorpusWriter(sink);
  const metas = new Map<string, LanguageMeta>();
  const skippedOf = new Map<string, Skipped[]>();
  /** Ids of each language whose file is no article (rejected, a page, not a term). */
  const notArticles = new Map<string, Set<string>>();
  const unreadable: string[] = [];
  const result: LanguageResult = { unreadable, compiled: [], kept: [] };
  const earlierSkips = (() => {
    try {
      return reader ? reader.report().skipped : [];
    } catch {
      return undefined;
    }
  })();
  const total = listing.entries.length;
  let read = 0;
  let indexed = 0;
  // The site's link layout, learnt from the language with the most files (the first here).
  let site: LinkOptions | undefined;
  const signatures = languageSignatures(listing);
  const keptSignatures = run.compiled === undefined ? signatures : languageSignatures(listing, run.compiled);

  const compileOne = async (lang: string, langsOf: Map<string, string[]>) => {
    const entries = byLang.get(lang) ?? [];
    const job: LanguageJob = {
      lang, entries,
      others: [...byLang.keys()].filter((l) => l !== lang).sort(),
      // Only this language's ids: the whole map is for the whole corpus, and a worker is posted a copy.
      langsOf: new Map(entries.map((e) => [e.id, langsOf.get(e.id) ?? []])),
      ...(site ? { site } : {}),
      ...(listing.config?.sitePrefix !== undefined ? { sitePrefix: listing.config.sitePrefix } : {}),
      ...(listing.config?.vault ? { vault: vaultPathOf(listing.config) } : {}),
      reparse: new Set(entries.filter((e) => retry.has(e.path) || run.unsettled?.has(e.path)).map((e) => e.path)),
      ...(keptSignatures.has(lang) ? { signature: keptSignatures.get(lang) } : {}),
    };
    // The counts never go back (a worker that fails leaves its language to be read again here).
    let readTo = read;
    let indexedTo = indexed;
    const startRead = read;
    const startIndexed = indexed;
    const outcome = await compileLanguageJob(job, before?.langs.some((l) => l.lang === lang) ? reader : undefined, w, {
      parse: run.parse,
      onRead: (done) => run.onProgress?.('reading', (readTo = Math.max(readTo, Math.min(total, startRead + done))), total),
      onIndexed: (n) => run.onProgress?.('indexing', (indexedTo = Math.max(indexedTo, Math.min(total, startIndexed + n))), total),
    });
    read += entries.length;
    for (const file of outcome.unreadable) if (!unreadable.includes(file)) unreadable.push(file);
    notArticles.set(lang, new Set(outcome.missing));
    skippedOf.set(lang, outcome.skipped);
    site ??= outcome.site;
    metas.delete(lang);
    if (!outcome.meta) return;
    indexed += outcome.meta.count;
    metas.set(lang, { ...outcome.meta, langsDigest: langsDigest(entries, langsOf) });
  };

  for (const lang of order) {
    const entries = byLang.get(lang) ?? [];
    const earlier = before?.langs.find((l) => l.lang === lang);
    const paths = new Set(entries.map((e) => e.path));
    // The layout is kept with the language it was learnt from; later languages only under it.
    const sameSite = site === undefined ? before?.site !== undefined && before.siteFrom === lang : JSON.stringify(site) === JSON.stringify(before?.site);
    if (reader && earlier?.signature === signatures.get(lang) && sameSite && earlierSkips && !entries.some((e) => retry.has(e.path)) && keep(w, reader, lang, run.link, metas)) {
      site ??= before?.site;
      const skipped = earlierSkips.filter((s) => paths.has(s.file));
      skippedOf.set(lang, skipped);
      const ids = new Map(entries.map((e) => [e.path, e.id]));
      notArticles.set(lang, new Set(skipped.map((s) => ids.get(s.file) as string)));
      result.kept.push(lang);
      read += entries.length;
      continue;
    }
    await compileOne(lang, filesOf);
    result.compiled.push(lang);
  }
  // Which other languages have an article of each id, now that every language is read: a language
  // compiled believing a file of another language to be an article is compiled again (rare: a
  // rejected file, or a page, under the id of a term of another language).
  // A kept language was compiled with its ids' other languages as they were then: compiled again
  // when they differ now (a file of another language under its id became, or stopped being, an article).
  const langsOf = new Map([...filesOf].map(([id, langs]) => [id, langs.filter((l) => !notArticles.get(l)?.has(id))]));
  for (const [lang, meta] of [...metas]) {
    if (meta.langsDigest === langsDigest(byLang.get(lang) ?? [], langsOf)) continue;
    await compileOne(lang, langsOf);
    if (!result.compiled.includes(lang)) result.compiled.push(lang);
    result.kept = result.kept.filter((l) => l !== lang);
  }
  const langs = [...metas.values()].sort((a, b) => b.count - a.count || (a.lang < b.lang ? -1 : 1));
  const skipped = [...listing.skipped, ...order.flatMap((l) => skippedOf.get(l) ?? [])];
  finishCorpus(w, langs, listing.entries.length + listing.skipped.length, { skipped }, listing.config?.defaultLanguage, site ?? {}, order[0]);
  return result;
}

/** The language the site's link layout is learnt from: the one with the most files (then by name). */
export function siteLanguage(listing: SourceListing): string | undefined {
  const counts = new Map<string, number>();
  for (const e of listing.entries) counts.set(e.lang, (counts.get(e.lang) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

/**
 * What each language's compile depends on, as one string: its files, which other languages have
 * a file of each of its ids, the other languages and the config. (Whether those files are articles
 * is checked apart, by langsDigest: the files of other languages may change without this one.)
 */
export function languageSignatures(listing: SourceListing, compiled?: number, only?: { has(lang: string): boolean }): Map<string, string> {
  const filesOf = new Map<string, string[]>();
  for (const e of listing.entries) (filesOf.get(e.id) ?? filesOf.set(e.id, []).get(e.id))?.push(e.lang);
  const langs = [...new Set(listing.entries.map((e) => e.lang))].sort();
  // `only`: the languages a patch wrote; the others keep the signatures they have.
  const parts = new Map<string, unknown[]>(langs.filter((l) => !only || only.has(l)).map((l) => [l, [FORMAT, l, langs, listing.configs]]));
  for (const e of listing.entries) parts.get(e.lang)?.push(e.path, e.size, compiled === undefined ? e.ctimeMs : settled(e.ctimeMs, compiled), e.ino, e.id, e.dir ?? '', filesOf.get(e.id)?.join(',') ?? '');
  return new Map([...parts].map(([l, p]) => [l, createHash('sha256').update(JSON.stringify(p)).digest('base64')]));
}

/** langsDigest of one language of `listing`, whose files `notArticles` (paths) are no articles. */
export function languageDigest(listing: SourceListing, lang: string, notArticles: Set<string>): string {
  return langsDigest(listing.entries.filter((e) => e.lang === lang), articleLanguages(listing, notArticles));
}

/** Which languages have an article of each id, as a compile lists them (`notArticles`: the paths of files that are none). */
export function articleLanguages(listing: SourceListing, notArticles: Set<string>): Map<string, string[]> {
  const byLang = new Map<string, SourceEntry[]>();
  for (const e of listing.entries) (byLang.get(e.lang) ?? byLang.set(e.lang, []).get(e.lang))?.push(e);
  const langsOf = new Map<string, string[]>();
  for (const [l, entries] of byLang) for (const e of entries) if (!notArticles.has(e.path)) (langsOf.get(e.id) ?? langsOf.set(e.id, []).get(e.id))?.push(l);
  return langsOf;
}

/** The other languages that have an article of each of a language's ids, as one string. */
function langsDigest(entries: SourceEntry[], langsOf: Map<string, string[]>): string {
  return createHash('sha256').update(JSON.stringify(entries.map((e) => [e.id, langsOf.get(e.id) ?? []]))).digest('base64');
}

/**
 * Keeps a language as the earlier compile wrote it; false when a file of it cannot be linked (a
 * damaged earlier generation): then it is compiled again, and what was linked is written over.
 */
function keep(w: CorpusWriter, reader: CorpusReader, lang: string, link: (name: string) => void, metas: Map<string, LanguageMeta>): boolean {
  try {
    metas.set(lang, w.keep(reader, lang, link));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOSPC') throw error;
    return false;
  }
}
