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


// ---------------------------------------------------------------------------------------------
// The source's own layout (issue 19): `Texts/<Language>/<id>.md` in up to 12 languages, the same
// ids in every language, links by id, and the shapes of the real articles in
// ../shared/corpora/investorswiki-da (224 articles): bodies of 1.3-45 KB (median about 6 KB),
// about one heading and one link a 700-900 bytes, a "Hvad er X?" heading, highlight quotes with
// lone `>` lines, the odd `,.` after a link and `##Heading` without a space, links to ids that
// are not in the corpus. Each article's structure is drawn from its own seed, so its translations
// have the same length, headings and links. Same arguments in, same bytes out.

/** In the order a corpus of N languages takes them: Danish first (the tool's language). */
export const LANGUAGES = ['Danish', 'English', 'German', 'French', 'Dutch', 'Spanish', 'Italian', 'Portuguese', 'Swedish', 'Norwegian', 'Polish', 'Finnish'];

const EN = {
  stems: ['share', 'company', 'capital', 'growth', 'fund', 'tax', 'accounts', 'market', 'trade', 'risk', 'interest', 'debt', 'return', 'budget', 'owner', 'loan', 'value', 'price', 'duty', 'wage', 'bank', 'exchange', 'credit', 'liquidity', 'asset', 'liability', 'income', 'expense', 'cost', 'investment', 'strategy', 'merger', 'takeover', 'insurance', 'pension', 'currency', 'inflation', 'yield', 'leverage', 'balance'],
  suffix: ['', 's', 'flow', 'base', 'rate', 'policy', 'analysis', 'model', 'management', 'ratio', 'level', 'form', 'agreement', 'plan', 'spread', 'figure'],
  adj: ['strategic', 'organic', 'financial', 'economic', 'total', 'current', 'fixed', 'variable', 'short-term', 'long-term', 'public', 'private', 'nominal', 'real', 'net', 'gross', 'internal', 'external', 'global', 'local'],
  words: ['business', 'agreement', 'market', 'capital', 'risk', 'investor', 'owner', 'board', 'accounts', 'period', 'revenue', 'profit', 'loss', 'return', 'growth', 'value', 'shareholder', 'company', 'customer', 'supplier', 'product', 'resource', 'decision', 'advantage', 'drawback', 'responsibility', 'debt', 'liquidity', 'budget', 'strategy'],
  verbs: ['increases', 'reduces', 'affects', 'describes', 'measures', 'controls', 'allocates', 'secures', 'creates', 'develops', 'assesses', 'finances'],
};
const DA = { stems: STEMS, suffix: SUFFIX, adj: ADJ, words: WORDS, verbs: VERBS };

// Every other language: the Danish words with the language's letters and endings, so that each
// language has a vocabulary of its own (as translations do) of the same size and shape.
const SHAPES = {
  German: [{ æ: 'ä', ø: 'ö', å: 'a', c: 'z' }, ['ung', 'en', 'heit', 'e']],
  French: [{ æ: 'é', ø: 'eu', å: 'à', k: 'c' }, ['ion', 'eur', 'é', 'e']],
  Dutch: [{ æ: 'ae', ø: 'eu', å: 'aa' }, ['ing', 'en', 'heid', '']],
  Spanish: [{ æ: 'e', ø: 'ó', å: 'a', k: 'c' }, ['o', 'a', 'ión', 'ía']],
  Italian: [{ æ: 'e', ø: 'ò', å: 'a', k: 'c' }, ['o', 'a', 'ione', 'ità']],
  Portuguese: [{ æ: 'ê', ø: 'õ', å: 'ã', k: 'c' }, ['o', 'ão', 'ia', 'ade']],
  Swedish: [{ æ: 'ä', ø: 'ö' }, ['', 'ar', 'en', 'ning']],
  Norwegian: [{}, ['', 'e', 'en', 'ing']],
  Polish: [{ æ: 'ę', ø: 'ó', å: 'ą', v: 'w' }, ['ość', 'a', 'ie', 'ski']],
  Finnish: [{ æ: 'ä', ø: 'ö', å: 'o', b: 'p', d: 't' }, ['inen', 'us', 'o', 'a']],
};

function hashText(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function shaped(word, [map, ends]) {
  if (!word) return word;
  const letters = [...word].map((c) => map[c] ?? c).join('');
  return letters + ends[hashText(word) % ends.length];
}

function lexicon(language) {
  if (language === 'Danish') return DA;
  if (language === 'English') return EN;
  const shape = SHAPES[language];
  const all = (list) => list.map((w) => shaped(w, shape));
  // Suffixes join a stem: only the letters change.
  return { stems: all(DA.stems), suffix: DA.suffix.map((w) => [...w].map((c) => shape[0][c] ?? c).join('')), adj: all(DA.adj), words: all(DA.words), verbs: all(DA.verbs) };
}

// The fixed phrases of an article, per language.
const PHRASES = {
  Danish: { what: (t) => `Hvad er ${t}?`, see: 'Se også', takeaways: 'Højdepunkter', term: 'er et begreb, der', and: 'og', for: 'for', about: 'Forståelse af', example: 'Eksempel på' },
  English: { what: (t) => `What is ${t}?`, see: 'See also', takeaways: 'Key takeaways', term: 'is a term that', and: 'and', for: 'for', about: 'Understanding', example: 'Example of' },
  German: { what: (t) => `Was ist ${t}?`, see: 'Siehe auch', takeaways: 'Das Wichtigste', term: 'ist ein Begriff, der', and: 'und', for: 'für', about: 'Verständnis von', example: 'Beispiel für' },
  French: { what: (t) => `Qu'est-ce que ${t} ?`, see: 'Voir aussi', takeaways: 'Points clés', term: 'est un terme qui', and: 'et', for: 'pour', about: 'Comprendre', example: 'Exemple de' },
  Dutch: { what: (t) => `Wat is ${t}?`, see: 'Zie ook', takeaways: 'Belangrijkste punten', term: 'is een begrip dat', and: 'en', for: 'voor', about: 'Inzicht in', example: 'Voorbeeld van' },
  Spanish: { what: (t) => `¿Qué es ${t}?`, see: 'Véase también', takeaways: 'Puntos clave', term: 'es un término que', and: 'y', for: 'para', about: 'Entender', example: 'Ejemplo de' },
  Italian: { what: (t) => `Che cos'è ${t}?`, see: 'Vedi anche', takeaways: 'Punti chiave', term: 'è un termine che', and: 'e', for: 'per', about: 'Capire', example: 'Esempio di' },
  Portuguese: { what: (t) => `O que é ${t}?`, see: 'Veja também', takeaways: 'Pontos principais', term: 'é um termo que', and: 'e', for: 'para', about: 'Entender', example: 'Exemplo de' },
  Swedish: { what: (t) => `Vad är ${t}?`, see: 'Se även', takeaways: 'Viktiga punkter', term: 'är ett begrepp som', and: 'och', for: 'för', about: 'Förståelse av', example: 'Exempel på' },
  Norwegian: { what: (t) => `Hva er ${t}?`, see: 'Se også', takeaways: 'Hovedpunkter', term: 'er et begrep som', and: 'og', for: 'for', about: 'Forståelse av', example: 'Eksempel på' },
  Polish: { what: (t) => `Co to jest ${t}?`, see: 'Zobacz też', takeaways: 'Najważniejsze', term: 'to pojęcie, które', and: 'i', for: 'dla', about: 'Zrozumienie', example: 'Przykład' },
  Finnish: { what: (t) => `Mikä on ${t}?`, see: 'Katso myös', takeaways: 'Tärkeimmät kohdat', term: 'on käsite, joka', and: 'ja', for: 'varten', about: 'Ymmärrys:', example: 'Esimerkki:' },
};

const capital = (s) => s[0].toUpperCase() + s.slice(1);

/** A title's words as indices into a lexicon: [adj?, stem, suffix, word?]; rendered per language. */
function renderTitle(t, lex, ph) {
  // English writes a compound's parts apart (`debt policy`), the others run them together.
  const part = lex.suffix[t.suffix];
  const noun = lex === EN && part.length > 1 ? `${lex.stems[t.stem]} ${part}` : lex.stems[t.stem] + part;
  const words = t.adj < 0 ? [noun] : [lex.adj[t.adj], noun];
  if (t.word >= 0) words.push(ph.for, lex.words[t.word]);
  return capital(words.join(' '));
}

/**
 * Writes `count` articles in each of the first `languages` of LANGUAGES under `root/Texts/`, the
 * same ids in each. Returns the ids, the Danish titles and the language folders.
 */
export function generateTexts(root, count, languages = 1, seed = 19) {
  const langs = LANGUAGES.slice(0, languages);
  const rand = rng(seed * 7919 + count * 31 + languages);
  const pickIndex = (n) => Math.floor(rand() * n);
  // Ids and titles: unique combinations of words, as a real glossary's titles are.
  const titles = [];
  const ids = [];
  const seenTitle = new Set();
  const seenId = new Set();
  for (let i = 0; titles.length < count; i++) {
    let t;
    for (let tries = 0; tries < 50; tries++) {
      const shape = rand();
      t = { adj: shape < 0.15 ? -1 : pickIndex(ADJ.length), stem: pickIndex(STEMS.length), suffix: pickIndex(SUFFIX.length), word: shape < 0.45 ? -1 : pickIndex(WORDS.length) };
      if (!seenTitle.has(`${t.adj} ${t.stem} ${t.suffix} ${t.word}`)) break;
    }
    const key = `${t.adj} ${t.stem} ${t.suffix} ${t.word}`;
    if (seenTitle.has(key)) continue;
    seenTitle.add(key);
    // Ids as the source writes them: run together, with hyphens, or (rarely) with underscores.
    const english = renderTitle(t, EN, PHRASES.English).toLowerCase().replace(/-/g, ' ').split(' ');
    const style = rand();
    let id = style < 0.6 ? english.join('') : style < 0.95 ? english.join('-') : english.join('_');
    if (seenId.has(id)) id = `${id}-${i}`;
    seenId.add(id);
    ids.push(id);
    titles.push(t);
  }
  const lexicons = Object.fromEntries(langs.map((l) => [l, lexicon(l)]));
  for (const l of langs) mkdirSync(join(root, 'Texts', l), { recursive: true });
  for (let i = 0; i < count; i++) {
    for (const l of langs) writeFileSync(join(root, 'Texts', l, `${ids[i]}.md`), article(i, l, lexicons[l], PHRASES[l], titles, ids, count, seed));
  }
  return { ids, titles: titles.map((t) => renderTitle(t, DA, PHRASES.Danish)), languages: langs };
}

/** Article `i` in one language: drawn from its own seed, so every language gets the same shape. */
function article(i, language, lex, ph, titles, ids, count, seed) {
  const rand = rng(seed * 104729 + i * 2654435761);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const title = renderTitle(titles[i], lex, ph);
  // Body length: log-normal around 6 KB, 1.3 KB to 45 KB, as in the real sample (counted in words
  // so that every language draws the same numbers).
  const gauss = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const targetWords = Math.round(Math.min(45000, Math.max(1300, Math.exp(Math.log(5800) + 0.55 * gauss))) / 8.8);
  const sentence = () => {
    const n = 8 + Math.floor(rand() * 10);
    const out = [];
    for (let k = 0; k < n; k++) out.push(k % 4 === 1 ? pick(lex.verbs) : pick(lex.words));
    return `${capital(out.join(' '))}.`;
  };
  let words = 0;
  const link = () => {
    const j = Math.floor(rand() * count);
    const missing = rand() < 0.1;
    const quirk = rand() < 0.05 ? ',.' : '';
    words += 3;
    return missing ? `[${pick(lex.words)}](/missing-${j})${quirk}` : `[${renderTitle(titles[j], lex, ph).toLowerCase()}](/${ids[j]})${quirk}`;
  };
  const keywords = [...new Set([pick(KEYWORDS), pick(KEYWORDS), pick(KEYWORDS)].slice(0, 1 + Math.floor(rand() * 3)))];
  const aliasDraw = rand();
  const parts = [`# ${title}`, `## ${ph.what(title.toLowerCase())}`, ''];
  while (words < targetWords) {
    const sentences = [sentence(), sentence()];
    if (rand() < 0.4) sentences.splice(1, 0, `${ph.see} ${link()}.`);
    if (rand() < 0.5) sentences.push(sentence());
    const paragraph = sentences.join(' ');
    words += paragraph.split(' ').length;
    parts.push(paragraph, '');
    const r = rand();
    if (r < 0.24) parts.push(rand() < 0.02 ? `##${pick(lex.adj)} ${pick(lex.words)}` : `## ${capital(pick(lex.adj))} ${pick(lex.words)}`, '');
    else if (r < 0.28) parts.push(`## ${ph.example} ${title.toLowerCase()}`, '');
    else if (r < 0.33) {
      parts.push(`> - ${sentence()}`, '', `> - ${sentence()} ${link()}`, '', '>', '');
      words += 30;
    } else if (r < 0.41) {
      parts.push(`- **${pick(lex.words)}**: ${sentence()}`, '', `- ${sentence()} ${link()}`, '');
      words += 30;
    }
  }
  parts.push(`## ${ph.takeaways}`, '', `- ${sentence()}`, `- ${sentence()}`, '');
  const description = `${title} ${ph.term} ${pick(lex.verbs)} ${pick(lex.words)} ${ph.and} ${pick(lex.words)}.${language === 'English' && rand() < 0.1 ? ' A company&#39;s view.' : ''}`;
  // Aliases: a third of the articles name the term in English (the English article its plural),
  // one in twenty an abbreviation of the title (which several articles may share, as in real glossaries).
  const aliases = [];
  if (aliasDraw < 0.33) aliases.push(language === 'English' ? `${title.toLowerCase()}${title.endsWith('s') ? '' : 's'}` : renderTitle(titles[i], EN, PHRASES.English).toLowerCase());
  if (aliasDraw < 0.05) aliases.push(title.split(' ').filter((w) => w.length > 3).map((w) => w[0].toUpperCase()).join(''));
  const aliasLines = aliases.filter((a) => a.length > 1).map((a) => `  - ${a}`);
  return `---\nkeywords: ${keywords.join(',')}\ntitle: ${title}\ndescription: ${description}\n${aliasLines.length ? `aliases:\n${aliasLines.join('\n')}\n` : ''}---\n\n${parts.join('\n')}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // node scripts/corpus-gen.mjs DIR COUNT            flat folder (the older generator)
  // node scripts/corpus-gen.mjs DIR COUNT LANGUAGES  DIR/Texts/<Language>/, the source's layout
  const [dir, count, languages] = process.argv.slice(2);
  if (languages) generateTexts(dir, Number(count), Number(languages));
  else generateCorpus(dir, Number(count));
}
