// --content folders: compiled on first use into the user's cache directory, checked for changes
// cheaply on every run, recompiled (re-parsing only changed files) when something changed.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { ContentError } from '../errors.js';
import { BUILD, VERSION } from '../version.js';
import { CorpusReader, FORMAT } from './compiled.js';
import { folderTimes, listSources, type SourceEntry } from './source.js';
import type { Progress } from '../progress.js';

export function cacheRoot(env: NodeJS.ProcessEnv): string {
  const xdg = env['XDG_CACHE_HOME'];
  return join(xdg && xdg.startsWith('/') ? xdg : join(homedir(), '.cache'), 'glossary');
}

/**
 * When a run checks every file's size and mtime. A folder's mtime tells of a file added, removed
 * or renamed, and the article a command shows is always checked itself; but an edit in place to
 * another file shows only in that file's own stat, and one stat costs ~4 µs here (15,000 files:
 * ~80 ms with the listing). So corpora of up to SMALL_CORPUS files are checked in full on every
 * run, larger ones when the last full check is VERIFY_MS old, and on `--refresh`.
 */
export const SMALL_CORPUS = 5000;
export const VERIFY_MS = 10_000;

interface Quick {
  folders: Array<[string, number]>;
  verifiedAt: number;
  files: number;
}

export interface OpenedContent {
  reader: CorpusReader;
  /** True when this run compiled (first use or a change); false when served from the cache. */
  compiled: boolean;
  /** Files added, removed or changed since the last compile. */
  changed: number;
}

export function cacheDirFor(dirs: string[], root: string): string {
  const absolute = dirs.map((d) => resolve(d));
  const key = fnv1a64(JSON.stringify([FORMAT, VERSION, BUILD, absolute]));
  return join(root, key);
}

/**
 * Opens `--content` folders through the cache: compiled on first use, recompiled (re-parsing
 * only changed files) when a file is added, removed or changed. `force` skips the quick check.
 */
export async function openContent(dirs: string[], root: string, now = Date.now(), force = false, progress?: Progress): Promise<OpenedContent> {
  const dir = cacheDirFor(dirs, root);
  const quickFile = join(dir, 'quick.json');
  if (!force) {
    try {
      const quick = JSON.parse(readFileSync(quickFile, 'utf8')) as Quick;
      const times = folderTimes(quick.folders.map(([f]) => f));
      const recent = quick.files > SMALL_CORPUS && now - quick.verifiedAt < VERIFY_MS;
      if (recent && quick.folders.every(([, m], i) => times[i] === m)) {
        return { reader: new CorpusReader(dir), compiled: false, changed: 0 };
      }
    } catch {
      /* no cache yet, or a damaged one: the full check below decides */
    }
  }
  const listing = listSources(dirs.map((d) => resolve(d)));
  if (listing.entries.length === 0 && listing.skipped.length === 0) {
    throw new ContentError(`no articles (.md files) in ${dirs.join(', ')}: pass a folder of Markdown articles`);
  }
  const stateFile = join(dir, 'state.json');
  const state = JSON.stringify([listing.entries.map((e) => [e.path, e.size, e.mtimeMs]), listing.skipped]);
  const quick: Quick = { folders: listing.folders, verifiedAt: now, files: listing.entries.length };
  const compiledBefore = existsSync(join(dir, 'corpus.json'));
  const stateBefore = compiledBefore ? readText(stateFile) : undefined;
  if (stateBefore === state) {
    writeFileSync(quickFile, JSON.stringify(quick));
    return { reader: new CorpusReader(dir), compiled: false, changed: 0 };
  }
  const absolute = JSON.stringify(dirs.map((d) => resolve(d)));
  removeStale(dir, dirs.map((d) => resolve(d)), now);
  // The parser and YAML are loaded only here: a run served from the cache never needs them.
  const compilation = await import('./compilation.js');
  const stamp = (e: SourceEntry) => `${e.size}:${e.mtimeMs}`;
  let before: Map<string, string> | undefined;
  try {
    const [entries, skipped] = JSON.parse(stateBefore ?? '') as [Array<[string, number, number]>, unknown];
    if (JSON.stringify(skipped) === JSON.stringify(listing.skipped)) before = new Map(entries.map(([p, size, m]) => [p, `${size}:${m}`]));
  } catch {
    before = undefined;
  }
  if (before) {
    const changedEntries = listing.entries.filter((e) => before.get(e.path) !== stamp(e));
    const sameFiles = listing.entries.length === before.size && changedEntries.every((e) => before.has(e.path));
    if (sameFiles && compilation.patchInPlace(dir, changedEntries)) {
      writeFileSync(stateFile, state);
      writeFileSync(quickFile, JSON.stringify(quick));
      return { reader: new CorpusReader(dir), compiled: true, changed: changedEntries.length };
    }
  }
  const previous = compiledBefore ? compilation.readPrevious(dir) : new Map<string, never>();
  const same = (e: SourceEntry) => previous.get(e.path)?.stamp === stamp(e);
  const present = new Set(listing.entries.map((e) => e.path));
  const changed = listing.entries.filter((e) => !same(e)).length + [...previous.keys()].filter((p) => !present.has(p)).length;

  // The checks' problems are not kept in the cache (`check` recomputes them): not run here.
  const result = compilation.compileListing(listing, { previous, reuse: same, check: false, onProgress: progress?.update });
  progress?.update('writing', listing.entries.length, listing.entries.length);
  // Written aside, then swapped in, so that a concurrent run never reads a half-written corpus.
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  compilation.writeCompilation(tmp, result);
  writeFileSync(join(tmp, 'quick.json'), JSON.stringify(quick));
  writeFileSync(join(tmp, 'state.json'), state);
  writeFileSync(join(tmp, 'folders.json'), absolute);
  const trash = `${dir}.old-${process.pid}`;
  if (existsSync(dir)) renameSync(dir, trash);
  renameSync(tmp, dir);
  rmSync(trash, { recursive: true, force: true });
  return { reader: new CorpusReader(dir), compiled: true, changed };
}

/**
 * Leftovers in the cache: aside-folders of compiles that were interrupted (over an hour old), and
 * compiles of the same folders by another version or build, which would otherwise stay forever.
 */
function removeStale(dir: string, dirs: string[], now: number): void {
  const parent = dirname(dir);
  const ours = JSON.stringify(dirs);
  try {
    for (const name of readdirSync(parent)) {
      const path = join(parent, name);
      if (path === dir) continue;
      if (/\.(tmp|old)-\d+$/.test(name)) {
        if (now - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
      } else if (readText(join(path, 'folders.json')) === ours) {
        rmSync(path, { recursive: true, force: true });
      }
    }
  } catch {
    /* nothing to clean, or not ours to clean */
  }
}

/**
 * 64-bit FNV-1a of `text`, as 16 hex digits: names a cache folder. Not node:crypto, whose load
 * (~3 ms) every --content run paid for this one hash; the folder also records what it holds
 * (folders.json), and the inputs are the user's own folder names, not an adversary's.
 */
export function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text, 'utf8')) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  return hash.toString(16).padStart(16, '0');
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

