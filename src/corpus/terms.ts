// The terms a word contributes to the candidate index, shared by compile and search.
import { stem } from '../fold.js';

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
