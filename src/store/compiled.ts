// The compiled corpus on disk: written once by build or cache, read a few bytes at a time by each command.
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleRecord, CompiledLanguage, ListEntry, SearchDoc } from '../corpus/compile.js';
import { ContentError } from '../errors.js';
import { fold } from '../fold.js';
import { decodeSource } from '../corpus/source-text.js';
import type { SearchSource } from '../search.js';

export const FORMAT = 9;

export interface Skipped {
  file: string;
  reason: string;
}

export interface LanguageMeta {
  lang: string;
  count: number;
  nameShards: number;
  gramShards: number;
  /** [keyword, article count], Danish order. */
  keywords: Array<[string, number]>;
}

export interface CorpusMeta {
  format: number;
  langs: LanguageMeta[];
  /** How many files were read in all, and how many of them are not in the corpus. */
  files: number;
  skipped: number;
}

/** What the compile found: kept apart from the meta, which every run reads. */
export interface CorpusReport {
  /** Files read but not in the corpus: not articles, or rejected with a reason. */
  skipped: Skipped[];
}

/** FNV-1a: a stable, fast hash to pick the shard a key lives in. */
export function shardOf(key: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % shards;
}

function shardCount(entries: number, perShard: number): number {
  let n = 1;
  while (n < 4096 && entries / n > perShard) n *= 2;
  return n;
}

function writeItems(dir: string, name: string, buffers: Buffer[]): void {
  const offsets = new Uint32Array(buffers.length + 1);
  let offset = 0;
  buffers.forEach((buf, i) => {
    offsets[i] = offset;
    offset += buf.length;
  });
  offsets[buffers.length] = offset;
  // Written aside and renamed in: a reader sees the old file or the new one, never half of one.
  const base = join(dir, name);
  writeFileSync(`${base}.dat.tmp`, Buffer.concat(buffers));
  writeFileSync(`${base}.idx.tmp`, Buffer.from(offsets.buffer));
  renameSync(`${base}.dat.tmp`, `${base}.dat`);
  renameSync(`${base}.idx.tmp`, `${base}.idx`);
}

/**
 * An article record: 4 bytes of header length, the record without its source as JSON, then the
 * source as it is (no JSON escaping of 4 KB of Markdown on every write and read). A record marked
 * `external` keeps no source: it is read from the article's file (see CorpusReader.record).
 */
export function encodeRecord(record: ArticleRecord): Buffer {
  const { source, ...rest } = record;
  const head = Buffer.from(JSON.stringify(rest), 'utf8');
  const body = record.external ? Buffer.alloc(0) : Buffer.from(source, 'utf8');
  const out = Buffer.allocUnsafe(4 + head.length + body.length);
  out.writeUInt32LE(head.length, 0);
  head.copy(out, 4);
  body.copy(out, 4 + head.length);
  return out;
}

export function decodeRecord(buf: Buffer): ArticleRecord {
  const length = buf.readUInt32LE(0);
  const rest = JSON.parse(buf.toString('utf8', 4, 4 + length)) as Omit<ArticleRecord, 'source'>;
  return { ...rest, source: buf.toString('utf8', 4 + length) };
}

/** Every record of one language, in order, from the files (for a recompile). */
export function readRecordBytes(dir: string, lang: string): { dat: Buffer; offsets: Buffer } {
  return { dat: readFileSync(join(dir, lang, 'records.dat')), offsets: readFileSync(join(dir, lang, 'records.idx')) };
}

export function readAllRecords(dir: string, lang: string): { records: ArticleRecord[]; dat: Buffer; offsets: Buffer } {
  const { dat, offsets } = readRecordBytes(dir, lang);
  const records: ArticleRecord[] = [];
  for (let i = 0; i + 8 <= offsets.length; i += 4) records.push(decodeRecord(dat.subarray(offsets.readUInt32LE(i), offsets.readUInt32LE(i + 4))));
  return { records, dat, offsets };
}

/** Rewrites one language's records with some replaced; the rest are copied as bytes. */
export function patchRecords(dir: string, lang: string, dat: Buffer, offsets: Buffer, replaced: Map<number, ArticleRecord>): void {
  const buffers: Buffer[] = [];
  for (let i = 0; i + 8 <= offsets.length; i += 4) {
    const n = i / 4;
    const record = replaced.get(n);
    buffers.push(record ? encodeRecord(record) : dat.subarray(offsets.readUInt32LE(i), offsets.readUInt32LE(i + 4)));
  }
  writeItems(join(dir, lang), 'records', buffers);
}

function writeSharded<V>(dir: string, prefix: string, map: Map<string, V>, shards: number, encode: (v: V) => unknown): void {
  const parts: Array<Record<string, unknown>> = Array.from({ length: shards }, () => ({}));
  for (const [key, value] of map) (parts[shardOf(key, shards)] as Record<string, unknown>)[key] = encode(value);
  parts.forEach((part, i) => writeFileSync(join(dir, `${prefix}-${i}.json`), JSON.stringify(part)));
}

/** Postings are stored as gaps: smaller files, faster to parse. */
function deltaEncode(list: number[]): number[] {
  return list.map((n, i) => (i === 0 ? n : n - (list[i - 1] as number)));
}

/**
 * Writes a compiled corpus. `embedSource` keeps each article's source in its record (the bundled
 * corpus, whose content folder is not where it was compiled); a --content corpus reads it from
 * the folder instead, so the cache does not hold a second copy of the source.
 */
export function writeCorpus(dir: string, languages: CompiledLanguage[], files: number, report: CorpusReport, embedSource = true): void {
  mkdirSync(dir, { recursive: true });
  const langs: LanguageMeta[] = [];
  for (const c of languages) {
    const ldir = join(dir, c.lang);
    mkdirSync(ldir, { recursive: true });
    const nameShards = shardCount(c.names.size, 500);
    const gramShards = shardCount([...c.grams.values()].reduce((s, l) => s + l.length, 0), 1000);
    writeSharded(ldir, 'names', c.names, nameShards, (v) => v);
    writeSharded(ldir, 'grams', c.grams, gramShards, deltaEncode);
    writeItems(ldir, 'records', c.records.map((r) => encodeRecord(embedSource || !r.stamp ? r : { ...r, external: true })));
    writeItems(ldir, 'docs', c.docs.map((d) => Buffer.from(JSON.stringify(d), 'utf8')));
    writeFileSync(join(ldir, 'list.json'), JSON.stringify(c.list));
    c.keywords.forEach((k, i) => writeFileSync(join(ldir, `kw-${i}.json`), JSON.stringify(k.entries)));
    langs.push({ lang: c.lang, count: c.records.length, nameShards, gramShards, keywords: c.keywords.map((k) => [k.name, k.entries.length]) });
  }
  writeFileSync(join(dir, 'report.json'), JSON.stringify(report));
  const meta: CorpusMeta = { format: FORMAT, langs, files, skipped: report.skipped.length };
  writeFileSync(join(dir, 'corpus.json'), JSON.stringify(meta));
}

/** An article's file changed after the corpus was compiled: compile again and retry. */
export class StaleSourceError extends ContentError {
  constructor(readonly file: string) {
    super(`${file} changed while it was being read: run the command again`);
  }
}

function readSource(record: ArticleRecord): string {
  let fd: number | undefined;
  try {
    fd = openSync(record.file, 'r');
    const stat = fstatSync(fd);
    if (!stat.isFile() || !record.stamp || stat.size !== record.stamp[0] || stat.mtimeMs !== record.stamp[1]) throw new StaleSourceError(record.file);
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const got = readSync(fd, bytes, read, bytes.length - read, read);
      if (got === 0) break;
      read += got;
    }
    if (read !== bytes.length) throw new StaleSourceError(record.file);
    return decodeSource(bytes);
  } catch (error) {
    // Gone, unreadable or no longer UTF-8: whatever it is now, the record no longer describes it.
    if (error instanceof StaleSourceError) throw error;
    throw new StaleSourceError(record.file);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** Reads a compiled corpus lazily: each call touches only the files it needs. */
export class CorpusReader {
  readonly meta: CorpusMeta;
  private readonly cache = new Map<string, unknown>();

  constructor(readonly dir: string) {
    let meta: CorpusMeta;
    try {
      meta = readJson<CorpusMeta>(join(dir, 'corpus.json'));
    } catch {
      throw new ContentError(`no compiled corpus in ${dir}: run "npm run build" (or pass --content DIR)`);
    }
    if (meta.format !== FORMAT) throw new ContentError(`the corpus in ${dir} was compiled by another version: run "npm run build"`);
    this.meta = meta;
  }

  language(lang: string): LanguageMeta {
    const meta = this.meta.langs.find((l) => l.lang === lang);
    if (!meta) throw new ContentError(`no articles in language "${lang}": this corpus has ${this.meta.langs.map((l) => l.lang).join(', ') || 'none'}`);
    return meta;
  }

  private shard<T>(lang: string, prefix: string, key: string, shards: number): T | undefined {
    const file = join(this.dir, lang, `${prefix}-${shardOf(key, shards)}.json`);
    let part = this.cache.get(file) as Record<string, T> | undefined;
    if (!part) {
      part = readJson<Record<string, T>>(file);
      this.cache.set(file, part);
    }
    return Object.hasOwn(part, key) ? part[key] : undefined;
  }

  names(lang: string, key: string): Array<[number, number]> {
    return this.shard<Array<[number, number]>>(lang, 'names', key, this.language(lang).nameShards) ?? [];
  }

  /** The articles a term occurs in, as stored: the first number, then the gaps. */
  gaps(lang: string, term: string): number[] {
    return this.shard<number[]>(lang, 'grams', term, this.language(lang).gramShards) ?? [];
  }

  private readItem(lang: string, name: string, n: number): Buffer {
    const base = join(this.dir, lang, name);
    const idx = openSync(`${base}.idx`, 'r');
    const pair = Buffer.alloc(8);
    try {
      if (readSync(idx, pair, 0, 8, n * 4) !== 8) throw new ContentError(`article ${n} is missing from ${base}.idx: the corpus is damaged, rebuild it`);
    } finally {
      closeSync(idx);
    }
    const start = pair.readUInt32LE(0);
    const length = pair.readUInt32LE(4) - start;
    const dat = openSync(`${base}.dat`, 'r');
    try {
      const buf = Buffer.alloc(length);
      readSync(dat, buf, 0, length, start);
      return buf;
    } finally {
      closeSync(dat);
    }
  }

  /**
   * One article's record, with its source. A record that keeps no source reads it from its file,
   * checked against the size and mtime it was compiled at: a file changed since is a
   * StaleSourceError (the caller recompiles), never a mix of old record and new text.
   */
  record(lang: string, n: number): ArticleRecord {
    const record = this.recordWithoutSource(lang, n);
    return record.external ? { ...record, source: readSource(record) } : record;
  }

  /** The record as stored: without its source where the source is the file's (see record()). */
  recordWithoutSource(lang: string, n: number): ArticleRecord {
    return decodeRecord(this.readItem(lang, 'records', n));
  }

  /** Search documents for many candidates: one open, positioned reads. */
  docs(lang: string, ns: number[]): SearchDoc[] {
    const base = join(this.dir, lang, 'docs');
    const offsets = readFileSync(`${base}.idx`);
    const fd = openSync(`${base}.dat`, 'r');
    try {
      const size = fstatSync(fd).size;
      return ns.map((n) => {
        const start = offsets.readUInt32LE(n * 4);
        const end = Math.min(offsets.readUInt32LE(n * 4 + 4), size);
        const buf = Buffer.alloc(end - start);
        readSync(fd, buf, 0, buf.length, start);
        return JSON.parse(buf.toString('utf8')) as SearchDoc;
      });
    } finally {
      closeSync(fd);
    }
  }

  report(): CorpusReport {
    return readJson<CorpusReport>(join(this.dir, 'report.json'));
  }

  searchSource(lang: string): SearchSource {
    return {
      count: this.language(lang).count,
      names: (key) => this.names(lang, key),
      gaps: (term) => this.gaps(lang, term),
      docs: (ns) => this.docs(lang, ns),
      keywords: this.language(lang).keywords,
      keywordEntries: (i) => this.keywordEntries(lang, i),
    };
  }

  private renderFile(lang: string, n: number, width: number, color: boolean): string {
    return join(this.dir, 'render', `${lang}-${n}-${width}-${color ? 'c' : 'p'}.txt`);
  }

  /** A rendering kept from an earlier run (or made at build time), if there is one. */
  cachedRender(lang: string, n: number, width: number, color: boolean): string | undefined {
    try {
      return readFileSync(this.renderFile(lang, n, width, color), 'utf8');
    } catch {
      return undefined;
    }
  }

  /** Keeps a rendering for the next run; a read-only corpus (an installed package) just does without. */
  saveRender(lang: string, n: number, width: number, color: boolean, text: string): void {
    try {
      mkdirSync(join(this.dir, 'render'), { recursive: true });
      writeFileSync(this.renderFile(lang, n, width, color), text);
    } catch {
      /* rendering again next time is the only cost */
    }
  }

  list(lang: string): ListEntry[] {
    return readJson(join(this.dir, lang, 'list.json'));
  }

  /** Where a keyword stands in the language's list, matched case- and accent-insensitively; -1 if not there. */
  keywordIndex(lang: string, keyword: string): number {
    const wanted = fold(keyword);
    return this.language(lang).keywords.findIndex(([name]) => fold(name) === wanted);
  }

  keywordEntries(lang: string, index: number): ListEntry[] {
    return readJson(join(this.dir, lang, `kw-${index}.json`));
  }
}
