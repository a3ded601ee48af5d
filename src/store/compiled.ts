// The compiled corpus: written once by the build or the cache, read a few bytes at a time by each
// command, and checked as it is read. Every JSON file has its size and check sum in the manifest
// (corpus.json, itself summed); every record and search document has its own sum in its index.
// What does not check out is a DamagedCorpusError: derived data is rebuilt, never served wrong.
import type { ArticleRecord, CompiledLanguage, CompiledRecord, ListEntry, SearchDoc, ArticleRef } from '../corpus/compile.js';
import { decodeSource } from '../corpus/source-text.js';
import { ContentError } from '../errors.js';
import { fold } from '../fold.js';
import type { Corpus, CorpusReport, LanguageMeta, RenderCache, SearchSource, Skipped } from '../corpus/reader.js';
import type { ScanIndex } from '../scan.js';
import { checksum, readRegularFile, type CorpusFiles, type CorpusSink } from './files.js';
import { noRenders } from './renders.js';

export const FORMAT = 22;

/**
 * Items per data file: an items file (records, docs, body terms, shards) is kept as parts of this
 * many items (`records.dat`, `records.1.dat`, ...) under one index whose offsets run on from part to
 * part. A patch writes the parts its items are in and links the others into the new generation: a
 * body edit at 100,000 articles copies 16,384 records, not all of them. Each language's meta says
 * the size it was written with (`part`; none: one part), and readers follow that.
 */
export const ITEMS_PER_PART = 16_384;
/** The part size a language was written with (a meta without one: one part, of any count). */
export function partSizeOf(meta: LanguageMeta): number {
  return meta.part ?? Number.MAX_SAFE_INTEGER;
}

/** The part size a compile writes with (GLOSSARY_TEST_PART lowers it: tests reach several parts). */
function partSize(): number {
  const test = Number(process.env['GLOSSARY_TEST_PART']);
  return Number.isInteger(test) && test > 0 ? test : ITEMS_PER_PART;
}

/** The file of part `k` of the items of `base`. */
export function partFile(base: string, k: number): string {
  return k === 0 ? `${base}.dat` : `${base}.${k}.dat`;
}

/** How many parts `count` items take (an empty file for none). */
function partCount(count: number, per: number): number {
  return Math.max(1, Math.ceil(count / per));
}

export type { CorpusReport, LanguageMeta, Skipped };

export interface CorpusMeta {
  format: number;
  langs: LanguageMeta[];
  /** How many files were read in all, and how many of them are not in the corpus. */
  files: number;
  /** Files not in the corpus that should be (rejected, unreadable); pages that are not terms apart. */
  skipped: number;
  pages?: number;
  /** The default language the corpus config names. */
  defaultLang?: string;
  /** The site layout links were resolved with (a --content compile keeps it to keep languages). */
  site?: { prefix?: string[]; root?: string[] };
  /** The language the site layout was learnt from. */
  siteFrom?: string;
  /** File name -> [size, check sum], for every JSON file. */
  sums: Record<string, [number, number]>;
}


/** A file of the compiled corpus is missing, cut short or changed: the corpus must be rebuilt. */
export class DamagedCorpusError extends ContentError {
  constructor(readonly label: string, what: string) {
    super(`the compiled corpus in ${label} is damaged (${what})`, ['rebuild it: npm run build, or pass --refresh with --content']);
  }
}

/** An article's file changed after the corpus was compiled: compile again and retry. */
export class StaleSourceError extends ContentError {
  constructor(readonly file: string) {
    super(`${file} changed while it was being read: run the command again`);
  }
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

// ---- records as stored: links point to article numbers, backlinks are numbers -----------------

/** [href, target, text, line, article number, or -1 (broken), or -2 (a page outside the glossary)]. */
type StoredLink = [string, string, string, number, number];

export type StoredRecord = Omit<ArticleRecord, 'links' | 'backlinks' | 'source'> & { links: StoredLink[]; backlinks: number[] };

function storedOf(record: CompiledRecord): StoredRecord {
  // The body's terms are the `terms` items: a record is what a lookup reads, and a patch of a title
  // copies the records file (the terms were nine tenths of it).
  const { source: _source, links, backlinks, bodyTerms: _terms, ...rest } = record;
  return { ...rest, links: links.map((l) => [l.href, l.target, l.text, l.line, l.to ? l.to.n : l.outside ? -2 : l.ambiguous ? -3 : -1]), backlinks: backlinks.map((b) => b.n) };
}

/**
 * An article record: the stored record as JSON, then (unless it is `external`) the source as it is:
 * no JSON escaping of kilobytes of Markdown on every write and read.
 */
export function encodeStored(stored: StoredRecord, source: string): Buffer {
  const head = Buffer.from(JSON.stringify(stored), 'utf8');
  const body = stored.external ? Buffer.alloc(0) : Buffer.from(source, 'utf8');
  const out = Buffer.allocUnsafe(4 + head.length + body.length);
  out.writeUInt32LE(head.length, 0);
  head.copy(out, 4);
  body.copy(out, 4 + head.length);
  return out;
}

export function encodeRecord(record: CompiledRecord): Buffer {
  return encodeStored(storedOf(record), record.source);
}

function decodeStored(buf: Buffer): { stored: StoredRecord; source: string } {
  const length = buf.readUInt32LE(0);
  return { stored: JSON.parse(buf.toString('utf8', 4, 4 + length)) as StoredRecord, source: buf.toString('utf8', 4 + length) };
}

// ---- writing -----------------------------------------------------------------------------------

/** Writes the files of one compiled corpus, summing each as it goes; the manifest comes last. */
export class CorpusWriter {
  readonly sums: Record<string, [number, number]> = {};
  constructor(readonly sink: CorpusSink) {}

  json(name: string, value: unknown): void {
    const data = Buffer.from(JSON.stringify(value), 'utf8');
    this.sums[name] = [data.length, checksum(data)];
    this.sink.write(name, data);
  }

  /** The part size this writer writes languages with (see ITEMS_PER_PART). */
  readonly per = partSize();

  /**
   * Items with an index of [offset, sum] pairs and the end offset: each item checks itself. The
   * data in parts of `per` items, the offsets running on from one part to the next.
   */
  items(base: string, buffers: Buffer[], per: number): void {
    const file = new ItemsFile(this.sink, base, buffers.length, per);
    for (const buf of buffers) file.add(buf);
    file.end();
  }

  /**
   * One language's files; its meta for the manifest. `raw`: the search documents and body terms
   * already encoded, item for item (a patch of members moves them as they are stored).
   */
  language(c: CompiledLanguage, embedSource: boolean, signature?: string, raw?: { docs: Buffer[]; terms: Buffer[] }): LanguageMeta {
    const nameShards = shardCount(c.names.size, 500);
    const gramShards = shardCount([...c.grams.values()].reduce((s, l) => s + l.length, 0), 1000);
    const per = this.per;
    writeSharded(this, c.lang, 'names', c.names, nameShards, (v) => v);
    writeSharded(this, c.lang, 'grams', c.grams, gramShards, deltaEncode);
    const textShards = shardCount([...c.text.values()].reduce((s, l) => s + l.length / 2, 0), 2000);
    writeSharded(this, c.lang, 'text', c.text, textShards, pairDeltaEncode);
    // Article by article, a part at a time: each record and document is made, encoded and let go.
    const records = new ItemsFile(this.sink, `${c.lang}/records`, c.count, per);
    const docs = new ItemsFile(this.sink, `${c.lang}/docs`, c.count, per);
    const terms = new ItemsFile(this.sink, `${c.lang}/terms`, c.count, per);
    for (let n = 0; n < c.count; n++) {
      const r = c.record(n);
      records.add(encodeRecord(embedSource || !r.stamp ? r : { ...r, external: true }));
      docs.add(raw ? (raw.docs[n] as Buffer) : Buffer.from(JSON.stringify(c.doc(n)), 'utf8'));
      terms.add(raw ? (raw.terms[n] as Buffer) : Buffer.from(r.bodyTerms ?? '', 'utf8'));
    }
    for (const file of [records, docs, terms]) file.end();
    this.json(`${c.lang}/list.json`, c.list);
    this.json(`${c.lang}/scan.json`, c.scan);
    this.json(`${c.lang}/body.json`, { total: c.bodyTotal, capped: Object.fromEntries(c.capped), gramsCapped: Object.fromEntries(c.gramsCapped), gramsNamed: Object.fromEntries(c.gramsNamed) } satisfies BodyStats);
    this.items(`${c.lang}/keywords`, c.keywords.map((k) => Buffer.from(JSON.stringify(k.entries), 'utf8')), per);
    return { lang: c.lang, count: c.count, part: per, nameShards, gramShards, textShards, avgBodyLength: c.avgBodyLength, keywords: c.keywords.map((k) => [k.name, k.entries.length]), ...(signature ? { signature } : {}) };
  }

  /**
   * A language kept as an earlier compile wrote it: its files are linked in by `link` (they are
   * never written again), and their sums taken from that compile's manifest.
   */
  keep(from: CorpusReader, lang: string, link: (name: string) => void): LanguageMeta {
    for (const [name, sum] of Object.entries(from.meta.sums)) {
      if (name.startsWith(`${lang}/`)) this.sums[name] = sum;
    }
    for (const name of from.languageFiles(lang)) link(name);
    return from.language(lang);
  }

  manifest(meta: Omit<CorpusMeta, 'sums'>): void {
    writeManifest(this.sink, { ...meta, sums: this.sums });
  }
}

/**
 * Items with an index of [offset, sum] pairs and the end offset: each item checks itself. The data
 * is written in parts of `per` items as each part fills (never joined, nor held whole: a language's
 * records at once were a peak of memory), the offsets running on from one part to the next.
 */
class ItemsFile {
  private readonly idx: Buffer;
  private pending: Buffer[] = [];
  private added = 0;
  private part = 0;
  private offset = 0;
  constructor(private readonly sink: CorpusSink, private readonly base: string, private readonly count: number, private readonly per: number) {
    this.idx = Buffer.alloc((count + 1) * 8);
  }

  add(buf: Buffer): void {
    if (this.added >= this.count) throw new Error(`${this.base}: more items than ${this.count}`);
    this.idx.writeUInt32LE(this.offset, this.added * 8);
    this.idx.writeUInt32LE(checksum(buf), this.added * 8 + 4);
    this.offset += buf.length;
    if (this.offset > 0xffffffff) throw new ContentError(`${this.base} is over 4 GB: the corpus is too large`);
    this.added++;
    this.pending.push(buf);
    if (this.pending.length === this.per) this.flush();
  }

  end(): void {
    if (this.added !== this.count) throw new Error(`${this.base}: ${this.added} items of ${this.count}`);
    // None: one empty part.
    if (this.pending.length > 0 || this.part === 0) this.flush();
    this.idx.writeUInt32LE(this.offset, this.count * 8);
    this.sink.write(`${this.base}.idx`, this.idx);
  }

  private flush(): void {
    this.sink.write(partFile(this.base, this.part++), this.pending);
    this.pending = [];
  }
}

/**
 * A map split into `shards` JSON objects by the hash of the key, kept as the items of one file:
 * a reader parses only the shard its key is in, and a compile writes two files, not thousands
 * (opening a file costs ~0.5 ms here).
 */
function writeSharded<V>(w: CorpusWriter, dir: string, prefix: string, map: Map<string, V>, shards: number, encode: (v: V) => unknown): void {
  // Keys by shard first, then each shard encoded and made text on its own: the encoded copy of
  // every list at once was a peak of a large compile's memory.
  const keys: string[][] = Array.from({ length: shards }, () => []);
  for (const key of map.keys()) (keys[shardOf(key, shards)] as string[]).push(key);
  w.items(`${dir}/${prefix}`, keys.map((part) => {
    const shard: Record<string, unknown> = {};
    for (const key of part) shard[key] = encode(map.get(key) as V);
    return Buffer.from(JSON.stringify(shard), 'utf8');
  }), w.per);
}

/** [n, value, n, value, ...] with each n stored as the gap from the one before. */
function pairDeltaEncode(list: number[]): number[] {
  return list.map((v, i) => (i % 2 === 1 || i === 0 ? v : v - (list[i - 2] as number)));
}

/** pairDeltaEncode read back: [n, value, ...] with each n whole again. */
function pairDeltaDecode(stored: number[]): number[] {
  let n = 0;
  return stored.map((v, i) => (i % 2 === 1 ? v : (n += v)));
}

/** Postings are stored as gaps: smaller files, faster to parse. */
function deltaEncode(list: number[]): number[] {
  return list.map((n, i) => (i === 0 ? n : n - (list[i - 1] as number)));
}

function deltaDecode(gaps: number[]): number[] {
  let n = 0;
  return gaps.map((gap) => (n += gap));
}

/** The stored form of one shard of the name map. */
export function encodeNameShard(part: Map<string, Array<[number, number]>>): Buffer {
  return Buffer.from(JSON.stringify(Object.fromEntries(part)), 'utf8');
}

/** The stored form of one shard of the candidate index: term -> absolute, ascending numbers. */
export function encodeGramShard(part: Map<string, number[]>): Buffer {
  const out: Record<string, number[]> = {};
  for (const [term, list] of part) out[term] = deltaEncode(list);
  return Buffer.from(JSON.stringify(out), 'utf8');
}

/**
 * Writes a compiled corpus. `embedSource` keeps each article's source in its record (the bundled
 * corpus, whose content folder is not where it was compiled); a --content corpus reads it from
 * the folder instead, so the cache does not hold a second copy of the source.
 */
export function writeCorpus(sink: CorpusSink, languages: CompiledLanguage[], files: number, report: CorpusReport, embedSource = true, defaultLang?: string): void {
  const w = new CorpusWriter(sink);
  const langs = languages.map((c) => w.language(c, embedSource));
  finishCorpus(w, langs, files, report, defaultLang);
}

/** The manifest, corpus.json: the meta as text, and its sum. */
export function writeManifest(sink: CorpusSink, meta: CorpusMeta): void {
  const text = JSON.stringify(meta);
  sink.write('corpus.json', JSON.stringify({ sum: checksum(Buffer.from(text, 'utf8')), meta: text }));
}

/** The report and the manifest, once every language is written. */
export function finishCorpus(w: CorpusWriter, langs: LanguageMeta[], files: number, report: CorpusReport, defaultLang?: string, site?: { prefix?: string[]; root?: string[] }, siteFrom?: string): void {
  w.json('report.json', report);
  const pages = report.skipped.filter((s) => s.page).length;
  w.manifest({ format: FORMAT, langs, files, skipped: report.skipped.length - pages, ...(pages ? { pages } : {}), ...(defaultLang ? { defaultLang } : {}), ...(site ? { site } : {}), ...(siteFrom ? { siteFrom } : {}) });
}

/** The files one language of a compiled corpus has. */
function languageFilesOf(meta: LanguageMeta): string[] {
  const per = partSizeOf(meta);
  const items: Array<[string, number]> = [['names', meta.nameShards], ['grams', meta.gramShards], ['text', meta.textShards], ['records', meta.count], ['docs', meta.count], ['terms', meta.count], ['keywords', meta.keywords.length]];
  return [...items.flatMap(([name, count]) => [...Array.from({ length: partCount(count, per) }, (_, k) => partFile(`${meta.lang}/${name}`, k)), `${meta.lang}/${name}.idx`]), ...['list.json', 'scan.json', 'body.json'].map((f) => `${meta.lang}/${f}`)];
}

/** What a patch of bodies needs beyond the postings: the words of all bodies, the stems left out. */
export interface BodyStats {
  total: number;
  /** Stem -> the number of articles that have it, for the stems too common to keep postings of. */
  capped: Record<string, number>;
  /** The same for the candidate index (grams): those left out, and those kept over the cap as names. */
  gramsCapped: Record<string, number>;
  gramsNamed: Record<string, number>;
}

/**
 * The items of `lang/name` (records, docs, text) with some replaced: the parts they are in are
 * written again, the rest of each copied as bytes in runs between the replaced ones, with the sums
 * they had (a damaged item stays one the reader refuses). The other parts are not written: the
 * patch links them from the current generation, and only their offsets in the index move.
 */
export function writePatchedItems(reader: CorpusReader, sink: CorpusSink, lang: string, name: 'records' | 'docs' | 'terms' | 'text' | 'names' | 'grams' | 'keywords', count: number, replaced: Map<number, Buffer>): void {
  const base = `${lang}/${name}`;
  const per = partSizeOf(reader.language(lang));
  let oldIdx: Buffer;
  try {
    oldIdx = reader.files.read(`${base}.idx`);
  } catch {
    throw new DamagedCorpusError(reader.files.label, `${base} is missing`);
  }
  if (oldIdx.length !== (count + 1) * 8) throw new DamagedCorpusError(reader.files.label, `${base}.idx does not check out`);
  const touched = new Set([...replaced.keys()].map((n) => Math.floor(n / per)));
  const idx = Buffer.alloc((count + 1) * 8);
  let offset = 0;
  const parts = partCount(count, per);
  for (let k = 0; k < parts; k++) {
    const lo = k * per;
    const hi = Math.min(count, lo + per);
    const start = oldIdx.readUInt32LE(lo * 8);
    const end = oldIdx.readUInt32LE(hi * 8);
    if (end < start) throw new DamagedCorpusError(reader.files.label, `${base}.idx does not check out`);
    if (!touched.has(k)) {
      // Linked as it is: its items move by what the parts before it grew or shrank.
      for (let n = lo; n < hi; n++) {
        idx.writeUInt32LE(offset + oldIdx.readUInt32LE(n * 8) - start, n * 8);
        idx.writeUInt32LE(oldIdx.readUInt32LE(n * 8 + 4), n * 8 + 4);
      }
      offset += end - start;
      continue;
    }
    const file = partFile(base, k);
    let oldDat: Buffer;
    try {
      oldDat = reader.files.read(file);
    } catch {
      throw new DamagedCorpusError(reader.files.label, `${file} is missing`);
    }
    if (oldDat.length !== end - start) throw new DamagedCorpusError(reader.files.label, `${base}.idx does not check out`);
    const out: Buffer[] = [];
    let runStart = lo;
    const flush = (until: number) => {
      // Items runStart..until-1 unchanged: one slice of the old part.
      if (until <= runStart) return;
      const from = oldIdx.readUInt32LE(runStart * 8) - start;
      const to = oldIdx.readUInt32LE(until * 8) - start;
      if (to < from || to > oldDat.length) throw new DamagedCorpusError(reader.files.label, `${base}.idx does not check out`);
      out.push(oldDat.subarray(from, to));
      for (let n = runStart; n < until; n++) {
        idx.writeUInt32LE(offset + oldIdx.readUInt32LE(n * 8) - start - from, n * 8);
        idx.writeUInt32LE(oldIdx.readUInt32LE(n * 8 + 4), n * 8 + 4);
      }
      offset += to - from;
    };
    for (const n of [...replaced.keys()].filter((m) => m >= lo && m < hi).sort((a, b) => a - b)) {
      flush(n);
      const buf = replaced.get(n) as Buffer;
      idx.writeUInt32LE(offset, n * 8);
      idx.writeUInt32LE(checksum(buf), n * 8 + 4);
      out.push(buf);
      offset += buf.length;
      runStart = n + 1;
    }
    flush(hi);
    sink.write(file, out);
  }
  if (offset > 0xffffffff) throw new ContentError(`${base} is over 4 GB: the corpus is too large`);
  idx.writeUInt32LE(offset, count * 8);
  sink.write(`${base}.idx`, idx);
}

/** The stored form of one full-text shard: stem -> absolute [n, packed, ...] (see pairDeltaEncode). */
export function encodeTextShard(part: Map<string, number[]>): Buffer {
  const out: Record<string, number[]> = {};
  for (const [term, list] of part) out[term] = pairDeltaEncode(list);
  return Buffer.from(JSON.stringify(out), 'utf8');
}

// ---- reading -----------------------------------------------------------------------------------

function readSource(record: StoredRecord): string {
  const [size, ctimeMs, ino] = record.stamp ?? [-1, -1, -1];
  let file;
  try {
    file = readRegularFile(record.file, (s, m, i) => s === size && m === ctimeMs && i === ino);
    if (file && file.bytes.length === size) return decodeSource(file.bytes);
  } catch {
    // Gone, unreadable or no longer UTF-8: whatever it is now, the record no longer describes it.
  }
  throw new StaleSourceError(record.file);
}

/**
 * The text of `key`'s value in `json`, a JSON object whose values are arrays (of numbers, or of
 * arrays of numbers), as JSON.stringify writes it; undefined when the object has no such key.
 * A key's text begins at `{` or `,`: inside a key, a quote is always escaped, and values hold no quotes.
 */
export function valueOfKey(json: string, key: string): string | undefined {
  const needle = `${JSON.stringify(key)}:`;
  let at = -1;
  for (let from = 1; ; ) {
    const k = json.indexOf(needle, from);
    if (k < 0) return undefined;
    const before = json.charCodeAt(k - 1);
    if (before === 0x7b || before === 0x2c) {
      at = k + needle.length;
      break;
    }
    from = k + 1;
  }
  if (json.charCodeAt(at) === 0x5b) {
    let depth = 0;
    for (let end = at; end < json.length; end++) {
      const c = json.charCodeAt(end);
      if (c === 0x5b) depth++;
      else if (c === 0x5d && --depth === 0) return json.slice(at, end + 1);
    }
  }
  throw new Error(`the value of "${key}" is no array`);
}

/** Reading this many items or more, the whole index is read at once rather than entry by entry. */
const MANY_ITEMS = 16;

/** Reads a compiled corpus lazily: each call touches only the files it needs, and checks them. */
export class CorpusReader implements Corpus {
  readonly meta: CorpusMeta;
  private readonly cache = new Map<string, unknown>();

  constructor(
    readonly files: CorpusFiles,
    /** Renderings kept for this corpus (see renders.ts). */
    readonly renders: RenderCache = noRenders,
  ) {
    let outer: { sum?: unknown; meta?: unknown };
    try {
      outer = JSON.parse(files.read('corpus.json').toString('utf8')) as { sum?: unknown; meta?: unknown };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ContentError(`no compiled corpus in ${files.label}: run "npm run build" (or pass --content DIR)`);
      throw new DamagedCorpusError(files.label, 'corpus.json is not readable');
    }
    if (typeof outer?.meta !== 'string' || outer.sum !== checksum(Buffer.from(outer.meta, 'utf8'))) {
      // An older format wrote the meta itself here: another version, not damage.
      if (outer && typeof (outer as { format?: unknown }).format === 'number') throw new ContentError(`the corpus in ${files.label} was compiled by another version: run "npm run build"`);
      throw new DamagedCorpusError(files.label, 'corpus.json does not check out');
    }
    const meta = JSON.parse(outer.meta) as CorpusMeta;
    if (meta.format !== FORMAT) throw new ContentError(`the corpus in ${files.label} was compiled by another version: run "npm run build"`);
    if (!Array.isArray(meta.langs) || typeof meta.sums !== 'object' || meta.sums === null) throw new DamagedCorpusError(files.label, 'corpus.json does not check out');
    this.meta = meta;
  }

  private damaged(what: string): never {
    throw new DamagedCorpusError(this.files.label, what);
  }

  /** A JSON file, checked against the manifest, parsed once per run. */
  private json<T>(name: string): T {
    if (this.cache.has(name)) return this.cache.get(name) as T;
    const sum = this.meta.sums[name];
    if (!sum) this.damaged(`${name} is not in the manifest`);
    let data: Buffer;
    try {
      data = this.files.read(name);
    } catch {
      this.damaged(`${name} is missing`);
    }
    if (data.length !== sum[0] || checksum(data) !== sum[1]) this.damaged(`${name} does not check out`);
    const value = JSON.parse(data.toString('utf8')) as T;
    this.cache.set(name, value);
    return value;
  }

  /** Items `ns` of `base` (its .idx and the parts of its data), each checked against its sum. */
  private items(base: string, ns: number[], count: number): Buffer[] {
    if (ns.length === 0) return [];
    for (const n of ns) if (!Number.isInteger(n) || n < 0 || n >= count) this.damaged(`${base}: no item ${n}`);
    const per = partSizeOf(this.language(base.slice(0, base.indexOf('/'))));
    const partOf = ns.map((n) => Math.floor(n / per));
    const parts = [...new Set(partOf)].sort((a, b) => a - b);
    let index: Buffer[];
    // Where each part's data starts in the offsets of the index (the first part's at 0).
    const starts = new Map<number, number>([[0, 0]]);
    const data: Buffer[] = new Array(ns.length);
    try {
      // Many items: the whole index in one read; a few: their entries alone (and each part's start).
      if (ns.length > MANY_ITEMS) {
        const whole = this.files.read(`${base}.idx`);
        index = ns.map((n) => whole.subarray(n * 8, n * 8 + 12));
        for (const k of parts) if (k > 0) starts.set(k, k * per * 8 + 4 <= whole.length ? whole.readUInt32LE(k * per * 8) : -1);
      } else {
        const later = parts.filter((k) => k > 0);
        const read = this.files.readRanges(`${base}.idx`, [...ns.map((n): [number, number] => [n * 8, 12]), ...later.map((k): [number, number] => [k * per * 8, 4])]);
        index = read.slice(0, ns.length);
        later.forEach((k, i) => starts.set(k, (read[ns.length + i] as Buffer).length === 4 ? (read[ns.length + i] as Buffer).readUInt32LE(0) : -1));
      }
      const ranges = index.map((e): [number, number] => (e.length === 12 ? [e.readUInt32LE(0), e.readUInt32LE(8) - e.readUInt32LE(0)] : [0, 0]));
      if (ranges.some(([, length], i) => (index[i] as Buffer).length !== 12 || length < 0) || [...starts.values()].some((s) => s < 0)) this.damaged(`${base}.idx is cut short`);
      for (const k of parts) {
        const at = ns.flatMap((_, i) => (partOf[i] === k ? [i] : []));
        const start = starts.get(k) as number;
        const local = at.map((i): [number, number] => [(ranges[i] as [number, number])[0] - start, (ranges[i] as [number, number])[1]]);
        if (local.some(([position]) => position < 0)) this.damaged(`${base}.idx does not check out`);
        let got: Buffer[];
        if (ns.length > MANY_ITEMS && ns.length * 4 >= count) {
          // A quarter or more of the items: each part in one read, not a read per item (a recompile
          // or a patch of members reads them all; a search reads a few dozen).
          const whole = this.files.read(partFile(base, k));
          got = local.map(([position, length]) => whole.subarray(position, position + length));
        } else got = this.files.readRanges(partFile(base, k), local);
        at.forEach((i, j) => (data[i] = got[j] as Buffer));
      }
    } catch (error) {
      if (error instanceof DamagedCorpusError) throw error;
      this.damaged(`${base} is missing`);
    }
    return data.map((buf, i) => {
      const entry = index[i] as Buffer;
      if (buf.length !== entry.readUInt32LE(8) - entry.readUInt32LE(0) || checksum(buf) !== entry.readUInt32LE(4)) this.damaged(`${base}.dat does not check out`);
      return buf;
    });
  }

  /** Every item of `lang/name` as stored (checked against its sum): what a patch of members copies. */
  allItems(lang: string, name: 'docs' | 'terms'): Buffer[] {
    const count = this.language(lang).count;
    return this.items(`${lang}/${name}`, Array.from({ length: count }, (_, i) => i), count);
  }

  /** The names of the files of `lang`, relative to the corpus. */
  languageFiles(lang: string): string[] {
    return languageFilesOf(this.language(lang));
  }

  language(lang: string): LanguageMeta {
    const meta = this.meta.langs.find((l) => l.lang === lang);
    if (!meta) throw new ContentError(`no articles in language "${lang}": this corpus has ${this.meta.langs.map((l) => l.lang).join(', ') || 'none'}`);
    return meta;
  }

  /** Item `i` of `base`, parsed as JSON, once per run. */
  private jsonItem<T>(base: string, i: number, count: number): T {
    const name = `${base}#${i}`;
    if (this.cache.has(name)) return this.cache.get(name) as T;
    const value = JSON.parse((this.items(base, [i], count)[0] as Buffer).toString('utf8')) as T;
    this.cache.set(name, value);
    return value;
  }

  /** Item `i` of `base` as text, once per run. */
  private textItem(base: string, i: number, count: number): string {
    const name = `${base}#${i}#text`;
    if (this.cache.has(name)) return this.cache.get(name) as string;
    const value = (this.items(base, [i], count)[0] as Buffer).toString('utf8');
    this.cache.set(name, value);
    return value;
  }

  /**
   * One key's value in a shard (a JSON object of arrays), parsed alone: a query wants a few keys
   * of a shard of thousands, and parsing the whole shard was most of a search's reading.
   */
  private shard<T>(lang: string, prefix: string, key: string, shards: number): T | undefined {
    const raw = this.textItem(`${lang}/${prefix}`, shardOf(key, shards), shards);
    try {
      const value = valueOfKey(raw, key);
      return value === undefined ? undefined : (JSON.parse(value) as T);
    } catch {
      return this.damaged(`${lang}/${prefix}.dat: the entry for "${key}" does not parse`);
    }
  }

  names(lang: string, key: string): Array<[number, number]> {
    return this.shard<Array<[number, number]>>(lang, 'names', key, this.language(lang).nameShards) ?? [];
  }

  /** The articles a term occurs in, as stored: the first number, then the gaps. */
  gaps(lang: string, term: string): number[] {
    return this.shard<number[]>(lang, 'grams', term, this.language(lang).gramShards) ?? [];
  }

  /** Full-text postings of a stem: [article number, packed counts] pairs. */
  postings(lang: string, term: string): Array<[number, number]> {
    const list = pairDeltaDecode(this.shard<number[]>(lang, 'text', term, this.language(lang).textShards) ?? []);
    const out: Array<[number, number]> = [];
    for (let i = 0; i + 1 < list.length; i += 2) out.push([list[i] as number, list[i + 1] as number]);
    return out;
  }

  /** One record's bytes as stored (checked). */
  recordBytes(lang: string, n: number): Buffer {
    return this.itemBytes(`${lang}/records`, n, this.language(lang).count);
  }

  /** Item `n` of `base` as stored (checked). */
  itemBytes(base: string, n: number, count: number): Buffer {
    return this.items(base, [n], count)[0] as Buffer;
  }

  /** One full-text shard: stem -> absolute [n, packed, ...], in the order stored. */
  textShard(lang: string, i: number): Map<string, number[]> {
    const stored = this.jsonItem<Record<string, number[]>>(`${lang}/text`, i, this.language(lang).textShards);
    return new Map(Object.entries(stored).map(([term, gaps]) => [term, pairDeltaDecode(gaps)]));
  }

  /** One shard of the name map: folded name -> [article number, rank], in the order stored. */
  nameShard(lang: string, i: number): Map<string, Array<[number, number]>> {
    const stored = this.jsonItem<Record<string, Array<[number, number]>>>(`${lang}/names`, i, this.language(lang).nameShards);
    return new Map(Object.entries(stored).map(([key, list]) => [key, list.map(([n, rank]): [number, number] => [n, rank])]));
  }

  /** One shard of the candidate index: gram or `=stem` -> absolute article numbers, ascending. */
  gramShard(lang: string, i: number): Map<string, number[]> {
    const stored = this.jsonItem<Record<string, number[]>>(`${lang}/grams`, i, this.language(lang).gramShards);
    return new Map(Object.entries(stored).map(([term, gaps]) => [term, deltaDecode(gaps)]));
  }

  bodyStats(lang: string): BodyStats {
    this.language(lang);
    return this.json(`${lang}/body.json`);
  }

  /** The sum the manifest has for a JSON file. */
  sumOf(name: string): [number, number] | undefined {
    return this.meta.sums[name];
  }

  /** The record as stored: links and backlinks by article number, no source if it is the file's. */
  stored(lang: string, n: number): { stored: StoredRecord; source: string } {
    return decodeStored(this.recordBytes(lang, n));
  }

  linkTargets(lang: string): Array<{ id: string; aliases: string[]; site?: string[] }> {
    return this.allStored(lang, false).map((r) => ({ id: r.id, aliases: r.aliases, ...(r.site ? { site: r.site } : {}) }));
  }

  /** Every stored record of a language, in order, with its body's terms (for a recompile). */
  allStored(lang: string, withTerms = true): StoredRecord[] {
    const count = this.language(lang).count;
    const ns = Array.from({ length: count }, (_, i) => i);
    if (!withTerms) return this.items(`${lang}/records`, ns, count).map((buf) => decodeStored(buf).stored);
    const terms = this.items(`${lang}/terms`, ns, count);
    return this.items(`${lang}/records`, ns, count).map((buf, n) => ({ ...decodeStored(buf).stored, bodyTerms: (terms[n] as Buffer).toString('utf8') }));
  }

  /** Article n's body terms, as the full-text index counted them (see terms.ts bodyTerms). */
  bodyTerms(lang: string, n: number): string {
    return (this.items(`${lang}/terms`, [n], this.language(lang).count)[0] as Buffer).toString('utf8');
  }

  /**
   * One article's record, with its source and its links' targets. A record that keeps no source
   * reads it from its file, checked against the size, ctime and inode it was compiled with: a file changed
   * since is a StaleSourceError (the caller recompiles), never a mix of old record and new text.
   */
  record(lang: string, n: number): ArticleRecord {
    const { stored, source } = this.stored(lang, n);
    const ns = [...new Set([...stored.links.map((l) => l[4]).filter((to) => to >= 0), ...stored.backlinks])];
    const refs = new Map(this.docs(lang, ns).map((d): [number, ArticleRef] => [d.n, { id: d.id, title: d.title, name: d.name }]));
    const ref = (to: number): ArticleRef => refs.get(to) ?? this.damaged(`record ${n} links to article ${to}, which has no search document`);
    const { links, backlinks, ...rest } = stored;
    return {
      ...rest,
      source: stored.external ? readSource(stored) : source,
      links: links.map(([href, target, text, line, to]) => (to >= 0 ? { href, target, text, line, to: ref(to) } : to === -2 ? { href, target, text, line, outside: true } : to === -3 ? { href, target, text, line, ambiguous: true } : { href, target, text, line })),
      backlinks: backlinks.map(ref),
    };
  }

  text(lang: string, n: number): { source: string; bodyStart: number } {
    const { stored, source } = this.stored(lang, n);
    return { source: stored.external ? readSource(stored) : source, bodyStart: stored.bodyStart };
  }

  /** Search documents for many candidates: one open, positioned reads, each checked. */
  docs(lang: string, ns: number[]): SearchDoc[] {
    return this.items(`${lang}/docs`, ns, this.language(lang).count).map((buf, i) => {
      const doc = JSON.parse(buf.toString('utf8')) as SearchDoc;
      if (doc.n !== ns[i]) this.damaged(`${lang}/docs: item ${ns[i]} is article ${doc.n}`);
      return doc;
    });
  }

  report(): CorpusReport {
    return this.json<CorpusReport>('report.json');
  }

  searchSource(lang: string): SearchSource {
    return {
      count: this.language(lang).count,
      names: (key) => this.names(lang, key),
      gaps: (term) => this.gaps(lang, term),
      postings: (term) => this.postings(lang, term),
      avgBodyLength: this.language(lang).avgBodyLength,
      docs: (ns) => this.docs(lang, ns),
      keywords: this.language(lang).keywords,
      keywordEntries: (i) => this.keywordEntries(lang, i),
    };
  }

  scanIndex(lang: string): ScanIndex {
    this.language(lang);
    return this.json(`${lang}/scan.json`);
  }

  list(lang: string): ListEntry[] {
    return this.json(`${lang}/list.json`);
  }

  /** Where a keyword stands in the language's list, matched case- and accent-insensitively; -1 if not there. */
  keywordIndex(lang: string, keyword: string): number {
    const wanted = fold(keyword);
    return this.language(lang).keywords.findIndex(([name]) => fold(name) === wanted);
  }

  /** Every keyword's entries, read at once (a patch of keywords). */
  allKeywordEntries(lang: string): ListEntry[][] {
    const count = this.language(lang).keywords.length;
    return this.items(`${lang}/keywords`, Array.from({ length: count }, (_, i) => i), count).map((buf) => JSON.parse(buf.toString('utf8')) as ListEntry[]);
  }

  keywordEntries(lang: string, index: number): ListEntry[] {
    return this.jsonItem(`${lang}/keywords`, index, this.language(lang).keywords.length);
  }
}
