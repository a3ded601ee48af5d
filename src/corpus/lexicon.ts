// The bundled glossary as a small bilingual lexicon for any corpus. Its articles are Danish with
// English aliases (`accounts payable` for Leverandørgæld) and English ids (`sharerepurchase`):
// at build time these become phrase -> Danish names, written beside the bundled corpus. Search
// reads it only for a query whose words the corpus itself does not match, and looks the Danish
// names up instead (a route --json and --explain name). Pure: the store writes and reads it.
import { fold } from '../fold.js';
import { stem } from './terms.js';

/**
 * How a phrase is a name of the bundled article: its title, an alias (most often English), or its
 * id in words; or, with no article, how the English-Danish word list renders it word by word.
 */
export type LexiconKind = 'title' | 'alias' | 'id' | 'words';

/** One phrase's meanings: the bundled article's id, how the phrase names it, the Danish names to look up. */
export type LexiconSense = [id: string, kind: LexiconKind, danish: string[]];

/** Folded phrase -> its senses; and the English-Danish word list, when there is one. */
export interface Lexicon {
  version: 1;
  phrases: Record<string, LexiconSense[]>;
  words?: WordList;
}

/** Folded English word (or short fixed phrase) -> its Danish renderings; a rendering ending in `-` is the first part of a compound (`kvartals-`). */
export type WordList = (english: string) => string[] | undefined;

/** The word list as the build writes it: a line an entry, `english<TAB>danish;danish`, the first line empty. */
export function wordListText(words: Record<string, string[]>): string {
  return `\n${Object.keys(words).sort().map((k) => `${k}\t${(words[k] as string[]).join(';')}\n`).join('')}`;
}

/** Lookups in that text, without reading more of it than the entry (a search needs a few words, not 2,500 parsed). */
export function wordListOf(text: string): WordList {
  return (english) => {
    const at = english.includes('\n') || english.includes('\t') ? -1 : text.indexOf(`\n${english}\t`);
    if (at < 0) return undefined;
    const start = at + english.length + 2;
    const end = text.indexOf('\n', start);
    return text.slice(start, end < 0 ? text.length : end).split(';');
  };
}

/** At most this many renderings of one English word are kept and tried (three words and a compound's first part, most often). */
const RENDERINGS = 4;

/**
 * The English-Danish word list (`english<TAB>danish; danish-`, one entry a line) as the lexicon
 * holds it: folded English keys, each with its renderings in Danish (lower case, as written, the
 * first RENDERINGS; a compound's first part keeps its `-`). Lines that are not entries are
 * named in `problems`, never dropped silently.
 */
export function parseWordList(text: string): { words: Record<string, string[]>; problems: string[] } {
  const words: Record<string, string[]> = {};
  const problems: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    const [english, danish, extra] = line.split('\t');
    const key = fold(english ?? '');
    const renderings = (danish ?? '').split(';').map((d) => d.trim().toLowerCase());
    const bad = renderings.find((d) => !/^\p{L}[\p{L}\p{N}'./ -]*$/u.test(d) || /\s-|--/.test(d));
    if (extra !== undefined || !key || bad !== undefined || /[\u0000-\u0008\u000a-\u001f\u007f]/.test(line)) {
      problems.push(`line ${i + 1}: ${bad !== undefined && danish !== undefined && extra === undefined ? `"${bad.replace(/[\u0000-\u001f\u007f]/g, '?')}" is no Danish rendering` : 'not "english<TAB>danish; danish"'}`);
      return;
    }
    const list = words[key] ?? (words[key] = []);
    for (const r of renderings) if (!list.includes(r) && list.length < RENDERINGS) list.push(r);
  });
  return { words, problems };
}

/** An English query's content words in Danish, word by word: every way to render them, or none when a word has no rendering. */
export function renderWords(all: string[], words: WordList, isGlue: (w: string) => boolean, limit = 12): { english: string[]; danish: string[][]; apart?: { english: string[]; danish: string[][] }; phrases: string[]; ranks: number[] } | undefined {
  // A fixed phrase rendered whole (`labour costs` -> `lønomkostninger`), and its words one by one
  // as well (`arbejds-` + `omkostninger`): a corpus may name the concept either way.
  const whole = segments(all, words, isGlue, 4);
  if (!whole) return undefined;
  const ranked = new Map(combinations(whole.danish, limit));
  const apart = whole.english.some((e) => e.includes(' ')) ? segments(all, words, isGlue, 1) : undefined;
  if (apart) for (const [p, rank] of combinations(apart.danish, limit)) if (!ranked.has(p)) ranked.set(p, rank);
  const kept = [...ranked].slice(0, limit);
  return { ...whole, ...(apart ? { apart } : {}), phrases: kept.map(([p]) => p), ranks: kept.map(([, rank]) => rank) };
}

/** The query's content words (or fixed phrases of up to `longest` words, the longest first) with their renderings; none when one has none. */
function segments(all: string[], words: WordList, isGlue: (w: string) => boolean, longest: number): { english: string[]; danish: string[][] } | undefined {
  const english: string[] = [];
  const danish: string[][] = [];
  let start = 0;
  while (start < all.length) {
    let found = 0;
    for (let end = Math.min(all.length, start + longest); end > start && !found; end--) {
      const phrase = all.slice(start, end).join(' ');
      const list = words(phrase) ?? singulars(phrase).map(words).find((l) => l !== undefined);
      // A phrase of several words is no glue word.
      if (list && !isGlue(phrase)) {
        english.push(phrase);
        danish.push(list.slice(0, RENDERINGS));
        found = end;
      }
    }
    if (found) start = found;
    else if (isGlue(all[start] as string)) start++;
    else return undefined;
  }
  return english.length ? { english, danish } : undefined;
}

/**
 * Combinations of renderings, the most usual first (by the sum of each word's place in its list),
 * a compound's first part joined to what follows it; none that ends in one.
 */
/**
 * The Danish phrases a query's renderings make, best first, each with its rank: how far from the
 * usual sense it is (the sum over its words of the sense's place in the list; a compound's first
 * part, `løn-`, is the same sense as `løn`).
 */
function combinations(danish: string[][], limit: number): Array<[string, number]> {
  let partial: Array<{ tokens: string[]; rank: number }> = [{ tokens: [], rank: 0 }];
  for (const options of danish) {
    const senses = options.map((o) => o.replace(/-$/, ''));
    partial = partial.flatMap((p) => options.map((o, i) => ({ tokens: [...p.tokens, o], rank: p.rank + senses.indexOf(senses[i] as string) }))).sort((a, b) => a.rank - b.rank).slice(0, limit * 4);
  }
  const out = new Map<string, number>();
  for (const { tokens, rank } of partial) {
    if ((tokens[tokens.length - 1] as string).endsWith('-')) continue;
    const text = tokens.reduce((text, t) => (text === '' ? t : text.endsWith('-') ? text.slice(0, -1) + t : `${text} ${t}`), '');
    if (!out.has(text)) out.set(text, rank);
  }
  return [...out].slice(0, limit);
}

/** What the lexicon is made from: the bundled articles' names. */
export interface LexiconArticle {
  id: string;
  title: string;
  aliases: string[];
}

/** Words that join an English phrase and tell nothing alone. */
export const ENGLISH_GLUE = new Set('of and the to for in on a an by at with or per from'.split(' '));
/** At most this many Danish names a phrase: the title first, then the article's Danish aliases. */
const MAX_DANISH = 3;
/** A Danish alias longer than this many words is a description, not a name to look up. */
const MAX_DANISH_WORDS = 4;
/** Parts of an id shorter than this (glue aside) are not trusted as words. */
const MIN_ID_PART = 3;

/**
 * Whether an alias is English rather than Danish: no Danish letters, and most of its words
 * unknown to the Danish text of the corpus (`inDanishText(stem)` says whether the text has it, in
 * more articles than one that quotes an English term). Used to choose which names of an article
 * to look up in a Danish corpus (and the words an English id is split into), never shown.
 */
export function isEnglish(alias: string, inDanishText: (stem: string) => boolean): boolean {
  if (/[æøåÆØÅ]/.test(alias)) return false;
  const all = fold(alias).split(' ').filter(Boolean);
  if (!all.length || all.some((w) => /\d/.test(w))) return false;
  const content = all.filter((w) => !ENGLISH_GLUE.has(w));
  if (!content.length) return false;
  // An abbreviation (`UBO`, `CPI`) is neither language.
  if (all.length === 1 && alias === alias.toUpperCase()) return false;
  const foreign = content.filter((w) => !inDanishText(stem(w))).length;
  return foreign * 2 > content.length;
}

/** An id in English words: split at `-` and `_`, else into words of `vocabulary` (`sharerepurchase`). */
export function splitId(id: string, vocabulary: Set<string>): string | undefined {
  const lower = id.toLowerCase();
  if (/[-_]/.test(lower)) {
    const parts = lower.split(/[-_]+/).filter(Boolean);
    return parts.length > 1 && parts.every((p) => /^[a-z]+$/.test(p)) ? parts.join(' ') : undefined;
  }
  if (!/^[a-z]+$/.test(lower)) return undefined;
  // The fewest known words that make the id, each at least MIN_ID_PART letters (glue words aside).
  const best: Array<string[] | undefined> = [[]];
  for (let end = 1; end <= lower.length; end++) {
    for (let start = 0; start < end; start++) {
      const before = best[start];
      const part = lower.slice(start, end);
      if (!before || !vocabulary.has(part) || (part.length < MIN_ID_PART && !ENGLISH_GLUE.has(part))) continue;
      if (!best[end] || (best[end] as string[]).length > before.length + 1) best[end] = [...before, part];
    }
  }
  const words = best[lower.length];
  return words && words.length > 1 ? words.join(' ') : undefined;
}

/**
 * The lexicon of a Danish corpus: each alias, and each id split into English words, -> the
 * article's title and Danish aliases; the title -> the Danish aliases (other Danish words for it).
 */
export function makeLexicon(articles: LexiconArticle[], inDanishText: (stem: string, id: string) => boolean): Lexicon {
  const phrases: Record<string, LexiconSense[]> = {};
  const add = (phrase: string, sense: LexiconSense) => {
    const key = fold(phrase);
    const danish = sense[2].filter((d) => fold(d) !== key);
    if (!key || danish.length === 0) return;
    const list = phrases[key] ?? (phrases[key] = []);
    if (!list.some(([id]) => id === sense[0])) list.push([sense[0], sense[1], danish]);
  };
  const vocabulary = new Set<string>(ENGLISH_GLUE);
  const english = new Map<LexiconArticle, Set<string>>();
  for (const a of articles) {
    const own = new Set(a.aliases.filter((alias) => isEnglish(alias, (s) => inDanishText(s, a.id))));
    english.set(a, own);
    for (const alias of own) for (const w of fold(alias).split(' ')) if (w) vocabulary.add(w);
  }
  for (const a of articles) {
    const own = english.get(a) as Set<string>;
    const danishAliases = a.aliases.filter((alias) => !own.has(alias) && fold(alias).split(' ').length <= MAX_DANISH_WORDS && !/[§"]/.test(alias) && fold(alias) !== fold(a.title));
    const danish = [a.title, ...danishAliases].slice(0, MAX_DANISH + 1);
    for (const alias of a.aliases) if (!/[§"]/.test(alias)) add(alias, [a.id, 'alias', danish.slice(0, MAX_DANISH)]);
    const split = splitId(a.id, vocabulary);
    if (split) add(split, [a.id, 'id', danish.slice(0, MAX_DANISH)]);
    add(a.title, [a.id, 'title', danishAliases.slice(0, MAX_DANISH)]);
  }
  return { version: 1, phrases };
}

/** The lexicon's keys with a plural `s` taken off each word: `accounts payables` ~ `account payable`. */
export function singular(phrase: string): string {
  return phrase
    .split(' ')
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w))
    .join(' ');
}

/**
 * The singulars a plural phrase may have, to look up where the phrase as written is no entry: its
 * words' -s taken off (`cookies` -> `cookie`), and an English -ies made -y (`currencies` ->
 * `currency`, `monopolies` -> `monopoly`; not in short words: `ties`). A plural the word list has
 * as written (`equities`: aktier) is never looked up so.
 */
export function singulars(phrase: string): string[] {
  const plain = singular(phrase);
  const ies = phrase
    .split(' ')
    .map((w) => (w.length > 5 && w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w))
    .join(' ');
  return ies === plain ? [plain] : [plain, ies];
}

/** A phrase of the query found in the lexicon: which words it covers, and its senses. */
export interface LexiconMatch {
  phrase: string;
  start: number;
  end: number;
  senses: LexiconSense[];
}

/** A lexicon made ready for lookups: keys as written and with plurals taken off. */
export class LexiconIndex {
  private readonly bySingular = new Map<string, string>();

  constructor(readonly lexicon: Lexicon) {
    for (const key of Object.keys(lexicon.phrases)) if (!this.bySingular.has(singular(key))) this.bySingular.set(singular(key), key);
  }

  lookup(phrase: string): { key: string; senses: LexiconSense[] } | undefined {
    const key = Object.hasOwn(this.lexicon.phrases, phrase) ? phrase : singulars(phrase).map((s) => this.bySingular.get(s)).find((k) => k !== undefined);
    return key === undefined ? undefined : { key, senses: this.lexicon.phrases[key] as LexiconSense[] };
  }

  /** The longest phrases of `words` (folded) in the lexicon, left to right, not overlapping. */
  phrasesIn(words: string[]): LexiconMatch[] {
    const out: LexiconMatch[] = [];
    let start = 0;
    while (start < words.length) {
      let found: LexiconMatch | undefined;
      for (let end = Math.min(words.length, start + 6); end > start && !found; end--) {
        const hit = this.lookup(words.slice(start, end).join(' '));
        if (hit) found = { phrase: hit.key, start, end, senses: hit.senses };
      }
      if (found) {
        out.push(found);
        start = found.end;
      } else start++;
    }
    return out;
  }
}

/** A lexicon read from JSON, or undefined when it is not one (derived data: never served wrong). */
export function parseLexicon(text: string): Lexicon | undefined {
  try {
    const data = JSON.parse(text) as Lexicon;
    if (data?.version !== 1 || typeof data.phrases !== 'object' || data.phrases === null) return undefined;
    delete data.words;
    return data;
  } catch {
    return undefined;
  }
}
