// `glossary check [dir...]`: lint a corpus, one line a problem, a summary, an exit code. The edge
// lists and parses the folders; this turns what it found into the report.
import { jsonText, type Result } from '../context.js';
import type { FileProblem } from '../corpus/check.js';
import type { Skipped } from '../corpus/reader.js';
import { ContentError, ExitCode } from '../errors.js';
import type { Theme } from '../render/theme.js';

export interface CheckOptions {
  json?: boolean;
  strict?: boolean;
}

/** What a check found: the problems (checks included) and the files left out. */
export interface CheckInput {
  targets: string[];
  articles: number;
  files: number;
  problems: FileProblem[];
  skipped: Skipped[];
}

/** `show` turns an absolute path into the one to print (relative to the working folder). */
export function checkReport(found: CheckInput, options: CheckOptions, theme: Theme, show: (file: string) => string): Result {
  const { problems, skipped, articles, files } = found;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  // A wrong path must not pass a CI gate: no articles at all is an error, as it is for --content.
  if (articles === 0) throw new ContentError(`no articles in ${found.targets.join(', ')}: ${skipped.length} of ${files} files skipped`);
  const failed = errors > 0 || (Boolean(options.strict) && warnings > 0);
  const summary = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${articles} articles (${skipped.length} of ${files} files skipped)`;
  const result = (text: string): Result => ({ output: { text }, notes: failed ? [`check failed: ${summary}`] : [], exitCode: failed ? ExitCode.checkFailed : ExitCode.ok });
  if (options.json) {
    return result(jsonText({
      articles, files, errors, warnings, failed,
      problems: problems.map((p) => ({ file: show(p.file), line: p.line ?? null, lang: p.lang, severity: p.severity, code: p.code, message: p.message })),
      skipped: skipped.map((s) => ({ file: show(s.file), reason: s.reason })),
    }));
  }
  const lines = problems.map((p) => {
    const where = `${show(p.file)}${p.line ? `:${p.line}` : ''}`;
    const label = p.severity === 'error' ? theme.error('error') : theme.warning('warning');
    return `${where}: ${label}: ${p.message} ${theme.dim(`[${p.code}]`)}`;
  });
  const rejected = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file));
  for (const s of skipped) if (!rejected.has(s.file)) lines.push(`${show(s.file)}: ${theme.dim('skipped')}: ${s.reason}`);
  lines.push(summary);
  return result(lines.join('\n') + '\n');
}
