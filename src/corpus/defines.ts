// What an article says it defines: a leading "Hvad er (en) X?" heading, a first sentence "X er
// ...", "X, på engelsk Y, ...", "X (forkortet Y)". Search weighs these names below the title and
// aliases and above any text match: the article that defines a word comes before one that uses it.
import { fold } from '../fold.js';

/** At most this many defined names an article: a definition names a thing once or twice. */
const MAX_NAMES = 6;
/** A defined name longer than this many words is a sentence, not a name. */
const MAX_WORDS = 6;
/** Headings looked at: the title's own heading and the one or two after it. */
const LEADING_HEADINGS = 3;

/** Words that begin a sentence but name nothing ("Det er ...", "Der er ..."). */
const NOT_A_NAME = new Set('det der den de dette disse han hun man vi du jeg her som hvis naar men og eller saa i paa for med til hvad hvordan hvorfor hvem hvilke hvilken ifoelge inden ud efter mest typerne typer'.split(' '));
/** Words before a name that say "the term": `Udtrykket "effektivitet"`. */
const TERM_WORD = /^(?:udtrykket|begrebet|ordet|termen|navnet)\s+/i;
/** A question's tail after the name: `udbytte, og hvordan fungerer de`, `obligation i enkle vendinger`. */
const QUESTION_TAIL = /(?:,?\s+og\s+(?:hvad|hvordan|hvorfor|hvem|hvilke)\b.*|\s+i enkle vendinger.*)$/i;
/** Articles before a name: "en aktie", "den gennemsnitlige årlige vækstrate". */
const ARTICLE = /^(?:en|et|den|det|de|a|an|the)\s+/i;

/** Markdown links, emphasis and code marks out: the words as a reader sees them. */
function plain(text: string): string {
  return text
    .replace(/!?\[([^\][]*)\]\([^()\s]*(?:\s+"[^"]*")?\)/g, '$1') // bounded: no '[' in the text, no space or '(' in the address
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "X (forkortet Y)", "X, på engelsk Y" and "X (Y)": every name in one defined phrase. */
function namesIn(phrase: string): string[] {
  const out: string[] = [];
  let rest = phrase.trim();
  // Names in brackets: abbreviations and other spellings.
  rest = rest.replace(/\s*\((?:forkortet|fork\.|eller|også kaldet|på engelsk|engelsk|eng\.)?\s*([^()]{1,60})\)/gi, (_, inner: string) => {
    for (const part of inner.split(/\s*(?:,|;| eller | or )\s*/)) out.push(part);
    return '';
  });
  const english = /^(.*?),?\s+(?:på engelsk|engelsk|eng\.)\s+(.+?)$/i.exec(rest);
  if (english) {
    out.unshift(english[1] as string);
    out.push(english[2] as string);
  } else out.unshift(rest);
  return out
    .map((n) => n.replace(QUESTION_TAIL, '').replace(TERM_WORD, '').replace(/^["'«»“”„]+|["'«»“”„.,:;!?]+$/g, '').replace(ARTICLE, '').trim())
    .filter((n) => {
      const w = fold(n).split(' ').filter(Boolean);
      return w.length > 0 && w.length <= MAX_WORDS && !NOT_A_NAME.has(w[0] as string) && !/^\d+$/.test(w.join(''));
    });
}

/** The subject of a defining sentence: what comes before " er " (or "refererer til", "betyder"). */
function subjectOf(sentence: string): string | undefined {
  const m = /^(.{2,120}?)\s+(?:er|var|betegner|betyder|refererer til|henviser til|dækker over|is|are|refers to)\s/i.exec(sentence);
  if (!m) return undefined;
  const subject = m[1] as string;
  // "X, på engelsk Y," keeps its comma; any other comma means a longer clause came first.
  if (/,/.test(subject.replace(/,?\s+(?:på engelsk|engelsk)\s+[^,]+,?$/i, '').replace(/\([^)]*\)/g, ''))) return undefined;
  return subject.replace(/,\s*$/, '');
}

/** The first paragraph of a body: its first line of running text (not a heading, list, quote, table or code). */
function firstParagraph(body: string): string | undefined {
  let fence = false;
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (/^(```|~~~)/.test(line)) fence = !fence;
    if (fence || line === '' || /^(#|>|\||[-*+] |\d+\. |<|!\[|---)/.test(line)) continue;
    return line;
  }
  return undefined;
}

/**
 * The names an article defines, as written (Danish letters kept), without its title and
 * aliases; `body` is the Markdown after the front matter.
 */
export function definedNames(title: string, aliases: string[], description: string, body: string): string[] {
  const found: string[] = [];
  const headings = body.split('\n').filter((l) => /^#{1,6}\s/.test(l)).slice(0, LEADING_HEADINGS);
  for (const h of headings) {
    const m = /^#{1,6}\s+(?:hvad|hvem) (?:er|betyder|menes med|kaldes)\s+(.+?)\s*\??\s*$/i.exec(plain(h));
    if (m) found.push(...namesIn(m[1] as string));
  }
  for (const text of [description, firstParagraph(body) ?? '']) {
    const sentence = plain(text);
    const subject = sentence && subjectOf(sentence);
    if (subject) found.push(...namesIn(subject));
  }
  const own = new Set([title, ...aliases].map(fold));
  const out: string[] = [];
  for (const name of found) {
    const key = fold(name);
    if (key === '' || own.has(key)) continue;
    own.add(key);
    out.push(name);
    if (out.length >= MAX_NAMES) break;
  }
  return out;
}
