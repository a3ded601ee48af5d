// Query -> ranked hits: exact names first, then candidates from the compiled term index,
// ranked by fuse.js over title, aliases, keywords and description, all Danish-folded and stemmed.
import Fuse from 'fuse.js';
import type { ListEntry, SearchDoc } from './corpus/compile.js';
import type { SearchSource } from './corpus/reader.js';
import { contentWords, docTermsOfWord, stem } from './corpus/terms.js';
import { fold } from './fold.js';

export type { SearchSource };

export const Tier = { exact: 0, prefix: 1, fuzzy: 2 } as const;

export interface Hit {
  doc: SearchDoc;
  tier: number;
  /** 0 is perfect, 1 is no match (fuse.js convention). */
  score: number;
}

/** How many candidates fuse.js ranks: enough for recall, few enough to stay fast at 100,000 articles. */
const CANDIDATES = 100;
const MAX_SCORE = 0.62;

function prepare(doc: SearchDoc) {
  return { doc, ...doc.s, titleWords: doc.s.title.split(' '), descriptionWords: new Set(doc.s.description.split(' ')) };
}

function candidates(source: SearchSource, query: string, exact: number[]): number[] {
  // Typed counts and buckets, not a Map and a sort: a common gram lists thousands of articles.
  const counts = new Uint16Array(source.count);
  const touched: number[] = [];
  const add = (n: number, weight: number) => {
    if (n >= counts.length) return;
    if (counts[n] === 0) touched.push(n);
    counts[n] = Math.min(65535, (counts[n] as number) + weight);
  };
  for (const w of contentWords(query)) {
    for (const [term, weight] of docTermsOfWord(w)) {
      let n = 0;
      for (const gap of source.gaps(term)) add((n += gap), weight);
    }
  }
  const q = fold(query);
  source.keywords.forEach(([name], i) => {
    if (fold(name) === q) for (const e of source.keywordEntries(i).slice(0, CANDIDATES)) add(e[3], 10);
  });
  const buckets = new Map<number, number[]>();
  for (const n of touched) {
    const c = counts[n] as number;
    const list = buckets.get(c);
    if (list) list.push(n);
    else buckets.set(c, [n]);
  }
  const ranked: number[] = [];
  for (const c of [...buckets.keys()].sort((a, b) => b - a)) {
    for (const n of (buckets.get(c) as number[]).sort((a, b) => a - b)) {
      if (ranked.length >= CANDIDATES) break;
      ranked.push(n);
    }
    if (ranked.length >= CANDIDATES) break;
  }
  return [...new Set([...exact, ...ranked])];
}

/**
 * The one order of hits: by tier, then score, where scores within 0.01 of each other are a tie
 * and the shorter title wins it (the more likely meaning), then the corpus order.
 */
export function compareHits(a: Hit, b: Hit): number {
  return a.tier - b.tier || Math.round(a.score * 100) - Math.round(b.score * 100) || a.doc.title.length - b.doc.title.length || a.doc.n - b.doc.n;
}

export function search(source: SearchSource, query: string, limit = 10): Hit[] {
  const q = fold(query);
  if (q === '') return [];
  const exact = [...new Set([...source.names(q), ...source.names('=' + query.trim())].map(([n]) => n))];
  const docs = source.docs(candidates(source, query, exact));
  const prepared = docs.map(prepare);
  const fuse = new Fuse(prepared, {
    keys: [
      { name: 'title', weight: 4 },
      { name: 'aliases', weight: 3 },
      { name: 'keywords', weight: 2 },
    ],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.4,
  });
  // Each word is ranked on its own, so that word order does not matter; a missing word costs 1.
  const queryWords = [...new Set(contentWords(query).map(stem))].slice(0, 8);
  const total = new Map<SearchDoc, number>();
  for (const w of queryWords) {
    const best = new Map<SearchDoc, number>();
    // A word that is a word of some candidate's title as typed needs no fuzzy matching: the
    // exact matches outrank whatever fuse.js would find, and fuse.js is most of a search's time.
    const typedRight = prepared.some((p) => p.titleWords.includes(w));
    if (!typedRight) for (const r of fuse.search(w.slice(0, 32))) best.set(r.item.doc, r.score ?? 1);
    for (const p of prepared) {
      // A word of the title itself beats any fuzzy score; fewer other words, the better.
      const titleWords = p.titleWords;
      // Danish compounds: `selskab` is part of `holdingselskab`.
      const own = titleWords.includes(w)
        ? 0.02 * titleWords.length
        : titleWords.some((t) => t.startsWith(w))
          ? 0.1
          : w.length >= 5 && titleWords.some((t) => t.includes(w))
            ? 0.2
            : 1;
      // A word of the description (by its stem) is a weaker sign than the names.
      const described = p.descriptionWords.has(w) ? 0.35 : 1;
      total.set(p.doc, (total.get(p.doc) ?? 0) + Math.min(own, described, best.get(p.doc) ?? 1));
    }
  }
  const exactSet = new Set(exact);
  const squashed = q.replace(/ /g, '');
  const hits: Hit[] = docs.map((doc) => {
    const score = queryWords.length ? (total.get(doc) ?? queryWords.length) / queryWords.length : 1;
    const title = doc.s.folded;
    let tier: number = Tier.fuzzy;
    if (exactSet.has(doc.n)) tier = Tier.exact;
    else if (title.startsWith(q) || doc.id.toLowerCase().startsWith(squashed) || doc.s.foldedAliases.some((a) => a.startsWith(q))) tier = Tier.prefix;
    return { doc, tier, score };
  });
  return hits
    .filter((h) => h.tier < Tier.fuzzy || h.score <= MAX_SCORE)
    .sort(compareHits)
    .slice(0, Math.max(1, limit));
}

/** The first hit when it stands clearly above the rest; lookup renders it without asking. */
export function clearWinner(hits: Hit[]): Hit | undefined {
  const [first, second] = hits;
  if (!first) return undefined;
  if (!second) return first.tier < Tier.fuzzy || first.score <= 0.45 ? first : undefined;
  if (first.tier < second.tier) return first;
  if (first.tier === Tier.exact) return undefined;
  return second.score - first.score >= 0.12 && first.score <= 0.4 ? first : undefined;
}

/** Closest names in a small list (keywords, commands): for "did you mean" hints. */
export function closest(names: string[], wanted: string, limit = 3): string[] {
  const fuse = new Fuse(names.map((name) => ({ name, key: fold(name) })), { keys: ['key'], includeScore: true, threshold: 0.5, ignoreLocation: true });
  return fuse.search(fold(wanted).slice(0, 32), { limit }).map((r) => r.item.name);
}


