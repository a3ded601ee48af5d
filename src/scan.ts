// `glossary scan`: the corpus's terms in a text, through Danish inflection and compounds. The
// matcher is made at compile time (ScanIndex, stored with the corpus); a Scanner is fed the text a
// line (or a part of a long line) at a time, so memory depends on the corpus, not on the text.
import { ENDINGS, inflectionOf, stem, stemAsWritten } from './corpus/terms.js';
import { foldLetters } from './fold.js';

/** One name of an article as the scanner matches it. */
export interface ScanTerm {
  /** The name's words, folded and stemmed. */
  stems: string[];
  /** The name's words folded (a compound starts with the word, not its stem: `bestyrelses|medlem`). */
  words: string[];
  /** The article's number. */
  n: number;
  /**
   * The words as written, when they must be matched with the same capitals: abbreviations
   * (`ETF`, `ÅOP`, `A/S`) and very short names, which in lower case are ordinary words.
   */
  exact?: string[];
  /** A part of a name (the name before a parenthesis, the abbreviation in it): matched after every article's own names. */
  derived?: true;
}

/** What compile stores for scan: the terms, and the corpus's vocabulary to tell a compound's other part. */
export interface ScanIndex {
  terms: ScanTerm[];
  /** The stems of the corpus's text: a compound's other part must be one of them. */
  vocabulary: string[];
}

/** A name is matched with its capitals when it has two or more of them, or is this short. */
const SHORT_NAME = 3;
/** A compound's other part has at least this many letters (`fusions|planen`, not `bank|erot`). */
const MIN_PART = 3;
/** Terms of one word may be a compound's part only when at least this long (`moms`, not `lån`). */
const MIN_COMPOUND_TERM = 4;

/** A word of the text: letters, marks and digits, and soft hyphens inside it (`ak\u00adtie`). */
// Made on first use, as the others below: a regular expression with Unicode classes costs a
// fraction of a millisecond to make, and every command loads this module (lookup among them).
const LETTERS = '\\p{L}\\p{M}\\p{N}';
let wordShy: RegExp | undefined;
const WORD_SHY = () => (wordShy ??= new RegExp(`[${LETTERS}]+(?:\u00ad[${LETTERS}]+)*`, 'gu'));
/** The same without soft hyphens: the regular expression for the most lines, which have none (faster). */
let word: RegExp | undefined;
const WORD = () => (word ??= new RegExp(`[${LETTERS}]+`, 'gu'));


/**
 * Danish verbs (folded infinitives) whose forms are a noun's word plus a noun ending, or its stem:
 * `gælder`, `gælde`, `gældende` (the verb `gælde`, to apply) are no forms of `gæld` (debt), nor
 * `låner`, `lånes` of `lån`, nor `fradrages` of `fradrag`. Their infinitive, present, passive and
 * present participle are not taken for a term with another word (a term named `Gældende ret` is
 * still found as written).
 */
const VERBS = ['gaelde', 'laane', 'fradrage'];
const VERB_FORMS = new Set(VERBS.flatMap((v) => [v, `${v}r`, `${v}s`, `${v}nde`]));

/** The scan terms of one name (a title or an alias); none for a name without letters. */
export function scanTermsOf(name: string, n: number): ScanTerm[] {
  const written = name.match(WORD()) ?? [];
  if (written.length === 0) return [];
  const folded = written.map((w) => foldLetters(w));
  const uppers = name.match(/\p{Lu}/gu)?.length ?? 0;
  // Title Case (`Load Balancer`, `Value-Added Reseller`: each word a capital, then small letters)
  // is how English glossaries write names, not an abbreviation: it is matched as any name is.
  const titleCase = written.length >= 2 && written.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w) || /^\p{Ll}+$/u.test(w));
  const exact = (uppers >= 2 && !titleCase) || name.replace(/\s/g, '').length <= SHORT_NAME;
  return [{ stems: folded.map(stem), words: folded, n, ...(exact ? { exact: written } : {}) }];
}

export interface Occurrence {
  n: number;
  /** 1-based line and column (in characters) of the match in the text. */
  line: number;
  column: number;
  /** The text as written. */
  text: string;
}

interface Trie {
  next: Map<string, Trie>;
  /** The article of the first term of one word that ends here (a later one with the same word is not told apart). */
  end?: number;
}

function insert(root: Trie, word: string, n: number): void {
  let node = root;
  for (const c of word) {
    let child = node.next.get(c);
    if (!child) node.next.set(c, (child = { next: new Map() }));
    node = child;
  }
  node.end ??= n;
}

/** Matches the terms of a ScanIndex in text, a line at a time. */
export class Scanner {
  private readonly byFirst = new Map<string, ScanTerm[]>();
  private readonly byFirstWord = new Map<string, ScanTerm[]>();
  private readonly heads: Trie = { next: new Map() };
  private readonly modifiers: Trie = { next: new Map() };
  private readonly vocabulary: Set<string>;
  private line = 0;
  /** The most words a name has: how far into the next line a name may run. */
  readonly longest: number;
  /** The words (folded, and stemmed) that a name of several words has before its last. */
  private readonly inner = new Set<string>();

  constructor(index: ScanIndex) {
    this.vocabulary = new Set(index.vocabulary);
    this.longest = index.terms.reduce((m, t) => Math.max(m, t.stems.length), 0);
    for (const t of index.terms) {
      for (let j = 0; j + 1 < t.stems.length; j++) {
        this.inner.add(t.stems[j] as string);
        this.inner.add(t.words[j] as string);
      }
    }
    // Names first, then the parts of names: the first term of a word is the one its trie keeps.
    for (const t of [...index.terms.filter((x) => !x.derived), ...index.terms.filter((x) => x.derived)]) {
      const first = t.stems[0] as string;
      const list = this.byFirst.get(first) ?? [];
      list.push(t);
      this.byFirst.set(first, list);
      const word = t.words[0] as string;
      if (word !== first) {
        const same = this.byFirstWord.get(word) ?? [];
        same.push(t);
        this.byFirstWord.set(word, same);
      }
      if (t.stems.length === 1 && !t.exact) {
        // A compound's first part (`fusions|planen`), matched as written: the word's own length
        // counts (`moms|registrering`, though its stem is `mom`); and its head
        // (`virksomheds|fusion`), matched by stem: the stem's length counts (`ledighed`, stem
        // `led`, is no head of `indledes`).
        if (word.length >= MIN_COMPOUND_TERM) insert(this.modifiers, word, t.n);
        if (first.length >= MIN_COMPOUND_TERM) insert(this.heads, [...first].reverse().join(''), t.n);
      }
    }
  }

  /**
   * Whether a name may run on from the end of `text` into what follows: its last word is one a
   * name of several words has before its last (`strategisk`, of "strategisk alliance").
   */
  runsOn(text: string): boolean {
    // The last word, found from the end (a regular expression anchored at the end tried every position).
    let end = text.length;
    while (end > 0 && !wordChar(text, end - 1)) end--;
    let start = end;
    while (start > 0 && end - start < 100 && wordChar(text, start - 1)) start--;
    if (start === end) return false;
    const folded = foldLetters(text.slice(start, end));
    return this.inner.has(folded) || this.inner.has(stem(folded)) || this.inner.has(stemAsWritten(folded));
  }

  /** The terms in the next line of the text. */
  feed(text: string): Occurrence[] {
    return this.feedPart(text, ++this.line, 1);
  }

  /**
   * The terms in a part of a line: `line` is its line, `firstColumn` the column of its first
   * character (a long line is fed in parts; see edge/input.ts). Occurrences that start at or after
   * `keepBefore` (a character index into `text`) are left out: the next part repeats that tail.
   */
  feedPart(text: string, line: number, firstColumn: number, keepBefore = Infinity): Occurrence[] {
    this.line = line;
    const tokens = [...maskNonProse(text).matchAll(text.includes('\u00ad') ? WORD_SHY() : WORD())].map((m) => {
      const folded = foldLetters(m[0]);
      return { written: m[0], folded, stem: stem(folded), index: m.index as number };
    });
    /** Whether token `t` is the term word `word` (stemmed `stemmed`), inflected or not. */
    const same = (t: (typeof tokens)[number], word: string, stemmed: string) =>
      (t.folded === word || !VERB_FORMS.has(t.folded)) &&
      (t.stem === stemmed || inflectionOf(word, t.folded));
    const out: Occurrence[] = [];
    // Columns in characters, counted forward once (a part may hold many thousands of matches).
    let countedTo = 0;
    let counted = 0;
    const column = (index: number) => {
      for (; countedTo < index; countedTo++) {
        const code = text.charCodeAt(countedTo);
        if (code < 0xdc00 || code > 0xdfff) counted++;
      }
      return firstColumn + counted;
    };
    for (let i = 0; i < tokens.length; ) {
      const token = tokens[i] as (typeof tokens)[number];
      if (token.index >= keepBefore) break;
      /** The match at this token: how many tokens, which article. */
      let hit: { tokens: number; n: number } | undefined;
      const candidates = [...(this.byFirst.get(token.stem) ?? [])];
      // A word whose oe is an o and an ending (`aktiesparekontoen`): by its stem as written too.
      const written = token.folded.includes('oe') ? stemAsWritten(token.folded) : token.stem;
      if (written !== token.stem) candidates.push(...(this.byFirst.get(written) ?? []));
      // Terms whose first word is not its stem (`moms`), by the word this one is with an ending.
      for (const ending of ENDINGS) {
        if (token.folded.endsWith(ending)) candidates.push(...(this.byFirstWord.get(token.folded.slice(0, token.folded.length - ending.length)) ?? []));
      }
      // Longest first: `strategisk alliance` before `strategisk`; a name before a part of another's.
      candidates.sort((a, b) => b.stems.length - a.stems.length || Number(a.derived ?? false) - Number(b.derived ?? false));
      // Of names as long, one written as in the text (`Skattemæssige afskrivninger`, the title of
      // one article) before one the text has with an ending (`Sælgeren`: Sælger, the seller), before
      // one that only shares its stems (the verb "sælge", or the alias "skattemæssig afskrivning").
      let best = -1;
      for (const term of candidates) {
        const k = term.stems.length;
        if (hit && (k < hit.tokens || best === 2)) break;
        if (i + k > tokens.length) continue;
        let ok = true;
        let quality = 2;
        for (let j = 0; j < k && ok; j++) {
          const t = tokens[i + j] as (typeof tokens)[number];
          const word = term.words[j] as string;
          ok = same(t, word, term.stems[j] as string) && (!term.exact || t.written === term.exact[j]);
          quality = Math.min(quality, t.folded === word ? 2 : inflectionOf(word, t.folded) ? 1 : 0);
        }
        if (ok && quality > best) {
          hit = { tokens: k, n: term.n };
          best = quality;
        }
      }
      if (!hit) {
        const part = this.compound(token.folded, token.stem);
        if (part !== undefined) hit = { tokens: 1, n: part };
      }
      if (hit) {
        const last = tokens[i + hit.tokens - 1] as (typeof tokens)[number];
        let end = last.index + last.written.length;
        // A name that ends in a parenthesis (`Value at Risk (VaR)`) ends after it.
        const matched = text.slice(token.index, end);
        if (text[end] === ')' && matched.lastIndexOf('(') > matched.lastIndexOf(')')) end++;
        out.push({ n: hit.n, line: this.line, column: column(token.index), text: text.slice(token.index, end) });
        i += hit.tokens;
      } else i++;
    }
    return out;
  }

  /** A term that is a clear part of a compound word: its first part or its head. */
  private compound(word: string, wordStem: string): number | undefined {
    if (word.length < MIN_COMPOUND_TERM + MIN_PART || VERB_FORMS.has(word)) return undefined;
    // The head: the longest term the word (stemmed) ends with, the rest a word of the corpus.
    let node: Trie | undefined = this.heads;
    let head: number | undefined;
    const reversed = [...wordStem].reverse();
    for (const [i, c] of reversed.entries()) {
      node = node.next.get(c);
      if (!node) break;
      if (node.end === undefined) continue;
      // The rest as it is (`gas|afgiften`), or without a linking s (`virksomhed|s|fusion`).
      const rest = wordStem.slice(0, wordStem.length - i - 1);
      const unlinked = rest.endsWith('s') ? rest.slice(0, -1) : rest;
      if ([rest, unlinked].some((r) => r.length >= MIN_PART && this.vocabulary.has(stem(r)))) head = node.end;
    }
    if (head !== undefined) return head;
    // The first part: the longest term the word starts with, the rest (after a linking s or e) a word.
    node = this.modifiers;
    let found: number | undefined;
    for (const [i, c] of [...word].entries()) {
      node = node.next.get(c);
      if (!node) break;
      if (node.end === undefined) continue;
      // The rest as it is (`told|satsen`), or after a linking s or e (`fusion|s|planen`).
      const rest = word.slice(i + 1);
      const linked = rest.startsWith('s') || rest.startsWith('e') ? rest.slice(1) : rest;
      if ([rest, linked].some((r) => r.length >= MIN_PART && this.vocabulary.has(stem(r)))) found = node.end;
    }
    return found;
  }
}

/**
 * The text with what is not prose blanked out, each character kept in its place (so that columns
 * and slices of the text stay right): terminal escape sequences (`grep --color` output: the word
 * after one was lost), web addresses, Markdown link targets and autolinks, and code spans.
 */
export function maskNonProse(text: string): string {
  if (!/[\x1b\x9b<`]|:\/|\]\(|www\.|mailto:/.test(text)) return text;
  nonProse ??= /\x1b\[[0-9;?]*[ -\/]*[@-~]|\x9b[0-9;?]*[ -\/]*[@-~]|\x1b[@-Z\\-_]|\b(?:https?|ftp|mailto):[^\s<>()]+|\bwww\.[^\s<>()]+|\]\([^)\s]*(?:\s+"[^"]*")?\)|<[a-z][a-z0-9+.-]*:[^\s<>]*>|`[^`]*`/giu;
  return text.replace(nonProse, (m) => ' '.repeat(m.length));
}

let nonProse: RegExp | undefined;

/** Whether the character at `i` belongs to a word (letters, marks, digits, a soft hyphen). */
function wordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  return c >= 0xd800 && c <= 0xdfff ? false : (wordChars ??= new RegExp(`[${LETTERS}\u00ad]`, 'u')).test(text[i] as string);
}

let wordChars: RegExp | undefined;

/** Occurrences grouped by article, in order of first occurrence. */
export function byTerm(occurrences: Occurrence[]): Array<{ n: number; occurrences: Occurrence[] }> {
  const groups = new Map<number, Occurrence[]>();
  for (const o of occurrences) {
    const list = groups.get(o.n);
    if (list) list.push(o);
    else groups.set(o.n, [o]);
  }
  return [...groups.entries()].map(([n, list]) => ({ n, occurrences: list }));
}
