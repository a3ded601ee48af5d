// One language of a --content compile: its files parsed (reusing the earlier parses of unchanged
// ones), compiled and written. Large languages run in a worker thread of their own with a capped
// heap: when it ends, its heap is gone, so a compile of many languages holds one language at a
// time and not what V8 kept of the ones before (measured: three languages of 25,000 peaked at
// 1,448 MB compiled in one heap, one language alone at 800 MB).
import { Worker } from 'node:worker_threads';
import type { Article, ParseResult } from '../corpus/article.js';
import { compileLanguage, stamped } from '../corpus/compile.js';
import { siteLinkOptions, type LinkOptions } from '../corpus/links.js';
import { MAX_FILE_BYTES } from '../corpus/parse.js';
import type { LanguageMeta } from '../corpus/reader.js';
import { CorpusReader, CorpusWriter, type Skipped, type StoredRecord } from './compiled.js';
import { DiskFiles, stampKey, stampOf, stampsByPath, UNWRITABLE } from './files.js';
import type { SourceEntry } from './source.js';
import { bundledWorker, testSwitch } from './threads.js';

/** The Article a stored record was compiled from: lets a recompile skip parsing unchanged files. */
export function articleOfStored(r: StoredRecord): Article {
  return {
    id: r.id, lang: r.lang, file: r.file, title: r.title, slug: r.slug, description: r.description,
    keywords: r.keywords, aliases: r.aliases, body: '', source: '', bodyStart: r.bodyStart,
    links: r.links.map(([href, target, text, line]) => ({ href, target, text, line })),
    problems: r.problems, bodyLine: r.bodyLine, bodyTerms: r.bodyTerms ?? '', bodyLength: r.bodyLength ?? 0,
    ...(r.defined ? { defined: r.defined } : {}),
    ...(r.site ? { site: r.site } : {}),
    ...(r.siteName ? { siteName: r.siteName } : {}),
  };
}

/** What one language's compile is given (all of it can be posted to a worker). */
export interface LanguageJob {
  lang: string;
  entries: SourceEntry[];
  /** The corpus's other languages. */
  others: string[];
  /** Which languages have a file (an article, once known) of each of this language's ids. */
  langsOf: Map<string, string[]>;
  /** The site's link layout; undefined: learnt from this language's articles. */
  site?: LinkOptions;
  /** The site prefix the corpus config names. */
  sitePrefix?: string;
  /** The folder is an Obsidian vault, or this folder of one (links.ts siteLinkOptions). */
  vault?: string;
  /** Files whose earlier parses are not reused (unreadable last time, or stamps not settled). */
  reparse: Set<string>;
  /** The signature kept with the language when all its files could be read. */
  signature?: string;
}

/** What one language's compile found and wrote. */
export interface LanguageOutcome {
  /** Undefined when the language has no article (then it is no language of the corpus). */
  meta?: LanguageMeta;
  skipped: Skipped[];
  /** Ids whose file is no article (rejected, a page, not a term). */
  missing: string[];
  unreadable: string[];
  /** The link layout used: learnt here when the job had none. */
  site: LinkOptions;
}

export interface LanguageHooks {
  parse: (entries: SourceEntry[], onParsed?: (done: number) => void) => Promise<ParseResult[]>;
  /** Files of this language read (parsed or reused), and articles indexed. */
  onRead?: (done: number) => void;
  /** `all`: the last call, with the language's count of articles. */
  onIndexed?: (done: number, all?: boolean) => void;
}

/** Compiles one language into `w`, reading the earlier parses of its unchanged files from `reader`. */
export async function compileLanguageFiles(job: LanguageJob, reader: CorpusReader | undefined, w: CorpusWriter, hooks: LanguageHooks): Promise<LanguageOutcome> {
  const { lang, entries } = job;
  const previous = new Map<string, { stamp: string; article: Article }>();
  if (reader?.meta.langs.some((l) => l.lang === lang)) {
    try {
      for (const r of reader.allStored(lang)) if (r.stamp) previous.set(r.file, { stamp: stampKey(r.stamp), article: articleOfStored(r) });
    } catch {
      previous.clear();
    }
  }
  const same = (e: SourceEntry) => {
    const old = previous.get(e.path);
    return old !== undefined && old.stamp === stampKey(stampOf(e)) && old.article.id === e.id && old.article.lang === e.lang && !job.reparse.has(e.path);
  };
  const toParse = entries.filter((e) => !same(e));
  const reused = entries.length - toParse.length;
  const parsed = new Map((await hooks.parse(toParse, (done) => hooks.onRead?.(reused + done))).map((r, i) => [(toParse[i] as SourceEntry).path, r]));
  hooks.onRead?.(entries.length);
  const articles: Article[] = [];
  const skipped: Skipped[] = [];
  const missing: string[] = [];
  const unreadable: string[] = [];
  for (const entry of entries) {
    const r: ParseResult = parsed.get(entry.path) ?? { kind: 'article', article: previous.get(entry.path)?.article as Article };
    if (r.kind === 'article') {
      articles.push(r.article);
      continue;
    }
    missing.push(entry.id);
    if (r.kind === 'page') skipped.push({ file: r.file, reason: r.reason, page: true });
    else if (r.kind === 'not-article') skipped.push({ file: r.file, reason: r.reason });
    else {
      skipped.push({ file: r.file, reason: r.problems[0]?.message ?? 'rejected' });
      if (r.problems.some((p) => p.code === 'unreadable') && !unreadable.includes(r.file)) unreadable.push(r.file);
    }
  }
  previous.clear();
  parsed.clear();
  const site = job.site ?? siteLinkOptions(articles, job.sitePrefix, job.vault);
  // A language of no articles is no language of the corpus (as when compiled all at once).
  if (articles.length === 0) return { skipped, missing, unreadable, site };
  const compiled = stamped(compileLanguage(lang, articles, job.langsOf, { ...site, otherLangs: job.others }, (n) => hooks.onIndexed?.(n, false)), stampsByPath(entries));
  hooks.onIndexed?.(articles.length, true);
  articles.length = 0;
  // A language with a file that could not be read is compiled again next time.
  const meta = w.language(compiled, false, unreadable.length === 0 ? job.signature : undefined);
  return { meta, skipped, missing, unreadable, site };
}

/** Languages of fewer files than this are compiled in this thread: a worker would cost more than it saves. */
export const WORKER_MIN = 2000;

/**
 * Test-only: GLOSSARY_TEST_WORKER=MIN[,heap=MB][,strict] compiles languages of MIN files or more in
 * workers, with a heap of MB; `strict` fails the compile when a worker fails, instead of compiling
 * the language again in this thread (so that a test knows the worker did the work).
 */
const testing = () => testSwitch('GLOSSARY_TEST_WORKER');

/**
 * The heap a language's worker may grow to, in MB: about twice what its compile holds at the most
 * (measured: ~1.1 MB for each MB of Markdown at 25,000 articles of ~9 KB). Closer to it, collecting costs
 * more than it saves: at 15,000 articles a heap of 1.4 MB a MB of Markdown made the compile 2 s
 * slower, twice that cost nothing measurable. Past it the worker stops, and the language is
 * compiled again in this thread.
 */
export function heapLimit(entries: SourceEntry[]): number {
  // Files over the limit are refused unread: they cost nothing.
  const sourceMb = entries.reduce((sum, e) => sum + Math.min(e.size, MAX_FILE_BYTES), 0) / 2 ** 20;
  // And each article costs some whatever its size (~5 KB measured in a language of 60,000 files of
  // 70 bytes, whose compile a cap by bytes alone made run out of its heap).
  return testing()?.value('heap') ?? Math.ceil(256 + 2 * sourceMb + (entries.length * 10) / 1024);
}

/** A job as it is posted to the worker, with where to read and write. */
export interface WorkerJob {
  job: LanguageJob;
  /** The earlier generation's folder, to reuse its parses. */
  from?: string;
  /** The new generation's folder. */
  to: string;
}

export type WorkerMessage =
  | { read: number }
  | { indexed: number }
  | { outcome: LanguageOutcome; sums: Record<string, [number, number]> }
  | { failed: string; code?: string };

/**
 * Compiles one language in a worker thread when it is large and both folders are on disk; otherwise
 * (or when the worker stops: out of its heap, or any other fault) in this thread, as before.
 */
export async function compileLanguageJob(job: LanguageJob, reader: CorpusReader | undefined, w: CorpusWriter, hooks: LanguageHooks): Promise<LanguageOutcome> {
  const file = bundledWorker('compile-worker');
  const from = reader?.files instanceof DiskFiles ? reader.files.dir : undefined;
  const test = testing();
  if (file && job.entries.length >= (test?.min ?? WORKER_MIN) && w.sink instanceof DiskFiles && (reader === undefined || from !== undefined)) {
    const done = await inWorker(file, { job, to: w.sink.dir, ...(from ? { from } : {}) }, hooks);
    if ('outcome' in done) {
      Object.assign(w.sums, done.sums);
      return done.outcome;
    }
    if (test?.flag('strict')) throw Object.assign(new Error(`the compile worker of ${job.lang} failed: ${done.failed}`), { code: 'EWORKER' });
    // A cache that cannot be written (a full disk, a quota, no permission) is the same in this
    // thread: said as the compile says it, not tried again.
    if (UNWRITABLE.has(done.code ?? '')) throw Object.assign(new Error(done.failed), { code: done.code });
  }
  return compileLanguageFiles(job, reader, w, hooks);
}

function inWorker(file: string, message: WorkerJob, hooks: LanguageHooks): Promise<Extract<WorkerMessage, { outcome: unknown } | { failed: string }>> {
  return new Promise((resolve) => {
    const worker = new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: heapLimit(message.job.entries) } });
    let settled = false;
    const end = (result: Extract<WorkerMessage, { outcome: unknown } | { failed: string }>) => {
      if (settled) return;
      settled = true;
      // The next language starts once this one's heap is gone, not beside it.
      void worker.terminate().finally(() => resolve(result));
    };
    worker.on('message', (m: WorkerMessage) => {
      if ('read' in m) hooks.onRead?.(m.read);
      else if ('indexed' in m) hooks.onIndexed?.(m.indexed);
      else end(m);
    });
    worker.on('error', (error: NodeJS.ErrnoException) => end({ failed: error.message, ...(error.code ? { code: error.code } : {}) }));
    worker.on('exit', (code) => end({ failed: `the compile worker stopped (exit ${code})` }));
    worker.postMessage(message);
  });
}

/** The worker's side: runs the job it is posted and posts back the outcome, or why it failed. */
export function serveJob(post: (m: WorkerMessage) => void, parse: LanguageHooks['parse']): (m: WorkerJob) => Promise<void> {
  return async ({ job, from, to }) => {
    try {
      const reader = from ? new CorpusReader(new DiskFiles(from)) : undefined;
      const w = new CorpusWriter(new DiskFiles(to));
      const outcome = await compileLanguageFiles(job, reader, w, {
        parse,
        onRead: (read) => {
          if (read % 250 === 0 || read === job.entries.length) post({ read });
        },
        onIndexed: (indexed, all) => {
          if (all || indexed % 500 === 0) post({ indexed });
        },
      });
      post({ outcome, sums: w.sums });
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      post({ failed: e.message, ...(e.code ? { code: e.code } : {}) });
    }
  };
}
