// Issue 26, finding 9: under churn the cache holds the current generation and what live readers
// lease, not one generation per edit until a timed clean-up.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, cli, fixture, tempDir } from '../helpers.js';

function generations(cacheHome: string): string[] {
  const root = join(cacheHome, 'glossary');
  return readdirSync(root)
    .filter((n) => /^[0-9a-f]{16}$/.test(n))
    .flatMap((d) => readdirSync(join(root, d)).filter((n) => n.startsWith('g-')).map((n) => `${d}/${n}`));
}

describe('generations under churn (issue 26, finding 9)', () => {
  it('30 edits, each followed by commands, leave at most 3 generations', () => {
    const dir = join(tempDir(), 'c');
    cpSync(fixture('basic'), dir, { recursive: true });
    const env = cleanEnv();
    const file = join(dir, 'mergers.md');
    const original = readFileSync(file, 'utf8');
    for (let i = 0; i < 30; i++) {
      // Alternately a body edit with new words (a recompile) and one of layout only (a patch).
      writeFileSync(file, i % 2 ? `${original}\nOrd nummer ${i}.\n` : `${original}${'\n'.repeat(i + 2)}`);
      const r = cli([i % 3 ? 'search' : 'lookup', i % 3 ? 'fusion' : 'mergers', '--content', dir], env);
      expect(r.code, r.stderr).toBe(0);
      expect(generations(env['XDG_CACHE_HOME'] as string).length).toBeLessThanOrEqual(3);
    }
    expect(generations(env['XDG_CACHE_HOME'] as string).length).toBeLessThanOrEqual(2);
    // No lease of an ended process is left behind.
    const root = join(env['XDG_CACHE_HOME'] as string, 'glossary');
    expect(readdirSync(root).flatMap((d) => (/^[0-9a-f]{16}$/.test(d) ? readdirSync(join(root, d)) : [])).filter((n) => n.startsWith('lease.'))).toEqual([]);
  }, 180_000);

  it("a generation a live process leases is kept; a dead process's lease is ignored and removed", () => {
    const dir = join(tempDir(), 'c');
    cpSync(fixture('basic'), dir, { recursive: true });
    const env = cleanEnv();
    const home = env['XDG_CACHE_HOME'] as string;
    const file = join(dir, 'mergers.md');
    expect(cli(['lookup', 'mergers', '--content', dir], env).code).toBe(0);
    const [first] = generations(home);
    const [folder, name] = (first as string).split('/') as [string, string];
    const cache = join(home, 'glossary', folder);
    // This test's own process, alive throughout, reading the first generation.
    writeFileSync(join(cache, `lease.${process.pid}`), JSON.stringify([name]));
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nEt nyt ord: plumbus.\n`);
    expect(cli(['search', 'plumbus', '--content', dir], env).code).toBe(0);
    expect(generations(home)).toContain(first);
    // The same lease held by a process that has ended: the generation goes with the next change.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid as number;
    renameSync(join(cache, `lease.${process.pid}`), join(cache, `lease.${dead}`));
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nOg endnu et: kvasar.\n`);
    expect(cli(['search', 'kvasar', '--content', dir], env).code).toBe(0);
    expect(generations(home)).not.toContain(first);
    expect(generations(home).length).toBeLessThanOrEqual(2);
    expect(readdirSync(cache).filter((n) => n.startsWith('lease.'))).toEqual([]);
  }, 60_000);
});
