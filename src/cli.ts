// The CLI edge: commander program, colour and width decided once, typed errors -> exit codes.
// Only this file touches process, the terminal and the environment.
import { Command, CommanderError } from 'commander';
import { delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseWidth, type Context, type Output } from './context.js';
import { AmbiguousError, ContentError, ExitCode, GlossaryError, UsageError } from './errors.js';
import type { ArticleRecord, SearchDoc } from './corpus/compile.js';
import { tty } from './edge/builtins.js';
import { choosePager, page, type PagerChoice } from './edge/pager.js';
import { DamagedCorpusError, StaleSourceError, type CorpusReader } from './store/compiled.js';
import { openBundled } from './store/bundled.js';
import { VERSION } from './version.js';
import { loadTheme, plainTheme } from './render/theme.js';
import { escapeLine, sanitize } from './render/sanitize.js';
import { progressLine, silentProgress } from './progress.js';

export { manPage } from './man.js';

const MAX_AUTO_WIDTH = 100;

export interface Io {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdin?: { isTTY?: boolean };
  stdout: Output & { isTTY?: boolean; columns?: number; rows?: number };
  stderr: Output & { isTTY?: boolean };
  /** stderr as it is, for the progress line's cursor controls (set by main when it is a terminal). */
  terminalErr?: Output & { columns?: number };
}

/** How many skipped files a compile names before it points to `glossary check`. */
const SKIPPED_NAMED = 5;

function colorWanted(env: NodeJS.ProcessEnv, tty: boolean, flag: boolean): boolean {
  if (!flag) return false;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  return tty;
}

function autoWidth(io: Io): number {
  const columns = io.stdout.isTTY ? io.stdout.columns : Number(io.env['COLUMNS']);
  if (!columns || !Number.isFinite(columns) || columns <= 0) return 80;
  return Math.max(10, Math.min(MAX_AUTO_WIDTH, Math.floor(columns)));
}

export const EXAMPLES: Record<string, string[]> = {
  lookup: ['glossary lookup strategisk-alliance', 'glossary lookup "Strategisk Alliance" --width 60', 'glossary lookup organisk vækst --json', 'glossary lookup -- -nonregistered-account'],
  search: ['glossary search alliance', 'glossary search vaekst --limit 5', 'glossary search fusion --json'],
  list: ['glossary list', 'glossary list --keyword business', 'glossary list --json | jq length'],
  keywords: ['glossary keywords', 'glossary keywords --json'],
  random: ['glossary random', 'glossary random --keyword "Types of Corporations"'],
  links: ['glossary links strategisk-alliance', 'glossary links jointventure --json'],
  backlinks: ['glossary backlinks jointventure', 'glossary backlinks organisk-vaekst --json'],
  related: ['glossary related fusion', 'glossary related aktieselskab --limit 5'],
  completion: ['glossary completion bash', 'source <(glossary completion bash)'],
  check: ['glossary check', 'glossary check ./my-articles --strict', 'glossary check ./my-articles --json'],
};

function examples(name: string): string {
  const lines = EXAMPLES[name];
  return lines ? `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n` : '';
}

/**
 * What a command prints: text (sanitised at the edge), bytes to pass through unchanged, or an
 * article, which goes through the pager on a terminal when it is taller than the screen.
 */
export type CommandOutput = string | { verbatim: string } | { article: string; record: ArticleRecord; page?: boolean };

export function buildProgram(io: Io, finish: (output: CommandOutput) => void): Command {
  const program = new Command('glossary');
  const state: { ctx?: Context } = {};
  const global = () => program.opts<{ content?: string[]; lang?: string; color: boolean; debug?: boolean; refresh?: boolean }>();
  const context = (): Context => {
    if (state.ctx) return state.ctx;
    const opts = global();
    const tty = Boolean(io.stdout.isTTY);
    const envContent = io.env['GLOSSARY_CONTENT'];
    const contentDirs = opts.content?.length ? opts.content : envContent ? envContent.split(delimiter).filter(Boolean) : [];
    let reader: CorpusReader | undefined;
    const ctx: Context = {
      tty,
      color: colorWanted(io.env, tty, opts.color),
      theme: plainTheme,
      width: autoWidth(io),
      contentDirs,
      bundledContent: fileURLToPath(new URL('../content/', import.meta.url)),
      note: (message) => io.stderr.write(`glossary: ${message}\n`),
      progress: (label) => (io.terminalErr ? progressLine(io.terminalErr, `glossary: ${escapeLine(label)}`) : silentProgress),
      // Read only when a prompt is possible: finding out loads node:tty.
      get stdinTty() {
        return Boolean(io.stdin?.isTTY);
      },
      current: async () => true,
      corpus: () => {
        if (reader) return reader;
        if (contentDirs.length === 0) return (reader = openBundled());
        throw new Error('content folders are opened before the command runs');
      },
      lang: (allowAll = false) => {
        const langs = ctx.corpus().meta.langs.map((l) => l.lang);
        const wanted = (opts.lang ?? io.env['GLOSSARY_LANG'] ?? '').trim().toLowerCase();
        if (wanted === '') return langs.slice(0, 1);
        if (wanted === 'all') {
          if (!allowAll) throw new UsageError('--lang all works with search, list and keywords; pick one language to look a term up');
          return langs;
        }
        if (!langs.includes(wanted)) throw new UsageError(`no language "${wanted}" in this corpus: it has ${langs.join(', ')}`);
        return [wanted];
      },
    };
    return (state.ctx = ctx);
  };
  const run = (fn: (ctx: Context) => Promise<CommandOutput> | CommandOutput) => async () => {
    const ctx = context();
    ctx.theme = await loadTheme(ctx.color);
    if (ctx.contentDirs.length === 0) return finish(await fn(ctx));
    await openContentCorpus(ctx, io, { force: Boolean(global().refresh) });
    try {
      finish(await fn(ctx));
    } catch (error) {
      // An article file changed after the folder was compiled (records read their source from
      // the files), or a cache file did not check out: compile again and run the command once more.
      if (error instanceof StaleSourceError) await openContentCorpus(ctx, io, { force: true });
      else if (error instanceof DamagedCorpusError) await openContentCorpus(ctx, io, { rebuild: true });
      else throw error;
      finish(await fn(ctx));
    }
  };

  program
    .name('glossary')
    .description('Danish business and finance terms in the terminal: look up, search and browse a Markdown glossary.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--content <dir>', 'use this folder of Markdown articles instead of the bundled corpus (repeatable; env GLOSSARY_CONTENT)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--lang <code>', 'language of the corpus to use (env GLOSSARY_LANG; "all" for search and list)')
    .option('--refresh', 'check every file of a --content folder for changes now (large folders are checked every 10 s)')
    .option('--no-color', 'plain text, no colours (also NO_COLOR)')
    .option('--debug', 'print stack traces of errors')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(sanitize(s, false)),
      writeErr: (s) => io.stderr.write(s),
      // commander's usage errors, in the tool's one-line form: `glossary: unknown command 'x'; (Did you mean list?)`.
      outputError: (s, write) => write(`glossary: ${s.replace(/^error: /, '').trim().replace(/\s*\n\s*/g, '; ')}\n`),
    });

  program
    .command('lookup')
    .description('show one article: by id, slug, alias or title, or the clear best fuzzy match')
    .argument('<term...>', 'what to look up; words are joined with spaces')
    .option('-w, --width <n>', 'wrap at n columns (default: the terminal width, at most 100)')
    .option('--raw', "print the article's Markdown source")
    .option('--json', 'print the article as JSON')
    .option('--no-pager', 'never page, even when the article is taller than the terminal')
    .option('--browse', 'on a terminal: follow the numbered links (type a number), b back, q quit')
    .addHelpText('after', examples('lookup'))
    .action(async (terms: string[], opts) =>
      run(async (ctx) => {
        const { lookup, present } = await import('./commands/lookup.js');
        let out: CommandOutput;
        try {
          out = await lookup(ctx, terms, opts);
        } catch (error) {
          // Several candidates and no clear winner: on a terminal, offer them to pick from.
          if (!(error instanceof AmbiguousError && interactive(ctx) && error.candidates.length > 1)) throw error;
          const [lang] = ctx.lang() as [string];
          const chosen = await pickArticle(ctx, error.candidates.map((doc) => ({ doc, lang })), `Which article did you mean by "${terms.join(' ')}"?`);
          out = await present(ctx, chosen, opts);
        }
        if (typeof out === 'object' && 'article' in out) {
          out.page = opts.pager !== false;
          if (opts.browse && interactive(ctx)) return browse(io, ctx, out, opts.pager !== false, opts.width ? parseWidth(opts.width) : ctx.width);
        }
        return out;
      })(),
    );

  program
    .command('search')
    .description('fuzzy search over titles, aliases, keywords and descriptions (Danish-aware)')
    .argument('<query...>', 'words to search for; æ/ø/å may be typed as ae/oe/aa')
    .option('-n, --limit <n>', 'show at most n hits', '10')
    .option('-w, --width <n>', 'cut lines at n columns')
    .option('--json', 'print the hits as JSON')
    .option('--pick', 'on a terminal: choose a hit (arrow keys, a number, or type to filter) and show it')
    .option('--no-pager', 'with --pick: never page the chosen article')
    .addHelpText('after', examples('search'))
    .action(async (words: string[], opts) =>
      run(async (ctx) => {
        const { runSearch, searchHits } = await import('./commands/search.js');
        if (!opts.pick || !interactive(ctx)) return runSearch(ctx, words, opts);
        const chosen = await pickArticle(ctx, searchHits(ctx, words, opts), 'Show which article?');
        const { renderRecord } = await import('./commands/lookup.js');
        return { article: await renderRecord(ctx, chosen, ctx.width), record: chosen, page: opts.pager !== false };
      })(),
    );

  program
    .command('random')
    .description('show a random article, for learning a term a day')
    .option('-k, --keyword <keyword>', 'draw among the articles with this keyword')
    .option('--no-pager', 'never page')
    .addHelpText('after', examples('random'))
    .action(async (opts) =>
      run(async (ctx) => ({ ...(await (await import('./commands/lookup.js')).randomArticle(ctx, opts.keyword, Math.random)), page: opts.pager !== false }))(),
    );

  program
    .command('list')
    .description('list articles by title (Danish order), optionally those with one keyword')
    .option('-k, --keyword <keyword>', 'only articles with this keyword (case and accents ignored)')
    .option('--json', 'print the list as JSON')
    .addHelpText('after', examples('list'))
    .action(async (opts) => run(async (ctx) => (await import('./commands/list.js')).runList(ctx, opts))());

  program
    .command('keywords')
    .description('list every keyword with its number of articles')
    .option('--json', 'print the keywords as JSON')
    .addHelpText('after', examples('keywords'))
    .action(async (opts) => run(async (ctx) => (await import('./commands/list.js')).runKeywords(ctx, opts))());

  program
    .command('links')
    .description('the articles this one links to; links to missing articles are marked')
    .argument('<term...>', 'the article, as for lookup')
    .option('--json', 'print the links as JSON')
    .addHelpText('after', examples('links'))
    .action(async (terms: string[], opts) => run(async (ctx) => (await import('./commands/graph.js')).runLinks(ctx, terms, opts))());

  program
    .command('backlinks')
    .description('the articles that link to this one')
    .argument('<term...>', 'the article, as for lookup')
    .option('--json', 'print the backlinks as JSON')
    .addHelpText('after', examples('backlinks'))
    .action(async (terms: string[], opts) => run(async (ctx) => (await import('./commands/graph.js')).runBacklinks(ctx, terms, opts))());

  program
    .command('related')
    .description('articles ranked by shared keywords and links in both directions')
    .argument('<term...>', 'the article, as for lookup')
    .option('-n, --limit <n>', 'show at most n articles', '10')
    .option('--json', 'print them as JSON')
    .addHelpText('after', examples('related'))
    .action(async (terms: string[], opts) => run(async (ctx) => (await import('./commands/graph.js')).runRelated(ctx, terms, opts))());

  program
    .command('check')
    .description('lint a corpus (the bundled one, or --content, or the folders given): errors, warnings, a summary')
    .argument('[dir...]', 'content folders to check')
    .option('--strict', 'fail on warnings too')
    .option('--json', 'print the whole report as JSON')
    .addHelpText('after', `${examples('check')}\nErrors: unparsable or non-YAML front matter, missing or empty title, duplicate id or slug,\nalias collisions, invalid UTF-8. Warnings: links to missing articles, articles nothing links to,\na keyword spelled two ways, links to the article itself, HTML entities or markup in front matter.\nExit 0 with only warnings (6 with --strict), 6 with errors.\n`)
    .action(async (dirs: string[], opts) => {
      const ctx = context();
      markHeavyRun();
      ctx.theme = await loadTheme(ctx.color);
      const { runCheck, CheckFailed } = await import('./commands/check.js');
      const result = runCheck(ctx, dirs, opts, process.cwd());
      finish(result.text);
      if (result.failed) throw new CheckFailed(`check failed: ${result.summary}`);
    });

  program
    .command('completion')
    .description('print a shell completion script (bash, zsh or fish)')
    .argument('<shell>', 'bash, zsh or fish')
    .addHelpText('after', `${examples('completion')}\nbash: add  source <(glossary completion bash)  to ~/.bashrc\nzsh:  add  source <(glossary completion zsh)   to ~/.zshrc\nfish: glossary completion fish > ~/.config/fish/completions/glossary.fish\n`)
    .action(async (shell: string) => finish((await import('./commands/completion.js')).completionScript(shell)));

  // Asked by the completion scripts (answered in main, before commander parses); not in --help.
  program.command('__complete', { hidden: true });

  return program;
}

const VALUE_OPTIONS = { '--keyword': 'keyword', '-k': 'keyword', '--content': 'dir', '--lang': 'lang', '--width': 'other', '-w': 'other', '--limit': 'other', '-n': 'other' } as const;
const ARTICLE_COMMANDS = new Set(['lookup', 'links', 'backlinks', 'related']);

/** Commands and options for completion, read from the commander definitions themselves. */
function completionModel(program: Command) {
  const flags = (c: Command) => c.options.flatMap((o) => [o.long, o.short].filter((f): f is string => Boolean(f)));
  return {
    commands: program.commands.filter((c) => !c.name().startsWith('_')).map((c) => ({ name: c.name(), options: flags(c), takesArticle: ARTICLE_COMMANDS.has(c.name()) })).concat([{ name: 'help', options: [], takesArticle: false }]),
    globalOptions: [...flags(program), '--help', '--version'],
    valueOptions: VALUE_OPTIONS,
  };
}

/** Names, keywords and languages of the corpus the completed command line would use. */
async function completionData(io: Io, words: string[]) {
  const dirs = words.flatMap((w, i) => (w === '--content' && words[i + 1] ? [words[i + 1] as string] : []));
  const envDirs = io.env['GLOSSARY_CONTENT']?.split(delimiter).filter(Boolean) ?? [];
  const at = words.indexOf('--lang');
  const lang = (at >= 0 ? words[at + 1] : undefined) ?? io.env['GLOSSARY_LANG'];
  let reader: CorpusReader | undefined;
  try {
    const content = dirs.length ? dirs : envDirs;
    if (content.length) {
      const { openContent, cacheRoot } = await import('./store/cache.js');
      reader = (await openContent(content, cacheRoot(io.env))).reader;
    } else reader = openBundled();
  } catch {
    reader = undefined;
  }
  const langs = reader?.meta.langs.map((l) => l.lang) ?? [];
  const chosen = lang && langs.includes(lang) ? lang : langs[0];
  return {
    names: () => (reader && chosen ? [...new Set(reader.list(chosen).flatMap(([id, name]) => [name, id]))] : []),
    keywords: () => (reader && chosen ? reader.language(chosen).keywords.map(([k]) => k) : []),
    langs: () => [...langs, 'all'],
  };
}

/** Prompts only when both ends are a terminal: never in a pipe, a script or CI. */
function interactive(ctx: Context): boolean {
  return ctx.tty && ctx.stdinTty;
}

/** Offers articles (from any language) to pick from; the chosen one's record. */
async function pickArticle(ctx: Context, choices: Array<{ doc: SearchDoc; lang: string }>, message: string): Promise<ArticleRecord> {
  const { pick, PickCancelled } = await import('./edge/picker.js');
  try {
    const i = await pick(choices.map((c) => c.doc), message);
    const chosen = choices[i] as { doc: SearchDoc; lang: string };
    return ctx.corpus().record(chosen.lang, chosen.doc.n);
  } catch (error) {
    if (error instanceof PickCancelled) throw new GlossaryError('cancelled', ExitCode.cancelled);
    throw error;
  }
}

/** Writes an article: through the pager when wanted and it is taller than the screen, else plain. */
async function writeArticle(io: Io, text: string, pager: boolean, color: boolean): Promise<void> {
  const choice = pager ? pagerFor(io, text) : undefined;
  if (choice && (await page(text, choice))) return;
  if (choice) io.stderr.write(`glossary: the pager "${choice.command}" could not run; printing instead (set PAGER, or use --no-pager)\n`);
  io.stdout.write(sanitize(text, color));
}

/** The reader of --browse: numbered links followed by number, b back, q quit. */
async function browse(io: Io, ctx: Context, first: { article: string; record: ArticleRecord }, pager: boolean, width: number): Promise<string> {
  const { askNext } = await import('./edge/browse.js');
  const { numberLinks } = await import('./render/article.js');
  const { renderRecord } = await import('./commands/lookup.js');
  const history: ArticleRecord[] = [];
  let current = first;
  for (;;) {
    await writeArticle(io, current.article, pager, ctx.color);
    const targets = [...new Map([...numberLinks(current.record).values()].map((r) => [r.n, r.to])).entries()].sort((a, b) => a[0] - b[0]);
    const next = await askNext(targets.length, history.length > 0);
    if (next === 'quit') return '';
    let record: ArticleRecord;
    if (next === 'back') record = history.pop() as ArticleRecord;
    else {
      const to = targets[next.follow - 1]?.[1];
      const found = to ? ctx.corpus().names(current.record.lang, '=' + to.id)[0] : undefined;
      if (!found) continue;
      history.push(current.record);
      record = ctx.corpus().record(current.record.lang, found[0]);
    }
    current = { article: await renderRecord(ctx, record, width), record };
  }
}

/** The pager for an article on a terminal, when the article is taller than the screen. */
function pagerFor(io: Io, text: string): PagerChoice | undefined {
  if (!io.stdout.isTTY || text.split('\n').length < (io.stdout.rows ?? 24)) return undefined;
  return choosePager(io.env);
}

/** Tells bin/glossary.js not to keep this run's code cache (see there). */
function markHeavyRun(): void {
  (globalThis as { __glossaryHeavyRun?: boolean }).__glossaryHeavyRun = true;
}

async function openContentCorpus(ctx: Context, io: Io, options: { force?: boolean; rebuild?: boolean }): Promise<void> {
  const { openContent, cacheRoot } = await import('./store/cache.js');
  const { unchanged } = await import('./store/source.js');
  const progress = ctx.progress(`compiling ${ctx.contentDirs.join(', ')}`);
  const opened = await openContent(ctx.contentDirs, cacheRoot(io.env), { ...options, progress }).finally(() => progress.end());
  if (opened.compiled) markHeavyRun();
  for (const note of opened.notes) ctx.note(note);
  // Said once, when the folder is compiled: what was left out and why, in a few lines however many
  // files it is (the full list is check's). A clean corpus compiles quietly.
  const { meta } = opened.reader;
  if (opened.compiled && meta.skipped) {
    const skipped = opened.reader.report().skipped;
    for (const s of skipped.slice(0, SKIPPED_NAMED)) ctx.note(`skipped ${s.file}: ${s.reason}`);
    const more = skipped.length - SKIPPED_NAMED;
    ctx.note(`${meta.skipped} of ${meta.files} files skipped${more > 0 ? ` (${more} more not named here)` : ''}: see glossary check ${ctx.contentDirs.join(' ')}`);
  }
  const articles = meta.langs.reduce((sum, l) => sum + l.count, 0);
  if (articles === 0) throw new ContentError(`no articles in ${ctx.contentDirs.join(', ')}: ${meta.skipped} of ${meta.files} files skipped (see glossary check ${ctx.contentDirs.join(' ')})`);
  ctx.corpus = () => opened.reader;
  ctx.current = async (record) => {
    if (!record.stamp || unchanged(record.file, record.stamp[0], record.stamp[1])) return true;
    const again = await openContent(ctx.contentDirs, cacheRoot(io.env), { force: true });
    ctx.corpus = () => again.reader;
    return false;
  };
}

/** Runs the CLI; returns the exit code. Never throws. */
export async function main(given: Io): Promise<number> {
  // The one final pass: nothing from content or arguments reaches the terminal as a control
  // character. stderr is never styled; stdout keeps only the SGR colours the tool added itself,
  // when colour is on. Only --raw to a pipe passes bytes through (CommandOutput.verbatim).
  const color = colorWanted(given.env, Boolean(given.stdout.isTTY), !given.argv.includes('--no-color'));
  const io: Io = { ...given, terminalErr: given.stderr.isTTY ? given.stderr : undefined, stderr: Object.assign(Object.create(given.stderr) as Io['stderr'], { write: (s: string) => given.stderr.write(escapeLine(s)) }) };
  let output: CommandOutput = '';
  const write = async () => {
    if (typeof output === 'string') given.stdout.write(sanitize(output, color));
    else if ('verbatim' in output) given.stdout.write(output.verbatim);
    else await writeArticle(io, output.article, Boolean(output.page), color);
  };
  const program = buildProgram(io, (text) => (output = text));
  const debug = io.argv.includes('--debug');
  try {
    // Completion asks with the words of a command line, which may hold --help or --version:
    // they are answered here, before commander would act on them.
    if (io.argv[2] === '__complete') {
      const [cword = '0', ...words] = io.argv.slice(3);
      const { complete } = await import('./commands/completion.js');
      given.stdout.write(complete(completionModel(program), await completionData(io, words), words, Number(cword)).join('\n') + '\n');
      return ExitCode.ok;
    }
    if (io.argv.length <= 2) {
      given.stdout.write(program.helpInformation());
      return ExitCode.ok;
    }
    await program.parseAsync(io.argv);
    await write();
    return ExitCode.ok;
  } catch (error) {
    // What a command produced before it failed (check's report) still goes out, before the error.
    if (output) await write();
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return ExitCode.ok;
      return ExitCode.usage;
    }
    if (error instanceof GlossaryError) {
      // One line: the message, then hints after semicolons.
      io.stderr.write(`glossary: ${[error.message, ...error.details].join('; ')}\n`);
      if (debug && error.stack) given.stderr.write(sanitize(error.stack, false) + '\n');
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`glossary: internal error: ${message.split('\n')[0]}${debug ? '' : ' (run with --debug for details)'}\n`);
    if (debug && error instanceof Error && error.stack) given.stderr.write(sanitize(error.stack, false) + '\n');
    return ExitCode.internal;
  }
}

/** Entry point of bin/glossary.js: wires the process in, sets the exit code. */
export function run(): void {
  // `glossary list | head -1`: the reader went away; stop quietly, as other Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`glossary: cannot write the output (${error.code ?? error.message})\n`);
    process.exit(ExitCode.internal);
  });
  // isatty(0), not process.stdin: creating the stdin stream costs start-up that only prompts need.
  void main({ argv: process.argv, env: process.env, stdin: { get isTTY() { return tty().isatty(0); } }, stdout: process.stdout, stderr: process.stderr }).then((code) => {
    process.exitCode = code;
  });
}
