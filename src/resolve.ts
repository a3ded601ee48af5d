// Term -> one article: exact names (id, slug, alias, title, all folded), else a clear fuzzy winner.
import { NameRank, plainLetters, type ArticleRecord } from './corpus/compile.js';
import { AmbiguousError, NotFoundError, UsageError } from './errors.js';
import { fold } from './fold.js';
import { inflectionOf, stem } from './corpus/terms.js';
import type { Corpus } from './corpus/reader.js';
import type { Lexicon } from './corpus/lexicon.js';

export const MAX_QUERY = 200;

/**
 * How a term named its article: `exact` (id, slug or title as written, case aside), `folded`
 * (after folding, Danish letters typed plainly too), `alias`, `defined` (what the article says it
 * defines), `path` (a site path's last part); or chosen by search, the clear winner: `typo`,
 * `prefix` (a name begun), `words` (every word in its name), `initials`, `lexicon` (a Danish name
 * the bundled glossary gives the term), `word-list` (the term rendered in Danish word by word).
 */
export type MatchKind = 'exact' | 'folded' | 'alias' | 'defined' | 'path' | 'typo' | 'prefix' | 'words' | 'initials' | 'lexicon' | 'word-list';

export interface Resolved {
  record: ArticleRecord;
  /** Set when the term named no article (title, id, slug or alias) and the article was chosen: the notice says so. */
  fuzzy: boolean;
  matched: MatchKind;
  /** For `lexicon`: the Danish name searched. */
  matchedName?: string;
}

export function checkQuery(term: string): string {
  const trimmed = term.normalize('NFC').trim();
  if (trimmed === '') throw new UsageError('empty query: give a term, e.g. glossary lookup strategisk-alliance');
  if (trimmed.length > MAX_QUERY) throw new UsageError(`query is ${trimmed.length} characters long; the limit is ${MAX_QUERY}`);
  return trimmed;
}

function suggestions(names: string[]): string[] {
  return names.length ? [`did you mean: ${names.join(', ')}?`] : [];
}

export async function resolveTerm(corpus: Corpus, lang: string, rawTerm: string, lexicon?: () => Lexicon | undefined): Promise<Resolved> {
  const term = checkQuery(rawTerm);
  const byId = corpus.names(lang, '=' + term);
  const folded = byId.length ? [] : corpus.names(lang, fold(term));
  // Danish letters typed plainly (`lan` for Lån, `aop` for ÅOP).
  const plain = byId.length || folded.length ? [] : corpus.names(lang, '~' + plainLetters(fold(term)));
  const matches = byId.length ? byId : folded.length ? folded : plain;
  if (matches.length) {
    const best = Math.min(...matches.map(([, rank]) => rank));
    const ns = [...new Set(matches.filter(([, rank]) => rank === best).map(([n]) => n))];
    if (ns.length === 1) {
      const record = corpus.record(lang, ns[0] as number);
      const lower = term.toLowerCase();
      const matched: MatchKind = best === NameRank.defined ? 'defined' : best === NameRank.alias ? 'alias' : !plain.length && [record.id, record.slug, record.title].some((x) => x.toLowerCase() === lower) ? 'exact' : 'folded';
      return { record, fuzzy: matched === 'defined', matched };
    }
    const docs = corpus.docs(lang, ns);
    throw new AmbiguousError(`"${term}" names ${ns.length} articles`, suggestions(docs.map((d) => `${d.name} (${d.title})`)), docs);
  }
  // A site's path to a term (`Glossary/AJAX`, `docs/Glossary/Node/networking`): its last parts.
  // Not a ratio of two terms (`EV/EBIT`, `gæld/EBITDA`, `P/FCF`, `indtjening/aktie`): of two parts,
  // a first that is a name, an abbreviation (capitals, one letter) or a word of the corpus's text
  // is no folder of a site. Three parts or more are a path (`terms/e/ebit`).
  const parts = term.split('/').filter(Boolean);
  const ratio = () => {
    const first = parts[0] as string;
    const text = corpus.searchSource(lang);
    return first.length < 2 || first === first.toUpperCase() || corpus.names(lang, fold(first)).length > 0 || fold(first).split(' ').some((w) => w.length > 1 && text.postings(stem(w)).length > 0);
  };
  const path = parts.length > 2 || (parts.length === 2 && !ratio());
  for (let i = 1; i < parts.length && path; i++) {
    const ns = [...new Set(corpus.names(lang, fold(parts.slice(i).join('/'))).map(([n]) => n))];
    if (ns.length === 1) return { record: corpus.record(lang, ns[0] as number), fuzzy: true, matched: 'path' };
    if (ns.length > 1) break;
  }
  const searching = await import('./search.js');
  const source = corpus.searchSource(lang);
  const hits = searching.search(source, term, 5, { lexicon });
  const winner = confirmedWinner(searching, source, term, hits, lexicon);
  if (winner?.lexicon) return { record: corpus.record(lang, winner.doc.n), fuzzy: true, matched: winner.lexicon.kind === 'words' ? 'word-list' : 'lexicon', matchedName: winner.lexicon.name };
  if (winner) {
    const { Tier } = searching;
    const matched: MatchKind = winner.via === 'defined' ? 'defined' : winner.tier < Tier.prefix ? 'folded' : winner.tier === Tier.prefix ? 'prefix' : winner.why.some((w) => w.what.includes('its initial')) ? 'initials' : winner.typos > 0 ? 'typo' : 'words';
    return { record: corpus.record(lang, winner.doc.n), fuzzy: true, matched };
  }
  if (hits.length === 0) throw new NotFoundError(`no article "${term}"`, ['try: glossary search ' + term.split(/\s+/)[0]]);
  // One candidate that is not clearly meant is a suggestion, not a choice between articles.
  if (hits.length === 1) throw new NotFoundError(`no article "${term}"`, suggestions(hits.map((h) => h.doc.name)));
  throw new AmbiguousError(`no article "${term}"`, suggestions(hits.map((h) => h.doc.name)), hits.map((h) => h.doc));
}

type Searching = typeof import('./search.js');
type Hit = ReturnType<Searching['search']>[number];

/**
 * Search's clear winner for `term`, unless a rule refuses to open it: then the one name the term is
 * a form of, or nothing (the hits are offered). Every rule is a confident wrong answer seen in use.
 */
function confirmedWinner(searching: Searching, source: ReturnType<Corpus['searchSource']>, term: string, hits: Hit[], lexicon?: () => Lexicon | undefined): Hit | undefined {
  const { clearWinner, everyWordListed, queryWords, spellsOut, wordsOfCorpus, Tier } = searching;
  let winner = clearWinner(hits, new Set(queryWords(term)).size);
  const namesOf = (h: Hit) => [h.doc.s.folded, ...h.doc.s.foldedAliases];
  // A name whose words are the query's, inflected (`aktieindkomsts` is Aktieindkomst, though an alias begins with it).
  const formOf = (query: string) => (n: string) => {
    const ws = n.split(' ');
    const qs = queryWords(query);
    const same = (w: string, t: string) => t === w || stem(t) === stem(w) || inflectionOf(t, w);
    return ws.length === qs.length && qs.every((w) => ws.some((t) => same(w, t))) && ws.every((t) => qs.some((w) => same(w, t)));
  };
  // A word most articles use is no name's beginning (`del` is not Del tilbagekøb, `brug` not
  // "Brug af store bogstaver"): in more than one in twelve articles of a corpus of 50 or more.
  const common = (query: string) => {
    const qs = queryWords(query);
    return qs.length === 1 && source.count >= 50 && source.postings(stem(qs[0] as string)).length > source.count / 12;
  };
  const inWords = (h: Hit, query: string) => {
    const asked = fold(query);
    const squashed = asked.replace(/ /g, '');
    // The title's first words (`strategisk`: Strategisk alliance); an alias's are not enough (`effektiv` is not
    // Amortiseret kostpris through "effektiv rentes metode").
    const begins = (h.doc.s.folded === asked || h.doc.s.folded.startsWith(`${asked} `)) && !common(query);
    return begins || namesOf(h).some((n) => formOf(query)(n) || n === asked || n.replace(/ /g, '') === squashed) || h.doc.id.toLowerCase() === squashed;
  };
  // Whole words of the corpus are not the beginning of a longer word of a name (`rente` is not
  // Rentedækningsforhold, `alder` not Aldersopsparing): such a name is offered, not opened (nor
  // the hit after it, which would then look clear: `aktiv` is neither Aktiver nor Aktiv ledelse);
  // one whose first words they are may be (`strategisk`: Strategisk alliance). The query a hit
  // answers: the term, or the Danish name the lexicon searched for it.
  const by = (h: Hit) => h.lexicon?.name ?? term;
  if (winner && winner.tier === Tier.prefix && !inWords(winner, by(winner)) && wordsOfCorpus(source, queryWords(by(winner)))) {
    // Then the one name the term is a form of, if any (`fakturas`: Faktura, not Factoring it begins).
    const forms = winner.lexicon ? [] : hits.filter((h) => !h.lexicon && namesOf(h).some(formOf(term)));
    winner = forms.length === 1 ? forms[0] : undefined;
  }
  if (!winner) return undefined;
  // A ratio with a part search cannot read (`P/EBIT`: one letter) is not the other part's article.
  if (/\p{L}\/\p{L}/u.test(term) && term.split('/').some((part) => queryWords(part).length === 0)) return undefined;
  // A phrase whose initials are the article's abbreviation opens it only where its words say what
  // the article's names say (search.ts spellsOut): initials alone are offered, not opened (`burden
  // of proof` is not Betalingsbalance, BOP; `my best option` not Management buyout, MBO).
  if (!winner.lexicon && winner.initials && !spellsOut(winner.doc, term, lexicon?.()?.words, winner.stems)) return undefined;
  // An English word the word list knows (`interest`) is not a typing error for a Danish name
  // (Interessent), nor its beginning: such a match is offered, not opened.
  // Unless the words are the name's own, with an -s (`gearings`: Gearing, the word in both languages).
  if (!winner.lexicon && (winner.typos > 0 || winner.tier === Tier.prefix) && everyWordListed(queryWords(term), lexicon) && !namesOf(winner).some((n) => withS(queryWords(term), n.split(' ')))) return undefined;
  if (!winner.lexicon && !hasWholeCompounds(namesOf(winner), term, lexicon)) return undefined;
  // Nor is a negated term the article it negates (`ikke børsnoteret` is not Børsnotering).
  if (negationOf(term) && !namesOf(winner).some((name) => negationOf(name))) return undefined;
  // Nor is a term the article of its negation (`registreret konto` is not "Ikke-registreret konto").
  if (!negationOf(term) && negationOf(winner.doc.s.folded)) return undefined;
  return winner;
}

/** Whether `words` are `name`'s words, each as written or with an -s or -es (a plural, a genitive). */
function withS(words: string[], name: string[]): boolean {
  return words.length === name.length && words.every((w, i) => w === name[i] || w === `${name[i]}s` || w === `${name[i]}es`) && words.some((w, i) => w !== name[i]);
}

/** Whether a term says `not` (`ikke`, `not`, `non`, `uden`, `without`, `no`) as a word of its own. */
export function negationOf(term: string): boolean {
  return fold(term).split(/[\s-]+/).some((w) => NEGATION_WORDS.has(w));
}

const NEGATION_WORDS = new Set(['ikke', 'not', 'non', 'uden', 'without', 'no', 'ej']);

/** The note when a term named no article and search chose one: the one wording for every command. */
export function fuzzyNote(term: string, record: ArticleRecord, matched?: MatchKind, matchedName?: string): string {
  if (matched === 'word-list') return `no article is named "${term}"; showing ${record.name} (${record.title}), by "${matchedName ?? record.title}", "${term}" in Danish word by word`;
  if (matched === 'lexicon') return `no article is named "${term}"; showing ${record.name} (${record.title}), by its Danish name in the bundled glossary`;
  if (matched === 'defined') return `no article is named "${term}"; showing ${record.name} (${record.title}), which defines it`;
  return `no article is named "${term}"; showing ${record.name} (${record.title})`;
}

/** An article for a command that works on one: the record, and the note if it was a fuzzy match. */
export async function resolveArticle(corpus: Corpus, lang: string, terms: string[], lexicon?: () => Lexicon | undefined): Promise<{ record: ArticleRecord; notes: string[] }> {
  const term = terms.join(' ');
  const { record, fuzzy, matched, matchedName } = await resolveTerm(corpus, lang, term, lexicon);
  return { record, notes: fuzzy ? [fuzzyNote(checkQuery(term), record, matched, matchedName)] : [] };
}

/**
 * Whether one of `names` (folded) has each hyphenated English word of `term` the word list knows
 * (`write-off`, `pre-tax`, `co-operation`) whole, and little else: such a word is one word, opened
 * only through a name with its parts in a row (or joined) and fewer other words than the query
 * has; not through its parts' beginnings or typing errors (`pre-tax` is not Acontoskat through
 * "preliminarytax", `co-operation` not Andelsselskab through "co-operative"), nor through a longer
 * name it is a part of (`write-off` is not Fradrag through "tax write-off", `after-tax` not Årets
 * resultat through "profit after tax"). True when the term has no such word.
 */
export function hasWholeCompounds(names: string[], term: string, lexicon?: () => Lexicon | undefined): boolean {
  const typed = term.split(/\s+/).filter(Boolean);
  const list = lexicon?.()?.words;
  const compounds = typed.filter((w) => /\p{L}-\p{L}/u.test(w)).map(fold).filter((f) => f.includes(' ') && list?.(f) !== undefined);
  if (compounds.length === 0) return true;
  return names.some((name) => {
    const ws = name.split(' ');
    let covered = 0;
    for (const compound of compounds) {
      const parts = compound.split(' ');
      const inRow = ws.some((_, i) => parts.every((p, j) => ws[i + j] === p));
      if (inRow) covered += parts.length;
      else if (ws.includes(parts.join(''))) covered += 1;
      else return false;
    }
    // The query's other words name at most a word each.
    return ws.length - covered - (typed.length - compounds.length) < typed.length;
  });
}
