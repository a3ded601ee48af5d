// npm run facts [dir]: every number with a unit (%, procent, pct., kr., mio., mia., år, dage,
// måneder, §, a date) in the articles (content/ unless a folder is given), one line each with the
// article id, the line number and that article's `sources:`, so a reviewer can check the legal and
// tax facts in one sitting. Worked examples are listed apart: they need no source, and a reviewer
// can see at a glance that each one really is an example.
//
// A number counts as an example when it stands in a section whose heading says "eksempel", or from
// a sentence on that opens an example ("Eksempel:", "Et eksempel", "For eksempel", "Forestil dig",
// "Antag"), names the house example company (Hansen ApS, Hansen A/S, Hansen Holding ApS) or gives a
// rule of thumb ("tommelfingerregel"), to the end of that paragraph; a table takes the kind of the
// paragraph just before it. A § reference is always a fact. So an author marks an illustration in
// plain Danish, and a reviewer sees every example listed apart.
//
// Exit status 1, with the articles named on stderr, when an article states a fact and has no
// sources: the rule issue 24 set for the bundled glossary (tests/e2e/facts.test.ts holds it).
import { readdirSync, readFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = resolve(root, process.argv[2] ?? 'content');

// A number (with Danish thousands and decimal separators) followed by a unit, a § reference, or a
// date (a deadline: "1. februar", "20. marts").
const NUMBER = String.raw`\d[\d.]*(?:,\d+)?(?:\s*[-–]\s*\d[\d.]*(?:,\d+)?)?`;
const UNIT = String.raw`(?:%|procent(?:point)?|pct\.|kr\.|mio\.|mia\.|år(?:s)?\b|dage\b|måneder\b)`;
const MONTH = String.raw`(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)\b`;
const SECTION = String.raw`§§?\s*\d+(?:\s?[a-z](?![a-zæøå]))?(?:\s*[-–]\s*\d+(?:\s?[a-z](?![a-zæøå]))?)?`;
const FACT = new RegExp(String.raw`(?:${SECTION}|\b\d{1,2}\.\s${MONTH}|${NUMBER}\s*${UNIT}(?:\s*kr\.)?)`, 'giu');
const LEGAL_REFERENCE = /^§/;

const EXAMPLE_HEADING = /eksempel/i;
// A sentence that opens an example, names the house example company, or gives a rule of thumb.
const EXAMPLE_OPENING = /^(?:[-*]\s+|\d+\.\s+)?(?:\*\*)?(?:eksempel|et (?:\p{L}+ )?eksempel|et regneeksempel|som eksempel|for eksempel|eksempelvis|forestil dig|antag|lad os sige)\b/iu;
const EXAMPLE_COMPANY = /\bHansen (?:ApS|A\/S|Holding)/;
// A sentence that points back at an example ("i eksemplet") or gives a rule of thumb.
const REFERS_TO_EXAMPLE = /\bi eksemplet\b|tommelfingerregel/i;

/** Where in a line the first sentence that is an example begins, or -1. */
function exampleStart(line) {
  const starts = [0, ...[...line.matchAll(/[.!?:]\s+(?=\S)/g)].map((m) => m.index + m[0].length)];
  for (let k = 0; k < starts.length; k++) {
    const sentence = line.slice(starts[k], starts[k + 1] ?? line.length);
    if (EXAMPLE_OPENING.test(sentence) || EXAMPLE_COMPANY.test(sentence) || REFERS_TO_EXAMPLE.test(sentence)) return starts[k];
  }
  return -1;
}

/**
 * Each line of the body with numbers: its line number, its hits, and whether they are facts or
 * examples. An example runs from the sentence that opens it to the end of its paragraph (and over
 * a table right after it), or over a whole section whose heading says so.
 */
export function findFacts(body) {
  const lines = body.split('\n');
  const found = [];
  let inExampleSection = false;
  let paragraphIsExample = false;
  let previousBlockIsExample = false;
  let inFence = false;
  let blockStart = true;
  let inTable = false;
  lines.forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading && !inFence) {
      // An example section lasts until the next heading.
      inExampleSection = heading[1].length >= 2 && EXAMPLE_HEADING.test(heading[2]);
      blockStart = true;
      previousBlockIsExample = false;
      return;
    }
    if (line.trim() === '') {
      blockStart = true;
      return;
    }
    const isTable = line.trimStart().startsWith('|');
    if (blockStart) {
      paragraphIsExample = isTable && !inTable ? previousBlockIsExample : isTable ? paragraphIsExample : false;
      inTable = isTable;
      blockStart = false;
    }
    const start = exampleStart(line);
    const facts = [];
    const examples = [];
    for (const m of line.matchAll(FACT)) {
      const hit = m[0].replace(/\s+/g, ' ').trim();
      const example = inExampleSection || paragraphIsExample || (start >= 0 && m.index >= start);
      // A section of a law is a fact wherever it stands.
      (example && !LEGAL_REFERENCE.test(hit) ? examples : facts).push(hit);
    }
    if (start >= 0) paragraphIsExample = true;
    previousBlockIsExample = paragraphIsExample;
    if (facts.length) found.push({ line: i + 1, kind: 'fact', hits: facts });
    if (examples.length) found.push({ line: i + 1, kind: 'example', hits: examples });
  });
  return found;
}

function main() {
  let files;
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  } catch (error) {
    process.stderr.write(`facts: cannot read the folder ${dir} (${error.code ?? error.message}); give a folder of Markdown articles\n`);
    process.exitCode = 2;
    return;
  }
  const factLines = [];
  const exampleLines = [];
  const unsourced = [];
  let articlesWithFacts = 0;
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    // No front matter engine may run code from an article.
    const { data, content } = matter(text, { engines: { js: () => ({}), javascript: () => ({}) } });
    const offset = text.split('\n').length - content.split('\n').length;
    const id = file.replace(/\.md$/, '');
    const sources = Array.isArray(data.sources) ? data.sources.map(String).filter((s) => s.trim()) : [];
    const found = findFacts(content);
    const facts = found.filter((f) => f.kind === 'fact');
    for (const f of found) {
      const where = `${id}:${offset + f.line}`;
      if (f.kind === 'fact') factLines.push(`${where}  ${f.hits.join(' | ')}  <- ${sources.length ? sources.join('; ') : '(NO SOURCES)'}`);
      else exampleLines.push(`${where}  ${f.hits.join(' | ')}`);
    }
    if (facts.length) {
      articlesWithFacts++;
      if (!sources.length) unsourced.push(id);
    }
  }
  const out = [
    'Facts (id:line  numbers  <- the article\'s sources):',
    ...factLines.map((l) => `  ${l}`),
    '',
    'Worked examples and rules of thumb (no source needed; check that each is one):',
    ...exampleLines.map((l) => `  ${l}`),
    '',
    `${factLines.length} lines of facts in ${articlesWithFacts} articles; ${exampleLines.length} lines of worked examples.`,
    `${unsourced.length} articles with facts and no sources${unsourced.length ? `: ${unsourced.join(', ')}` : '.'}`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  if (unsourced.length) {
    process.stderr.write(`facts: ${unsourced.length} articles state facts without sources: add \`sources:\` (law and section, or the authority's page) to their front matter\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
