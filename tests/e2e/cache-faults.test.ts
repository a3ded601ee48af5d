// Issue 26, finding 3: a cache that cannot be written (a full disk, a quota, a read-only or
// foreign folder) is the "compiled in memory for this run" note, never an internal error, and
// leaves no partial file: neither in the compiled cache nor the bundle's code cache.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, cleanEnv, fixture, tempDir } from '../helpers.js';

/** Every file and folder under `dir`, relative. */
function tree(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const name = rel ? `${rel}/${e.name}` : e.name;
    out.push(name);
    if (e.isDirectory()) out.push(...tree(dir, name));
  }
  return out;
}

/** Nothing half-written: no temporary file, no generation but the current one, no partial code cache. */
function expectNoPartialFiles(cacheHome: string): void {
  const root = join(cacheHome, 'glossary');
  let names: string[];
  try {
    names = tree(root);
  } catch {
    return;
  }
  expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
  expect(names.filter((n) => /code-cache-.*\.bin\.\d+$/.test(n))).toEqual([]);
  for (const folder of names.filter((n) => /^[0-9a-f]{16}$/.test(n))) {
    const current = (() => {
      try {
        return readFileSync(join(root, folder, 'current'), 'utf8').trim();
      } catch {
        return undefined;
      }
    })();
    expect(names.filter((n) => new RegExp(`^${folder}/g-[^/]+$`).test(n) && n !== `${folder}/${current}`)).toEqual([]);
  }
}

function content(): { dir: string; file: string; original: string } {
  const dir = join(tempDir(), 'c');
  cpSync(fixture('basic'), dir, { recursive: true });
  const file = join(dir, 'mergers.md');
  return { dir, file, original: readFileSync(file, 'utf8') };
}

const inMemory = /cannot write the cache in .*\(ENOSPC\): compiled in memory for this run/;

describe('an injected write error (GLOSSARY_TEST_WRITE_ERROR, test-only)', () => {
  it('on the first compile: the note, the answer, nothing left behind', () => {
    const { dir } = content();
    const env = cleanEnv({ GLOSSARY_TEST_WRITE_ERROR: 'ENOSPC' });
    const r = cli(['lookup', 'mergers', '--content', dir], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Fusioner og opkøb');
    expect(r.stderr).toMatch(inMemory);
    expect(r.stderr).not.toContain('internal error');
    expectNoPartialFiles(env['XDG_CACHE_HOME'] as string);
  });

  for (const nth of [1, 2, 3]) {
    it(`in the body-edit patch, at its write ${nth}: the note, the new text, nothing left behind`, () => {
      const { dir, file, original } = content();
      const env = cleanEnv();
      expect(cli(['lookup', 'mergers', '--content', dir], env).code).toBe(0);
      // The same words, laid out otherwise: the patch path.
      writeFileSync(file, original.replace('Når to virksomheder', '\nNår to  virksomheder'));
      const r = cli(['lookup', 'mergers', '--content', dir, '--raw'], { ...env, GLOSSARY_TEST_WRITE_ERROR: `ENOSPC:${nth}` });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('Når to  virksomheder');
      expect(r.stderr).toMatch(inMemory);
      expect(r.stderr).not.toContain('internal error');
      expectNoPartialFiles(env['XDG_CACHE_HOME'] as string);
      // Space again: the next run writes the cache as usual.
      const again = cli(['lookup', 'mergers', '--content', dir, '--raw'], env);
      expect(again.code).toBe(0);
      expect(again.stderr).toBe('');
      expect(again.stdout).toContain('Når to  virksomheder');
    });
  }

  it('the bundled lookup leaves no partial code cache', () => {
    const env = cleanEnv({ GLOSSARY_TEST_WRITE_ERROR: 'ENOSPC' });
    for (let i = 0; i < 2; i++) {
      const r = cli(['lookup', 'fusion'], env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
    }
    expectNoPartialFiles(env['XDG_CACHE_HOME'] as string);
  });
});

// A real full disk: a 200 KB tmpfs as the cache folder, where the test runs as root and can mount.
const mountable = (() => {
  if (process.getuid?.() !== 0) return false;
  const probe = tempDir();
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=200k', 'tmpfs', probe]).status === 0;
  if (ok) spawnSync('umount', [probe]);
  return ok;
})();

describe.skipIf(!mountable)('a full disk (a 200 KB tmpfs, as root)', () => {
  const mounts: string[] = [];
  afterAll(() => {
    for (const m of mounts) spawnSync('umount', [m]);
  });
  const small = (): { env: NodeJS.ProcessEnv; home: string } => {
    const home = tempDir();
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=200k', 'tmpfs', home]).status).toBe(0);
    mounts.push(home);
    return { env: cleanEnv({ XDG_CACHE_HOME: home }), home };
  };
  /** Fills the disk but for `free` bytes. */
  const fill = (home: string, free: number) => {
    const s = statfsSync(home);
    const left = s.bavail * s.bsize - free;
    if (left > 0) writeFileSync(join(home, `filler-${free}`), Buffer.alloc(left));
  };

  it('the bundled lookup: no partial code cache, then or later', () => {
    const { env, home } = small();
    for (let i = 0; i < 3; i++) {
      const r = cli(['lookup', 'fusion'], env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
    }
    expectNoPartialFiles(home);
  });

  it('a compile on a full disk: the note, nothing left behind', () => {
    const { env, home } = small();
    mkdirSync(join(home, 'glossary'));
    fill(home, 8192);
    const { dir } = content();
    const r = cli(['lookup', 'mergers', '--content', dir], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Fusioner og opkøb');
    expect(r.stderr).toMatch(inMemory);
    expectNoPartialFiles(home);
  });

  for (const free of [0, 4096, 8192, 12288]) {
    it(`a body edit with ${free} bytes free: the note or the patch, never an internal error`, () => {
      const { env, home } = small();
      const { dir, file, original } = content();
      expect(cli(['lookup', 'mergers', '--content', dir], env).code).toBe(0);
      fill(home, free);
      writeFileSync(file, original.replace('Når to virksomheder', '\nNår to  virksomheder'));
      const r = cli(['lookup', 'mergers', '--content', dir, '--raw'], env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('Når to  virksomheder');
      expect(r.stderr).not.toContain('internal error');
      if (r.stderr) expect(r.stderr).toMatch(inMemory);
      expectNoPartialFiles(home);
      rmSync(join(home, `filler-${free}`), { force: true });
    });
  }
});
