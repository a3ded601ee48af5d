// Compiling content folders: parse (reusing earlier results), check, compile, write.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, ParseResult } from '../corpus/article.js';
import { checkArticles, type FileProblem } from '../corpus/check.js';
import { compileLanguage, type CompiledLanguage } from '../corpus/compile.js';
import { parseArticle } from '../corpus/parse.js';
import { compareDanish } from '../fold.js';
import { writeCorpus, type Skipped } from './compiled.js';
import type { SourceEntry, SourceListing } from './source.js';

export interface Compilation {
  languages: CompiledLanguage[];
  skipped: Skipped[];
  problems: FileProblem[];
  files: number;
  parsed: Map<string, ParseResult>;
}

function readEntry(entry: SourceEntry): ParseResult {
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
export function compileListing(listing: SourceListing, previous?: Map<string, ParseResult>, reuse?: (e: SourceEntry) => boolean): Compilation {
  const parsed = new Map<string, ParseResult>();
  const byLang = new Map<string, Article[]>();
  const skipped: Skipped[] = [...listing.skipped];
  const problems: FileProblem[] = [];
  for (const entry of listing.entries) {
    const old = previous?.get(entry.path);
    const result = old && reuse?.(entry) ? old : readEntry(entry);
    parsed.set(entry.path, result);
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
  const langsOf = new Map<string, string[]>();
  for (const [lang, articles] of byLang) {
    for (const a of articles) langsOf.set(a.id, [...(langsOf.get(a.id) ?? []), lang]);
  }
  const order = [...byLang.keys()];
  const stamps = new Map(listing.entries.map((e): [string, [number, number]] => [e.path, [e.size, e.mtimeMs]]));
  const languages = order.map((lang) => {
    const articles = byLang.get(lang) ?? [];
    problems.push(...checkArticles(articles));
    const compiled = compileLanguage(lang, articles, langsOf);
    for (const r of compiled.records) r.stamp = stamps.get(r.file);
    return compiled;
  });
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  return { languages, skipped, problems, files: listing.entries.length + listing.skipped.length, parsed };
}

export function writeCompilation(dir: string, c: Compilation): void {
  writeCorpus(dir, c.languages, c.files, { skipped: c.skipped, problems: c.problems });
}

/** Parse results of a compile, kept beside it so that a recompile re-parses only changed files. */
export function writeParsed(dir: string, listing: SourceListing, parsed: Map<string, ParseResult>): void {
  const chunks: Buffer[] = [];
  for (const entry of listing.entries) {
    const result = parsed.get(entry.path);
    if (!result) continue;
    // The body is a slice of the source: stored once.
    const stored = result.kind === 'article' ? { ...result, article: { ...result.article, body: undefined, bodyStart: result.article.source.length - result.article.body.length } } : result;
    chunks.push(Buffer.from(JSON.stringify([entry.path, entry.size, entry.mtimeMs, stored]) + '\n', 'utf8'));
  }
  writeFileSync(join(dir, 'parsed.jsonl'), Buffer.concat(chunks));
}

function readParsed(dir: string): Map<string, { stamp: string; result: ParseResult }> {
  const out = new Map<string, { stamp: string; result: ParseResult }>();
  let text: string;
  try {
    text = readFileSync(join(dir, 'parsed.jsonl'), 'utf8');
  } catch {
    return out;
  }
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const [path, size, mtime, result] = JSON.parse(line) as [string, number, number, ParseResult & { article?: Article & { bodyStart?: number } }];
    if (result.kind === 'article') {
      const a = result.article as Article & { bodyStart?: number };
      a.body = a.source.slice(a.bodyStart ?? 0);
      delete a.bodyStart;
    }
    out.set(path, { stamp: `${size}:${mtime}`, result });
  }
  return out;
}

/** The previous parse results, only when the compiled corpus beside them is complete. */
export function readParsedIfCompiled(dir: string): Map<string, { stamp: string; result: ParseResult }> {
  return existsSync(join(dir, 'corpus.json')) ? readParsed(dir) : new Map();
}
