// The corpus as DICT databases: one per language, default language first. DEFINE finds what
// lookup finds by name (id, slug, title, alias); MATCH runs the strategies of strategies.ts.
import { fold } from '../fold.js';
import { LANGUAGE_NAMES } from '../corpus/languages.js';
import type { Corpus } from '../corpus/reader.js';
import { renderArticle } from '../render/article.js';
import { search } from '../search.js';
import { matchHeadwords, typoKey, type Headword } from './strategies.js';

export interface Database {
  name: string;
  description: string;
}

export interface Definition {
  word: string;
  text: string;
}

/** What a session asks of the corpus. */
export interface Dictionary {
  databases: Database[];
  info(db: string): string;
  define(db: string, word: string): Definition[];
  match(db: string, strategy: string, word: string): string[];
  /** Whether that match stopped at its time budget before it had looked at every headword (a slow pattern). */
  matchStopped?(db: string, strategy: string, word: string): boolean;
  /** The headwords MATCH runs over (titles and aliases), in the database's order. */
  headwords(db: string): string[];
}

/** Wrap width of DEFINE's texts (the issue: 72 columns). */
export const WIDTH = 72;
/** At most this many MATCH answers a database (a strategy's match gives one more when more match). */
export const MATCH_LIMIT = 200;
/** A name longer than this (UTF-8) is not answered by MATCH as it is: the answer's line would cut it. */
const DEFINABLE_OCTETS = 400;
/** Rendered texts kept in memory, for a server that answers the same DEFINE many times. */
export const MAX_TEXTS = 2000;

const ENGLISH_NAMES = new Map(Object.entries(LANGUAGE_NAMES).map(([name, code]) => [code, name.charAt(0).toUpperCase() + name.slice(1)]));

export function languageName(code: string): string {
  return ENGLISH_NAMES.get(code) ?? ENGLISH_NAMES.get(code.split('-')[0] as string) ?? code;
}

/**
 * A Dictionary over one opened corpus. `order` is the languages in the order SHOW DB lists them
 * (the default first), `source` what the corpus is (a folder, or the bundled glossary).
 */
export function corpusDictionary(corpus: Corpus, order: string[], source: string, now: () => number): Dictionary {
  const langs = new Map(corpus.meta.langs.map((l) => [l.lang, l]));
  const names = [...order.filter((l) => langs.has(l)), ...corpus.meta.langs.map((l) => l.lang).filter((l) => !order.includes(l))];
  const databases = names.map((lang) => ({ name: lang, description: `${languageName(lang)} glossary, ${articles(langs.get(lang)?.count ?? 0)} (${source})` }));
  const headwords = new Map<string, Headword[]>();
  // Rendered texts of this corpus, the oldest dropped past MAX_TEXTS.
  const texts = new Map<string, Definition>();
  // What MATCH answers must be what DEFINE finds: a name that folds to nothing (zero-width spaces,
  // an emoji) is no key DEFINE looks up, and one too long for a line is cut in the answer. Such an
  // alias is left out; such a title is answered by the article's id, which DEFINE takes.
  const definable = (word: string) => fold(word) !== '' && Buffer.byteLength(word, 'utf8') <= DEFINABLE_OCTETS;
  const answer = (d: { id: string; title: string }) => (definable(d.title) ? d.title : d.id);
  const headwordsOf = (lang: string): Headword[] => {
    let list = headwords.get(lang);
    if (!list) {
      const docs = corpus.docs(lang, corpus.list(lang).map((e) => e[3]));
      list = docs.flatMap((d) => [answer(d), ...d.aliases.filter(definable)].map((word) => ({ word, key: fold(word), typo: typoKey(word) })));
      headwords.set(lang, list);
    }
    return list;
  };
  const exactNumbers = (lang: string, word: string): number[] => {
    const trimmed = word.normalize('NFC').trim();
    if (trimmed === '') return [];
    return [...new Set([...corpus.names(lang, '=' + trimmed), ...corpus.names(lang, fold(trimmed))].sort((a, b) => a[1] - b[1]).map(([n]) => n))];
  };
  return {
    databases,
    info(db) {
      const meta = langs.get(db);
      if (!meta) return '';
      const keywords = meta.keywords.slice(0, 20).map(([k, n]) => `${k} (${n})`).join(', ');
      return [
        `${languageName(db)} glossary (database "${db}")`,
        '',
        `Source: ${source}`,
        `Articles: ${meta.count}`,
        ...(keywords ? [`Keywords: ${keywords}${meta.keywords.length > 20 ? ', ...' : ''}`] : []),
        '',
        'Served by glossary serve. Cross-references in the texts are written {name};',
        'DEFINE that name to read the article.',
      ].join('\n');
    },
    define(db, word) {
      return exactNumbers(db, word).map((n) => {
        const key = `${db}\u0000${n}`;
        let found = texts.get(key);
        if (!found) {
          const record = corpus.record(db, n);
          found = { word: record.title, text: renderArticle(record, { width: WIDTH, color: false, crossRef: (name) => `{${name}}` }) };
          if (texts.size >= MAX_TEXTS) texts.delete(texts.keys().next().value as string);
          texts.set(key, found);
        }
        return found;
      });
    },
    headwords(db) {
      return headwordsOf(db).map((h) => h.word);
    },
    match(db, strategy, word) {
      if (strategy === 'exact') {
        const docs = corpus.docs(db, exactNumbers(db, word));
        return [...new Set(docs.map(answer))];
      }
      if (strategy === 'search' || strategy === '.') {
        if (fold(word) === '') return [];
        return [...new Set(search(corpus.searchSource(db), word.normalize('NFC').slice(0, 200), 50).map((h) => answer(h.doc)))];
      }
      // One more than is listed: the session then says that more match.
      return matchHeadwords(strategy, word, headwordsOf(db), now, MATCH_LIMIT + 1);
    },
  };
}

const articles = (n: number) => `${n} article${n === 1 ? '' : 's'}`;
