// MATCH strategies (RFC 2229 3.3) over a language's headwords: titles, aliases, ids and names.
// `lev` is our typo search over names, `search` our ranked full-text search; `.` is ours too.
// Regular expressions are bounded: a pattern that could backtrack without end is refused, and
// matching stops at a time budget.
import { fold } from '../fold.js';
import { editDistance } from '../search.js';

export const STRATEGIES: Array<[string, string]> = [
  ['exact', 'Match headwords exactly (case and accents ignored)'],
  ['prefix', 'Match prefixes'],
  ['substring', 'Match substring occurring anywhere in a headword'],
  ['suffix', 'Match suffixes'],
  ['re', 'POSIX 1003.2 (modern) regular expressions, bounded'],
  ['regexp', 'Old (basic) regular expressions, bounded'],
  ['lev', 'Match headwords, or a word of them, within a typing error or two'],
  ['word', 'Match separate words within headwords'],
  ['search', 'Ranked full-text search of titles, descriptions and text'],
];

export const STRATEGY_NAMES = new Set(STRATEGIES.map(([name]) => name));

/** One headword: what MATCH answers with, its folded form, and its form for typing errors (typoKey). */
export interface Headword {
  word: string;
  key: string;
  typo?: string;
}

/**
 * A word as `lev` compares it besides its folded form: æ and ø one letter each, as typed (folded,
 * they are two, and a dropped ø, `aktionr` for Aktionær, was two errors), other accents and å's
 * ring left out.
 */
export function typoKey(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export const MAX_PATTERN = 200;
/** Milliseconds a regular expression may spend over one database's headwords. */
export const REGEX_BUDGET_MS = 200;
/** Milliseconds the server waits for a regular expression's match before stopping it (src/dict/regex-worker.ts). */
export const REGEX_DEADLINE_MS = 1000;

export class PatternError extends Error {}

/** Nested quantifiers (`(a+)+`), a repeated group of alternatives (`(a|ab)*`), backreferences and lookarounds: what can backtrack without end. */
const DANGEROUS = /\\[1-9]|\\k<|\(\?[=!<]|\([^()]*[+*}][^()]*\)\s*[+*{?]|\([^()]*\|[^()]*\)\s*[+*{]/;

/** A POSIX basic regular expression as an extended one: `\(`, `\{`, `\|`, `\+`, `\?` swap with their plain forms. */
export function basicToExtended(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\' && i + 1 < pattern.length) {
      const d = pattern[i + 1] as string;
      out += '(){}|+?'.includes(d) ? d : c + d;
      i++;
    } else out += '(){}|+?'.includes(c) ? '\\' + c : c;
  }
  return out;
}

/** POSIX character classes inside brackets (`[[:alpha:]]`), which JavaScript lacks, as Unicode properties. */
const CLASSES: Record<string, string> = {
  alpha: '\\p{L}', digit: '0-9', alnum: '\\p{L}\\p{N}', upper: '\\p{Lu}', lower: '\\p{Ll}', space: '\\s',
  blank: ' \\t', punct: '\\p{P}\\p{S}', xdigit: '0-9A-Fa-f', cntrl: '\\p{Cc}', print: '\\P{C}', graph: '\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}',
};
export function posixClasses(pattern: string): string {
  return pattern.replace(/\[:([a-z]+):\]/g, (whole, name: string) => CLASSES[name] ?? whole);
}

/** A client's pattern as a RegExp, or a PatternError saying why not. */
export function compilePattern(pattern: string, basic: boolean): RegExp {
  if (pattern.length > MAX_PATTERN) throw new PatternError(`pattern is ${pattern.length} characters long; the limit is ${MAX_PATTERN}`);
  const source = posixClasses(basic ? basicToExtended(pattern) : pattern);
  if (DANGEROUS.test(source)) throw new PatternError('pattern has nested quantifiers, a repeated group of alternatives such as (a|b)*, backreferences or lookarounds, which are not allowed');
  const counted = /\{(\d+)(?:,(\d*))?\}/g;
  for (const m of source.matchAll(counted)) if (Number(m[1]) > 100 || Number(m[2] || 0) > 100) throw new PatternError('a repeat count above 100 is not allowed');
  try {
    return new RegExp(source, 'iu');
  } catch {
    throw new PatternError('not a valid regular expression');
  }
}

/** A MATCH word of strategy `re` or `regexp` as a RegExp: as RFC 2229 and dictd name them, `re` modern (extended), `regexp` old (basic). */
export function strategyPattern(strategy: 're' | 'regexp', word: string): RegExp {
  return compilePattern(word.normalize('NFC'), strategy === 'regexp');
}

/** The allowed edit distance for a word of this length: one, two from eight letters. */
export function typoBudget(key: string): number {
  return key.length >= 8 ? 2 : key.length >= 3 ? 1 : 0;
}

/**
 * Headwords that match `word` by a list strategy (all but `search` and `.`), in their order, each
 * once. `now` reads a clock in milliseconds, for the regular expressions' budget.
 */
export function matchHeadwords(strategy: string, word: string, headwords: Headword[], now: () => number, limit = 1000): string[] {
  const key = fold(word);
  // A word with no letters left (`-`, `?`, bytes that were not UTF-8) matches nothing: every
  // headword begins with, holds and ends with the empty word, and 200 unrelated ones were listed.
  if (key === '' && strategy !== 're' && strategy !== 'regexp') return [];
  let test: (h: Headword) => boolean;
  switch (strategy) {
    case 'exact':
      test = (h) => h.key === key;
      break;
    case 'prefix':
      test = (h) => h.key.startsWith(key);
      break;
    case 'substring':
      test = (h) => h.key.includes(key);
      break;
    case 'suffix':
      test = (h) => h.key.endsWith(key);
      break;
    case 'word':
      // Whole words of the headword, one or several in a row (`annual report`), as dictd matches them.
      test = (h) => key !== '' && ` ${h.key} `.includes(` ${key} `);
      break;
    case 'lev': {
      // The whole headword within a typing error or two; a one-word query also any word of it. By
      // the folded forms and by the forms that keep æ and ø one letter (typoKey).
      const near = (q: string) => {
        const max = typoBudget(q);
        const close = (k: string) => max > 0 && Math.abs(k.length - q.length) <= max && editDistance(q, k, max) <= max;
        const oneWord = !q.includes(' ');
        return (k: string) => close(k) || (oneWord && k.includes(' ') && k.split(' ').some(close));
      };
      const byKey = near(key);
      const typed = typoKey(word);
      const byTyped = near(typed);
      test = (h) => byKey(h.key) || (typed !== '' && byTyped(h.typo ?? typoKey(h.word)));
      break;
    }
    case 're':
    case 'regexp': {
      const re = strategyPattern(strategy, word);
      test = (h) => re.test(h.word);
      break;
    }
    default:
      throw new PatternError(`unknown strategy ${strategy}`);
  }
  const start = now();
  const found: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < headwords.length && found.length < limit; i++) {
    const h = headwords[i] as Headword;
    if (!seen.has(h.word) && test(h)) {
      seen.add(h.word);
      found.push(h.word);
    }
    if ((i & 63) === 63 && now() - start > REGEX_BUDGET_MS) break;
  }
  return found;
}
