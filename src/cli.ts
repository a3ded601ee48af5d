// The CLI edge: commander program, colour and width decided once, typed errors -> exit codes.
// Only this file touches process, the terminal and the environment.
import { Command, CommanderError, Option } from 'commander';
import { delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context, Output } from './context.js';
import { ExitCode, GlossaryError, UsageError } from './errors.js';
import { CorpusReader } from './store/compiled.js';
import { VERSION } from './version.js';
import { loadTheme, plainTheme } from './render/theme.js';

const MAX_AUTO_WIDTH = 100;

export interface Io {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdout: Output & { isTTY?: boolean; columns?: number };
  stderr: Output & { isTTY?: boolean };
}

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

const EXAMPLES: Record<string, string[]> = {
  lookup: ['glossary lookup strategisk-alliance', 'glossary lookup "Strategisk Alliance" --width 60', 'glossary lookup organisk vækst --json', 'glossary lookup -- -nonregistered-account'],
  search: ['glossary search alliance', 'glossary search vaekst --limit 5', 'glossary search fusion --json'],
  list: ['glossary list', 'glossary list --keyword business', 'glossary list --json | jq length'],
  keywords: ['glossary keywords', 'glossary keywords --json'],
  links: ['glossary links strategisk-alliance', 'glossary links jointventure --json'],
  backlinks: ['glossary backlinks jointventure', 'glossary backlinks organisk-vaekst --json'],
  related: ['glossary related fusion', 'glossary related aktieselskab --limit 5'],
  check: ['glossary check', 'glossary check ./my-articles --strict', 'glossary check ./my-articles --json'],
};

function examples(name: string): string {
  const lines = EXAMPLES[name];
  return lines ? `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n` : '';
}

export function buildProgram(io: Io, finish: (text: string) => void): Command {
  const program = new Command('glossary');
  const state: { ctx?: Context } = {};
  const global = () => program.opts<{ content?: string[]; lang?: string; color: boolean; debug?: boolean; refresh?: boolean }>();
  const context = (): Context => {
    if (state.ctx) return state.ctx;
    const opts = global();
    const tty = Boolean(io.stdout.isTTY);
    const envContent = io.env['GLOSSARY_CONTENT'];
    const contentDirs = opts.content?.length ? opts.content : envContent ? envContent.split(delimiter).filter(Boolean) : [];
    const bundled = fileURLToPath(new URL('./corpus/', import.meta.url));
    let reader: CorpusReader | undefined;
    const ctx: Context = {
      out: io.stdout,
      err: io.stderr,
      tty,
      color: colorWanted(io.env, tty, opts.color),
      errColor: colorWanted(io.env, Boolean(io.stderr.isTTY), opts.color),
      theme: plainTheme,
      width: autoWidth(io),
      contentDirs,
      bundledContent: fileURLToPath(new URL('../content/', import.meta.url)),
      note: (message) => io.stderr.write(`glossary: ${message}\n`),
      current: async () => true,
      corpus: () => {
        if (reader) return reader;
        if (contentDirs.length === 0) return (reader = new CorpusReader(bundled));
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
  const run = (fn: (ctx: Context) => Promise<string> | string) => async () => {
    const ctx = context();
    ctx.theme = await loadTheme(ctx.color);
    if (ctx.contentDirs.length) await openContentCorpus(ctx, io, Boolean(global().refresh));
    finish(await fn(ctx));
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
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  program
    .command('lookup')
    .description('show one article: by id, slug, alias or title, or the clear best fuzzy match')
    .argument('<term...>', 'what to look up; words are joined with spaces')
    .option('-w, --width <n>', 'wrap at n columns (default: the terminal width, at most 100)')
    .option('--raw', "print the article's Markdown source")
    .option('--json', 'print the article as JSON')
    .addHelpText('after', examples('lookup'))
    .action(async (terms: string[], opts) => run(async (ctx) => (await import('./commands/lookup.js')).lookup(ctx, terms, opts))());

  program
    .command('search')
    .description('fuzzy search over titles, aliases, keywords and descriptions (Danish-aware)')
    .argument('<query...>', 'words to search for; æ/ø/å may be typed as ae/oe/aa')
    .option('-n, --limit <n>', 'show at most n hits', '10')
    .option('-w, --width <n>', 'cut lines at n columns')
    .option('--json', 'print the hits as JSON')
    .addHelpText('after', examples('search'))
    .action(async (words: string[], opts) => run(async (ctx) => (await import('./commands/search.js')).runSearch(ctx, words, opts))());

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

  return program;
}

/** Tells bin/glossary.js not to keep this run's code cache (see there). */
function markHeavyRun(): void {
  (globalThis as { __glossaryHeavyRun?: boolean }).__glossaryHeavyRun = true;
}

async function openContentCorpus(ctx: Context, io: Io, refresh: boolean): Promise<void> {
  const { openContent, cacheRoot } = await import('./store/cache.js');
  const { unchanged } = await import('./store/source.js');
  const opened = await openContent(ctx.contentDirs, cacheRoot(io.env), Date.now(), refresh);
  if (opened.compiled) markHeavyRun();
  // Said once, when the folder is compiled: what was left out and why. A clean corpus compiles quietly.
  const { meta } = opened.reader;
  if (opened.compiled && meta.skipped) {
    for (const s of opened.reader.report().skipped) ctx.note(`skipped ${s.file}: ${s.reason}`);
    ctx.note(`${meta.skipped} of ${meta.files} files skipped: see glossary check ${ctx.contentDirs.join(' ')}`);
  }
  ctx.corpus = () => opened.reader;
  ctx.current = async (record) => {
    if (!record.stamp || unchanged(record.file, record.stamp[0], record.stamp[1])) return true;
    const again = await openContent(ctx.contentDirs, cacheRoot(io.env), Date.now(), true);
    ctx.corpus = () => again.reader;
    return false;
  };
}

/** Runs the CLI; returns the exit code. Never throws. */
export async function main(io: Io): Promise<number> {
  let output = '';
  const program = buildProgram(io, (text) => (output = text));
  const debug = io.argv.includes('--debug');
  try {
    if (io.argv.length <= 2) {
      io.stdout.write(program.helpInformation());
      return ExitCode.ok;
    }
    await program.parseAsync(io.argv);
    io.stdout.write(output);
    return ExitCode.ok;
  } catch (error) {
    // What a command produced before it failed (check's report) still goes out, before the error.
    if (output) io.stdout.write(output);
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return ExitCode.ok;
      return ExitCode.usage;
    }
    if (error instanceof GlossaryError) {
      // One line: the message, then hints after semicolons.
      io.stderr.write(`glossary: ${[error.message, ...error.details].join('; ')}\n`);
      if (debug && error.stack) io.stderr.write(error.stack + '\n');
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`glossary: internal error: ${message.split('\n')[0]}${debug ? '' : ' (run with --debug for details)'}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr.write(error.stack + '\n');
    return ExitCode.internal;
  }
}

/** Entry point of bin/glossary.js: wires the process in, sets the exit code. */
export function run(): void {
  // `glossary list | head -1`: the reader went away; stop quietly, as other Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  void main({ argv: process.argv, env: process.env, stdout: process.stdout, stderr: process.stderr }).then((code) => {
    process.exitCode = code;
  });
}
