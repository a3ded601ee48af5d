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

  it.each([
    ['search', 'fusion'],
    ['lookup', 'strategisk-alliance'],
    ['list', '--keyword', 'Business'],
  ])('a %s of a folder keeps its own cache, made under its own V8 flags and read by the next', (command, ...rest) => {
    // Such a run goes without V8's optimising compiler, and a run that compiles the folder turns
    // it back on: a cache made under other flags than the next run's is rejected and made again
    // on every run, which this catches.
    const env = cleanEnv();
    const home = env['XDG_CACHE_HOME'] as string;
    const own = `${command}-content`;
    const shown = (names: string[]) => names.map((n) => n.replace(new RegExp(`^code-cache-.*-(?=${own}|other|${command}\\.bin)`), '')).sort();
    const content = ['--content', join(root, 'tests', 'fixtures', 'basic')];
    const line = [command, ...rest];
    const first = cli([...content, ...line], env);
    expect(first.code, first.stderr).toBe(0);
    expect(caches(home).filter((n) => n.endsWith('.bin'))).toEqual([]);
    const second = cli([...content, ...line], env);
    expect(second.stdout).toBe(first.stdout);
    expect(shown(caches(home))).toEqual([`${own}.bin`]);
    const file = join(home, 'glossary', caches(home)[0] as string);
    const made = statSync(file).mtimeMs;
    for (const env2 of [env, { ...env, GLOSSARY_CONTENT: content[1] }]) {
      const again = cli(env2 === env ? [...content, ...line] : line, env2);
      expect(again.stdout).toBe(first.stdout);
    }
    expect(statSync(file).mtimeMs).toBe(made);
    // Help and shell completion run none of the command's functions: they neither make nor share its cache.
    for (const help of [[...content, command, '--help'], [...content, 'help', command]]) expect(cli(help, env).code, help.join(' ')).toBe(0);
    expect(cli(['__complete', '2', 'glossary', command, 'fus'], { ...env, GLOSSARY_CONTENT: content[1] }).code).toBe(0);
    expect(statSync(file).mtimeMs).toBe(made);
    expect(shown(caches(home))).toEqual([`${own}.bin`, 'other.bin'].sort());
    // The bundled corpus's keeps the one it had.
    expect(cli(line, env).code).toBe(0);
    expect(shown(caches(home))).toEqual([`${own}.bin`, `${command}.bin`, 'other.bin'].sort());
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
