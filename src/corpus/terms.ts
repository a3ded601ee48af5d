// Terms of the candidate index and the stemmed text fuse.js ranks: shared by compile and search.
import { stemmer } from '@orama/stemmers/danish';
import { foldLetters, words } from '../fold.js';

/** Grams of one folded word, padded so that starts and ends weigh in. */
export function wordGrams(word: string): string[] {
  const padded = ` ${word} `;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
}

/** [term, weight]: trigrams weigh 1, the Danish stem 3 (an inflected form shares it). */
export function docTermsOfWord(word: string): Array<[string, number]> {
  return [...wordGrams(word).map((g): [string, number] => [g, 1]), ['=' + stem(word), 3]];
}

/**
 * Danish stem of a folded word. The stemmer expects Danish letters, so a folded
 * word is unfolded first where that is unambiguous (ae/oe/aa) and folded back.
 */
export function stem(word: string): string {
  if (word.length < 4 || /\d/.test(word)) return word;
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    const danish = word.replace(/ae/g, 'æ').replace(/oe/g, 'ø').replace(/aa/g, 'å');
    stemmed = foldLetters(stemmer(danish));
    // A corpus repeats its words: remembered, within a bound.
    if (stems.size >= MAX_REMEMBERED_STEMS) stems.clear();
    stems.set(word, stemmed);
  }
  return stemmed;
}

const MAX_REMEMBERED_STEMS = 200_000;

/**
 * The stem of a folded word with its `oe`, `ae` and `aa` taken as written: an ending after a
 * final o is no ø (`kontoen` is konto + en, `risikoen` risiko + en, not kontøn, risikøn).
 */
export function stemAsWritten(word: string): string {
  if (word.length < 4 || /\d/.test(word)) return word;
  let stemmed = writtenStems.get(word);
  if (stemmed === undefined) {
    stemmed = foldLetters(stemmer(word));
    if (writtenStems.size >= MAX_REMEMBERED_STEMS) writtenStems.clear();
    writtenStems.set(word, stemmed);
  }
  return stemmed;
}

const writtenStems = new Map<string, string>();

/**
 * Danish endings of nouns and adjectives (definite, plural, genitive): a word that is a term's
 * word plus one of them is that word (`momsen`, `selskabets`), whatever the stemmer makes of it.
 */
export const ENDINGS = ['', 's', 'e', 'es', 'en', 'ens', 'et', 'ets', 'er', 'ers', 'erne', 'ernes', 'ene', 'enes', 'ne', 'nes', 'r', 'rne', 'rnes'];

/** Whether `form` is `word` with one of the ENDINGS (both folded). */
export function inflectionOf(word: string, form: string): boolean {
  return form.startsWith(word) && ENDINGS.includes(form.slice(word.length));
}
const stems = new Map<string, string>();

/** Folded, stemmed words of a text, joined by spaces: what search compares. */
export function stemmed(text: string): string {
  return words(text).map(stem).join(' ');
}

// Danish function words (folded): they say nothing about which article is meant.
const STOPWORDS = new Set(
  'af alle andet andre at de dem den denne der deres det dette du efter eller en end er et for fra har hun hvad hvis hvor hvordan i ikke ind jeg kan man med men mod naar ned noget nogle nu og om op os over paa saa sig sin sine sit skal som til ud under ved vi vil vaere var blev bliver blive bare hos ogsaa'.split(' '),
);

/**
 * The words of an article body as the full-text index counts them: link addresses, URLs, HTML
 * tags and fenced code left out; "stem count stem count ...", and the number of words. A string,
 * not a Map: it crosses from the parse worker and is kept in the record at little cost.
 */
export function bodyTerms(body: string): { terms: string; length: number; counts: Map<string, number> } {
  const text = body
    .replace(/^ {0,3}(```|~~~)[\s\S]*?^ {0,3}\1/gm, ' ')
    .replace(/\]\([^)\]\n]*\)/g, '] ')
    .replace(/<[^<>\n]{0,200}>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ');
  // Counted by token first, then each distinct token folded and stemmed once: a body repeats its
  // words, and folding (Unicode normalisation) is the cost when done over the whole text.
  const byToken = new Map<string, number>();
  let length = 0;
  for (const token of text.toLowerCase().split(/[^\p{L}\p{M}\p{N}]+/u)) {
    if (token === '') continue;
    length++;
    byToken.set(token, (byToken.get(token) ?? 0) + 1);
  }
  const counts = new Map<string, number>();
  for (const [token, c] of byToken) {
    for (const s of stemsOfToken(token)) counts.set(s, (counts.get(s) ?? 0) + c);
  }
  const parts: string[] = [];
  for (const [s, c] of counts) parts.push(s, String(c));
  return { terms: parts.join(' '), length, counts };
}

const tokenStems = new Map<string, string[]>();

/** A body token's stems (folded, split, stopwords left out): remembered, as bodies share their words. */
function stemsOfToken(token: string): string[] {
  let found = tokenStems.get(token);
  if (found === undefined) {
    found = [];
    for (const w of words(token)) if (w.length >= 2 && !STOPWORDS.has(w)) found.push(stem(w));
    if (tokenStems.size >= MAX_REMEMBERED_STEMS) tokenStems.clear();
    tokenStems.set(token, found);
  }
  return found;
}

/** bodyTerms' string read back: stem -> count, in the order written. */
export function countsOf(terms: string): Map<string, number> {
  const counts = new Map<string, number>();
  if (terms === '') return counts;
  const parts = terms.split(' ');
  for (let i = 0; i + 1 < parts.length; i += 2) counts.set(parts[i] as string, Number(parts[i + 1]));
  return counts;
}

/** The words of a query worth matching: stopwords go, unless nothing else is left. */
export function contentWords(text: string): string[] {
  const all = words(text);
  const content = all.filter((w) => !STOPWORDS.has(w));
  return content.length ? content : all;
}

/** A Danish function word (folded), which says nothing about which article is meant. */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}
