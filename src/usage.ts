// Usage errors in the tool's one-line form: what commander found wrong, said with what to type.
// Pure: cli.ts gives commander's code and message and the command the line was for.
import type { CommandSpec } from './commands/table.js';

/** The names of the commands, as `help` and the errors list them. */
export function commandNames(commands: CommandSpec[]): string[] {
  return [...commands.map((c) => c.name), 'help'];
}

function usageOf(spec: CommandSpec): string {
  const args = spec.args.map((a) => (a.required ? `<${a.name}${a.variadic ? '...' : ''}>` : `[${a.name}${a.variadic ? '...' : ''}]`));
  return ['glossary', spec.name, ...(spec.options.length ? ['[options]'] : []), ...args].join(' ');
}

/** Closest name by edit distance, when it is close enough to be what was meant. */
export function closest(word: string, names: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const n of names) {
    const d = distance(word.toLowerCase(), n.toLowerCase());
    if (d < bestD) [best, bestD] = [n, d];
  }
  return best !== undefined && bestD <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const here = row[j] as number;
      row[j] = Math.min(here + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = here;
    }
  }
  return row[b.length] as number;
}

/**
 * The one line for commander's error `code` (its `message`), for the command `spec` when the line
 * named one. Without "glossary: " (the edge adds it).
 */
export function usageMessage(code: string, message: string, spec: CommandSpec | undefined, commands: CommandSpec[]): string {
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  const help = spec ? `glossary help ${spec.name}` : 'glossary help';
  const example = spec?.examples[0];
  switch (code) {
    case 'commander.unknownCommand': {
      const near = closest(quoted, commandNames(commands));
      return `no command "${quoted}"${near ? `; did you mean: glossary ${near}?` : ''}; commands: ${commandNames(commands).join(', ')}`;
    }
    case 'commander.missingArgument': {
      const name = quoted || 'argument';
      return spec ? `${spec.name} needs a ${name}: ${usageOf(spec)}${example ? `, e.g. ${example}` : ''}` : `missing a ${name}; see ${help}`;
    }
    case 'commander.optionMissingArgument': {
      const m = /^(?:-\w, )?(--[\w-]+) (<[^>]+>)/.exec(quoted);
      const flag = m?.[1] ?? quoted;
      const value = m?.[2] ?? '<value>';
      const sample = spec && example && example.includes(flag) ? example : `glossary ${spec?.name ?? ''} ... ${flag} ${value === '<n>' ? '5' : value}`.replace('  ', ' ');
      return `${flag} needs a value ${value}, e.g. ${sample}`;
    }
    case 'commander.unknownOption': {
      const flags = spec ? spec.options.flatMap((o) => flagsOf(o).names.filter((f) => f.startsWith('--'))) : [];
      const near = closest(quoted, flags);
      const where = spec ? `${spec.name} has no option ${quoted}` : `no option ${quoted}`;
      const list = spec ? (flags.length ? `its options: ${flags.join(', ')}` : `it takes no options`) : '';
      return `${where}${near ? `; did you mean ${near}?` : ''}${list ? `; ${list}` : ''} (${help})`;
    }
    case 'commander.excessArguments':
      return spec ? `${spec.name} takes ${spec.args.length ? spec.args.length : 'no'} argument${spec.args.length === 1 ? '' : 's'}: ${usageOf(spec)} (${help})` : `too many arguments (${help})`;
    default:
      return `${message.replace(/^error: /, '').trim().replace(/\s*\n\s*/g, '; ')} (${help})`;
  }
}

/** `help` of a name that is no command. */
export function unknownHelp(name: string, commands: CommandSpec[]): string {
  const near = closest(name, commandNames(commands));
  return `no command "${name}"${near ? `; did you mean: glossary help ${near}?` : ''}; commands: ${commandNames(commands).join(', ')}`;
}

interface Flagged {
  flags: string;
}

/** `--x` and `-x` of an option's flags (`-n, --limit <n>`), and whether it takes a value. */
export function flagsOf(o: Flagged): { names: string[]; valued: boolean } {
  return { names: o.flags.split(/[ ,]+/).filter((f) => f.startsWith('-')), valued: /[<[]/.test(o.flags) };
}

/**
 * A command line with the command's own options moved after the command's name when they were
 * typed before it (`glossary --json lookup aktie` means `glossary lookup aktie --json`); options
 * of the program, and anything unknown, stay where they are. `at` is the index of the command word.
 */
export function commandOptionsAfter(argv: string[], at: number, spec: Flagged[], program: Flagged[]): string[] {
  if (at < 0) return argv;
  const byName = (options: Flagged[]) => new Map(options.flatMap((o) => {
    const { names, valued } = flagsOf(o);
    return names.map((n): [string, boolean] => [n, valued]);
  }));
  const own = byName(spec);
  const global = byName(program);
  const kept: string[] = [];
  const moved: string[] = [];
  for (let i = 2; i < at; i++) {
    const a = argv[i] as string;
    const name = a.split('=')[0] as string;
    const valued = global.get(name) ?? own.get(name) ?? false;
    const target = global.has(name) || !own.has(name) ? kept : moved;
    target.push(a);
    if (valued && !a.includes('=') && i + 1 < at) target.push(argv[++i] as string);
  }
  return moved.length === 0 ? argv : [...argv.slice(0, 2), ...kept, ...argv.slice(at), ...moved];
}
