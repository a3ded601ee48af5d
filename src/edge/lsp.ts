// `glossary lsp`: a language server over stdio (vscode-languageserver). In any text or Markdown
// file: hover on a term (matched as `scan` matches), term diagnostics (opt-in), "Add a link to
// the glossary" and completion of term names after a configured trigger. In the glossary's own
// articles: `check`'s problems from the unsaved buffer, completion of link targets and keywords,
// definition, references, document and workspace symbols, and rename of an article's id.
// The protocol library is loaded with require at run time, outside the bundle every lookup loads.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as LS from 'vscode-languageserver/node';
import type { TextDocument as Doc } from 'vscode-languageserver-textdocument';
import type { Article, ParseResult, Problem } from '../corpus/article.js';
import { linkProblems, type FileProblem } from '../corpus/check.js';
import { linkResolver, linkTarget, siteLinkOptions, writtenTarget, type LinkOptions, type LinkResolver, type Resolved } from '../corpus/links.js';
import { codeLines, hiddenHtml, REFERENCE_USE, referenceDefinitions, referenceLabel, unclosedFence } from '../corpus/markup.js';
import { parseArticle } from '../corpus/parse.js';
import { fold } from '../fold.js';
import { BIDI, stripControl } from '../text.js';
import { langOf, shellWord, type Context } from '../context.js';
import { ExitCode } from '../errors.js';
import { Scanner, type Occurrence } from '../scan.js';
import { compileListing, parseEntry } from '../store/compilation.js';
import { parseEntries } from '../store/parse-pool.js';
import { testSwitch } from '../store/threads.js';
import { CONFIG_FILES, vaultPathOf } from '../store/config.js';
import { isBundle, isInside, listSources, type SourceEntry, type SourceListing } from '../store/source.js';
import { stampKey, stampOf } from '../store/files.js';
import { DamagedCorpusError, StaleSourceError } from '../store/compiled.js';
import { corpusIdentity, type Opened } from './corpus.js';
import { linkAt, linkSpans, taken, type LinkSpan } from './link-spans.js';
import type { Run } from './run.js';

/** What the client may set in initializationOptions. */
export interface LspSettings {
  /** Mark the glossary's terms in text files: true (Information) or "hint". Off by default. */
  termDiagnostics?: boolean | 'hint' | 'information';
  /** Offer term names after this text (`[[`, `:`); none by default. */
  completionTrigger?: string;
}

/** Lines longer than this are scanned only around the cursor; documents larger than this many characters get no term diagnostics. */
const LONG_LINE = 20_000;
const MAX_SCAN_CHARS = 4 * 1024 * 1024;
const MAX_ITEMS = 200;
/** The corpus and the folder are looked at again at most this often (before a request). */
const REFRESH_MS = 1000;
/** Term diagnostics of one document: at most this many (a long text full of terms sent 140,000). */
const MAX_TERM_DIAGNOSTICS = 2000;
/** Lines whose terms are kept between edits, so that an edit scans the lines it changed. */
const MAX_CACHED_LINES = 50_000;
/** ... of at most this many characters each (a line of 19,000 characters, edited a thousand times, took 450 MB). */
const MAX_CACHED_LINE = 400;

/** What tells one listing of the folder from another: each file's path, id, language, size, time and inode, and what was skipped. */
const listingSignature = (listing: SourceListing) =>
  JSON.stringify([listing.entries.map((e) => [e.path, e.id, e.lang, ...stampOf(e)]), listing.skipped.map((x) => x.file), listing.configs]);

/** A line end as LSP counts them: CRLF, LF or a lone CR. */
const LINE_END = /\r\n|\r|\n/;

/**
 * A buffer's front matter and code, for what may not be a term's text: the line (from 0) that closes
 * its front matter, YAML (`---`) or TOML (`+++`), -1 without one; and its lines of code, the front
 * matter left out (a fence in a YAML block scalar opens no code block).
 */
function frontAndCode(lines: string[]): { front: number; code: boolean[] } {
  const opener = /^(---|\+\+\+)\s*$/.exec(lines[0] ?? '')?.[1];
  const closer = opener === '+++' ? /^\+\+\+\s*$/ : /^(---|\.\.\.)\s*$/;
  const front = opener ? lines.findIndex((l, k) => k > 0 && closer.test(l)) : -1;
  return { front, code: codeLines(lines.map((l, k) => (k <= front ? '' : l))) };
}

/** Control characters of content never reach the protocol stream (tab and newline stay), nor bidirectional overrides, which reorder what an editor shows. */
const clean = (text: string) => stripControl(text).replace(BIDI, '');

/** UTF-16 index of a 1-based column counted in code points, from `from`. */
function utf16Index(text: string, column: number, from = 0): number {
  let i = from;
  for (let c = 1; c < column && i < text.length; c++) {
    const code = text.charCodeAt(i);
    i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
  }
  return i;
}

const pathOf = (uri: string): string | undefined => {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
};
const uriOf = (path: string) => pathToFileURL(path).href;

/** The nearest folder at or above `start` with a glossary config file. */
export function nearestGlossary(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (CONFIG_FILES.some((f) => existsSync(join(dir, f)))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The glossary of a listing, its files not parsed before parsed on both cores (parse-pool.ts; a
 * large folder only): 15,000 files took 7.5 s of the server's start-up on one.
 */
export async function loadGlossary(dirs: string[], listing: SourceListing, before?: Glossary): Promise<Glossary> {
  const toParse = listing.entries.filter((e) => !Glossary.kept(e, before));
  const results = await parseEntries(toParse, true);
  return new Glossary(dirs, listing, before, new Map(results.map((r, i) => [(toParse[i] as SourceEntry).path, r])));
}

/** The articles of content folders, parsed from disk and from open buffers. */
export class Glossary {
  readonly byPath = new Map<string, SourceEntry>();
  parsed = new Map<string, ParseResult>();
  private resolvers = new Map<string, (link: { href: string; target: string }) => Resolved>();
  readonly linkOptions: LinkOptions;
  /** The corpus writes its links site-absolute (`/id`), as the bundled one does. */
  readonly usesSlash: boolean;
  private folded = new WeakMap<Article, string>();
  private byLang?: Map<string, Article[]>;

  /** Files parsed from an editor's buffer, not from disk. */
  readonly fromBuffer = new Set<string>();
  /** How many whole checks were made: another open article's problems may have changed with one. */
  wholeChecks = 0;

  /**
   * `before`: the glossary of an earlier listing, whose parses of files unchanged on disk are kept.
   * `parsedNow`: files parsed for it already (loadGlossary parses them on both cores).
   */
  constructor(
    readonly dirs: string[],
    readonly listing: SourceListing,
    before?: Glossary,
    parsedNow?: Map<string, ParseResult>,
  ) {
    for (const e of listing.entries) {
      this.byPath.set(e.path, e);
      this.parsed.set(e.path, parsedNow?.get(e.path) ?? (Glossary.kept(e, before) || parseEntry(e)));
    }
    this.linkOptions = siteLinkOptions(this.all(), listing.config?.sitePrefix, vaultPathOf(listing.config));
    this.usesSlash = this.all().some((a) => a.links.some((l) => l.href.startsWith('/')));
  }

  /** The earlier glossary's parse of a file unchanged on disk since (not one of an editor's buffer). */
  static kept(e: SourceEntry, before: Glossary | undefined): ParseResult | undefined {
    const old = before?.byPath.get(e.path);
    const same = old && !before?.fromBuffer.has(e.path) && stampKey(stampOf(old)) === stampKey(stampOf(e)) && old.id === e.id && old.lang === e.lang;
    return same ? before?.parsed.get(e.path) : undefined;
  }

  /** An article's id and title folded, for completion's matching (made once per parse). */
  foldedNames(a: Article): string {
    let f = this.folded.get(a);
    if (f === undefined) this.folded.set(a, (f = `${fold(a.id)}\n${fold(a.title)}`));
    return f;
  }

  all(): Article[] {
    const out: Article[] = [];
    for (const r of this.parsed.values()) if (r.kind === 'article') out.push(r.article);
    return out;
  }

  articles(lang: string): Article[] {
    if (!this.byLang) {
      this.byLang = new Map();
      for (const a of this.all()) {
        const list = this.byLang.get(a.lang);
        if (list) list.push(a);
        else this.byLang.set(a.lang, [a]);
      }
    }
    return this.byLang.get(lang) ?? [];
  }

  langs(): string[] {
    return [...new Set(this.listing.entries.map((e) => e.lang))];
  }

  /** The buffer's text as the article of `path`: only that file is parsed again. */
  update(path: string, text: string): void {
    const e = this.byPath.get(path);
    if (!e) return;
    const before = this.parsed.get(path);
    const after = parseArticle({ id: e.id, lang: e.lang, file: e.path, bytes: Buffer.from(text), dir: e.dir, keywordFields: e.keywordFields, vault: e.vault });
    this.parsed.set(path, after);
    this.fromBuffer.add(path);
    // Links resolve by ids and aliases: the resolver stays while they do (it answers by file, see resolve).
    const names = (r: ParseResult | undefined) => (r?.kind === 'article' ? JSON.stringify(r.article.aliases) : r?.kind);
    if (names(before) !== names(after)) this.resolvers.delete(e.lang);
    this.byLang = undefined;
  }

  article(path: string): Article | undefined {
    const r = this.parsed.get(path);
    return r?.kind === 'article' ? r.article : undefined;
  }

  resolver(lang: string) {
    let r = this.resolvers.get(lang);
    if (!r) {
      r = linkResolver(this.articles(lang), { ...this.linkOptions, otherLangs: this.langs().filter((l) => l !== lang) });
      this.resolvers.set(lang, r);
    }
    return r;
  }

  /** The last whole check: its problems by file, and what it knew of each article. */
  private whole?: { problems: Map<string, FileProblem[]>; names: Map<string, string>; articles: Map<string, Article>; resolvers: Map<string, { resolve: LinkResolver; others: Array<{ lang: string; resolve: (l: Article['links'][number]) => Resolved }> }> };
  /** A file whose links changed since the whole check: other files' `orphan` may have changed. */
  private linksChanged?: string;

  /** What of an article other files' checks see: all but its body and links. */
  private names(r: ParseResult | undefined): string {
    if (r?.kind !== 'article') return r?.kind ?? '';
    const a = r.article;
    return JSON.stringify([a.id, a.title, a.slug, a.aliases, a.keywords]);
  }

  /** Whether an edit's links changed since the whole check: other files' problems may differ. */
  othersMayDiffer(): boolean {
    return this.linksChanged !== undefined;
  }

  /** `check` over the whole corpus, as `glossary check` runs it (compile.ts's compileListing). */
  private checkWhole(): NonNullable<Glossary['whole']> {
    const found = compileListing(this.listing, { compile: false, parsed: this.parsed });
    const problems = new Map<string, FileProblem[]>();
    for (const p of found.problems) (problems.get(p.file) ?? (problems.set(p.file, []).get(p.file) as FileProblem[])).push(p);
    const names = new Map<string, string>();
    const articles = new Map<string, Article>();
    for (const [path, r] of this.parsed) {
      names.set(path, this.names(r));
      if (r.kind === 'article') articles.set(path, r.article);
    }
    const langs = this.langs();
    const own = new Map(langs.map((lang) => [lang, linkResolver(this.articles(lang), this.linkOptions)]));
    const resolvers = new Map(langs.map((lang) => [lang, {
      resolve: linkResolver(this.articles(lang), { ...this.linkOptions, otherLangs: langs.filter((l) => l !== lang) }),
      others: langs.filter((l) => l !== lang).map((l) => ({ lang: l, resolve: own.get(l) as (l: Article['links'][number]) => Resolved })),
    }]));
    this.linksChanged = undefined;
    this.wholeChecks++;
    return (this.whole = { problems, names, articles, resolvers });
  }

  /**
   * `check`'s problems for one file as its buffer reads. An edit that leaves the article's names
   * and keywords as they were re-checks this file alone: its own problems and its links, the rest
   * (duplicates, collisions, orphan, keyword spelling: what other files decide) as the last whole
   * check found them. An edit of the names, or a file rejected or accepted, checks the corpus again.
   */
  problems(path: string): FileProblem[] {
    const r = this.parsed.get(path);
    let whole = this.whole;
    const stale = !whole || whole.names.get(path) !== this.names(r) || (this.linksChanged !== undefined && this.linksChanged !== path);
    if (stale || !whole) whole = this.checkWhole();
    else if (r?.kind === 'rejected') return r.problems.map((p) => ({ ...p, file: path, lang: this.byPath.get(path)?.lang ?? '' }));
    if (stale || r?.kind !== 'article') return whole.problems.get(path) ?? [];
    const a = r.article;
    const before = whole.articles.get(path) as Article;
    const { resolve, others } = whole.resolvers.get(a.lang) as NonNullable<ReturnType<typeof whole.resolvers.get>>;
    const targets = (x: Article) => x.links.map((l) => resolve(l)).filter((t) => typeof t === 'object').map((t) => (t as Article).file).sort().join('\n');
    if (targets(a) !== targets(before)) this.linksChanged = path;
    const kept = whole.problems.get(path) ?? [];
    const of = (codes: string[]) => kept.filter((p) => codes.includes(p.code));
    const file = (p: Problem): FileProblem => ({ ...p, file: path, lang: a.lang });
    // In checkArticles' order, then by line as compileListing sorts (a stable sort).
    const list = [
      ...a.problems.map(file),
      ...of(['duplicate-id', 'duplicate-slug', 'alias-collision']),
      ...linkProblems(a, resolve, others, before).map(file),
      ...of(['orphan', 'keyword-spelling']),
    ];
    return list.sort((x, y) => (x.line ?? 0) - (y.line ?? 0));
  }

  /**
   * The links of `lang` whose meaning a rename of `article` to `newId` (its file `newFile`) would
   * change: each link as it will be written (`rewritten`: href -> new href, by linking file and
   * line), resolved among the articles as they will be, against what it resolves to now. A bare
   * name may come to mean another note (`[[Dobbelt]]` from Finans/, where Finans/Dobbelt.md is), a
   * link to another article this one. Only links that name the old or new id's last part, or are
   * rewritten, can change.
   */
  meaningChanges(article: Article, newId: string, newFile: string, newDir: string, rewritten: Map<string, string>): Array<{ from: Article; link: Article['links'][number]; now: Resolved; then: Resolved }> {
    const lang = article.lang;
    const renamed: Article = { ...article, id: newId, file: newFile };
    const after = this.articles(lang).map((a) => (a === article ? renamed : a));
    const resolveAfter = linkResolver(after, { ...this.linkOptions, otherLangs: this.langs().filter((l) => l !== lang) });
    // The resolver is kept while no article's names change, and answers with the articles it was
    // made from: an article parsed again since (its buffer closed and opened) is another object,
    // so what it answers is taken by its file (as resolve does). Compared as made, every link to a
    // reopened article read as a change of meaning, and every rename was refused.
    const cached = this.resolver(lang);
    const resolveNow = (link: { href: string; target: string }): Resolved => {
      const r = cached(link);
      return typeof r === 'object' ? this.article(r.file) ?? r : r;
    };
    const leaf = (id: string) => fold(id.slice(id.lastIndexOf('/') + 1));
    const names = new Set([leaf(article.id), leaf(newId)]);
    const out: Array<{ from: Article; link: Article['links'][number]; now: Resolved; then: Resolved }> = [];
    for (const from of this.articles(lang)) {
      // The renamed article's own links are read from where it will be, every one of them.
      const own = from === article;
      const dir = own ? newDir : this.byPath.get(from.file)?.dir ?? '';
      for (const link of from.links) {
        // By its line, or (a reference definition, read where it is used) by the file alone.
        const fresh = rewritten.get(`${from.file}\u0000${link.line}\u0000${link.href}`) ?? rewritten.get(`${from.file}\u0000*\u0000${link.href}`);
        const written = writtenTarget(link).replace(/[/#]+$/, '');
        if (fresh === undefined && !own && !names.has(leaf(written))) continue;
        const now = resolveNow(link);
        const href = fresh ?? link.href;
        const target = linkTarget(href, from === article ? newId : from.id, dir);
        const then = target === undefined ? undefined : resolveAfter({ href, target });
        const expected = now === article ? renamed : now;
        const changed = typeof now === 'object' ? then !== expected : typeof then === 'object' && then !== renamed;
        if (changed) out.push({ from, link, now, then: then === renamed ? article : then });
      }
    }
    return out;
  }

  resolve(from: Article, href: string): Article | undefined {
    const entry = this.byPath.get(from.file);
    const target = linkTarget(href, from.id, entry?.dir ?? '');
    if (target === undefined) return undefined;
    const r = this.resolver(from.lang)({ href, target });
    return typeof r === 'object' ? this.article(r.file) : undefined;
  }

  /** Every link to `target`: the linking article and the link. */
  backlinks(target: Article): Array<{ from: Article; link: Article['links'][number] }> {
    const out: Array<{ from: Article; link: Article['links'][number] }> = [];
    for (const a of this.articles(target.lang)) {
      for (const link of a.links) if (this.resolve(a, link.href) === target) out.push({ from: a, link });
    }
    return out;
  }
}

/**
 * Why an id would not be read back as an article's id (store/source.ts's listing rules), or
 * undefined: a README, an index page (a bundle is named by its folder), a template or hidden name.
 */
export function unreadId(id: string): string | undefined {
  const parts = id.split('/');
  const last = (parts.at(-1) as string).toLowerCase();
  if (parts.some((p) => p.startsWith('_'))) return 'a name that starts with "_" is a template';
  if (parts.some((p) => p.startsWith('.') || p === 'node_modules')) return 'a hidden folder or node_modules is not read';
  if (last === 'readme') return 'a README is about its folder, not a term';
  if (last === 'index') return 'an index.md is its folder\'s page (a bundle is named by its folder)';
  return undefined;
}

/** `href` with the id it spells (`/x`, `../x.md#y`, `l%C3%A5n`, any case) made `newId`; undefined when it does not spell it. */
export function renamedHref(href: string, oldId: string, newId: string): string | undefined {
  const replace = (whole: string, insert: string): string | undefined => {
    // In the path, not a heading or query after it (`/x#x-i-praksis`); the id as whole path
    // segments at its end, before `.md`, `/` or `/index.md` (`m.md` is not `m` + `.md`'s m).
    const cut = whole.search(/[#?]/);
    const text = cut < 0 ? whole : whole.slice(0, cut);
    const after = cut < 0 ? '' : whole.slice(cut);
    for (const old of [oldId, oldId.split('/').pop() as string]) {
      const escaped = old.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const m = new RegExp(`(^|/)(${escaped})((?:\\.md)?(?:/index\\.md)?/?)$`, 'iu').exec(text);
      if (!m) continue;
      const value = old === oldId ? insert : (insert.split('/').pop() as string);
      return text.slice(0, m.index + (m[1] as string).length) + value + (m[3] as string) + after;
    }
    return undefined;
  };
  const direct = replace(href, newId);
  if (direct !== undefined) return direct;
  let decoded: string;
  try {
    decoded = decodeURI(href);
  } catch {
    return undefined;
  }
  const fresh = decoded === href ? undefined : replace(decoded, newId);
  return fresh === undefined ? undefined : encodeURI(fresh);
}

/** Why a request's parameters are not as LSP defines them for its kind, or undefined. */
export function paramsProblem(params: unknown, shape: 'position' | 'document' | 'range' | 'query'): string | undefined {
  const p = params as { textDocument?: { uri?: unknown }; position?: { line?: unknown; character?: unknown }; range?: { start?: { line?: unknown; character?: unknown }; end?: { line?: unknown; character?: unknown } }; query?: unknown } | null;
  if (typeof p !== 'object' || p === null) return 'the parameters are missing';
  if (shape === 'query') return typeof p.query === 'string' ? undefined : 'query must be a string';
  if (typeof p.textDocument?.uri !== 'string') return 'textDocument.uri must be a string';
  const at = (x: { line?: unknown; character?: unknown } | undefined) => Number.isInteger(x?.line) && Number.isInteger(x?.character) && (x?.line as number) >= 0 && (x?.character as number) >= 0;
  if (shape === 'position' && !at(p.position)) return 'position must have a line and a character, whole numbers from 0';
  if (shape === 'range' && !(at(p.range?.start) && at(p.range?.end))) return 'range must have a start and an end, each a line and a character from 0';
  return undefined;
}

export async function runLsp(run: Run): Promise<ExitCode> {
  const require = createRequire(import.meta.url);
  const ls = require('vscode-languageserver/node') as typeof LS;
  const { TextDocument } = require('vscode-languageserver-textdocument') as typeof import('vscode-languageserver-textdocument');
  const connection = ls.createConnection(new ls.StreamMessageReader(process.stdin), new ls.StreamMessageWriter(process.stdout));
  const documents = new ls.TextDocuments(TextDocument);

  let settings: LspSettings = {};
  let markdown = false;
  let ctx: Context | undefined;
  let lang = '';
  let scanner: Scanner | undefined;
  let glossary: Glossary | undefined;
  let contentDirs: string[] = [];
  let renameFiles = false;
  /** Folded title and id of the corpus's articles by number, made on first need. */
  const foldedTitles: string[] = [];
  /** The terms of lines by their text, for the corpus in use (termsIn). */
  const lines = new Map<string, Array<Occurrence & { start: number; end: number }>>();
  const sendDiagnostics = (params: LS.PublishDiagnosticsParams) => {
    try {
      connection.sendDiagnostics(params).catch(() => undefined);
    } catch {
      /* the connection is closed */
    }
  };
  // The client may be gone (stdin closed while a refresh ran): a message then is dropped, not a crash.
  const log = (message: string) => {
    try {
      connection.console.info(`glossary: ${clean(message)}`);
    } catch {
      /* the connection is closed */
    }
  };

  // The corpus and the folder as they are now: looked at again (by the cache's own rules) at most
  // once a second, before a request is answered, so that an article changed, added, removed or
  // renamed on disk (by another editor, git, this server's own rename) is answered as it is now.
  // A file changed since the corpus was opened (StaleSourceError) makes it open again at once.
  // While the corpus cannot be opened (its config made invalid), nothing is answered from it.
  let state: 'starting' | 'running' | 'shut down' = 'starting';
  let corpusSums = '';
  let listingSig = '';
  let checkedAt = 0;
  let refreshing: Promise<void> | undefined;
  const fresh = (force = false): Promise<void> => {
    if (!force && Date.now() - checkedAt < REFRESH_MS) return Promise.resolve();
    refreshing ??= reopen(force).finally(() => {
      checkedAt = Date.now();
      refreshing = undefined;
    });
    return refreshing;
  };
  /** The corpus opened taken into use, and what is made of it. */
  async function adoptCorpus(opened: Opened): Promise<void> {
    corpusSums = corpusIdentity(opened);
    ctx = await run.context(opened);
    lang = langOf(ctx);
    scanner = new Scanner(ctx.corpus.scanIndex(lang));
    foldedTitles.length = 0;
    lines.clear();
  }
  /**
   * The folder's listing taken into use: unchanged files' parses kept, open buffers standing for
   * their files. `made`: its glossary made already (initialize parses on both cores).
   */
  function adoptListing(listing: SourceListing, made?: Glossary): Glossary {
    listingSig = listingSignature(listing);
    // While serving, parsed here and now: a parse that gave way to other messages (as parsing on
    // both cores does) let a document change that came after a request into the request's answer.
    const g = made ?? new Glossary(contentDirs, listing, glossary);
    for (const doc of documents.all()) {
      const path = pathOf(doc.uri);
      if (path && g.byPath.has(path)) g.update(path, doc.getText());
    }
    return (glossary = g);
  }
  async function reopen(force: boolean): Promise<void> {
    let changed = false;
    // Test-only: GLOSSARY_TEST_LSP_REFRESH=MS makes every refresh take MS longer (as a recompile of a
    // large folder does), so that a test can send an edit while one is under way.
    const slow = testSwitch('GLOSSARY_TEST_LSP_REFRESH');
    if (slow) await new Promise((done) => setTimeout(done, slow.min));
    try {
      const opened = await run.open({ force });
      if (corpusIdentity(opened) !== corpusSums || force || !ctx) {
        await adoptCorpus(opened);
        changed = true;
      }
    } catch (error) {
      if (ctx) log(`could not open the glossary again; nothing is answered from it until it can be: ${error instanceof Error ? error.message : String(error)}`);
      ctx = undefined;
      scanner = undefined;
      corpusSums = '';
      // Nor from the folder's last listing (definition, rename and symbols read it).
      glossary = undefined;
      listingSig = '';
      if (documents.all().length) for (const doc of documents.all()) later(doc);
      return;
    }
    if (contentDirs.length) {
      try {
        const listing = listSources(contentDirs);
        if (listingSignature(listing) !== listingSig || !glossary) {
          adoptListing(listing);
          changed = true;
        }
      } catch (error) {
        log(`could not list ${contentDirs.join(', ')}: ${error instanceof Error ? error.message : String(error)}`);
        glossary = undefined;
        listingSig = '';
        changed = true;
      }
    }
    if (changed) for (const doc of documents.all()) later(doc);
  }
  /** A request's handler, answered over the corpus as it is now. */
  const answer =
    <P, R>(f: (params: P) => R, shape?: 'position' | 'document' | 'range' | 'query') =>
    async (params: P): Promise<R> => {
      // As LSP wants: nothing before initialize (the corpus is not chosen yet), nothing after shutdown.
      if (state !== 'running') throw new ls.ResponseError(state === 'starting' ? ls.ErrorCodes.ServerNotInitialized : ls.ErrorCodes.InvalidRequest, state === 'starting' ? 'the server is not initialized: send initialize first' : 'the server is shutting down');
      // Parameters not as LSP defines them are InvalidParams, not an internal error with a TypeError's words.
      if (shape) {
        const problem = paramsProblem(params, shape);
        if (problem) throw new ls.ResponseError(ls.ErrorCodes.InvalidParams, problem);
      }
      // The document a request is about, as it was when the request came: a refresh that compiles
      // the folder again gives way to other messages, and an edit that came after the request
      // would reach its answer (positions of the text asked about, read in another). Then the
      // request is refused as LSP has it (ContentModified: the client asks again), not answered wrong.
      const uri = shape && shape !== 'query' ? (params as { textDocument: { uri: string } }).textDocument.uri : undefined;
      const version = uri === undefined ? undefined : documents.get(uri)?.version;
      const same = () => {
        if (uri !== undefined && documents.get(uri)?.version !== version) throw new ls.ResponseError(ls.LSPErrorCodes.ContentModified, 'the document changed while the glossary was being read again: ask again');
      };
      await fresh();
      same();
      try {
        return f(params);
      } catch (error) {
        if (!(error instanceof StaleSourceError || error instanceof DamagedCorpusError)) throw error;
        await fresh(true);
        same();
        return f(params);
      }
    };

  connection.onInitialize(async (params) => {
    // Once per session (LSP: a second initialize is an error; its settings would not be taken).
    if (state !== 'starting') throw new ls.ResponseError(ls.ErrorCodes.InvalidRequest, state === 'running' ? 'the server is initialized already' : 'the server is shutting down');
    settings = (params.initializationOptions ?? {}) as LspSettings;
    if (typeof settings !== 'object' || settings === null) settings = {};
    markdown = Boolean(params.capabilities.textDocument?.hover?.contentFormat?.includes('markdown'));
    renameFiles = Boolean(params.capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('rename'));
    // The corpus: --content or GLOSSARY_CONTENT; else the nearest folder of the workspace with a
    // glossary config file (glossary.json/.yaml/.yml), at or above its root; else the bundled one.
    contentDirs = run.contentDirs;
    if (contentDirs.length === 0) {
      const roots = [...(params.workspaceFolders ?? []).map((f) => f.uri), ...(params.rootUri ? [params.rootUri] : [])];
      for (const root of roots) {
        const path = pathOf(root);
        const found = path && nearestGlossary(path);
        if (found) {
          contentDirs = [found];
          run.global.content = [found];
          break;
        }
      }
    }
    try {
      await adoptCorpus(await run.open());
      // Nothing else is handled before initialize is answered: its files parsed on both cores.
      if (contentDirs.length) {
        const listing = listSources(contentDirs);
        adoptListing(listing, await loadGlossary(contentDirs, listing, glossary));
      }
    } catch (error) {
      // A folder that cannot be opened now (its glossary.json not valid): as while running, said in
      // the log and nothing answered from it until it can be. An error here ended the session for good.
      log(`could not open the glossary; nothing is answered from it until it can be: ${error instanceof Error ? error.message : String(error)}`);
      ctx = undefined;
      scanner = undefined;
      glossary = undefined;
      corpusSums = '';
      listingSig = '';
    }
    checkedAt = Date.now();
    state = 'running';
    const trigger = settings.completionTrigger;
    const triggers = new Set(['(', '/']);
    // Its last character, whole: an emoji's last UTF-16 unit alone is no character (a lone surrogate).
    if (typeof trigger === 'string' && trigger) triggers.add([...trigger].pop() as string);
    return {
      capabilities: {
        textDocumentSync: ls.TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [...triggers] },
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        renameProvider: true,
        codeActionProvider: true,
      },
      serverInfo: { name: 'glossary' },
    };
  });

  const lineOf = (doc: Doc, line: number) => doc.getText({ start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } }).replace(/(?:\r\n|\r|\n)$/, '');
  const articlePath = (uri: string) => {
    const path = pathOf(uri);
    return path && glossary?.byPath.has(path) ? path : undefined;
  };

  /** The terms in one line, with UTF-16 ranges; a very long line only around `around`. */
  function termsIn(line: string, lineNo: number, around?: number): Array<Occurrence & { start: number; end: number }> {
    if (!scanner) return [];
    let from = 0;
    let text = line;
    if (line.length > LONG_LINE) {
      if (around === undefined) return [];
      from = Math.max(0, around - 200);
      text = line.slice(from, around + 200);
    }
    // A whole line's terms are kept by its text: an edit scans again only the lines it changed.
    const cached = from === 0 ? lines.get(text) : undefined;
    if (cached) return cached.map((o) => ({ ...o, line: lineNo + 1 }));
    const found = scanner.feedPart(text, lineNo + 1, 1).map((o) => {
      const start = from + utf16Index(text, o.column);
      return { ...o, start, end: start + o.text.length };
    });
    if (from === 0 && text.length <= MAX_CACHED_LINE) {
      if (lines.size >= MAX_CACHED_LINES) lines.clear();
      lines.set(text, found);
    }
    return found;
  }

  const record = (n: number) => ctx?.corpus.record(lang, n);
  const lookupCommand = (name: string) => ['glossary', ...contentDirs.flatMap((d) => ['--content', d]), 'lookup', name].map(shellWord).join(' ');

  function firstSection(source: string, bodyStart: number): string {
    const lines = source.slice(bodyStart).split('\n');
    const out: string[] = [];
    for (const l of lines) {
      if (/^#{1,6}\s/.test(l) && out.some((x) => x.trim() !== '' && !/^#{1,6}\s/.test(x))) break;
      out.push(l);
    }
    const whole = out.join('\n').trim();
    const text = whole.length > 3000 ? whole.slice(0, 3000) + '…' : whole;
    // A fence left open (an article's, or one the cut left) closed: the rule and the command after
    // it were shown as code.
    const open = unclosedFence(text.split('\n'));
    return open === undefined ? text : `${text}\n${open}`;
  }

  /** Front matter is plain text: shown in Markdown as it reads, no markup, HTML or link made of it. */
  const plainMarkdown = (text: string) =>
    text
      .replace(/[\\`*_[\]<>|~&]/g, '\\$&')
      .replace(/^(\s*)([#>+-])/, '$1\\$2')
      .replace(/^(\s*\d+)([.)])/, '$1\\$2');

  connection.onHover(answer((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const line = lineOf(doc, params.position.line);
    const ch = params.position.character;
    const hit = termsIn(line, params.position.line, ch).find((o) => ch >= o.start && ch <= o.end);
    const r = hit && record(hit.n);
    if (!hit || !r) return null;
    const more = lookupCommand(r.name);
    const value = markdown
      ? `**${plainMarkdown(r.title)}**\n\n${plainMarkdown(r.description)}\n\n${firstSection(r.source, r.bodyStart)}\n\n---\n\`${more}\``
      : `${r.title}\n\n${r.description}\n\nMore: ${more}`;
    return {
      contents: { kind: markdown ? 'markdown' : 'plaintext', value: clean(value) },
      range: { start: { line: params.position.line, character: hit.start }, end: { line: params.position.line, character: hit.end } },
    };
  }, 'position'));

  const timers = new Map<string, NodeJS.Timeout>();
  /** Documents told of the cap on term diagnostics (once each). */
  const capped = new Set<string>();
  /** `check`'s problems of an open article as its buffer reads. */
  function articleProblems(g: Glossary, doc: Doc, path: string): void {
    const severity = { error: ls.DiagnosticSeverity.Error, warning: ls.DiagnosticSeverity.Warning, note: ls.DiagnosticSeverity.Information };
    // A link to the rest of the site is no problem in the editor (check counts them apart).
    const diagnostics = g.problems(path).filter((p) => p.code !== 'outside-link').map((p) => {
      const line = Math.max(0, (p.line ?? 1) - 1);
      return { range: { start: { line, character: 0 }, end: { line, character: lineOf(doc, line).length } }, severity: severity[p.severity], code: p.code, source: 'glossary check', message: clean(p.message) };
    });
    sendDiagnostics({ uri: doc.uri, diagnostics });
  }

  /** A file of the folder that check skips as no article: a page, notes. */
  const notATerm = (g: Glossary, path: string) => {
    const kind = g.parsed.get(path)?.kind;
    return kind === 'page' || kind === 'not-article';
  };

  function diagnose(doc: Doc): void {
    // Nothing is published before initialize is answered (LSP), nor after shutdown.
    if (state !== 'running') return;
    const path = articlePath(doc.uri);
    if (path && glossary) {
      const g = glossary;
      const checks = g.wholeChecks;
      g.update(path, doc.getText());
      // A file of the folder that is no article (a page, notes: what check skips as "not a term")
      // is any Markdown file to the editor: its terms are marked, as README promises, not nothing.
      // Its check is still made: an article that stops being one breaks the links to it, which the
      // other files' problems must show.
      if (notATerm(g, path)) {
        g.problems(path);
        diagnoseTerms(doc);
      } else articleProblems(g, doc, path);
      // Its names or links changed what other files' checks find (a link to an orphan, an alias
      // another file links by): the other open articles are told too, not only when edited.
      if (g.wholeChecks !== checks || g.othersMayDiffer()) {
        for (const other of documents.all()) {
          const otherPath = other.uri === doc.uri ? undefined : articlePath(other.uri);
          if (otherPath && !notATerm(g, otherPath)) articleProblems(g, other, otherPath);
        }
      }
      return;
    }
    diagnoseTerms(doc);
  }

  /** Each term found in a text that is no article, marked (with `termDiagnostics`). */
  function diagnoseTerms(doc: Doc): void {
    const mode = settings.termDiagnostics;
    if (!mode || doc.getText().length > MAX_SCAN_CHARS) {
      if (mode) log(`${doc.uri} is larger than 4 MB: no term diagnostics`);
      sendDiagnostics({ uri: doc.uri, diagnostics: [] });
      return;
    }
    const diagnostics: LS.Diagnostic[] = [];
    // Lines as the document counts them: CRLF, LF or a lone CR (a line end in LSP).
    const text = doc.getText().split(LINE_END);
    scanning: for (let i = 0; i < text.length; i++) {
      for (const o of termsIn(text[i] as string, i)) {
        if (diagnostics.length >= MAX_TERM_DIAGNOSTICS) {
          if (!capped.has(doc.uri)) log(`${doc.uri}: the first ${MAX_TERM_DIAGNOSTICS} terms are marked, the rest not (hover still shows any of them)`);
          capped.add(doc.uri);
          break scanning;
        }
        const r = record(o.n);
        diagnostics.push({
          range: { start: { line: i, character: o.start }, end: { line: i, character: o.end } },
          severity: mode === 'hint' ? ls.DiagnosticSeverity.Hint : ls.DiagnosticSeverity.Information,
          code: 'glossary-term',
          source: 'glossary',
          message: clean(r ? `${r.title}: ${r.description}` : o.text),
        });
      }
    }
    sendDiagnostics({ uri: doc.uri, diagnostics });
  }
  const later = (doc: Doc) => {
    clearTimeout(timers.get(doc.uri));
    timers.set(doc.uri, setTimeout(() => {
      timers.delete(doc.uri);
      // Over the folder as it is now (a rename this server made has moved a file since).
      void (state === 'running' ? fresh() : Promise.resolve()).then(() => {
        const current = documents.get(doc.uri);
        if (current) safely(() => diagnose(current));
      });
    }, 100));
  };
  const safely = (f: () => void) => {
    try {
      f();
    } catch (error) {
      log(`internal error: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  // Opening a document reports it as changed too: checked at once then, later after an edit.
  const openedAt = new Map<string, number>();
  documents.onDidOpen((e) => {
    openedAt.set(e.document.uri, e.document.version);
    safely(() => diagnose(e.document));
    // A file of the folder the last listing did not have (made, or renamed by this server's own
    // rename): the folder is looked at now, not at the next poll, and every open file checked again.
    const path = pathOf(e.document.uri);
    if (path?.endsWith('.md') && glossary && !glossary.byPath.has(path) && contentDirs.some((d) => isInside(resolve(d), path))) void fresh(true);
  });
  documents.onDidChangeContent((e) => {
    if (openedAt.get(e.document.uri) !== e.document.version) later(e.document);
  });
  documents.onDidClose((e) => {
    openedAt.delete(e.document.uri);
    const path = articlePath(e.document.uri);
    if (path && glossary) {
      const entry = glossary.byPath.get(path);
      if (entry) {
        glossary.parsed.set(path, parseEntry(entry));
        glossary.fromBuffer.delete(path);
      }
    }
    if (state === 'running') sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCompletion(answer((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !ctx) return null;
    const line = lineOf(doc, params.position.line);
    const ch = params.position.character;
    const before = line.slice(Math.max(0, ch - 200), ch);
    const range = (typed: string) => ({ start: { line: params.position.line, character: ch - typed.length }, end: params.position });
    const path = articlePath(doc.uri);
    const article = path && glossary?.article(path);
    if (path && glossary) {
      const entry = glossary.byPath.get(path) as SourceEntry;
      const link = /\]\(([^()\s]*)$/.exec(before);
      if (link) {
        // In angle brackets (`](<...>`), the brackets stay; what follows the cursor in the same
        // target is replaced too (completing at `](/a|ktie)` gave `/aktiektie`).
        const angled = (link[1] ?? '').startsWith('<');
        const typed = angled ? (link[1] ?? '').slice(1) : link[1] ?? '';
        const rest = (angled ? /^[^<>\n]*/ : /^[^()\s]*/).exec(line.slice(ch))?.[0] ?? '';
        const range = (t: string) => ({ start: { line: params.position.line, character: ch - t.length }, end: { line: params.position.line, character: ch + rest.length } });
        const want = fold(typed.replace(/^.*\//, '').replace(/\.md$/, ''));
        const items: LS.CompletionItem[] = [];
        for (const a of glossary.articles(entry.lang)) {
          if (want && !glossary.foldedNames(a).includes(want)) continue;
          // An id with control or bidirectional characters (from its file name) is not offered: written into the document, they would reorder or hide what it shows.
          if (clean(a.id) !== a.id) continue;
          // The corpus's own style (`/id`) where it resolves to the article, else a relative path.
          let href = `/${a.id}`;
          if (!glossary.usesSlash || (article && glossary.resolve(article, href) !== a)) href = relative(dirname(path), a.file).split(sep).join('/');
          items.push({ label: a.id, detail: clean(a.title), kind: ls.CompletionItemKind.File, filterText: `${typed}${a.id} ${clean(a.title)}`, textEdit: { range: range(typed), newText: href } });
          if (items.length >= MAX_ITEMS) break;
        }
        return { isIncomplete: items.length >= MAX_ITEMS, items };
      }
      const frontEnd = doc.getText().startsWith('---') ? doc.getText().indexOf('\n---', 3) : -1;
      if (frontEnd >= 0 && doc.offsetAt(params.position) <= frontEnd) {
        const lines = doc.getText().slice(0, doc.offsetAt(params.position)).split(LINE_END);
        const fields = ['keywords', 'tags', 'category', 'categories', ...(entry.keywordFields ?? [])];
        let field = '';
        for (let i = lines.length - 1; i >= 0; i--) {
          const m = /^([A-Za-z_-]+)\s*:/.exec(lines[i] as string);
          if (m) {
            field = (m[1] as string).toLowerCase();
            break;
          }
        }
        if (fields.includes(field)) {
          const typed = /[^\s,[\-"']*$/.exec(before)?.[0] ?? '';
          const keywords = new Set<string>();
          for (const a of glossary.articles(entry.lang)) for (const k of a.keywords) keywords.add(k);
          const items = [...keywords].filter((k) => !typed || fold(k).includes(fold(typed))).slice(0, MAX_ITEMS)
            .map((k) => ({ label: clean(k), kind: ls.CompletionItemKind.Keyword, textEdit: { range: range(typed), newText: clean(k) } }));
          return { isIncomplete: false, items };
        }
      }
    }
    const trigger = settings.completionTrigger;
    if (typeof trigger !== 'string' || !trigger) return null;
    const at = before.lastIndexOf(trigger);
    if (at < 0) return null;
    const typed = before.slice(at + trigger.length);
    if (typed.length > 60 || /[\]\n]/.test(typed)) return null;
    const want = fold(typed);
    const items: LS.CompletionItem[] = [];
    for (const [id, name, title, n] of ctx.corpus.list(lang)) {
      if (want && !(foldedTitles[n] ??= `${fold(title)}\n${fold(id)}`).includes(want)) continue;
      items.push({ label: clean(title), detail: clean(id), kind: ls.CompletionItemKind.Text, data: name, textEdit: { range: range(typed), newText: clean(title) } });
      if (items.length >= MAX_ITEMS) break;
    }
    return { isIncomplete: items.length >= MAX_ITEMS, items };
  }, 'position'));

  const location = (a: Article): LS.Location => ({ uri: uriOf(a.file), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });

  /** The article a position names: a link's target, or (`self`) the article itself. */
  function targetAt(uri: string, position: LS.Position, self: boolean): { article: Article; from?: Article; link?: ReturnType<typeof linkAt> } | undefined {
    const doc = documents.get(uri);
    const path = articlePath(uri);
    if (!doc || !path || !glossary) return undefined;
    const from = glossary.article(path);
    if (!from) return undefined;
    const line = lineOf(doc, position.line);
    const link = linkAt(line, position.character);
    if (link) {
      const a = glossary.resolve(from, link.href);
      return a ? { article: a, from, link } : undefined;
    }
    // A reference link (`[tekst][ref]`, `[ref][]`, `[ref]`): the article its definition leads to.
    const byReference = referenceAt(doc, line, position.character);
    const referred = byReference === undefined ? undefined : glossary.resolve(from, byReference);
    if (referred) return { article: referred, from };
    return self ? { article: from } : undefined;
  }

  /**
   * The address of the reference definition the link at `character` uses, if it is one and the
   * document defines it: read by the parser's own rules (markup.ts inlineLinks), none in code.
   */
  function referenceAt(doc: Doc, line: string, character: number): string | undefined {
    for (const m of line.matchAll(REFERENCE_USE)) {
      const start = m.index as number;
      if (m[1] || character < start || character > start + m[0].length) continue;
      const lines = doc.getText().split(LINE_END);
      return referenceDefinitions(lines, codeLines(lines)).get(referenceLabel(m[3] || m[2] || ''));
    }
    return undefined;
  }

  connection.onDefinition(answer((params) => {
    const hit = targetAt(params.textDocument.uri, params.position, false);
    return hit ? location(hit.article) : null;
  }, 'position'));

  /** An article's text as the editor has it: its open buffer, else the file as parsed. */
  const textOf = (a: Article) => documents.get(uriOf(a.file))?.getText() ?? a.source;

  /**
   * Every link target written in an article's text that the parser reads as a link (on that line,
   * to that address: not in front matter, a comment or code): its line (from 0), the line, the span.
   */
  function spansOf(a: Article): Array<{ i: number; line: string; span: LinkSpan }> {
    const lines = textOf(a).split(LINE_END);
    // The front matter as the parser read it (a fence in a YAML block scalar opens no code block).
    const body = lines.map((l, k) => (k < a.bodyLine - 1 ? '' : l));
    const code = codeLines(body);
    // Comments, scripts and styles as spaces: the parser reads no link there (`<!-- [a](/x) --> [b](/x)`).
    const hidden = hiddenHtml(body, code);
    const shown = (line: string, i: number) => (hidden[i] as Array<[number, number]>).reduce((text, [start, end]) => text.slice(0, start) + ' '.repeat(end - start) + text.slice(end), line);
    const read = new Set(a.links.map((l) => `${l.line}\u0000${l.href}`));
    // A reference definition is read where the link that uses it stands (`[jv][ref]`).
    const defined = new Set(a.links.map((l) => l.href));
    const isLink = (span: LinkSpan, i: number) => read.has(`${i + 1}\u0000${span.href}`) || (span.kind === 'definition' && defined.has(span.href));
    return lines.flatMap((line, i) => (code[i] ? [] : linkSpans(shown(line, i)).filter((span) => isLink(span, i)).map((span) => ({ i, line, span }))));
  }

  /** A link found in an article's text: where, its target as the parser reads it, and as written. */
  interface FoundLink {
    from: Article;
    uri: string;
    range: LS.Range;
    href: string;
    written: string;
    kind: LinkSpan['kind'] | 'line';
  }

  /**
   * Every link to `target` where it is written, found again in the text of each article that links
   * to it: each written target that resolves to it (inline, a reference definition, a wikilink),
   * outside code. `missed`: links the parser read that no written target was found for (a syntax
   * these cannot place): a rename would leave them broken; references give their whole line.
   */
  function linksTo(target: Article): { found: FoundLink[]; missed: Array<{ from: Article; line: number }> } {
    const found: FoundLink[] = [];
    const missed: Array<{ from: Article; line: number }> = [];
    if (!glossary) return { found, missed };
    const byFrom = new Map<Article, Array<Article['links'][number]>>();
    for (const b of glossary.backlinks(target)) (byFrom.get(b.from) ?? (byFrom.set(b.from, []).get(b.from) as Array<Article['links'][number]>)).push(b.link);
    for (const [from, links] of byFrom) {
      const uri = uriOf(from.file);
      // Each link the parse read is one the spans rewrite: one on its line with its address, or a
      // reference definition of it (read where it is used). By address alone, an `<a href>` beside
      // a Markdown link of the same address on one line went unseen, and a rename left it broken.
      const onLine = new Map<string, number>();
      const defined = new Set<string>();
      for (const { i, line, span } of spansOf(from)) {
        if (glossary.resolve(from, span.href) !== target) continue;
        if (span.kind === 'definition') defined.add(span.href);
        else onLine.set(`${i + 1}\u0000${span.href}`, (onLine.get(`${i + 1}\u0000${span.href}`) ?? 0) + 1);
        found.push({ from, uri, range: { start: { line: i, character: span.start }, end: { line: i, character: span.end } }, href: span.href, written: line.slice(span.start, span.end), kind: span.kind });
      }
      const covered = (l: Article['links'][number]) => {
        const key = `${l.line}\u0000${l.href}`;
        const left = onLine.get(key) ?? 0;
        if (left > 0) onLine.set(key, left - 1);
        return left > 0 || defined.has(l.href);
      };
      const unseen = links.filter((l) => !covered(l));
      const lines = unseen.length ? textOf(from).split(LINE_END) : [];
      for (const l of unseen) {
        missed.push({ from, line: l.line });
        // A link written otherwise (`<a href>`, a site's macro): references give its whole line.
        const line = lines[l.line - 1] ?? '';
        found.push({ from, uri, range: { start: { line: l.line - 1, character: 0 }, end: { line: l.line - 1, character: line.length } }, href: l.href, written: line, kind: 'line' });
      }
    }
    return { found, missed };
  }

  connection.onReferences(answer((params) => {
    const hit = targetAt(params.textDocument.uri, params.position, true);
    if (!hit || !glossary) return null;
    const refs = linksTo(hit.article).found.map(({ uri, range }) => ({ uri, range }));
    return params.context.includeDeclaration ? [location(hit.article), ...refs] : refs;
  }, 'position'));

  connection.onDocumentSymbol(answer((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const lines = doc.getText().split(LINE_END);
    const { front, code } = frontAndCode(lines);
    const out: LS.DocumentSymbol[] = [];
    lines.forEach((l, i) => {
      if (i <= front || code[i]) return;
      const m = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(l);
      if (!m) return;
      const range = { start: { line: i, character: 0 }, end: { line: i, character: l.length } };
      out.push({ name: clean(m[2] as string), detail: m[1], kind: ls.SymbolKind.String, range, selectionRange: range });
    });
    return out;
  }, 'document'));

  connection.onWorkspaceSymbol(answer((params) => {
    const want = fold(params.query);
    const out: LS.SymbolInformation[] = [];
    const add = (name: string, a: { file: string; title: string }) => {
      if (out.length < 500 && (!want || fold(name).includes(want))) out.push({ name: clean(name), kind: ls.SymbolKind.File, location: location(a as Article), containerName: clean(a.title) });
    };
    if (glossary) {
      for (const a of glossary.all()) {
        add(a.title, a);
        for (const alias of a.aliases) add(alias, a);
      }
    } else if (ctx) {
      // The bundled glossary's files are named from the package (`content/x.md`), not from the
      // workspace: a client jumping to one made an empty file of that name in the user's project.
      const fileOf = (n: number) => {
        const file = record(n)?.file;
        if (!file) return undefined;
        const path = isAbsolute(file) ? file : join(dirname(resolve(run.bundledContent)), file);
        return existsSync(path) ? path : undefined;
      };
      for (const d of ctx.corpus.docs(lang, ctx.corpus.list(lang).map((e) => e[3]))) {
        const file = fileOf(d.n);
        if (!file) continue;
        add(d.title, { file, title: d.title });
        for (const alias of d.aliases) add(alias, { file, title: d.title });
      }
    }
    return out;
  }, 'query'));

  connection.onRenameRequest(answer((params) => {
    const hit = targetAt(params.textDocument.uri, params.position, true);
    if (!hit || !glossary) return null;
    const { article } = hit;
    const newId = params.newName.trim().replace(/\.md$/, '').normalize('NFC');
    if (!/^[\p{L}\p{N}_][\p{L}\p{N}._-]*(?:\/[\p{L}\p{N}_][\p{L}\p{N}._-]*)*$/u.test(newId)) {
      throw new ls.ResponseError(ls.ErrorCodes.InvalidParams, `"${clean(newId).slice(0, 60)}" is not an article id: use letters, digits, - and _ (a/b for a sub-folder)`);
    }
    // A file name is at most 255 bytes (NAME_MAX): a longer one no editor can rename the file to.
    if (newId.split('/').some((part) => Buffer.byteLength(`${part}.md`) > 255)) {
      throw new ls.ResponseError(ls.ErrorCodes.InvalidParams, `"${clean(newId).slice(0, 60)}…" is too long for a file name (255 bytes with .md): choose a shorter id`);
    }
    const refused = unreadId(newId);
    if (refused) throw new ls.ResponseError(ls.ErrorCodes.InvalidParams, `"${newId}" would not be read as an article: ${refused}; choose another id`);
    if (glossary.articles(article.lang).some((a) => a !== article && a.id.toLowerCase() === newId.toLowerCase())) {
      throw new ls.ResponseError(ls.LSPErrorCodes.RequestFailed, `an article with the id "${newId}" exists already: choose another id`);
    }
    // Links rewritten and the file not renamed would all be broken: nothing, and why.
    if (!renameFiles) throw new ls.ResponseError(ls.LSPErrorCodes.RequestFailed, 'this editor does not rename files as part of a rename (workspace edit resourceOperations): rename the file by hand, and the links to it');
    // The folder the article's id is counted from: its file's folder, up one for each folder of the id
    // (path by path: a name written decomposed, as macOS writes it, is longer than its id).
    // A file named with its language (Hugo's `aktie.da.md`, a bundle's `index.da.md`) keeps it: a
    // flat file's name is its id's last part and an ending.
    const name = basename(article.file).normalize('NFC');
    const bundle = isBundle(name, article.id);
    const ending = bundle ? '' : name.slice(article.id.length - article.id.lastIndexOf('/') - 1);
    let root = dirname(bundle ? dirname(article.file) : article.file);
    for (let i = 1; i < article.id.split('/').length; i++) root = dirname(root);
    const oldPath = bundle ? dirname(article.file) : article.file;
    const newPath = join(root, bundle ? newId : `${newId}${ending}`);
    if (!existsSync(dirname(newPath))) throw new ls.ResponseError(ls.LSPErrorCodes.RequestFailed, `there is no folder ${clean(relative(root, dirname(newPath)))} for "${newId}": make it first, then rename`);
    if (existsSync(newPath)) throw new ls.ResponseError(ls.LSPErrorCodes.RequestFailed, `${clean(relative(root, newPath))} exists already: choose another id`);
    const { found, missed } = linksTo(article);
    // Into another folder, a link written relative to a file's folder (`x.md`, `../x`) would lead
    // elsewhere, or to another article of that name (a second hostile pass): such a rename is
    // refused, unless every link to the article and from it is written from the root (`/id`).
    if (dirname(newPath) !== dirname(oldPath)) {
      const relativeLink = (href: string) => !href.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('#');
      // (A wikilink names a file wherever it is: it is rewritten with the folder, or needs nothing.)
      const inbound = found.find((l) => l.kind !== 'wiki' && relativeLink(l.href));
      const outbound = spansOf(article).find(({ span }) => span.kind !== 'wiki' && relativeLink(span.href) && glossary?.resolve(article, span.href));
      if (inbound) throw new ls.ResponseError(ls.LSPErrorCodes.RequestFailed, `the link "${clean(inbound.href).slice(0, 60)}" on line ${inbound.range.start.line + 1} of ${clean(relative(root, inbound.from.file))} is written from its own folder: a rename into another folder would break it; write it from the root (/${clean(article.id)}), or rename within the folder`);
      if (outbound) throw new ls.ResponseError(ls.LSPErrorCodes.RequestFailed, `the article's link "${clean(outbound.span.href).slice(0, 60)}" on line ${outbound.i + 1} is written from its folder: moved, it would lead elsewhere; write it from the root, or rename within the folder`);
    }
    const first = missed[0];
    if (first) throw new ls.ResponseError(ls.LSPErrorCodes.RequestFailed, `the link to it on line ${first.line} of ${clean(relative(root, first.from.file))} is written in a way the rename cannot rewrite: change it by hand, or rename by hand`);
    // A bundle's folder holding other articles (node/networking in node/) would move them too, and
    // the links to them are not rewritten.
    // So would a translation named by its file (Hugo's `aktie/index.en.md`), of any language.
    const inside = bundle ? glossary.all().find((a) => a !== article && a.file.startsWith(dirname(article.file) + sep)) : undefined;
    if (inside) throw new ls.ResponseError(ls.LSPErrorCodes.RequestFailed, `${clean(relative(root, inside.file))} is in the folder of ${clean(article.id)}: the rename would move it too, and the links to it are not rewritten; move it out first, or rename by hand`);
    const edits = new Map<string, LS.TextEdit[]>();
    const rewritten = new Map<string, string>();
    for (const link of found) {
      const fresh = renamedHref(link.written, article.id, newId);
      if (fresh === undefined) throw new ls.ResponseError(ls.LSPErrorCodes.RequestFailed, `the link "${clean(link.written).slice(0, 60)}" on line ${link.range.start.line + 1} of ${clean(relative(root, link.from.file))} does not spell the id: change it by hand, or rename by hand`);
      (edits.get(link.uri) ?? (edits.set(link.uri, []).get(link.uri) as LS.TextEdit[])).push({ range: link.range, newText: fresh });
      const href = renamedHref(link.href, article.id, newId);
      if (href !== undefined) rewritten.set(`${link.from.file}\u0000${link.kind === 'definition' ? '*' : link.range.start.line + 1}\u0000${link.href}`, href);
    }
    // No link may come to mean anything else than it does: refused, with the first that would.
    const newFile = bundle ? join(newPath, basename(article.file)) : newPath;
    const newDir = bundle ? newId : newId.includes('/') ? newId.slice(0, newId.lastIndexOf('/')) : '';
    const changed = glossary.meaningChanges(article, newId, newFile, newDir, rewritten)[0];
    if (changed) {
      const what = (r: Resolved) => (typeof r === 'object' ? (r === article ? `the article renamed` : clean(r.id)) : r === 'outside' ? 'a page outside the glossary' : 'nothing');
      throw new ls.ResponseError(ls.LSPErrorCodes.RequestFailed, `renamed to "${clean(newId)}", the link "${clean(writtenTarget(changed.link)).slice(0, 60)}" on line ${changed.link.line} of ${clean(relative(root, changed.from.file))} would lead to ${what(changed.then)} instead of ${what(changed.now)}: choose another id, or write that link with its folder`);
    }
    // The file first: a client whose rename fails (Neovim 0.7 when the folder is missing) then
    // changes no link. The renamed article's own links are edited at its new address.
    const renamedUri = uriOf(article.file);
    const newUri = uriOf(bundle ? join(newPath, basename(article.file)) : newPath);
    const documentChanges: Array<LS.TextDocumentEdit | LS.RenameFile> = [{ kind: 'rename', oldUri: uriOf(oldPath), newUri: uriOf(newPath) }];
    // An open document's edits carry the version they were made against (a client refuses them when
    // it has moved on); the renamed file's are at its new address, which no version names yet.
    for (const [uri, list] of edits) documentChanges.push({ textDocument: { uri: uri === renamedUri ? newUri : uri, version: uri === renamedUri ? null : documents.get(uri)?.version ?? null }, edits: list });
    return { documentChanges };
  }, 'position'));

  connection.onCodeAction(answer((params) => {
    const doc = documents.get(params.textDocument.uri);
    const path = pathOf(params.textDocument.uri);
    if (!doc || !path || !contentDirs.some((d) => isInside(resolve(d), path))) return null;
    // A link is Markdown: not offered in a commit message or a text file that happens to be in the folder.
    if (doc.languageId !== 'markdown' && !/\.(md|markdown)$/i.test(path)) return null;
    const actions: LS.CodeAction[] = [];
    const { start, end } = params.range;
    // Not in front matter (YAML, not Markdown) nor in a code block.
    const lines = doc.getText().split(LINE_END);
    const { front, code } = frontAndCode(lines);
    for (let i = start.line; i <= end.line && i < start.line + 50; i++) {
      if (i <= front || code[i]) continue;
      const line = lineOf(doc, i);
      // Nor in a link (its text or address, a wikilink) or a code span: a link in a link is none.
      const inLink = taken(line);
      for (const o of termsIn(line, i, start.character)) {
        if ((i === start.line && o.end < start.character) || (i === end.line && o.start > end.character)) continue;
        if (inLink.some(([a, b]) => o.start < b && o.end > a)) continue;
        const r = record(o.n);
        if (!r || resolve(r.file) === path) continue;
        const from = glossary?.article(path);
        const target = glossary?.all().find((a) => a.file === r.file);
        let href = relative(dirname(path), r.file).split(sep).join('/');
        if (from && target && glossary?.resolve(from, `/${target.id}`) === target && from.links.some((l) => l.href.startsWith('/'))) href = `/${target.id}`;
        actions.push({
          title: `Add a link to the glossary: ${clean(r.title)}`,
          kind: ls.CodeActionKind.QuickFix,
          edit: { changes: { [doc.uri]: [{ range: { start: { line: i, character: o.start }, end: { line: i, character: o.end } }, newText: `[${o.text}](${href})` }] } },
        });
      }
    }
    return actions;
  }, 'range'));

  // Changes on disk while the editor asks nothing (git, another editor) reach the open documents'
  // diagnostics too: the folder is looked at every few seconds (a stat per file, by the cache's rules).
  connection.onShutdown(() => {
    // Before initialize it is refused as any request is: a session shut down then could never start.
    if (state === 'starting') throw new ls.ResponseError(ls.ErrorCodes.ServerNotInitialized, 'the server is not initialized: send initialize first');
    state = 'shut down';
  });
  setInterval(() => {
    if (state === 'running' && documents.all().length > 0) void fresh();
  }, 3 * REFRESH_MS).unref();

  // Completion's folded names made once, after start-up, rather than in the first request.
  connection.onInitialized(() => {
    setImmediate(() => safely(() => {
      if (ctx) for (const [id, , title, n] of ctx.corpus.list(lang)) foldedTitles[n] ??= `${fold(title)}\n${fold(id)}`;
      if (glossary) for (const a of glossary.all()) glossary.foldedNames(a);
    }));
  });
  documents.listen(connection);
  return new Promise<ExitCode>((resolveCode) => {
    // The client is gone: stdin closed, or the `exit` notification (the library exits then). The
    // library's watch of the client's process (initialize's processId, every 3 s) would keep this
    // one running after stdin closed while that process lives: it is left to end by itself, or
    // ended shortly after.
    const done = (code: ExitCode) => {
      resolveCode(code);
      setTimeout(() => process.exit(code), 200).unref();
    };
    process.stdin.on('end', () => done(ExitCode.ok));
    process.stdin.on('close', () => done(ExitCode.ok));
    connection.onExit(() => done(ExitCode.ok));
    connection.listen();
  });
}
