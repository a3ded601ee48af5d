// Danish-aware text folding: one definition of "the same name" for ids, slugs, titles and queries.

const LIGATURES: Record<string, string> = {
  æ: 'ae', ø: 'oe', å: 'aa', ß: 'ss', œ: 'oe', þ: 'th', ð: 'd', ł: 'l', đ: 'd',
};

/**
 * Lower case, æ->ae, ø->oe, å->aa, other Latin accents stripped, soft hyphens dropped; keeps punctuation. Marks that are
 * part of a letter in other scripts (the vowel signs of Bengali or Hindi) are kept.
 */
export function foldLetters(text: string): string {
  // Most ids and many words are plain ASCII: Unicode normalisation is the expensive part.
  if (/^[\x20-\x7e]*$/.test(text)) return text.toLowerCase();
  // Composed first (text from macOS and PDFs is often decomposed: A and a ring for Å), and
  // without soft hyphens (U+00AD, a line-break hint inside a word).
  const composed = /[\u0300-\u036f\u00ad]/.test(text) ? text.normalize('NFC').replace(/\u00ad/g, '') : text;
  return composed
    .toLowerCase()
    .replace(/[æøåßœþðłđ]/g, (c) => LIGATURES[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** The comparison key for names and queries: folded letters, punctuation to single spaces. */
export function fold(text: string): string {
  const letters = foldLetters(text);
  // Printable ASCII (most ids, names and queries, after folding): the same classes without the
  // Unicode property regex, whose first use costs a lookup ~0.4 ms.
  if (/^[\x20-\x7e]*$/.test(letters)) return letters.replace(/[^a-z0-9]+/g, ' ').trim();
  // Variation selectors are marks that belong to no letter (the emoji style of 🏳️): dropped, not
  // kept in a name where nobody sees them.
  return letters.replace(/[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu, '').replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ').trim();
}

/** `Organisk vækst` -> `organisk-vaekst`. */
export function slugify(text: string): string {
  return fold(text).replace(/ /g, '-');
}

export function words(text: string): string[] {
  const folded = fold(text);
  return folded === '' ? [] : folded.split(' ');
}

// Danish alphabet order: ... x y z æ ø å, and aa sorts as å (as in Danish dictionaries).
// Created on first use: ICU's Danish collator costs ~10 ms, and most commands never sort.
let collator: Intl.Collator | undefined;

export function compareDanish(a: string, b: string): number {
  collator ??= new Intl.Collator('da', { sensitivity: 'base', numeric: true });
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
