// Compiling content folders: parse (reusing earlier results), check, compile, write.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, ParseResult } from '../corpus/article.js';
import { checkArticles, type FileProblem } from '../corpus/check.js';
import { articleOf, compileLanguage, indexSignature, type ArticleRecord, type CompiledLanguage } from '../corpus/compile.js';
import { parseArticle } from '../corpus/parse.js';
import { CorpusReader, FORMAT, patchRecords, readAllRecords, readRecordBytes, writeCorpus, type CorpusMeta, type Skipped } from './compiled.js';
import type { SourceEntry, SourceListing } from './source.js';

export interface Compilation {
  languages: CompiledLanguage[];
  /** Articles parsed, in all languages. */
  articles: number;
  skipped: Skipped[];
  problems: FileProblem[];
  files: number;
}

export function parseEntry(entry: SourceEntry): ParseResult {
  let bytes: Uint8Array;
  try {
    // Larger files are refused by the parser from their size alone; reading them would cost memory.
    bytes = entry.size > 4 * 1024 * 1024 ? new Uint8Array(entry.size) : readFileSync(entry.path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { kind: 'rejected', file: entry.path, id: entry.id, problems: [{ severity: 'error', code: 'unreadable', message: `cannot read the file (${code})` }] };
  }
  return parseArticle({ id: entry.id, lang: entry.lang, file: entry.path, bytes });
}

/** Parses (reusing `previous` results for unchanged files), checks and compiles every language. */
export interface CompileOptions {
  previous?: Map<string, { article: Article }>;
  reuse?: (e: SourceEntry) => boolean;
  /** Run the corpus checks (build and `check` want them; a --content compile does not keep them). */
  check?: boolean;
  /** Build the compiled languages (`check` only lints). */
  compile?: boolean;
  /** Told of each file read, then of indexing: drives a progress line. */
  onProgress?: (phase: 'reading' | 'indexing', done: number, total: number) => void;
}

export function compileListing(listing: SourceListing, options: CompileOptions = {}): Compilation {
  const { previous, reuse, check = true, compile = true, onProgress } = options;
  const total = listing.entries.length;
  let done = 0;
  const byLang = new Map<string, Article[]>();
  const skipped: Skipped[] = [...listing.skipped];
  const problems: FileProblem[] = [];
  for (const entry of listing.entries) {
    const old = previous?.get(entry.path);
    const result: ParseResult = old && reuse?.(entry) ? { kind: 'article', article: old.article } : parseEntry(entry);
    onProgress?.('reading', ++done, total);
    if (result.kind === 'article') {
      const list = byLang.get(entry.lang) ?? [];
      list.push(result.article);
      byLang.set(entry.lang, list);
    } else if (result.kind === 'not-article') {
      skipped.push({ file: result.file, reason: result.reason });
    } else {
      skipped.push({ file: result.file, reason: result.problems[0]?.message ?? 'rejected' });
      for (const p of result.problems) problems.push({ ...p, file: result.file, lang: entry.lang });
    }
  }
  onProgress?.('indexing', total, total);
  const langsOf = new Map<string, string[]>();
  for (const [lang, articles] of byLang) {
    for (const a of articles) langsOf.set(a.id, [...(langsOf.get(a.id) ?? []), lang]);
  }
  const order = [...byLang.keys()];
  const stamps = new Map(listing.entries.map((e): [string, [number, number]] => [e.path, [e.size, e.mtimeMs]]));
  const languages: CompiledLanguage[] = [];
  for (const lang of order) {
    const articles = byLang.get(lang) ?? [];
    if (check) problems.push(...checkArticles(articles));
    if (!compile) continue;
    const compiled = compileLanguage(lang, articles, langsOf);
    for (const r of compiled.records) r.stamp = stamps.get(r.file);
    languages.push(compiled);
  }
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  const articles = [...byLang.values()].reduce((sum, list) => sum + list.length, 0);
  return { languages, skipped, problems, articles, files: listing.entries.length + listing.skipped.length };
}

/**
 * Writes a compilation. Records of a --content folder refer to its files instead of copying them;
 * the bundled corpus (`embedSource`) keeps its sources, as its folder moves with the package.
 */
export function writeCompilation(dir: string, c: Compilation, embedSource = false): void {
  writeCorpus(dir, c.languages, c.files, { skipped: c.skipped }, embedSource);
}

/** The articles of an earlier compile by file, with the size and mtime they were compiled at. */
export function readPrevious(dir: string): Map<string, { stamp: string; article: Article }> {
  const out = new Map<string, { stamp: string; article: Article }>();
  let meta: CorpusMeta;
  try {
    meta = JSON.parse(readFileSync(join(dir, 'corpus.json'), 'utf8')) as CorpusMeta;
    if (meta.format !== FORMAT) return out;
    for (const { lang } of meta.langs) {
      for (const record of readAllRecords(dir, lang).records) {
        if (record.stamp) out.set(record.file, { stamp: `${record.stamp[0]}:${record.stamp[1]}`, article: articleOf(record) });
      }
    }
  } catch {
    out.clear();
  }
  return out;
}

/**
 * The common edit: files whose title, names, keywords, description and link targets are as
 * before (a body edit, or a touch). Only their records change; everything else is kept.
 * False when any change reaches further (then the caller recompiles).
 */
export function patchInPlace(dir: string, entries: SourceEntry[]): boolean {
  const reader = new CorpusReader(dir);
  const byLang = new Map<string, Map<number, ArticleRecord>>();
  for (const entry of entries) {
    if (!reader.meta.langs.some((l) => l.lang === entry.lang)) return false;
    const found = reader.names(entry.lang, '=' + entry.id).find(([, rank]) => rank === 0);
    if (!found) return false;
    const before = reader.recordWithoutSource(entry.lang, found[0]);
    if (before.file !== entry.path) return false;
    const result = parseEntry(entry);
    if (result.kind !== 'article' || indexSignature(result.article) !== indexSignature(articleOf(before))) return false;
    const a = result.article;
    const record: ArticleRecord = {
      ...before,
      source: a.source,
      bodyStart: a.bodyStart,
      bodyLine: a.bodyLine,
      problems: a.problems,
      // Same targets in the same order: each link resolves as before.
      links: a.links.map((l, i) => ({ href: l.href, target: l.target, text: l.text, line: l.line, ...(before.links[i]?.to ? { to: before.links[i]?.to } : {}) })),
      stamp: [entry.size, entry.mtimeMs],
    };
    const patches = byLang.get(record.lang) ?? new Map<number, ArticleRecord>();
    patches.set(record.n, record);
    byLang.set(record.lang, patches);
  }
  for (const [lang, patches] of byLang) {
    const { dat, offsets } = readRecordBytes(dir, lang);
    patchRecords(dir, lang, dat, offsets, patches);
    for (const n of patches.keys()) dropRenders(dir, lang, n);
  }
  return true;
}

function dropRenders(dir: string, lang: string, n: number): void {
  const renders = join(dir, 'render');
  let names: string[];
  try {
    names = readdirSync(renders);
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith(`${lang}-${n}-`)) rmSync(join(renders, name), { force: true });
}

