// ArticleRecord -> terminal text through marked + marked-terminal, wrapped and sanitised.
import { Marked, type Tokens } from 'marked';
import { markedTerminal } from 'marked-terminal';
import type { ArticleRecord, ArticleRef } from '../corpus/compile.js';
import { cleanSiteMarkup, codeLines, KATEX, katexToText } from '../corpus/markup.js';

export { texToText } from '../corpus/markup.js';
import { fold } from '../fold.js';
import { stripControl } from '../text.js';
import Table from 'cli-table3';
import { collapseBlankLines, sanitize, wrapLines } from './ansi.js';
import { displayWidth } from '../width.js';
import { numberLinks } from './links.js';
import { setHighlighter } from './shims/cli-highlight.js';
import { shellWord, type Highlighter } from '../context.js';
import { makeTheme, type RenderTheme as Theme } from './styled.js';

export interface RenderOptions {
  width: number;
  color: boolean;
  /** Colours fenced code when given (the edge loads highlight.js for articles that have some). */
  highlight?: Highlighter;
  /** The command See also names (`glossary --lang de lookup` for a language that is not the default). */
  lookupCommand?: string;
  /** See also and Linked from name each article as this gives (`{name}` for a DICT client) instead of the command. */
  crossRef?: (name: string) => string;
}

/** Repairs what the real corpus gets wrong before marked sees it. */
export function preprocess(body: string, title: string, articleHrefs?: Set<string>): string {
  return prepare(body, title, articleHrefs).text;
}

/**
 * The body as marked should see it, and what the source's own "See also" held beyond links to
 * articles (Markdown lines: outside links, notes), to be listed under ours (`articleHrefs` given).
 */
function prepare(body: string, title: string, articleHrefs?: Set<string>): { text: string; seeAlso: string[] } {
  // Tabs are Markdown indentation (4 columns); as spaces they wrap like everything else.
  // Formulas exported as KaTeX HTML become code blocks first; then site markup is cleaned.
  let text = cleanSiteMarkup(stripControl(body.normalize('NFC')).replace(KATEX, katexToText).replace(/\t/g, '    '));
  // The header shows the title; a first heading that repeats it is dropped.
  const first = /^\s*#[ \t]*([^\n#][^\n]*)\n/.exec(text);
  if (first && fold(first[1] ?? '') === fold(title)) text = text.slice(first[0].length);
  const source = articleHrefs ? takeSourceSeeAlso(text, articleHrefs) : { text, kept: [] };
  const repair = (markdown: string) =>
    outsideCode(markdown, (prose) => prose.replace(/(\S) {2,}(?=\S)/g, '$1 ').replace(/[ \t]+$/gm, ''))
      .replace(/^( {0,3}#{1,6})(?=[^#\s])/gm, '$1 ') // `##Højdepunkter`
      .replace(/^ {0,3}>[ \t]*$/gm, '') // empty quote lines
      .replace(/(\]\([^)\s\]]*\)),\./g, '$1,'); // `[x](/id),.`
  return { text: repair(source.text), seeAlso: source.kept.length ? repair(source.kept.join('\n')).split('\n') : [] };
}

/** `change` applied to the text outside fenced code (runs of spaces there are the code's own). */
function outsideCode(text: string, change: (prose: string) => string): string {
  const parts = text.split(/(^ {0,3}(```|~~~)[^\n]*\n[\s\S]*?^ {0,3}\2[^\n]*$)/m);
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (i % 3 === 0) out += change(part);
    else if (i % 3 === 1) out += part;
  }
  return out;
}

const SEE_ALSO = /^ {0,3}(#{1,6})[ \t]*(see also|se også|se ogsaa|related( articles| terms)?|relaterede( artikler| begreber)?|læs også)[ \t]*:?[ \t#]*$/i;

/** A list item of links to articles of the corpus only (`- [A](/a), [B](/b)`): our See also lists those. */
function onlyArticleLinks(line: string, articleHrefs: Set<string>): boolean {
  const item = /^\s*(?:[-*+]|\d+[.)])\s+((?:\[[^\]]+\]\([^)\s]+\)[\s,;.]*)+)$/.exec(line);
  return Boolean(item) && [...(item?.[1] ?? '').matchAll(/\]\(([^)\s]+)\)/g)].every((m) => articleHrefs.has(m[1] as string));
}

/**
 * The source's own "See also" sections, taken out of the body: our See also lists its links to
 * articles, numbered as in the text; what else it holds (links to pages outside the glossary,
 * other sites, a note) is returned in `kept`, as Markdown lines, to be listed under ours. One
 * See also, never two.
 */
export function takeSourceSeeAlso(text: string, articleHrefs: Set<string>): { text: string; kept: string[] } {
  const lines = text.split('\n');
  const code = codeLines(lines);
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = code[i] ? null : SEE_ALSO.exec(lines[i] as string);
    if (!m) continue;
    const level = (m[1] as string).length;
    let end = i + 1;
    while (end < lines.length) {
      const h = code[end] ? null : /^ {0,3}(#{1,6})\s/.exec(lines[end] as string);
      if (h && (h[1] as string).length <= level) break;
      end++;
    }
    let dropping = false;
    for (const line of lines.slice(i + 1, end)) {
      if (line.trim() === '') {
        if (kept.length && kept[kept.length - 1] !== '') kept.push('');
        continue;
      }
      // An item of article links goes, with the lines that continue it (indented, no marker of their own).
      const continues: boolean = dropping && /^\s/.test(line) && !/^\s*(?:[-*+]|\d+[.)])\s/.test(line);
      dropping = continues || onlyArticleLinks(line, articleHrefs);
      if (!dropping) kept.push(line);
    }
    lines.splice(i, end - i);
    code.splice(i, end - i);
    i--;
  }
  while (kept.length && kept[kept.length - 1] === '') kept.pop();
  return { text: lines.join('\n'), kept };
}

/** The link addresses of a record that lead to an article of the corpus. */
function articleHrefsOf(record: ArticleRecord): Set<string> {
  return new Set(record.links.filter((l) => l.to).map((l) => l.href));
}

/** The words of a text, lower-cased, Markdown links and emphasis left out: to compare a description with the body. */
function plainWords(text: string): string {
  return text
    .replace(/!?\[([^\][]*)\]\([^()\s]*(?:\s+"[^"]*")?\)/g, '$1') // bounded: no '[' in the text, no space or '(' in the address
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The body begins with the description (taken from its first sentence): the header need not show it again. */
export function bodyRepeatsDescription(description: string, markdown: string): boolean {
  const first = markdown.split(/\n\s*\n/).find((p) => p.trim() !== '' && !/^\s*(#|```|~~~|<|\||!\[)/.test(p));
  const d = plainWords(description);
  return Boolean(first && d.length > 0 && plainWords(first).startsWith(d));
}

/** The body as the terminal shows it, and the source See also's other items (rendered) for ours. */
function bodyMarkdown(record: ArticleRecord, refs: Map<string, { n: number; to: ArticleRef }>, theme: Theme, width: number): { body: string; seeAlso: string[] } {
  const { chalk } = theme;
  const marked = new Marked();
  marked.use(
    markedTerminal({
      code: chalk.yellow,
      blockquote: chalk.italic,
      html: chalk.gray,
      heading: theme.heading,
      firstHeading: theme.heading,
      hr: theme.dim,
      listitem: (s: string) => s,
      table: (s: string) => s,
      paragraph: (s: string) => s,
      strong: chalk.bold,
      em: chalk.italic,
      codespan: chalk.yellow,
      del: chalk.strikethrough,
      link: theme.link,
      href: theme.dim,
      text: (s: string) => s,
      width,
      reflowText: false,
      showSectionPrefix: false,
      emoji: false,
      tab: 2,
      tableOptions: { style: { head: [], border: [] }, wordWrap: true },
    } as never) as never,
  );
  // By the address as written: marked hands it over percent-encoded (`/k%C3%B8b`), so both are decoded.
  const targets = new Map<string, { n: number; to: ArticleRef }>();
  for (const link of record.links) {
    const ref = refs.get(link.target);
    if (ref) targets.set(decoded(link.href), ref);
  }
  const linkTarget = (href: string) => targets.get(decoded(href));
  marked.use({
    // In Markdown a single line break inside a paragraph is a space: a source written one
    // sentence per line reads as one paragraph.
    walkTokens(token) {
      if (token.type === 'text' && !('tokens' in token && token.tokens)) token.text = token.text.replace(/\n/g, ' ');
    },
    renderer: {
      image(token: Tokens.Image) {
        return token.text.trim() ? `[image: ${token.text.trim()}]` : '[image]';
      },
      // What HTML is left after cleaning: a line break breaks the line, other tags are dropped.
      html(token: Tokens.HTML | Tokens.Tag) {
        if (/^<br\s*\/?>$/i.test(token.text.trim())) return '\n';
        const text = token.text.replace(/<[^>]*>/g, '');
        return 'block' in token && token.block ? (text.trim() ? `${text.trim()}\n\n` : '') : text;
      },
      // marked-terminal prints inline tokens of tight list items raw (`**bold**`):
      // mikaelbr/marked-terminal#304, #371. Render them as inline Markdown instead.
      text(token: Tokens.Text | Tokens.Escape) {
        if ('tokens' in token && token.tokens) return this.parser.parseInline(token.tokens);
        return false;
      },
      table(token: Tokens.Table) {
        const header = token.header.map((cell) => this.parser.parseInline(cell.tokens));
        const rows = token.rows.map((row) => row.map((cell) => this.parser.parseInline(cell.tokens)));
        return fitTable(header, rows, width) + '\n\n';
      },
      link(token: Tokens.Link) {
        const text = this.parser.parseInline(token.tokens);
        const href = stripControl(token.href);
        const ref = linkTarget(href);
        if (ref) return theme.link(text) + theme.ref(`[${ref.n}]`);
        if (/^https?:\/\//i.test(href)) {
          return fold(text) === fold(href) ? theme.link(href) : `${theme.link(text)} ${theme.dim(`<${href}>`)}`;
        }
        return text;
      },
    },
  });
  const { text: markdown, seeAlso } = prepare(record.source.slice(record.bodyStart), record.title, articleHrefsOf(record));
  // Markdown's cost grows with the density of its punctuation, not only with size: 3.9 MB of `![`
  // took 13 s. A body this large is shown as written, and says so, rather than make a reader wait.
  if (markdown.length + seeAlso.join('\n').length > MAX_FORMATTED) {
    return { body: theme.dim(`(This article's text is ${Math.round(markdown.length / 1024)} KB, too long to format; it follows as written.)`) + '\n\n' + markdown, seeAlso };
  }
  try {
    const body = marked.parse(markdown, { async: false }) as string;
    const more = seeAlso.length ? (marked.parse(seeAlso.join('\n'), { async: false }) as string).replace(/\s+$/, '').split('\n') : [];
    return { body, seeAlso: more };
  } catch {
    // Only pathological input gets here (e.g. thousands of nested quotes overflowing marked's recursion).
    return { body: theme.dim(NOT_FORMATTED) + '\n\n' + markdown, seeAlso };
  }
}

/**
 * A table that fits the width: columns keep their natural width when they can; else each gets
 * its longest word and the rest of the room is shared in proportion, cells wrapping at word
 * boundaries. Where even the longest words do not fit side by side, each row becomes a list of
 * `Header: value` lines.
 */
export function fitTable(header: string[], rows: string[][], width: number): string {
  const columns = header.length;
  const cells = (i: number) => [header[i] ?? '', ...rows.map((r) => r[i] ?? '')];
  const natural = header.map((_, i) => Math.max(...cells(i).map(displayWidth)) + 2);
  const longestWord = header.map((_, i) => Math.min(natural[i] as number, Math.max(...cells(i).flatMap((c) => c.split(/\s+/)).map(displayWidth)) + 2));
  const room = width - (columns + 1);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (sum(longestWord) > room) {
    return rows.map((r) => header.map((h, i) => `${h}: ${r[i] ?? ''}`).join('\n')).join('\n\n');
  }
  let widths = natural;
  if (sum(natural) > room) {
    const extra = room - sum(longestWord);
    const wants = natural.map((n, i) => n - (longestWord[i] as number));
    widths = longestWord.map((w, i) => w + Math.floor((extra * (wants[i] as number)) / Math.max(1, sum(wants))));
  }
  const table = new Table({ head: header, colWidths: widths, wordWrap: true, wrapOnWordBoundary: true, style: { head: [], border: [] } });
  for (const r of rows) table.push(header.map((_, i) => r[i] ?? ''));
  return table.toString();
}

function header(record: ArticleRecord, theme: Theme, width: number, repeated: boolean): string[] {
  const lines = [theme.title(record.title)];
  if (record.description && !repeated) lines.push('', theme.description(record.description));
  const meta: string[] = [];
  if (record.keywords.length) meta.push(`${theme.label('Keywords:')} ${record.keywords.join(', ')}`);
  if (record.langs.length) meta.push(`${theme.label('Also in:')} ${record.langs.join(', ')}`);
  if (meta.length) lines.push('', ...meta);
  lines.push(theme.dim('─'.repeat(Math.min(width, 60))));
  return lines;
}

/** See also: the articles linked, numbered, then what the source's own See also held besides (`more`). */
function footer(record: ArticleRecord, refs: Map<string, { n: number; to: ArticleRef }>, theme: Theme, width: number, lookup: string, crossRef: ((name: string) => string) | undefined, more: string[]): string[] {
  const lines: string[] = [];
  const seen = new Set<number>();
  const entries = [...refs.values()].filter(({ n }) => !seen.has(n) && seen.add(n));
  if (entries.length || more.length) lines.push('', theme.heading('See also'));
  if (entries.length) {
    const pad = Math.max(...entries.map(({ to }) => displayWidth(to.title)));
    // Numbers right-aligned (` [9]` above `[10]`), so that titles and commands stay in columns.
    const refWidth = Math.max(...entries.map(({ n }) => String(n).length)) + 2;
    for (const { n, to } of entries) {
      const ref = `[${n}]`.padStart(refWidth);
      if (crossRef) {
        lines.push(`  ${ref} ${to.title} ${crossRef(to.name)}`);
        continue;
      }
      const command = `${theme.dim(lookup)} ${theme.name(shellWord(to.name))}`;
      const oneLine = 2 + ref.length + 1 + pad + 2 + lookup.length + 1 + displayWidth(shellWord(to.name));
      // The command to type stays whole: on the title's line when it fits, else on its own line below it.
      if (oneLine <= width) lines.push(`  ${theme.ref(ref)} ${to.title}${' '.repeat(pad - displayWidth(to.title))}  ${command}`);
      else lines.push(`  ${theme.ref(ref)} ${to.title}`, `${' '.repeat(3 + ref.length)}${command}`);
    }
  }
  lines.push(...more);
  if (record.backlinks.length) {
    lines.push('', `${theme.label('Linked from:')} ${record.backlinks.map((b) => (crossRef ? `${b.title} ${crossRef(b.name)}` : `${b.title} (${theme.name(b.name)})`)).join(', ')}`);
  }
  return lines;
}

function decoded(href: string): string {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}

/** The whole article for a terminal or a pipe: header, body, See also and Linked from. */
/** A body longer than this (in characters, after preprocessing) is shown as written, not formatted. */
export const MAX_FORMATTED = 512 * 1024;

/** What an article the Markdown renderer failed on says before its text as written. */
export const NOT_FORMATTED = '(This article could not be formatted; its text follows as written.)';

export function renderArticle(record: ArticleRecord, options: RenderOptions): string {
  const theme = makeTheme(options.color);
  const refs = numberLinks(record);
  // marked-terminal calls the highlighter through the stand-in: given for this rendering only.
  setHighlighter(options.color ? options.highlight : undefined);
  let body: { body: string; seeAlso: string[] };
  try {
    body = bodyMarkdown(record, refs, theme, options.width);
  } finally {
    setHighlighter(undefined);
  }
  const repeated = Boolean(record.description) && bodyRepeatsDescription(record.description, preprocess(record.source.slice(record.bodyStart), record.title, articleHrefsOf(record)));
  const text = [...header(record, theme, options.width, repeated), '', body.body, ...footer(record, refs, theme, options.width, options.lookupCommand ?? 'glossary lookup', options.crossRef, body.seeAlso)].join('\n');
  return sanitize(collapseBlankLines(wrapLines(sanitize(text, options.color), options.width)), options.color) + '\n';
}

/** True when the article has fenced code, the only thing that needs highlight.js. */
export function needsHighlighter(record: ArticleRecord): boolean {
  return /^ {0,3}(```|~~~)/m.test(record.source.slice(record.bodyStart));
}
