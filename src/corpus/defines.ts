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
const NOT_A_NAME = new Set('det der den de dette disse han hun man vi du jeg her som hvis naar men og eller saa i paa for med til hvad hvordan hvorfor hvem hvilke hvilken ifoelge inden ud efter mest typerne typer vigtigste fleste mange nogle alle flere'.split(' '));
/** Place codes a title is qualified by in brackets (`Hedgefond (USA)`): capitals, but no abbreviation of the name. */
const PLACES = new Set('usa us uk eu dk eoes nyc'.split(' '));
/** Longer than this, a heading or a phrase is no name's question: left unread (bounded work on hostile text). */
const MAX_PHRASE = 200;
/** Counts before a name: "de tre typer ...". */
const COUNTS = new Set('to tre fire fem seks syv otte ni ti'.split(' '));
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

/** An abbreviation: one word with two capitals or more (`AAGR`, `B2B`, `PP&E`, `VaR`). */
const ABBREVIATION = /^(?=\S*\p{Lu}\S*\p{Lu})\S+$/u;

/** Whether each word of `inner` begins a word of the name it follows (`e-handel` of elektronisk handel). */
function shortFor(inner: string, outside: string[]): boolean {
  const words = fold(inner).split(/[\s-]+/).filter(Boolean);
  return words.length > 0 && words.every((w) => outside.some((o) => o.startsWith(w)));
}

/** The brackets of a title, folded: `Ikke-registreret konto (Canada)` has `canada`. */
function bracketsOf(title: string): Set<string> {
  return new Set([...title.matchAll(/\(([^()]+)\)/g)].map((m) => fold(m[1] as string)));
}

/**
 * "X (forkortet Y)", "X, på engelsk Y" and "X (Y)": every name in one defined phrase. A bracket the
 * title has too qualifies the name (`(Canada)`), and one of three parts or more spells the name
 * out (`SWOT-analyse (styrker, svagheder, muligheder og trusler)`): neither is a name.
 */
function namesIn(phrase: string, qualifiers: Set<string> = new Set()): string[] {
  const out: string[] = [];
  if (phrase.length > MAX_PHRASE) return out;
  let rest = phrase.trim();
  const outside = fold(rest.replace(/\([^()]*\)/g, ' ')).split(/[\s-]+/).filter(Boolean);
  // Names in brackets: abbreviations and other spellings.
  rest = rest.replace(/\s*\((?:forkortet|fork\.|eller|også kaldet|på engelsk|engelsk|eng\.)?\s*([^()]{1,60})\)/gi, (_, inner: string) => {
    const parts = inner.split(/\s*(?:,|;| eller | or )\s*/).filter((p) => p.trim().length > 1);
    const qualifier = qualifiers.has(fold(inner)) && (PLACES.has(fold(inner)) || (!ABBREVIATION.test(inner.trim()) && !shortFor(inner, outside)));
    // An enumeration keeps its abbreviations (`EBIT, earnings before interest and taxes, primær drift`).
    if (!qualifier) out.push(...(parts.length < 3 ? parts : parts.filter((p) => ABBREVIATION.test(p.trim()))));
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
      // A count first is no name's beginning either: "de 3 typer overskudsmargin".
      // Alone it is a name (`NI`); a number alone is none.
      const first = w.find((x) => !/^\d+$/.test(x) && (w.length === 1 || !COUNTS.has(x)));
      return w.length > 0 && w.length <= MAX_WORDS && first !== undefined && !NOT_A_NAME.has(first);
    });
}

/** The subject of a defining sentence: what comes before " er " (or "refererer til", "betyder"). */
function subjectOf(sentence: string): string | undefined {
  const m = /^(.{2,120}?)\s+(?:er|var|betegner|betyder|refererer til|henviser til|dækker over|is|are|refers to)\s/i.exec(sentence);
  if (!m) return undefined;
  // Only the first sentence defines: a verb in a later one has another subject (`Likviditetsrisiko
  // har to sider. Den ene er ...`); a stop before a capital ends a sentence (not `pr. aktie`). After
  // a lead-in with a colon, the name (`Navnet siger det hele: Cash flow refererer til ...`).
  if (/\p{Ll}{2}[.!?]\s+\p{Lu}/u.test(m[1] as string)) return undefined;
  // A lead-in is a sentence of its own (three words or more); before it, a name's own colon (`Form
  // 4562: Depreciation and Amortization` is one name, not "Depreciation and Amortization").
  const subject = (m[1] as string).replace(/^(\S+\s+\S+\s+\S+[^:]*):\s+(?=\p{Lu})/u, '');
  // "X, på engelsk Y," keeps its comma; any other comma means a longer clause came first.
  if (/,/.test(subject.replace(/,?\s+(?:på engelsk|engelsk)\s+[^,]+,?$/i, '').replace(/\([^)]*\)/g, ''))) return undefined;
  return subject.replace(/,\s*$/, '');
}

/** The first paragraph of a body: its first line of running text (not a heading, list, quote, table or code). */
function firstParagraph(body: string): string | undefined {
  let fence = false;
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    // A fence's own lines are code too (the closing one was taken for the first paragraph).
    if (/^(```|~~~)/.test(line)) {
      fence = !fence;
      continue;
    }
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
  // Each name, and whether a heading asks for it.
  const found: Array<[string, boolean]> = [];
  const qualifiers = bracketsOf(title);
  const headings = body.split('\n').filter((l) => /^#{1,6}\s/.test(l)).slice(0, LEADING_HEADINGS);
  for (const h of headings) {
    const m = /^#{1,6}\s+(?:hvad|hvem) (?:er|betyder|menes med|kaldes)\s+(.+?)\s*\??\s*$/i.exec(plain(h));
    if (m) found.push(...namesIn(m[1] as string, qualifiers).map((n): [string, boolean] => [n, true]));
  }
  for (const text of [description, firstParagraph(body) ?? '']) {
    const sentence = plain(text);
    const subject = sentence && subjectOf(sentence);
    if (subject) found.push(...namesIn(subject, qualifiers).map((n): [string, boolean] => [n, false]));
  }
  const own = new Set([title, ...aliases].map(fold));
  const ownWords = [...own].flatMap((n) => n.split(/[\s-]+/));
  const asked = new Set(found.filter(([, heading]) => heading).map(([n]) => fold(n)));
  const out: string[] = [];
  for (const [name] of found) {
    const key = fold(name);
    if (key === '' || own.has(key) || (!asked.has(key) && partOfOwn(key, ownWords))) continue;
    own.add(key);
    out.push(name);
    if (out.length >= MAX_NAMES) break;
  }
  return out;
}

/** Longer than this, what follows a word in a name is a word of its own, not an ending (`-erne`, `-ens`). */
const MAX_ENDING = 4;

/**
 * Whether a one-word name is the first part of a compound in the title or an alias: a wider word
 * than the article's thing (`Produktion er omkostninger ...` in Produktionsomkostninger, `Et afkast
 * er ...` in Afkastningsgrad), a translation cut short, not another name of it, unless a heading
 * asks what it is (`## Hvad er standardafvigelse?` under Standardafvigelsesberegning). An
 * inflection is a name (`afskrivning` of Afskrivninger).
 */
function partOfOwn(word: string, ownWords: string[]): boolean {
  if (word.includes(' ')) return false;
  return ownWords.some((w) => w.startsWith(word) && w.length - word.length > MAX_ENDING);
}
