// Two-language glossaries: TSV in OmegaT's glossary format (term, translation, comment; UTF-8)
// and CSV per RFC 4180, for `--from LANG --to LANG`. Pure.
import { byCodeUnits, oneLine, type ExportArticle } from './model.js';

export interface Pair {
  term: string;
  translation: string;
  comment: string;
}

export interface Pairs {
  rows: Pair[];
  /** Source articles left out: no article (or English alias) in the target language. */
  missing: string[];
  /** How the translations were found: 'articles' (a language folder) or 'aliases' (English aliases). */
  method: 'articles' | 'aliases';
}

const compact = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The English name of an article of a one-language corpus whose ids are English (as the bundled
 * one's are: accrual, strategicalliance): the aliases that spell the id, with or without a plural s (asset for assets, accruals for accrual).
 */
export function englishAliases(a: ExportArticle): string[] {
  const id = compact(a.id);
  return a.aliases.filter((alias) => {
    const c = compact(alias);
    return c !== '' && (c === id || c === `${id}s` || c === `${id}es` || `${c}s` === id);
  });
}

/**
 * Pairs of terms: each article of `from` with the article of the same id in `to`. When the corpus
 * has no `to` language and `to` is English, the translation is the article's English alias
 * (englishAliases); articles without one are listed in `missing`.
 */
export function pairs(articles: ExportArticle[], from: string, to: string): Pairs {
  const source = articles.filter((a) => a.lang === from).sort((a, b) => byCodeUnits(a.id, b.id));
  const target = new Map(articles.filter((a) => a.lang === to).map((a) => [a.id, a]));
  const method = target.size === 0 && to === 'en' ? 'aliases' : 'articles';
  const rows: Pair[] = [];
  const missing: string[] = [];
  for (const a of source) {
    const translation = method === 'aliases' ? englishAliases(a)[0] : target.get(a.id)?.title;
    if (translation === undefined) {
      missing.push(a.id);
      continue;
    }
    rows.push({ term: oneLine(a.title), translation: oneLine(translation), comment: oneLine(a.description) });
  }
  return { rows, missing, method };
}

/** OmegaT's tab-separated glossary: one line per pair, tabs and newlines in a field made spaces. */
export function tsv(rows: Pair[]): string {
  return rows.map((r) => [r.term, r.translation, r.comment].join('\t') + '\n').join('');
}

/**
 * A field as CSV writes it. One that begins with = + - @ (or a tab or carriage return) is a formula
 * to a spreadsheet, which runs it on opening (`=HYPERLINK(...)`, DDE): such a field gets a leading
 * apostrophe, as OWASP advises, which spreadsheets show as text. Content may be hostile.
 */
const csvField = (field: string) => {
  const s = /^[=+\-@\t\r]/.test(field) ? `'${field}` : field;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** RFC 4180: a header line, CRLF line ends, fields with a comma, quote or line break quoted, no field a formula. */
export function csv(rows: Pair[], from: string, to: string): string {
  const lines = [[from, to, 'comment'], ...rows.map((r) => [r.term, r.translation, r.comment])];
  return lines.map((l) => l.map(csvField).join(',') + '\r\n').join('');
}
