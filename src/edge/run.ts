// One run of a command at the edge: the terminal decision, opening the corpus (with its notes
// and progress line), running the command, then prompts, the reader, the pager and writing.
// cli.ts parses the command line and turns errors into one line; this file does the rest.
import { delimiter, relative } from 'node:path';
import { localeLanguages } from '../corpus/languages.js';
import { checkCommandFor, contentDirsOf, text, wantedLangOf, type Context, type Highlighter, type Output, type Result } from '../context.js';
import { AmbiguousError, ContentError, ExitCode, NotFoundError } from '../errors.js';
import type { CommandSpec } from '../commands/table.js';
import { openCorpus, type Opened } from './corpus.js';
import { choosePager, page } from './pager.js';
import { DamagedCorpusError, StaleSourceError } from '../store/compiled.js';
import { bundledLexicon } from '../store/lexicon.js';
import { plainTheme, type Theme } from '../render/theme.js';
import { escapeLine, sanitize } from '../render/sanitize.js';
import { progressLine, silentProgress, type Progress } from '../progress.js';
import type { TerminalDecision } from '../terminal.js';
import { keepNoCodeCache } from '../store/optimizing.js';

export interface Io {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdin?: { isTTY?: boolean };
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number; rows?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
}

export interface GlobalOptions {
  content?: string[];
  lang?: string;
  color: boolean;
  debug?: boolean;
  refresh?: boolean;
}

async function loadHighlighter(): Promise<Highlighter> {
  return (await import('./highlight.js')).loadHighlighter();
}

async function themeFor(color: boolean): Promise<Theme> {
  return color ? (await import('../render/styled.js')).makeTheme(true) : plainTheme;
}

/** A run of one command: the terminal decision, the corpus, the writing. */
export class Run {
  constructor(
    readonly io: Io,
    /** stderr for messages: one line each, control characters escaped (made once, in main). */
    readonly stderr: { write(text: string): unknown },
    readonly global: GlobalOptions,
    readonly terminal: TerminalDecision,
    /** The bundled articles' folder, which `check` without folders lints. */
    readonly bundledContent: string,
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
      if (opened.compiled) keepNoCodeCache();
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
      listWidth: this.terminal.listWidth,
      corpus: opened.corpus,
      wantedLang: wantedLangOf(this.global.lang, this.io.env),
      localeLangs: localeLanguages(this.io.env),
      loadHighlighter,
      random: Math.random,
      checkCommand: checkCommandFor(this.contentDirs),
      lexicon: bundledLexicon,
    };
  }

  /** Runs a command over the corpus; once more on a fresh compile if its files changed or were damaged. */
  async corpusCommand(spec: Extract<CommandSpec, { kind: 'corpus' }>, args: unknown[], options: Record<string, unknown>): Promise<void> {
    let ctx = await this.context(await this.open({ force: Boolean(this.global.refresh) }));
    // Nothing found, or no one article (ambiguous), with --json: stdout is still a document, `null`
    // where no article was found (search and list give their empty listing, `[]`, themselves); the
    // message, and the candidates, go to stderr.
    const run = async (): Promise<Result> => {
      try {
        return await spec.run(ctx, args, options);
      } catch (error) {
        if (!options['json'] || !(error instanceof NotFoundError || error instanceof AmbiguousError)) throw error;
        return { output: text('null\n'), notes: [[error.message, ...error.details].join('; ')], exitCode: error.exitCode };
      }
    };
    let result: Result;
    try {
      result = await run();
    } catch (error) {
      const content = this.contentDirs.length > 0;
      if (content && error instanceof StaleSourceError) ctx = await this.context(await this.open({ force: true }));
      else if (content && error instanceof DamagedCorpusError) ctx = await this.context(await this.open({ rebuild: true }));
      else throw error;
      result = await run();
    }
    await this.finish(ctx, result);
  }

  async check(args: unknown[], options: Record<string, unknown>): Promise<void> {
    keepNoCodeCache();
    const given = (args[0] as string[] | undefined) ?? [];
    const targets = given.length ? given : this.contentDirs.length ? this.contentDirs : [this.bundledContent];
    const [{ compileListing }, { listSources }, { asksForDefines, checkReport }] = await Promise.all([import('../store/compilation.js'), import('../store/source.js'), import('../commands/check.js')]);
    // A --rule naming no check is said before the folders are read.
    const defines = asksForDefines(options);
    const progress = this.progress(`checking ${targets.join(', ')}`);
    let found;
    try {
      found = compileListing(listSources(targets), { compile: false, defines, onProgress: progress.update });
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
    const { scanInputs } = await import('./input.js');
    const inputs = scanInputs((args[0] as string[] | undefined) ?? [], () => process.stdin);
    const ctx = await this.context(await this.open({ force: Boolean(this.global.refresh) }));
    const { runScan } = await import('../commands/scan.js');
    // A pipe's reader may be slower than the scan: wait for it rather than hold the output.
    const stdout = this.io.stdout as { write(text: string): unknown; once?(event: 'drain', listener: () => void): unknown };
    const result = await runScan(ctx, inputs, options, (text) =>
      stdout.write(sanitize(text, this.terminal.color)) === false && stdout.once ? new Promise<void>((done) => stdout.once?.('drain', done)) : undefined,
    );
    await this.finish(ctx, result);
  }

  /** A command's result: a pick or the reader on a terminal, notes, the output, the exit code. */
  async finish(ctx: Context, first: Result): Promise<void> {
    let result = first;
    for (const n of result.notes) this.note(n);
    if (result.pick) {
      const { pickArticle, PickLeft } = await import('./interact.js');
      const { presentResult } = await import('../commands/lookup.js');
      let record;
      try {
        record = await pickArticle(ctx, result.pick.candidates, result.pick.prompt);
      } catch (error) {
        if (!(error instanceof PickLeft)) throw error;
        this.exitCode = ExitCode.ok;
        return;
      }
      result = await presentResult(ctx, record, result.pick.present);
    }
    const output = result.output;
    if (result.browse && output && 'article' in output) {
      const { browse } = await import('./interact.js');
      await browse(ctx, output.record, output.article, result.browse.width, (text) => this.write({ ...output, article: text }));
    } else {
      await this.write(output);
    }
    this.exitCode = result.exitCode;
  }

  /** Writes an output: an article through the pager when wanted and taller than the screen; true when it was paged. */
  async write(output: Output | undefined): Promise<boolean> {
    if (!output) return false;
    const { stdout } = this.io;
    if ('verbatim' in output) {
      stdout.write(output.verbatim);
      return false;
    }
    if ('article' in output) {
      const tall = output.page && stdout.isTTY && output.article.split('\n').length >= (stdout.rows ?? 24);
      const pager = tall ? choosePager(this.io.env) : undefined;
      const paged = pager ? await page(output.article, pager) : undefined;
      if (paged === true) return true;
      if (pager) this.note(`the pager "${pager.command}" ${paged}; printing instead (set PAGER, or use --no-pager)`);
      stdout.write(sanitize(output.article, this.terminal.color));
      return false;
    }
    // The one final pass: nothing from content or arguments reaches the terminal as a control
    // character; stdout keeps only the SGR colours the tool added itself, when colour is on.
    stdout.write(sanitize(output.text, this.terminal.color));
    return false;
  }
}

