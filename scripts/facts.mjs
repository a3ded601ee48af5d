// npm run facts: every number with a unit (%, procent, kr., mio., mia., år, dage, måneder, §) in
// the bundled articles, with file:line, next to that article's `sources:`, so a reviewer can check
// the legal and tax facts in one sitting. An article that has such numbers but no sources is
// marked "(no sources)"; worked examples are listed too, since a reader cannot tell them apart.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, process.argv[2] ?? 'content');

// A number (with Danish thousands and decimal separators) followed by a unit, or a § reference.
const NUMBER = String.raw`\d[\d.]*(?:,\d+)?(?:\s*[-–]\s*\d[\d.]*(?:,\d+)?)?`;
const UNIT = String.raw`(?:%|procent(?:point)?|pct\.|kr\.|mio\.|mia\.|år(?:s)?\b|dage\b|måneder\b)`;
const FACT = new RegExp(String.raw`(?:§§?\s*\d+(?:\s?[a-z](?![a-zæøå]))?(?:\s*[-–]\s*\d+(?:\s?[a-z](?![a-zæøå]))?)?|${NUMBER}\s*${UNIT}(?:\s*kr\.)?)`, 'giu');

let total = 0;
let unsourced = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
  const text = readFileSync(join(dir, file), 'utf8');
  const { data, content } = matter(text, { engines: { js: () => ({}), javascript: () => ({}) } });
  const bodyStart = text.split('\n').length - content.split('\n').length;
  const hits = [];
  content.split('\n').forEach((line, i) => {
    const found = [...line.matchAll(FACT)].map((m) => m[0].replace(/\s+/g, ' ').trim());
    if (found.length) hits.push(`  ${file}:${bodyStart + i + 1}: ${found.join(' | ')}`);
  });
  if (!hits.length) continue;
  const sources = Array.isArray(data.sources) ? data.sources.map(String) : [];
  total += hits.length;
  if (!sources.length) unsourced++;
  console.log(`${file}  sources: ${sources.length ? sources.join('; ') : '(no sources)'}`);
  console.log(hits.join('\n'));
}
console.log(`\n${total} lines with numbers; ${unsourced} articles with numbers and no sources (often worked examples: check them).`);
