// bin/glossary.js loads the bundle through a V8 code cache, made at the exit of the first run. The
// cache holds the functions that run compiled, so the commands people run most keep one each: a
// cache made by a lookup made every later search compile search's functions again.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cleanEnv } from '../helpers.js';

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
