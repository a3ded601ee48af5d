// `glossary check [dir...]`: lint a corpus, one line a problem, a summary, an exit code. The edge
// lists and parses the folders; this turns what it found into the report.
import { jsonText, type Result } from '../context.js';
import { ASKED_FOR, OUTSIDE_WHERE, type FileProblem } from '../corpus/check.js';
import type { Skipped } from '../corpus/reader.js';
import { ExitCode, UsageError } from '../errors.js';
import type { Theme } from '../render/theme.js';
import { escapeLine } from '../render/sanitize.js';
import { plural } from '../text.js';

export interface CheckOptions {
  json?: boolean;
  strict?: boolean;
  /** Only these checks: their codes, comma-separated (`broken-link,orphan`). */
  rule?: string;
  /** All checks but these. */
  skipRule?: string;
  /** List every problem, also of a rule that fires on most articles. */
  verbose?: boolean;
}

/** A rule (not an error) that fires on at least this many articles, and on most of them, is one line with its count. */
const GROUP_AT = 10;
/** Links to pages of the site outside the glossary: a note each, one line in the report. */
const OUTSIDE = 'outside-link';

/** What a check found: the problems (checks included) and the files left out. */
export interface CheckInput {
  targets: string[];
  articles: number;
  files: number;
  problems: FileProblem[];
  skipped: Skipped[];
}

/** The codes of every check, for --rule and --skip-rule (and the help). */
export const CHECK_RULES = [
  'alias-collision', 'ambiguous-link', 'binary', 'broken-link', 'control-characters', 'defines', 'description-from-body', 'duplicate-id', 'duplicate-slug',
  'empty-title', 'encoding', 'field-type', 'front-matter-entities', 'front-matter-language', 'front-matter-lenient',
  'front-matter-markup', 'front-matter-shape', 'front-matter-toml', 'front-matter-too-large', 'front-matter-unclosed', 'front-matter-yaml',
  'keyword-spelling', 'missing-title', 'orphan', 'outside-link', 'self-link', 'too-large', 'too-many-items', 'unreadable', 'untranslated',
];


/** The checks a flag names (`--rule broken-link,orphan`); a usage error for one that is none. */
function rules(list: string | undefined, flag: string): string[] {
  const codes = (list ?? '').split(',').map((r) => r.trim()).filter(Boolean);
  for (const code of codes) if (!CHECK_RULES.includes(code)) throw new UsageError(`${flag}: no check "${code}": the checks are ${CHECK_RULES.join(', ')}`);
  return codes;
}

/** Whether --rule asks for `defines`, the listing a check makes only when asked (ASKED_FOR). */
export function asksForDefines(options: CheckOptions): boolean {
  return rules(options.rule, '--rule').includes('defines') && !rules(options.skipRule, '--skip-rule').includes('defines');
}

function ruleFilter(options: CheckOptions): (code: string) => boolean {
  const only = rules(options.rule, '--rule');
  const skip = rules(options.skipRule, '--skip-rule');
  return (code) => (only.length === 0 || only.includes(code)) && !skip.includes(code);
}

/** `show` turns an absolute path into the one to print (relative to the working folder). */
export function checkReport(found: CheckInput, options: CheckOptions, theme: Theme, show: (file: string) => string): Result {
  const { skipped, articles, files } = found;
  const wanted = ruleFilter(options);
  const problems = found.problems.filter((p) => wanted(p.code));
  const errors = problems.filter((p) => p.severity === 'error').length;
  // Links to the rest of the site are counted apart from the notes (their own line, `outside` in --json).
  const outside = problems.filter((p) => p.code === OUTSIDE).length;
  const notes = problems.filter((p) => p.severity === 'note').length - outside;
  const warnings = problems.length - errors - notes - outside;
  const pages = skipped.filter((s) => s.page);
  const left = skipped.filter((s) => !s.page);
  // A wrong path must not pass a CI gate: no articles at all is an error (exit 5), as it is for
  // --content; the report still says why each file was left out (`list` sends the user here).
  const empty = articles === 0;
  const failed = empty || errors > 0 || (Boolean(options.strict) && warnings > 0);
  const pagesText = pages.length ? `, ${plural(pages.length, 'section, template or draft page')} not counted as terms` : '';
  const summary = empty
    ? `no articles in ${found.targets.join(', ')}: ${skipped.length} of ${files} files skipped`
    : `${plural(errors, 'error')}, ${plural(warnings, 'warning')}${notes ? `, ${plural(notes, 'note')}` : ''} in ${plural(articles, 'article')} (${left.length} of ${files} files skipped${pagesText})`;
  // One summary: the report's last line on stdout; with --json (stdout is the document) the note on stderr.
  const result = (text: string, json = false): Result => ({ output: { text }, notes: failed && json ? [`check failed: ${summary}`] : [], exitCode: empty ? ExitCode.content : failed ? ExitCode.checkFailed : ExitCode.ok });
  if (options.json) {
    return result(jsonText({
      articles, files, errors, warnings, notes, outside, failed,
      problems: problems.map((p) => ({ file: show(p.file), line: p.line ?? null, lang: p.lang, severity: p.severity, code: p.code, message: p.message })),
      skipped: left.map((s) => ({ file: show(s.file), reason: s.reason })),
      pages: pages.map((s) => ({ file: show(s.file), reason: s.reason })),
    }), true);
  }
  // One escaping rule for every name printed, as on stderr: a control character in a file name or
  // a message (a newline in `x\nglossary: FORGED.md`) is shown escaped and cannot forge a line.
  const name = (file: string) => escapeLine(show(file));
  const label = { error: theme.error('error'), warning: theme.warning('warning'), note: theme.dim('note') };
  // A rule that fires on most articles would bury the others: one line with its count, unless --verbose.
  const byCode = new Map<string, FileProblem[]>();
  for (const p of problems) if (p.severity !== 'error') (byCode.get(p.code) ?? (byCode.set(p.code, []).get(p.code) as FileProblem[])).push(p);
  // Links to the rest of the site are counted apart, always in one line: they are not the corpus's to fix.
  const grouped = new Set([...byCode].filter(([code, ps]) => !options.verbose && !ASKED_FOR.has(code) && (code === OUTSIDE || new Set(ps.map((p) => p.file)).size >= Math.max(GROUP_AT, articles / 2))).map(([code]) => code));
  const lines: string[] = [];
  for (const p of problems) {
    if (grouped.has(p.code)) continue;
    const where = `${name(p.file)}${p.line ? `:${p.line}` : ''}`;
    lines.push(`${where}: ${label[p.severity]}: ${escapeLine(p.message)} ${theme.dim(`[${p.code}]`)}`);
  }
  for (const code of grouped) {
    const ps = byCode.get(code) as FileProblem[];
    const first = ps[0] as FileProblem;
    const files = new Set(ps.map((p) => p.file)).size;
    if (code === OUTSIDE) {
      // In a folder of an Obsidian vault they are the vault's other notes (links.ts, LinkResolver.vault).
      const where = OUTSIDE_WHERE[first.message.includes(OUTSIDE_WHERE.vault.one) ? 'vault' : 'site'].many;
      lines.push(`${label.note}: ${plural(ps.length, 'link')} in ${files} of ${articles} articles lead to ${where}: not checked ${theme.dim(`[${code}]`)} (each listed with --verbose)`);
      continue;
    }
    lines.push(`${label[first.severity]}: ${files} of ${articles} articles: ${escapeLine(first.message)} ${theme.dim(`[${code}]`)} (each listed with --verbose)`);
  }
  const rejected = new Set(found.problems.filter((p) => p.severity === 'error').map((p) => p.file));
  for (const s of left) if (!rejected.has(s.file)) lines.push(`${name(s.file)}: ${theme.dim('skipped')}: ${escapeLine(s.reason)}`);
  for (const s of pages) lines.push(`${name(s.file)}: ${theme.dim('not a term')}: ${escapeLine(s.reason)}`);
  lines.push(failed ? `check failed: ${summary}` : summary);
  return result(lines.join('\n') + '\n');
}
