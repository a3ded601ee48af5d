// Compiling content folders: the bundled corpus at build time, --content folders on first use,
// cached under the user's cache directory and re-parsed only where a file changed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Article, ParseResult } from '../corpus/article.js';
import { checkArticles, type FileProblem } from '../corpus/check.js';
import { compileLanguage, type CompiledLanguage } from '../corpus/compile.js';
import { parseArticle } from '../corpus/parse.js';
import { compareDanish } from '../fold.js';
import { ContentError } from '../errors.js';
import { CorpusReader, FORMAT, writeCorpus, type Skipped } from './compiled.js';
import { listSources, type SourceEntry, type SourceListing } from './source.js';

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
  const languages = order.map((lang) => {
    const articles = byLang.get(lang) ?? [];
    problems.push(...checkArticles(articles));
    return compileLanguage(lang, articles, langsOf);
  });
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  return { languages, skipped, problems, files: listing.entries.length + listing.skipped.length, parsed };
}

export function writeCompilation(dir: string, c: Compilation): void {
  writeCorpus(dir, c.languages, { skipped: c.skipped, problems: c.problems, files: c.files });
}

export function cacheRoot(env: NodeJS.ProcessEnv): string {
  const xdg = env['XDG_CACHE_HOME'];
  return join(xdg && xdg.startsWith('/') ? xdg : join(homedir(), '.cache'), 'glossary');
}

type State = Array<[string, number, number]>;

function stateOf(listing: SourceListing): State {
  return listing.entries.map((e) => [e.path, e.size, e.mtimeMs]);
}

export interface OpenedContent {
  reader: CorpusReader;
  /** True when this run compiled (first use or a change); false when served from the cache. */
  compiled: boolean;
  changed: number;
}

/**
 * Opens `--content` folders through the cache: compiled on first use, recompiled when a file is
 * added, removed or changed (size or mtime), re-parsing only those files.
 */
export function openContent(dirs: string[], root: string): OpenedContent {
  const absolute = dirs.map((d) => resolve(d));
  const key = createHash('sha256').update(JSON.stringify([FORMAT, absolute])).digest('hex').slice(0, 16);
  const dir = join(root, key);
  const listing = listSources(absolute);
  if (listing.entries.length === 0 && listing.skipped.length === 0) {
    throw new ContentError(`no articles (.md files) in ${dirs.join(', ')}: pass a folder of Markdown articles`);
  }
  const state = stateOf(listing);
  const stateText = JSON.stringify(state);
  const stateFile = join(dir, 'state.json');
  if (existsSync(stateFile)) {
    try {
      if (readFileSync(stateFile, 'utf8') === stateText) return { reader: new CorpusReader(dir), compiled: false, changed: 0 };
    } catch {
      /* recompile below */
    }
  }
  let previous: Map<string, ParseResult> | undefined;
  let old = new Map<string, string>();
  try {
    const oldState = JSON.parse(readFileSync(stateFile, 'utf8')) as State;
    old = new Map(oldState.map(([p, s, m]) => [p, `${s}:${m}`]));
    previous = new Map(Object.entries(JSON.parse(readFileSync(join(dir, 'parsed.json'), 'utf8')) as Record<string, ParseResult>));
  } catch {
    previous = undefined;
  }
  const same = (e: SourceEntry) => old.get(e.path) === `${e.size}:${e.mtimeMs}`;
  const present = new Set(listing.entries.map((e) => e.path));
  const changed = listing.entries.filter((e) => !same(e)).length + [...old.keys()].filter((p) => !present.has(p)).length;
  const compilation = compileListing(listing, previous, same);
  // Write aside, then swap, so that a concurrent run never reads a half-written corpus.
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  writeCompilation(tmp, compilation);
  writeFileSync(join(tmp, 'parsed.json'), JSON.stringify(Object.fromEntries(compilation.parsed)));
  writeFileSync(join(tmp, 'state.json'), stateText);
  const trash = `${dir}.old-${process.pid}`;
  if (existsSync(dir)) renameSync(dir, trash);
  renameSync(tmp, dir);
  rmSync(trash, { recursive: true, force: true });
  return { reader: new CorpusReader(dir), compiled: true, changed };
}
