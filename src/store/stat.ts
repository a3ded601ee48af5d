// A file's size, times, inode and type, as fs.statSync gives them, for the stat per file that tells the
// cache whether a folder changed (every run in folders of up to 5,000 files, store/cache.ts).
//
// fs.statSync spends most of its time in JavaScript: it validates the path, then builds a Stats
// object and its Date fields. 2,000 such calls took 13 to 17 ms in a fresh process here, the same
// stats through the binding fs.statSync itself calls 4.4 to 5.3 ms. So a process that stats many
// files asks that binding directly, after checking once that it answers as fs.statSync does (the
// same size, mode, times and inode for the same file); where it is missing, answers otherwise or throws,
// and where Node is asked to warn about deprecated APIs (process.binding is one), fs.statSync is
// used. The binding fills a shared array of numbers: dev, mode, nlink, uid, gid, rdev, blksize,
// ino, size, blocks, then seconds and nanoseconds of atime, mtime, ctime and birthtime.
import { statSync } from 'node:fs';

/** What the cache asks of a file; undefined when it is not there. */
export interface FileStat {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  /** The file's inode: another file at the same path (a link re-pointed) has another. */
  ino: number;
  isFile: boolean;
}

type StatBinding = (path: string, bigint: boolean, request: undefined, throwIfNoEntry: boolean) => ArrayLike<number> | undefined;

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;

/** The binding once checked against fs.statSync (null: not usable here); undefined until first asked. */
let binding: StatBinding | null | undefined;

function fromStats(path: string): FileStat | undefined {
  const s = statSync(path, { throwIfNoEntry: false });
  return s && { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino, isFile: s.isFile() };
}

function fromBinding(stat: StatBinding, path: string): FileStat | undefined {
  const v = stat(path, false, undefined, false);
  if (v === undefined) return undefined;
  // As Node makes them (msFromTimeSpec): the same numbers, to the last bit.
  return { size: v[8] as number, mtimeMs: (v[12] as number) * 1e3 + (v[13] as number) / 1e6, ctimeMs: (v[14] as number) * 1e3 + (v[15] as number) / 1e6, ino: v[7] as number, isFile: ((v[1] as number) & S_IFMT) === S_IFREG };
}

/** Node warns of process.binding only under --pending-deprecation (or NODE_PENDING_DEPRECATION=1). */
function warnsOfDeprecation(): boolean {
  return process.execArgv.some((a) => a.includes('pending-deprecation')) || /pending-deprecation/.test(process.env['NODE_OPTIONS'] ?? '') || process.env['NODE_PENDING_DEPRECATION'] === '1';
}

/** The binding, if it answers for `path` exactly as fs.statSync did (`expected`). */
function checkedBinding(path: string, expected: FileStat): StatBinding | null {
  if (warnsOfDeprecation()) return null;
  try {
    const fs = (process as unknown as { binding(name: string): { stat?: unknown } }).binding('fs');
    if (typeof fs.stat !== 'function') return null;
    const stat = (fs.stat as StatBinding).bind(fs) as StatBinding;
    const got = fromBinding(stat, path);
    if (got === undefined) return null;
    return expected.size === got.size && expected.mtimeMs === got.mtimeMs && expected.ctimeMs === got.ctimeMs && expected.ino === got.ino && expected.isFile === got.isFile ? stat : null;
  } catch {
    return null;
  }
}

/**
 * A file's size, times and whether it is a regular file, following symbolic links as fs.statSync
 * does; undefined when it is not there. Throws as fs.statSync does for any other error.
 */
export function fileStat(path: string): FileStat | undefined {
  if (binding === undefined) {
    // Checked on a file that is there (a first path that is not waits for one that is).
    const first = fromStats(path);
    if (first === undefined) return undefined;
    binding = checkedBinding(path, first);
    return first;
  }
  if (binding === null) return fromStats(path);
  try {
    return fromBinding(binding, path);
  } catch {
    // Its error as fs.statSync words it (a code, the path).
    return fromStats(path);
  }
}

/** Which way files are stat'ed in this process: 'binding', 'fs' (fs.statSync), or 'unknown' before the first. */
export function statRoute(): 'binding' | 'fs' | 'unknown' {
  return binding === undefined ? 'unknown' : binding === null ? 'fs' : 'binding';
}
