// Typed errors of the core; the CLI edge turns each into one line on stderr and its exit code.
import type { SearchDoc } from './corpus/compile.js';

/** Exit codes, documented in the README. */
export const ExitCode = {
  ok: 0,
  internal: 1,
  usage: 2,
  notFound: 3,
  ambiguous: 4,
  content: 5,
  checkFailed: 6,
  /** The text given to scan cannot be read: missing, a folder, binary, not UTF-8. */
  input: 7,
  /** Standard output cannot be written: a full disk, over a quota, a failing device. */
  output: 8,
  /** Ctrl-C in the picker, as shells report SIGINT. */
  cancelled: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A device's failures to store what is written (not a path's fault), in words: exit code `output`. */
export const STORAGE_FAILURES: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device (ENOSPC)',
  EDQUOT: 'over the disk quota (EDQUOT)',
  EFBIG: 'the file is too large (EFBIG)',
  EIO: 'the device failed (EIO)',
};

export class GlossaryError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    /** Extra lines for stderr after the message (hints, candidates). */
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A term, query or keyword that matched nothing. */
export class NotFoundError extends GlossaryError {
  constructor(message: string, details: string[] = []) {
    super(message, ExitCode.notFound, details);
  }
}

/** A lookup with several candidates and no clear winner; on a terminal they are offered to pick. */
export class AmbiguousError extends GlossaryError {
  constructor(
    message: string,
    details: string[] = [],
    readonly candidates: SearchDoc[] = [],
  ) {
    super(message, ExitCode.ambiguous, details);
  }
}

/** Bad arguments the parser could not catch (empty query, bad width). */
export class UsageError extends GlossaryError {
  constructor(message: string) {
    super(message, ExitCode.usage);
  }
}

/** A text given to `scan` that cannot be read as text. */
export class InputError extends GlossaryError {
  constructor(message: string) {
    super(message, ExitCode.input);
  }
}

/** A content folder or compiled corpus that cannot be used. */
export class ContentError extends GlossaryError {
  constructor(
    message: string,
    details: string[] = [],
    /** Notes that come before the error (what the compile left out). */
    readonly notes: string[] = [],
  ) {
    super(message, ExitCode.content, details);
  }
}
