// Standard output and error without a stream when they are files or pipes. Creating
// `process.stdout` or `process.stderr` loads Node's stream modules (~4 ms of a ~35 ms lookup
// here), which a run that writes its answer once does not need: it writes to the descriptor
// directly, as `cat` does. A terminal gets the real
// stream (the pager, the picker and the reader need its size and events).
import { fstatSync, writeSync } from 'node:fs';

export interface Output {
  write(text: string): boolean;
  readonly isTTY?: boolean;
  readonly columns?: number;
  readonly rows?: number;
  once?(event: 'drain', listener: () => void): unknown;
}

/** Waits `ms` without a timer: the descriptor is not ours to make blocking. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Writes all of `data` to `fd`. A descriptor that another process made non-blocking answers
 * EAGAIN when the reader is behind: then it waits and writes the rest. Other errors are thrown.
 */
export function writeAll(fd: number, data: Buffer): void {
  let offset = 0;
  let waits = 0;
  while (offset < data.length) {
    try {
      offset += writeSync(fd, data, offset, data.length - offset);
      waits = 0;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      pause(Math.min(50, ++waits));
    }
  }
}

/** /dev/null's device number (1, 3) as Linux gives it. */
const DEV_NULL = 0x103;

/**
 * A pipe, a socket, a file or /dev/null: anything but a terminal (a character device) is written
 * to directly. Told without node:tty, whose load costs as much as the stream it would spare.
 */
function plainDescriptor(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    return !stat.isCharacterDevice() || (process.platform === 'linux' && stat.rdev === DEV_NULL);
  } catch {
    return false;
  }
}

/**
 * A standard stream as an Output: fd 1 or 2 written directly when it is a file, a pipe or
 * /dev/null, the stream (`stream()`, made only then) for a terminal. `onError` is told of a failed
 * write (EPIPE when the reader went away), as the stream's 'error' event would tell it.
 */
export function descriptorOutput(fd: 1 | 2, stream: () => NodeJS.WriteStream, onError: (error: NodeJS.ErrnoException) => void): Output {
  if (!plainDescriptor(fd)) {
    const made = stream();
    made.on('error', onError);
    return made;
  }
  return {
    isTTY: false,
    write(text: string): boolean {
      try {
        writeAll(fd, Buffer.from(text, 'utf8'));
      } catch (error) {
        onError(error as NodeJS.ErrnoException);
      }
      return true;
    },
  };
}
