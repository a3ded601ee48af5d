// The commands as data: names, arguments, options, examples and what runs them. `--help` (through
// commander, in cli.ts), the man page (man.ts) and shell completion (completion.ts) all read this
// one table, so none of them can drift from the others.
import type { Context, PresentOptions, Result } from '../context.js';
import type { ValueKind } from './completion.js';
export type { ValueKind };

export interface OptionSpec {
  flags: string;
  description: string;
  default?: string;
  /** What the option's value is, for completion; absent for a flag without a value. */
  value?: ValueKind;
}

export interface ArgumentSpec {
  name: string;
  description: string;
  required: boolean;
  variadic: boolean;
}

interface Common {
  name: string;
  description: string;
  args: ArgumentSpec[];
  options: OptionSpec[];
  examples: string[];
  /** More help after the examples. */
  more?: string;
  /** Its argument is an article (completion offers article names). */
  takesArticle?: boolean;
}

/** A command over an opened corpus. `args` are commander's: a variadic argument is a list. */
export interface CorpusCommand extends Common {
  kind: 'corpus';
  run(ctx: Context, args: unknown[], options: Record<string, unknown>): Promise<Result> | Result;
}

/** `check`: the edge lists and parses the folders, then commands/check.ts reports. */
export interface CheckCommand extends Common {
  kind: 'check';
}

/** `scan`: the edge reads the texts a line at a time and writes --annotate's text as it goes. */
export interface ScanCommand extends Common {
  kind: 'scan';
}

/** A command that needs no corpus. */
export interface PlainCommand extends Common {
  kind: 'plain';
  run(args: unknown[], options: Record<string, unknown>): Promise<Result> | Result;
}

/**
 * A long-running or writing command of the edge (a server, an export): src/edge/services.ts runs
 * it by name, with the run's means to open the corpus.
 */
export interface ServiceCommand extends Common {
  kind: 'service';
}

export type CommandSpec = CorpusCommand | CheckCommand | ScanCommand | PlainCommand | ServiceCommand;

const opt = (flags: string, description: string, more: Partial<OptionSpec> = {}): OptionSpec => ({ flags, description, ...more });
const arg = (name: string, description: string, required = true, variadic = true): ArgumentSpec => ({ name, description, required, variadic });
const words = (args: unknown[]) => args[0] as string[];

const WIDTH = opt('-w, --width <n>', 'wrap at n columns (default: the terminal width, at most 100)', { value: 'other' });
const JSON_OUT = (what: string) => opt('--json', `print ${what} as JSON`);
const NO_PAGER = opt('--no-pager', 'never page, even when the article is taller than the terminal');
const ARTICLE = arg('term', 'the article, as for lookup');

export const GLOBAL_OPTIONS: OptionSpec[] = [
  opt('--content <dir>', 'use this folder of Markdown articles instead of the bundled corpus (repeatable; env GLOSSARY_CONTENT)', { value: 'dir' }),
  opt('--lang <code>', 'language of the corpus to use (env GLOSSARY_LANG; "all" for search and list)', { value: 'lang' }),
  opt('--refresh', 'check every file of a --content folder for changes now (large folders are checked every 10 s)'),
  opt('--no-color', 'plain text, no colours (also NO_COLOR)'),
  opt('--debug', 'print stack traces of errors'),
];

export const PROGRAM = {
  name: 'glossary',
  description: 'Danish business and finance terms in the terminal: look up, search and browse a Markdown glossary.',
};

export const COMMANDS: CommandSpec[] = [
  {
    kind: 'corpus',
    name: 'lookup',
    description: 'show one article: by id, slug, alias or title, or the clear best fuzzy match',
    args: [arg('term', 'what to look up; words are joined with spaces')],
    options: [WIDTH, opt('--raw', "print the article's Markdown source"), JSON_OUT('the article'), NO_PAGER, opt('--browse', 'on a terminal: follow the numbered links (type a number), b back, q quit')],
    examples: ['glossary lookup strategisk-alliance', 'glossary lookup "Strategisk Alliance" --width 60', 'glossary lookup organisk vækst --json', 'glossary lookup -- -nonregistered-account'],
    takesArticle: true,
    run: async (ctx, args, options) => (await import('./lookup.js')).lookup(ctx, words(args), options as PresentOptions),
  },
  {
    kind: 'corpus',
    name: 'search',
    description: 'fuzzy search over titles, aliases, keywords and descriptions (Danish-aware)',
    args: [arg('query', 'words to search for; æ/ø/å may be typed as ae/oe/aa')],
    options: [
      opt('-n, --limit <n>', 'show at most n hits', { default: '10', value: 'other' }),
      opt('-w, --width <n>', 'cut lines at n columns', { value: 'other' }),
      JSON_OUT('the hits'),
      opt('--pick', 'on a terminal: choose a hit (arrow keys, a number, or type to filter) and show it'),
      opt('--no-pager', 'with --pick: never page the chosen article'),
      opt('--explain', 'under each hit: which names, fields and words matched, and what each added to the score'),
    ],
    examples: ['glossary search alliance', 'glossary search vaekst --limit 5', 'glossary search fusion --json', 'glossary search average annual growth rate --explain'],
    run: async (ctx, args, options) => (await import('./search.js')).runSearch(ctx, words(args), options),
  },
  {
    kind: 'corpus',
    name: 'random',
    description: 'show a random article, for learning a term a day',
    args: [],
    options: [opt('-k, --keyword <keyword>', 'draw among the articles with this keyword', { value: 'keyword' }), JSON_OUT('the article'), NO_PAGER],
    examples: ['glossary random', 'glossary random --keyword "Types of Corporations"', 'glossary random --json'],
    run: async (ctx, _args, options) => (await import('./lookup.js')).randomArticle(ctx, options['keyword'] as string | undefined, ctx.random, options as PresentOptions),
  },
  {
    kind: 'corpus',
    name: 'list',
    description: 'list articles by title (Danish order), optionally those with one keyword',
    args: [],
    options: [
      opt('-k, --keyword <keyword>', 'only articles with this keyword (case and accents ignored)', { value: 'keyword' }),
      opt('-n, --limit <n>', 'show at most n articles', { value: 'other' }),
      JSON_OUT('the list'),
    ],
    examples: ['glossary list', 'glossary list --keyword business', 'glossary list --json | jq length'],
    run: async (ctx, _args, options) => (await import('./list.js')).runList(ctx, options),
  },
  {
    kind: 'corpus',
    name: 'keywords',
    description: 'list every keyword with its number of articles',
    args: [],
    options: [JSON_OUT('the keywords')],
    examples: ['glossary keywords', 'glossary keywords --json'],
    run: async (ctx, _args, options) => (await import('./list.js')).runKeywords(ctx, options),
  },
  {
    kind: 'corpus',
    name: 'links',
    description: 'the articles this one links to; links to missing articles are marked',
    args: [ARTICLE],
    options: [JSON_OUT('the links')],
    examples: ['glossary links strategisk-alliance', 'glossary links jointventure --json'],
    takesArticle: true,
    run: async (ctx, args, options) => (await import('./graph.js')).runLinks(ctx, words(args), options),
  },
  {
    kind: 'corpus',
    name: 'backlinks',
    description: 'the articles that link to this one',
    args: [ARTICLE],
    options: [JSON_OUT('the backlinks')],
    examples: ['glossary backlinks jointventure', 'glossary backlinks organisk-vaekst --json'],
    takesArticle: true,
    run: async (ctx, args, options) => (await import('./graph.js')).runBacklinks(ctx, words(args), options),
  },
  {
    kind: 'corpus',
    name: 'related',
    description: 'articles ranked by shared keywords and links in both directions',
    args: [ARTICLE],
    options: [opt('-n, --limit <n>', 'show at most n articles', { default: '10', value: 'other' }), JSON_OUT('them')],
    examples: ['glossary related fusion', 'glossary related aktieselskab --limit 5'],
    takesArticle: true,
    run: async (ctx, args, options) => (await import('./graph.js')).runRelated(ctx, words(args), options),
  },
  {
    kind: 'service',
    name: 'export',
    description: 'write the corpus for dictionary apps (StarDict) and translation tools (TBX, CSV/TSV glossaries, JSON)',
    args: [],
    options: [
      opt('--format <format>', 'stardict, tbx, csv, tsv or json (required)', { value: 'other' }),
      opt('-o, --output <path>', 'a folder for stardict; a file otherwise (standard output when not given)', { value: 'dir' }),
      opt('--plain', 'stardict: articles as plain text (type m) instead of simple HTML (h)'),
      opt('--tbx-version <n>', 'tbx: 2 (martif, the default) or 3 (ISO 30042:2019)', { value: 'other' }),
      opt('--from <lang>', 'csv/tsv: the language of the terms; tbx: the source language of a two-language termbase', { value: 'lang' }),
      opt('--to <lang>', 'csv/tsv: the language of the translations ("en" uses English aliases when the corpus has no en articles); tbx: the target language', { value: 'lang' }),
    ],
    examples: [
      'glossary export --format stardict -o ~/.stardict/dic/glossary',
      'glossary export --format tbx -o glossary.tbx',
      'glossary export --format tbx --tbx-version 3 -o glossary-v3.tbx',
      'glossary export --format tsv --from da --to en -o omegat/glossary/glossary.txt',
      'glossary export --format json | jq ".articles | length"',
    ],
    more:
      'Every language of the corpus is exported (one StarDict dictionary per language), or the one\ngiven with --lang. The same corpus gives the same bytes. Headers name the corpus and its licence\n(from its NOTICE and LICENSE files). StarDict: .ifo, .idx, .syn (aliases) and .dict.dz when\ndictzip is installed (.dict otherwise).\n',
  },
  {
    kind: 'scan',
    name: 'scan',
    description: "find the glossary's terms in a text (Danish inflections and compounds too): the terms in order of first occurrence",
    args: [arg('file', 'text or Markdown files; standard input when none is given, or -', false)],
    options: [
      JSON_OUT('every occurrence (line, column, text)'),
      opt('--annotate', 'print the text with each first occurrence marked, and a note per term after it'),
      opt('-w, --width <n>', 'cut lines at n columns', { value: 'other' }),
    ],
    examples: ['glossary scan årsrapport.txt', 'pbpaste | glossary scan', 'glossary scan referat.md --annotate', 'glossary scan kontrakt.txt --json'],
  },
  {
    kind: 'check',
    name: 'check',
    description: 'lint a corpus (the bundled one, or --content, or the folders given): errors, warnings, a summary',
    args: [arg('dir', 'content folders to check', false)],
    options: [
      opt('--strict', 'fail on warnings too'),
      opt('--rule <codes>', 'report only these checks, comma-separated (e.g. broken-link,orphan)', { value: 'rule' }),
      opt('--skip-rule <codes>', 'report all checks but these, comma-separated (e.g. untranslated)', { value: 'rule' }),
      opt('--verbose', 'list every problem: a rule that fires on most articles is otherwise one line with its count'),
      JSON_OUT('the whole report'),
    ],
    examples: ['glossary check', 'glossary check ./my-articles --strict', 'glossary check ./my-articles --json', 'glossary check ./site --skip-rule untranslated,orphan'],
    more:
      'Errors: unparsable or non-YAML front matter, missing or empty title, duplicate id, one title\ntwice in one folder (duplicate-slug), alias collisions, invalid UTF-8. Warnings: links to\nmissing articles (broken-link), links by a name two articles share (ambiguous-link), links to\nterms only another language has (untranslated), one title in two folders, articles nothing\nlinks to (orphan), a keyword spelled two ways, links to the article itself, HTML entities or\nmarkup in front matter, more than 50 keywords or aliases. Notes: a description taken from the\nfirst sentence; with --rule defines, the names each article says it defines beyond its title\nand aliases ("Hvad er X?", "X er ..."), which search finds it by.\nSection pages, templates and drafts are listed as "not a term" and counted apart.\nExit 0 with only warnings (6 with --strict), 6 with errors.\n',
  },
  {
    kind: 'service',
    name: 'lsp',
    description: "a language server over stdio: hover and completion of the glossary's terms in any text; check, links and rename in the glossary's articles",
    args: [],
    options: [opt('--stdio', 'talk over standard input and output (the default and only transport; editors pass it)')],
    examples: ['glossary lsp', 'glossary --content ./my-glossary lsp --stdio'],
    more:
      'The corpus: --content (or GLOSSARY_CONTENT), else the nearest folder at or above the workspace\nroot with a glossary.json, glossary.yaml or glossary.yml, else the bundled glossary. Options\n(initializationOptions): termDiagnostics (true or "hint": mark the terms in a text),\ncompletionTrigger (e.g. "[[": complete term names after it).\n\nNeovim 0.8+:  vim.lsp.start({ name = "glossary", cmd = { "glossary", "lsp" },\n                root_dir = vim.fn.getcwd(), init_options = { completionTrigger = "[[" } })\n  (in an autocmd for FileType markdown,text; Neovim 0.7: vim.lsp.start_client and\n  vim.lsp.buf_attach_client, see the README)\nHelix, languages.toml:\n  [language-server.glossary]\n  command = "glossary"\n  args = ["lsp"]\n  [[language]]\n  name = "markdown"\n  language-servers = ["marksman", "glossary"]\nVS Code: a generic LSP client extension ("Generic LSP Client (v2)", zsol.vscode-glspc) with\n  "glspc.server.command": "glossary", "glspc.server.commandArguments": ["lsp"],\n  "glspc.server.languageId": ["markdown", "plaintext"]\n',
  },
  {
    kind: 'service',
    name: 'serve',
    description: 'serve the glossary to dictionary apps (GoldenDict, dict) over the DICT protocol, RFC 2229',
    args: [],
    options: [
      opt('--port <n>', 'TCP port to listen on (0: any free port, named on stderr)', { value: 'other', default: '2628' }),
      opt('--host <address>', 'address to listen on; one outside this machine (not 127.x.x.x, ::1 or localhost) is warned about', { value: 'other', default: '127.0.0.1' }),
      opt('--idle <seconds>', 'close a connection that sends nothing for this long', { value: 'other', default: '60' }),
      opt('--json', 'log each request as a JSON line on stderr'),
    ],
    examples: ['glossary serve', 'glossary serve --port 2629 --json', 'dict -h 127.0.0.1 -d da strategisk-alliance', 'dict -h 127.0.0.1 -m -s lev stratgisk'],
    more: 'One database per language of the corpus (da, en, ...); * is all of them, ! the first with a match.\nStrategies: exact, prefix, substring, suffix, re, regexp, lev, word, search; . is search.\nGoldenDict: Edit > Dictionaries > Sources > DICT servers: Add, address dict://127.0.0.1:2628.\nCtrl-C (or SIGTERM) stops the server.\n',
  },
  {
    kind: 'plain',
    name: 'completion',
    description: 'print a shell completion script (bash, zsh or fish)',
    args: [arg('shell', 'bash, zsh or fish', true, false)],
    options: [],
    examples: ['glossary completion bash', 'source <(glossary completion bash)'],
    more: 'bash: add  source <(glossary completion bash)  to ~/.bashrc\nzsh:  add  source <(glossary completion zsh)   to ~/.zshrc\nfish: glossary completion fish > ~/.config/fish/completions/glossary.fish\n',
    run: async (args) => ({ output: { text: (await import('./completion.js')).completionScript(args[0] as string) }, notes: [], exitCode: 0 }),
  },
];

/** The help text after a command's options: its examples, then anything more. */
export function helpAfter(spec: CommandSpec): string {
  const examples = spec.examples.length ? `\nExamples:\n${spec.examples.map((l) => `  $ ${l}`).join('\n')}\n` : '';
  return `${examples}${spec.more ? `\n${spec.more}` : ''}`;
}

/** What completion needs to know of the commands and options. */
export function completionModel() {
  const flags = (options: OptionSpec[]) => options.flatMap((o) => o.flags.split(/[ ,]+/).filter((f) => f.startsWith('-')));
  const valueOptions: Record<string, ValueKind> = {};
  for (const o of [...GLOBAL_OPTIONS, ...COMMANDS.flatMap((c) => c.options)]) {
    if (o.value) for (const f of flags([o])) valueOptions[f] = o.value;
  }
  return {
    commands: COMMANDS.map((c) => ({ name: c.name, options: flags(c.options), takesArticle: Boolean(c.takesArticle) })).concat([{ name: 'help', options: [], takesArticle: false }]),
    globalOptions: [...flags(GLOBAL_OPTIONS), '--help', '--version'],
    valueOptions,
  };
}
