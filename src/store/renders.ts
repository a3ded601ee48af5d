// Renderings kept between runs: one file per article, width and colour, inside the generation of
// the compiled corpus they were made from (a new compile is a new folder, so a rendering is never
// served for another article or another version of its source). Each starts with its check sum:
// a damaged one is a miss, rendered again.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checksum, writeCacheFile } from './files.js';

import type { RenderCache } from '../corpus/reader.js';

export const noRenders: RenderCache = { get: () => undefined, put: () => {} };

export class DiskRenders implements RenderCache {
  constructor(readonly dir: string) {}

  private file(lang: string, n: number, width: number, color: boolean): string {
    return join(this.dir, `${lang}-${n}-${width}-${color ? 'c' : 'p'}.txt`);
  }

  get(lang: string, n: number, width: number, color: boolean): string | undefined {
    let data: Buffer;
    try {
      data = readFileSync(this.file(lang, n, width, color));
    } catch {
      return undefined;
    }
    const newline = data.indexOf(10);
    if (newline < 0) return undefined;
    const body = data.subarray(newline + 1);
    return data.toString('latin1', 0, newline) === checksum(body).toString(16) ? body.toString('utf8') : undefined;
  }

  /** Kept for the next run; a read-only corpus (an installed package) just does without. */
  put(lang: string, n: number, width: number, color: boolean, text: string): void {
    const file = this.file(lang, n, width, color);
    const body = Buffer.from(text, 'utf8');
    try {
      mkdirSync(this.dir, { recursive: true });
      writeCacheFile(file, Buffer.concat([Buffer.from(`${checksum(body).toString(16)}\n`, 'latin1'), body]));
    } catch {
      /* rendering again next time is the only cost */
    }
  }
}
