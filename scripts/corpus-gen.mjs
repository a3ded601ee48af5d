// Deterministic synthetic corpora in the seed's format, for benchmarks: titles, descriptions,
// keywords, ~4 KB Danish-ish bodies with /id links. Same size in, same bytes out.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STEMS = ['aktie', 'selskab', 'kapital', 'vækst', 'fond', 'skat', 'regnskab', 'marked', 'handel', 'risiko', 'rente', 'gæld', 'afkast', 'budget', 'ejer', 'lån', 'værdi', 'pris', 'told', 'løn', 'bank', 'børs', 'kredit', 'likviditet', 'aktiv', 'passiv', 'indtægt', 'udgift', 'omkostning', 'investering', 'strategi', 'fusion', 'opkøb', 'forsikring', 'pension', 'valuta', 'inflation', 'renters', 'gearing', 'balance'];
const SUFFIX = ['', 'er', 'et', 'en', 'sats', 'politik', 'analyse', 'model', 'styring', 'rate', 'niveau', 'form', 'aftale', 'plan', 'kurs', 'tal'];
const ADJ = ['strategisk', 'organisk', 'finansiel', 'økonomisk', 'samlet', 'løbende', 'fast', 'variabel', 'kortsigtet', 'langsigtet', 'offentlig', 'privat', 'nominel', 'reel', 'netto', 'brutto', 'indre', 'ydre', 'global', 'lokal'];
const WORDS = ['virksomhed', 'aftale', 'marked', 'kapital', 'risiko', 'investor', 'ejer', 'bestyrelse', 'regnskab', 'periode', 'omsætning', 'overskud', 'underskud', 'afkast', 'vækst', 'værdi', 'aktionær', 'selskab', 'kunde', 'leverandør', 'produkt', 'ressource', 'beslutning', 'fordel', 'ulempe', 'ansvar', 'gæld', 'likviditet', 'budget', 'strategi'];
const VERBS = ['øger', 'mindsker', 'påvirker', 'beskriver', 'måler', 'styrer', 'fordeler', 'sikrer', 'skaber', 'udvikler', 'vurderer', 'finansierer'];
const KEYWORDS = ['Business', 'Investing', 'Economics', 'Corporate Finance and Accounting', 'Financial Ratios', 'Personal Finance', 'Taxes', 'Trading', 'Banking', 'Bonds', 'Stocks', 'Insurance', 'Retirement', 'Real Estate', 'Crypto', 'Management', 'Small Business', 'Accounting', 'Government and Policy', 'Risk Management'];
const ASCII = { æ: 'ae', ø: 'oe', å: 'aa' };
const ascii = (s) => s.replace(/[æøå]/g, (c) => ASCII[c]);

export function generateCorpus(dir, count, seed = 42) {
  mkdirSync(dir, { recursive: true });
  const rand = rng(seed + count);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const titles = [];
  const ids = [];
  const seen = new Set();
  const seenTitles = new Set();
  for (let i = 0; titles.length < count; i++) {
    const noun = pick(STEMS) + pick(SUFFIX);
    const words = rand() < 0.6 ? [pick(ADJ), noun] : rand() < 0.5 ? [noun] : [pick(ADJ), noun, pick(SUFFIX) || 'plan'];
    // Titles are unique, as in a real glossary, once the short ones run out: then a qualifier is added.
    if (seenTitles.has(words.join(' '))) words.push(pick(WORDS), String(i));
    seenTitles.add(words.join(' '));
    let title = words.join(' ');
    title = title[0].toUpperCase() + title.slice(1);
    let id = ascii(words.join('')).toLowerCase();
    if (seen.has(id)) id = `${id}${i}`;
    seen.add(id);
    titles.push(title);
    ids.push(id);
  }
  const sentence = () => {
    const n = 8 + Math.floor(rand() * 10);
    const out = [];
    for (let i = 0; i < n; i++) out.push(i % 4 === 1 ? pick(VERBS) : pick(WORDS));
    const s = out.join(' ');
    return s[0].toUpperCase() + s.slice(1) + '.';
  };
  const link = () => {
    const j = Math.floor(rand() * count);
    return rand() < 0.1 ? `[${pick(WORDS)}](/missing${j})` : `[${titles[j].toLowerCase()}](/${ids[j]})`;
  };
  for (let i = 0; i < count; i++) {
    const title = titles[i];
    const keywords = [...new Set([pick(KEYWORDS), pick(KEYWORDS), pick(KEYWORDS)].slice(0, 1 + Math.floor(rand() * 3)))];
    const parts = [`# ${title}`, `## Hvad er ${title.toLowerCase()}?`, ''];
    let size = 0;
    while (size < 3600) {
      const paragraph = [sentence(), sentence(), `Se også ${link()}.`, sentence()].join(' ');
      parts.push(paragraph, '');
      size += paragraph.length;
      if (rand() < 0.25) parts.push(`## ${pick(ADJ)} ${pick(WORDS)}`, '');
      if (rand() < 0.2) parts.push(`- **${pick(WORDS)}**: ${sentence()}`, `- ${sentence()} ${link()}`, '');
    }
    parts.push('## Højdepunkter', '', `- ${sentence()}`, `- ${sentence()}`, '');
    const text = `---\nkeywords: ${keywords.join(',')}\ntitle: ${title}\ndescription: ${title} er et begreb, der ${pick(VERBS)} ${pick(WORDS)} og ${pick(WORDS)} i en ${pick(WORDS)}.\n---\n\n${parts.join('\n')}`;
    writeFileSync(join(dir, `${ids[i]}.md`), text);
  }
  return { ids, titles };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, count] = process.argv.slice(2);
  generateCorpus(dir, Number(count));
}
