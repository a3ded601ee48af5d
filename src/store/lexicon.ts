// The bundled lexicon (corpus/lexicon.ts) on disk: made from the compiled bundled corpus at build
// time, read at run time only by a search that needs it, once a run.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CompiledLanguage } from '../corpus/compile.js';
import { makeLexicon, parseLexicon, wordListOf, type Lexicon, type WordList } from '../corpus/lexicon.js';

/** Its file, beside the bundled corpus's; and the English-Danish word list's (lexicon/en-da.tsv, as wordListText writes it). */
export const LEXICON_FILE = 'lexicon.json';
export const WORDS_FILE = 'words.tsv';

/** The lexicon of the bundled corpus's Danish articles (or of its only language). */
export function lexiconOf(languages: CompiledLanguage[]): Lexicon {
  const language = languages.find((l) => l.lang === 'da') ?? (languages.length === 1 ? languages[0] : undefined);
  if (!language) return { version: 1, phrases: {} };
  const docs = Array.from({ length: language.count }, (_, n) => language.doc(n));
  const ids = docs.map((d) => d.id);
  // A stem is Danish when the text of a few articles other than the alias's own has it: an
  // English term quoted once or twice ("på engelsk gross profit") does not make it Danish.
  const inDanishText = (stem: string, id: string): boolean => {
    const postings = language.text.get(stem);
    if (!postings) return false;
    let others = 0;
    for (let i = 0; i < postings.length; i += 2) if (ids[postings[i] as number] !== id && ++others >= DANISH_IN_ARTICLES) return true;
    return false;
  };
  return makeLexicon(docs.map((d) => ({ id: d.id, title: d.title, aliases: d.aliases })), inDanishText);
}

/** A word is Danish when the text of at least this many articles has it. */
const DANISH_IN_ARTICLES = 3;

let loaded: Lexicon | undefined;

/**
 * The bundled lexicon, its two files each read on first use: a typo lookup asks only the word list
 * whether its words are English, and most searches neither. A file missing or damaged reads as
 * empty: search goes on without it.
 */
export function bundledLexicon(): Lexicon {
  if (loaded === undefined) {
    let phrases: Lexicon['phrases'] | undefined;
    let words: WordList | null | undefined;
    loaded = {
      version: 1,
      get phrases() {
        if (phrases === undefined) {
          try {
            phrases = parseLexicon(readBundled(LEXICON_FILE))?.phrases ?? {};
          } catch {
            phrases = {};
          }
        }
        return phrases;
      },
      words: (english) => {
        if (words === undefined) {
          try {
            words = wordListOf(readBundled(WORDS_FILE));
          } catch {
            words = null;
          }
        }
        return words ? words(english) : undefined;
      },
    };
  }
  return loaded;
}

/** A file of the bundled corpus's folder, as text. */
function readBundled(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./corpus/${name}`, import.meta.url)), 'utf8');
}
