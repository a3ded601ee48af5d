// Where a compiled corpus's files are: a folder, or memory (a --content folder whose cache
// cannot be written is compiled for the run alone). Readers and writers see only these
// interfaces, so the same code serves both, and tests can damage files as they like.
import { closeSync, constants, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface CorpusFiles {
  /** A human name for messages (the folder). */
  readonly label: string;
  /** The whole file. Throws (ENOENT ...) when it cannot be read. */
  read(name: string): Buffer;
  /** Byte ranges of one file, read through one open file: [position, length] each. */
  readRanges(name: string, ranges: Array<[number, number]>): Buffer[];
}

export interface CorpusSink {
  /** A file written whole; its parts are written one after the other (no copy into one buffer). */
  write(name: string, data: Buffer | string | Buffer[]): void;
}

export class DiskFiles implements CorpusFiles, CorpusSink {
  readonly label: string;
  constructor(readonly dir: string) {
    this.label = dir;
  }

  read(name: string): Buffer {
    return readFileSync(join(this.dir, name));
  }

  readRanges(name: string, ranges: Array<[number, number]>): Buffer[] {
    const fd = openSync(join(this.dir, name), 'r');
    try {
      const size = fstatSync(fd).size;
      return ranges.map(([position, length]) => {
        // A range past the end (a truncated file) comes back short: the caller's check fails.
        const buf = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
        let read = 0;
        while (read < buf.length) {
          const got = readSync(fd, buf, read, buf.length - read, position + read);
          if (got === 0) break;
          read += got;
        }
        return read === buf.length ? buf : buf.subarray(0, read);
      });
    } finally {
      closeSync(fd);
    }
  }

  write(name: string, data: Buffer | string | Buffer[]): void {
    const path = join(this.dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeCacheFile(path, data);
  }
}

/**
 * A folder and the folders above it that are missing, one at a time: mkdirSync's `recursive` in
 * Node 20 loops without end where a parent exists and refuses the child with ENOENT (`/proc/x`,
 * given as an export folder or XDG_CACHE_HOME). Throws the first refusal.
 */
export function makeFolder(path: string): void {
  const missing: string[] = [];
  for (let at = resolve(path); ; at = dirname(at)) {
    try {
      if (statSync(at).isDirectory()) break;
      throw Object.assign(new Error(`${at} is not a folder`), { code: 'ENOTDIR' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(at) === at) throw error;
      missing.push(at);
    }
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Why a cache cannot be written, as opposed to a fault of ours: the run goes on without it. */
export const UNWRITABLE = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM']);

let writes = 0;

/** Parts are written together up to this many bytes. */
const WRITE_CHUNK = 1 << 20;

/**
 * The one way the cache is written: aside under this process's name, then renamed, so a reader
 * sees all of a file or none, and a failed write (a full disk) leaves nothing behind. Test-only:
 * GLOSSARY_TEST_WRITE_ERROR=CODE[:N] makes the N-th write from this process on (default: the
 * first) fail with CODE after writing part of the file, as a full disk does (counted by thread: a
 * language's compile worker counts its own writes).
 */
export function writeCacheFile(path: string, data: Buffer | string | Buffer[]): void {
  // Given in parts (a patched file of many items): written one after the other, never joined.
  const parts = Array.isArray(data) ? data : [typeof data === 'string' ? Buffer.from(data, 'utf8') : data];
  const tmp = `${path}.${process.pid}.tmp`;
  let fd: number | undefined;
  try {
    const injected = process.env['GLOSSARY_TEST_WRITE_ERROR'];
    if (injected) {
      const [code, from] = injected.split(':');
      if (++writes >= Number(from ?? 1)) {
        const whole = Buffer.concat(parts);
        writeFileSync(tmp, whole.subarray(0, whole.length >> 1));
        throw Object.assign(new Error(`${code}: injected write error`), { code });
      }
    }
    fd = openSync(tmp, 'w');
    const out = fd;
    const put = (buf: Buffer) => {
      let done = 0;
      while (done < buf.length) done += writeSync(out, buf, done, buf.length - done);
    };
    // Small parts (a record each) gathered to about a megabyte a write: a write each cost more.
    let group: Buffer[] = [];
    let size = 0;
    for (const part of parts) {
      if (size + part.length > WRITE_CHUNK && group.length > 0) {
        put(group.length === 1 ? (group[0] as Buffer) : Buffer.concat(group, size));
        group = [];
        size = 0;
      }
      group.push(part);
      size += part.length;
    }
    if (group.length > 0) put(group.length === 1 ? (group[0] as Buffer) : Buffer.concat(group, size));
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw error;
  }
}

export class MemoryFiles implements CorpusFiles, CorpusSink {
  readonly files = new Map<string, Buffer>();
  constructor(readonly label: string) {}

  read(name: string): Buffer {
    const data = this.files.get(name);
    if (!data) throw Object.assign(new Error(`no file ${name}`), { code: 'ENOENT' });
    return data;
  }

  readRanges(name: string, ranges: Array<[number, number]>): Buffer[] {
    const data = this.read(name);
    return ranges.map(([position, length]) => data.subarray(position, position + length));
  }

  write(name: string, data: Buffer | string | Buffer[]): void {
    this.files.set(name, typeof data === 'string' ? Buffer.from(data, 'utf8') : Array.isArray(data) ? Buffer.concat(data) : data);
  }
}

/**
 * The check sum of every file and item of a compiled corpus: FNV-1a over 32-bit words (four bytes
 * a step: a search checks everything it reads), then over the bytes left. Not cryptographic: it
 * catches damage, as a CRC would, not an attacker, who could write the source folder anyway.
 */
export function checksum(given: Uint8Array): number {
  // The same sum wherever the bytes sit: a slice not on a four-byte boundary is copied first.
  const data = given.byteOffset % 4 === 0 ? given : new Uint8Array(given);
  let h = 0x811c9dc5;
  const words = data.length >>> 2;
  if (words) {
    const view = new Uint32Array(data.buffer, data.byteOffset, words);
    for (let i = 0; i < words; i++) {
      h ^= view[i] as number;
      h = Math.imul(h, 0x01000193);
      h ^= h >>> 15;
    }
  }
  for (let i = words * 4; i < data.length; i++) {
    h ^= data[i] as number;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The time a file's stamp keeps: its ctime, which every change of the file moves and no program
 * can set. An edit that puts the mtime back (cp -p, rsync -t, touch -d, a second save within a
 * coarse file system's second) still moves it. Not the later of mtime and ctime: a file dated
 * in the future (an archive from a machine whose clock ran ahead, `touch -d`) kept that date as
 * its stamp, and an edit of the same size that left the mtime there was never seen.
 */
export function changeTime(stats: { mtimeMs: number; ctimeMs: number }): number {
  return stats.ctimeMs;
}

/** What tells one state of a file from another: its size, ctime and inode, in that order. */
export type Stamp = [size: number, ctimeMs: number, ino: number];

/** A listed file's stamp (source.ts SourceEntry). */
export function stampOf(e: { size: number; ctimeMs: number; ino: number }): Stamp {
  return [e.size, e.ctimeMs, e.ino];
}

/** Each listed file's stamp by its path: what a compile stamps its records with. */
export function stampsByPath(entries: ReadonlyArray<{ path: string; size: number; ctimeMs: number; ino: number }>): Map<string, Stamp> {
  return new Map(entries.map((e): [string, Stamp] => [e.path, stampOf(e)]));
}

/** A stamp as one string, to compare two (`size:ctime:inode`). */
export function stampKey(stamp: readonly number[]): string {
  return stamp.join(':');
}

/** A regular file's bytes as read, with the size, change time (changeTime) and inode it had when opened. */
export interface RegularFile {
  bytes: Buffer;
  size: number;
  ctimeMs: number;
  ino: number;
}

/**
 * Reads a regular file, opened without blocking and checked after opening: the path may have
 * been replaced by a FIFO or a folder since it was listed, and must not hang the run.
 * `accept` sees the size, change time and inode before anything is read (undefined: read nothing); a file
 * that is not a regular file gives undefined too. Errors of the file system are thrown.
 */
export function readRegularFile(path: string, accept: (size: number, ctimeMs: number, ino: number) => boolean = () => true): RegularFile | undefined {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || !accept(stat.size, changeTime(stat), stat.ino)) return undefined;
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const got = readSync(fd, bytes, read, bytes.length - read, read);
      if (got === 0) break;
      read += got;
    }
    return { bytes: bytes.subarray(0, read), size: stat.size, ctimeMs: changeTime(stat), ino: stat.ino };
  } finally {
    closeSync(fd);
  }
}
