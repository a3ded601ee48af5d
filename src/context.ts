// What every command receives: output streams, the colour and width decided once, and the corpus.
import type { ArticleRecord } from './corpus/compile.js';
import type { CorpusReader } from './store/compiled.js';
import type { Theme } from './render/theme.js';
import { UsageError } from './errors.js';
import type { Progress } from './progress.js';

export interface Output {
  write(text: string): void;
}

export interface Context {
  /** Styled output on stdout (decided once at the edge). */
  color: boolean;
  /** Styles for stdout, decided with `color`. */
  theme: Theme;
  /** stdout is a terminal. */
  tty: boolean;
  /** stdin is a terminal (prompts need both). */
  stdinTty: boolean;
  /** Wrap width for rendered text; `--width` overrides per command. */
  width: number;
  /** The corpus, opened (and compiled, for --content) on first use. */
  corpus(): CorpusReader;
  /** `--lang`, `GLOSSARY_LANG` or the corpus's first language; `all` only where allowed. */
  lang(allowAll?: boolean): string[];
  /**
   * Whether an article's source file is unchanged since it was compiled. For --content corpora a
   * changed file is recompiled here, and the caller resolves again; the bundled corpus is fixed.
   */
  current(record: ArticleRecord): Promise<boolean>;
  /** The folders given with --content or GLOSSARY_CONTENT, if any. */
  contentDirs: string[];
  /** The bundled content folder (the Markdown the bundled corpus was compiled from). */
  bundledContent: string;
  /** Note on stderr, prefixed `glossary:`. */
  note(message: string): void;
  /** A progress line for long work (shown on a terminal only). */
  progress(label: string): Progress;
}

export function parseWidth(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 10 || n > 1000) throw new UsageError(`--width takes a whole number from 10 to 1000, not "${value}"`);
  return n;
}

export function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10000) throw new UsageError(`--limit takes a whole number from 1 to 10000, not "${value}"`);
  return n;
}

/** JSON for stdout: C1 controls and line separators escaped too, which JSON.stringify leaves raw. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
}

