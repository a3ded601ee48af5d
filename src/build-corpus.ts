// Build step: content/ -> dist/corpus/. Refuses a corpus with errors, naming every one.
import { compileListing, writeCompilation } from './store/cache.js';
import { listSources } from './store/source.js';

export function buildBundledCorpus(contentDir: string, outDir: string, allowErrors: boolean): number {
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
  writeCompilation(outDir, compilation);
  const count = compilation.languages.reduce((s, l) => s + l.records.length, 0);
  process.stderr.write(`build: bundled ${count} articles (${compilation.skipped.length} of ${compilation.files} files skipped, ${errors.length} errors, ${warnings} warnings)\n`);
  return 0;
}
