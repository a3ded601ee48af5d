// Build step: content/ -> dist/corpus/. Refuses a corpus with errors, naming every one.
import { dirname, relative } from 'node:path';
import { compileListing, writeCompilation } from './store/compilation.js';
import { listSources } from './store/source.js';
import { join } from 'node:path';
import { CorpusReader } from './store/compiled.js';
import { DiskFiles } from './store/files.js';
import { DiskRenders } from './store/renders.js';
import { loadHighlighter, needsHighlighter, renderArticle } from './render/article.js';

export async function buildBundledCorpus(contentDir: string, outDir: string, allowErrors: boolean): Promise<number> {
  const compilation = compileListing(listSources([contentDir]));
  const errors = compilation.problems.filter((p) => p.severity === 'error');
  const warnings = compilation.problems.length - errors.length;
  for (const p of compilation.problems) {
    process.stderr.write(`${p.file}${p.line ? `:${p.line}` : ''}: ${p.severity}: ${p.message} [${p.code}]\n`);
  }
  for (const s of compilation.skipped) process.stderr.write(`skipped ${s.file}: ${s.reason}\n`);
  if (errors.length && !allowErrors) {
    process.stderr.write(`build: ${errors.length} errors in ${contentDir}: fix them (or build with --allow-errors to bundle the rest)\n`);
    return 1;
  }
  // Paths as in the package (content/x.md), not as on the machine that built it.
  for (const language of compilation.languages) for (const r of language.records) r.file = relative(dirname(contentDir), r.file);
  writeCompilation(new DiskFiles(outDir), compilation, true);
  // Pre-rendered at the widths most runs use (a pipe: 80; a wide terminal: the cap, 100), so that a
  // lookup in the bundled corpus never loads the Markdown renderer.
  const renders = new DiskRenders(join(outDir, 'render'));
  if (compilation.languages.some((l) => l.records.some(needsHighlighter))) await loadHighlighter();
  for (const language of compilation.languages) {
    for (const record of language.records) {
      for (const width of [80, 100]) {
        for (const color of [false, true]) renders.put(language.lang, record.n, width, color, renderArticle(record, { width, color }));
      }
    }
  }
  const count = compilation.languages.reduce((s, l) => s + l.records.length, 0);
  process.stderr.write(`build: bundled ${count} articles (${compilation.skipped.length} of ${compilation.files} files skipped, ${errors.length} errors, ${warnings} warnings)\n`);
  return 0;
}
