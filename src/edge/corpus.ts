// Opening the corpus a command reads: the bundled one, or --content folders through the cache.
// The one place that does it, for commands and completion alike.
import { cacheRoot, openContent, skipKey } from '../store/cache.js';
import { openBundled } from '../store/bundled.js';
import { DamagedCorpusError, type CorpusReader } from '../store/compiled.js';
import { ContentError } from '../errors.js';
import type { Progress } from '../progress.js';
import { checkCommandFor } from '../context.js';

/** How many skipped files a compile names before it points to `glossary check`. */
export const SKIPPED_NAMED = 5;

export interface Opened {
  corpus: CorpusReader;
  /** Notes for stderr: what the compile left out, a rebuilt or read-only cache. */
  notes: string[];
  /** This run compiled (a heavy run: bin/glossary.js keeps no code cache of it). */
  compiled: boolean;
}

/**
 * What tells one opened corpus from another, for a server that opens it again and again: its
 * files' check sums and where it is. The same identity is the same corpus, whatever was re-read.
 */
export function corpusIdentity(opened: Opened): string {
  return JSON.stringify((opened.corpus.meta as { sums?: unknown }).sums ?? null) + opened.corpus.files.label;
}

export interface OpenOptions {
  force?: boolean;
  rebuild?: boolean;
  progress?: Progress;
}

export async function openCorpus(dirs: string[], env: NodeJS.ProcessEnv, options: OpenOptions = {}): Promise<Opened> {
  if (dirs.length === 0) {
    try {
      return { corpus: openBundled(), notes: [], compiled: false };
    } catch (error) {
      if (error instanceof DamagedCorpusError) throw new ContentError(`the bundled corpus is damaged (${error.message}): reinstall glossary`);
      throw error;
    }
  }
  // Test-only: the file count above which a folder is checked in full only every few seconds.
  const small = Number(env['GLOSSARY_TEST_SMALL_CORPUS']);
  const opened = await openContent(dirs, cacheRoot(env), { ...options, ...(env['GLOSSARY_TEST_SMALL_CORPUS'] && Number.isInteger(small) ? { smallCorpus: small } : {}) });
  const check = checkCommandFor(dirs);
  const notes = [...opened.notes];
  const { meta } = opened.reader;
  // Said once, when the folder is compiled and only for what is new or changed: what was left
  // out and why, in a few lines however many files it is (the full list is check's). A clean
  // corpus compiles quietly, and an unrelated edit does not replay what was said before.
  const pages = meta.pages ? `, ${meta.pages} section, template or draft page${meta.pages === 1 ? '' : 's'} not counted as terms` : '';
  if (opened.compiled && (meta.skipped || meta.pages)) {
    const report = opened.reader.report().skipped;
    const fresh = report.filter((s) => !opened.before?.has(skipKey(s)));
    const skipped = fresh.filter((s) => !s.page);
    for (const s of skipped.slice(0, SKIPPED_NAMED)) notes.push(`skipped ${s.file}: ${s.reason}`);
    const more = skipped.length - SKIPPED_NAMED;
    if (skipped.length) notes.push(`${meta.skipped} of ${meta.files} files skipped${more > 0 ? ` (${more} more not named here)` : ''}: see ${check}`);
    // Section pages, templates and drafts are expected in a site: counted in one line, named by check.
    if (meta.pages && fresh.some((s) => s.page)) notes.push(`${pages.slice(2)}: see ${check}`);
  }
  const articles = meta.langs.reduce((sum, l) => sum + l.count, 0);
  if (articles === 0) throw new ContentError(`no articles in ${dirs.join(', ')}: ${meta.skipped} of ${meta.files} files skipped${pages} (see ${check})`, [], notes);
  return { corpus: opened.reader, notes, compiled: opened.compiled };
}
