// `glossary scan [file...]`: the corpus's terms in a text, in order of first occurrence; with
// --json every occurrence; with --annotate the text itself, first occurrences marked, and notes.
// The edge hands in the lines (read as they come) and a writer for --annotate's text.
import { jsonText, langOf, ok, text, widthOf, type Context, type Result } from '../context.js';
import type { SearchDoc } from '../corpus/compile.js';
import { Scanner, type Occurrence } from '../scan.js';
import { cut, displayWidth, pad } from '../width.js';

export interface ScanOptions {
  json?: boolean;
  annotate?: boolean;
  width?: string;
}

export interface ScanInput {
  /** The file's name as given, or `-` for standard input. */
  name: string;
  lines: AsyncIterable<string>;
}

interface Found {
  n: number;
  count: number;
  first: Occurrence & { file: string };
  occurrences: Array<Occurrence & { file: string }>;
}

/** Names in the list are aligned up to this width. */
const NAME_CAP = 30;

export async function runScan(ctx: Context, inputs: ScanInput[], options: ScanOptions, write: (text: string) => void): Promise<Result> {
  const lang = langOf(ctx);
  const width = widthOf(ctx, options.width);
  const index = ctx.corpus.scanIndex(lang);
  const found = new Map<number, Found>();
  const several = inputs.length > 1;
  const theme = ctx.theme;
  for (const input of inputs) {
    const scanner = new Scanner(index);
    for await (const line of input.lines) {
      const occurrences = scanner.feed(line);
      const firsts: Occurrence[] = [];
      for (const o of occurrences) {
        const at = { ...o, file: input.name };
        const f = found.get(o.n);
        if (f) {
          f.count++;
          if (options.json) f.occurrences.push(at);
        } else {
          found.set(o.n, { n: o.n, count: 1, first: at, occurrences: [at] });
          firsts.push(o);
        }
      }
      if (options.annotate) write(annotate(line, firsts, (o) => [...found.keys()].indexOf(o.n) + 1, theme, ctx.color) + '\n');
    }
  }
  const groups = [...found.values()];
  const docs = new Map(ctx.corpus.docs(lang, groups.map((g) => g.n)).map((d): [number, SearchDoc] => [d.n, d]));
  const where = (o: Occurrence & { file: string }) => (several ? `${o.file}:${o.line}` : `line ${o.line}`);
  if (options.json) {
    return ok(text(jsonText(groups.map((g) => {
      const d = docs.get(g.n) as SearchDoc;
      return {
        id: d.id, name: d.name, title: d.title, description: d.description, count: g.count,
        occurrences: g.occurrences.map((o) => ({ ...(several ? { file: o.file } : {}), line: o.line, column: o.column, text: o.text })),
      };
    }))));
  }
  const notes = groups.length === 0 ? [`no terms of the glossary in ${inputs.map((i) => (i.name === '-' ? 'the text' : i.name)).join(', ')}`] : [];
  if (options.annotate) {
    const footnotes = groups.map((g, i) => {
      const d = docs.get(g.n) as SearchDoc;
      return `${theme.ref(`[${i + 1}]`)} ${theme.label(d.title)} (${theme.name(d.name)}): ${d.description}`;
    });
    return ok(footnotes.length ? text(`\n${footnotes.join('\n')}\n`) : undefined, notes);
  }
  if (groups.length === 0) return ok(undefined, notes);
  // As search lays out its lines: the name whole, then the count and where it first occurs, the
  // title in what is left, the description in the rest; nothing wider than the width.
  const nameWidth = Math.min(Math.max(...groups.map((g) => displayWidth((docs.get(g.n) as SearchDoc).name))), Math.max(1, width - 2));
  const countWidth = Math.max(...groups.map((g) => `${g.count}×`.length));
  const whereWidth = Math.max(...groups.map((g) => where(g.first).length));
  const rest = width - nameWidth - countWidth - whereWidth - 6;
  const longestTitle = Math.max(...groups.map((g) => displayWidth((docs.get(g.n) as SearchDoc).title)));
  const titleWidth = rest < 4 ? 0 : Math.min(longestTitle, Math.min(NAME_CAP, rest < 16 ? rest : Math.floor(rest * 0.45)));
  const room = rest - titleWidth - 2;
  const lines = groups.map((g) => {
    const d = docs.get(g.n) as SearchDoc;
    const title = titleWidth ? `  ${pad(cut(d.title, titleWidth), titleWidth)}` : '';
    const head = `${theme.name(pad(cut(d.name, nameWidth), nameWidth))}${title}  ${`${g.count}×`.padStart(countWidth)}  ${pad(where(g.first), whereWidth)}`;
    return `${head}${titleWidth && room >= 10 && d.description ? `  ${theme.dim(cut(d.description, room))}` : ''}`.trimEnd();
  });
  return ok(text(lines.join('\n') + '\n'), notes);
}

/** A line of the text with each first occurrence marked: coloured, or followed by [n] when plain. */
function annotate(line: string, firsts: Occurrence[], number: (o: Occurrence) => number, theme: Context['theme'], color: boolean): string {
  const chars = [...line];
  let out = '';
  let at = 0;
  for (const o of [...firsts].sort((a, b) => a.column - b.column)) {
    const start = o.column - 1;
    const end = start + [...o.text].length;
    out += chars.slice(at, start).join('');
    const word = chars.slice(start, end).join('');
    out += color ? `${theme.link(word)}${theme.ref(`[${number(o)}]`)}` : `${word}[${number(o)}]`;
    at = end;
  }
  return out + chars.slice(at).join('');
}
