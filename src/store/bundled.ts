// The corpus compiled at build time, shipped in dist/corpus/ beside the bundle.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CorpusReader } from './compiled.js';
import { DiskFiles } from './files.js';
import { DiskRenders } from './renders.js';

export function openBundled(): CorpusReader {
  const dir = fileURLToPath(new URL('./corpus/', import.meta.url));
  return new CorpusReader(new DiskFiles(dir), new DiskRenders(join(dir, 'render')));
}
