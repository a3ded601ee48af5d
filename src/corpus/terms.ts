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
  const danish = word.replace(/ae/g, 'æ').replace(/oe/g, 'ø').replace(/aa/g, 'å');
  return foldLetters(stemmer(danish));
}

/** Folded, stemmed words of a text, joined by spaces: what search compares. */
export function stemmed(text: string): string {
  return words(text).map(stem).join(' ');
}
