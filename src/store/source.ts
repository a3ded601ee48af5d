// Finding the article files of content folders: one language per folder, or one sub-folder per
// language; flat files and page bundles at any depth; pages that are not terms named and counted.
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { configuredLanguage, LANGUAGE_NAMES, languageOfFolder, languageSuffix } from '../corpus/languages.js';
import { ContentError } from '../errors.js';
import type { Skipped } from './compiled.js';
import { findConfig, readConfig, type CorpusConfig } from './config.js';
import { changeTime } from './files.js';
import { fileStat, type FileStat } from './stat.js';

export interface SourceEntry {
  /** The term's path in its language folder, without `.md` or `/index.md`: `closure`, `node/networking`. */
  id: string;
  lang: string;
  /** Absolute path. */
  path: string;
  size: number;
  /** The ctime (files.ts changeTime): what a stamp compares, with the size and the inode. */
  ctimeMs: number;
  /** The inode: a link re-pointed to another file of the same size and ctime (two copies written in one clock tick) is another file. */
  ino: number;
  /** The file's folder relative to its language folder ('' at the top): links to `x.md` are relative to it. */
  dir?: string;
  /** Extra front-matter fields read as keywords (from the corpus config). */
  keywordFields?: string[];
  /** In an Obsidian vault: a note with neither front matter nor a heading is an article too. */
  vault?: boolean;
}

export interface SourceListing {
  entries: SourceEntry[];
  /** Files not in the corpus: rejected, unreadable, or pages that are not terms (`page`). */
  skipped: Skipped[];
  /**
   * Every folder read, and the config file, with its change time (adding, removing or renaming a
   * file changes it) and inode (another folder at the same path: a `current` link re-pointed).
   */
  folders: Array<[string, number, number]>;
  /** The corpus config (the first folder's where several are given). */
  config: CorpusConfig;
  /** Every folder's config as read, in order: what a cache compares. */
  configs: CorpusConfig[];
}

export const DEFAULT_LANG = 'da';

/** Whether `path` is `root` or inside it (both resolved; for a link, its real path). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
}

const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** A folder's entries in name order (so that listings and ids come out the same every run). */
const readSorted = (dir: string): Dirent[] => readdirSync(dir, { withFileTypes: true }).sort(byName);

function readDir(dir: string): Dirent[] {
  try {
    return readSorted(dir);
  } catch (error) {
    throw new ContentError(`cannot read content folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/**
 * How deep folders are read (a file 32 folders below the content folder is read, one 33 deep is
 * named and not read), and how many files at most are named in a folder that is not.
 */
export const MAX_DEPTH = 32;
const UNREAD_FILES = 10_000;

/** Folders never read: hidden ones and installed packages. */
const ignored = (name: string) => name.startsWith('.') || name === 'node_modules';

/** The .md files under a folder that is not read, each named: as a page that is not a term, or as skipped. */
function namePages(dir: string, reason: string, out: SourceListing, page = true, depth = 0): void {
  if (out.skipped.length >= UNREAD_FILES) return;
  // Deeper still: the folder is named, so that nothing under it is passed over without a word.
  if (depth >= MAX_DEPTH) {
    out.skipped.push({ file: dir, reason: `a folder more than ${MAX_DEPTH} folders below a folder that is not read: the files in it are not looked at` });
    return;
  }
  let entries: Dirent[];
  try {
    // Stat'ed before it is read, so watched: a file added here changes what the listing names.
    const stats = statSync(dir);
    entries = readSorted(dir);
    out.folders.push([dir, changeTime(stats), stats.ino]);
  } catch {
    return;
  }
  for (const dirent of entries) {
    const path = join(dir, dirent.name);
    if (dirent.isDirectory() && !ignored(dirent.name)) namePages(path, reason, out, page, depth + 1);
    else if (dirent.name.endsWith('.md') && out.skipped.length < UNREAD_FILES) out.skipped.push(page ? { file: path, reason, page } : { file: path, reason });
  }
}

/**
 * Whether the config's `skip` names a folder: by its name, by its path from its language folder,
 * or by its path from the root (`top` is the language folder's name, '' for the root).
 */
function skips(config: CorpusConfig, top: string, relPath: string): boolean {
  const name = relPath.slice(relPath.lastIndexOf('/') + 1);
  return config.skip?.some((s) => s === name || s === relPath || (top !== '' && s === `${top}/${relPath}`)) ?? false;
}

interface Walk {
  lang: string;
  /** The language folder's name ('' for the root): `skip` paths may start with it. */
  top: string;
  /** Real path of the language folder: symbolic links must stay inside it. */
  root: string;
  config: CorpusConfig;
  out: SourceListing;
  /**
   * The languages file names are taken to carry (Hugo's `aktie.da.md`): the folder's own, the
   * config's, and any code two files of one name are told apart by (`aktie.da.md` beside
   * `aktie.en.md` or `aktie.md`), in any folder of the content folder (`untagged` decides when
   * all are read). Not any code: `Socket.io.md` and `M.Sc.md` are names.
   */
  codes: Set<string>;
  /** Entries whose names carry a language code, with the id and language they have if it is none. */
  tagged: Array<{ entry: SourceEntry; id: string; lang: string; code: string }>;
  /** Each code that tells two files of one name apart, with those names (`pairedCodes`). */
  pairs: Map<string, Set<string>>;
}

/** A repository's documents about itself, beside the folder of its texts. */
const REPOSITORY_DOCS = /^(?:readme|licen[cs]e|contributing|changelog|code_of_conduct|security|authors|notice)(?:\.[a-z]{2})?\.md$/i;

/** A README (tested on a name without its language: `README.da.md` too). */
const README = /^readme\.md$/i;

/** A `.md` file's name with a language before `.md` (`aktie.da.md`): its base and the code (not yet known to be a language there). */
const tagged = (name: string) => (name.endsWith('.md') ? languageSuffix(name.slice(0, -3)) : undefined);

/** For each code, the names (folder and base) of a folder's files two of which it tells apart. */
function pairedCodes(entries: Dirent[], folder: string, pairs: Map<string, Set<string>>): void {
  const byBase = new Map<string, string[]>();
  const names = new Set(entries.map((d) => d.name));
  for (const { name } of entries) {
    const t = tagged(name);
    if (t) (byBase.get(t.base) ?? byBase.set(t.base, []).get(t.base))?.push(t.lang);
  }
  for (const [base, found] of byBase) {
    if (found.length < 2 && !names.has(`${base}.md`)) continue;
    for (const code of found) (pairs.get(code) ?? pairs.set(code, new Set()).get(code))?.add(`${folder}/${base}`);
  }
}

/** Languages a single pair of files is enough to tell (a tech glossary's `Socket.md` beside `Socket.io.md` is no Ido). */
const COMMON_LANGUAGES = new Set(Object.values(LANGUAGE_NAMES));

/** The languages file names may carry before any is seen paired: the folders' and the config's. */
function knownCodes(langs: string[], config: CorpusConfig): Set<string> {
  return new Set([...langs, ...(config.defaultLanguage ? [config.defaultLanguage.toLowerCase()] : []), ...Object.values(config.languages ?? {}).map((c) => c.toLowerCase())]);
}

/**
 * Once every folder is read: a name whose code is no language there (`Socket.io.md`) keeps it in
 * its id. A code is a language where it is a folder's or the config's, or it tells two files of
 * one name apart: a common language's code once, any other code for two names or more.
 */
function untagged(w: Pick<Walk, 'codes' | 'tagged' | 'pairs'>): void {
  for (const [code, bases] of w.pairs) if (COMMON_LANGUAGES.has(code.slice(0, 2)) || bases.size > 1) w.codes.add(code);
  for (const t of w.tagged) {
    if (w.codes.has(t.code)) continue;
    t.entry.id = t.id;
    t.entry.lang = t.lang;
  }
}

/**
 * The terms of one language folder and its sub-folders: `id.md` (flat) and `id/index.md` (a page
 * bundle) at any depth, the id being the path from the language folder. Section pages
 * (`_index.md`), templates (`_*`), the folder's own `index.md` and skipped folders are pages,
 * named and counted, not terms.
 */
function walkFolder(w: Walk, dir: string, rel: string, entries: Dirent[], depth: number): void {
  const prefix = dir.endsWith(sep) ? dir : dir + sep;
  pairedCodes(entries, rel, w.pairs);
  for (const dirent of entries) {
    const name = dirent.name;
    // Concatenated, not path.join: at 15,000 files join alone costs ~40 ms.
    const path = prefix + name;
    const relPath = rel ? `${rel}/${name}` : name;
    const linkedFolder = dirent.isSymbolicLink() && !name.endsWith('.md') && isDirectory(path);
    if ((dirent.isDirectory() || linkedFolder) && !name.endsWith('.md')) {
      if (ignored(name)) continue;
      // A linked folder inside a language folder is not followed: inside, its files are read where
      // they are (and a link to a parent would loop); outside, they are not the user's corpus.
      if (linkedFolder) {
        w.out.skipped.push({ file: path, reason: 'symbolic link to a folder: not followed' });
        continue;
      }
      if (name.startsWith('_')) namePages(path, 'in a folder whose name starts with "_" (templates, partials)', w.out);
      else if (skips(w.config, w.top, relPath)) namePages(path, 'in a folder the corpus config skips', w.out);
      else if (w.config.templates?.includes((w.top ? `${w.top}/${relPath}` : relPath).normalize('NFC'))) namePages(path, "in the vault's templates folder (as its settings in .obsidian name it)", w.out);
      else if (depth + 1 > MAX_DEPTH) namePages(path, `more than ${MAX_DEPTH} folders deep: not read`, w.out, false);
      else {
        let sub: Dirent[];
        let stats: Stats;
        try {
          stats = statSync(path);
          sub = readSorted(path);
        } catch (error) {
          w.out.skipped.push({ file: path, reason: `cannot read the folder (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
          continue;
        }
        w.out.folders.push([path, changeTime(stats), stats.ino]);
        walkFolder(w, path, relPath, sub, depth + 1);
      }
      continue;
    }
    if (!name.endsWith('.md')) {
      // Markdown under another name is said so, not passed over: a Docusaurus glossary of .mdx
      // files read as empty, with no word why.
      if (/\.(?:mdx|markdown|mdown|mkd)$/i.test(name) && !name.startsWith('.')) w.out.skipped.push({ file: path, reason: `only .md files are read, not .${name.split('.').pop()}: rename it to .md to include it` });
      continue;
    }
    // Node reads a name that is not UTF-8 with replacement characters: it names no file we can open.
    if (name.includes('\ufffd')) {
      w.out.skipped.push({ file: path, reason: 'the file name is not valid UTF-8: rename the file' });
      continue;
    }
    if (name === '.md') {
      w.out.skipped.push({ file: path, reason: 'a file named .md has no name to be the id: rename it' });
      continue;
    }
    // Hugo's translation by file name (`aktie.da.md`, `aktie.en.md`, a bundle's `index.da.md`,
    // `_index.da.md`): the file's language is in its name, and the id is the name without it.
    const { base, lang } = translated(name, w.lang);
    if (base === '_index.md') {
      w.out.skipped.push({ file: path, reason: 'a section page (_index.md)', page: true });
      continue;
    }
    if (name.startsWith('_')) {
      w.out.skipped.push({ file: path, reason: 'a template (its name starts with "_")', page: true });
      continue;
    }
    if (base === 'index.md' && rel === '') {
      w.out.skipped.push({ file: path, reason: "the folder's index page", page: true });
      continue;
    }
    if (README.test(base)) {
      w.out.skipped.push({ file: path, reason: 'a README (about the folder, not a term)', page: true });
      continue;
    }
    let stats: FileStat;
    try {
      if (dirent.isSymbolicLink() && !isInside(w.root, realpathSync(path))) {
        w.out.skipped.push({ file: path, reason: 'symbolic link to a file outside the content folder: not followed' });
        continue;
      }
      // One stat a file: its size, ctime and inode are what tells the cache that it changed.
      const found = fileStat(path);
      if (found === undefined) throw Object.assign(new Error(`no such file: ${path}`), { code: 'ENOENT' });
      stats = found;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A file (not a link) gone since the folder was read: removed meanwhile, no longer there to name.
      if (code === 'ENOENT' && !dirent.isSymbolicLink()) continue;
      const reason = code === 'ELOOP' ? 'symbolic link loop' : code === 'ENOENT' ? 'broken symbolic link' : `cannot read it (${code ?? 'error'})`;
      w.out.skipped.push({ file: path, reason });
      continue;
    }
    if (!stats.isFile) {
      w.out.skipped.push({ file: path, reason: 'not a regular file' });
      continue;
    }
    // A page bundle (`closure/index.md`) is named by its folder; ids composed (NFC), as text is:
    // a name written by macOS (NFD) is found when typed.
    const idOf = (file: string) => (file === 'index.md' ? rel : rel ? `${rel}/${file.slice(0, -3)}` : file.slice(0, -3)).normalize('NFC');
    const entry = sourceEntry(idOf(base), lang, path, stats.size, changeTime(stats), stats.ino, rel.normalize('NFC'), w.config);
    w.out.entries.push(entry);
    if (base !== name) w.tagged.push({ entry, id: idOf(name), lang: w.lang, code: lang });
  }
}

/** A folder as it really is (its links followed); as given, made absolute, where it cannot be read. */
function realPath(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return resolve(dir);
  }
}

/**
 * A content folder given inside another given one would list its files twice, under two ids each:
 * refused, naming both (through links too: the folders as they really are).
 */
function nested(given: string[]): void {
  const real = given.map(realPath);
  real.forEach((inner, i) => {
    const outer = real.findIndex((o, j) => j !== i && inner.startsWith(o.endsWith(sep) ? o : o + sep));
    if (outer >= 0) throw new ContentError(`content folder ${given[i]} is inside content folder ${given[outer]}, whose articles it would list twice: pass only ${given[outer]}`);
  });
}

/**
 * Lists the articles of content folders. A folder whose sub-folders are named by language (`da`,
 * `en`, `pt-br`, `Danish`, or as the config maps them) holds one language in each, unless it has
 * terms of its own; then, as any other folder, it is one language (named by the folder or its
 * parent when that is a language, else the config's default language, else `da`), and its
 * sub-folders are read as part of it.
 */
export function listSources(dirs: string[]): SourceListing {
  const out: SourceListing = { entries: [], skipped: [], folders: [], config: {}, configs: [] };
  // The same folder named twice (through a link too) is one folder.
  const folders = [...new Map(dirs.map((d) => [realPath(d), d])).values()];
  nested(folders);
  for (const given of folders) {
    let dir = resolve(given);
    let stats: Stats;
    try {
      stats = statSync(dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Node reads an argument that is not UTF-8 with replacement characters: it names no folder.
      if (given.includes('\ufffd')) throw new ContentError(`the content folder's name is not valid UTF-8, which glossary cannot open: rename the folder, or link it under a UTF-8 name and pass the link`);
      if (code === 'ENOENT') throw new ContentError(`content folder ${given} does not exist: pass a folder of Markdown articles`);
      throw new ContentError(`cannot open content folder ${given} (${code ?? 'error'}): pass a folder of Markdown articles you can read`);
    }
    if (!stats.isDirectory()) throw new ContentError(`content path ${given} is not a folder: pass the folder that holds the .md files`);
    const found = findConfig(dir);
    if (found?.outside) out.skipped.push({ file: found.file, reason: 'symbolic link to a file outside the content folder: not read' });
    let dirents = readDir(dir);
    const search = dirents.some((d) => d.name === '.obsidian' && d.isDirectory()) ? { vault: dir, looked: [] } : vaultSearch(dir);
    const vault = search.vault;
    // What the search looked for above the folder: a `.obsidian` or `.git` made or removed there
    // changes what the folder is. Watched as those paths, not as the folders (a file made in /tmp
    // or the home folder would have made every run list the content folder again).
    for (const above of search.looked) for (const mark of ['.obsidian', '.git']) out.folders.push([join(above, mark), ...pathStamp(join(above, mark))]);
    const config = withVault(found && !found.outside ? readConfig(found.file) : {}, vault, dir);
    if (vault) out.folders.push(...vaultSettings(vault));
    out.configs.push(config);
    for (const [key, value] of Object.entries(config)) if (!(key in out.config)) (out.config as Record<string, unknown>)[key] = value;
    // The source's layout given from above (a clone holding `Texts/<Language>/`): read as its
    // one folder of language folders, not as one language whose categories are Danish, English, ...
    const container = languageContainer(dir, dirents, config);
    if (container) {
      out.folders.push([dir, changeTime(stats), stats.ino]);
      for (const d of dirents) if (REPOSITORY_DOCS.test(d.name) && !d.isDirectory()) out.skipped.push({ file: join(dir, d.name), reason: "the repository's own document, beside its folder of languages", page: true });
      ({ dir, stats, dirents } = container);
    }
    const root = realpathSync(dir);
    out.folders.push([dir, changeTime(stats), stats.ino]);
    if (found) out.folders.push([found.file, found.ctimeMs, found.ino]);
    // Language folders: named as a language, and not a term's page bundle (`it/index.md`). A
    // folder that has terms of its own is one language, its sub-folders categories (`it/`, `ml/`),
    // unless the config names them as languages.
    const ownTerms = dirents.some((d) => d.name.endsWith('.md') && !d.name.startsWith('_') && d.name !== 'index.md' && !d.isDirectory());
    let langDirs = dirents.filter((d) => !ignored(d.name) && (d.isDirectory() || d.isSymbolicLink()) && (configuredLanguage(d.name, config.languages) !== undefined || (!ownTerms && languageOfFolder(d.name, config.languages) !== undefined)) && isDirectory(join(dir, d.name)) && !isFile(join(dir, d.name, 'index.md')));
    // One folder named like a language beside folders of articles that are not (`it/` beside
    // `regnskab/`) is a category too: a team's IT terms, not an Italian glossary.
    if (langDirs.length === 1 && configuredLanguage((langDirs[0] as Dirent).name, config.languages) === undefined) {
      const others = dirents.filter((d) => !ignored(d.name) && d !== langDirs[0] && (d.isDirectory() || d.isSymbolicLink()));
      if (others.some((d) => holdsArticles(join(dir, d.name)))) langDirs = [];
    }
    const skipped = (name: string) => skips(config, '', name);
    for (const d of langDirs) if (skipped(d.name)) namePages(join(dir, d.name), 'in a folder the corpus config skips', out);
    // Named by the folder, or by its parent as MDN's `files/en-us/glossary` is: only a folder named
    // glossary (a `content/` cloned into a folder called `it` or `xh` is no Italian or Xhosa corpus).
    const parentLang = /^glossary$/i.test(basename(dir)) ? languageOfFolder(basename(dirname(dir)), config.languages) : undefined;
    const ownLang = languageOfFolder(basename(dir), config.languages) ?? parentLang ?? config.defaultLanguage ?? DEFAULT_LANG;
    const langNames = new Set(langDirs.map((d) => d.name));
    // The languages file names carry, learnt over every folder of this content folder.
    const names = { codes: knownCodes([ownLang, ...langDirs.map((d) => languageOfFolder(d.name, config.languages) as string)], config), tagged: [], pairs: new Map<string, Set<string>>() };
    walkFolder({ lang: ownLang, top: '', root, config, out, ...names }, dir, '', dirents.filter((d) => !langNames.has(d.name)), 0);
    for (const { name } of langDirs.filter((d) => !skipped(d.name))) {
      const sub = join(dir, name);
      let subRoot: string;
      let subStats: Stats;
      try {
        subStats = statSync(sub);
        subRoot = realpathSync(sub);
      } catch {
        continue;
      }
      // A language folder that is a link leaving the content folder: not followed, not read.
      if (!isInside(root, subRoot)) {
        out.skipped.push({ file: sub, reason: 'symbolic link to a folder outside the content folder: not followed' });
        continue;
      }
      out.folders.push([sub, changeTime(subStats), subStats.ino]);
      const lang = languageOfFolder(name, config.languages) as string;
      walkFolder({ lang, top: name, root: subRoot, config, out, ...names }, sub, '', readDir(sub), 0);
    }
    untagged(names);
  }
  return out;
}

/**
 * A file's name without a language Hugo puts in it (`aktie.da.md` -> `aktie.md`, da), and the
 * language: any language code (whether it is one of the corpus's is the walk's to say).
 */
export function translated(name: string, lang: string): { base: string; lang: string } {
  const t = tagged(name);
  return t ? { base: `${t.base}.md`, lang: t.lang } : { base: name, lang };
}

/**
 * Whether a listed file is a page bundle's (`aktie/index.md`, `aktie/index.da.md`), as the walk
 * made its id: `index.md` always (the root's is no term), `index.da.md` unless its code was no
 * language there (then the id kept it: `rente/index.io`).
 */
export function isBundle(file: string, id: string): boolean {
  if (file === 'index.md') return true;
  const stem = file.slice(0, -3);
  return tagged(file)?.base === 'index' && id !== stem && !id.endsWith(`/${stem}`);
}

/** One listed article file: `dir` its folder in its language folder ('' at the top). */
function sourceEntry(id: string, lang: string, path: string, size: number, ctimeMs: number, ino: number, dir: string, config: CorpusConfig): SourceEntry {
  const entry: SourceEntry = { id, lang, path, size, ctimeMs, ino };
  if (dir) entry.dir = dir;
  if (config.keywordFields?.length) entry.keywordFields = config.keywordFields;
  if (config.vault) entry.vault = true;
  return entry;
}

/**
 * The config read, marked where the folder (`vault`) is an Obsidian vault (a `.obsidian/` folder in
 * it), with the folders its templates plugins keep templates in.
 */
function withVault(config: CorpusConfig, vault: string | undefined, dir: string): CorpusConfig {
  if (vault === undefined) return config;
  // The templates folders as paths from the content folder (a folder of the vault given as it).
  const templates = vaultTemplates(vault).flatMap((t) => {
    const path = relative(dir, join(vault, t)).split(sep).join('/');
    return path && !path.startsWith('..') ? [path] : [];
  });
  const inVault = relative(vault, dir).split(sep).join('/');
  return { ...config, vault: true, ...(templates.length ? { templates } : {}), ...(inVault ? { vaultPath: inVault.normalize('NFC') } : {}) };
}

/**
 * The vault a content folder is a folder of (`Vault/Ordliste` given as --content, `.obsidian/` in
 * `Vault`): the nearest folder above holding `.obsidian/`, up to the repository's root (a `.git`)
 * or eight folders up; undefined where there is none.
 */
export function vaultAbove(dir: string): string | undefined {
  return vaultSearch(dir).vault;
}

/**
 * vaultAbove, and the folders above `dir` it looked in: a `.obsidian` or `.git` made or removed in
 * one of them changes what `dir` is, and changes that folder's time, so the listing watches them.
 */
function vaultSearch(dir: string): { vault?: string; looked: string[] } {
  const looked: string[] = [];
  let at = dir;
  for (let i = 0; i < 8; i++) {
    if (at !== dir) looked.push(at);
    if (isDirectory(join(at, '.obsidian'))) return { vault: at, looked };
    if (existsSync(join(at, '.git')) || dirname(at) === at) return { looked };
    at = dirname(at);
  }
  return { looked };
}

/**
 * The templates folders a vault's settings name: the core Templates plugin's (`templates.json`,
 * `folder`) and Templater's (`templates_folder`), as paths from the vault's root. Settings that
 * cannot be read name none (the notes are then read as notes).
 */
const TEMPLATE_SETTINGS: Array<[string, string]> = [['templates.json', 'folder'], [join('plugins', 'templater-obsidian', 'data.json'), 'templates_folder']];

/**
 * What to watch of a vault's template settings: each settings file, or where it is missing the
 * nearest folder of its path there is (creating the file changes that folder's time).
 */
function vaultSettings(vault: string): Array<[string, number, number]> {
  const out = new Map<string, [number, number]>();
  for (const [file] of TEMPLATE_SETTINGS) {
    for (let path = join(vault, '.obsidian', file); path.length > vault.length; path = dirname(path)) {
      try {
        const stats = statSync(path);
        out.set(path, [changeTime(stats), stats.ino]);
        break;
      } catch {
        /* not there: its folder, then */
      }
    }
  }
  return [...out].map(([path, [time, ino]]) => [path, time, ino]);
}

function vaultTemplates(vault: string): string[] {
  const out = new Set<string>();
  for (const [file, key] of TEMPLATE_SETTINGS) {
    try {
      const value = (JSON.parse(readFileSync(join(vault, '.obsidian', file), 'utf8')) as Record<string, unknown>)[key];
      // As Obsidian writes it (`Templates/`, `./Meta/Templates`, `da\\Skabeloner` on Windows), composed.
      const parts = typeof value === 'string' ? value.normalize('NFC').split(/[\\/]+/).filter((p) => p !== '' && p !== '.') : [];
      if (parts.length && !parts.includes('..')) out.add(parts.join('/'));
    } catch {
      /* no such plugin, or its settings unreadable */
    }
  }
  return [...out];
}

/** Every file's size and change time now, as one check of a listing's stamps found them. */
export interface FilesNow {
  sizes: Float64Array;
  times: Float64Array;
  inos: Float64Array;
  /** 1 where the path is a regular file now. */
  regular: Uint8Array;
  /** 1 where the file is not as it was listed (its size, time or inode). */
  changed: Uint8Array;
}

/**
 * The listing of one content folder whose folders are as they were when `entries` were listed
 * (the same change times: no file added, removed or renamed), with each file's size and time as it is
 * now: what listSources would list, without reading the folders or stat'ing the files again.
 * `files` are the paths, languages and ids in listing order; `now` has them at the same indices.
 * Undefined where it cannot be told so (a file that is no longer a regular file).
 */
export function relist(dir: string, files: { readonly paths: readonly string[]; readonly langs: readonly string[]; readonly ids: readonly string[] }, skipped: Skipped[], configs: CorpusConfig[], folders: Array<[string, number, number]>, now: FilesNow): SourceListing | undefined {
  const config = configs[0];
  if (configs.length !== 1 || !config) return undefined;
  // The config as it is now (its mtime may have been set back, as `cp -p` does): changed, the
  // folders are listed again.
  const found = findConfig(dir);
  const vault = config.vault === true ? vaultAbove(dir) : undefined;
  if (JSON.stringify(withVault(found && !found.outside ? readConfig(found.file) : {}, vault, dir)) !== JSON.stringify(config)) return undefined;
  const out: SourceEntry[] = new Array(files.paths.length);
  for (let i = 0; i < files.paths.length; i++) {
    const path = files.paths[i] as string;
    const lang = files.langs[i] as string;
    const id = files.ids[i] as string;
    if (now.regular[i] !== 1 || !path.startsWith(dir + sep)) return undefined;
    // A changed file reached through a link may now lead outside the content folder (a link
    // re-pointed in a folder that is not watched): the listing decides, as it always has.
    if (now.changed[i] === 1 && isLink(path)) return undefined;
    // The folder walkFolder read it in: a page bundle's is its id, a flat file's the id's folder.
    const folder = isBundle(path.slice(path.lastIndexOf(sep) + 1), id) ? id : id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : '';
    out[i] = sourceEntry(id, lang, path, now.sizes[i] as number, now.times[i] as number, now.inos[i] as number, folder, config);
  }
  return { entries: out, skipped, folders, config: { ...config }, configs };
}

/**
 * The one folder of `dir` (which has no articles of its own nor language folders) that holds
 * language folders (two or more) and no articles of its own: `Texts/` in a clone of the source.
 */
function languageContainer(dir: string, dirents: Dirent[], config: CorpusConfig): { dir: string; stats: Stats; dirents: Dirent[] } | undefined {
  const isLanguage = (d: Dirent) => !ignored(d.name) && d.isDirectory() && (configuredLanguage(d.name, config.languages) !== undefined || languageOfFolder(d.name, config.languages) !== undefined);
  // Beside it, a repository's own documents at most (README.md, LICENSE.md: named as pages).
  if (dirents.some((d) => d.name.endsWith('.md') && !d.isDirectory() && !REPOSITORY_DOCS.test(d.name)) || dirents.some(isLanguage)) return undefined;
  const folders = dirents.filter((d) => !ignored(d.name) && !d.name.startsWith('_') && (d.isDirectory() || d.isSymbolicLink()));
  if (folders.length !== 1 || !(folders[0] as Dirent).isDirectory()) return undefined;
  const inner = join(dir, (folders[0] as Dirent).name);
  try {
    const innerDirents = readDir(inner);
    if (innerDirents.some((d) => d.name.endsWith('.md') && !d.isDirectory())) return undefined;
    // Every folder in it a language's: `emner/{IT,HR,Økonomi}` is a team's categories, not Italian and Croatian.
    const folders = innerDirents.filter((d) => !ignored(d.name) && !d.name.startsWith('_') && (d.isDirectory() || d.isSymbolicLink()));
    const langs = folders.filter((d) => isLanguage(d) && !isFile(join(inner, d.name, 'index.md')));
    return langs.length >= 2 && langs.length === folders.length ? { dir: inner, stats: statSync(inner), dirents: innerDirents } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a folder has .md files of its own (not looked into further). */
function holdsArticles(path: string): boolean {
  try {
    return readdirSync(path).some((name) => name.endsWith('.md') && !name.startsWith('.'));
  } catch {
    return false;
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return true;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A path's change time (changeTime) and inode, or MISSING where nothing is there. */
function pathStamp(path: string): [number, number] {
  try {
    const stats = statSync(path);
    return [changeTime(stats), stats.ino];
  } catch {
    return [MISSING, MISSING];
  }
}

/** The time of a watched path that is not there: a path whose absence is watched (a vault's `.obsidian` not made yet). */
const MISSING = -2;

/**
 * Folder change times (changeTime: an mtime set back over an added file still moves the ctime) and
 * inodes now, in the order given; MISSING where a folder is gone.
 */
export function folderStamps(folders: string[]): Array<[number, number]> {
  return folders.map(pathStamp);
}

/**
 * A file's (or folder's) change time as kept by a compile that began at `compiled`, or -1 (never
 * equal: the file is read again next time) when an edit of the same size could still leave it as
 * it is: a time within a tick of the compile, or later. A tick is the file system's time resolution: whole
 * seconds (two on FAT) where the times have no fraction (HFS+, ext3, many network mounts, or
 * copied with cp -p), else the kernel's clock tick. A time more than a minute ahead of this clock
 * was not given by an edit now (another machine's clock: a file server's ctime): kept, as one in
 * the past is; an edit now gives the file another. Kept as -1, every such file was read again, and
 * the folder compiled again, on every run.
 */
export function settled(time: number, compiled: number): number {
  const tick = time % 1000 === 0 ? 2000 : 20;
  return time >= compiled - tick && time <= compiled + AHEAD_MS ? -1 : time;
}

/** How far ahead of this clock a change time is taken for another clock's (see settled). */
const AHEAD_MS = 60_000;
