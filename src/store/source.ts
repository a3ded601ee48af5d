// Finding the article files of content folders: one language per folder, or one sub-folder per language.
import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { ContentError } from '../errors.js';
import type { Skipped } from './compiled.js';

export interface SourceEntry {
  id: string;
  lang: string;
  /** Absolute path. */
  path: string;
  size: number;
  mtimeMs: number;
}

export interface SourceListing {
  entries: SourceEntry[];
  skipped: Skipped[];
  /** Every folder read, with its mtime: adding, removing or renaming a file changes it. */
  folders: Array<[string, number]>;
}

// Two-letter language codes (ISO 639-1), optionally with a region: `da`, `en`, `pt-br`. Not `doc`.
export const LANG_DIR = /^[a-z]{2}(?:[-_][a-z]{2})?$/i;
export const DEFAULT_LANG = 'da';

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
}

function readDir(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    throw new ContentError(`cannot read content folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** How deep and how many files are looked at in sub-folders that are not read, to name them. */
const UNREAD_DEPTH = 4;
const UNREAD_FILES = 10_000;

/**
 * The .md files in a sub-folder that is not read (not a language folder): each is named and
 * counted as skipped, so that nothing the user gave disappears without a word.
 */
function nameUnread(dir: string, out: SourceListing, depth = 0): void {
  if (depth >= UNREAD_DEPTH || out.skipped.length >= UNREAD_FILES) return;
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const dirent of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, dirent.name);
    if (dirent.isDirectory() && !dirent.name.startsWith('.') && dirent.name !== 'node_modules') nameUnread(path, out, depth + 1);
    else if (dirent.name.endsWith('.md') && out.skipped.length < UNREAD_FILES) {
      out.skipped.push({ file: path, reason: 'in a sub-folder that is not a language folder: not read' });
    }
  }
}

/** The .md files of one folder, in one language. Symlinks must stay inside `root`. */
function listFolder(dir: string, entries: Dirent[], lang: string, root: string, out: SourceListing): void {
  const prefix = dir.endsWith(sep) ? dir : dir + sep;
  for (const dirent of entries) {
    const name = dirent.name;
    if (dirent.isDirectory() && !name.endsWith('.md')) {
      if (!name.startsWith('.') && name !== 'node_modules') nameUnread(prefix + name, out);
      continue;
    }
    if (!name.endsWith('.md')) continue;
    // Concatenated, not path.join: at 15,000 files join alone costs ~40 ms.
    const path = prefix + name;
    // Node reads a name that is not UTF-8 with replacement characters: it names no file we can open.
    if (name.includes('\ufffd')) {
      out.skipped.push({ file: path, reason: 'the file name is not valid UTF-8: rename the file' });
      continue;
    }
    let stats: Stats;
    try {
      if (dirent.isSymbolicLink() && !isInside(root, realpathSync(path))) {
        out.skipped.push({ file: path, reason: 'symbolic link to a file outside the content folder: not followed' });
        continue;
      }
      // One stat a file: its size and mtime are what tells the cache that it changed.
      stats = statSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'ELOOP' ? 'symbolic link loop' : code === 'ENOENT' ? 'broken symbolic link' : `cannot read it (${code ?? 'error'})`;
      out.skipped.push({ file: path, reason });
      continue;
    }
    if (!stats.isFile()) {
      out.skipped.push({ file: path, reason: 'not a regular file' });
      continue;
    }
    // Ids composed (NFC), as text is: a name written by macOS (NFD) is found when typed.
    out.entries.push({ id: name.slice(0, -3).normalize('NFC'), lang, path, size: stats.size, mtimeMs: stats.mtimeMs });
  }
}

/**
 * Lists the articles of content folders. A folder with .md files is one language (named by the
 * folder when its name is a language code, else `da`); a folder without them but with language
 * sub-folders (`da/`, `en/`) holds one language each.
 */
export function listSources(dirs: string[]): SourceListing {
  const out: SourceListing = { entries: [], skipped: [], folders: [] };
  // The same folder named twice is one folder.
  for (const given of [...new Map(dirs.map((d) => [resolve(d), d])).values()]) {
    const dir = resolve(given);
    let stats: Stats;
    try {
      stats = statSync(dir);
    } catch {
      throw new ContentError(`content folder ${given} does not exist: pass a folder of Markdown articles`);
    }
    if (!stats.isDirectory()) throw new ContentError(`content path ${given} is not a folder: pass the folder that holds the .md files`);
    const root = realpathSync(dir);
    const dirents = readDir(dir);
    out.folders.push([dir, stats.mtimeMs]);
    if (dirents.some((d) => d.name.endsWith('.md'))) {
      const name = basename(dir);
      listFolder(dir, dirents, LANG_DIR.test(name) ? name.toLowerCase() : DEFAULT_LANG, root, out);
    } else {
      for (const { name } of dirents) {
        if (!LANG_DIR.test(name)) {
          const path = join(dir, name);
          if (!name.startsWith('.') && name !== 'node_modules' && isDirectory(path)) nameUnread(path, out);
          continue;
        }
        const sub = join(dir, name);
        let subRoot: string;
        let subStats: Stats;
        try {
          subStats = statSync(sub);
          if (!subStats.isDirectory()) continue;
          // A language folder may itself be a link (da -> ../corpora/da); its files must stay inside it.
          subRoot = realpathSync(sub);
        } catch {
          continue;
        }
        out.folders.push([sub, subStats.mtimeMs]);
        listFolder(sub, readDir(sub), name.toLowerCase(), subRoot, out);
      }
    }
  }
  return out;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Folder mtimes now, in the order given; undefined where a folder is gone. */
export function folderTimes(folders: string[]): Array<number | undefined> {
  return folders.map((f) => {
    try {
      return statSync(f).mtimeMs;
    } catch {
      return undefined;
    }
  });
}
