// The corpus as the exports see it: every article of the languages asked for, in a stable order,
// with its names, description, keywords, links, Markdown body and plain text. Pure.
import type { ArticleRecord } from '../corpus/compile.js';
import type { Corpus } from '../corpus/reader.js';
import { ANY_ESCAPE } from '../text.js';

export interface ExportLink {
  text: string;
  /** The title of the article the link leads to, in the same language; absent for a broken or outside link. */
  title?: string;
  id?: string;
}

export interface ExportArticle {
  id: string;
  lang: string;
  title: string;
  aliases: string[];
  description: string;
  keywords: string[];
  links: ExportLink[];
  /** The Markdown body as written (after the front matter). */
  markdown: string;
  record: ArticleRecord;
}

/** Where the corpus came from and under which licence, for the exports' headers. */
export interface ExportMeta {
  /** A short name: "glossary 0.1.0, bundled corpus" or the content folders' names. */
  source: string;
  /** The licence and attribution text the corpus gives (its NOTICE or LICENSE file), if any. */
  licence?: string;
}

/** Code-unit order: the same on every machine, whatever the locale. */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The articles of each language, ordered by id (then title), so that the same corpus gives the same bytes. */
export function collectArticles(corpus: Corpus, langs: string[]): ExportArticle[] {
  const out: ExportArticle[] = [];
  for (const lang of langs) {
    const records = corpus.list(lang).map((entry) => corpus.record(lang, entry[3]));
    records.sort((a, b) => byCodeUnits(a.id, b.id) || byCodeUnits(a.title, b.title));
    for (const r of records) {
      out.push({
        id: r.id,
        lang,
        title: r.title,
        aliases: [...r.aliases],
        description: r.description,
        keywords: [...r.keywords],
        links: r.links.filter((l) => !l.outside).map((l) => ({ text: l.text, ...(l.to ? { title: l.to.title, id: l.to.id } : {}) })),
        markdown: r.source.slice(r.bodyStart),
        record: r,
      });
    }
  }
  return out;
}

// Characters XML 1.0 does not allow, C0/C1 controls (tab and newline kept), bidirectional
// overrides and isolates ("Trojan Source"), lone surrogates and the non-characters U+FFFE/U+FFFF:
// none of them reaches an exported file.
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text made safe for a file or a protocol stream: escape sequences dropped whole (not their ESC
 * alone, which left `[31m` in a DICT answer), other unsafe characters dropped, CR LF and CR made LF.
 */
export function clean(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(ANY_ESCAPE, '').replace(UNSAFE, '');
}

/** One line: clean, every run of white space (tabs and newlines too) one space, trimmed. */
export function oneLine(text: string): string {
  return clean(text).replace(/\s+/g, ' ').trim();
}

export function escapeXml(text: string): string {
  return clean(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** The header line every export carries: where the corpus came from and its licence. */
export function provenance(meta: ExportMeta): string {
  return oneLine(`Exported by glossary from ${meta.source}.${meta.licence ? ` ${meta.licence}` : ''}`);
}
