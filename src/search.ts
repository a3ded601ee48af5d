// Query -> ranked hits. The evidence, strongest first: an article's whole name (exact, then as a
// prefix); the words of its title and aliases (the same Danish stem, a prefix, a part of a
// compound, a typing error); then its text, description before body, ranked by BM25 over Danish
// stems. Question and filler words take no part. A word that matches nothing well adds nothing:
// a query of such words has no hits rather than a confident wrong one.
import Fuse from 'fuse.js';
import type { SearchDoc } from './corpus/compile.js';
import { NameRank, plainLetters, TEXT_FIELDS } from './corpus/compile.js';
import type { SearchSource } from './corpus/reader.js';
import { ENGLISH_GLUE, LexiconIndex, renderWords, type Lexicon, type LexiconKind, type WordList } from './corpus/lexicon.js';
import { contentWords, docTermsOfWord, inflectionOf, isStopword, stem } from './corpus/terms.js';
import { fold, words } from './fold.js';
import { expansionOf, writtenSynonym } from './synonyms.js';


/** exact: a whole name (title, id, alias); defined: a whole name the article says it defines. */
export const Tier = { exact: 0, defined: 0.5, prefix: 1, words: 2 } as const;

/** Which list of an article's names a query word matched in. */
export type NameList = 'title' | 'alias' | 'defined' | 'initials';

/** One line of `search --explain`: what matched, and what it added to the score. */
export interface Why {
  what: string;
  add: number;
}

/** Where a hit's best evidence is. */
export type Field = 'name' | 'description' | 'body';

export interface Hit {
  doc: SearchDoc;
  tier: number;
  /** Query words matched anywhere (names or text). */
  matched: number;
  /** Query words matched by a word of the title or an alias. */
  named: number;
  /** What the name matches cost: 0 for the same stem, more for a prefix, a compound part, a typo. */
  cost: number;
  /** Title words the query did not match: of two names matched alike, the shorter is meant. */
  unmatchedTitleWords: number;
  /** Query words found in the description. */
  described: number;
  /** BM25 over description and body. */
  text: number;
  field: Field;
  /** Stems of the query found in the text: what a snippet shows. */
  stems: string[];
  /** One number for --json: higher is better (not comparable across queries). */
  score: number;
  /** Query words matched in a name only through a typing error. */
  typos: number;
  /** How the whole name matched, when it did (tier exact or defined): the list it is in. */
  via?: NameList | 'plain' | 'translation' | 'lexicon';
  /** For a hit by another language's name: which. */
  translation?: { lang: string; title: string };
  /** For a hit through the bundled lexicon: the query's phrase, how the lexicon knows it, and the Danish name searched. */
  lexicon?: { phrase: string; kind: LexiconKind; id?: string; name: string; /** Word by word: how far from the usual sense (0: the usual one). */ rank?: number };
  /** Query words matched only through a synonym (synonyms.ts): which, and where. */
  synonyms?: Array<{ word: string; synonym: string; field: NameList | 'description' | 'body' }>;
  /** The parts of the score, for --explain. */
  why: Why[];
  /** The abbreviation of its names the query's initials spell (`aagr`), when they do. */
  initials?: string;
  /**
   * The words its names matched are in no one name that they say whole: parts of two aliases
   * (`interest income`: "earnings before interest and taxes", "operating income"), or one name
   * with a word more (`net assets`: "net current assets"). See nameFit.
   */
  scattered?: boolean;
  /** Named only by one word of a phrase the article defines (see rank). */
  byDefinedWord?: boolean;
  /** Every query word a name has matched only as the beginning or a part of a longer name word (see rank). */
  partial?: boolean;
  /** Words of the name the query matched most of (title, alias or defined phrase) that it did not match. */
  unmatchedNameWords?: number;
}

/**
 * Words that make a question but say nothing of what is meant ("hvad er goodwill", "hvordan
 * beregnes soliditetsgrad"): left out of matching, as the stopwords of terms.ts are.
 */
const QUESTION_WORDS = new Set(
  'hvad hvem hvor hvorfor hvordan hvornaar hvilken hvilket hvilke betyder betyde betydning beregnes beregner beregne regnes udregnes udregner udregne defineres definition forklar forklaring forstaa mener menes kaldes hedder bruges anvendes man begrebet begreb ordet udtrykket forskel vs versus'.split(' '),
);

// Costs of the ways a query word matches a word of a name (lower is better). They order hits
// that match the same number of words; each says how sure the match is.
/** The same Danish stem: `selskaber` ~ `selskab`. */
const SAME_STEM = 0;
/** The query word begins a name word: `holding` ~ `holdingselskab`. */
const PREFIX = 0.1;
/** The query word ends a name word, as the head of a compound: `selskab` ~ `holdingselskab`. */
const COMPOUND_HEAD = 0.15;
/** The query word is inside a name word (at least 5 letters): `kapital` ~ `selskabskapitalen`. */
const COMPOUND_PART = 0.25;
/** Danish letters typed plainly: `lan` ~ `laan` (Lån). */
const PLAIN_LETTERS = 0.05;
/** One typing error (two in words of 8 letters or more): `aliance` ~ `alliance`. */
const TYPO = 0.3;
/**
 * No typo allowance below this length: a three- or four-letter word is most often an
 * abbreviation, and one edit turns an unknown one into a wrong article (`roce` ~ ROE).
 */
const MIN_TYPO_LENGTH = 5;
/** Each further edit costs this much more. */
const TYPO_STEP = 0.15;

/** BM25's saturation and length normalisation, at the values most systems use. */
const BM25_K1 = 1.2;
const BM25_B = 0.75;
/** A word in the description counts as this many in the body: the description is the definition. */
const DESCRIPTION_WEIGHT = 4;
/** A text match in the description weighs this much more than one in the body alone. */
const DESCRIPTION_BOOST = 1.5;
/**
 * A query word found in an article's name weighs this many times its weight in the text (its
 * IDF), more than the most a text match can give (IDF × (k1 + 1)): a name match outranks a
 * description match, which outranks a body match.
 */
const NAME_WEIGHT = 3 * (BM25_K1 + 1);
/** Each word of a title the query did not match costs this much: the whole title is meant before a longer one. */
const UNMATCHED_TITLE_WORD = 0.4;
/**
 * How many candidates each kind of evidence brings (names by shared trigrams and stems, text by
 * BM25): enough for recall, few enough to read fast (each is a document read from the store).
 */
const NAME_CANDIDATES = 60;
const TEXT_CANDIDATES = 40;
/** A hit must match at least this share of the query's words. */
const MIN_COVERAGE = 0.5;
/**
 * ... and words that carry at least this share of the query's weight, each word weighing its IDF
 * (a word the corpus lacks weighs as the rarest): a query whose telling words match nothing
 * (`plan for sommerhuset`, `tid til at vaske bilen`) is not answered by the article that has its
 * commonest word.
 */
const MIN_WEIGHTED_COVERAGE = 0.5;
/**
 * A query of up to this many words is a name or a topic: found only in an article's body, it must
 * have all its words there (numbers aside); matched anywhere, most of its weight (above).
 */
const MAX_SHORT_QUERY = 3;
/**
 * A hit's score is multiplied by the share of the query's words it matched, to this power: an
 * article with every word in its text outranks one with half of them in its name.
 */
const COVERAGE_POWER = 2;
/** A match in an alias weighs this much of one in the title: the title is the article's own name. */
const ALIAS_WEIGHT = 0.85;
/** A match in what the article defines (defines.ts) weighs this much: below its names, above its text. */
const DEFINED_WEIGHT = 0.75;
/**
 * A query word matched through a synonym (synonyms.ts) in a name costs this much more than the
 * word as written would: a synonym in the title (0.6) weighs below a defined name (0.75).
 */
const SYNONYM_COST = 0.4;
/** A synonym found in the text counts as this share of the word itself found there. */
const SYNONYM_TEXT_WEIGHT = 0.5;
/** How many more candidates the synonyms bring, by names and by text. */
const SYNONYM_CANDIDATES = 20;
/** A query of several words whose initials are a name of the article: each word counts as matched at this cost. */
const INITIALS_COST = 0.2;
/**
 * Initials of fewer words than this are no evidence: two letters name many things, and any two
 * words (`qwerty asdf`) spell one of them (`QA`).
 */
const MIN_INITIALS = 3;
/** Words left out of initials: `earnings before interest and taxes` is EBIT. */
const INITIALS_GLUE = new Set('and of the for in on to a an og i af for til paa'.split(' '));
/**
 * A query that says what a term means often says it in the words of the term's definition
 * (`selskab der ejer andre selskaber` ~ "et selskab, hvis hovedaktivitet er at eje kapitalandele
 * i andre selskaber"). The share of the query's words found in the description, squared, times
 * this, is added: it lifts the article whose definition the query paraphrases.
 */
const DEFINITION_WEIGHT = 8;
/**
 * A definition names the kind of thing first ("et holdingselskab er et selskab, ..."), and so
 * does a query that describes one ("selskab der ejer andre selskaber"): when the query's first
 * word is the definition's kind, this is added.
 */
const GENUS_WEIGHT = 3;
/**
 * A query of at least this many words that names no article as a whole describes what it means
 * (`omkostninger der stiger med mængden der produceres`): its words matched one by one in names
 * weigh less (below), and the definition it paraphrases more.
 */
const DESCRIPTIVE_WORDS = 4;
/**
 * In a descriptive query, a query word matched in a name weighs this share of what it weighs in a
 * short query: one word of a description that is also a word of a title (`fonde` ~ "Gensidig
 * fond") is one clue among several, not the name of what is meant (BM25F-like: the title is
 * a field, weighed above the text but not above the whole description).
 */
const DESCRIPTIVE_NAME_SHARE = 0.5;
/**
 * The share of the query's words the description has (definitionOverlap), squared, times this,
 * multiplies the rest of the score, plus one: of two articles matched alike, the one whose
 * definition the query paraphrases comes first, whatever the scale of their scores.
 */
const DEFINITION_FACTOR = 2;
/** Words too common to tell definitions apart (the rest of the query's words count, stopwords too). */
const GLUE = new Set('der en et og i at er som af til med paa for de den det om har kan'.split(' '));

/** The words of a query that matching uses: no question words, no stopwords (unless nothing else is left). */
export function queryWords(query: string): string[] {
  // Single letters (`P-nummer` is `p nummer`) say nothing on their own; a run of them is one
  // abbreviation (`a/s` is `as`).
  const content = contentWords(query.replace(/(?<![\p{L}\p{N}])\p{L}(?:[/.&-]\p{L}(?![\p{L}\p{N}]))+/gu, (m) => m.replace(/[/.&-]/g, ''))).filter((w) => w.length > 1 || /\d/.test(w));
  const glue = englishGlue(content);
  const kept = content.filter((w) => !QUESTION_WORDS.has(w) && !glue.has(w));
  return kept.length ? kept : content;
}

/** English glue words no Danish text uses as words: a query with one is English. */
const ENGLISH_ONLY_GLUE = new Set(['the', 'of', 'and', 'with', 'from']);

/**
 * The words of a query that are not matched as English glue: in an English query (`camping by the
 * lake`) its glue words say nothing, and some are Danish words too (`by`, `for`, `to`) that a
 * Danish text has; in any other, none.
 */
function englishGlue(words: string[]): ReadonlySet<string> {
  return words.some((w) => ENGLISH_ONLY_GLUE.has(w)) ? ENGLISH_GLUE : NO_WORDS;
}
const NO_WORDS: ReadonlySet<string> = new Set();

/** The share of `query` words found in a description: the same stem, or one begins the other (`eje` ~ `ejer`). */
export function definitionOverlap(query: string[], description: string, synonyms: (word: string) => string[] = () => []): number {
  if (query.length < 3) return 0;
  const own = fold(description).split(' ');
  const stems = new Set(own.map(stem));
  const has = (w: string) => stems.has(stem(w)) || own.some((d) => d.length >= 3 && w.length >= 3 && (d.startsWith(w) || w.startsWith(d) || related(w, d)));
  // A word the description has only as a synonym (synonyms.ts) counts as less than the word itself.
  const found = query.reduce((sum, w) => sum + (has(w) ? 1 : synonyms(w).some(has) ? 1 - SYNONYM_COST : 0), 0);
  return found / query.length;
}

/** A derived form shares at least this many letters from the start with the word (`forsikret` ~ `forsikring`). */
const MIN_DERIVED_PREFIX = 6;
/** ... and the shorter of the two has at most this many letters after what they share. */
const MAX_DERIVED_ENDING = 3;
/** A compound's head (its last part) counts when its stem has at least this many letters (`kursen` ~ `aktiekurs`). */
const MIN_HEAD_STEM = 4;

/**
 * Whether two folded words are one word in Danish compounding or derivation, beyond the same
 * stem: one is the head of a compound the other is (`kursen` ~ `aktiekursen`, `afgift` ~
 * `lønsumsafgifter`), or both are forms of one root (`forsikret` ~ `forsikring`, `udbetales` ~
 * `udbetaling`).
 */
export function related(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < MIN_HEAD_STEM) return false;
  // A stem begins its word: a head the longer word ends in is found in it by its first letters, before any stemming.
  if (long.length > short.length && long.includes(short.slice(0, MIN_HEAD_STEM))) {
    const head = stem(short);
    if (head.length >= MIN_HEAD_STEM && (long.endsWith(short) || long.endsWith(head) || long.slice(0, -2).endsWith(head))) return true;
  }
  let p = 0;
  while (p < short.length && short[p] === long[p]) p++;
  return p >= MIN_DERIVED_PREFIX && p >= short.length - MAX_DERIVED_ENDING && p >= long.length - MAX_DERIVED_ENDING - 2;
}

/** Whether `word` is the kind a definition names: one of the two words after "er en/et/den/det/de". */
export function genusMatches(word: string, description: string): boolean {
  const m = /\ber (?:en|et|den|det|de) (\S+)(?: (\S+))?/.exec(fold(description));
  if (!m) return false;
  const w = stem(word);
  return [m[1], m[2]].some((g) => g !== undefined && (stem(g) === w || (g.length >= 4 && w.length >= 4 && (g.startsWith(w) || w.startsWith(g)))));
}

/** Rows reused by editDistance: it runs thousands of times a search, and allocated rows were most of its cost. */
let rowsOf = [new Int32Array(32), new Int32Array(32), new Int32Array(32)] as const;

/** Damerau–Levenshtein distance (adjacent swaps count one), stopping early past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const m = b.length;
  if ((rowsOf[0] as Int32Array).length <= m) rowsOf = [new Int32Array(m + 1), new Int32Array(m + 1), new Int32Array(m + 1)];
  // Rows i - 2, i - 1 and i of the table, rotated.
  let [before, previous, row] = rowsOf;
  for (let j = 0; j <= m; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    row[0] = i;
    let best = i;
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, (before[j - 2] as number) + 1);
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    const spare = before;
    before = previous;
    previous = row;
    row = spare;
  }
  return previous[m] as number;
}

/** plainLetters of the words a search compares, made once each: thousands of comparisons a search. */
const plainMemo = new Map<string, string>();
function plainOf(word: string): string {
  let plain = plainMemo.get(word);
  if (plain === undefined) {
    // Bounded for the long-running servers (dict, lsp).
    if (plainMemo.size >= 50_000) plainMemo.clear();
    plain = plainLetters(word);
    plainMemo.set(word, plain);
  }
  return plain;
}

/**
 * What matching `w` (folded) against one name word `t` (folded) costs; undefined for no match.
 * `ws` and `ts` are their stems, when the caller has them; `typos`: whether a typing error may
 * match, and `1` for one at most.
 */
export function nameMatchCost(w: string, t: string, ws = stem(w), ts?: string, literal = false, typos: boolean | 1 = true): number | undefined {
  // The same word, its stem, or the word with an ending (`modpartsrisikoen`: the stemmer reads the oe of -koen as ø).
  // Not a bare -e (`franchisee` is no form of franchise: the stemmer has a word's -e forms).
  if (w === t || ws === (ts ?? stem(t)) || (t.length >= 4 && inflectionOf(t, w) && w.length > t.length + 1)) return SAME_STEM;
  if (plainOf(w) === plainOf(t)) return PLAIN_LETTERS;
  // An abbreviation (typed in capitals or without vowels) matches only as written.
  if (literal) return undefined;
  const loose = looseMatchCost(w, t, typos);
  // The word with a negating prefix is its opposite, not a part or a misspelling of it:
  // `fuldkommen` is not Ufuldkommen, `ubegrænset` not Begrænset, `materielle` not Immaterielle.
  return loose === undefined || negated(w, t) || negated(t, w) || opposites(w, t) ? undefined : loose;
}

/** Prefixes that make a word's opposite: `makroøkonomi` is no misspelt Mikroøkonomi. */
const OPPOSITE_PREFIXES: Array<[string, string]> = [['makro', 'mikro'], ['over', 'under'], ['hausse', 'baisse']];

function opposites(w: string, t: string): boolean {
  return OPPOSITE_PREFIXES.some(([a, b]) => (w.startsWith(a) && t.startsWith(b) && w.slice(a.length) === t.slice(b.length)) || (w.startsWith(b) && t.startsWith(a) && w.slice(b.length) === t.slice(a.length)));
}

/**
 * Endings that make words (English and Danish) rather than words a compound ends in: `ship` is not
 * the last word of `generalpartnership`, nor `ties` of `liabilities`, `skab` of `selskab`.
 */
const SUFFIXES = new Set(['ship', 'ships', 'ment', 'ments', 'ness', 'ties', 'able', 'ible', 'ance', 'ence', 'ings', 'tion', 'tions', 'sion', 'sions', 'less', 'skab', 'skaber', 'else', 'ning', 'ninger', 'ende', 'ering']);

/** A match by beginning, compound part or typing error (see nameMatchCost). */
function looseMatchCost(w: string, t: string, typos: boolean | 1): number | undefined {
  if (w.length >= 3 && t.startsWith(w)) return PREFIX;
  // A suffix is no part of a compound (it matches a name's word whole, or its beginning).
  if (w.length >= 4 && t.endsWith(w) && !SUFFIXES.has(w)) return COMPOUND_HEAD;
  if (w.length >= 5 && t.includes(w) && !SUFFIXES.has(w)) return COMPOUND_PART;
  // Both words long enough: a five-letter word one edit from a four-letter one is most often another word (`ferie`, `frie`).
  if (!typos || w.length < MIN_TYPO_LENGTH || t.length < MIN_TYPO_LENGTH) return undefined;
  // Two errors only after a first letter typed right: `opskrivning` is another word than Afskrivning.
  const max = typos === true && w.length >= 8 && w[0] === t[0] ? 2 : 1;
  // Against the whole word, and (one error at most) against its start: a typo in a compound's first part.
  const d = Math.min(editDistance(w, t, max), t.length > w.length + 1 && editDistance(w, t.slice(0, w.length), 1) <= 1 ? 1.5 : max + 1);
  return d <= max ? TYPO + TYPO_STEP * (Math.ceil(d) - 1) + (d % 1 ? PREFIX : 0) : undefined;
}

/** Prefixes that negate a word, Danish and English (`u`sikker, `in`effektiv, `im`materiel, `un`limited, `non`-cash). */
const NEGATIONS = ['u', 'in', 'im', 'il', 'ir', 'un', 'non', 'dis'];

/**
 * Whether `a` is `b` with a negating prefix: the rest of `a` is `b`, its stem, a form of it or an
 * adjective's -t, or begins with `b` (`ubegraenset`, `begraenset`; `ineffektivt`, `effektiv`;
 * `intangibleassets`, `tangible`). Not a word that merely begins so and has `b` elsewhere in it
 * (`udbytteskat` ~ `skat`, `indkomst`, `interbank` ~ `bank`).
 */
function negated(a: string, b: string): boolean {
  for (const neg of NEGATIONS) {
    if (!a.startsWith(neg) || b.startsWith(neg)) continue;
    const rest = a.slice(neg.length).replace(/^-/, '');
    // Or the rest begins with `b` (a compound, an id): `ufuldkommen-konkurrence`, `intangibleassets`, `uansvarlig`.
    if (rest.length >= 4 && (rest === b || rest === `${b}t` || b === `${rest}t` || stem(rest) === stem(b) || inflectionOf(b, rest) || inflectionOf(rest, b) || (b.length >= 4 && rest.startsWith(b)))) return true;
  }
  return false;
}

/** Whether a name match may be chance: a typing error, or a stem of under four letters that different words share. */
export function byChance(w: string, t: string, cost: number): boolean {
  if (cost >= TYPO) return true;
  return cost === SAME_STEM && w !== t && stem(w).length < 4;
}

/** A word two edits or fewer from a name word (or its start), too short for a typo allowance: `rnte` ~ `rente`, `fnod` ~ `fund`. */
export function nearMiss(w: string, t: string): boolean {
  if (w.length < 3) return false;
  return editDistance(w, t, 2) <= 2 || (t.length > w.length && editDistance(w, t.slice(0, w.length), 1) <= 1);
}

/** How a name word matched, from its cost: for --explain. */
export function matchKind(cost: number): string {
  if (cost <= SAME_STEM) return 'same word';
  if (cost <= PLAIN_LETTERS) return 'Danish letters typed plainly';
  if (cost <= PREFIX) return 'beginning';
  if (cost <= COMPOUND_HEAD) return 'end of a compound';
  if (cost <= COMPOUND_PART) return 'part of a compound';
  return 'typing error';
}

/**
 * Query words typed as an abbreviation: in capitals (`GAAP`, two letters or more) or without a
 * vowel (`ebt`); folded. They match names only as written.
 */
export function literalWords(query: string): Set<string> {
  const out = new Set<string>();
  for (const token of query.normalize('NFC').split(/[^\p{L}\p{N}]+/u)) {
    if (token.length < 2 || /\d/.test(token)) continue;
    if ((token === token.toUpperCase() && token !== token.toLowerCase()) || !/[aeiouyæøåéäöü]/i.test(token)) for (const w of fold(token).split(' ')) out.add(w);
  }
  return out;
}

/** Initials of a query of several words (glue words left out, and kept): `average annual growth rate` -> aagr. */
export function initialsOf(query: string): string[] {
  const all = fold(query).split(' ').filter(Boolean);
  if (all.length < 2) return [];
  const out = new Set<string>();
  const content = all.filter((w) => !INITIALS_GLUE.has(w));
  for (const list of [content, all]) if (list.length >= MIN_INITIALS && list.every((w) => /^[a-z]/.test(w))) out.add(list.map((w) => w[0]).join(''));
  return [...out];
}

/**
 * Whether the words of `query`, whose initials spell an abbreviation of `doc`, say what the article
 * says: each word that is not glue (of, per, before, ...) is a word of its title, an alias or what
 * it defines (as a name word matches: its stem, a beginning, a compound's part), or part of its id
 * (`internalgrowthrate`), or a Danish word `english` gives for it or its root (`taxes`: tax) is,
 * or its text has every word (`textStems`, the stems the hit's text matched: an article quotes
 * the English it spells out). `average annual growth rate` spells out "Gennemsnitlig årlig vækstrate (AAGR)"
 * through the word list; `burden of proof` does not spell out Betalingsbalance (BOP), nor
 * `balance of power`.
 */
export function spellsOut(doc: SearchDoc, query: string, english?: WordList, textStems: string[] = []): boolean {
  const nameWordsOf = [doc.s.folded, ...doc.s.foldedAliases, ...(doc.s.foldedDefined ?? [])].flatMap((n) => n.split(' ')).filter((t) => t.length > 1);
  const said = (w: string) => nameWordsOf.some((t) => {
    const c = nameMatchCost(w, t, stem(w), undefined, false, false);
    return c !== undefined && c < TYPO;
  });
  // Its id in words (`internalgrowthrate`) says them too.
  const id = fold(doc.id).replace(/[^a-z0-9]/g, '');
  const content = fold(query).split(' ').filter((w) => w !== '' && !INITIALS_GLUE.has(w) && !SPELLING_GLUE.has(w));
  // The word list's entries are words as a dictionary writes them: `taxes`, `principles`, `accepted` and `generally` by their root.
  const rendered = (w: string) => [...new Set([w, w.replace(/ies$/, 'y'), w.replace(/es$/, ''), w.replace(/s$/, ''), w.replace(/ly$/, ''), w.replace(/ed$/, ''), w.replace(/ed$/, 'e'), w.replace(/ing$/, ''), w.replace(/ing$/, 'e')])].flatMap((form) => (form.length >= 2 ? english?.(form) ?? [] : []));
  // Every word by the names, or every word by the text (an article quoting the English it spells
  // out); not some one way and some the other (`total equity value` is not "Virksomhedsværdi (TEV)"
  // through "total enterprise value" and an "equity" of its text).
  const named = (w: string) => said(w) || (w.length >= 3 && id.includes(w)) || rendered(w).some((danish) => fold(danish).split(' ').filter(Boolean).every(said));
  return content.length > 0 && (content.every(named) || content.every((w) => textStems.includes(stem(w))));
}

/** Little words of an English phrase an abbreviation leaves out or keeps as it likes (`earnings per share`, EPS). */
const SPELLING_GLUE = new Set('per before after by with from at over under into than'.split(' '));

/**
 * Whether `title` (folded words) spells `abbreviation` out just before it in words other than the
 * query's (`internal revenue service irs` against `interest rate swap`): some word of that
 * spelling no query word matches.
 */
export function otherExpansion(title: string[], abbreviation: string, query: string[]): boolean {
  const at = title.indexOf(abbreviation);
  if (at <= 0) return false;
  const spelt: string[] = [];
  let content = '';
  let all = '';
  for (let j = at - 1; j >= 0 && content !== abbreviation && all !== abbreviation; j--) {
    const w = title[j] as string;
    spelt.unshift(w);
    all = w[0] + all;
    if (!INITIALS_GLUE.has(w)) content = w[0] + content;
    if (!abbreviation.endsWith(all) && !abbreviation.endsWith(content)) return false;
  }
  if (content !== abbreviation && all !== abbreviation) return false;
  return spelt.filter((w) => !INITIALS_GLUE.has(w)).some((t) => !query.some((w) => { const c = nameMatchCost(w, t); return c !== undefined && c <= TYPO; }));
}

/** The abbreviation a title ends in, folded: `Afkastningsgrad (ROR)`, `Påkrævet forrentning – RRR`. */
export function titleAbbreviation(title: string): string | undefined {
  const m = /(?:\(([\p{Lu}][\p{L}&]{1,7})\)|[–-] ([\p{Lu}][\p{Lu}&]{1,7}))\s*$/u.exec(title);
  const abbreviation = m?.[1] ?? m?.[2];
  return abbreviation && abbreviation.slice(1) !== abbreviation.slice(1).toLowerCase() ? fold(abbreviation) : undefined;
}

/** Whether every one of `words` is a word the corpus's text has (by its own stem). */
export function wordsOfCorpus(source: SearchSource, words: string[]): boolean {
  return words.length > 0 && words.every((w) => source.postings(stem(w)).length > 0);
}

/** Whether the English word list has both words. */
function bothEnglish(w: string, t: string, english: (() => WordList | undefined) | undefined): boolean {
  const list = english?.();
  return list !== undefined && list(w) !== undefined && list(t) !== undefined;
}

/** `w` is `t` with an English ending: plants, taxes, leased, leasing, companies. */
export function englishInflection(w: string, t: string): boolean {
  return [t + 's', t + 'es', t + 'ed', t + 'd', t + 'ing', ...(t.endsWith('y') ? [t.slice(0, -1) + 'ies', t.slice(0, -1) + 'ied'] : []), ...(t.endsWith('e') ? [t.slice(0, -1) + 'ing'] : [])].includes(w);
}

/**
 * The words of an article's English aliases that Danish does not have: of aliases of two content
 * words or more, each of which the English word list has (`property, plant and equipment`), those
 * it does not render as themselves (`bank` is Danish too). None without the word list.
 */
const englishAliasMemo = new WeakMap<SearchDoc, Set<string>>();
export function englishAliasWords(doc: SearchDoc, english: (() => WordList | undefined) | undefined): Set<string> {
  let found = englishAliasMemo.get(doc);
  if (found) return found;
  found = new Set<string>();
  const list = english?.();
  for (const alias of list ? doc.s.foldedAliases : []) {
    const content = alias.split(' ').filter((x) => x.length > 2 && !INITIALS_GLUE.has(x));
    if (content.length < 2 || !content.every((x) => list?.(x) !== undefined)) continue;
    // A word Danish has too (`bank`, `budget`: the word list renders it as itself) keeps its Danish forms.
    for (const x of content) if (!list?.(x)?.some((r) => fold(r) === x)) found.add(x);
  }
  englishAliasMemo.set(doc, found);
  return found;
}

/** The words of an article's names, folded, with their stems (made at compile time where they can be). */
export function nameWords(doc: SearchDoc): { title: string[]; aliases: string[]; defined: string[]; stems: Map<string, string> } {
  const titleWords = doc.s.folded.split(' ').filter(Boolean);
  const title = [...titleWords, doc.id.toLowerCase()];
  const aliasWords = doc.s.foldedAliases.map((a) => a.split(' ').filter(Boolean));
  const stems = new Map<string, string>();
  const stemmedTitle = doc.s.title.split(' ');
  if (stemmedTitle.length === titleWords.length) titleWords.forEach((w, i) => stems.set(w, stemmedTitle[i] as string));
  aliasWords.forEach((words, i) => {
    const stemmed = (doc.s.aliases[i] ?? '').split(' ');
    if (stemmed.length === words.length) words.forEach((w, j) => stems.set(w, stemmed[j] as string));
  });
  const definedWords = (doc.s.foldedDefined ?? []).map((a) => a.split(' ').filter(Boolean));
  definedWords.forEach((words, i) => {
    const stemmed = (doc.s.defined?.[i] ?? '').split(' ');
    if (stemmed.length === words.length) words.forEach((w, j) => stems.set(w, stemmed[j] as string));
  });
  // An abbreviation written with slashes or dots (`A/S`, `a.m.b.a.`) is also one word.
  const squashedAliases = doc.s.foldedAliases.filter((a) => /^\S( \S)+$/.test(a)).map((a) => a.replace(/ /g, ''));
  return { title, aliases: [...aliasWords.flat(), ...squashedAliases], defined: definedWords.flat(), stems };
}

function byName(a: SearchDoc, b: SearchDoc): number {
  return a.title < b.title ? -1 : a.title > b.title ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The first `k` of `items` in the order `compare` gives, as `[...items].sort(compare).slice(0, k)`
 * returns them (ties kept in the order given, as the stable sort keeps them), without sorting them
 * all: a common word is in thousands of articles, and a query keeps a few dozen.
 */
export function firstOf<T>(items: Iterable<T>, k: number, compare: (a: T, b: T) => number): T[] {
  const best: T[] = [];
  if (k <= 0) return best;
  for (const item of items) {
    if (best.length === k && compare(item, best[k - 1] as T) >= 0) continue;
    // After every item it does not come before: an equal one given earlier stays first.
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(item, best[mid] as T) < 0) hi = mid;
      else lo = mid + 1;
    }
    best.splice(lo, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
}

/** Candidates from the name index: trigrams and stems of titles, aliases and descriptions. */
export function nameCandidates(source: SearchSource, words: string[]): number[] {
  // Typed counts and buckets, not a Map and a sort: a common gram lists thousands of articles.
  const counts = new Uint16Array(source.count);
  const touched: number[] = [];
  for (const w of words) {
    for (const [term, weight] of docTermsOfWord(w)) {
      let n = 0;
      for (const gap of source.gaps(term)) {
        n += gap;
        if (n >= counts.length) continue;
        if (counts[n] === 0) touched.push(n);
        counts[n] = Math.min(65535, (counts[n] as number) + weight);
      }
    }
  }
  return firstOf(touched, NAME_CANDIDATES, (a, b) => (counts[b] as number) - (counts[a] as number) || a - b);
}

/** Candidates whose names or descriptions have one of `words` by its stem: no trigrams, as a synonym is never a typing error. */
export function stemCandidates(source: SearchSource, words: string[]): number[] {
  const out: number[] = [];
  for (const w of words) {
    let n = 0;
    for (const gap of source.gaps('=' + stem(w))) out.push((n += gap));
  }
  return [...new Set(out)];
}

interface TextMatch {
  /** IDF of each query word (the rarest of its stems; for a word the text lacks, the highest). */
  idf: number[];
  /** Query words the text has as written or inflected (by their own stem): words of the corpus, not typing errors. */
  inText: boolean[];
  /** Article number -> its matches: [idf, weighted count, weight] per stem. */
  matches: Map<number, Array<[number, number, number]>>;
  /** Article number -> query words found in the text, and the ones in the description. */
  words: Map<number, Set<number>>;
  described: Map<number, Set<number>>;
  /** The stems each query word was matched with. */
  stems: string[][];
  /** Article number -> query word -> the synonym (synonyms.ts) it was found by, where the word itself is not in the text. */
  synonyms: Map<number, Map<number, string>>;
  /** A synonym's IDF in the text (the rarest, for one the text lacks). */
  synonymIdf: (synonym: string) => number;
  /** Articles whose text has any of the synonyms, the word itself or not. */
  synonymAny: Set<number>;
}

/** BM25 of one article's matches, its body `length` words long. */
export function bm25(matches: Array<[number, number, number]> | undefined, length: number, average: number): number {
  if (!matches) return 0;
  const norm = BM25_K1 * (1 - BM25_B + (BM25_B * length) / Math.max(1, average));
  return matches.reduce((sum, [idf, tf, weight]) => sum + weight * idf * ((tf * (BM25_K1 + 1)) / (tf + norm)), 0);
}

/**
 * A short word's stem with its last consonant doubled (`aeg` -> `aegg`, `kat` -> `katt`), as the
 * stemmer leaves the inflected forms of such words (`æggene`, `kattene`); none for a longer word,
 * which the stemmer reduces itself.
 */
export function doubledConsonant(word: string): string[] {
  return word.length <= 3 && /[aeiouyæøå][bdfgklmnprstv]$/.test(word) ? [word + word.slice(-1)] : [];
}

/**
 * The query's words in the full text. A word is its stem; a word the index does not know may be
 * a compound written as one word (`forsyningskæde`): its two parts, when both are known; two
 * words may be one compound written apart (`aktie selskab`): their joined stem, when known.
 */
function textMatch(source: SearchSource, words: string[], expand: string[][] = []): TextMatch {
  const matches = new Map<number, Array<[number, number, number]>>();
  const found = new Map<number, Set<number>>();
  const described = new Map<number, Set<number>>();
  const stems: string[][] = words.map(() => []);
  const N = Math.max(1, source.count);
  /** The IDF of a stem `articles` articles have. */
  const idfOf = (articles: number) => Math.log(1 + (N - articles + 0.5) / (articles + 0.5));
  const rarest = idfOf(1);
  const idfs = words.map(() => 0);
  const inText = words.map(() => false);
  /** A posting's packed counts: its term frequency (the description's weighed) and the description's count. */
  const packedCounts = (packed: number): [number, number] => {
    const inDescription = packed & TEXT_FIELDS.descriptionMax;
    return [DESCRIPTION_WEIGHT * inDescription + Math.floor(packed / TEXT_FIELDS.bodyUnit), inDescription];
  };
  /** Query word `i` matched in article `n`, at `weight` of a match (boosted where the description has it). */
  const match = (n: number, i: number, idf: number, tf: number, inDescription: number, weight: number) => {
    const boosted = weight * (inDescription ? DESCRIPTION_BOOST : 1);
    const list = matches.get(n);
    if (list) list.push([idf, tf, boosted]);
    else matches.set(n, [[idf, tf, boosted]]);
    (found.get(n) ?? found.set(n, new Set()).get(n))?.add(i);
    if (inDescription) (described.get(n) ?? described.set(n, new Set()).get(n))?.add(i);
  };
  const add = (i: number, postings: Array<[number, number]>, weight = 1) => {
    const idf = idfOf(postings.length);
    idfs[i] = Math.max(idfs[i] as number, idf);
    for (const [n, packed] of postings) match(n, i, idf, ...packedCounts(packed), weight);
  };
  words.forEach((w, i) => {
    const s = stem(w);
    // A short word ends in one consonant where its inflected forms double it (`æg`, `æggene`):
    // the stem of those forms, when the text has no other.
    for (const form of [s, ...doubledConsonant(w)]) {
      const postings = source.postings(form);
      if (!postings.length) continue;
      inText[i] = true;
      stems[i]?.push(form);
      add(i, postings);
      return;
    }
    // A compound the text has only in parts: both parts, each at half weight, in the same article.
    for (let cut = 3; cut <= w.length - 3; cut++) {
      const head = w.slice(cut);
      for (const tail of [w.slice(0, cut), w.endsWith('s', cut) ? w.slice(0, cut - 1) : '']) {
        if (tail.length < 3) continue;
        const a = source.postings(stem(tail));
        const b = source.postings(stem(head));
        if (!a.length || !b.length) continue;
        const inB = new Set(b.map(([n]) => n));
        const both = a.filter(([n]) => inB.has(n));
        if (!both.length) continue;
        stems[i]?.push(stem(tail), stem(head));
        add(i, both, 0.5);
        const inBoth = new Set(both.map(([n]) => n));
        add(i, b.filter(([n]) => inBoth.has(n)), 0.5);
        return;
      }
    }
  });
  // Two words written apart that the text writes as one compound.
  for (let i = 0; i + 1 < words.length; i++) {
    const joined = stem(`${words[i]}${words[i + 1]}`);
    const postings = source.postings(joined);
    if (!postings.length) continue;
    stems[i]?.push(joined);
    stems[i + 1]?.push(joined);
    add(i, postings);
    add(i + 1, postings, 0);
  }
  // Synonyms of a word the names do not know (synonyms.ts), in the articles whose text lacks the
  // word itself: the synonym the text has most telling, at a share of a match of the word.
  const synonyms = new Map<number, Map<number, string>>();
  const synonymIdf = new Map<string, number>();
  const synonymAny = new Set<number>();
  expand.forEach((list, i) => {
    const best = new Map<number, [string, number, number, number]>();
    for (const synonym of list) {
      const postings = source.postings(stem(synonym));
      const idf = idfOf(postings.length);
      synonymIdf.set(synonym, postings.length ? idf : rarest);
      for (const [n, packed] of postings) {
        synonymAny.add(n);
        if (found.get(n)?.has(i)) continue;
        const [tf, inDescription] = packedCounts(packed);
        const had = best.get(n);
        if (!had || idf * tf > had[1] * had[2]) best.set(n, [synonym, idf, tf, inDescription]);
      }
    }
    for (const [n, [synonym, idf, tf, inDescription]] of best) {
      match(n, i, idf, tf, inDescription, SYNONYM_TEXT_WEIGHT);
      (synonyms.get(n) ?? synonyms.set(n, new Map()).get(n))?.set(i, synonym);
    }
    if (best.size) stems[i]?.push(...new Set([...best.values()].map(([synonym]) => stem(synonym))));
  });
  return { idf: idfs.map((v) => v || rarest), inText, matches, words: found, described, stems, synonyms, synonymIdf: (w) => synonymIdf.get(w) ?? rarest, synonymAny };
}

/** A query word's synonym found in an article's names: the name word, its list, what the match costs. */
interface SynonymName {
  synonym: string;
  word: string;
  list: NameList;
  base: number;
  cost: number;
}

/**
 * For each query word no name of the article matches, the best of its synonyms (`expand`) that
 * does: as written or by stem (Danish letters typed plainly too), never begun, as a part of a
 * compound or by a typing error; at the list's extra cost and SYNONYM_COST more.
 */
function synonymNames(words: string[], expand: string[][], names: ReturnType<typeof nameWords>, nameCosts: Array<number | undefined>, lists: Array<[NameList, number]>, englishAlias: () => Set<string>): Array<SynonymName | undefined> {
  return words.map((_, i) => {
    const list = expand[i];
    if (!list?.length || nameCosts[i] !== undefined) return undefined;
    let best: SynonymName | undefined;
    for (const synonym of list) {
      const ss = stem(synonym);
      for (const [kind, extra] of lists) {
        for (const t of kind === 'title' ? names.title : kind === 'alias' ? names.aliases : names.defined) {
          // The same word or stem only: a compound with the synonym as its head (`holdingselskab`
          // for `firma` ~ selskab) names a kind of the thing, not the thing.
          const found = nameMatchCost(synonym, t, ss, names.stems.get(t), true);
          if (found === undefined) continue;
          // A synonym is a Danish word: an English alias's word of its stem is another word
          // (`personale`, for `ansatte`, is not "personal" of "personal guarantee"), as for a query word.
          if (kind === 'alias' && found === SAME_STEM && synonym !== t && englishAlias().has(t)) continue;
          const c = Math.min(1, found + extra + SYNONYM_COST);
          if (!best || c < best.cost) best = { synonym, word: t, list: kind, base: found, cost: c };
        }
      }
    }
    return best;
  });
}

/**
 * The one order of hits: by tier (the whole name exactly, then as a prefix); then by score, where
 * scores within 0.01 are a tie; then the shorter title; then by title and id (not by the article's
 * number, which a patched cache assigns differently from a fresh compile).
 */
export function compareHits(a: Hit, b: Hit): number {
  return a.tier - b.tier || Math.round((b.score - a.score) * 100) || a.doc.title.length - b.doc.title.length || byName(a.doc, b.doc);
}

/** What search may use beyond the corpus: the bundled lexicon, loaded only when a query needs it. */
export interface SearchExtras {
  lexicon?: () => Lexicon | undefined;
}

export function search(source: SearchSource, query: string, limit = 10, extras: SearchExtras = {}): Hit[] {
  const english = () => extras.lexicon?.()?.words;
  const first = rank(source, query, true, [], undefined, english);
  const { words, weak } = first;
  let hits = first.hits;
  // Words no article's name matches for sure, expanded to their synonyms (synonyms.ts), when the
  // lexicon has any: ranked again, each synonym weighed below the word as written.
  const expand = expansionOf(words, weak, literalWords(query));
  if (expand.some((list) => list.length > 0)) {
    const again = rank(source, query, true, expand, new Set(hits.map((h) => h.doc.n)), english);
    hits = [...again.hits, ...hits.filter((h) => !again.ranked.has(h.doc.n))];
  }
  // The lexicon only when no article is named by the query (its whole name, or every word in its
  // names): an English query over a Danish corpus, whose words at most turn up in some text. Read
  // then, not before: most queries never need it.
  const named = (h: Hit, n: number) => h.tier < Tier.words || (h.named >= n && h.matched >= n);
  // A name matched only through a typing error does not count when every word is English the
  // word list knows (`interest` is no misspelt Interessent): both routes are ranked together.
  const englishTypo = (h: Hit) => h.typos > 0 && h.tier > Tier.prefix;
  const namedHits = hits.filter((h) => named(h, words.length));
  const typoOnly = namedHits.length > 0 && namedHits.every(englishTypo) && everyWordListed(words, extras.lexicon);
  const translated = words.length && extras.lexicon && (namedHits.length === 0 || typoOnly) ? byLexicon(source, query, extras.lexicon(), named) : [];
  if (typoOnly && translated.length) {
    const best = new Map<number, Hit>();
    for (const h of [...hits, ...translated]) {
      const had = best.get(h.doc.n);
      if (!had || compareHits(h, had) < 0) best.set(h.doc.n, h);
    }
    return [...best.values()].sort(compareHits).slice(0, Math.max(1, limit));
  }
  if (translated.length) {
    // Named in translation: below what names the query itself, above what only its text has. Found
    // in the text in translation: among the query's own text hits, an article in both at its better.
    const inName = translated.filter((h) => h.field === 'name');
    const ns = new Set(inName.map((h) => h.doc.n));
    const rest = new Map<number, Hit>();
    for (const h of [...hits, ...translated.filter((t) => t.field !== 'name')]) {
      const had = rest.get(h.doc.n);
      if (!ns.has(h.doc.n) && (!had || compareHits(h, had) < 0)) rest.set(h.doc.n, h);
    }
    // Named word by word: the usual sense first (`price`: Pris before Kurs), whatever its words weigh here.
    const bySense = (a: Hit, b: Hit) => (a.lexicon?.rank ?? 0) - (b.lexicon?.rank ?? 0) || compareHits(a, b);
    return [...inName.sort(bySense), ...[...rest.values()].sort(compareHits)].slice(0, Math.max(1, limit));
  }
  return hits.sort(compareHits).slice(0, Math.max(1, limit));
}

/** Whether the word list has every one of `words` (so the query may be English): lookup asks it too. */
export function everyWordListed(words: string[], lexicon: SearchExtras['lexicon']): boolean {
  const list = lexicon?.()?.words;
  // English glue aside (`return on stock` is English: `on` is no word of the list, nor needs to be).
  const content = words.filter((w) => !ENGLISH_GLUE.has(w));
  // With an English plural's `s` (`statements`): the list has words in their base form.
  return list !== undefined && content.length > 0 && content.every((w) => list(w) !== undefined || (w.length > 4 && w.endsWith('s') && list(w.slice(0, -1)) !== undefined));
}

/** English question and filler words: left out of the rest of a query the lexicon translated part of. */
const ENGLISH_FILLER = new Set('what whats is are does do how the a an of mean meaning means definition define defined explain explained'.split(' '));
/** A hit by the lexicon's Danish name scores this share: below a match of the query's own words. */
const LEXICON_WEIGHT = 0.8;

/**
 * The query's phrases the bundled lexicon knows (`accounts payable`), looked up as their Danish
 * names (`Leverandørgæld`) with the query's other words; only hits named by the translated query
 * (its whole name, or every word in a name) count.
 */
function byLexicon(source: SearchSource, query: string, lexicon: Lexicon | undefined, named: (h: Hit, words: number) => boolean): Hit[] {
  if (!lexicon) return [];
  // An English possessive (`share capital's`) folds to a word and a lone `s`: the `s` says nothing.
  const all = fold(query).split(' ').filter((w, i) => w !== '' && (w !== 's' || i === 0));
  const best = new Map<number, Hit>();
  for (const m of new LexiconIndex(lexicon).phrasesIn(all)) {
    // A phrase the corpus itself names (`ÅOP` in a corpus with an article ÅOP) is not translated.
    const own = rank(source, m.phrase);
    if (own.hits.some((h) => named(h, own.words.length))) continue;
    const rest = [...all.slice(0, m.start), ...all.slice(m.end)].filter((w) => !ENGLISH_FILLER.has(w) && !QUESTION_WORDS.has(w) && !isStopword(w));
    for (const [id, kind, danish] of m.senses) {
      // The bundled article's abbreviations: its names in capitals (ROA), or the phrase, one short word (`roa`).
      const abbreviations = new Set([...danish.filter((x) => /^[\p{Lu}&]{2,6}$/u.test(x)).map(fold), ...(/^[a-z]{2,5}$/.test(m.phrase) ? [m.phrase] : [])]);
      for (const name of danish) {
        const asked = [name, ...rest].join(' ');
        const said = `"${m.phrase}" is "${name}" in the bundled glossary (${kind === 'id' ? 'the id, in words,' : kind === 'title' ? 'the title' : 'an alias'} of the bundled article ${id}): searched as "${asked}"`;
        keepTranslated(best, source, asked, named, LEXICON_WEIGHT, { phrase: m.phrase, kind, id, name }, said, undefined, abbreviations);
      }
    }
  }
  // And word by word, each hit kept at the better of its two routes; not a query with an
  // abbreviation (typed in capitals or without a vowel), which matches only as written.
  const literal = literalWords(query);
  if (!all.some((w) => literal.has(w))) byWords(best, source, all, lexicon, named);
  return [...best.values()];
}

/**
 * The hits a translated query names (its whole name, or every word in a name), kept in `best` at
 * the better route, scored times `weight`. With `strict` (a rendering made word by word, two loose
 * steps already), a name counts only as a whole name, or as a title whose every word the
 * rendering has by its stem: no typing error, prefix or compound part; and with `textWeight`, an
 * article whose text has every word of it by its own stem (no made-up compound split) counts as
 * a text hit at that share.
 */
function keepTranslated(best: Map<number, Hit>, source: SearchSource, asked: string, named: (h: Hit, words: number) => boolean, weight: number, lexicon: NonNullable<Hit['lexicon']>, said: string, strict?: { textWeight: number; english?: boolean }, abbreviations?: Set<string>): void {
  const { hits, words } = rank(source, asked, false);
  const stems = words.map(stem);
  const folded = fold(asked);
  for (const h of hits) {
    // An article whose title ends in another abbreviation than the bundled article's is another
    // concept of that Danish name (`return on assets`, ROA, is afkastningsgrad in the bundled
    // glossary, not "Afkastningsgrad (ROR)").
    const own = abbreviations?.size ? titleAbbreviation(h.doc.title) : undefined;
    if (own && !abbreviations?.has(own)) continue;
    // A rendering spelt as an English word too names nothing through an alias of that spelling:
    // such an alias is most likely English (`commission` is provision in Danish, and "provision"
    // is an English alias of Hensatte forpligtelser, provisions).
    const englishAlias = strict?.english === true && h.doc.s.folded !== folded && h.doc.s.foldedAliases.includes(folded);
    const isNamed = strict ? !englishAlias && (h.tier <= Tier.defined || (named(h, words.length) && h.cost === 0 && h.typos === 0 && h.unmatchedTitleWords === 0)) : named(h, words.length);
    const inText = strict !== undefined && h.text > 0 && stems.every((s) => h.stems.includes(s));
    const share = isNamed ? weight : inText ? (strict as { textWeight: number }).textWeight : 0;
    if (share === 0) continue;
    // A text hit is one whatever its name matched loosely (a name begun, `kapital` ~ Kapitalisme):
    // ranked among text hits, never a clear winner.
    const field: Field = isNamed || h.field !== 'name' ? h.field : h.described > 0 ? 'description' : 'body';
    const tier = isNamed ? h.tier : Math.max(h.tier, Tier.words);
    // Its explanation without the tier it no longer has.
    const why = isNamed ? h.why : h.why.filter((w) => !(w.add === 0 && /\(ranked (first|before word matches)\)$/.test(w.what)));
    // A name matched loosely counts for nothing: such a hit scores as its text does.
    const loose = !isNamed && h.field === 'name';
    const score = (loose ? h.text : h.score) * share;
    const hit: Hit = { ...h, tier, field, score, via: 'lexicon', lexicon, why: [{ what: said, add: 0 }, ...(loose ? [{ what: `its text matched "${asked}" (its name only loosely)`, add: round(score) }] : why.map((w) => ({ ...w, add: round(w.add * share) })))] };
    const had = best.get(h.doc.n);
    if (!had || compareHits(hit, had) < 0) best.set(h.doc.n, hit);
  }
}

/** A hit through the word list's rendering scores this share: below one through a name the bundled glossary gives. */
const WORDS_WEIGHT = 0.7;
/** ... and one whose text has every word of the rendering (no name has them) this share: half, as a synonym in the text counts. */
const WORDS_TEXT_WEIGHT = SYNONYM_TEXT_WEIGHT;

/**
 * An English query rendered in Danish word by word by the English-Danish word list (`payroll
 * costs` -> `lønomkostninger`, `løn omkostninger`), its hits kept in `best`: only when every word
 * but glue has a rendering; an article a rendering names wholly comes first, one whose text has a
 * rendering counts as a text hit at half (keepTranslated).
 */
function byWords(best: Map<number, Hit>, source: SearchSource, all: string[], lexicon: Lexicon, named: (h: Hit, words: number) => boolean): void {
  if (!lexicon.words) return;
  const rendered = renderWords(all, lexicon.words, (w) => ENGLISH_FILLER.has(w) || QUESTION_WORDS.has(w) || ENGLISH_GLUE.has(w));
  if (!rendered) return;
  const phrase = rendered.english.join(' ');
  // The renderings of each part of the query, and of a fixed phrase's words where they were rendered too.
  const lines = (r: { english: string[]; danish: string[][] }) => r.english.map((w, i) => `${w}: ${(r.danish[i] as string[]).join(', ')}`);
  const renderings = [...new Set([...lines(rendered), ...(rendered.apart ? lines(rendered.apart) : [])])].join('; ');
  // Each with its rank (0: the usual sense): what a rendering names is listed usual sense first
  // (`trade`: Handel before Fag), whatever its words weigh in this corpus (search, bySense).
  rendered.phrases.forEach((name, i) => {
    if (fold(name) === phrase) return;
    const rank = rendered.ranks[i] ?? 0;
    const english = (lexicon.words as WordList)(fold(name)) !== undefined;
    keepTranslated(best, source, name, named, WORDS_WEIGHT, { phrase, kind: 'words', name, rank }, `"${phrase}" is "${name}" word by word (${renderings}; the bundled English-Danish word list): searched as "${name}"${rank ? ', a less usual sense' : ''}`, { textWeight: WORDS_TEXT_WEIGHT, english });
  });
}

/** Every hit of a query over the corpus's own words and names, unordered; and the query's words. */
function rank(source: SearchSource, query: string, withInitials = true, expand: string[][] = [], earlier?: Set<number>, english?: () => WordList | undefined): { hits: Hit[]; words: string[]; weak: boolean[]; ranked: Set<number> } {
  const q = fold(query);
  if (q === '') return { hits: [], words: [], weak: [], ranked: new Set() };
  // One entry a stem; a stem typed twice (`selskab ... selskaber`) weighs twice: it is what is meant.
  const typed = queryWords(query);
  const weightOf = new Map<string, number>();
  const words: string[] = [];
  for (const w of typed) {
    const s = stem(w);
    if (!weightOf.has(s)) words.push(w);
    weightOf.set(s, (weightOf.get(s) ?? 0) + 1);
  }
  words.splice(8);
  const emphasis = words.map((w) => weightOf.get(stem(w)) ?? 1);
  const literal = literalWords(query);
  const asked = fold(words.join(' '));
  // Whole names: as typed, folded, and with Danish letters typed plainly; by the best rank.
  const exactRank = new Map<number, [number, boolean]>();
  const addExact = (found: Array<[number, number]>, plain: boolean) => {
    for (const [n, rank] of found) {
      const had = exactRank.get(n);
      if (!had || rank < had[0]) exactRank.set(n, [rank, plain]);
    }
  };
  addExact(source.names(q), false);
  addExact(source.names('=' + query.trim()), false);
  if (asked && asked !== q) addExact(source.names(asked), false);
  // An id written as three words or more (`real rate of return` for realrateofreturn): that
  // article, by its id, before any whose initials they are. (Two words are a compound typed apart:
  // a begun name, below.)
  const apart = q.split(' ');
  if (apart.length >= 3) addExact(source.names(apart.join('')).filter(([, r]) => r === NameRank.id), false);
  const plainKey = '~' + plainLetters(q);
  addExact(source.names(plainKey), true);
  const exact = new Set(exactRank.keys());
  const text = textMatch(source, words, expand);
  // Query words some article's name has for sure (the same word or stem; not begun, as a part of a
  // compound, by a typing error or by chance): the others may be expanded to synonyms.
  const sureInName = words.map(() => false);
  const expandedByStem = new Map(words.map((w, i) => [stem(w), expand[i] ?? []]));
  const synonymsOfWord = (w: string) => expandedByStem.get(stem(w)) ?? [];
  // The query's words for the definition overlap: all but glue and question words, stopwords too.
  const folded = fold(query).split(' ');
  const englishGlueWords = englishGlue(folded);
  const telling = folded.filter((w) => w.length > 1 && !GLUE.has(w) && !QUESTION_WORDS.has(w) && !englishGlueWords.has(w));
  // Initials of a phrase (`average annual growth rate`): candidates named by them.
  const initials = withInitials ? initialsOf(query) : [];
  const initialCandidates = initials.flatMap((i) => [...source.names(i), ...source.names('~' + i)].map(([n]) => n));
  if (initials.length) initialCandidates.push(...nameCandidates(source, initials).slice(0, 20));
  // Candidates by their text score at the mean body length; ranked below by their own.
  const average = source.avgBodyLength;
  const byScore = (a: [number, number], b: [number, number]) => b[1] - a[1] || a[0] - b[0];
  const byText = firstOf(
    [...text.matches.entries()].map(([n, m]): [number, number] => [n, bm25(m, average, average)]),
    TEXT_CANDIDATES,
    byScore,
  ).map(([n]) => n);
  // Ranked again with synonyms (`earlier`: the first ranking's hits): only the articles synonyms
  // can change, the others keep their first ranking. Those whose names have a synonym, those
  // whose text has one for a word it lacks (the most telling first), and earlier hits whose text has one.
  const candidates = earlier
    ? [...new Set([
        ...stemCandidates(source, [...new Set(expand.flat())]).slice(0, SYNONYM_CANDIDATES),
        ...firstOf([...text.synonyms.keys()].map((n): [number, number] => [n, bm25(text.matches.get(n), average, average)]), SYNONYM_CANDIDATES, byScore).map(([n]) => n),
        ...[...earlier].filter((n) => text.synonymAny.has(n)),
      ])]
    : [...new Set([...exact, ...nameCandidates(source, words), ...byText, ...initialCandidates])];
  const squashed = asked.replace(/ /g, '');
  const wordStems = words.map(stem);
  // A stem of under four letters left by an ending (`haven` -> `hav`, also the stem of `have`).
  const shortStem = words.map((w, i) => (wordStems[i] as string).length < 4 && w.length - (wordStems[i] as string).length >= 2);
  const minimum = Math.max(1, Math.ceil(words.length * MIN_COVERAGE));
  // Of two words, one is enough only when it is sure in a name: off-topic words that happen to be
  // in some text (`vejret i morgen`, `blomster i haven`) make no hit. Longer queries keep half:
  // a paraphrase of a definition shares only some of its words.
  const majority = words.length === 2 && words.every((w) => w.length >= 3 && !/\d/.test(w)) ? 2 : minimum;
  const hits: Hit[] = [];
  const lists: Array<[NameList, number]> = [['title', 0], ['alias', 1 - ALIAS_WEIGHT], ['defined', 1 - DEFINED_WEIGHT]];
  const docs = source.docs(candidates);
  // Words some candidate's name has as written (`alliance`): that word, not a typing error for
  // another (`allowance`). As written, not by stem: a typo can share a stem with an inflected form.
  const namesOf = docs.map(nameWords);
  const known = words.map((w) => namesOf.some((n) => n.title.includes(w) || n.aliases.includes(w) || n.defined.includes(w)));
  // A word the text has (by its stem) is a word of the corpus: one typing error at most (`opskrivning`
  // is not a misspelt Afskrivning; `efterspørgsl`, the stem of `efterspørgslen`, still finds Efterspørgsel).
  const typoAllowance = words.map((_, i): boolean | 1 => (known[i] ? false : text.inText[i] ? 1 : true));
  for (const [k, doc] of docs.entries()) {
    const names = namesOf[k] as ReturnType<typeof nameWords>;
    let named = 0;
    let cost = 0;
    const usedTitle = new Set<string>();
    const matchedWords = new Set<number>(text.words.get(doc.n));
    const nameCosts: Array<number | undefined> = words.map(() => undefined);
    const nameWhy: Array<[string, NameList, number] | undefined> = words.map(() => undefined);
    words.forEach((w, i) => {
      const ws = wordStems[i] as string;
      const isLiteral = literal.has(w);
      let best: number | undefined;
      let bestWord = '';
      let bestList: NameList = 'title';
      let bestBase = 0;
      // A match in an alias counts as a slightly dearer one in the title; in a defined name, dearer still.
      for (const [list, extra] of lists) {
        for (const t of list === 'title' ? names.title : list === 'alias' ? names.aliases : names.defined) {
          // A word a name has as written is that word (above): it matches by stem, beginning or compound part only.
          const found = nameMatchCost(w, t, ws, names.stems.get(t), isLiteral, typoAllowance[i]);
          // A word of an English alias is English: a Danish inflection of it is another word
          // (`planter` is not "plant" of "property, plant and equipment"), an English one is not
          // (`plants`; `expense` for "fixed expenses").
          if (list === 'alias' && found === SAME_STEM && w !== t && !englishInflection(w, t) && !englishInflection(t, w) && englishAliasWords(doc, english).has(t)) continue;
          // Two English words the word list has are two words, not one misspelt (`vacation`, "valuation").
          if (found !== undefined && found >= TYPO && bothEnglish(w, t, english)) continue;
          const c = found === undefined ? undefined : Math.min(1, found + extra);
          if (c !== undefined && found !== undefined && (best === undefined || c < best)) {
            best = c;
            bestWord = t;
            bestList = list;
            bestBase = found;
          }
        }
      }
      if (best === undefined) return;
      nameCosts[i] = best;
      nameWhy[i] = [bestWord, bestList, bestBase];
      named++;
      cost += best;
      usedTitle.add(bestWord);
      matchedWords.add(i);
    });
    // Initials: every query word is matched by a name that is their initials.
    // Not where the title spells the abbreviation out in other words: `interest rate swap` is not
    // "Internal Revenue Service (IRS)".
    const byInitials = initials.find((i) => (names.title.includes(i) || names.aliases.includes(i) || names.defined.includes(i) || doc.s.foldedAliases.includes(i)) && !otherExpansion(names.title, i, words));
    if (byInitials) {
      words.forEach((_, i) => {
        if (nameCosts[i] !== undefined && (nameCosts[i] as number) <= INITIALS_COST) return;
        if (nameCosts[i] === undefined) named++;
        cost += INITIALS_COST - (nameCosts[i] ?? 0);
        nameCosts[i] = INITIALS_COST;
        nameWhy[i] = [byInitials, 'initials', INITIALS_COST];
        matchedWords.add(i);
      });
      usedTitle.add(byInitials);
      // "Indtjening før renter og skat (EBIT)": the title's words are the abbreviation spelt out.
      if (names.title[names.title.length - 2] === byInitials) for (const t of names.title) usedTitle.add(t);
    }
    nameWhy.forEach((x, i) => {
      if (x && (x[1] === 'initials' || (x[2] <= PLAIN_LETTERS && !byChance(words[i] as string, x[0], x[2])))) sureInName[i] = true;
    });
    if (exactRank.has(doc.n)) sureInName.fill(true);
    // Synonyms (synonyms.ts) of a query word no name matched: in this article's names, dearer than any name of its own.
    const synonymOf = synonymNames(words, expand, names, nameCosts, lists, () => englishAliasWords(doc, english));
    let synonymNamed = 0;
    synonymOf.forEach((m, i) => {
      if (!m) return;
      nameCosts[i] = m.cost;
      nameWhy[i] = [m.word, m.list, m.base];
      synonymNamed++;
      cost += m.cost;
      usedTitle.add(m.word);
      matchedWords.add(i);
    });
    const title = doc.s.folded;
    let tier: number = Tier.words;
    let via: Hit['via'];
    const whole = exactRank.get(doc.n);
    if (whole) {
      tier = whole[0] === NameRank.defined ? Tier.defined : Tier.exact;
      via = whole[1] ? 'plain' : whole[0] === NameRank.defined ? 'defined' : whole[0] === NameRank.alias ? 'alias' : 'title';
    } else if (title.startsWith(asked) || doc.id.toLowerCase().startsWith(squashed) || title.replace(/ /g, '') === squashed || doc.s.foldedAliases.some((a) => a.startsWith(asked) || a.replace(/ /g, '') === squashed)) {
      // A whole name begun: not from one short word typed as an abbreviation or of two letters.
      if (!(words.length === 1 && (literal.has(asked) || asked.length < 3))) tier = Tier.prefix;
    }
    const matched = matchedWords.size;
    // A word matched only by chance (a typing error, a short stem shared by
    // different words: `aften` ~ `after`) counts only when the rest of the query matched too: a
    // query whose other words match nothing is about something else (`vejret i morgen` ~ margen).
    // Unless the words left unmatched are near misses of its names too (`renntes rnte` ~ Rentes rente).
    const missed = words.filter((_, i) => !matchedWords.has(i));
    // Asked only of a match that may be chance: most candidates have none.
    let near: boolean | undefined;
    const isNear = () => (near ??= missed.every((w) => [...names.title, ...names.aliases, ...names.defined].some((t) => nearMiss(w, t))));
    const chance = nameWhy.map((x, i) => x !== undefined && x[1] !== 'initials' && !text.words.get(doc.n)?.has(i) && byChance(synonymOf[i]?.synonym ?? (words[i] as string), x[0], x[2]) && !isNear());
    const strong = matched - chance.filter(Boolean).length;
    if (tier === Tier.words && strong < minimum) continue;
    // Short queries (a name, a topic) only: a longer one describes, in words of its own.
    const weights = words.map((w, i) => (/\d/.test(w) ? 0 : (text.idf[i] as number)));
    // A word found only in the text by a stem of under four letters it shares with other words
    // (`haven` ~ `have`) is found by chance there, as in a name.
    const sure = (i: number) => matchedWords.has(i) && !chance[i] && (nameCosts[i] !== undefined || !shortStem[i]);
    // Unless the definition (the description) has most of the query's words, as written or begun.
    const definition = definitionOverlap(telling, doc.description, synonymsOfWord);
    const defines = definition >= MIN_WEIGHTED_COVERAGE;
    // An article one query word names whole (its title or an alias, `moms aktie`: Aktie) is one the
    // user typed: listed below those with more of the query, never left out for the other word's weight.
    const namedWhole = words.some((w) => doc.s.folded === w || doc.s.foldedAliases.includes(w));
    if (tier === Tier.words && !defines && !namedWhole && words.length > 1 && words.length <= MAX_SHORT_QUERY && !isNear()) {
      const all = weights.reduce((sum, x) => sum + x, 0);
      // A word matched through a synonym is less sure than one matched as written.
      const share = (i: number) => (synonymOf[i] || text.synonyms.get(doc.n)?.has(i) ? 1 - SYNONYM_COST : 1);
      if (weights.reduce((sum, x, i) => sum + (sure(i) ? x * share(i) : 0), 0) < MIN_WEIGHTED_COVERAGE * all) continue;
    }
    // Found only in the body: a short query (a name, a topic) must have every word there; words
    // of an everyday phrase each turn up somewhere in a long text (`bedste film i år`).
    if (tier === Tier.words && named === 0 && !defines && !text.described.has(doc.n) && words.length <= MAX_SHORT_QUERY && words.some((w, i) => !sure(i) && !/\d/.test(w))) continue;
    if (tier === Tier.words && matched < majority && !nameWhy.some((x, i) => x !== undefined && !chance[i] && x[2] !== COMPOUND_PART)) continue;
    const described = text.described.get(doc.n)?.size ?? 0;
    const textScore = bm25(text.matches.get(doc.n), doc.bl ?? average, average);
    const field: Field = tier < Tier.words || named + synonymNamed > 0 ? 'name' : described > 0 ? 'description' : 'body';
    const stems = [...new Set(words.flatMap((_, i) => (text.words.get(doc.n)?.has(i) ? (text.stems[i] ?? []) : [])))];
    const unmatchedTitleWords = names.title.slice(0, -1).filter((t) => !usedTitle.has(t)).length;
    const coverage = (matched / Math.max(1, words.length)) ** COVERAGE_POWER;
    // Name matches by their words' rarity and how well they match; the text by BM25.
    const why: Why[] = [];
    if (tier === Tier.exact || tier === Tier.defined) why.push({ what: `the whole query is ${via === 'plain' ? 'a name with Danish letters typed plainly' : via === 'defined' ? 'what the article defines' : `its ${via}`} (ranked first)`, add: 0 });
    else if (tier === Tier.prefix) why.push({ what: 'the query begins a name (ranked before word matches)', add: 0 });
    let nameScore = 0;
    // A descriptive query (several words, not all of them in this article's names, nor its initials): a name match of one of its words is one clue among several.
    const descriptiveShare = tier === Tier.words && words.length >= DESCRIPTIVE_WORDS && !byInitials && named + synonymNamed < words.length ? DESCRIPTIVE_NAME_SHARE : 1;
    words.forEach((w, i) => {
      const c = nameCosts[i];
      if (c === undefined) return;
      const [t, list, base] = nameWhy[i] as [string, NameList, number];
      // In a hit that misses some of the query's words, a name word matched by chance (a typing
      // error, a short shared stem) weighs nothing: `priserne stiger og kronerne bliver mindre
      // værd` is Inflation, whose text has every word, before Kurs/indre værdi (mindre ~ indre).
      const synonym = synonymOf[i]?.synonym;
      // Through a synonym: weighed by the rarer of the two words, the synonym's rarity at most.
      const idf = synonym ? Math.min(text.idf[i] as number, text.synonymIdf(synonym)) : (text.idf[i] as number);
      const add = matched < words.length && list !== 'initials' && byChance(synonym ?? w, t, base) ? 0 : NAME_WEIGHT * idf * (1 - c) * (emphasis[i] as number);
      nameScore += add * descriptiveShare;
      why.push({ what: `${list === 'initials' ? `"${w}": its initial, with the others, is "${t}", a name` : synonym ? `"${w}" ~ ${list} word "${t}" through its synonym "${writtenSynonym(synonym)}" (synonym lexicon; ${matchKind(base)})` : `"${w}" ~ ${list} word "${t}" (${matchKind(base)})`}${descriptiveShare < 1 && add ? ` (a descriptive query: at ${descriptiveShare} of a name match)` : ''}`, add: round(coverage * add * descriptiveShare) });
    });
    const inText = text.synonyms.get(doc.n);
    if (inText) for (const [i, synonym] of inText) why.push({ what: `"${words[i]}": the text has its synonym "${writtenSynonym(synonym)}" (synonym lexicon; counted at ${SYNONYM_TEXT_WEIGHT} of the word)`, add: 0 });
    if (textScore) why.push({ what: `text (BM25 over description and body): ${stems.join(', ')}`, add: round(coverage * textScore) });
    if (coverage < 1) why.push({ what: `${matched} of ${words.length} query words matched: scores above times ${round(coverage)}`, add: 0 });
    if (definition) why.push({ what: `the description shares ${Math.round(definition * 100)}% of the query's words`, add: round(DEFINITION_WEIGHT * definition ** 2) });
    const first = telling[0] as string;
    // The kind named through a synonym (`firma` for "et selskab, ..."), at a synonym's share.
    const genusSynonym = telling.length >= 3 && !genusMatches(first, doc.description) ? synonymsOfWord(first).find((w) => genusMatches(w, doc.description)) : undefined;
    const genus = telling.length >= 3 && genusMatches(first, doc.description) ? GENUS_WEIGHT : genusSynonym ? GENUS_WEIGHT * (1 - SYNONYM_COST) : 0;
    if (genus) why.push({ what: genusSynonym ? `"${first}": its synonym "${writtenSynonym(genusSynonym)}" is the kind the description names (synonym lexicon)` : `"${first}" is the kind the description names`, add: genus });
    const penalty = named + synonymNamed ? UNMATCHED_TITLE_WORD * unmatchedTitleWords : 0;
    if (penalty) why.push({ what: `${unmatchedTitleWords} title word(s) not in the query`, add: -round(penalty) });
    const factor = 1 + DEFINITION_FACTOR * definition ** 2;
    if (definition) why.push({ what: `the description paraphrased: the other parts times ${round(factor)}`, add: round((factor - 1) * (coverage * (nameScore + textScore) + genus - penalty)) });
    const score = (coverage * (nameScore + textScore) + genus - penalty) * factor + DEFINITION_WEIGHT * definition ** 2;
    const typos = nameWhy.filter((x) => x !== undefined && x[1] !== 'initials' && x[2] >= TYPO).length;
    const synonyms = words.flatMap((w, i): NonNullable<Hit['synonyms']> => {
      const byName = synonymOf[i];
      if (byName) return [{ word: w, synonym: writtenSynonym(byName.synonym), field: byName.list }];
      const byText = inText?.get(i);
      return byText ? [{ word: w, synonym: writtenSynonym(byText), field: text.described.get(doc.n)?.has(i) ? 'description' : 'body' }] : [];
    });
    // How well a name fits, for lookup's clear winner: asked only of a hit by words of its names.
    const fit = tier >= Tier.words && named > 0 ? nameFit(doc, names, nameWhy, usedTitle, words) : {};
    hits.push({ doc, tier, matched, named, cost, typos, unmatchedTitleWords, described, text: textScore, field, stems, score, why, ...(via ? { via } : {}), ...(synonyms.length ? { synonyms } : {}), ...(byInitials ? { initials: byInitials } : {}), ...fit });
  }
  return { hits, words, weak: sureInName.map((s) => !s), ranked: new Set(candidates) };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * What lookup asks of a hit by words of an article's names (clearWinner): whether every query word
 * matched only as the beginning or a part of a longer name word (`tangible` in `intangible`; an
 * inflection, `bundlinje` ~ `bundlinjen`, is the word itself); how many words of the name the
 * query matched most of (its title, an alias, a defined phrase) it did not match; and whether it
 * is named only by one word of a longer phrase the article defines (`asset` in "capital asset
 * pricing model").
 */
function nameFit(doc: SearchDoc, names: ReturnType<typeof nameWords>, nameWhy: Array<[string, NameList, number] | undefined>, used: Set<string>, words: string[]): Pick<Hit, 'partial' | 'unmatchedNameWords' | 'byDefinedWord' | 'scattered'> {
  const matchedBy = nameWhy.flatMap((x, i) => (x ? [[x, words[i] as string] as const] : []));
  const partial = matchedBy.every(([[t, list, base], w]) => list !== 'initials' && base > PLAIN_LETTERS && base < TYPO && !inflectionOf(w, t));
  const defined = (doc.s.foldedDefined ?? []).map((d) => d.split(' ').filter(Boolean));
  const lists = [names.title.slice(0, -1), ...doc.s.foldedAliases.map((a) => a.split(' ').filter(Boolean)), ...defined];
  const unmatched = lists.filter((n) => n.some((t) => used.has(t))).map((n) => n.filter((t) => !used.has(t)).length);
  const byDefinedWord = matchedBy.length === 1 && matchedBy.every(([[t, list]]) => list === 'defined' && defined.every((d) => !d.includes(t) || d.length > 1));
  // One name the words say whole: every word matched is a word of it, and it has no other (glue
  // and stopwords aside). Not by initials (spellsOut decides those) nor a synonym's name.
  // An abbreviation the title gives in brackets, "Pris for solgte varer (COGS)", "Styrke, svaghed,
  // muligheder og trussel (SWOT) analyse", or after a dash at its end, may be left out.
  const abbreviations = new Set([...doc.title.matchAll(/\(([\p{Lu}][\p{L}&]{1,7})\)/gu)].map((m) => m[1] as string).filter((a) => a.slice(1) !== a.slice(1).toLowerCase()).map(fold));
  const ending = titleAbbreviation(doc.title);
  if (ending) abbreviations.add(ending);
  const title = names.title.slice(0, -1);
  const optional = (t: string, n: string[]) => INITIALS_GLUE.has(t) || isStopword(t) || (n === title && abbreviations.has(t));
  const squashed = doc.s.foldedAliases.filter((a) => /^\S( \S)+$/.test(a)).map((a) => [a.replace(/ /g, '')]);
  const whole = [title, [doc.id.toLowerCase()], ...doc.s.foldedAliases.map((a) => a.split(' ').filter(Boolean)), ...squashed, ...defined]
    .some((n) => n.length > 0 && matchedBy.every(([[t]]) => n.includes(t)) && n.every((t) => used.has(t) || optional(t, n)));
  const scattered = !whole && matchedBy.every(([[, list]]) => list !== 'initials');
  return { ...(partial ? { partial } : {}), ...(unmatched.length ? { unmatchedNameWords: Math.min(...unmatched) } : {}), ...(byDefinedWord ? { byDefinedWord } : {}), ...(scattered ? { scattered } : {}) };
}

/**
 * The first hit when it stands clearly above the rest, so that lookup shows it without asking:
 * a better tier, or every word matched in its name where the next hit falls short. Never a hit
 * found only in the text: a lookup is for names.
 */
export function clearWinner(hits: Hit[], words?: number): Hit | undefined {
  const [first, second] = hits;
  if (!first) return undefined;
  // Word by word: the words of the Danish rendering, not the English typed; a hit named so wholly,
  // not one from a text. And only a rendering that is the title or an alias as written: one that
  // shares a stem with it (konkurrere ~ Konkurs, gældende ~ Gæld) or is another word's form (aktiv
  // ~ Aktiver) is a guess.
  if (first.lexicon?.kind === 'words' && (first.field !== 'name' || ![first.doc.s.folded, ...first.doc.s.foldedAliases].includes(fold(first.lexicon.name)))) return undefined;
  // Only the usual sense opens an article (`equity` is egenkapital before aktie: no Aktie for it),
  // and its title before a less usual one's (trade: Handel, not Fag).
  if (first.lexicon?.kind === 'words' && (first.lexicon.rank ?? 0) > 0) return undefined;
  if (first.lexicon?.kind === 'words' && second?.lexicon?.kind === 'words' && (second.lexicon.rank ?? 0) > 0 && first.named >= first.matched) return first;
  if (first.tier < Tier.words) return !second || second.tier > first.tier ? first : undefined;
  // One word of a longer name the article defines is a guess: `asset` is not CAPM, `equity` not Kapitalfond.
  if (first.byDefinedWord) return undefined;
  // So is a word that is only the beginning or a part of a name's word (`tangible` is not
  // Immaterielle aktiver through "intangible assets", `venue` not Omsætning through "revenue"),
  // and a name the query has less than half of (`domestic` is not BNP through "gross domestic
  // product", `note` not Konvertibel obligation through "convertible note").
  if (first.partial || (first.unmatchedNameWords ?? first.unmatchedTitleWords) >= first.named) return undefined;
  // And words found across its names, or a name with words the query lacks, are a guess too
  // (`interest income` is not EBIT through two of its aliases, `net assets` not Arbejdskapital
  // through "net current assets", `tax rate` not Topskat through "top-rate tax"): offered, not opened.
  if (!first.lexicon && first.scattered) return undefined;
  const all = first.lexicon?.kind === 'words' ? first.matched : (words ?? first.matched);
  if (first.named < all || first.matched < all) return undefined;
  // The only candidate, every word found in its name: it is what was meant.
  if (!second) return first;
  return compareHits(first, second) < 0 && (second.named < first.named || second.cost - first.cost >= 0.1 || second.unmatchedTitleWords > first.unmatchedTitleWords) ? first : undefined;
}

/** Closest names in a small list (keywords, commands): for "did you mean" hints. */
export function closest(names: string[], wanted: string, limit = 3): string[] {
  const fuse = new Fuse(names.map((name) => ({ name, key: fold(name) })), { keys: ['key'], includeScore: true, threshold: 0.5, ignoreLocation: true });
  return fuse.search(fold(wanted).slice(0, 32), { limit }).map((r) => r.item.name);
}


/** The query has no word that says what is meant: only question and function words (`hvad er`). */
export function onlyFiller(query: string): boolean {
  // An abbreviation is never filler, though it is spelt as one (`VaR`, `VAR`); a query typed all
  // in capitals (`HVAD ER`) is not abbreviations.
  const typed = query.split(/\s+/).filter(Boolean);
  const capitals = (t: string) => t.length >= 2 && /\p{Lu}/u.test(t.slice(1));
  if (typed.some((t) => capitals(t) && (typed.length === 1 || /\p{Ll}/u.test(t)))) return false;
  const all = words(query);
  return all.length > 0 && all.every((w) => QUESTION_WORDS.has(w) || isStopword(w));
}
