// --content folders: compiled on first use into the user's cache directory, checked for changes
// cheaply on every run, recompiled (re-parsing only changed files) when something changed.
//
// The cache of a set of folders is a folder of generations. Every compile or patch writes a new
// generation under a name of its own and then switches the pointer file `current` to it with one
// rename; a run reads the pointer once and uses that generation to its end, holding a lease on it
// (a file `lease.<pid>` naming the generations it reads, removed at exit). A generation that is
// neither current nor leased by a live process is removed as soon as a new one is current, so
// churn cannot grow the cache past the current generation and what running readers hold. What
// does not check out (see compiled.ts) is rebuilt from the folders; a cache that cannot be written
// is used as it is when current, and compiled in memory for the run when not.
import { closeSync, constants, existsSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { ContentError } from '../errors.js';
import { BUILD, VERSION } from '../version.js';
import type { Progress } from '../progress.js';
import { CorpusReader, DamagedCorpusError, FORMAT, writeManifest, type Skipped } from './compiled.js';
import type { Article } from '../corpus/article.js';
import type { Patch } from './compilation.js';
import { changeTime, DiskFiles, makeFolder, MemoryFiles, UNWRITABLE, writeCacheFile } from './files.js';
import { fileStat } from './stat.js';
import { DiskRenders, noRenders } from './renders.js';
import type { CorpusConfig } from './config.js';
import { folderStamps, listSources, relist, settled, type FilesNow, type SourceEntry, type SourceListing } from './source.js';
import { optimizeFromHere } from './optimizing.js';

export function cacheRoot(env: NodeJS.ProcessEnv): string {
  const xdg = env['XDG_CACHE_HOME'];
  return join(xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.cache'), 'glossary');
}

/**
 * When a run checks every file's stamp (size, ctime, inode). A folder's ctime tells of a file added, removed
 * or renamed, and the article a command shows is always checked itself; but an edit in place to
 * another file shows only in that file's own stat, and one stat costs ~4 µs here (15,000 files:
 * ~80 ms with the listing). So corpora of up to SMALL_CORPUS files are checked in full on every
 * run, larger ones when the last full check is VERIFY_MS old, and on `--refresh`.
 */
export const SMALL_CORPUS = 5000;
export const VERIFY_MS = 10_000;
/** Leftovers of interrupted writes (temporary files) are removed when this old: far longer than any run. */
export const GENERATION_GRACE_MS = 5 * 60_000;

/** The generations this process reads or writes, by cache folder: its leases. */
const leases = new Map<string, Set<string>>();

/**
 * Records that this process uses generation `name` of `dir`, before it reads it: a writer does not
 * remove a leased generation of a live process. Best effort: a cache that cannot be written has no
 * writer to remove anything either.
 */
function lease(dir: string, name: string): void {
  const held = leases.get(dir) ?? new Set<string>();
  if (held.has(name)) return;
  held.add(name);
  const file = join(dir, `lease.${process.pid}`);
  if (!leases.has(dir)) process.once('exit', () => rmSync(file, { force: true }));
  leases.set(dir, held);
  try {
    writeCacheFile(file, JSON.stringify([...held]));
  } catch {
    /* read-only: nothing is removed by this process, nor by one that cannot write either */
  }
}

/** Generations leased by live processes (a dead process's lease is removed). */
function leased(dir: string, names: string[]): Set<string> {
  const out = new Set<string>(leases.get(dir) ?? []);
  for (const name of names) {
    const pid = /^lease\.(\d+)$/.exec(name)?.[1];
    if (!pid || Number(pid) === process.pid) continue;
    try {
      process.kill(Number(pid), 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') {
        rmSync(join(dir, name), { force: true });
        continue;
      }
    }
    try {
      for (const g of JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown[]) if (typeof g === 'string') out.add(g);
    } catch {
      /* gone meanwhile: its process has ended */
    }
  }
  return out;
}

interface Quick {
  /** [path, change time, inode] of every folder watched. */
  folders: Array<[string, number, number]>;
  verifiedAt: number;
  files: number;
  generation: string;
  /** Files that could not be read at the last compile: each run tries them again. */
  unreadable: string[];
}

/**
 * What a generation keeps of the listing it was compiled from: state.json holds the files as
 * columns (read back far faster than a list of tuples), what was skipped, the unreadable files and
 * the config; stamps.bin their stamps. An edit that changes no file's path, language or id writes
 * only stamps.bin: state.json is linked from the generation before.
 */
interface State {
  /** Every file compiled, in listing order: its path, language and id. */
  paths: string[];
  langs: string[];
  ids: string[];
  /** Each file's size, change time (-1 where it could not yet be trusted: see settled) and inode: three numbers a file. */
  stamps: Float64Array;
  skipped: unknown;
  /** The corpus config it was compiled with: when it changes, nothing parsed before is reused. */
  config?: unknown;
  /** Files that could not be read: each run tries them again. */
  unreadable: string[];
}

export interface OpenedContent {
  reader: CorpusReader;
  /** True when this run compiled (first use, a change or damage); false when served from the cache. */
  compiled: boolean;
  /** Why this run could not use or keep the cache as usual, for a note ("damaged", "read-only"). */
  notes: string[];
  /**
   * When this run compiled over an earlier compile: what that one skipped (and the pages it did not
   * count as terms), as `file\0reason`, so that only what is new or changed is said again.
   */
  before?: Set<string>;
}

export interface OpenOptions {
  now?: number;
  /** Check every file now (`--refresh`). */
  force?: boolean;
  /** Do not trust the current generation at all (it was found damaged). */
  rebuild?: boolean;
  progress?: Progress;
  /** SMALL_CORPUS, lowered by tests (GLOSSARY_TEST_SMALL_CORPUS) to try the large mode on a few files. */
  smallCorpus?: number;
}

export function cacheDirFor(dirs: string[], root: string): string {
  const absolute = dirs.map((d) => resolve(d));
  return join(root, fnv1a64(JSON.stringify([FORMAT, VERSION, BUILD, absolute])));
}

/** The cache root must be a folder (or creatable): anything else is the user's to fix. */
function ensureFolder(root: string): boolean {
  try {
    makeFolder(root);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new ContentError(`the cache folder ${root} is not a folder: remove or rename it, or set XDG_CACHE_HOME to another folder`);
    return false;
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function openGeneration(dir: string, name: string): CorpusReader {
  const gen = join(dir, name);
  return new CorpusReader(new DiskFiles(gen), new DiskRenders(join(gen, 'render')));
}

/** The generation `current` points to, or undefined when there is none (or it is damaged: `damaged`). */
function currentGeneration(dir: string): { name: string; reader: CorpusReader } | { damaged: true } | undefined {
  let name = readText(join(dir, 'current'))?.trim();
  if (!name) return existsSync(join(dir, 'current')) ? { damaged: true } : undefined;
  if (!/^g-[a-z0-9-]+$/.test(name)) return { damaged: true };
  // Leased, then checked to be there still: a writer that removed it before seeing the lease has
  // made another generation current meanwhile.
  for (let tries = 0; tries < 5; tries++) {
    lease(dir, name);
    if (existsSync(join(dir, name))) break;
    const now = readText(join(dir, 'current'))?.trim();
    if (!now || now === name || !/^g-[a-z0-9-]+$/.test(now)) break;
    name = now;
  }
  try {
    return { name, reader: openGeneration(dir, name) };
  } catch {
    // Missing, cut short or another format: all the same here, the folders are the truth.
    return { damaged: true };
  }
}

/**
 * The state kept of a listing by a compile that began at `compiled` (a file's stamp then says -1
 * where it cannot yet be trusted: see settled), the files that could not be read left out.
 */
function stateOf(listing: SourceListing, unreadable: string[], compiled: number): State {
  const skip = new Set(unreadable);
  const entries = skip.size === 0 ? listing.entries : listing.entries.filter((e) => !skip.has(e.path));
  return { paths: entries.map((e) => e.path), langs: entries.map((e) => e.lang), ids: entries.map((e) => e.id), stamps: settledStamps(entries, compiled), skipped: listing.skipped, unreadable, config: listing.configs };
}

/**
 * The stamps (size, change time, inode: three numbers a file) of `entries` as a compile or check
 * begun at `compiled` keeps them (see settled), with room for `more` files after them.
 */
function settledStamps(entries: SourceEntry[], compiled: number, more = 0): Float64Array {
  const stamps = new Float64Array(3 * (entries.length + more));
  entries.forEach((e, i) => stamps.set([e.size, settled(e.ctimeMs, compiled), e.ino], 3 * i));
  return stamps;
}

/** Stamps written as binary numbers read back (copied: a Float64Array needs its bytes at a multiple of 8). */
function stampsFrom(bytes: Buffer): Float64Array {
  const stamps = new Float64Array(bytes.length / 8);
  new Uint8Array(stamps.buffer).set(bytes);
  return stamps;
}

/** The spaces after a text of `length` bytes that put the binary numbers after it at a multiple of 8. */
function padding(length: number): number {
  return (8 - (length % 8)) % 8;
}

/**
 * Writes `state` into generation folder `gen`: its stamps, and state.json, linked from generation
 * folder `same` where that one's files are the same (the same paths, languages and ids, skips,
 * unreadable files and config).
 */
function writeState(gen: string, state: State, same?: string): void {
  writeCacheFile(join(gen, 'stamps.bin'), Buffer.from(state.stamps.buffer, state.stamps.byteOffset, state.stamps.byteLength));
  if (same !== undefined) linkInto(join(same, 'state.json'), join(gen, 'state.json'));
  else writeCacheFile(join(gen, 'state.json'), JSON.stringify({ paths: state.paths, langs: state.langs, ids: state.ids, skipped: state.skipped, unreadable: state.unreadable, config: state.config }));
}

/** The state of generation folder `gen`; undefined when it is missing or damaged (then nothing is patched). */
function readState(gen: string): State | undefined {
  try {
    const kept = JSON.parse(readFileSync(join(gen, 'state.json'), 'utf8')) as Omit<State, 'stamps'>;
    const bytes = readFileSync(join(gen, 'stamps.bin'));
    const { paths, langs, ids, unreadable } = kept;
    if (!Array.isArray(paths) || !Array.isArray(langs) || !Array.isArray(ids) || !Array.isArray(unreadable) || langs.length !== paths.length || ids.length !== paths.length || bytes.length !== 24 * paths.length) return undefined;
    return { ...kept, stamps: stampsFrom(bytes) };
  } catch {
    return undefined;
  }
}

/** Whether `listing` is as `state` has it, every file with the stamp it has now (the files that could not be read left out). */
function sameState(listing: SourceListing, state: State): boolean {
  if (JSON.stringify(state.skipped) !== JSON.stringify(listing.skipped) || JSON.stringify(state.config) !== JSON.stringify(listing.configs)) return false;
  const skip = new Set(state.unreadable);
  let i = 0;
  for (const e of listing.entries) {
    if (skip.has(e.path)) continue;
    if (i >= state.paths.length || state.paths[i] !== e.path || state.langs[i] !== e.lang || state.ids[i] !== e.id || !sameStamp(state, i, e)) return false;
    i++;
  }
  return i === state.paths.length;
}

/**
 * The listing against the state of the compile before: the files changed (new ones too), added and
 * removed, and whether every file there before is of the same language and id (`placed`). The
 * usual case, the same paths in the same order (`aligned`), is compared index by index, without a
 * map of 300,000 paths.
 */
function againstState(state: State, listing: SourceListing): { changed: SourceEntry[]; added: SourceEntry[]; removed: Array<{ path: string; lang: string; id: string }>; placed: boolean; aligned: boolean } {
  const now = listing.entries;
  const samePlace = (i: number | undefined, e: SourceEntry) => i === undefined || (state.langs[i] === e.lang && state.ids[i] === e.id);
  if (state.paths.length === now.length && now.every((e, i) => e.path === state.paths[i])) {
    return { changed: now.filter((e, i) => !sameStamp(state, i, e)), added: [], removed: [], placed: now.every((e, i) => samePlace(i, e)), aligned: true };
  }
  const before = new Map(state.paths.map((path, i) => [path, i]));
  const present = new Set(now.map((e) => e.path));
  const removed: Array<{ path: string; lang: string; id: string }> = [];
  state.paths.forEach((path, i) => present.has(path) || removed.push({ path, lang: state.langs[i] as string, id: state.ids[i] as string }));
  return {
    changed: now.filter((e) => {
      const i = before.get(e.path);
      return i === undefined || !sameStamp(state, i, e);
    }),
    added: now.filter((e) => !before.has(e.path)),
    removed,
    placed: now.every((e) => samePlace(before.get(e.path), e)),
    aligned: false,
  };
}

/** Whether file `i` of `state` has the stamp `e` has now (size, change time, inode). */
function sameStamp(state: State, i: number, e: SourceEntry): boolean {
  return state.stamps[3 * i] === e.size && state.stamps[3 * i + 1] === e.ctimeMs && state.stamps[3 * i + 2] === e.ino;
}

/** Whether a file that could not be read can be opened now (its permissions were fixed). */
function readableNow(path: string): boolean {
  try {
    closeSync(openSync(path, constants.O_RDONLY | constants.O_NONBLOCK));
    return true;
  } catch {
    return false;
  }
}

/** Writes the pointer with one rename; false when the cache cannot be written. */
function pointTo(dir: string, name: string): boolean {
  try {
    writeCacheFile(join(dir, 'current'), name);
    return true;
  } catch {
    return false;
  }
}

function newGenerationName(now: number): string {
  return `g-${now.toString(36)}-${process.pid.toString(36)}-${Math.floor(Math.random() * 0x100000).toString(36)}`;
}

/** Best effort: quick.json is bookkeeping, and a read-only cache works without it. */
function writeQuick(dir: string, quick: Quick): void {
  try {
    writeCacheFile(join(dir, 'quick.json'), JSON.stringify(quick));
  } catch {
    /* the next run lists the folders again */
  }
}

/**
 * Every listed file's path with its stamp (size, ctime, inode) when generation `generation` was checked
 * against them, in checked.bin: the generation and the paths (JSON) a line each, then the stamps as
 * 64-bit floats, three a file, from the next multiple of 8 bytes (read back far faster than the
 * folders are listed, and than numbers written out).
 */
function writeStamps(dir: string, generation: string, listing: SourceListing, compiled: number, pathsText?: string): void {
  // The files skipped too, as they stat now (-1 when they do not: a broken link mended later).
  const skipped = listing.skipped.map((s): [string, number, number, number] => {
    let stats;
    try {
      stats = statSync(s.file, { throwIfNoEntry: false });
    } catch {
      stats = undefined;
    }
    return stats ? [s.file, stats.size, changeTime(stats), stats.ino] : [s.file, -1, -1, -1];
  });
  const stamps = settledStamps(listing.entries, compiled, skipped.length);
  skipped.forEach(([, size, time, ino], j) => stamps.set([size, time, ino], 3 * (listing.entries.length + j)));
  try {
    // `pathsText`: the paths as the check read them, when the listing was made from them (relist).
    const head = Buffer.from(`${generation}\n${pathsText ?? JSON.stringify([...listing.entries.map((e) => e.path), ...skipped.map(([path]) => path)])}\n`, 'utf8');
    writeCacheFile(join(dir, 'checked.bin'), [head, Buffer.alloc(padding(head.length), 0x20), Buffer.from(stamps.buffer)]);
  } catch {
    /* bookkeeping: without it the next run lists the folders */
  }
}

/** checked.bin read back: the generation, the paths (and their JSON) and the stamps; undefined when damaged. */
function readStamps(dir: string): { generation: string; paths: string[]; pathsText: string; stamps: Float64Array } | undefined {
  try {
    const bytes = readFileSync(join(dir, 'checked.bin'));
    const first = bytes.indexOf(0x0a);
    const second = first < 0 ? -1 : bytes.indexOf(0x0a, first + 1);
    if (second < 0) return undefined;
    const pathsText = bytes.toString('utf8', first + 1, second);
    const paths = JSON.parse(pathsText) as string[];
    const start = second + 1 + padding(second + 1);
    if (!Array.isArray(paths) || bytes.length - start !== 24 * paths.length) return undefined;
    return { generation: bytes.toString('utf8', 0, first), paths, pathsText, stamps: stampsFrom(bytes.subarray(start)) };
  } catch {
    return undefined;
  }
}

/** The files of the stamps of `generation` as they are now, and how many are not as stamped. */
interface StampCheck extends FilesNow {
  paths: string[];
  /** The paths as checked.bin has them (JSON). */
  pathsText: string;
  count: number;
}

/**
 * Every file of the stamps of `generation` stat'ed now, against its size, ctime and inode then; undefined
 * when the stamps are unreadable or damaged. All are stat'ed, not only up to the first change: a
 * change to the files' contents alone then needs no listing (source.ts relist).
 */
function checkStamps(dir: string, generation: string): StampCheck | undefined {
  try {
    const kept = readStamps(dir);
    if (kept?.generation !== generation) return undefined;
    const { paths, pathsText, stamps } = kept;
    const check: StampCheck = { paths, pathsText, sizes: new Float64Array(paths.length), times: new Float64Array(paths.length), inos: new Float64Array(paths.length), regular: new Uint8Array(paths.length), changed: new Uint8Array(paths.length), count: 0 };
    for (let i = 0; i < paths.length; i++) {
      const stats = fileStat(paths[i] as string);
      const size = stats?.size ?? -1;
      const time = stats ? changeTime(stats) : -1;
      const ino = stats?.ino ?? -1;
      check.sizes[i] = size;
      check.times[i] = time;
      check.inos[i] = ino;
      check.regular[i] = stats?.isFile ? 1 : 0;
      if (size !== stamps[3 * i] || time !== stamps[3 * i + 1] || ino !== stamps[3 * i + 2]) {
        check.changed[i] = 1;
        check.count++;
      }
    }
    return check;
  } catch {
    // Unreadable, damaged, or a file that cannot be stat'ed now: the folders are listed instead.
    return undefined;
  }
}

/**
 * The listing as it is now, from the state of the current generation, when the check found only
 * files changed in place (no folder's ctime moved, so no file was added, removed or renamed, and
 * no skipped file changed); otherwise undefined, and the folders are listed.
 */
function relistChanged(dirs: string[], state: State, folders: Array<[string, number, number]>, check: StampCheck): SourceListing | undefined {
  const given = [...new Set(dirs.map((d) => resolve(d)))];
  const skipped = state.skipped as Skipped[];
  const configs = state.config as CorpusConfig[];
  if (given.length !== 1 || state.unreadable.length > 0 || !Array.isArray(skipped) || !Array.isArray(configs)) return undefined;
  const n = state.paths.length;
  if (check.paths.length !== n + skipped.length) return undefined;
  for (let i = 0; i < n; i++) if (check.paths[i] !== state.paths[i]) return undefined;
  for (let i = n; i < check.paths.length; i++) if (check.changed[i] || check.paths[i] !== (skipped[i - n] as Skipped).file) return undefined;
  return relist(given[0] as string, state, skipped, configs, folders, check);
}

/** A skipped file and why, as one key: what `before` holds. */
export function skipKey(s: { file: string; reason: string; page?: boolean }): string {
  return `${s.page ? 'page' : 'skipped'}\0${s.file}\0${s.reason}`;
}

/**
 * Opens `--content` folders through the cache: compiled on first use, patched or recompiled
 * (re-parsing only changed files) when a file is added, removed or changed, rebuilt when damaged.
 */
export async function openContent(dirs: string[], root: string, options: OpenOptions = {}): Promise<OpenedContent> {
  const now = options.now ?? Date.now();
  const notes: string[] = [];
  const writable = ensureFolder(root);
  const dir = cacheDirFor(dirs, root);
  const found = options.rebuild ? { damaged: true as const } : currentGeneration(dir);
  const current = found && 'reader' in found ? found : undefined;
  if (found && 'damaged' in found) notes.push(`the compiled cache of ${dirs.join(', ')} was damaged; rebuilt it`);

  const quickFile = join(dir, 'quick.json');
  let quick: Quick | undefined;
  try {
    quick = JSON.parse(readFileSync(quickFile, 'utf8')) as Quick;
  } catch {
    quick = undefined;
  }
  // Folders whose times have not changed hold the same files: a large one checked a moment ago
  // needs nothing more read; otherwise each file's size, ctime and inode (an edit in place shows only
  // there) against those compiled, without listing the folders again. --refresh lists them,
  // whatever the folders' times say.
  let check: StampCheck | undefined;
  if (current && !options.force && quick && quick.generation === current.name && !(quick.unreadable ?? []).some(readableNow)) {
    const stamps = folderStamps(quick.folders.map(([f]) => f));
    if (quick.folders.every(([, m, ino], i) => stamps[i]?.[0] === m && stamps[i]?.[1] === ino)) {
      const large = quick.files > (options.smallCorpus ?? SMALL_CORPUS);
      if (large && now - quick.verifiedAt < VERIFY_MS) return { reader: current.reader, compiled: false, notes };
      check = checkStamps(dir, current.name);
      if (check?.count === 0) {
        // The time of this check starts the next window; a small folder has none, and is not written.
        if (large && writable) writeQuick(dir, { ...quick, verifiedAt: now });
        return { reader: current.reader, compiled: false, notes };
      }
    }
  }
  const state = current ? readState(join(dir, current.name)) : undefined;
  const retry = (state?.unreadable ?? []).some(readableNow);

  // Files changed in place, and nothing else: listed from the state and the check's stats.
  const relisted = check && state && quick ? relistChanged(dirs, state, quick.folders, check) : undefined;
  const listing = relisted ?? listSources(dirs.map((d) => resolve(d)));
  if (listing.entries.length === 0 && listing.skipped.length === 0) {
    throw new ContentError(`no articles (.md files) in ${dirs.join(', ')}: pass a folder of Markdown articles`);
  }
  const fresh = (name: string, unreadable: string[]): Quick => {
    writeStamps(dir, name, listing, now, relisted && check ? check.pathsText : undefined);
    // A folder's ctime within a tick of now is not trusted (see settled): a file added in the same
    // tick would leave it as it is. The next run lists that folder's files again.
    return { folders: listing.folders.map(([f, m, ino]): [string, number, number] => [f, settled(m, now), ino]), verifiedAt: now, files: listing.entries.length, generation: name, unreadable };
  };
  if (current && state && !retry && sameState(listing, state)) {
    if (writable) writeQuick(dir, fresh(current.name, state.unreadable));
    return { reader: current.reader, compiled: false, notes };
  }

  // The parser and YAML are loaded only here: a run served from the cache never needs them.
  optimizeFromHere();
  const compilation = await import('./compilation.js');
  let said: Set<string> | undefined;
  try {
    said = current ? new Set(current.reader.report().skipped.map(skipKey)) : undefined;
  } catch {
    said = undefined;
  }
  const name = newGenerationName(now);
  const gen = join(dir, name);
  if (writable) lease(dir, name);
  const canWrite = writable && tryMkdir(gen);

  // A changed config (languages, keyword fields, link prefix) changes what every file means.
  const sameConfig = JSON.stringify(state?.config ?? []) === JSON.stringify(listing.configs);
  // The common edit, a changed body: a new generation that shares every file but those the body's
  // record, words and length are in.
  let patchFailed: unknown;
  if (current && state && canWrite && !retry && sameConfig) {
    const { changed: changedEntries, added, removed, placed, aligned } = againstState(state, listing);
    const sameSkips = JSON.stringify(state.skipped) === JSON.stringify(listing.skipped);
    const sameFiles = added.length === 0 && removed.length === 0 && placed && sameSkips && state.unreadable.length === 0;
    // A patch shares every file it does not write: a generation with one missing (damage no command
    // has read yet) is compiled again instead, so that the damage is not carried on.
    const whole = () => current.reader.meta.langs.every((l) => current.reader.languageFiles(l.lang).every((f) => existsSync(join(dir, current.name, f))));
    // Files added or removed, and no other change: patched as members (store/membership.ts).
    const members = !sameFiles && added.length + removed.length <= MAX_MEMBER_CHANGES && changedEntries.length === added.length && placed && sameSkips && state.unreadable.length === 0;
    if (((sameFiles && changedEntries.length > 0) || members) && whole()) {
      try {
        const patch = sameFiles ? compilation.patchRecords(current.reader, new DiskFiles(gen), changedEntries) : await patchMembers(compilation, current.reader, new DiskFiles(gen), listing, added, removed, now);
        if (patch) {
          // The patched languages are of the files as they are now: so is their signature.
          const signatures = compilation.languageSignatures(listing, now, patch.touched);
          const meta = current.reader.meta;
          const langs = meta.langs.map((l) => patch.langs.get(l.lang) ?? l).map((l) => (patch.touched.has(l.lang) && l.signature ? { ...l, signature: signatures.get(l.lang) as string } : l));
          writeManifest(new DiskFiles(gen), { ...meta, langs, files: listing.entries.length + listing.skipped.length, sums: { ...meta.sums, ...patch.sums } });
          shareGeneration(join(dir, current.name), gen, patch.touched);
          // The same files (a body or a title changed): only their stamps are written.
          writeState(gen, stateOf(listing, [], now), sameFiles && aligned ? join(dir, current.name) : undefined);
          const reader = openGeneration(dir, name);
          if (pointTo(dir, name)) writeQuick(dir, fresh(name, []));
          removeOldGenerations(dir, name, now);
          return { reader, compiled: true, notes, ...(said ? { before: said } : {}) };
        }
      } catch (error) {
        // A full disk or a read-only cache: compiled in memory below. Anything else: recompiled.
        if (UNWRITABLE.has((error as NodeJS.ErrnoException).code ?? '')) patchFailed = error;
      }
      rmSync(gen, { recursive: true, force: true });
      if (!patchFailed) tryMkdir(gen);
    }
  }

  // Files are parsed on both cores when they are many.
  const { parseEntries } = await import('./parse-pool.js');
  const parse = (entries: SourceEntry[], onParsed?: (done: number) => void) => parseEntries(entries, false, onParsed);
  const progress = options.progress?.update;

  if (patchFailed) {
    notes.push(`cannot write the cache in ${dir} (${(patchFailed as NodeJS.ErrnoException).code}): compiled in memory for this run`);
  } else if (canWrite) {
    try {
      // Language by language into the new generation; an unchanged language is linked from the current one.
      const from = sameConfig && current ? current : undefined;
      const result = await compilation.compileByLanguage({
        listing, reader: from?.reader, retry: new Set(state?.unreadable ?? []), sink: new DiskFiles(gen), parse, onProgress: progress, compiled: now,
        // Files whose stamps the last compile could not trust: read again, whatever they say now.
        unsettled: new Set((state?.paths ?? []).filter((_, i) => state?.stamps[3 * i + 1] === -1)),
        link: (file) => linkInto(join(dir, (from as { name: string }).name, file), join(gen, file)),
      });
      if (from) keepRenders(join(dir, from.name, 'render'), join(gen, 'render'), result.kept);
      progress?.('writing', listing.entries.length, listing.entries.length);
      writeState(gen, stateOf(listing, result.unreadable, now));
      writeCacheFile(join(gen, 'folders.json'), JSON.stringify(dirs.map((d) => resolve(d))));
      const reader = openGeneration(dir, name);
      if (pointTo(dir, name)) writeQuick(dir, fresh(name, result.unreadable));
      removeOldGenerations(dir, name, now);
      removeOtherBuilds(root, dir, dirs, now);
      return { reader, compiled: true, notes, ...(said ? { before: said } : {}) };
    } catch (error) {
      rmSync(gen, { recursive: true, force: true });
      if (error instanceof DamagedCorpusError) throw error;
      notes.push(`cannot write the cache in ${dir} (${(error as NodeJS.ErrnoException).code ?? 'error'}): compiled in memory for this run`);
    }
  } else {
    notes.push(`cannot write the cache in ${writable ? dir : root}: compiled in memory for this run`);
  }
  // In memory for this run: every file parsed, every language compiled.
  const parsed = await parse(listing.entries, (done) => progress?.('reading', done, listing.entries.length));
  const result = compilation.compileListing(listing, { check: false, parsed: new Map(parsed.map((r, i) => [(listing.entries[i] as SourceEntry).path, r])), onProgress: progress });
  const memory = new MemoryFiles(`memory (${dirs.join(', ')})`);
  compilation.writeCompilation(memory, result);
  return { reader: new CorpusReader(memory, noRenders), compiled: true, notes, ...(said ? { before: said } : {}) };
}

/** A file of one generation in another: a hard link (nothing shared is ever written again), else a copy. */
function linkInto(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch (error) {
    // Another file system, or no more links: a copy, through the one guarded write.
    if ((error as NodeJS.ErrnoException).code === 'ENOSPC') throw error;
    writeCacheFile(to, readFileSync(from));
  }
}

/** The renderings of languages kept as they were: their records are the same bytes. */
function keepRenders(from: string, to: string, langs: string[]): void {
  if (langs.length === 0) return;
  let names: string[];
  try {
    names = readdirSync(from);
  } catch {
    return;
  }
  for (const name of names) {
    const lang = langs.find((l) => name.startsWith(`${l}-`) && /^\d+-\d+-[cp]\.txt$/.test(name.slice(l.length + 1)));
    if (!lang) continue;
    try {
      linkInto(join(from, name), join(to, name));
    } catch {
      /* a rendering is made again when it is needed */
    }
  }
}

function tryMkdir(path: string): boolean {
  try {
    mkdirSync(path, { recursive: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Fills a patched generation with the files of the one it replaces (hard links: nothing is copied
 * and nothing shared is ever written again), but for the records just written and the renderings
 * of the articles that changed.
 */
function shareGeneration(from: string, to: string, touched: Map<string, Set<number>>): void {
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(from, rel), { withFileTypes: true })) {
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        mkdirSync(join(to, name), { recursive: true });
        walk(name);
        continue;
      }
      if (existsSync(join(to, name)) || name === 'state.json' || name === 'stamps.bin' || name.endsWith('.tmp')) continue;
      const render = /^render\/([^/]+)-(\d+)-\d+-[cp]\.txt$/.exec(name);
      if (render && touched.get(render[1] as string)?.has(Number(render[2]))) continue;
      linkInto(join(from, name), join(to, name));
    }
  };
  walk('');
}

/**
 * Generations other than `keep` (now current) that no live process leases, at once; leftovers of
 * interrupted writes once they are old. A generation is renamed before it is removed, so a reader
 * checking that its leased generation is there never finds one half removed.
 */
function removeOldGenerations(dir: string, keep: string, now: number): void {
  try {
    const names = readdirSync(dir);
    const held = leased(dir, names);
    for (const name of names) {
      const path = join(dir, name);
      try {
        if (/^g-[a-z0-9-]+$/.test(name) && name !== keep && !held.has(name)) {
          const doomed = `${path}.${process.pid}.removing`;
          renameSync(path, doomed);
          rmSync(doomed, { recursive: true, force: true });
        } else if ((name.endsWith('.tmp') || name.endsWith('.removing')) && now - statSync(path).mtimeMs > GENERATION_GRACE_MS) {
          rmSync(path, { recursive: true, force: true });
        }
      } catch {
        /* removed by another process meanwhile */
      }
    }
  } catch {
    /* nothing to clean, or not ours to clean */
  }
}

/** Caches of the same folders by another version or build: of no more use. */
function removeOtherBuilds(root: string, dir: string, dirs: string[], now: number): void {
  const ours = JSON.stringify(dirs.map((d) => resolve(d)));
  try {
    for (const name of readdirSync(root)) {
      const path = join(root, name);
      if (path === dir || !/^[0-9a-f]{16}$/.test(name)) continue;
      const pointer = readText(join(path, 'current'))?.trim();
      if (pointer && readText(join(path, pointer, 'folders.json')) === ours && now - statSync(path).mtimeMs > GENERATION_GRACE_MS) rmSync(path, { recursive: true, force: true });
    }
  } catch {
    /* nothing to clean */
  }
}

/**
 * 64-bit FNV-1a of `text`, as 16 hex digits: names a cache folder. Not node:crypto, whose load
 * (~3 ms) every --content run paid for this one hash; the inputs are the user's own folder names.
 */
export function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text, 'utf8')) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  return hash.toString(16).padStart(16, '0');
}

/** More files added or removed at once than this are compiled (on both cores) rather than patched in. */
const MAX_MEMBER_CHANGES = 200;

/**
 * Files added or removed, patched into the generation `sink` writes: undefined when a new file is
 * no article, or when the change reaches further than a patch of members can follow.
 */
async function patchMembers(compilation: typeof import('./compilation.js'), reader: CorpusReader, sink: DiskFiles, listing: SourceListing, added: SourceEntry[], removed: Array<{ path: string; lang: string; id: string }>, now: number): Promise<Patch | undefined> {
  const articles: Array<{ entry: SourceEntry; article: Article }> = [];
  for (const entry of added) {
    const parsed = compilation.parseEntry(entry);
    if (parsed.kind !== 'article') return undefined;
    articles.push({ entry, article: parsed.article });
  }
  const { patchMembers: patch } = await import('./membership.js');
  const signatures = compilation.languageSignatures(listing, now);
  const notArticles = new Set(reader.report().skipped.map((s) => s.file));
  return patch(reader, sink, { added: articles, removed }, {
    listing,
    notArticles,
    metaOf: (lang, written) => ({ ...written, signature: signatures.get(lang) as string, langsDigest: compilation.languageDigest(listing, lang, notArticles) }),
  });
}
