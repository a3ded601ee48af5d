// Site markup -> plain Markdown: what static-site glossaries (Hugo, MDN-style docs) write besides
// Markdown, reduced to its text before anything reads a body (links, the search index, the
// description, rendering). Pure; every line stays a line, so line numbers stay true. Code (fenced
// blocks, code spans) is left as written.
import { decodeEntities, decodeNamedEntities } from '../text.js';

/** Macros that draw page furniture (sidebars, compatibility tables, live samples): no text. */
const FURNITURE = /(?:sidebar|(?<!x)ref|_header|_inline|inline|badge)$|^(?:specifications|compat|embedlivesample|embedghlivesample|embedinteractiveexample|interactiveexample|previous|next|previousnext|previousmenunext|quicklinkswithsubpages|landingpagelistsubpages|listsubpages|listsubpagesforsidebar|seecompattable|availableinworkers|securecontext_header|deprecated_header|non-standard_header|toc)$/i;

const SUB: Record<string, string> = { '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉', '+': '₊', '-': '₋', '=': '₌', '(': '₍', ')': '₎' };
const SUP: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '+': '⁺', '-': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', n: 'ⁿ', i: 'ⁱ' };

/** `P<sub>0</sub>` -> P₀ where every character has a small form, else the text after `_` / `^`. */
function script(text: string, map: Record<string, string>, mark: string): string {
  const chars = [...text.trim()];
  if (chars.length > 0 && chars.every((c) => map[c] !== undefined)) return chars.map((c) => map[c]).join('');
  return chars.length === 0 ? '' : chars.length === 1 ? `${mark}${text.trim()}` : `${mark}(${text.trim()})`;
}

const escapeText = (text: string) => text.replace(/([[\]\\])/g, '\\$1');
/** An address for a Markdown link: what would end it (spaces, parentheses) percent-encoded. */
const address = (path: string) => path.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
const attribute = (attrs: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs)?.slice(1).find((v) => v !== undefined);

/** `{{Glossary("SPA", "single-page apps")}}` -> a link; other macros -> their text or nothing. */
function macro(name: string, args: string | undefined): string {
  const strings = [...(args ?? '').matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1] ?? m[2] ?? '');
  if (name.toLowerCase() === 'glossary' && strings[0]) {
    const target = strings[0].trim().replace(/ /g, '_');
    return `[${escapeText(strings[1] || strings[0])}](/${address(target)})`;
  }
  if (FURNITURE.test(name) || strings.length === 0) return '';
  return strings[1] || strings[0] || '';
}

/**
 * Hugo shortcodes: `ref`/`relref` give the address they name (a link's target); a `text="..."`
 * parameter is shown (a glossary tooltip links its term); the rest go.
 */
function shortcode(name: string, params: string): string {
  if (/^(?:rel)?ref$/i.test(name)) return /"([^"]*)"|'([^']*)'/.exec(params)?.slice(1).find((v) => v !== undefined) ?? '';
  const term = attribute(params, 'term_id');
  // Kubernetes' `glossary_tooltip` without `text` shows the term's name: its id in words.
  const text = attribute(params, 'text') || term?.replace(/[-_]+/g, ' ');
  if (!text) return '';
  return term ? `[${escapeText(text)}](/${address(term)}/)` : text;
}

/** The elements of HTML a page may carry (an unknown name in angle brackets is text). */
const HTML_ELEMENTS = new Set(
  ('a abbr address article aside audio b bdi bdo big blockquote body br button canvas caption center cite code col colgroup data dd del ' +
    'details dfn dialog div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img ' +
    'input ins kbd label legend li link main mark math menu meta nav noscript object ol optgroup option output p param picture pre q rp rt ' +
    'ruby s samp script section select small source span strike strong style sub summary sup svg table tbody td template textarea tfoot th ' +
    'thead time title tr track tt u ul var video wbr ' +
    // MathML, as formula exports leave it.
    'annotation maction menclose merror mfenced mfrac mi mmultiscripts mn mo mover mpadded mphantom mroot mrow ms mspace msqrt mstyle ' +
    'msub msubsup msup mtable mtd mtext mtr munder munderover semantics').split(' '),
);

/** No address at all: empty, `#`, a data or script address, or a bare blob of base64 (an export artefact). */
const EMPTY_ADDRESS = /^\s*(?:#?|data:.*|javascript:.*|[A-Za-z0-9+/=]{64,})\s*$/is;

/** An HTML element's text: links as Markdown links, images as `[image: alt]`, the rest unwrapped. */
function html(text: string): string {
  return text
    .replace(/<a\b([^<>]{0,3000})>((?:[^<]|<(?!\/?a\b)){0,1000}?)<\/a\s*>/gi, (_, attrs: string, inner: string) => {
      const href = attribute(attrs, 'href') ?? '';
      const label = inner.replace(/<[^>]*>/g, '').trim();
      if (EMPTY_ADDRESS.test(href)) return label;
      return label ? `[${escapeText(label)}](${address(href)})` : '';
    })
    .replace(/<img\b([^<>]{0,3000})>/gi, (_, attrs: string) => {
      const alt = attribute(attrs, 'alt')?.trim();
      return alt ? `[image: ${alt}]` : '[image]';
    })
    .replace(/<sub>([^<]{0,200})<\/sub>/gi, (_, t: string) => script(t, SUB, '_'))
    .replace(/<sup>([^<]{0,200})<\/sup>/gi, (_, t: string) => script(t, SUP, '^'))
    .replace(/<summary\b[^>]{0,1000}>([^<]{0,1000})<\/summary\s*>/gi, (_, t: string) => (t.trim() ? `**${t.trim()}**` : ''))
    // Every other HTML tag goes, its text stays; `<br>` stays for the renderer to break the line.
    // What only looks like a tag (`List<String>`) is text: escaped, so that Markdown shows it.
    // A tag with attributes or a closing tag is markup whatever its name (exports damage names).
    // Not a link's address in angle brackets (`[x](</same slug>)`, CommonMark's way to write spaces).
    .replace(/(?<!\]\(\s*)<(\/?)([A-Za-z][\w-]*)((?:\s[^<>]*)?\/?)>/g, (tag, close: string, name: string, attrs: string) =>
      name.toLowerCase() === 'br' ? tag : HTML_ELEMENTS.has(name.toLowerCase()) || close || /=/.test(attrs) ? '' : `\\${tag}`);
}

/**
 * A block of markup that carries no text: an export artefact such as `<h5><a href="">TTT</a></h5>`
 * (a heading holding only a link to nowhere, or to a data address) is dropped with its text.
 */
const ARTEFACT = /^\s*(?:<(?!a\b)[A-Za-z][^>]{0,200}>\s*){1,5}(?:<a\b[^>]{0,200}?\bhref\s*=\s*(["'])(?:#?|data:[^"']{0,100000}|[A-Za-z0-9+/=]{64,100000})\1[^>]{0,1000}>[^<]{0,200}<\/a\s*>\s*){1,5}(?:<\/[A-Za-z][\w-]{0,20}\s*>\s*){0,5}/i;

function cleanText(text: string): string {
  text = decodeNamedEntities(text);
  const out = html(
    text
      // `{{Name}}` or `{{ Name(args) }}`; `{{ expression }}` in prose is not a macro.
      .replace(/\{\{([A-Za-z][\w-]{0,100})\}\}|\{\{\s*([A-Za-z][\w-]{0,100})\s*\(((?:"(?:[^"\\\n]|\\.){0,200}"|'(?:[^'\\\n]|\\.){0,200}'|[^)"'\n]){0,300})\)\s*\}\}/g, (_, bare: string | undefined, name: string | undefined, args?: string) => macro(bare ?? name ?? '', args))
      .replace(/\{\{([<%])\s*\/?\s*([\w.\-/]{1,100})([^\n]{0,300}?)\s*[>%]\}\}/g, (_, _open: string, name: string, params: string) => shortcode(name, params))
      // An image as its alt text; not after a backslash (`\\![B](b.md)` is a `!` and a link).
      .replace(/!\[((?:[^\][\\]|\\.){0,300})\]\([^)\n]{0,1000}\)/g, (image: string, alt: string, at: number, whole: string) => (escapedAt(whole, at) ? image : alt.trim() ? `[image: ${alt.trim()}]` : '[image]'))
      // kramdown's attribute lists (`[active](active.html){:.glossary}`, `{: .note}`): styling, not text.
      .replace(/\{:[^{}\n]{0,200}\}/g, ''),
  );
  // What was removed leaves its spaces on both sides: one is enough.
  return out === text ? out : collapseSpaces(out);
}

/**
 * What a removal leaves: two spaces where it was, or a space before a full stop or comma. Both
 * patterns are linear (a long run of spaces costs one pass). Other punctuation keeps its space
 * (French writes one before ! ? : ;).
 */
function collapseSpaces(text: string): string {
  return text.replace(/(\S) {2,}(?=\S)/g, '$1 ').replace(/(?<! ) +(?=[.,](?:\s|$))/g, '');
}

/** Cleans one line outside code: code spans are kept as written. */
/** A formula written as TeX in the text (`\frac{a}{b}`), not in a code block. */
const TEX = /\\(?:[dt]?frac|sqrt|text)\s*\{/;

function cleanLine(line: string): string {
  const artefact = ARTEFACT.exec(line);
  if (artefact) line = line.slice(artefact[0].length);
  // Admonitions: Docusaurus `:::tip Title` ... `:::`, MkDocs `!!! warning "Title"`: their title in bold.
  const admonition = /^\s*(?::::+\s*[\w-]*(?:\[(.*)\]|\s+(.*))?|(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+"(.*)")?)\s*$/.exec(line);
  if (admonition) {
    const title = (admonition[1] ?? admonition[2] ?? admonition[3] ?? '').trim();
    return title ? `**${cleanText(title)}**` : '';
  }
  if (TEX.test(line) && !line.includes('`')) {
    const lead = /^\s*(?:(?:[-*+]|\d+[.)])\s+)?/.exec(line)?.[0] ?? '';
    return lead + texToText(cleanText(line.slice(lead.length)).replace(/\\([$%])/g, '$1'));
  }
  if (!line.includes('{') && !line.includes('<') && !line.includes('![') && !line.includes('\\') && !line.includes('&')) return line;
  return outsideCodeSpans(line, cleanText);
}

/** `line` with `f` applied to what is outside its code spans (which stay as written). */
function outsideCodeSpans(line: string, f: (text: string) => string): string {
  let out = '';
  let last = 0;
  for (const span of line.matchAll(CODE_SPAN)) {
    out += f(line.slice(last, span.index)) + span[0];
    last = (span.index ?? 0) + span[0].length;
  }
  return out + f(line.slice(last));
}

/** A line's code fence marker (three or more ` or ~, indented at most three spaces), if it opens or closes one. */
function fenceMarker(line: string): string | undefined {
  return /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
}

/** Whether `line` closes the fence `fence` opened: the same character, at least as many, nothing else. */
function closesFence(fence: string, line: string, marker = fenceMarker(line)): boolean {
  return marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker;
}

/** The marker of the fence that `lines` leave open at their end, as codeLines reads fences; undefined when none is. */
export function unclosedFence(lines: string[]): string | undefined {
  let fence: string | undefined;
  for (const line of lines) {
    if (fence === undefined) fence = fenceMarker(line);
    else if (closesFence(fence, line)) fence = undefined;
  }
  return fence;
}

/**
 * Which lines are code: fenced blocks with their fences (closed only by a fence of the same
 * character, at least as long) and indented blocks (four spaces or a tab after a blank line,
 * outside a list). The one rule for cleaning, links and the first sentence.
 */
export function codeLines(lines: string[]): boolean[] {
  const code: boolean[] = [];
  let fence: string | undefined;
  let previous: 'blank' | 'code' | 'list' | 'text' = 'blank';
  for (const line of lines) {
    const marker = fenceMarker(line);
    if (fence) {
      if (closesFence(fence, line, marker)) fence = undefined;
      code.push(true);
      continue;
    }
    if (marker) {
      fence = marker;
      code.push(true);
      previous = 'text';
      continue;
    }
    if (line.trim() === '') {
      code.push(previous === 'code');
      if (previous !== 'list') previous = previous === 'code' ? 'code' : 'blank';
      continue;
    }
    const indented = /^(?: {4}|\t)/.test(line);
    if (indented && (previous === 'blank' || previous === 'code')) {
      code.push(true);
      previous = 'code';
      continue;
    }
    code.push(false);
    if (!indented) previous = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:\s|$)/.test(line) ? 'list' : 'text';
  }
  return code;
}

/** A code span: a run of backticks, text, and a run of as many (CommonMark). */
export const CODE_SPAN = /(?<!`)(`+)(?!`)[^\n]{0,2000}?[^`]\1(?!`)/g;

/** A formula exported as KaTeX HTML, from its start to the end of its line. */
export const KATEX = /<[a-z]+ class="katex">.*$/gm;

/** Quote and list levels kept: Markdown parsers re-read a nested block once per level. */
export const MAX_NESTING = 16;
/** Leading spaces kept (a list nested by indentation: 4 columns a level). */
export const MAX_INDENT = 4 * MAX_NESTING;

/** Where the quote and list markers that open `line` end, and where the MAX_NESTING-th one ends. */
function markerEnds(line: string, from: number): { end: number; kept: number; count: number } {
  let at = from;
  let count = 0;
  let kept = from;
  for (;;) {
    let p = at;
    while (line[p] === ' ' || line[p] === '\t') p++;
    const c = line[p];
    let next = -1;
    if (c === '>') next = p + 1;
    else if ((c === '-' || c === '*' || c === '+') && (line[p + 1] === ' ' || line[p + 1] === '\t')) next = p + 1;
    else if (c !== undefined && c >= '0' && c <= '9') {
      let q = p;
      while (q - p < 9 && (line[q] as string) >= '0' && (line[q] as string) <= '9') q++;
      if ((line[q] === '.' || line[q] === ')') && (line[q + 1] === ' ' || line[q + 1] === '\t')) next = q + 1;
    }
    if (next < 0) return { end: at, kept, count };
    at = next;
    if (++count === MAX_NESTING) kept = at;
  }
}

/**
 * Nesting cut to MAX_NESTING quote or list levels and MAX_INDENT columns of indentation: a
 * thousand nested quotes or lists took a Markdown parser minutes and gigabytes (issue 26), and no
 * article means them. What is deeper is shown at the deepest level kept. One pass, no regex that
 * backtracks over a long line.
 */
export function capNesting(text: string): string {
  if (!/^(?:[ \t]{17}|(?:[ \t]{0,16}(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])){4})/m.test(text)) return text;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] as string;
    let ws = 0;
    while (line[ws] === ' ' || line[ws] === '\t') ws++;
    if (ws > MAX_INDENT) line = ' '.repeat(MAX_INDENT) + line.slice(ws);
    const { end, kept, count } = markerEnds(line, 0);
    if (count > MAX_NESTING) line = line.slice(0, kept) + line.slice(end);
    lines[i] = line;
  }
  return lines.join('\n');
}

/**
 * What comments, scripts and styles hide in each line (HTML shows none of them), as [start, end)
 * ranges in the order written: one left open hides the lines after it up to its end (that line
 * keeps its rest as written; `continued` is set for each line that began hidden). Lines of code
 * (`code`) hide nothing and end nothing. One pass over each line, however many there are. The
 * parser leaves these parts out; the language server reads no link in them.
 */
export function hiddenHtml(lines: string[], code: boolean[], continued: boolean[] = []): Array<Array<[number, number]>> {
  const out = lines.map((): Array<[number, number]> => []);
  let open: RegExp | undefined;
  lines.forEach((line, i) => {
    if (code[i]) return;
    const parts = out[i] as Array<[number, number]>;
    if (open) {
      // The line that ends it keeps the rest as written (read, not searched for more).
      continued[i] = true;
      open.lastIndex = 0;
      const end = open.exec(line);
      parts.push([0, end ? end.index + end[0].length : line.length]);
      if (end) open = undefined;
      return;
    }
    const opens = /<!--|<(script|style)\b/gi;
    for (let start = opens.exec(line); start; start = opens.exec(line)) {
      const closer = start[1] ? new RegExp(`</${start[1]}\\s*>`, 'gi') : /-->/g;
      closer.lastIndex = start.index;
      const end = closer.exec(line);
      if (!end) {
        parts.push([start.index, line.length]);
        open = closer;
        break;
      }
      parts.push([start.index, end.index + end[0].length]);
      opens.lastIndex = end.index + end[0].length;
    }
  });
  return out;
}

export function cleanSiteMarkup(body: string): string {
  body = inlineLinks(capNesting(body));
  if (!/[{<\\&]|!\[|^\s*(?::::|!!!|\?\?\?)/m.test(body)) return body;
  // Formulas as their TeX, on their own line (rendering shows them as a code block instead).
  body = body.replace(KATEX, (html) => katexToText(html).trim().replace(/\s*\n\s*/g, '; '));
  const lines = body.split('\n');
  const code = codeLines(lines);
  const continued: boolean[] = [];
  const hidden = hiddenHtml(lines, code, continued);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const parts = hidden[i] as Array<[number, number]>;
    if (code[i]) continue;
    if (parts.length === 0) {
      lines[i] = cleanLine(line);
      continue;
    }
    const [first] = parts as [[number, number]];
    // A line hidden whole is empty.
    if (first[0] === 0 && first[1] === line.length) {
      lines[i] = '';
      continue;
    }
    // The rest of a line that ends a comment of the lines before, as written.
    if (continued[i]) {
      lines[i] = cleanLine(line.slice(first[1]));
      continue;
    }
    let shown = '';
    let at = 0;
    for (const [start, end] of parts) {
      shown += line.slice(at, start);
      at = end;
    }
    shown += line.slice(at);
    lines[i] = cleanLine(collapseSpaces(shown));
  }
  return lines.join('\n');
}

/** A reference definition, a line `[label]: address "title"`: the label is group 1, the address group 2. */
export const REFERENCE_DEFINITION = /^ {0,3}\[([^[\]^\n][^[\]\n]*)\]:[ \t]*<?([^\s>]+)>?(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$/;

/**
 * A wikilink `[[target#heading|text]]`, or an embed `![[...]]`: group 1 the `!`, 2 the target as
 * written, 3 the heading with its `#`, 4 the text. No [ inside: each try stops at the next bracket
 * (a line of 1 MB of brackets took minutes).
 */
export const WIKILINK = /(!?)\[\[([^[\]|#\n]*)(#[^[\]|\n]*)?(?:\|([^[\]\n]*))?\]\]/g;

/** A wikilink's target as written (group 2 of WIKILINK), without the \ a table puts before its |. */
export function wikiTarget(written: string): string {
  return written.replace(/\\$/, '').trim();
}

/**
 * The note a wikilink's target names: without a `.md`, as Obsidian reads `[[Note.md]]` (the note
 * Note); `[[x.md.md]]` is the file written so.
 */
export function wikiNote(target: string): string {
  return target.replace(/(?<!\.md)\.md$/i, '');
}

/**
 * A wikilink's target as the address of an inline link: a path is from the folder's root
 * (`/Folder/Note`, else the one note whose path ends so); one written from the note's folder
 * (`./x/y`, `../x`) and a name alone are relative, which the links
 * resolve from the note's folder, then the root, then by the one article whose file has that name
 * (links.ts linkResolver). Parentheses encoded too (`[[Aktie (finans)]]`): an address holds no
 * bare ones.
 */
export function wikiAddress(target: string, anchor: string): string {
  // `./x/y` and `../x` are written from the note's folder (Obsidian's relative paths): relative.
  const to = target.includes('/') && !/^\.\.?\//.test(target) ? `/${target}` : target;
  const address = (t: string) => encodeURI(t).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'));
  return address(to) + (anchor ? address(anchor) : '');
}

/** A reference label as CommonMark matches it: case and runs of white space aside. */
export function referenceLabel(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The reference definitions of a text's lines (`[ref]: address`) by label, the first of a label, none in code. */
export function referenceDefinitions(lines: string[], code: boolean[]): Map<string, string> {
  const defs = new Map<string, string>();
  lines.forEach((line, i) => {
    // Not a footnote's text (`[^1]: Kilde.`).
    const m = code[i] ? null : REFERENCE_DEFINITION.exec(line);
    if (m && !defs.has(referenceLabel(m[1] as string))) defs.set(referenceLabel(m[1] as string), m[2] as string);
  });
  return defs;
}

/**
 * A use of a reference: `[text][ref]`, `[text][]` and `[ref]` alone (not a link already, not a
 * definition, not a footnote): group 1 a `!` (an image), 2 the text, 3 the label; an escaped \[ is
 * no bracket and ends a try (a run of them was quadratic).
 */
export const REFERENCE_USE = /(?<!\\)(!?)\[(?!\^)((?:[^[\]\\\n]|\\[^[\]\n])+)\](?:\[([^[\]\n]*)\])?(?![(:[])/g;

/**
 * Links written other than inline, as inline Markdown links: Obsidian's wikilinks (`[[Note]]`,
 * `[[Folder/Note|text]]`, `[[Note#Heading|text]]`; a path from the folder's root; an embed
 * `![[...]]` is its text, or nothing for a file such as an image) and reference-style links
 * (`[text][ref]`, `[text][]`, `[ref]` with a line `[ref]: address`). Links, rendering and search
 * then read them as any other link (they were text, or lost). Code is left as written.
 */
export function inlineLinks(body: string): string {
  const wiki = body.includes('[[');
  const refs = /^ {0,3}\[[^[\]^\n][^[\]\n]*\]:[ \t]*\S/m.test(body);
  if (!wiki && !refs) return body;
  const lines = body.split('\n');
  const code = codeLines(lines);
  const defs = refs ? referenceDefinitions(lines, code) : new Map<string, string>();
  const rewrite = (part: string): string => {
    let out = part;
    if (wiki && out.includes('[[')) {
      out = out.replace(WIKILINK, (_m, bang: string, written: string, anchor: string | undefined, text: string | undefined) => {
        const target = wikiTarget(written);
        const shown = (text ?? target).trim();
        if (bang) return /\.[a-z0-9]{2,4}$/i.test(target) ? '' : shown;
        if (!wikiNote(target)) return shown;
        return `[${shown.replace(/[[\]]/g, '\\$&')}](${wikiAddress(wikiNote(target), anchor ?? '')})`;
      });
    }
    if (defs.size > 0 && out.includes('[')) {
      out = out.replace(REFERENCE_USE, (whole, bang: string, text: string, ref: string | undefined) => {
        const url = defs.get(referenceLabel(ref || text));
        return url === undefined || bang ? whole : `[${text}](${url})`;
      });
    }
    return out;
  };
  return lines
    .map((line, i) => {
      if (code[i] || !line.includes('[')) return line;
      // Code spans are left as written (`[[ -f fil ]]` in a shell example).
      return line.includes('`') ? outsideCodeSpans(line, rewrite) : rewrite(line);
    })
    .join('\n');
}

/**
 * A Markdown link or image, inline (an address may hold one pair of parentheses, or be written in
 * angle brackets with spaces) or by reference: its text is group 1, at most 500 characters (a
 * heading of `[a\\]` repeated was quadratic unbounded).
 */
const MARKDOWN_LINK = /!?\[((?:[^\]\\]|\\.){0,500})\](?:\((?:\s*<[^<>\n]*>|(?:[^()\s]|\([^()\s]*\))*)(?:\s+"[^"]*")?\s*\)|\[[^\]]*\])/g;

/** Whether the character at `at` is escaped: an odd run of backslashes before it (linear in the run). */
export function escapedAt(text: string, at: number): boolean {
  let n = 0;
  for (let i = at - 1; i >= 0 && text.charCodeAt(i) === 0x5c; i--) n++;
  return n % 2 === 1;
}

/** Markdown links and images as their text; one whose `[` is escaped (`\\[e](/e)`) is left as written. */
export function linkTexts(text: string): string {
  return text.replace(MARKDOWN_LINK, (link: string, label: string, at: number) => (link.startsWith('[') && escapedAt(text, at) ? link : label));
}

/** The first sentence of a body, as plain text: the description of an article that has none. */
export function firstSentence(body: string, max = 300): string {
  let paragraph = '';
  const lines = body.split('\n');
  const code = codeLines(lines);
  for (const [i, line] of lines.entries()) {
    if (code[i]) {
      if (paragraph) break;
      continue;
    }
    const trimmed = line.trim();
    if (trimmed === '' || /^(#|\||>|<|-{3,}|\*{3,}|={3,})/.test(trimmed) || /^(\[image[:\]])/.test(trimmed)) {
      if (paragraph) break;
      continue;
    }
    paragraph += (paragraph ? ' ' : '') + trimmed.replace(/^(?:[-*+]|\d+[.)])\s+/, '');
    // A description is one sentence: what is beyond this is never needed (and bounds the work).
    if (paragraph.length > 2000) {
      paragraph = paragraph.slice(0, 2000);
      break;
    }
  }
  // Escaped characters are kept apart (as private-use stand-ins) while emphasis marks go.
  const escaped: string[] = [];
  const text = linkTexts(paragraph)
    .replace(/<((?:https?|mailto):[^>\s]*)>/g, '$1')
    .replace(/~~(\S(?:.*?\S)?)~~/g, '$1')
    .replace(/\\([[\]\\*_`<])/g, (_, c: string) => String.fromCharCode(0xe000 + escaped.push(c) - 1))
    .replace(/(\*\*|__|\*|_|`)(\S(?:.*?\S)?)\1/g, '$2')
    .replace(/[\ue000-\uf8ff]/g, (c) => escaped[c.charCodeAt(0) - 0xe000] ?? c)
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // A sentence ends at . ! ? after a word (not an abbreviation's single letter, `f.eks.` goes on
  // before a small letter), before a capital, a digit, or the end.
  const end = /(?<=[^\s.]{2})[.!?](?=\s+[\p{Lu}\d"“(]|$)/u.exec(text);
  const cut = end ? text.slice(0, end.index + 1) : text;
  return cut.length > max ? `${cut.slice(0, max - 1).replace(/\s+\S*$/, '')}…` : cut;
}

/**
 * The real corpus holds formulas as KaTeX HTML, often with damaged tags. Their TeX source is in
 * the annotation: shown as a code block, one line per row of an aligned formula.
 */
export function katexToText(html: string): string {
  const tex = /<annotation encoding="application\/x-tex">([\s\S]*?)<\s*\/\s*annotation>/.exec(html)?.[1];
  if (!tex) return '\n\n    (formula)\n\n';
  // Some exports turned `\t` into a tab: `\text`, `\times`, `\tfrac` come back.
  const rows = decodeEntities(tex)
    .replace(/\t(?=ext\b|ext\{|imes\b|frac\b|frac\{|heta\b|au\b|o\b)/g, '\\t')
    .replace(/\\(begin|end)\{\s*aligned\s*\}/g, '')
    .split(/\\\\/)
    .map((row) => texToText(row.replace(/&/g, '')))
    .filter(Boolean);
  return `\n\n${rows.map((row) => `    ${row}`).join('\n')}\n\n`;
}

const TEX_SYMBOLS: Record<string, string> = {
  times: '×', cdot: '·', div: '÷', pm: '±', le: '≤', leq: '≤', ge: '≥', geq: '≥', ne: '≠', neq: '≠',
  approx: '≈', dots: '…', dotso: '…', ldots: '…', cdots: '⋯', infty: '∞', sum: 'Σ', Delta: 'Δ', sigma: 'σ',
  mu: 'μ', beta: 'β', alpha: 'α', rho: 'ρ', left: '', right: '', quad: ' ', qquad: '  ',
};

/** A TeX formula as plain text a reader can follow: \frac{a}{b} as (a)/(b), \text{x} as x. */
export function texToText(tex: string): string {
  let out = tex.replace(/\\(?:text|tekst|textbf|textit|mathrm|mathbf|operatorname)\s*\{([^{}]*)\}/g, '$1');
  for (let i = 0; i < 4; i++) out = out.replace(/\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, '($1)/($2)');
  return out
    .replace(/\\([%$&#_{}])/g, '$1')
    .replace(/\\([A-Za-z]+)/g, (whole, name: string) => TEX_SYMBOLS[name] ?? whole)
    .replace(/\\[,;:! ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

