// Article[] -> the compiled corpus: per language an exact-name map, a candidate index for
// search, keyword lists and one self-contained record per article (links resolved, backlinks).
import { compareDanish, fold, words } from '../fold.js';
import type { Article, Problem } from './article.js';
import { linkKey, linkResolver, type LinkOptions } from './links.js';
import { countsOf, docTermsOfWord, stem, stemmed } from './terms.js';
import { scanTermsOf, type ScanIndex, type ScanTerm } from '../scan.js';

export interface ArticleRef {
  id: string;
  title: string;
  /** The name to look it up by: the slug where it is unique, else the id. */
  name: string;
}

export interface RecordLink {
  href: string;
  target: string;
  text: string;
  line: number;
  /** The article the link resolves to; absent for a broken link. */
  to?: ArticleRef;
  /** A page of the site outside the glossary (`/en-US/docs/Web/API/...`): not a glossary link. */
  outside?: boolean;
  /** Broken because two articles or more share the name it ends with (`[[Note]]`: a/Note, b/Note): check's ambiguous-link. */
  ambiguous?: boolean;
}

/** A reference as compiled: with the article's number, which the store keeps instead of the names. */
export interface LinkedRef extends ArticleRef {
  n: number;
}

/** A record as compiled, its links' targets and backlinks numbered. */
export interface CompiledRecord extends ArticleRecord {
  links: Array<RecordLink & { to?: LinkedRef }>;
  backlinks: LinkedRef[];
}

/** All that `lookup` needs of one article, read with one positioned read. */
export interface ArticleRecord extends ArticleRef {
  n: number;
  lang: string;
  file: string;
  slug: string;
  description: string;
  keywords: string[];
  aliases: string[];
  source: string;
  /**
   * The source is not kept in the store: it is read from `file` when the record is read, and only
   * while the file's size, change time and inode are still `stamp` (a --content corpus; the folder is there).
   */
  external?: boolean;
  /** Where the Markdown body starts in `source`. */
  bodyStart: number;
  links: RecordLink[];
  backlinks: ArticleRef[];
  /** Other languages that have an article with this id. */
  langs: string[];
  /** Size, change time and inode of the source file when compiled, to tell whether it changed since. */
  stamp?: [number, number, number];
  /** What parsing found wrong in this article alone. */
  problems: Problem[];
  bodyLine: number;
  /**
   * The body's words as the full-text index counts them (kept so that a recompile need not read the
   * file). Stored apart from the record (the `terms` items), which a lookup reads: absent there.
   */
  bodyTerms?: string;
  bodyLength: number;
  /** What the article says it defines beyond its title and aliases (see defines.ts). */
  defined?: string[];
  /** The page's addresses on its site (Article.site), kept so that a recompile resolves links by them. */
  site?: string[];
  /** The name its own address ends with (Article.siteName), a name it is looked up by. */
  siteName?: string;
}

/** What search ranks: small, read only for candidates. */
export interface SearchDoc extends ArticleRef {
  n: number;
  aliases: string[];
  keywords: string[];
  description: string;
  /** Words in the body (full-text ranking weighs a match by the body's length). */
  bl: number;
  /** Folded, stemmed title, aliases, keywords and description, made at compile time. */
  s: { title: string; aliases: string[]; keywords: string[]; description: string; folded: string; foldedAliases: string[]; defined?: string[]; foldedDefined?: string[] };
  /** What the article says it defines (see defines.ts), as written; absent when nothing beyond its names. */
  defined?: string[];
}

export interface CompiledLanguage {
  lang: string;
  /** How many articles: numbered 0 to count - 1. */
  count: number;
  /**
   * Article n's record and search document, made when asked (each call makes them anew): a large
   * language's compile holds them a part at a time as it writes them, not all at once (they were a
   * third of what its compile held). `withRecords` holds them all, for what needs them together.
   */
  record: (n: number) => CompiledRecord;
  doc: (n: number) => SearchDoc;
  /** Folded name -> [article number, rank] (0 id, 1 slug or title, 2 alias). */
  names: Map<string, Array<[number, number]>>;
  /** Gram or `=stem` -> article numbers, ascending. */
  grams: Map<string, number[]>;
  /**
   * Full text: stem -> [article number, packed counts, ...], ascending by article; packed is the
   * count in the description plus 16 times the count in the body (see TEXT_FIELDS).
   */
  text: Map<string, number[]>;
  /** Mean body length in words, for the full-text ranking: bodyTotal / the number of articles. */
  avgBodyLength: number;
  /** The words of all bodies: a patch of one body keeps the mean exact. */
  bodyTotal: number;
  /** Stems left out of `text` as too common, with the number of articles that have them. */
  capped: Map<string, number>;
  /** Grams left out of `grams` as too common, with the number of articles that have them. */
  gramsCapped: Map<string, number>;
  /** Grams kept over the cap because they are a stem of a name: how many articles name them. */
  gramsNamed: Map<string, number>;
  /** What `scan` matches: every title and alias, and the corpus's vocabulary. */
  scan: ScanIndex;
  /** Every article, sorted by title in Danish order. */
  list: ListEntry[];
  /** Keywords (spellings that fold alike are one) with their articles, in Danish order. */
  keywords: Array<{ name: string; entries: ListEntry[] }>;
}

/** [id, name, title, article number]: what `list` prints, in title order. */
export type ListEntry = [string, string, string, number];

export const NameRank = { id: 0, title: 1, alias: 2, defined: 3 } as const;

/**
 * Danish letters typed plainly (`lan` for Lån, `aop` for ÅOP): a folded word with å/æ/ø (folded
 * to aa/ae/oe) as a, a, o. Names are also kept under `~` and this key.
 */
export function plainLetters(folded: string): string {
  return folded.replace(/aa/g, 'a').replace(/ae/g, 'a').replace(/oe/g, 'o');
}

/** How a full-text posting packs its counts: the description's in the low 4 bits, the body's above. */
export const TEXT_FIELDS = { descriptionMax: 15, bodyUnit: 16, bodyMax: 65535 } as const;

/** The most articles a gram or stem may be in and keep its postings (a name's stem aside). */
export function articleCap(articles: number): number {
  return Math.max(2000, Math.ceil(articles * 0.2));
}

/** The longest full-text postings list kept ([n, packed] pairs, so twice the articles). */
export function textCap(articles: number): number {
  return 2 * articleCap(articles);
}

export function meanBodyLength(total: number, articles: number): number {
  return articles ? total / articles : 0;
}

/** The description's stems, each counted up to TEXT_FIELDS.descriptionMax. */
export function describedTerms(description: string): Map<string, number> {
  const described = new Map<string, number>();
  for (const w of words(description)) {
    const term = stem(w);
    described.set(term, Math.min((described.get(term) ?? 0) + 1, TEXT_FIELDS.descriptionMax));
  }
  return described;
}

/** An article's packed count of a stem in its full-text postings (0: not posted). */
export function packedCount(described: Map<string, number>, body: Map<string, number>, term: string): number {
  return (described.get(term) ?? 0) + TEXT_FIELDS.bodyUnit * Math.min(body.get(term) ?? 0, TEXT_FIELDS.bodyMax);
}

function docTerms(title: string, id: string, aliases: string[]): Set<string> {
  const terms = new Set<string>();
  for (const text of [title, id, ...aliases]) {
    // An abbreviation with slashes or dots (`A/S`) is also the word its letters make.
    const folded = fold(text);
    if (/^\S( \S)+$/.test(folded)) for (const [term] of docTermsOfWord(folded.replace(/ /g, ''))) terms.add(term);
    for (const w of words(text)) {
      for (const [term] of docTermsOfWord(w)) terms.add(term);
      // The word as typed without Danish letters: its grams too, so that `lan` finds Lån.
      const p = plainLetters(w);
      if (p !== w) for (const [term] of docTermsOfWord(p)) if (!term.startsWith('=')) terms.add(term);
    }
  }
  return terms;
}

/** The order articles are numbered in: by id (ids are unique in a language; the file breaks a tie of case). */
export function byId(a: Article, b: Article): number {
  return compareDanish(a.id, b.id) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
}

/** List entries in the order `list` shows them: by title, then id. */
export function inTitleOrder(entries: ListEntry[]): ListEntry[] {
  return entries.sort((x, y) => compareDanish(x[2], y[2]) || compareDanish(x[0], y[0]));
}

export function compileLanguage(lang: string, articles: Article[], otherLangs: Map<string, string[]>, linkOptions: LinkOptions = {}, onIndexed?: (done: number) => void): CompiledLanguage {
  // Articles are numbered in the order of their ids, which an edit of a title, a description or a
  // body leaves as it was: such an edit is patched in place (store/compilation.ts). What is shown
  // in title order (the list, keywords, backlinks) is sorted so explicitly.
  const sorted = [...articles].sort(byId);
  const names_ = articleNames(sorted);
  // By number, not by article: a Map keyed by the articles cost a third of a second at 15,000.
  const refs: LinkedRef[] = sorted.map((a, n) => ({ id: a.id, title: a.title, name: names_[n] as string, n }));
  const ref = (n: number): LinkedRef => refs[n] as LinkedRef;
  const { targets, backlinks } = resolveLinks(sorted, linkOptions);

  const names = new Map<string, Array<[number, number]>>();
  const text = new Map<string, number[]>();
  let bodyTotal = 0;

  const record = (n: number): CompiledRecord => {
    const a = sorted[n] as Article;
    const links = recordLinks(a, targets[n] as Target[], ref);
    const back = inBacklinkOrder([...(backlinks.get(n) ?? [])].map(ref));
    return compiledRecord(a, ref(n), lang, links, back, (otherLangs.get(a.id) ?? []).filter((l) => l !== lang));
  };
  const doc = (n: number): SearchDoc => {
    const { n: _n, ...r } = ref(n);
    return searchDocOf(sorted[n] as Article, { ...r, n });
  };

  sorted.forEach((a, n) => {
    for (const [key, entries] of nameEntries(a, n)) {
      const list = names.get(key);
      if (list) list.push(...entries);
      else names.set(key, entries);
    }

    // Full text: the description's words and the body's, counted per article and packed.
    // The description's few words counted apart; the body's stems are distinct already, so each
    // goes to its postings at once (the description's first, then the body's other stems).
    const described = describedTerms(a.description);
    const body = a.bodyCounts ?? countsOf(a.bodyTerms);
    const post = (term: string, packed: number) => {
      const list = text.get(term);
      if (list) list.push(n, packed);
      else text.set(term, [n, packed]);
    };
    for (const term of described.keys()) post(term, packedCount(described, body, term));
    for (const term of body.keys()) if (!described.has(term)) post(term, packedCount(described, body, term));
    bodyTotal += a.bodyLength;

    onIndexed?.(n + 1);
  });

  // Terms that most articles share tell search little; dropping them keeps the index small. The
  // stem of a word of a title, id or alias stays, however common: a name must stay findable.
  // The count of each left out is kept (gramsCapped), and of each kept over the cap only by being
  // a name, how many articles name it (gramsNamed): what a patch needs to decide as a compile would.
  const { grams, gramsCapped, gramsNamed } = gramIndex(sorted, articleCap(sorted.length));
  // So too in the full text: a word in most articles ranks nothing (its IDF is near nought), and its
  // postings would be most of what a search reads. Two numbers an article.
  const capped = new Map<string, number>();
  for (const [term, list] of text) {
    if (list.length > textCap(sorted.length)) {
      capped.set(term, list.length / 2);
      text.delete(term);
    }
  }

  const scan: ScanIndex = {
    terms: sorted.flatMap((a, n) => scanTermsOfArticle(a, n)),
    // Every stem of the corpus's text: a compound's other part must be a word the corpus uses.
    vocabulary: [...text.keys()],
  };
  return {
    lang, count: sorted.length, record, doc, names, grams, text, scan, avgBodyLength: meanBodyLength(bodyTotal, sorted.length), bodyTotal, capped, gramsCapped, gramsNamed,
    list: inTitleOrder(sorted.map((a, n) => [a.id, ref(n).name, a.title, n])),
    keywords: keywordLists(sorted, (n) => [(sorted[n] as Article).id, names_[n] as string, (sorted[n] as Article).title, n]),
  };
}

/** A compiled language with its records and search documents made once and held (`withRecords`). */
export type HeldLanguage = CompiledLanguage & { records: CompiledRecord[]; docs: SearchDoc[] };

/** The language with every record and search document made and held: what a small compile changes or shows. */
export function withRecords(c: CompiledLanguage): HeldLanguage {
  const records = Array.from({ length: c.count }, (_, n) => c.record(n));
  const docs = Array.from({ length: c.count }, (_, n) => c.doc(n));
  return { ...c, records, docs, record: (n) => records[n] as CompiledRecord, doc: (n) => docs[n] as SearchDoc };
}

/** The language with each record made stamped with its file's stamp (`stamps`: file -> stamp). */
export function stamped(c: CompiledLanguage, stamps: Map<string, CompiledRecord['stamp']>): CompiledLanguage {
  const { record } = c;
  return {
    ...c,
    record: (n) => {
      const r = record(n);
      r.stamp = stamps.get(r.file);
      return r;
    },
  };
}

/** Each article's name (in the order given, by id): its slug where no other article has it, nor as an id; else its id. */
export function articleNames(sorted: Array<Pick<Article, 'id' | 'slug'>>): string[] {
  const slugCount = new Map<string, number>();
  const ids = new Set(sorted.map((a) => a.id.toLowerCase()));
  for (const a of sorted) slugCount.set(a.slug, (slugCount.get(a.slug) ?? 0) + 1);
  return sorted.map((a) => (slugCount.get(a.slug) === 1 && (!ids.has(a.slug) || a.slug === a.id.toLowerCase()) ? a.slug : a.id));
}

/** What a link resolves to: an article's number, or -1 (broken), -2 (a page outside the glossary), -3 (ambiguous: broken, as two articles share its name). */
export type Target = number;

/**
 * Every link of every article (in number order) resolved: its target per link, and each article's
 * backlinks (the numbers of the others that link to it, in number order). A link to its own article
 * is no link (-1, or -2 when the resolver takes it for a page outside).
 */
export function resolveLinks(sorted: Array<Pick<Article, 'id' | 'aliases' | 'site' | 'links'>>, options: LinkOptions): { targets: Target[][]; backlinks: Map<number, Set<number>> } {
  const resolver = linkResolver(sorted as Article[], options);
  const numbers = new Map(sorted.map((a, n) => [a, n]));
  const backlinks = new Map<number, Set<number>>();
  const targets = sorted.map((a, n) =>
    a.links.map((link) => {
      const found = resolver(link);
      if (typeof found === 'object' && found !== a) {
        const to = numbers.get(found) as number;
        (backlinks.get(to) ?? backlinks.set(to, new Set()).get(to))?.add(n);
        return to;
      }
      return found === 'outside' ? -2 : found === undefined && resolver.ambiguous(link).length > 0 ? -3 : -1;
    }),
  );
  return { targets, backlinks };
}

/** An article's links as its record keeps them, with their resolved targets. */
export function recordLinks(a: Pick<Article, 'links'>, targets: Target[], ref: (n: number) => LinkedRef): CompiledRecord['links'] {
  return a.links.map((link, i) => {
    const to = targets[i] as Target;
    const out: CompiledRecord['links'][number] = { href: link.href, target: link.target, text: link.text, line: link.line };
    if (to >= 0) out.to = ref(to);
    else if (to === -2) out.outside = true;
    else if (to === -3) out.ambiguous = true;
    return out;
  });
}

/** Backlinks in the order a record shows them: by title (a tie stays in number order). */
export function inBacklinkOrder(refs: LinkedRef[]): LinkedRef[] {
  return refs.sort((x, y) => compareDanish(x.title, y.title));
}

/** An article's record as compiled (`ref`: its id, title, name and number). */
export function compiledRecord(a: Article, ref: LinkedRef, lang: string, links: CompiledRecord['links'], backlinks: LinkedRef[], langs: string[]): CompiledRecord {
  return {
    ...ref, lang, file: a.file, slug: a.slug, description: a.description, keywords: a.keywords,
    aliases: a.aliases, source: a.source, bodyStart: a.bodyStart, links, backlinks, problems: a.problems, bodyLine: a.bodyLine,
    bodyTerms: a.bodyTerms, bodyLength: a.bodyLength, ...(a.defined?.length ? { defined: a.defined } : {}), ...(a.site?.length ? { site: a.site } : {}),
    ...(a.siteName ? { siteName: a.siteName } : {}),
    langs,
  };
}

/**
 * The keywords of articles in number order, with their articles (`entry(n)`) in title order.
 * Spellings that fold alike are one keyword; the first spelling seen names it.
 */
export function keywordLists(sorted: Array<Pick<Article, 'keywords'>>, entry: (n: number) => ListEntry): Array<{ name: string; entries: ListEntry[] }> {
  const keywordMap = new Map<string, { name: string; entries: ListEntry[] }>();
  sorted.forEach((a, n) => {
    // One entry an article, however many spellings of the keyword it gives (`Business, business`).
    const seen = new Set<string>();
    for (const k of a.keywords) {
      const key = fold(k);
      if (seen.has(key)) continue;
      seen.add(key);
      const found = keywordMap.get(key) ?? { name: k, entries: [] };
      found.entries.push(entry(n));
      keywordMap.set(key, found);
    }
  });
  return [...keywordMap.values()].sort((x, y) => compareDanish(x.name, y.name)).map((k) => ({ ...k, entries: inTitleOrder(k.entries) }));
}

/** One article's search document (`ref`: its id, title, name and number). */
export function searchDocOf(a: Article, ref: LinkedRef): SearchDoc {
  const defined = a.defined ?? [];
  return {
    ...ref, aliases: a.aliases, keywords: a.keywords, description: a.description, bl: a.bodyLength,
    s: {
      title: stemmed(a.title), aliases: a.aliases.map(stemmed), keywords: a.keywords.map(stemmed), description: stemmed(a.description),
      folded: fold(a.title), foldedAliases: a.aliases.map(fold),
      ...(defined.length ? { defined: defined.map(stemmed), foldedDefined: defined.map(fold) } : {}),
    },
    ...(defined.length ? { defined } : {}),
  };
}

/** The names an article is found by exactly, as the name map keeps them: key -> [n, rank] in order. */
export function nameEntries(a: Article, n: number): Map<string, Array<[number, number]>> {
  const out = new Map<string, Array<[number, number]>>();
  const add = (key: string, rank: number) => {
    if (key === '') return;
    const list = out.get(key);
    if (!list) out.set(key, [[n, rank]]);
    else if (!list.some(([, r]) => r <= rank)) list.push([n, rank]);
  };
  const defined = a.defined ?? [];
  add('=' + a.id, NameRank.id);
  add(fold(a.id), NameRank.id);
  add(fold(a.slug), NameRank.title);
  add(fold(a.title), NameRank.title);
  for (const alias of a.aliases) add(fold(alias), NameRank.alias);
  for (const name of defined) add(fold(name), NameRank.defined);
  // The address a page gives itself ends with a name its site knows it by (Docusaurus's `id:
  // loan-term` in loan.md, Hugo's `url`): found by it as by an alias.
  if (a.siteName) add(fold(a.siteName), NameRank.alias);
  // Every name as typed without Danish letters, under `~`.
  for (const [name, rank] of [[a.title, NameRank.title], ...a.aliases.map((x) => [x, NameRank.alias] as const), ...(a.siteName ? [[a.siteName, NameRank.alias] as const] : []), ...defined.map((x) => [x, NameRank.defined] as const)] as const) {
    add('~' + plainLetters(fold(name)), rank);
  }
  return out;
}

/**
 * An article's candidate terms: the grams and stems of its names and the stems of its description
 * (`grams`); and the stems of its names (`nameStems`), kept in the candidate index however common.
 */
export function articleTerms(a: Article): { grams: Set<string>; nameStems: Set<string> } {
  const grams = docTerms(a.title, a.id, [...a.aliases, ...(a.defined ?? [])]);
  const nameStems = new Set([...grams].filter((t) => t.startsWith('=')));
  for (const w of words(a.description)) grams.add('=' + stem(w));
  return { grams, nameStems };
}

/**
 * The candidate index (term -> articles, in number order) with the terms in more articles than
 * `cap` left out, unless an article names them (`nameStems`: stem of a name -> how many articles
 * it names). Gives the count of each left out, and of each kept over the cap, how many name it.
 */
export function capGrams(grams: Map<string, number[]>, nameStems: Map<string, number>, cap: number): { gramsCapped: Map<string, number>; gramsNamed: Map<string, number> } {
  const gramsCapped = new Map<string, number>();
  const gramsNamed = new Map<string, number>();
  for (const [term, list] of grams) {
    if (list.length <= cap) continue;
    const named = nameStems.get(term);
    if (named) gramsNamed.set(term, named);
    else {
      gramsCapped.set(term, list.length);
      grams.delete(term);
    }
  }
  return { gramsCapped, gramsNamed };
}

/** The candidate index of `articles` (in number order), as a compile makes it. */
export function gramIndex(articles: Article[], cap: number, termsOf: (a: Article) => { grams: Set<string>; nameStems: Set<string> } = articleTerms): { grams: Map<string, number[]>; gramsCapped: Map<string, number>; gramsNamed: Map<string, number> } {
  const grams = new Map<string, number[]>();
  const nameStems = new Map<string, number>();
  articles.forEach((a, n) => {
    const terms = termsOf(a);
    for (const term of terms.grams) {
      const list = grams.get(term);
      if (list) list.push(n);
      else grams.set(term, [n]);
    }
    for (const term of terms.nameStems) nameStems.set(term, (nameStems.get(term) ?? 0) + 1);
  });
  return { grams, ...capGrams(grams, nameStems, cap) };
}

/**
 * What `scan` matches of one article: its title and aliases; and of a name that ends in a
 * parenthesis or a dash (`Indtjening før renter og skat (EBIT)`, `Påkrævet forrentning – RRR`,
 * `E-handel (e-commerce)`), the name before it and an abbreviation in it, each on its own: after
 * every article's own names (`derived`), so that a name another article has as written is its.
 */
export function scanTermsOfArticle(a: Article, n: number): ScanTerm[] {
  const seen = new Set<string>();
  const names = [a.title, ...a.aliases];
  const derived = names.flatMap((name) => {
    const m = /^(.*[\p{L}\p{N}].*?)\s*(?:\(([^()]+)\)|\s[–-]\s+(\S+))\s*$/u.exec(name);
    if (!m) return [];
    const inner = (m[2] ?? m[3] ?? '').trim();
    // Three letters or more: two (`OL`, `EU`) are as often another word's abbreviation in Danish text.
    const abbreviation = /^[\p{L}\p{N}&./-]{3,10}$/u.test(inner) && (inner.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
    return [m[1] as string, ...(abbreviation ? [inner] : [])];
  });
  return [...names.flatMap((name) => scanTermsOf(name, n)), ...derived.flatMap((name) => scanTermsOf(name, n).map((t) => ({ ...t, derived: true as const })))].filter((t) => {
    const key = `${t.stems.join(' ')} ${t.exact?.join(' ') ?? ''}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

/** What other articles see of this one: when only the rest of a file changes, only its record does. */
export function indexSignature(a: Article): string {
  // A link's target and whether it is site-absolute: both decide what it resolves to.
  // What it defines is read from the body: a changed first paragraph may change the index.
  // Where the page lives on its site (Hugo's `url`, path aliases, `slug`): other articles' links resolve by it.
  return JSON.stringify([a.id, a.title, a.slug, a.description, a.keywords, a.aliases, a.defined ?? [], a.site ?? [], a.links.map(linkKey)]);
}
