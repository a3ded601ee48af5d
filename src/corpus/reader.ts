// What commands read of a compiled corpus: an interface, implemented by the store's CorpusReader
// (on disk or in memory) and by anything a test builds. Types only.
import type { ArticleRecord, ListEntry, SearchDoc } from './compile.js';
import type { ScanIndex } from '../scan.js';

export interface LanguageMeta {
  lang: string;
  count: number;
  /** Items per data file (see store/compiled.ts ITEMS_PER_PART); none: one file. */
  part?: number;
  nameShards: number;
  gramShards: number;
  textShards: number;
  /** Mean body length in words. */
  avgBodyLength: number;
  /** [keyword, article count], Danish order. */
  keywords: Array<[string, number]>;
  /** What a --content compile of this language was made from: the same next time, it is kept. */
  signature?: string;
  /** The other languages its records name, for each of its ids, as one string (see compilation.ts). */
  langsDigest?: string;
}

export interface Skipped {
  file: string;
  reason: string;
  /** A page of the site that is not a term (a section page, a template, a draft): expected, counted apart. */
  page?: boolean;
}

/** What the compile found: kept apart from the meta, which every run reads. */
export interface CorpusReport {
  /** Files read but not in the corpus: not articles, or rejected with a reason. */
  skipped: Skipped[];
}

/** Renderings kept between runs, by article, width and colour. */
export interface RenderCache {
  get(lang: string, n: number, width: number, color: boolean): string | undefined;
  put(lang: string, n: number, width: number, color: boolean, text: string): void;
}

/** What search reads of one language of a compiled corpus. */
export interface SearchSource {
  /** Articles in this language. */
  count: number;
  names(key: string): Array<[number, number]>;
  /** The articles a term occurs in, as gaps: first number, then differences. */
  gaps(term: string): number[];
  /** Full text: [article number, packed counts] for each article a stem occurs in (TEXT_FIELDS). */
  postings(term: string): Array<[number, number]>;
  /** Mean body length in words. */
  avgBodyLength: number;
  docs(ns: number[]): SearchDoc[];
  keywords: Array<[string, number]>;
  keywordEntries(index: number): ListEntry[];
}

export interface Corpus {
  readonly meta: { langs: LanguageMeta[]; files: number; skipped: number; pages?: number; defaultLang?: string; site?: { prefix?: string[]; root?: string[] } };
  readonly renders: RenderCache;
  language(lang: string): LanguageMeta;
  names(lang: string, key: string): Array<[number, number]>;
  record(lang: string, n: number): ArticleRecord;
  /** An article's source text and where its body starts: a record without its links' targets (a search snippet's). */
  text(lang: string, n: number): { source: string; bodyStart: number };
  docs(lang: string, ns: number[]): SearchDoc[];
  list(lang: string): ListEntry[];
  keywordIndex(lang: string, keyword: string): number;
  keywordEntries(lang: string, index: number): ListEntry[];
  searchSource(lang: string): SearchSource;
  report(): CorpusReport;
  /** What `scan` matches in this language (see scan.ts). */
  scanIndex(lang: string): ScanIndex;
  /** What links resolve by in this language: each article's id, aliases and site addresses (every record read). */
  linkTargets(lang: string): Array<{ id: string; aliases: string[]; site?: string[] }>;
}
