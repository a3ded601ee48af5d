// `glossary export`: the corpus in the formats dictionary apps and translation tools read
// (src/export/ makes the bytes; this file opens the corpus, reads the licence files, writes the
// files and runs dictzip when it is installed).
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, lstatSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { chooseLangs, defaultLangs, type Context } from '../context.js';
import { ExitCode, GlossaryError, STORAGE_FAILURES, UsageError } from '../errors.js';
import { DamagedCorpusError, StaleSourceError } from '../store/compiled.js';
import { makeFolder, readRegularFile } from '../store/files.js';
import { isInside } from '../store/source.js';
import { MAX_LIST_ITEMS } from '../corpus/parse.js';
import { VERSION } from '../version.js';
import { collectArticles, oneLine, type ExportArticle, type ExportMeta } from '../export/model.js';
import { plural } from '../text.js';
import type { Run } from './run.js';

export const FORMATS = ['stardict', 'tbx', 'csv', 'tsv', 'json'] as const;
type Format = (typeof FORMATS)[number];

const MAX_LICENCE_BYTES = 64 * 1024;

/** The one-line error for a path that could not be written. */
function writeError(path: string, error: unknown): GlossaryError {
  const code = (error as { code?: string }).code ?? '';
  // A device's failure (a full disk): exit 8, as for standard output.
  if (STORAGE_FAILURES[code]) return new GlossaryError(`cannot write ${path}: ${reason(error)}; free some space, or give -o a path elsewhere (an earlier export there is kept)`, ExitCode.output);
  return new UsageError(`cannot write ${path}: ${reason(error)}; give -o a path in a folder you can write`);
}

/**
 * A file with these bytes, or a one-line error naming the path. Written aside and renamed into
 * place: a full disk leaves the file there was (an earlier export), not half a file. Through a
 * symbolic link, the file it names is replaced (not the link), keeping its mode. A path that is no
 * regular file (/dev/stdout, a pipe), or a file in a folder where nothing can be written beside
 * it, is written as it is.
 */
function writeOut(path: string, data: string | Buffer): void {
  let target = path;
  let mode: number | undefined;
  // Written in place, as before: what is no regular file (/dev/stdout, a pipe), a file with other
  // names (hard links: a new file would leave them the old one), another user's file (a new one
  // would be ours), a link whose file is not there yet; and a file we may not write is refused as
  // before (writing aside replaced a 0444 file).
  let inPlace = false;
  try {
    if (lstatSync(path).isSymbolicLink() && !existsSync(path)) inPlace = true;
  } catch {
    /* not there: made aside */
  }
  try {
    if (existsSync(path)) {
      target = realpathSync(path);
      const stat = statSync(target);
      inPlace = !stat.isFile() || stat.nlink > 1 || (process.getuid !== undefined && stat.uid !== process.getuid());
      mode = stat.mode & 0o7777;
      if (stat.isFile()) accessSync(target, constants.W_OK);
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'EACCES' || (error as { code?: string }).code === 'EPERM') throw writeError(path, error);
    target = path;
  }
  if (!inPlace) {
    const aside = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
    let made = false;
    try {
      writeFileSync(aside, data, mode === undefined ? {} : { mode });
      made = true;
      if (mode !== undefined) chmodSync(aside, mode);
      renameSync(aside, target);
      return;
    } catch (error) {
      try {
        rmSync(aside, { force: true });
      } catch {
        /* there is nothing to remove where the folder is not there */
      }
      const code = (error as { code?: string }).code ?? '';
      // Nothing can be made beside the file (a folder that is not the user's): the file itself.
      if (made || !(['EACCES', 'EPERM', 'EROFS'].includes(code) && existsSync(target))) throw writeError(path, error);
    }
  }
  try {
    writeFileSync(target, data);
  } catch (error) {
    throw writeError(path, error);
  }
}

function reason(error: unknown): string {
  const code = (error as { code?: string }).code;
  return code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'no such folder' : code === 'EISDIR' ? 'it is a folder' : code === 'ENOTDIR' ? 'a part of the path is a file' : code === 'EROFS' ? 'read-only file system' : (STORAGE_FAILURES[code ?? ''] ?? String(code ?? (error as Error).message));
}

/** The licence texts a content folder gives: its NOTICE in full, the first line of its LICENSE. */
function licenceOf(dir: string, notes: string[] = []): string | undefined {
  const parts: string[] = [];
  // As articles are read: a regular file inside the folder (not a link out of it, a pipe or a
  // device), opened without blocking, of at most 64 KB; anything else is named and not read.
  const read = (name: string): string | undefined => {
    const path = join(dir, name);
    try {
      if (!existsSync(path)) return undefined;
      if (!isInside(realpathSync(dir), realpathSync(path))) {
        notes.push(`${path} is a link to a file outside the content folder: not read`);
        return undefined;
      }
      const file = readRegularFile(path, (size) => size <= MAX_LICENCE_BYTES);
      if (!file) notes.push(`${path} is not a regular file of at most 64 KB: not read`);
      return file?.bytes.toString('utf8');
    } catch {
      return undefined;
    }
  };
  for (const name of ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'LICENCE', 'LICENCE.md', 'COPYING']) {
    const text = read(name);
    const first = text?.split('\n').find((l) => l.trim());
    if (first) {
      parts.push(`Licence: ${oneLine(first.replace(/^#+\s*/, ''))}.`);
      break;
    }
  }
  const notice = read('NOTICE') ?? read('NOTICE.md');
  if (notice?.trim()) parts.push(oneLine(notice).slice(0, 2000));
  return parts.length ? parts.join(' ') : undefined;
}

function metaOf(run: Run): ExportMeta {
  const dirs = run.contentDirs;
  if (dirs.length === 0) {
    const notice = licenceOf(run.bundledContent);
    return { source: `glossary ${VERSION}, bundled corpus of Danish business terms`, licence: `Licence: MIT (the glossary project).${notice ? ` ${notice}` : ''}` };
  }
  const notes: string[] = [];
  const licences = dirs.map((d) => licenceOf(d, notes)).filter((l): l is string => l !== undefined);
  for (const note of notes) run.note(note);
  return { source: dirs.map((d) => basename(resolve(d))).join(', '), ...(licences.length ? { licence: licences.join(' ') } : {}) };
}

function langsFor(ctx: Context): { langs: string[]; source: string } {
  const available = ctx.corpus.meta.langs.map((l) => l.lang);
  const langs = ctx.wantedLang === '' ? available : chooseLangs(available, ctx.wantedLang, true);
  const source = chooseLangs(langs, '', false, defaultLangs(ctx.corpus.meta, ctx.localeLangs))[0] as string;
  return { langs, source };
}

function optionString(options: Record<string, unknown>, name: string): string | undefined {
  const v = options[name];
  return typeof v === 'string' ? v : undefined;
}

export async function runExport(run: Run, _args: unknown[], options: Record<string, unknown>): Promise<ExitCode> {
  const given = optionString(options, 'format');
  if (given === undefined) throw new UsageError(`export needs --format: ${FORMATS.join(', ')} (glossary export --help)`);
  const format = given.toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown export format "${format}": use --format ${FORMATS.join('|')}`);
  const output = optionString(options, 'output');
  if (output !== undefined && output.trim() === '') throw new UsageError('-o was given an empty path: name a file (or a folder for stardict)');
  if (format === 'stardict' && output === undefined) throw new UsageError('--format stardict writes a folder: give it with -o DIR');
  const tbxVersion = optionString(options, 'tbxVersion') ?? '2';
  if (tbxVersion !== '2' && tbxVersion !== '3') throw new UsageError(`--tbx-version must be 2 or 3, not "${tbxVersion}"`);
  const from = optionString(options, 'from')?.trim().toLowerCase().replace(/_/g, '-');
  let to = optionString(options, 'to')?.trim().toLowerCase().replace(/_/g, '-');
  if ((format === 'csv' || format === 'tsv') && (!from || !to)) throw new UsageError(`--format ${format} needs a pair of languages: --from da --to en`);
  if ((format === 'csv' || format === 'tsv') && from === to) throw new UsageError(`--from and --to are both "${from}": name two languages`);
  if (format !== 'csv' && format !== 'tsv' && format !== 'tbx' && (from || to)) throw new UsageError(`--from and --to are for --format csv, tsv and tbx, not ${format}`);
  if (format === 'tbx' && Boolean(from) !== Boolean(to)) throw new UsageError('--format tbx takes a pair of languages or none: --from da --to en (a bilingual termbase), or neither (every language)');
  if (format === 'tbx' && from && from === to) throw new UsageError(`--from and --to are both "${from}": name two languages`);
  if (format !== 'stardict' && options['plain']) throw new UsageError('--plain is for --format stardict');
  if (format !== 'tbx' && options['tbxVersion'] !== undefined) throw new UsageError('--tbx-version is for --format tbx');

  const attempt = async (open: { force?: boolean; rebuild?: boolean }) => {
    const ctx = await run.context(await run.open(open));
    const { langs, source } = langsFor(ctx);
    return { ctx, langs, source, articles: collectArticles(ctx.corpus, langs) };
  };
  let got;
  try {
    got = await attempt({ force: Boolean(run.global.refresh) });
  } catch (error) {
    const content = run.contentDirs.length > 0;
    if (content && error instanceof StaleSourceError) got = await attempt({ force: true });
    else if (content && error instanceof DamagedCorpusError) got = await attempt({ rebuild: true });
    else throw error;
  }
  const meta = metaOf(run);
  const { langs, source, articles } = got;
  // Files the corpus does not hold are not exported either: said on every export, as list says it
  // (the compile that skipped them said why only once).
  const skipped = got.ctx.corpus.meta.skipped;
  if (skipped) run.note(`${skipped} file${skipped === 1 ? ' is' : 's are'} not in the corpus and not exported: see ${got.ctx.checkCommand}`);
  // Lists cut at their limit (check warns of each): the export says so too, not only what it wrote.
  const capped = articles.filter((a) => (a.record.problems ?? []).some((p) => p.code === 'too-many-items'));
  if (capped.length) run.note(`${capped.length} article${capped.length === 1 ? ' has' : 's have'} more than ${MAX_LIST_ITEMS} aliases or keywords, of which the first ${MAX_LIST_ITEMS} are exported: ${capped.slice(0, 5).map((a) => a.id).join(', ')}${capped.length > 5 ? ', ...' : ''} (see ${got.ctx.checkCommand})`);
  const title = run.contentDirs.length ? `Glossary: ${meta.source}` : 'Glossary: Danish business and finance terms';

  if (format === 'stardict') {
    await writeStarDict(run, output as string, articles, langs, got.ctx.corpus.meta.langs.map((l) => l.lang), meta, title, Boolean(options['plain']));
    return ExitCode.ok;
  }
  let text: string;
  if (format === 'tbx') {
    const { tbx } = await import('../export/tbx.js');
    if (from && to) {
      // A bilingual termbase, the source language first: translate-toolkit's tbx2po takes the first
      // two language sections of an entry as source and target (of three, it lost the third).
      const available = got.ctx.corpus.meta.langs.map((l) => l.lang);
      for (const l of [from, to]) if (!available.includes(l)) throw new UsageError(`no language "${l}" in this corpus: it has ${available.join(', ')}`);
      // An id only the target language has is left out, and said, as CSV and TSV do: its only
      // section would be read as the source (tbx2po made the English term a Danish msgid).
      const pair = collectArticles(got.ctx.corpus, [from, to]);
      const inSource = new Set(pair.filter((a) => a.lang === from).map((a) => a.id));
      const targetOnly = [...new Set(pair.filter((a) => !inSource.has(a.id)).map((a) => a.id))];
      if (targetOnly.length) run.note(`${targetOnly.length} "${to}" article${targetOnly.length === 1 ? ' has' : 's have'} no "${from}" article and ${targetOnly.length === 1 ? 'is' : 'are'} left out: ${targetOnly.slice(0, 10).join(', ')}${targetOnly.length > 10 ? ', ...' : ''}`);
      text = tbx(pair.filter((a) => inSource.has(a.id)), meta, { version: tbxVersion === '3' ? 3 : 2, source: from, title });
    } else text = tbx(articles, meta, { version: tbxVersion === '3' ? 3 : 2, source, title });
  } else if (format === 'json') {
    const { jsonExport } = await import('../export/json.js');
    text = jsonExport(articles, meta);
  } else {
    const { pairs, tsv, csv } = await import('../export/csv.js');
    const available = got.ctx.corpus.meta.langs.map((l) => l.lang);
    if (!available.includes(from as string)) throw new UsageError(`no language "${from}" in this corpus: it has ${available.join(', ')}`);
    // A language the corpus has only by region (`en` for `en-us`): that one, said, not the aliases
    // of a corpus that "has no English articles" (a hostile pass); two regions are for the user to choose.
    const regional = available.filter((l) => l.startsWith(`${to}-`));
    if (!available.includes(to as string) && regional.length > 1) throw new UsageError(`no language "${to}" in this corpus, but ${regional.join(' and ')}: give --to ${regional[0]} or another`);
    if (!available.includes(to as string) && regional.length === 1) {
      run.note(`the corpus has no "${to}" articles: its "${regional[0]}" articles are the translations`);
      to = regional[0];
    }
    if (!available.includes(to as string) && to !== 'en') throw new UsageError(`no language "${to}" in this corpus: it has ${available.join(', ')}`);
    const all = langs.includes(from as string) && langs.includes(to as string) ? articles : collectArticles(got.ctx.corpus, [from as string, ...(available.includes(to as string) ? [to as string] : [])]);
    const found = pairs(all, from as string, to as string);
    if (found.method === 'aliases') run.note(`the corpus has no "en" articles: the English term is the alias that spells the article's id (its English file name), plural or not`);
    if (found.missing.length) run.note(`${found.missing.length} of ${found.missing.length + found.rows.length} "${from}" articles have no ${found.method === 'aliases' ? 'English alias' : `"${to}" article`} and are left out: ${found.missing.slice(0, 10).join(', ')}${found.missing.length > 10 ? ', ...' : ''}`);
    if (found.rows.length === 0) throw new UsageError(`no "${from}" article has a "${to}" counterpart: nothing to export`);
    text = format === 'tsv' ? tsv(found.rows) : csv(found.rows, from as string, to as string);
    // OmegaT reads a line that begins with # as a comment, and leaves the term out without a word.
    const hashed = format === 'tsv' ? found.rows.filter((r) => r.term.startsWith('#')) : [];
    if (hashed.length) run.note(`${hashed.length} term${hashed.length === 1 ? ' begins' : 's begin'} with #, which OmegaT reads as a comment line and leaves out: ${hashed.slice(0, 5).map((r) => r.term).join(', ')}${hashed.length > 5 ? ', ...' : ''}`);
  }
  if (output === undefined) run.io.stdout.write(text);
  else {
    if (existsSync(output) && statSync(output).isDirectory()) throw new UsageError(`cannot write ${output}: it is a folder; give -o a file name`);
    writeOut(output, text);
  }
  return ExitCode.ok;
}

/** A fixed time for the file dictzip compresses (its header keeps the mtime): the same corpus, the same bytes. */
const FIXED_MTIME = new Date('2000-01-01T00:00:00Z');

function dictzipPresent(): boolean {
  const r = spawnSync('dictzip', ['--version'], { stdio: 'ignore' });
  return !r.error;
}

async function writeStarDict(run: Run, dir: string, articles: ExportArticle[], langs: string[], corpusLangs: string[], meta: ExportMeta, title: string, plain: boolean): Promise<void> {
  const { stardict } = await import('../export/stardict.js');
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`cannot write the StarDict folder ${dir}: it is a file; give -o a folder`);
  try {
    makeFolder(dir);
  } catch (error) {
    throw new UsageError(`cannot make the folder ${dir}: ${reason(error)}; give -o a folder you can write`);
  }
  const zip = dictzipPresent();
  if (!zip) run.note('dictzip is not installed: writing an uncompressed .dict (apt-get install dictzip for .dict.dz)');
  // What an earlier export wrote for these languages, and the index caches dictionary apps keep
  // beside the files (sdcv's .oft: it aborted on a cache of an export made in the same second),
  // are removed before writing. Another language's files are left alone (a --lang export, another
  // glossary's export, a dictionary of that name): named, when this glossary has no such language.
  const ours = /^glossary-([A-Za-z0-9_-]+)\.(ifo|idx|dict|dict\.dz|syn|idx\.oft|syn\.oft|oft)$/;
  const others = new Set<string>();
  for (const file of readdirSync(dir)) {
    const m = ours.exec(file);
    if (m && !langs.includes(m[1] as string) && !corpusLangs.includes(m[1] as string)) others.add(m[1] as string);
  }
  for (const lang of others) run.note(`${join(dir, `glossary-${lang}`)}.* is left as it is: this glossary has no language ${lang} (remove the files if an earlier export of it wrote them)`);
  // Every file is made in a folder aside first: a full disk leaves the earlier export as it was.
  const staging = join(dir, `.glossary-export-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const written: Array<{ name: string; articles: number; wordcount: number; synwordcount: number; zipped: boolean }> = [];
  try {
    mkdirSync(staging);
    for (const lang of langs) {
      const mine = articles.filter((a) => a.lang === lang);
      const name = `glossary-${lang}`;
      const files = stardict(mine, meta, { plain, bookname: langs.length > 1 ? `${title} (${lang})` : title });
      const path = (ext: string) => join(staging, `${name}.${ext}`);
      writeFileSync(path('ifo'), files.ifo);
      writeFileSync(path('idx'), files.idx);
      if (files.syn) writeFileSync(path('syn'), files.syn);
      writeFileSync(path('dict'), files.dict);
      let zipped = false;
      if (zip) {
        utimesSync(path('dict'), FIXED_MTIME, FIXED_MTIME);
        const r = spawnSync('dictzip', [path('dict')], { encoding: 'utf8' });
        zipped = r.status === 0 && existsSync(path('dict.dz'));
        if (!zipped) {
          if (!existsSync(path('dict')) && existsSync(path('dict.dz'))) throw Object.assign(new Error('dictzip left no file'), { code: 'ENOSPC' });
          run.note(`dictzip failed (${oneLine(r.stderr || String(r.status))}): keeping the uncompressed .dict`);
          rmSync(path('dict.dz'), { force: true });
        }
      }
      written.push({ name, articles: mine.length, wordcount: files.wordcount, synwordcount: files.synwordcount, zipped });
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw writeError(dir, error);
  }
  // What an earlier export wrote for these languages, and the index caches dictionary apps keep
  // beside the files (sdcv's .oft: it aborted on a cache of an export made in the same second),
  // are replaced. Another language's files are left alone (a --lang export, another glossary's
  // export, a dictionary of that name): named above, when this glossary has no such language.
  for (const file of readdirSync(dir)) {
    const m = ours.exec(file);
    if (m && langs.includes(m[1] as string)) rmSync(join(dir, file), { force: true });
  }
  for (const file of readdirSync(staging)) renameSync(join(staging, file), join(dir, file));
  rmSync(staging, { recursive: true, force: true });
  for (const { name, articles: count, wordcount, synwordcount, zipped } of written) {
    run.note(`wrote ${join(dir, name)}.* : ${plural(count, 'article')} under ${plural(wordcount, 'headword')} and ${plural(synwordcount, 'synonym')}${zipped ? ' (.dict.dz)' : ''}`);
  }
}
