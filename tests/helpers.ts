// Shared test helpers: compile fixture corpora to a temp dir, spawn the built CLI as a user would.
import { spawnSync } from 'node:child_process';
import { beforeAll } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileListing, writeCompilation } from '../src/store/compilation.js';
import { CorpusReader } from '../src/store/compiled.js';
import { MemoryFiles } from '../src/store/files.js';
import { listSources } from '../src/store/source.js';
import type { Context } from '../src/context.js';
import type { Corpus } from '../src/corpus/reader.js';
import { plainTheme } from '../src/render/theme.js';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const fixture = (name: string) => join(root, 'tests', 'fixtures', name);
export const bin = join(root, 'bin', 'glossary.js');

export function tempDir(prefix = 'glossary-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Compiles fixture folders (in memory) and opens them. */
/**
 * A content folder made of `files` (path under the folder -> text), in a temporary folder of its
 * own; its path. `article(fields)` writes the usual front matter and a line of text.
 */
export function writeCorpus(files: Record<string, string>): string {
  const dir = join(tempDir('glossary-corpus-'), 'c');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** An article's text: front matter of these fields (values written as given), then a line of text. */
export const article = (fields: Record<string, string>, body = 'T.') => `---\n${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n\n${body}\n`;

export function compileFixture(...names: string[]): CorpusReader {
  const files = new MemoryFiles('fixture');
  writeCompilation(files, compileListing(listSources(names.map((n) => (n.startsWith('/') ? n : fixture(n))))));
  return new CorpusReader(files);
}

/**
 * A fixture corpus compiled once per test file (or per `describe` it is declared in), before the
 * tests that use it, in a `beforeAll` hook: outside every test. Mutation testing (`npm run mutate`)
 * attributes what runs inside a test to that test, and runs each mutant of the code against the
 * tests that reached it. A compile inside the first test would make that test cover every mutant
 * of the compile path, and each such mutant would run every test file that compiles a fixture (most
 * of a whole run's time, for kills the compile's own unit tests are there to make). Compiled in the
 * hook, the compile path is tested by its own unit tests; what runs here only is counted static.
 * Call it where a hook may be registered (a file's top level or a `describe` body), never in a test.
 */
export function lazyFixture(...names: string[]): () => CorpusReader {
  let corpus: CorpusReader | undefined;
  beforeAll(() => {
    corpus = compileFixture(...names);
  }, 120000);
  return () => {
    if (corpus === undefined) throw new Error(`fixture ${names.join(', ')} used before its beforeAll hook ran`);
    return corpus;
  };
}

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** A clean environment: no colour hints, no terminal size, a private cache. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'], HOME: process.env['HOME'], XDG_CACHE_HOME: tempDir('glossary-cache-') };
  // The run's own temporary folder (tests/global-setup.ts), for what the programs a test starts make.
  if (process.env['TMPDIR']) env['TMPDIR'] = process.env['TMPDIR'];
  // GLOSSARY_TEST_PART=N npm test: every compile writes its items in parts of N (store/compiled.ts).
  if (process.env['GLOSSARY_TEST_PART']) env['GLOSSARY_TEST_PART'] = process.env['GLOSSARY_TEST_PART'];
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

/** The folder of the generation the cache of `env` (one --content folder) points to now. */
export function generation(env: NodeJS.ProcessEnv): string {
  const root = join(env['XDG_CACHE_HOME'] as string, 'glossary');
  const dir = join(root, readdirSync(root).find((n) => /^[0-9a-f]{16}$/.test(n)) as string);
  return join(dir, readFileSync(join(dir, 'current'), 'utf8').trim());
}

export function cli(args: string[], env: NodeJS.ProcessEnv = cleanEnv(), input?: string): CliResult {
  const result = spawnSync(process.execPath, [bin, ...args], { env, input, encoding: 'utf8', timeout: 30000, maxBuffer: 64 * 1024 * 1024 });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

/** The CLI over a `--content` folder, every run with the same environment: `run('lookup', 'x')`. */
export function runOn(dir: string, env: NodeJS.ProcessEnv = cleanEnv()): (...args: string[]) => CliResult {
  return (...args: string[]) => cli(['--content', dir, ...args], env);
}


/** One hit of `search --json`: the fields the tests read. */
export interface JsonHit {
  id: string;
  name?: string;
  match: string;
  matchedName?: string;
  lexicon?: { phrase: string; kind: string; id?: string; field?: string };
  synonyms?: Array<{ word: string; synonym: string; field: string }>;
  explain?: Array<{ what: string; add: number }>;
}

/** The hits `search --json` printed. */
export const jsonHits = (stdout: string) => JSON.parse(stdout) as JsonHit[];

export const ESC = /[\u001b\u009b]/;

/** A command's Context over a corpus, as the edge would make it for a pipe (override what a test needs). */
export function testContext(corpus: Corpus, over: Partial<Context> = {}): Context {
  return {
    color: false,
    theme: plainTheme,
    tty: false,
    interactive: false,
    width: 80,
    corpus,
    wantedLang: '',
    localeLangs: [],
    loadHighlighter: async () => (code) => code,
    random: () => 0,
    checkCommand: 'glossary check',
    ...over,
  };
}
