// The shapes that flow from parsing to compiling: Article, its links and the problems found.

/** A note tells what was assumed (a description taken from the body); it fails no check. */
export type Severity = 'error' | 'warning' | 'note';

export interface Problem {
  severity: Severity;
  /** Stable name of the check, e.g. `broken-link`; used in --json and tests. */
  code: string;
  message: string;
  /** 1-based line in the file, where there is one. */
  line?: number;
}

export interface Link {
  /** The target as written, e.g. `/jointventure`, `/da/jointventure#x`, `../closure/`, `x.md`. */
  href: string;
  /**
   * The target's path after normalisation: relative links resolved against the article's own
   * path, `.md` and `/index.md` dropped (`jointventure`, `da/jointventure`, `en-US/docs/Glossary/Closure`).
   */
  target: string;
  text: string;
  line: number;
}

export interface Article {
  id: string;
  lang: string;
  /** Path of the source file, as given to the parser. */
  file: string;
  title: string;
  slug: string;
  description: string;
  keywords: string[];
  aliases: string[];
  /** Markdown body without front matter. */
  body: string;
  /**
   * The whole source text (after BOM/CRLF normalisation), for --raw. Empty in an article taken
   * back from a record that does not keep its source (see ArticleRecord.external).
   */
  source: string;
  /** Where the body starts in the source text. */
  bodyStart: number;
  links: Link[];
  problems: Problem[];
  /** 1-based line of the first body line in the file. */
  bodyLine: number;
  /** The body's words for the full-text index: "stem count ..." (see terms.ts bodyTerms). */
  bodyTerms: string;
  /** The same as a Map, when parsed in this thread (not enumerable: never copied nor written). */
  bodyCounts?: Map<string, number>;
  /** How many words the body has (full-text ranking weighs a word by the body's length). */
  bodyLength: number;
  /** What the article says it defines beyond its title and aliases (see defines.ts). */
  defined?: string[];
  /**
   * The addresses the front matter gives the page on its site, as lower-case paths: `slug` (MDN
   * `glossary/cdn`, Docusaurus), `url` and path `aliases` (Hugo). Links are resolved by them.
   */
  site?: string[];
  /**
   * The name the page's own address (`slug`, `url`, or a Docusaurus `id:`) ends with where it is
   * not the file's (`loan-term` for finance/loan.md): it is looked up by it. Not from Hugo's path
   * `aliases`, which are old addresses.
   */
  siteName?: string;
}

export type ParseResult =
  | { kind: 'article'; article: Article }
  /** Not an article at all (no front matter, no heading): skipped and counted. */
  | { kind: 'not-article'; file: string; reason: string }
  /** A page of the site that is not a term (a draft, a landing or search page): counted apart. */
  | { kind: 'page'; file: string; reason: string }
  /** An article that cannot be used: named with its reason. */
  | { kind: 'rejected'; file: string; id: string; problems: Problem[] };
