// The man page, glossary(1), made at build time from the command table that --help reads too.
import { COMMANDS, GLOBAL_OPTIONS, PROGRAM } from './commands/table.js';
import { ExitCode } from './errors.js';
import { VERSION } from './version.js';

const EXIT_CODES: Array<[number, string]> = [
  [ExitCode.ok, 'success'],
  [ExitCode.internal, 'internal error (a bug: report it with the output of --debug)'],
  [ExitCode.usage, 'usage error: unknown command or option, bad value, empty or over-long query'],
  [ExitCode.notFound, 'not found: no article, no search hit, unknown keyword'],
  [ExitCode.ambiguous, 'ambiguous: several articles fit and none clearly best (candidates on stderr)'],
  [ExitCode.content, 'content error: a --content folder that is missing, not a folder, or without articles; its config (glossary.json) not valid; a damaged compiled corpus'],
  [ExitCode.checkFailed, 'check found errors (or warnings, with --strict)'],
  [ExitCode.input, 'scan: a text that cannot be read (missing, a folder, binary, not UTF-8)'],
  [ExitCode.output, 'the output cannot be written (a full disk, over a quota, a failing device)'],
  [ExitCode.cancelled, 'cancelled in the picker (Ctrl-C)'],
];

const ENVIRONMENT: Array<[string, string]> = [
  ['GLOSSARY_CONTENT', 'folders of Markdown articles to use instead of the bundled corpus (a path list, like --content)'],
  ['GLOSSARY_LANG', 'the language to use, like --lang'],
  ['LC_ALL, LC_MESSAGES, LANG', "the language to use when --lang, GLOSSARY_LANG and the corpus config name none and the corpus has it (da_DK.UTF-8 is da); else the corpus's largest language"],
  ['GLOSSARY_PAGER, PAGER', 'the pager for articles taller than the terminal; default less -R where it exists'],
  ['NO_COLOR, FORCE_COLOR', 'turn styling off, or on when stdout is not a terminal'],
  ['COLUMNS', 'the width to wrap at when stdout is not a terminal (default 80; at most 100)'],
  ['XDG_CACHE_HOME', 'where compiled --content folders and the code cache are kept (default ~/.cache), under glossary/'],
];

const roff = (text: string) => text.replace(/\\/g, '\\e').replace(/^[.']/gm, '\\&$&').replace(/-/g, '\\-');

export function manPage(): string {
  const lines = [
    `.TH GLOSSARY 1 "" "glossary ${VERSION}" "User Commands"`,
    '.SH NAME',
    `glossary \\- ${roff(PROGRAM.description)}`,
    '.SH SYNOPSIS',
    '.B glossary',
    '[\\fIoptions\\fR] \\fIcommand\\fR [\\fIarguments\\fR]',
    '.SH DESCRIPTION',
    roff('Looks up, searches and browses a glossary of Markdown articles with YAML front matter that link to each other by id. A Danish corpus is bundled; --content uses any folder of the same format. Output is styled on a terminal and plain when piped; long articles open in a pager.'),
    '.SH COMMANDS',
  ];
  for (const c of COMMANDS) {
    const args = c.args.map((a) => (a.required ? `<${a.name}${a.variadic ? '...' : ''}>` : `[${a.name}${a.variadic ? '...' : ''}]`)).join(' ');
    lines.push('.TP', `.B ${c.name} ${roff(args)}`, roff(c.description));
    for (const o of c.options) lines.push('.RS', '.TP', `.B ${roff(o.flags)}`, roff(o.description), '.RE');
    for (const e of c.examples) lines.push('.RS', '.PP', `\\fB$ ${roff(e)}\\fR`, '.RE');
  }
  lines.push('.TP', '.B help [command]', 'Show the help of a command.');
  lines.push('.SH OPTIONS');
  for (const o of [...GLOBAL_OPTIONS, { flags: '-V, --version', description: 'print the version' }, { flags: '-h, --help', description: 'show help' }]) lines.push('.TP', `.B ${roff(o.flags)}`, roff(o.description));
  lines.push('.SH EXIT STATUS');
  for (const [code, meaning] of EXIT_CODES) lines.push('.TP', `.B ${code}`, roff(meaning));
  lines.push('.SH ENVIRONMENT');
  for (const [name, meaning] of ENVIRONMENT) lines.push('.TP', `.B ${roff(name)}`, roff(meaning));
  lines.push('.SH FILES', '.TP', '.B glossary.json, glossary.yaml, glossary.yml', roff('at the root of a --content folder, optional: sitePrefix (the path glossary links start with), defaultLanguage, keywordFields, skip (folders that hold no terms), languages (folder name to language code, e.g. {"Dutch": "da"}).'));
  lines.push('.SH SEE ALSO', roff('The README of the glossary package: the content format, how to add an article, and the safety promises about untrusted corpora.'));
  return lines.join('\n') + '\n';
}

