// Compiling content folders: parse (reusing earlier results), check, compile, write.
import type { Article, ParseResult } from '../corpus/article.js';
import { checkArticles, type FileProblem } from '../corpus/check.js';
import { linkResolver, siteLinkOptions, type LinkOptions } from '../corpus/links.js';
import { compileLanguage, indexSignature, type CompiledLanguage } from '../corpus/compile.js';
import { MAX_FILE_BYTES, parseArticle } from '../corpus/parse.js';
import { encodeStored, writeCorpus, writePatchedRecords, type CorpusReader, type Skipped, type StoredRecord } from './compiled.js';
import { readRegularFile, type CorpusSink } from './files.js';
import type { SourceEntry, SourceListing } from './source.js';

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
  return parseArticle({ id: entry.id, lang: entry.lang, file: entry.path, bytes: file.bytes, dir: entry.dir, keywordFields: entry.keywordFields });
}

/** Parses (reusing `previous` results for unchanged files), checks and compiles every language. */
export interface CompileOptions {
  previous?: Map<string, { article: Article }>;
  reuse?: (e: SourceEntry) => boolean;
  /** Run the corpus checks (build and `check` want them; a --content compile does not keep them). */
  check?: boolean;
  /** Build the compiled languages (`check` only lints). */
  compile?: boolean;
  /** Results already parsed (by parse-pool.ts), by path; the rest are parsed here. */
  parsed?: Map<string, ParseResult>;
  /** Told of each file read, then of indexing: drives a progress line. */
  onProgress?: (phase: 'reading' | 'indexing', done: number, total: number) => void;
}

export function compileListing(listing: SourceListing, options: CompileOptions = {}): Compilation {
  const { previous, reuse, check = true, compile = true, onProgress, parsed } = options;
  const total = listing.entries.length;
  let done = 0;
  const byLang = new Map<string, Article[]>();
  const skipped: Skipped[] = [...listing.skipped];
  const problems: FileProblem[] = [];
  const unreadable: string[] = [];
  for (const entry of listing.entries) {
    const old = previous?.get(entry.path);
    const result: ParseResult = old && reuse?.(entry) ? { kind: 'article', article: old.article } : (parsed?.get(entry.path) ?? parseEntry(entry));
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
  const stamps = new Map(listing.entries.map((e): [string, [number, number]] => [e.path, [e.size, e.mtimeMs]]));
  // Links in the site's style: its glossary prefix, as configured, as the pages' addresses tell it, or as most links share it.
  const linkOptions: LinkOptions = siteLinkOptions([...byLang.values()].flat(), listing.config?.sitePrefix);
  // Each language's links as its own: what tells an untranslated link from a broken one.
  const resolvers = check ? order.map((lang) => ({ lang, resolve: linkResolver(byLang.get(lang) ?? [], linkOptions) })) : [];
  const languages: CompiledLanguage[] = [];
  for (const lang of order) {
    const articles = byLang.get(lang) ?? [];
    const options: LinkOptions = { ...linkOptions, otherLangs: order.filter((l) => l !== lang) };
    if (check) problems.push(...checkArticles(articles, { ...options, others: resolvers.filter((r) => r.lang !== lang) }));
    if (!compile) continue;
    const compiled = compileLanguage(lang, articles, langsOf, options, (n) => onProgress?.('indexing', indexed + n, articleTotal));
    indexed += articles.length;
    for (const r of compiled.records) r.stamp = stamps.get(r.file);
    languages.push(compiled);
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

/** The Article a stored record was compiled from: lets a recompile skip parsing unchanged files. */
export function articleOfStored(r: StoredRecord): Article {
  return {
    id: r.id, lang: r.lang, file: r.file, title: r.title, slug: r.slug, description: r.description,
    keywords: r.keywords, aliases: r.aliases, body: '', source: '', bodyStart: r.bodyStart,
    links: r.links.map(([href, target, text, line]) => ({ href, target, text, line })),
    problems: r.problems, bodyLine: r.bodyLine, bodyTerms: r.bodyTerms ?? '', bodyLength: r.bodyLength ?? 0,
    ...(r.defined ? { defined: r.defined } : {}),
    ...(r.site ? { site: r.site } : {}),
  };
}

/**
 * The articles of an earlier compile by file, with the size and mtime they were compiled at.
 * Empty when anything of it does not check out: then every file is parsed again.
 */
export function readPrevious(reader: CorpusReader | undefined): Map<string, { stamp: string; article: Article }> {
  const out = new Map<string, { stamp: string; article: Article }>();
  if (!reader) return out;
  try {
    for (const { lang } of reader.meta.langs) {
      for (const record of reader.allStored(lang)) {
        if (record.stamp) out.set(record.file, { stamp: `${record.stamp[0]}:${record.stamp[1]}`, article: articleOfStored(record) });
      }
    }
  } catch {
    out.clear();
  }
  return out;
}

/**
 * The common edit: files whose title, names, keywords, description, link targets and body words
 * are as before (a touch, or an edit of layout, punctuation or markup). Only their records change:
 * the new records are written to `sink` (the next generation), and the article numbers whose
 * renderings are now stale are returned. Undefined when any change reaches further (then the
 * caller recompiles): a word added to or removed from a body changes the full-text postings, the
 * body lengths the ranking weighs, the scan vocabulary and the search documents, none of which a
 * patch of records can reach.
 */
export function patchRecords(reader: CorpusReader, sink: CorpusSink, entries: SourceEntry[]): Map<string, Set<number>> | undefined {
  const byLang = new Map<string, Map<number, Buffer>>();
  for (const entry of entries) {
    if (!reader.meta.langs.some((l) => l.lang === entry.lang)) return undefined;
    const found = reader.names(entry.lang, '=' + entry.id).find(([, rank]) => rank === 0);
    if (!found) return undefined;
    const { stored: before } = reader.stored(entry.lang, found[0]);
    if (before.file !== entry.path) return undefined;
    const result = parseEntry(entry);
    if (result.kind !== 'article' || indexSignature(result.article) !== indexSignature(articleOfStored(before))) return undefined;
    const a = result.article;
    if (a.bodyTerms !== (before.bodyTerms ?? '') || a.bodyLength !== (before.bodyLength ?? 0)) return undefined;
    const record: StoredRecord = {
      ...before,
      bodyStart: a.bodyStart,
      bodyLine: a.bodyLine,
      problems: a.problems,
      bodyTerms: a.bodyTerms,
      bodyLength: a.bodyLength,
      // Same targets in the same order: each link resolves as before.
      links: a.links.map((l, i) => [l.href, l.target, l.text, l.line, before.links[i]?.[4] ?? -1]),
      stamp: [entry.size, entry.mtimeMs],
    };
    const patches = byLang.get(record.lang) ?? new Map<number, Buffer>();
    patches.set(record.n, encodeStored(record, a.source));
    byLang.set(record.lang, patches);
  }
  const touched = new Map<string, Set<number>>();
  for (const [lang, patches] of byLang) {
    writePatchedRecords(reader, sink, lang, patches);
    touched.set(lang, new Set(patches.keys()));
  }
  return touched;
}
