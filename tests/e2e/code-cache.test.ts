// bin/glossary.js loads the bundle through a V8 code cache, made at the exit of the first run. The
// cache holds the functions that run compiled, so the commands people run most keep one each: a
// cache made by a lookup made every later search compile search's functions again.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cleanEnv, root } from '../helpers.js';

const caches = (home: string) => readdirSync(join(home, 'glossary')).filter((n) => n.startsWith('code-cache-')).sort();

describe('code caches', () => {
  it('a lookup and a search each keep their own; other commands share one', () => {
    const env = cleanEnv();
    const home = env['XDG_CACHE_HOME'] as string;
    expect(cli(['lookup', 'fusion'], env).code).toBe(0);
    expect(caches(home).map((n) => n.replace(/^code-cache-.*-/, ''))).toEqual(['lookup.bin']);
    const search = cli(['search', 'fusion'], env);
    expect(search.code, search.stderr).toBe(0);
    expect(cli(['--version'], env).code).toBe(0);
    expect(caches(home).map((n) => n.replace(/^code-cache-.*-/, ''))).toEqual(['lookup.bin', 'other.bin', 'search.bin']);
    // Made once: a later search reads it, and neither rewrites nor rejects it.
    const file = join(home, 'glossary', caches(home).find((n) => n.endsWith('-search.bin')) as string);
    const made = statSync(file).mtimeMs;
    const again = cli(['search', 'fusion'], env);
    expect(again.stdout).toBe(search.stdout);
    expect(statSync(file).mtimeMs).toBe(made);
  });

  it('a search of a folder keeps its own, made under its own V8 flags and read by the next such search', () => {
    // Such a search runs without V8's optimising compiler, and a run that compiles the folder turns
    // it back on: a cache made under other flags than the next run's is rejected and made again
    // on every run, which this catches.
    const env = cleanEnv();
    const home = env['XDG_CACHE_HOME'] as string;
    const content = ['--content', join(root, 'tests', 'fixtures', 'basic')];
    const first = cli([...content, 'search', 'fusion'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(caches(home).filter((n) => n.endsWith('.bin'))).toEqual([]);
    const second = cli([...content, 'search', 'fusion'], env);
    expect(second.stdout).toBe(first.stdout);
    expect(caches(home).map((n) => n.replace(/^code-cache-.*-(?=search-content)/, ''))).toEqual(['search-content.bin']);
    const file = join(home, 'glossary', caches(home)[0] as string);
    const made = statSync(file).mtimeMs;
    for (const env2 of [env, { ...env, GLOSSARY_CONTENT: content[1] }]) {
      const again = cli(env2 === env ? [...content, 'search', 'fusion'] : ['search', 'fusion'], env2);
      expect(again.stdout).toBe(first.stdout);
    }
    expect(statSync(file).mtimeMs).toBe(made);
    // Help and shell completion of a search run none of its functions: they neither make nor share its cache.
    for (const line of [[...content, 'search', '--help'], [...content, 'help', 'search']]) expect(cli(line, env).code, line.join(' ')).toBe(0);
    expect(cli(['__complete', '2', 'glossary', 'search', 'fus'], { ...env, GLOSSARY_CONTENT: content[1] }).code).toBe(0);
    expect(statSync(file).mtimeMs).toBe(made);
    expect(caches(home).map((n) => n.replace(/^code-cache-.*-(?=search-content|other)/, ''))).toEqual(['other.bin', 'search-content.bin']);
    // The bundled corpus's search keeps the one it had.
    expect(cli(['search', 'fusion'], env).code).toBe(0);
    expect(caches(home).map((n) => n.replace(/^code-cache-.*-(?=search|other)/, ''))).toEqual(['other.bin', 'search-content.bin', 'search.bin']);
  });

  it("another build's caches and a half-written one are removed when a cache is made", () => {
    const env = cleanEnv();
    const home = env['XDG_CACHE_HOME'] as string;
    expect(cli(['lookup', 'fusion'], env).code).toBe(0);
    const own = caches(home)[0] as string;
    writeFileSync(join(home, 'glossary', 'code-cache-v0.0.0-x64-1-1-lookup.bin'), 'old');
    writeFileSync(join(home, 'glossary', `${own}.12345`), 'half');
    expect(cli(['search', 'fusion'], env).code).toBe(0);
    expect(caches(home)).toEqual([own, own.replace(/-lookup\.bin$/, '-search.bin')]);
  });
});
