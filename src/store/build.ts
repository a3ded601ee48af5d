// Build step: content/ -> dist/corpus/. Refuses a corpus with errors, naming every one; returns the
// lines to print and the exit code (scripts/build.mjs prints them).
import { dirname, join, relative } from 'node:path';
import { compileListing, writeCompilation } from './compilation.js';
import { listSources } from './source.js';
import { DiskFiles } from './files.js';
import { DiskRenders } from './renders.js';
import { needsHighlighter, NOT_FORMATTED, renderArticle } from '../render/article.js';
import { loadHighlighter } from '../edge/highlight.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseWordList, wordListText } from '../corpus/lexicon.js';
import { withRecords } from '../corpus/compile.js';
import { LEXICON_FILE, lexiconOf, WORDS_FILE } from './lexicon.js';

/** Widths pre-rendered: a pipe's (80) and a wide terminal's (the cap, 100). */
const PRERENDERED = [80, 100];

export async function buildBundledCorpus(contentDir: string, outDir: string, allowErrors: boolean): Promise<{ lines: string[]; code: number }> {
  const lines: string[] = [];
  const compilation = compileListing(listSources([contentDir]));
  const { problems } = compilation;
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.length - errors.length;
  for (const p of problems) lines.push(`${p.file}${p.line ? `:${p.line}` : ''}: ${p.severity}: ${p.message} [${p.code}]`);
  for (const s of compilation.skipped) lines.push(`skipped ${s.file}: ${s.reason}`);
  if (errors.length && !allowErrors) {
    lines.push(`build: ${errors.length} errors in ${contentDir}: fix them (or build with --allow-errors to bundle the rest)`);
    return { lines, code: 1 };
  }
  // Held, as each is also rendered below; paths as in the package (content/x.md), not as on the machine that built it.
  const languages = compilation.languages.map(withRecords);
  for (const language of languages) for (const r of language.records) r.file = relative(dirname(contentDir), r.file);
  writeCompilation(new DiskFiles(outDir), { ...compilation, languages }, true);
  // The bundled glossary as a lexicon for any corpus (corpus/lexicon.ts), read only when a query needs it.
  // With the English-Danish word list beside content/ (lexicon/en-da.tsv), when there is one.
  const list = join(dirname(contentDir), 'lexicon', 'en-da.tsv');
  const words = existsSync(list) ? parseWordList(readFileSync(list, 'utf8')) : undefined;
  if (words?.problems.length) {
    lines.push(...words.problems.map((p) => `${relative(process.cwd(), list)}: ${p}`));
    lines.push(`build: ${words.problems.length} lines of ${relative(process.cwd(), list)} are no entries: fix them`);
    return { lines, code: 1 };
  }
  writeFileSync(join(outDir, LEXICON_FILE), JSON.stringify(lexiconOf(languages)));
  if (words) writeFileSync(join(outDir, WORDS_FILE), wordListText(words.words));
  // Pre-rendered, so that a lookup in the bundled corpus never loads the Markdown renderer.
  const renders = new DiskRenders(join(outDir, 'render'));
  const highlight = languages.some((l) => l.records.some(needsHighlighter)) ? await loadHighlighter() : undefined;
  // An article the renderer fails on (the bundle's table code once could not measure text, and
  // every article with a table was shown as written) fails the build, named.
  const unformatted = new Set<string>();
  for (const language of languages) {
    for (const record of language.records) {
      for (const width of PRERENDERED) {
        for (const color of [false, true]) {
          const text = renderArticle(record, { width, color, highlight });
          if (text.includes(NOT_FORMATTED)) unformatted.add(record.file);
          renders.put(language.lang, record.n, width, color, text);
        }
      }
    }
  }
  if (unformatted.size > 0) {
    lines.push(...[...unformatted].map((f) => `${relative(process.cwd(), f)}: the article could not be formatted (the Markdown renderer failed on it)`));
    lines.push(`build: ${unformatted.size} bundled articles could not be formatted: fix the renderer or the articles`);
    return { lines, code: 1 };
  }
  const count = languages.reduce((s, l) => s + l.count, 0);
  lines.push(`build: bundled ${count} articles (${compilation.skipped.length} of ${compilation.files} files skipped, ${errors.length} errors, ${warnings} warnings)`);
  return { lines, code: 0 };
}
