// Source text -> Article. Pure and total: bad content becomes a Problem, never an exception.
import matter from 'gray-matter';
import yaml from 'js-yaml';
import { fold, slugify } from '../fold.js';
import { decodeEntities, displayText, hasControl, hasEntities } from '../text.js';
import type { Article, Link, ParseResult, Problem } from './article.js';
import { linkTarget } from './links.js';
import { cleanSiteMarkup, CODE_SPAN, codeLines, escapedAt, firstSentence, linkTexts } from './markup.js';
import { decodeSource } from './source-text.js';
import { bodyTerms } from './terms.js';
import { definedNames } from './defines.js';

/** Larger files are rejected unread: no article is that long, and it bounds time and memory. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
const MAX_FRONT_MATTER_CHARS = 64 * 1024;

export interface SourceFile {
  id: string;
  lang: string;
  file: string;
  bytes: Uint8Array;
  /** The file's folder relative to its language folder: links to `x.md` are relative to it. */
  dir?: string;
  /** Extra front-matter fields read as keywords (from the corpus config), lower case. */
  keywordFields?: string[];
  /** In an Obsidian vault, whose notes are articles with or without front matter or a heading. */
  vault?: boolean;
}

/** Front-matter fields read as keywords: the seed's, and what static sites call them. */
const KEYWORD_FIELDS = ['keywords', 'tags', 'category', 'categories'];


function refuseEngine(): never {
  throw new Error('only YAML front matter is accepted');
}

/** js-yaml's own types, by tag: what a value tagged so (`!!int 5`) is read as, as before. */
const builtin = (tag: string): yaml.Type => {
  const schemas = [yaml.DEFAULT_SAFE_SCHEMA, yaml.JSON_SCHEMA] as unknown as Array<{ implicit: yaml.Type[]; explicit: yaml.Type[] }>;
  const found = schemas.flatMap((s) => [...s.implicit, ...s.explicit]).find((t) => (t as unknown as { tag: string }).tag === `tag:yaml.org,2002:${tag}`);
  if (!found) throw new Error(`js-yaml has no type ${tag}`);
  return found;
};

/**
 * YAML whose plain scalars are text, as a glossary's fields are: YAML 1.1 (gray-matter's js-yaml)
 * reads `1:1` as the base-60 number 61, `010` as 8, `3.10` as 3.1, `12:30:00` as 45000 and
 * `2024-02-30` as a date in March, and a title or alias became that. Only true/false and null
 * (~, empty) keep their meaning (as in YAML 1.2), and merge keys (`<<: *defaults`) merge; a value
 * tagged as a number or a date (`!!int 5`) is read as one, as before. `draft: yes` is a draft
 * (see truthy); quoted text, lists and mappings are as before.
 */
const TEXT_YAML = new yaml.Schema({
  include: [yaml.FAILSAFE_SCHEMA],
  implicit: [
    new yaml.Type('tag:yaml.org,2002:null', {
      kind: 'scalar',
      resolve: (data: string | null) => data === null || /^(?:~|null|Null|NULL)?$/.test(data),
      construct: () => null,
    }),
    new yaml.Type('tag:yaml.org,2002:bool', {
      kind: 'scalar',
      resolve: (data: string | null) => data !== null && /^(?:true|True|TRUE|false|False|FALSE)$/.test(data),
      construct: (data: string) => /^true$/i.test(data),
    }),
    builtin('merge'),
  ],
  explicit: ['int', 'float', 'timestamp', 'binary', 'omap', 'pairs', 'set'].map(builtin),
});

// gray-matter runs `---js` front matter through eval; every engine but YAML is replaced by a refusal.
const MATTER_OPTIONS = {
  language: 'yaml',
  engines: { yaml: (text: string) => yaml.safeLoad(text, { schema: TEXT_YAML }), js: refuseEngine, javascript: refuseEngine, coffee: refuseEngine, coffeescript: refuseEngine, cson: refuseEngine, toml: refuseEngine, json: refuseEngine },
};

export function parseArticle(src: SourceFile): ParseResult {
  const reject = (message: string, code: string, line?: number): ParseResult => ({
    kind: 'rejected', file: src.file, id: src.id,
    problems: [{ severity: 'error', code, message, ...(line === undefined ? {} : { line }) }],
  });
  if (src.bytes.length > MAX_FILE_BYTES) {
    return reject(`file is ${(src.bytes.length / 1048576).toFixed(1)} MB, larger than the 4 MB limit`, 'too-large');
  }
  let text: string;
  try {
    text = decodeSource(src.bytes);
  } catch {
    return reject('file is not valid UTF-8: save it as UTF-8', 'encoding');
  }
  if (text.includes('\u0000')) return reject('file contains a NUL byte: it looks like a binary file', 'binary');
  if (text.trim() === '') return { kind: 'not-article', file: src.file, reason: 'empty file' };

  const problems: Problem[] = [];
  let data: Record<string, unknown> = {};
  let body = text;
  let bodyLine = 1;
  // Hugo's TOML front matter (`+++`, `title = "..."`): read as data, as YAML is (nothing executed).
  const toml = /^\+\+\+[ \t]*\n([\s\S]*?)\n\+\+\+[ \t]*(?:\n|$)/.exec(text.length > MAX_FRONT_MATTER_CHARS + 8 ? text.slice(0, MAX_FRONT_MATTER_CHARS + 8) : text);
  if (toml) {
    const read = readToml(toml[1] as string);
    data = lowerKeys(read.data);
    for (const line of read.unread) problems.push({ severity: 'warning', code: 'front-matter-toml', message: `front matter line ${line} is not read (only key = value lines of plain values, before any [table])`, line: line + 1 });
    body = text.slice(toml[0].length);
    bodyLine = (toml[0].match(/\n/g)?.length ?? 0) + 1;
  }
  const opening = toml ? null : /^---([^\n]*)\n/.exec(text);
  if (opening) {
    const language = (opening[1] ?? '').trim();
    if (language !== '' && language !== 'yaml' && language !== 'yml') {
      return reject(`front matter in "${language.slice(0, 20)}" is not accepted: only YAML front matter is read, nothing is executed`, 'front-matter-language', 1);
    }
    const close = /\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text.slice(opening[0].length - 1));
    if (!close) return reject('front matter is not closed: add a line "---" after it', 'front-matter-unclosed', 1);
    const yamlEnd = opening[0].length - 1 + close.index;
    if (yamlEnd > MAX_FRONT_MATTER_CHARS) return reject('front matter is larger than 64 KB', 'front-matter-too-large', 1);
    const block = '---\n' + text.slice(opening[0].length, yamlEnd) + '\n---\n';
    const yaml = text.slice(opening[0].length, yamlEnd);
    try {
      const parsed = matter(block, MATTER_OPTIONS as never).data as unknown;
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) data = lowerKeys(parsed as Record<string, unknown>);
      else if (parsed != null) problems.push({ severity: 'error', code: 'front-matter-shape', message: 'front matter is not a mapping of fields', line: 1 });
    } catch (error) {
      // The parser's first line ends with a colon before the excerpt it quotes below: not ours to end on.
      const reason = (error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error)).replace(/:\s*$/, '');
      // The real corpus has `description: ... kapital: gæld ...`, invalid YAML that every reader
      // means as one line per field. Read such simple front matter line by line, and say so.
      const simple = readSimpleFields(yaml);
      if (!simple) return reject(`front matter is not valid YAML: ${reason.slice(0, 160)}`, 'front-matter-yaml', 1);
      data = lowerKeys(simple);
      problems.push({ severity: 'warning', code: 'front-matter-lenient', message: `front matter is not valid YAML (${reason.split(/[;(]/)[0]?.trim()}); read one field per line: quote values that hold ": "`, line: 1 });
    }
    const bodyStart = yamlEnd + close[0].length;
    body = text.slice(bodyStart);
    bodyLine = (text.slice(0, bodyStart).match(/\n/g)?.length ?? 0) + 1;
  }

  // Site markup (macros, shortcodes, HTML) as plain Markdown: what links, search and the
  // description read. Rendering cleans the body the same way.
  const clean = cleanSiteMarkup(body);
  const { heading, title: titleHeading } = headings(clean);
  if (!opening && !toml && heading === undefined && !src.vault) {
    return { kind: 'not-article', file: src.file, reason: 'no front matter and no heading: not an article' };
  }
  const page = notATerm(data, heading, clean);
  if (page) return { kind: 'page', file: src.file, reason: page };

  // In an Obsidian vault a note is named by its file and described by its text: no warning or
  // note for each note without front matter (a vault of 2,000 notes had 4,000).
  const plainNote = Boolean(src.vault && !opening && !toml);
  const title = readTitle(data, titleHeading, src.id, plainNote ? [] : problems);
  // Glossary generators name the description otherwise: Kubernetes `short_description`, a
  // `definition`, Hugo's `summary`.
  const described = DESCRIPTION_FIELDS.find((f) => data[f] !== undefined) ?? 'description';
  let description = readScalar(data, described, problems) ?? '';
  if (!description && data[described] === undefined) {
    description = firstSentence(clean);
    if (description && !plainNote) problems.push({ severity: 'note', code: 'description-from-body', message: 'no "description": its first sentence is shown instead', line: 1 });
  }
  const keywords = unique([...KEYWORD_FIELDS, ...(src.keywordFields ?? [])].flatMap((field) => readList(data, field, problems)), 'keywords', problems);
  // Hugo's `aliases` are the page's old addresses (`/old/cdn/`): where the page lives, not its names.
  // Kubernetes' glossary lists its other names as `aka`.
  const listed = [...readList(data, 'aliases', problems), ...readList(data, 'aka', problems)];
  const aliases = listed.filter((a) => !a.startsWith('/'));
  const leaf = src.id.slice(src.id.lastIndexOf('/') + 1);
  const site = sitePaths(data, listed.filter((a) => a.startsWith('/')), src.dir, leaf);
  const siteName = ownAddressName(data, leaf);
  checkFrontMatterText({ title: data['title'], description: data['description'], keywords: data['keywords'], aliases: data['aliases'] }, problems);

  const indexed = bodyTerms(clean.replace(/<br\s*\/?>/gi, ' '));
  const article: Article = {
    id: src.id,
    lang: src.lang,
    file: src.file,
    title,
    slug: slugify(title) || slugify(src.id) || src.id,
    description,
    keywords,
    aliases,
    body,
    source: text,
    bodyStart: text.length - body.length,
    links: extractLinks(clean, bodyLine, src.id, src.dir ?? ''),
    problems,
    bodyLine,
    bodyTerms: indexed.terms,
    bodyLength: indexed.length,
  };
  // The counts themselves for a compile in this thread (not copied to a worker's parent, nor
  // written): the string would otherwise be split and its numbers read again.
  Object.defineProperty(article, 'bodyCounts', { value: indexed.counts, enumerable: false });
  if (site.length) article.site = site;
  if (siteName) article.siteName = siteName;
  const defined = definedNames(title, aliases, description, body);
  if (defined.length) article.defined = defined;
  return { kind: 'article', article };
}

/** An address's parts as written, without its `?query` or `#part`, empty and `.` parts (`/Glossary/CDN/` -> Glossary, CDN). */
function addressParts(address: string): string[] {
  return address.replace(/[?#].*$/s, '').split('/').filter((p) => p !== '' && p !== '.');
}

/** An address as a site path: its parts, lower case (`/Glossary/CDN/` -> `glossary/cdn`). */
function sitePath(address: string): string {
  return addressParts(address).join('/').toLowerCase();
}

/**
 * The name the page's own address ends with (`slug`, `url`, else a Docusaurus `id:`), decoded,
 * without `.html` or a last `index`; undefined where it is the file's name (`leaf`) or none.
 */
function ownAddressName(data: Record<string, unknown>, leaf: string): string | undefined {
  const own = [data['slug'], data['url'], data['id']].find((v): v is string => typeof v === 'string' && v.trim() !== '');
  if (own === undefined) return undefined;
  const parts = addressParts(own);
  if (parts.length && /^index(?:\.html?)?$/i.test(parts[parts.length - 1] as string)) parts.pop();
  let name = (parts[parts.length - 1] ?? '').replace(/\.html?$/i, '');
  try {
    name = decodeURIComponent(name);
  } catch {
    /* kept as written */
  }
  name = name.trim();
  return name && name.length <= 200 && !/\p{Cc}/u.test(name) && fold(name) !== fold(leaf) ? name : undefined;
}

/**
 * The addresses a page gives itself on its site: `slug` (MDN `Glossary/CDN`, Docusaurus), `url`
 * (Hugo) and Hugo's path `aliases`. Links are resolved by them (see links.ts siteLinkOptions).
 */
function sitePaths(data: Record<string, unknown>, paths: string[], dir = '', name = ''): string[] {
  const fields = [data['slug'], data['url']].filter((v): v is string => typeof v === 'string');
  // Docusaurus serves a doc with `id: loan-term` and no slug at its folder's address + the id. An
  // id that is the file's own name says nothing new (and many glossaries keep one): no address.
  const id = typeof data['id'] === 'string' ? data['id'].trim() : '';
  if (fields.length === 0 && /^[^/\s?#]+$/.test(id) && id.toLowerCase() !== name.toLowerCase()) fields.push(dir ? `${dir}/${id}` : id);
  return [...new Set([...fields, ...paths].map(sitePath).filter((p) => p !== '' && p.length <= 500))].slice(0, MAX_LIST_ITEMS);
}

/**
 * Keys as Hugo reads them, without regard to case (`Title:`); where two spellings are written, the
 * lower-case one wins. A map without a prototype: a key named `__proto__` is just a key.
 */
function lowerKeys(data: Record<string, unknown>): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(data)) {
    const k = key.toLowerCase();
    if (!(k in out) || key === k) out[k] = value;
  }
  return out;
}

const truthy = (value: unknown) => value === true || (typeof value === 'string' && /^(true|yes)$/i.test(value.trim()));

/** Why a page is not a term (a draft, a landing or search page, nothing to call it), or undefined. */
function notATerm(data: Record<string, unknown>, heading: string | undefined, body: string): string | undefined {
  if (truthy(data['draft'])) return 'a draft (draft: true)';
  if (truthy(data['headless'])) return 'a headless page (headless: true)';
  const kind = [data['page-type'], data['layout'], data['type']].find((v) => typeof v === 'string' && /^(landing-page|search|section|list)$/i.test(v.trim()));
  if (typeof kind === 'string') return `a ${kind.trim().toLowerCase().replace('-page', '')} page`;
  // Front matter with no title, no heading and no text is a page of the site; with text (an
  // Obsidian note: aliases and tags, then the text) it is an article named by its file.
  if (TITLE_FIELDS.every((f) => data[f] === undefined) && heading === undefined && Object.keys(data).length > 0 && body.trim() === '') return 'front matter without a title, no heading and no text';
  return undefined;
}

/**
 * The top level of TOML front matter as data: `key = value` lines with a string ("..." with
 * escapes, or '...'), a number, true or false, a date (as text) or an array of those (on one line
 * or several); what follows a `[table]` header is a table's (Hugo's `[params]`), not read. The
 * lines of the top level that are none of these are listed, by their number (from 1).
 */
export function readToml(text: string): { data: Record<string, unknown>; unread: number[] } {
  const data: Record<string, unknown> = {};
  const unread: number[] = [];
  const lines = text.split('\n');
  const scalar = (v: string): unknown => {
    const t = v.trim();
    const basic = /^"((?:[^"\\]|\\.)*)"$/.exec(t);
    if (basic) {
      try {
        return JSON.parse(`"${basic[1]}"`) as string;
      } catch {
        return undefined;
      }
    }
    const literal = /^'([^']*)'$/.exec(t);
    if (literal) return literal[1];
    if (/^(true|false)$/.test(t)) return t === 'true';
    if (/^[+-]?\d[\d_]*(\.\d+)?([eE][+-]?\d+)?$/.test(t)) return Number(t.replace(/_/g, ''));
    if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(t)) return t;
    return undefined;
  };
  const items = (inner: string): unknown[] | undefined => {
    const out: unknown[] = [];
    for (const m of inner.matchAll(/\s*("(?:[^"\\]|\\.)*"|'[^']*'|[^,\s][^,]*?)\s*(?:,|$)/g)) {
      if (!m[1]) continue;
      const v = scalar(m[1]);
      if (v === undefined) return undefined;
      out.push(v);
    }
    return out;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/\r$/, '');
    if (/^\s*(#.*)?$/.test(line)) continue;
    // A table: the rest of the front matter is its (and other tables').
    if (/^\s*\[/.test(line)) break;
    const m = /^\s*([A-Za-z0-9_-]+|"[^"]+")\s*=\s*(.*?)\s*(?:#[^"']*)?$/.exec(line);
    if (!m) {
      unread.push(i + 1);
      continue;
    }
    const key = (m[1] as string).replace(/^"|"$/g, '');
    let value = m[2] as string;
    if (value.startsWith('[')) {
      // An array, perhaps over several lines: up to its closing bracket.
      let j = i;
      while (!/\]\s*$/.test(value) && j + 1 < lines.length) value += ' ' + (lines[++j] as string).trim();
      const list = /^\[(.*)\]$/s.exec(value.trim());
      const got = list ? items(list[1] as string) : undefined;
      if (got === undefined) unread.push(i + 1);
      else data[key] = got;
      i = j;
      continue;
    }
    const v = scalar(value);
    if (v === undefined) unread.push(i + 1);
    else data[key] = v;
  }
  return { data, unread };
}

/** `key: value` lines only (no lists, no nesting); undefined when the text is anything else. */
function readSimpleFields(yaml: string): Record<string, unknown> | undefined {
  const data: Record<string, unknown> = {};
  for (const line of yaml.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const match = /^([A-Za-z_][\w-]*):[ \t]+(\S.*)$/.exec(line);
    if (!match || /^["'[{&*!|>]/.test(match[2] ?? '')) return undefined;
    data[match[1] as string] = (match[2] as string).trim();
  }
  return data;
}

/**
 * The first heading of the text, and the first `# ` one (a title is a `# ` heading, not a
 * section's `## `); in one pass, never a line of code (a shell comment `# installer` in a block).
 */
function headings(body: string): { heading?: string; title?: string } {
  const out: { heading?: string; title?: string } = {};
  if (!/^ {0,3}#/m.test(body)) return out;
  const lines = body.split('\n');
  const code = codeLines(lines);
  for (let i = 0; i < lines.length && out.title === undefined; i++) {
    if (code[i]) continue;
    const m = /^ {0,3}(#{1,6})[ \t]*(.+?)[ \t#]*$/.exec(lines[i] as string);
    // `#{1,6}` then text: `# x` is a title; `#x` (no space) only a heading, as before.
    if (!m) continue;
    const text = headingText(m[2] as string);
    if (text === undefined) continue;
    out.heading ??= text;
    if ((m[1] as string).length === 1 && /^ {0,3}#[ \t]/.test(lines[i] as string)) out.title = text;
  }
  return out;
}

/** A heading's words: a link in it (a macro made one) gives its words. */
function headingText(raw: string): string | undefined {
  const text = linkTexts(raw).replace(/\\([[\]\\<])/g, '$1');
  return text ? displayText(text) || undefined : undefined;
}

function toText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return undefined;
}

function readScalar(data: Record<string, unknown>, field: string, problems: Problem[]): string | undefined {
  const value = data[field];
  if (value === undefined || value === null) return undefined;
  const text = toText(value);
  if (text === undefined) {
    problems.push({ severity: 'warning', code: 'field-type', message: `"${field}" should be text, not a ${Array.isArray(value) ? 'list' : typeof value}; ignored`, line: 1 });
    return undefined;
  }
  return displayText(text);
}

/** Where glossary generators keep a term's name when not in `title` (Jekyll glossaries' `term`); `name` only without a `# ` heading (it may be an author's). */
const TITLE_FIELDS = ['title', 'term', 'name'];
/** ... and its description when not in `description`. */
const DESCRIPTION_FIELDS = ['description', 'short_description', 'definition', 'summary'];

/**
 * The title: `title` (or `term`, `name`), else the first `# ` heading, else the file's name (its
 * last part, `-` and `_` as spaces: an Obsidian note is named by its file), said as a problem.
 */
function readTitle(data: Record<string, unknown>, heading: string | undefined, id: string, problems: Problem[]): string {
  const field = TITLE_FIELDS.find((f) => data[f] !== undefined && (f !== 'name' || heading === undefined)) ?? 'title';
  const raw = data[field];
  const title = readScalar(data, field, problems);
  if (title) return title;
  if (typeof raw === 'string') {
    problems.push({ severity: 'error', code: 'empty-title', message: 'title is empty: give the article a title', line: 1 });
  } else if (heading === undefined) {
    problems.push({ severity: 'warning', code: 'missing-title', message: 'no title: the file name is shown; add "title:" to the front matter or a "# " heading', line: 1 });
  }
  return heading ?? ((id.split('/').pop() as string).replace(/[-_]+/g, ' ').trim() || id);
}

/**
 * Keywords and aliases an article may have: each becomes an index entry, and a real article has
 * a handful. More is a mistake (or an attack on the cache's size); the rest are left out, with a
 * warning.
 */
export const MAX_LIST_ITEMS = 50;

/** `keywords: A,B` or a YAML list; a single scalar is one item. */
function readList(data: Record<string, unknown>, field: string, problems: Problem[]): string[] {
  const value = data[field];
  if (value === undefined || value === null) return [];
  const items: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 1000)) {
      // Docusaurus writes a tag as an object too: `- label: Finance` (with its permalink).
      const label = item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>)['label'] : undefined;
      const text = toText(label ?? item);
      if (text === undefined) {
        const what = Array.isArray(item) ? 'a list' : item === null ? 'an empty item' : typeof item === 'object' ? 'an object' : `a ${typeof item}`;
        const message = `"${field}" holds ${what}, not text; ignored: write each item as text (${field}: [A, B])`;
        // Once: a list of a hundred lists is one thing to mend.
        if (!problems.some((p) => p.message === message)) problems.push({ severity: 'warning', code: 'field-type', message, line: 1 });
      } else items.push(text);
    }
  } else {
    const text = toText(value);
    if (text === undefined) {
      problems.push({ severity: 'warning', code: 'field-type', message: `"${field}" should be a comma-separated text or a list; ignored`, line: 1 });
      return [];
    }
    items.push(...text.split(','));
  }
  return field === 'aliases' ? unique(items, field, problems) : items;
}

/** Items as display text, each once, at most MAX_LIST_ITEMS. */
function unique(items: string[], field: string, problems: Problem[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of items) {
    const clean = displayText(item);
    if (clean !== '' && !seen.has(clean)) {
      seen.add(clean);
      out.push(clean);
    }
  }
  if (out.length > MAX_LIST_ITEMS) {
    problems.push({ severity: 'warning', code: 'too-many-items', message: `"${field}" has ${out.length} items; the first ${MAX_LIST_ITEMS} are used`, line: 1 });
    return out.slice(0, MAX_LIST_ITEMS);
  }
  return out;
}

function checkFrontMatterText(fields: Record<string, unknown>, problems: Problem[]): void {
  for (const [field, value] of Object.entries(fields)) {
    const texts = (Array.isArray(value) ? value : [value]).map(toText).filter((t): t is string => t !== undefined);
    for (const text of texts) {
      const entity = /&(?:#\d+|#x[0-9a-f]+|[a-z]+);(?:amp;|#\d+;)*/i.exec(text)?.[0];
      if (entity && hasEntities(text)) {
        problems.push({ severity: 'warning', code: 'front-matter-entities', message: `HTML entity "${entity}" in "${field}": write "${decodeEntities(entity)}" as plain text`, line: 1 });
      } else if (/<\/?[a-z][^>]*>|\*\*|\]\(/i.test(text)) {
        problems.push({ severity: 'warning', code: 'front-matter-markup', message: `markup in "${field}": front matter is plain text`, line: 1 });
      }
      if (hasControl(text)) {
        problems.push({ severity: 'warning', code: 'control-characters', message: `control characters in "${field}" (removed for display)`, line: 1 });
      }
    }
  }
}

// A link, its destination plain or in angle brackets, which may hold spaces (`[x](</same slug>)`):
// group 1 a `!` (an image), 2 the text, 3 or 4 the destination. Its text holds brackets only in
// pairs or escaped (`[a [b] c](x)`; `[a [b](x)` is the link `b`, and `[a[b](x)c](y)` the link `x`
// alone, a link holding no link, as CommonMark reads them), and its
// destination parentheses only in pairs (`aktie_(finans).md`); each try stops at an unpaired
// bracket (a line of brackets is read in linear time). The language server's link spans
// read links by it too (edge/link-spans.ts).
// One whose `[` is escaped (`\\[e](/e)` is text) is told by the backslashes before it (markup.ts escapedAt).
export const LINK = /(!?)\[((?:[^[\]\\\n]|\\.|\[(?:[^[\]\\\n]|\\.){0,500}\](?!\()){0,500})\]\(\s*(?:<([^<>\n]{1,2000})>|((?:[^\s()<>]|\([^\s()<>]{0,500}\)){1,2000}))(?:\s+"[^"\n]*")?\s*\)/g;

/** The internal links of a body (already cleaned of site markup), each with its target path. */
export function extractLinks(body: string, firstLine: number, id = '', dir = ''): Link[] {
  const links: Link[] = [];
  const lines = body.split('\n');
  const code = codeLines(lines);
  lines.forEach((line, index) => {
    if (code[index] || !line.includes('](')) return;
    const unquoted = line.replace(CODE_SPAN, (span) => ' '.repeat(span.length));
    LINK.lastIndex = 0;
    for (let match = LINK.exec(unquoted); match; match = LINK.exec(unquoted)) {
      // An escaped `[` opens no link: the search goes on from the next character (a real link may
      // follow inside what this match took: `\\[sic\\] og [b](b.md)`).
      if (!match[1] && escapedAt(unquoted, match.index)) {
        LINK.lastIndex = match.index + 1;
        continue;
      }
      const href = match[3] ?? match[4] ?? '';
      const target = linkTarget(href, id, dir);
      // An image is no link; an escaped `\\!` before a link is text (`Hurra\\![B](b.md)`).
      const image = match[1] === '!' && !escapedAt(unquoted, match.index);
      if (image || target === undefined) continue;
      // The text as shown: Markdown's backslash escapes resolved.
      links.push({ href, target, text: displayText((match[2] ?? '').replace(/\\([!-/:-@[-`{-~])/g, '$1')), line: firstLine + index });
    }
  });
  return links;
}
