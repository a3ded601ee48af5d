// Corpus-wide checks: what no single file shows (duplicates, collisions, broken links, orphans).
import { basename, dirname } from 'node:path';
import { fold } from '../fold.js';
import { linkResolver, writtenTarget, type LinkOptions, type LinkResolver, type Resolved } from './links.js';
import type { Article, Problem } from './article.js';
import { languageSuffix } from './languages.js';

/** A file as another problem names it: a page bundle by its folder too (`closure/index.md`, `aktie/index.da.md`). */
const label = (file: string) => {
  const name = basename(file);
  const bundle = name === 'index.md' || (name.endsWith('.md') && languageSuffix(name.slice(0, -3))?.base === 'index');
  return bundle ? `${basename(dirname(file))}/${name}` : name;
};

/**
 * Another file as a problem of `file` names it: by its folder too where its name is the same
 * (`Danish/share.md` beside `da/share.md`), and said so where only how its letters are composed
 * differs (`café.md` written composed and decomposed in one folder).
 */
function otherLabel(other: string, file: string): string {
  if (label(other).normalize('NFC') !== label(file).normalize('NFC')) return label(other);
  const folder = `${basename(dirname(other))}/${basename(other)}`;
  return dirname(other) !== dirname(file) ? folder : `${label(other)} (the same name with its letters composed otherwise)`;
}

/** `a`, `a or b`, `a, b or c` (at most four named, then how many more). */
function orList(names: string[]): string {
  const shown = names.length > 4 ? [...names.slice(0, 3), `${names.length - 3} more`] : names;
  return shown.length === 1 ? (shown[0] as string) : `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}

/** Where an `outside-link` leads, one link and several: a site's page, or a vault's note outside the folder given. */
export const OUTSIDE_WHERE = {
  site: { one: 'a page of the site outside the glossary', many: 'pages of the site outside the glossary' },
  vault: { one: 'a note of the vault outside this folder', many: 'notes of the vault outside this folder' },
} as const;

export interface FileProblem extends Problem {
  file: string;
  lang: string;
}

export interface CheckOptions extends LinkOptions {
  /** The other languages' resolvers: a link that only they resolve is `untranslated`, not broken. */
  others?: Array<{ lang: string; resolve: (link: Article['links'][number]) => Resolved }>;
  /** Also list what each article defines (`defines`, one of ASKED_FOR). */
  defines?: boolean;
}

/** Rules made only when asked for by name (`check --rule defines`): listings, not problems, each article listed. */
export const ASKED_FOR = new Set(['defines']);

/** Checks one language's articles against each other. */
export function checkArticles(articles: Article[], options: CheckOptions = {}): FileProblem[] {
  const out: FileProblem[] = [];
  const add = (a: Article, p: Problem) => out.push({ ...p, file: a.file, lang: a.lang });
  for (const a of articles) for (const p of a.problems) add(a, p);
  // What each article says it defines beyond its names (defines.ts): what search finds it by.
  for (const a of options.defines ? articles : []) {
    if (!a.defined?.length) continue;
    const names = a.defined.map((d) => `"${d}"`).join(', ');
    add(a, { severity: 'note', code: 'defines', message: `defines ${names}: search finds it by ${a.defined.length === 1 ? 'that' : 'these'} too, after its title and aliases`, line: a.bodyLine });
  }

  const firstBy = (key: (a: Article) => string, code: string, what: (a: Article) => string) => {
    const seen = new Map<string, Article>();
    for (const a of articles) {
      const k = key(a);
      const earlier = seen.get(k);
      if (earlier) add(a, { severity: 'error', code, message: `${what(a)} is also used by ${otherLabel(earlier.file, a.file)}`, line: 1 });
      else seen.set(k, a);
    }
  };
  firstBy((a) => a.id.toLowerCase(), 'duplicate-id', (a) => `id "${a.id}"`);
  // One title twice in one folder is one term written twice: an error. Terms of one title in
  // different folders (`finans/rente.md`, `jura/rente.md`, notes of one name in a vault) are told
  // apart by their paths, as lookup and links name them: a warning.
  const folderOf = (a: Article) => (a.id.includes('/') ? a.id.slice(0, a.id.lastIndexOf('/')) : '');
  const bySlug = new Map<string, Article[]>();
  for (const a of articles) (bySlug.get(a.slug) ?? (bySlug.set(a.slug, []).get(a.slug) as Article[])).push(a);
  for (const group of bySlug.values()) {
    const first = group[0] as Article;
    group.forEach((a, i) => {
      if (i === 0) return;
      const what = `slug "${a.slug}" (from the title "${a.title}")`;
      const twin = group.slice(0, i).find((b) => folderOf(b) === folderOf(a));
      if (twin) add(a, { severity: 'error', code: 'duplicate-slug', message: `${what} is also used by ${otherLabel(twin.file, a.file)}`, line: 1 });
      else add(a, { severity: 'warning', code: 'duplicate-slug', message: `${what} is also used by ${otherLabel(first.file, a.file)}, in another folder: each is named by its path (${first.id}, ${a.id})`, line: 1 });
    });
  }

  const owner = new Map<string, Article>();
  for (const a of articles) {
    owner.set(fold(a.id), a);
    owner.set(fold(a.title), a);
  }
  for (const a of articles) {
    for (const alias of a.aliases) {
      const other = owner.get(fold(alias));
      if (other && other !== a) {
        add(a, { severity: 'error', code: 'alias-collision', message: `alias "${alias}" is the id or title of ${label(other.file)}`, line: 1 });
      }
    }
  }
  const aliasOwner = new Map<string, Article>();
  for (const a of articles) {
    for (const alias of a.aliases) {
      const k = fold(alias);
      const other = aliasOwner.get(k);
      if (other && other !== a) add(a, { severity: 'error', code: 'alias-collision', message: `alias "${alias}" is also an alias of ${label(other.file)}`, line: 1 });
      else aliasOwner.set(k, a);
    }
  }

  const resolve = linkResolver(articles, options);
  const linked = new Set<Article>();
  for (const a of articles) for (const p of linkProblems(a, resolve, options.others, a, linked)) add(a, p);
  if (articles.length > 1) {
    for (const a of articles) {
      if (!linked.has(a)) add(a, { severity: 'warning', code: 'orphan', message: 'no other article links here' });
    }
  }

  const spellings = new Map<string, Map<string, Article>>();
  for (const a of articles) {
    for (const k of a.keywords) {
      const key = fold(k);
      const forms = spellings.get(key) ?? new Map<string, Article>();
      if (!forms.has(k)) forms.set(k, a);
      spellings.set(key, forms);
    }
  }
  for (const forms of spellings.values()) {
    if (forms.size < 2) continue;
    const [first, ...rest] = [...forms.entries()];
    for (const [spelling, a] of rest) {
      add(a, { severity: 'warning', code: 'keyword-spelling', message: `keyword "${spelling}" is spelled "${first?.[0]}" in ${first ? label(first[1].file) : ''}`, line: 1 });
    }
  }
  return out;
}

/**
 * The problems of one article's links: broken, untranslated, to itself, outside the glossary (a note) (`self`: the article as
 * `resolve` knows it). The articles linked to are added to `linked`. The language server checks
 * one edited file with this and the resolvers of the last whole check (src/edge/lsp.ts).
 */
export function linkProblems(
  a: Article,
  resolve: LinkResolver,
  others: CheckOptions['others'] = [],
  self: Article = a,
  linked?: Set<Article>,
): Problem[] {
  const out: Problem[] = [];
  for (const link of a.links) {
    const target = resolve(link);
    if (target === 'outside') {
      // Counted apart: a page of the site beyond the glossary is not this corpus's to check.
      out.push({ severity: 'note', code: 'outside-link', message: `link to "${writtenTarget(link)}", ${OUTSIDE_WHERE[resolve.vault ? 'vault' : 'site'].one}: not checked`, line: link.line });
      continue;
    }
    if (!target) {
      const elsewhere = others.filter((o) => typeof o.resolve(link) === 'object').map((o) => o.lang);
      const could = elsewhere.length ? [] : resolve.ambiguous(link);
      if (elsewhere.length) out.push({ severity: 'warning', code: 'untranslated', message: `link to "${writtenTarget(link)}", which is only in ${elsewhere.join(', ')}: not translated to ${a.lang} yet`, line: link.line });
      else if (could.length) out.push({ severity: 'warning', code: 'ambiguous-link', message: `link to "${writtenTarget(link)}", which could be ${orList(could.map((c) => c.id))}: write the one meant with its folder`, line: link.line });
      else out.push({ severity: 'warning', code: 'broken-link', message: `link to "${writtenTarget(link)}", which is not in the corpus`, line: link.line });
    } else if (target === self) {
      out.push({ severity: 'warning', code: 'self-link', message: `link to itself ("${link.text}")`, line: link.line });
    } else linked?.add(target);
  }
  return out;
}
