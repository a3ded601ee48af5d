// The edge: commander built from the command table, the terminal decision, opening the corpus,
// running a command (pure: it returns what to print), then prompts, the pager and writing, and
// errors turned into one line and an exit code. With edge/ and store/, the only code that reads,
// writes or asks.
import { Command, CommanderError } from 'commander';
import { delimiter, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localeLanguages } from './corpus/languages.js';
import { checkCommandFor, chooseLangs, contentDirsOf, defaultLangs, wantedLangOf, type Context, type Highlighter, type Output, type Result } from './context.js';
import { ContentError, ExitCode, GlossaryError } from './errors.js';
import { COMMANDS, GLOBAL_OPTIONS, PROGRAM, completionModel, helpAfter, type CommandSpec } from './commands/table.js';
import { tty } from './edge/builtins.js';
import { openCorpus, type Opened } from './edge/corpus.js';
import { choosePager, page } from './edge/pager.js';
import { DamagedCorpusError, StaleSourceError } from './store/compiled.js';
import { VERSION } from './version.js';
import { plainTheme, type Theme } from './render/theme.js';
import { escapeLine, sanitize } from './render/sanitize.js';
import { progressLine, silentProgress, type Progress } from './progress.js';
import { decideTerminal, type TerminalDecision } from './terminal.js';

export { manPage } from './man.js';

export interface Io {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdin?: { isTTY?: boolean };
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number; rows?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
}

interface GlobalOptions {
  content?: string[];
  lang?: string;
  color: boolean;
  debug?: boolean;
  refresh?: boolean;
}

/** What commander parsed: the command and its arguments and options. */
interface Parsed {
  spec: CommandSpec;
  args: unknown[];
  options: Record<string, unknown>;
}

/** commander, built from the table; it only parses (and prints help), the actions record what it found. */
function buildProgram(io: Io, found: (parsed: Parsed) => void): Command {
  const program = new Command(PROGRAM.name).description(PROGRAM.description).version(VERSION, '-V, --version', 'print the version');
  for (const o of GLOBAL_OPTIONS) {
    if (o.flags.startsWith('--content')) program.option(o.flags, o.description, (v: string, prev: string[] = []) => [...prev, v]);
    else program.option(o.flags, o.description);
  }
  program
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(sanitize(s, false)),
      writeErr: (s) => io.stderr.write(s),
      // commander's usage errors, in the tool's one-line form: `glossary: unknown command 'x'; (Did you mean list?)`.
      outputError: (s, write) => write(`glossary: ${s.replace(/^error: /, '').trim().replace(/\s*\n\s*/g, '; ')}\n`),
    });
  for (const spec of COMMANDS) {
    const command = program.command(spec.name).description(spec.description);
    for (const a of spec.args) command.argument(a.required ? `<${a.name}${a.variadic ? '...' : ''}>` : `[${a.name}${a.variadic ? '...' : ''}]`, a.description);
    for (const o of spec.options) command.option(o.flags, o.description, o.default);
    command.addHelpText('after', helpAfter(spec));
    command.action((...given: unknown[]) => {
      // commander passes the arguments, then the options, then the command.
      const args = given.slice(0, spec.args.length);
      found({ spec, args, options: given[spec.args.length] as Record<string, unknown> });
    });
  }
  return program;
}

/** Tells bin/glossary.js not to keep this run's code cache (see there). */
function markHeavyRun(): void {
  (globalThis as { __glossaryHeavyRun?: boolean }).__glossaryHeavyRun = true;
}

async function loadHighlighter(): Promise<Highlighter> {
  return (await import('./edge/highlight.js')).loadHighlighter();
}

async function themeFor(color: boolean): Promise<Theme> {
  return color ? (await import('./render/styled.js')).makeTheme(true) : plainTheme;
}

/** A run of one command: the terminal decision, the corpus, the writing. */
class Run {
  constructor(
    readonly io: Io,
    /** stderr for messages: one line each, control characters escaped (made once, in main). */
    readonly stderr: { write(text: string): unknown },
    readonly global: GlobalOptions,
    readonly terminal: TerminalDecision,
  ) {}

  note(message: string): void {
    this.stderr.write(`glossary: ${message}\n`);
  }

  progress(label: string): Progress {
    return this.io.stderr.isTTY ? progressLine(this.io.stderr, `glossary: ${escapeLine(label)}`) : silentProgress;
  }

  get contentDirs(): string[] {
    return contentDirsOf(this.global.content, this.io.env, delimiter);
  }

  async open(options: { force?: boolean; rebuild?: boolean } = {}): Promise<Opened> {
    const dirs = this.contentDirs;
    const progress = dirs.length ? this.progress(`compiling ${dirs.join(', ')}`) : silentProgress;
    try {
      const opened = await openCorpus(dirs, this.io.env, { ...options, progress });
      if (opened.compiled) markHeavyRun();
      for (const n of opened.notes) this.note(n);
      return opened;
    } catch (error) {
      if (error instanceof ContentError) for (const n of error.notes) this.note(n);
      throw error;
    } finally {
      progress.end();
    }
  }

  async context(opened: Opened): Promise<Context> {
    return {
      color: this.terminal.color,
      theme: await themeFor(this.terminal.color),
      tty: Boolean(this.io.stdout.isTTY),
      interactive: this.terminal.interactive,
      width: this.terminal.width,
      corpus: opened.corpus,
      wantedLang: wantedLangOf(this.global.lang, this.io.env),
      localeLangs: localeLanguages(this.io.env),
      loadHighlighter,
      random: Math.random,
      checkCommand: checkCommandFor(this.contentDirs),
    };
  }

  /** Runs a command over the corpus; once more on a fresh compile if its files changed or were damaged. */
  async corpusCommand(spec: Extract<CommandSpec, { kind: 'corpus' }>, args: unknown[], options: Record<string, unknown>): Promise<void> {
    let ctx = await this.context(await this.open({ force: Boolean(this.global.refresh) }));
    let result: Result;
    try {
      result = await spec.run(ctx, args, options);
    } catch (error) {
      const content = this.contentDirs.length > 0;
      if (content && error instanceof StaleSourceError) ctx = await this.context(await this.open({ force: true }));
      else if (content && error instanceof DamagedCorpusError) ctx = await this.context(await this.open({ rebuild: true }));
      else throw error;
      result = await spec.run(ctx, args, options);
    }
    await this.finish(ctx, result);
  }

  async check(args: unknown[], options: Record<string, unknown>): Promise<void> {
    markHeavyRun();
    const given = (args[0] as string[] | undefined) ?? [];
    const targets = given.length ? given : this.contentDirs.length ? this.contentDirs : [fileURLToPath(new URL('../content/', import.meta.url))];
    const [{ compileListing }, { listSources }, { checkReport }] = await Promise.all([import('./store/compilation.js'), import('./store/source.js'), import('./commands/check.js')]);
    const progress = this.progress(`checking ${targets.join(', ')}`);
    let found;
    try {
      found = compileListing(listSources(targets), { compile: false, onProgress: progress.update });
    } finally {
      progress.end();
    }
    const cwd = process.cwd();
    const show = (file: string) => {
      const rel = relative(cwd, file);
      return rel.startsWith('..') ? file : rel;
    };
    const result = checkReport({ targets, ...found }, options, await themeFor(this.terminal.color), show);
    await this.write(result.output);
    for (const n of result.notes) this.note(n);
    this.exitCode = result.exitCode;
  }

  exitCode: ExitCode = ExitCode.ok;

  /** scan: the texts read a line at a time; --annotate's text written as it comes. */
  async scan(args: unknown[], options: Record<string, unknown>): Promise<void> {
    const { scanInputs } = await import('./edge/input.js');
    const inputs = scanInputs((args[0] as string[] | undefined) ?? [], () => process.stdin);
    const ctx = await this.context(await this.open({ force: Boolean(this.global.refresh) }));
    const { runScan } = await import('./commands/scan.js');
    const result = await runScan(ctx, inputs, options, (text) => this.io.stdout.write(sanitize(text, this.terminal.color)));
    await this.finish(ctx, result);
  }

  /** A command's result: a pick or the reader on a terminal, notes, the output, the exit code. */
  async finish(ctx: Context, first: Result): Promise<void> {
    let result = first;
    for (const n of result.notes) this.note(n);
    if (result.pick) {
      const { pickArticle } = await import('./edge/interact.js');
      const { presentResult } = await import('./commands/lookup.js');
      const record = await pickArticle(ctx, result.pick.candidates, result.pick.prompt);
      result = await presentResult(ctx, record, result.pick.present);
    }
    const output = result.output;
    if (result.browse && output && 'article' in output) {
      const { browse } = await import('./edge/interact.js');
      await browse(ctx, output.record, output.article, result.browse.width, (text) => this.write({ ...output, article: text }));
    } else {
      await this.write(output);
    }
    this.exitCode = result.exitCode;
  }

  /** Writes an output: an article through the pager when wanted and taller than the screen. */
  async write(output: Output | undefined): Promise<void> {
    if (!output) return;
    const { stdout } = this.io;
    if ('verbatim' in output) {
      stdout.write(output.verbatim);
      return;
    }
    if ('article' in output) {
      const tall = output.page && stdout.isTTY && output.article.split('\n').length >= (stdout.rows ?? 24);
      const pager = tall ? choosePager(this.io.env) : undefined;
      if (pager && (await page(output.article, pager))) return;
      if (pager) this.note(`the pager "${pager.command}" could not run; printing instead (set PAGER, or use --no-pager)`);
      stdout.write(sanitize(output.article, this.terminal.color));
      return;
    }
    // The one final pass: nothing from content or arguments reaches the terminal as a control
    // character; stdout keeps only the SGR colours the tool added itself, when colour is on.
    stdout.write(sanitize(output.text, this.terminal.color));
  }
}

/** Names, keywords and languages of the corpus the completed command line would use. */
async function completionData(io: Io, words: string[]) {
  const given = words.flatMap((w, i) => (w === '--content' && words[i + 1] ? [words[i + 1] as string] : []));
  const at = words.indexOf('--lang');
  let corpus: Opened['corpus'] | undefined;
  try {
    corpus = (await openCorpus(contentDirsOf(given, io.env, delimiter), io.env)).corpus;
  } catch {
    corpus = undefined;
  }
  const langs = corpus?.meta.langs.map((l) => l.lang) ?? [];
  let chosen: string | undefined;
  try {
    chosen = corpus && chooseLangs(langs, wantedLangOf(at >= 0 ? words[at + 1] : undefined, io.env), false, defaultLangs(corpus.meta, localeLanguages(io.env)))[0];
  } catch {
    chosen = langs[0];
  }
  return {
    names: () => (corpus && chosen ? [...new Set(corpus.list(chosen).flatMap(([id, name]) => [name, id]))] : []),
    keywords: () => (corpus && chosen ? corpus.language(chosen).keywords.map(([k]) => k) : []),
    langs: () => [...langs, 'all'],
  };
}

/** Runs the CLI; returns the exit code. Never throws. */
export async function main(io: Io): Promise<number> {
  // Every message goes out as one line, with control characters of names and arguments escaped.
  const stderr = { write: (s: string) => io.stderr.write(escapeLine(s)) };
  let parsed: Parsed | undefined;
  const program = buildProgram({ ...io, stderr }, (p) => (parsed = p));
  const debug = io.argv.includes('--debug');
  let run: Run | undefined;
  try {
    // Completion asks with the words of a command line, which may hold --help or --version:
    // they are answered here, before commander would act on them.
    if (io.argv[2] === '__complete') {
      const [cword = '0', ...words] = io.argv.slice(3);
      const { complete } = await import('./commands/completion.js');
      io.stdout.write(sanitize(complete(completionModel(), await completionData(io, words), words, Number(cword)).join('\n') + '\n', false));
      return ExitCode.ok;
    }
    if (io.argv.length <= 2) {
      io.stdout.write(sanitize(program.helpInformation(), false));
      return ExitCode.ok;
    }
    await program.parseAsync(io.argv);
    if (!parsed) return ExitCode.ok;
    const global = program.opts<GlobalOptions>();
    const terminal = decideTerminal({ env: io.env, stdoutTTY: Boolean(io.stdout.isTTY), stdinTTY: Boolean(io.stdout.isTTY) && Boolean(io.stdin?.isTTY), columns: io.stdout.columns, noColorFlag: global.color === false });
    run = new Run(io, stderr, global, terminal);
    const { spec, args, options } = parsed as Parsed;
    if (spec.kind === 'corpus') await run.corpusCommand(spec, args, options);
    else if (spec.kind === 'check') await run.check(args, options);
    else if (spec.kind === 'scan') await run.scan(args, options);
    else {
      const result = await spec.run(args, options);
      await run.write(result.output);
      run.exitCode = result.exitCode;
    }
    return run.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return ExitCode.ok;
      return ExitCode.usage;
    }
    if (error instanceof GlossaryError) {
      // One line: the message, then hints after semicolons.
      stderr.write(`glossary: ${[error.message, ...error.details].join('; ')}\n`);
      if (debug && error.stack) io.stderr.write(sanitize(error.stack, false) + '\n');
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    stderr.write(`glossary: internal error: ${message.split('\n')[0]}${debug ? '' : ' (run with --debug for details)'}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr.write(sanitize(error.stack, false) + '\n');
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
  const stdin = {
    get isTTY() {
      return tty().isatty(0);
    },
  };
  void main({ argv: process.argv, env: process.env, stdin, stdout: process.stdout, stderr: process.stderr }).then((code) => {
    process.exitCode = code;
  });
}
