// What every command receives (the corpus, colour, width and language decided once at the edge)
// and what it gives back (what to print, notes for stderr, the exit code). Commands are pure
// functions between the two: the edge (cli.ts, edge/) does all reading, writing and asking.
import type { ArticleRecord, SearchDoc } from './corpus/compile.js';
import type { Corpus } from './corpus/reader.js';
import type { Lexicon } from './corpus/lexicon.js';
import type { Theme } from './render/theme.js';
import { ExitCode, UsageError } from './errors.js';
import { BIDI } from './text.js';

export interface Context {
  /** Styled output on stdout (decided once at the edge). */
  color: boolean;
  /** Styles for stdout, decided with `color`. */
  theme: Theme;
  /** stdout is a terminal: --raw never sends an article's raw bytes to one. */
  tty: boolean;
  /** Both ends are a terminal: a command may ask the edge to prompt (pick, browse). */
  interactive: boolean;
  /** Wrap width for rendered text; `--width` overrides per command. */
  width: number;
  /** Listings (search, list, scan...) use the terminal's whole width, not the article's capped one. */
  listWidth?: number;
  corpus: Corpus;
  /** `--lang`, else GLOSSARY_LANG, trimmed and lower-cased; '' for the corpus's default. */
  wantedLang: string;
  /** The user's languages from the locale (`da_DK.UTF-8` -> `da`), most specific first. */
  localeLangs: string[];
  /** Loads the code highlighter (only articles with fenced code need it; it is large). */
  loadHighlighter(): Promise<Highlighter>;
  /** A number in [0, 1): `random` draws with it. */
  random(): number;
  /** The command that checks this corpus, as the user would type it (`glossary check 'my dir'`). */
  checkCommand: string;
  /** The bundled glossary as a lexicon (corpus/lexicon.ts), read on first call; search calls it only when a query needs it. */
  lexicon?: () => Lexicon | undefined;
}

/** The command that checks these content folders (the bundled corpus: none), quoted for a shell. */
export function checkCommandFor(dirs: string[]): string {
  return ['glossary', 'check', ...dirs].map(shellWord).join(' ');
}

/** A word for a shell command line: as it is when safe, else in single quotes. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export type Highlighter = (code: string, language: string | undefined) => string;

/** What a command prints on stdout. */
export type Output =
  | { text: string }
  /** Bytes passed through unchanged (--raw into a pipe). */
  | { verbatim: string }
  /** An article: paged on a terminal when taller than the screen and `page` is set. */
  | { article: string; record: ArticleRecord; page: boolean };

export interface PresentOptions {
  width?: string;
  raw?: boolean;
  json?: boolean;
  pager?: boolean;
  browse?: boolean;
}

export interface Result {
  output?: Output;
  /** One-line notes for stderr (the edge prefixes `glossary: `). */
  notes: string[];
  exitCode: ExitCode;
  /** On a terminal: the edge offers these to choose from, then presents the chosen one. */
  pick?: { prompt: string; candidates: Array<{ doc: SearchDoc; lang: string }>; present: PresentOptions };
  /** On a terminal: the edge lets the reader follow the article's links (--browse). */
  browse?: { width: number; page: boolean };
}

export function ok(output: Output | undefined, notes: string[] = []): Result {
  return { output, notes, exitCode: ExitCode.ok };
}

export const text = (value: string): Output => ({ text: value });

/**
 * The languages a command works in: the wanted one (`--lang`, else GLOSSARY_LANG), else the first
 * of `defaults` the corpus has (its config's default language, then the user's locale), else the
 * corpus's first (the largest); `all` (where a command allows it) is every language. The one
 * rule, for commands and completion alike.
 */
export function chooseLangs(available: string[], wanted: string, allowAll = false, defaults: Array<string | undefined> = []): string[] {
  if (wanted === '') {
    const preferred = defaults.find((l) => l !== undefined && available.includes(l));
    return preferred ? [preferred] : available.slice(0, 1);
  }
  if (wanted === 'all') {
    if (!allowAll) throw new UsageError('--lang all works with search, list and keywords; pick one language to look a term up');
    return available;
  }
  if (!available.includes(wanted)) throw new UsageError(`no language "${wanted}" in this corpus: it has ${available.join(', ')}`);
  return [wanted];
}

export function langsOf(ctx: Context, allowAll = false): string[] {
  return chooseLangs(ctx.corpus.meta.langs.map((l) => l.lang), ctx.wantedLang, allowAll, defaultLangs(ctx.corpus.meta, ctx.localeLangs));
}

/** What decides the language when none is asked for: the corpus config's default, then the locale. */
export function defaultLangs(meta: { defaultLang?: string }, locale: string[]): Array<string | undefined> {
  return [meta.defaultLang, ...locale];
}

/** The one language of a command that works in one. */
export function langOf(ctx: Context): string {
  return langsOf(ctx)[0] as string;
}

/** The folders of --content (repeatable), else of GLOSSARY_CONTENT (a path list); [] for the bundled corpus. */
export function contentDirsOf(given: string[] | undefined, env: Record<string, string | undefined>, delimiter: string): string[] {
  if (given?.length) {
    if (given.some((d) => d === '')) throw new UsageError('--content takes a folder, not an empty path: name the folder (--content . for the current one)');
    return given;
  }
  // Unset or empty: the bundled corpus. An empty entry in a list (a::b, a trailing :) is a mistake.
  const list = env['GLOSSARY_CONTENT'];
  if (!list) return [];
  const dirs = list.split(delimiter);
  if (dirs.some((d) => d === '')) throw new UsageError(`GLOSSARY_CONTENT has an empty path in it: list folders separated by "${delimiter}" with none empty (. for the current one)`);
  return dirs;
}

/** --lang, else GLOSSARY_LANG, trimmed and lower-cased ('' when neither). */
export function wantedLangOf(given: string | undefined, env: Record<string, string | undefined>): string {
  return (given ?? env['GLOSSARY_LANG'] ?? '').trim().toLowerCase();
}

export const MIN_WIDTH = 10;
export const MAX_WIDTH = 1000;

/** A positive decimal integer as typed ("12"), else NaN: not '', ' 1', '0x10', '1e3', '1.0' or '+1'. */
export function decimalOf(value: string): number {
  return /^[0-9]{1,9}$/.test(value) ? Number(value) : Number.NaN;
}

export function parseWidth(value: string): number {
  const n = decimalOf(value);
  if (!Number.isInteger(n) || n < MIN_WIDTH || n > MAX_WIDTH) throw new UsageError(`--width takes a whole number from ${MIN_WIDTH} to ${MAX_WIDTH}, not "${value}"`);
  return n;
}

export function widthOf(ctx: Context, option: string | undefined): number {
  return option === undefined ? ctx.width : parseWidth(option);
}

/** The width of a listing: --width, else the terminal's whole width. */
export function listWidthOf(ctx: Context, option: string | undefined): number {
  return option !== undefined ? parseWidth(option) : (ctx.listWidth ?? ctx.width);
}

export function parseLimit(value: string): number {
  const n = decimalOf(value);
  if (!Number.isInteger(n) || n < 1 || n > 10000) throw new UsageError(`--limit takes a whole number from 1 to 10000, not "${value}"`);
  return n;
}

/** JSON for stdout: C1 controls, line separators and bidirectional overrides escaped too, which JSON.stringify leaves raw. */
export function jsonText(value: unknown): string {
  return escapeJson(JSON.stringify(value, null, 2)) + '\n';
}

/** One value as JSON on one line (a streamed array's element), escaped as jsonText escapes. */
export function jsonLine(value: unknown): string {
  return escapeJson(JSON.stringify(value));
}

const JSON_ESCAPED = new RegExp(`[\\u007f-\\u009f\\u2028\\u2029]|${BIDI.source}`, 'g');

function escapeJson(json: string): string {
  return json.replace(JSON_ESCAPED, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
