// The edge: commander built from the command table, the terminal decision, opening the corpus,
// running a command (pure: it returns what to print), then prompts, the pager and writing, and
// errors turned into one line and an exit code. With edge/ and store/, the only code that reads,
// writes or asks.
import { Command, CommanderError } from 'commander';
import { delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localeLanguages } from './corpus/languages.js';
import { chooseLangs, contentDirsOf, defaultLangs, wantedLangOf } from './context.js';
import { ExitCode, GlossaryError, STORAGE_FAILURES } from './errors.js';
import { COMMANDS, GLOBAL_OPTIONS, PROGRAM, completionModel, helpAfter, type CommandSpec } from './commands/table.js';
import { tty } from './edge/builtins.js';
import { openCorpus, type Opened } from './edge/corpus.js';
import { Run, type GlobalOptions, type Io } from './edge/run.js';
import { descriptorOutput } from './edge/stdout.js';
import { VERSION } from './version.js';
import { escapeLine, sanitize } from './render/sanitize.js';
import { decideTerminal } from './terminal.js';
import { commandOptionsAfter, flagsOf, unknownHelp, usageMessage } from './usage.js';

export type { Io } from './edge/run.js';
export { manPage } from './man.js';

/** What commander parsed: the command and its arguments and options. */
interface Parsed {
  spec: CommandSpec;
  args: unknown[];
  options: Record<string, unknown>;
}

/**
 * commander, built from the table; it only parses (and prints help), the actions record what it
 * found. Only the commands `wanted` get their options, help text and action: the rest are named
 * with their arguments, for the command list and suggestions (each option costs start-up).
 */
function buildProgram(io: Io, found: (parsed: Parsed) => void, wanted: (name: string) => boolean): Command {
  const program = new Command(PROGRAM.name).description(PROGRAM.description).version(VERSION, '-V, --version', 'print the version');
  for (const o of GLOBAL_OPTIONS) {
    if (o.flags.startsWith('--content')) program.option(o.flags, o.description, (v: string, prev: string[] = []) => [...prev, v]);
    else program.option(o.flags, o.description);
  }
  program
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    // Option descriptions wrapped under their column down to 12 columns of room (commander leaves
    // them unwrapped below 40, and a 40-column terminal split them inside words).
    .configureHelp({ minWidthToWrap: 12 })
    .configureOutput({
      writeOut: (s) => io.stdout.write(sanitize(s, false)),
      writeErr: (s) => io.stderr.write(s),
      // commander's usage errors are rewritten in main, from the error's code, into one line that says what to type.
      outputError: () => {},
    });
  for (const spec of COMMANDS) {
    const command = program.command(spec.name).description(spec.description);
    for (const a of spec.args) command.argument(a.required ? `<${a.name}${a.variadic ? '...' : ''}>` : `[${a.name}${a.variadic ? '...' : ''}]`, a.description);
    if (!wanted(spec.name)) continue;
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

/**
 * The command a command line names (the first word that is not an option or an option's value;
 * a command's option may come before it, `glossary --limit 3 search x`).
 */
function commandWord(argv: string[]): { word?: string; at: number } {
  const valued = new Set([...GLOBAL_OPTIONS, ...COMMANDS.flatMap((c) => c.options)].flatMap((o) => {
    const { names, valued: takesValue } = flagsOf(o);
    return takesValue ? names : [];
  }));
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') return { word: argv[i + 1], at: i + 1 };
    if (valued.has(a)) i++;
    else if (!a.startsWith('-')) return { word: a, at: i };
  }
  return { at: -1 };
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
    // Each article once, by the name lookup shows and See also prints (its id is not offered too).
    names: () => (corpus && chosen ? [...new Set(corpus.list(chosen).map(([, name]) => name))] : []),
    keywords: () => (corpus && chosen ? corpus.language(chosen).keywords.map(([k]) => k) : []),
    langs: () => [...langs, 'all'],
  };
}

/** Runs the CLI; returns the exit code. Never throws. */
export async function main(io: Io): Promise<number> {
  // Every message goes out as one line, with control characters of names and arguments escaped.
  const stderr = { write: (s: string) => io.stderr.write(escapeLine(s)) };
  let parsed: Parsed | undefined;
  // The command the line names, found once: what commander is given, help, and errors use it.
  const named = commandWord(io.argv);
  const helped = named.word === 'help' ? io.argv.slice(named.at + 1).find((a) => !a.startsWith('-')) : undefined;
  const program = buildProgram({ ...io, stderr }, (p) => (parsed = p), (name) => name === named.word || name === helped);
  const debug = io.argv.includes('--debug');
  let run: Run | undefined;
  try {
    // Completion asks with the words of a command line, which may hold --help or --version:
    // they are answered here, before commander would act on them.
    if (io.argv[2] === '__complete') {
      const [given = '0', ...typed] = io.argv.slice(3);
      const { complete, optionWords } = await import('./commands/completion.js');
      const { words, cword, prefix } = optionWords(typed, Number(given));
      const found = complete(completionModel(), await completionData(io, words), words, cword);
      // Nothing at all when nothing is offered: the scripts then complete files.
      io.stdout.write(found.length ? sanitize(found.map((c) => prefix + c).join('\n') + '\n', false) : '');
      return ExitCode.ok;
    }
    if (io.argv.length <= 2) {
      io.stdout.write(sanitize(program.helpInformation(), false));
      return ExitCode.ok;
    }
    // `help [command]`: the command's help, the whole help for `help` and `help help`, exit 2 for a name that is no command.
    if (named.word === 'help') {
      if (helped === undefined || helped === 'help') {
        io.stdout.write(sanitize(program.helpInformation(), false));
        return ExitCode.ok;
      }
      const sub = program.commands.find((c) => c.name() === helped);
      if (!sub) {
        stderr.write(`glossary: ${unknownHelp(helped, COMMANDS)}\n`);
        return ExitCode.usage;
      }
      io.stdout.write(sanitize(sub.helpInformation() + helpAfter(COMMANDS.find((c) => c.name === helped) as CommandSpec), false));
      return ExitCode.ok;
    }
    const typed = COMMANDS.find((c) => c.name === named.word);
    await program.parseAsync(typed ? commandOptionsAfter(io.argv, named.at, typed.options, GLOBAL_OPTIONS) : io.argv);
    if (!parsed) return ExitCode.ok;
    const global = program.opts<GlobalOptions>();
    const terminal = decideTerminal({ env: io.env, stdoutTTY: Boolean(io.stdout.isTTY), stdinTTY: Boolean(io.stdout.isTTY) && Boolean(io.stdin?.isTTY), columns: io.stdout.columns, noColorFlag: global.color === false });
    run = new Run(io, stderr, global, terminal, fileURLToPath(new URL('../content/', import.meta.url)));
    const { spec, args, options } = parsed as Parsed;
    if (spec.kind === 'corpus') await run.corpusCommand(spec, args, options);
    else if (spec.kind === 'check') await run.check(args, options);
    else if (spec.kind === 'scan') await run.scan(args, options);
    else if (spec.kind === 'service') {
      const { runService } = await import('./edge/services.js');
      run.exitCode = await runService(spec.name, run, args, options);
    }
    else {
      const result = await spec.run(args, options);
      await run.write(result.output);
      run.exitCode = result.exitCode;
    }
    return run.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return ExitCode.ok;
      const spec = COMMANDS.find((c) => c.name === named.word);
      stderr.write(`glossary: ${usageMessage(error.code, error.message, spec, COMMANDS)}\n`);
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
  const stdout = descriptorOutput(1, () => process.stdout, (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`glossary: cannot write the output: ${STORAGE_FAILURES[error.code ?? ''] ?? error.code ?? error.message}; ${error.code === 'EIO' ? 'check the device, or' : 'free some space, or'} send the output elsewhere\n`);
    process.exit(ExitCode.output);
  });
  // isatty(0), not process.stdin: creating the stdin stream costs start-up that only prompts need.
  const stdin = {
    get isTTY() {
      return tty().isatty(0);
    },
  };
  void main({ argv: process.argv, env: process.env, stdin, stdout, stderr: descriptorOutput(2, () => process.stderr, () => {}) }).then((code) => {
    process.exitCode = code;
  });
}
