// `glossary check [dir...]`: lint a corpus, one line a problem, a summary, an exit code.
import { relative } from 'node:path';
import { jsonText, type Context } from '../context.js';
import { ContentError, ExitCode, GlossaryError } from '../errors.js';
import { compileListing } from '../store/compilation.js';
import { listSources } from '../store/source.js';

export interface CheckOptions {
  json?: boolean;
  strict?: boolean;
}

export class CheckFailed extends GlossaryError {
  constructor(message: string) {
    super(message, ExitCode.checkFailed);
  }
}

export interface CheckResult {
  text: string;
  failed: boolean;
  summary: string;
}

export function runCheck(ctx: Context, dirs: string[], options: CheckOptions, cwd: string): CheckResult {
  const targets = dirs.length ? dirs : ctx.contentDirs.length ? ctx.contentDirs : [ctx.bundledContent];
  const progress = ctx.progress(`checking ${targets.join(', ')}`);
  let c;
  try {
    c = compileListing(listSources(targets), { compile: false, onProgress: progress.update });
  } finally {
    progress.end();
  }
  const show = (file: string) => {
    const rel = relative(cwd, file);
    return rel.startsWith('..') ? file : rel;
  };
  const errors = c.problems.filter((p) => p.severity === 'error').length;
  const warnings = c.problems.length - errors;
  const articles = c.articles;
  // A wrong path must not pass a CI gate: no articles at all is an error, as it is for --content.
  if (articles === 0) throw new ContentError(`no articles in ${targets.join(', ')}: ${c.skipped.length} of ${c.files} files skipped`);
  const failed = errors > 0 || (Boolean(options.strict) && warnings > 0);
  const summary = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${articles} articles (${c.skipped.length} of ${c.files} files skipped)`;
  if (options.json) {
    const report = {
      articles, files: c.files, errors, warnings, failed,
      problems: c.problems.map((p) => ({ file: show(p.file), line: p.line ?? null, lang: p.lang, severity: p.severity, code: p.code, message: p.message })),
      skipped: c.skipped.map((s) => ({ file: show(s.file), reason: s.reason })),
    };
    return { text: jsonText(report), failed, summary };
  }
  const theme = ctx.theme;
  const lines = c.problems.map((p) => {
    const where = `${show(p.file)}${p.line ? `:${p.line}` : ''}`;
    const label = p.severity === 'error' ? theme.error('error') : theme.warning('warning');
    return `${where}: ${label}: ${p.message} ${theme.dim(`[${p.code}]`)}`;
  });
  const rejected = new Set(c.problems.filter((p) => p.severity === 'error').map((p) => p.file));
  for (const s of c.skipped) if (!rejected.has(s.file)) lines.push(`${show(s.file)}: ${theme.dim('skipped')}: ${s.reason}`);
  lines.push(summary);
  return { text: lines.join('\n') + '\n', failed, summary };
}
