// Shared test helpers: compile fixture corpora to a temp dir, spawn the built CLI as a user would.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileListing, writeCompilation } from '../src/store/compilation.js';
import { CorpusReader } from '../src/store/compiled.js';
import { DiskFiles } from '../src/store/files.js';
import { listSources } from '../src/store/source.js';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const fixture = (name: string) => join(root, 'tests', 'fixtures', name);
export const bin = join(root, 'bin', 'glossary.js');

export function tempDir(prefix = 'glossary-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Compiles fixture folders into a fresh temp dir and opens them. */
export function compileFixture(...names: string[]): CorpusReader {
  const dir = tempDir();
  writeCompilation(new DiskFiles(dir), compileListing(listSources(names.map((n) => (n.startsWith('/') ? n : fixture(n))))));
  return new CorpusReader(new DiskFiles(dir));
}

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** A clean environment: no colour hints, no terminal size, a private cache. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'], HOME: process.env['HOME'], XDG_CACHE_HOME: tempDir('glossary-cache-') };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

export function cli(args: string[], env: NodeJS.ProcessEnv = cleanEnv(), input?: string): CliResult {
  const result = spawnSync(process.execPath, [bin, ...args], { env, input, encoding: 'utf8', timeout: 30000, maxBuffer: 64 * 1024 * 1024 });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

export const ESC = /[\u001b\u009b]/;
