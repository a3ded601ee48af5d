// Finding the article files of content folders: one language per folder, or one sub-folder per language.
import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
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
}

export const LANG_DIR = /^[a-z]{2,3}(?:[-_][a-z]{2,4})?$/i;
export const DEFAULT_LANG = 'da';

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
}

function readDir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch (error) {
    throw new ContentError(`cannot read content folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** The .md files directly in one folder, in one language. Symlinks must stay inside `root`. */
function listFolder(dir: string, lang: string, root: string, out: SourceListing): void {
  for (const name of readDir(dir)) {
    if (!name.endsWith('.md')) continue;
    const path = join(dir, name);
    let stats: Stats;
    try {
      const link = lstatSync(path);
      if (link.isSymbolicLink()) {
        const real = realpathSync(path);
        if (!isInside(root, real)) {
          out.skipped.push({ file: path, reason: 'symbolic link to a file outside the content folder: not followed' });
          continue;
        }
      }
      stats = statSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'ELOOP' ? 'symbolic link loop' : code === 'ENOENT' ? 'broken symbolic link' : `cannot read it (${code ?? 'error'})`;
      out.skipped.push({ file: path, reason });
      continue;
    }
    if (!stats.isFile()) continue;
    out.entries.push({ id: name.slice(0, -3), lang, path, size: stats.size, mtimeMs: stats.mtimeMs });
  }
}

/**
 * Lists the articles of content folders. A folder with .md files is one language (named by the
 * folder when its name is a language code, else `da`); a folder without them but with language
 * sub-folders (`da/`, `en/`) holds one language each.
 */
export function listSources(dirs: string[]): SourceListing {
  const out: SourceListing = { entries: [], skipped: [] };
  for (const given of dirs) {
    const dir = resolve(given);
    let stats: Stats;
    try {
      stats = statSync(dir);
    } catch {
      throw new ContentError(`content folder ${given} does not exist: pass a folder of Markdown articles`);
    }
    if (!stats.isDirectory()) throw new ContentError(`content path ${given} is not a folder: pass the folder that holds the .md files`);
    const root = realpathSync(dir);
    const names = readDir(dir);
    if (names.some((n) => n.endsWith('.md'))) {
      const name = basename(dir);
      listFolder(dir, LANG_DIR.test(name) ? name.toLowerCase() : DEFAULT_LANG, root, out);
    } else {
      for (const name of names) {
        if (!LANG_DIR.test(name)) continue;
        const sub = join(dir, name);
        let subRoot: string;
        try {
          if (!statSync(sub).isDirectory()) continue;
          // A language folder may itself be a link (da -> ../corpora/da); its files must stay inside it.
          subRoot = realpathSync(sub);
        } catch {
          continue;
        }
        listFolder(sub, name.toLowerCase(), subRoot, out);
      }
    }
  }
  return out;
}
