// A hostile review of the body patch (issue 19): after an edit, every answer from the kept cache
// must be the answer of a fresh compile of the same files (a new, empty XDG_CACHE_HOME). Each test
// here failed on main when written: it names a way the patched cache answers wrong.
import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, cli, tempDir } from '../helpers.js';

/** The answers of `args` from the kept cache and from a fresh one. */
function both(dir: string, kept: string, args: string[]): { patched: string; fresh: string } {
  const a = cli(['--content', dir, '--no-color', ...args], cleanEnv({ XDG_CACHE_HOME: kept }));
  const b = cli(['--content', dir, '--no-color', ...args], cleanEnv({ XDG_CACHE_HOME: tempDir() }));
  return { patched: `${a.code} ${a.stdout} ${a.stderr}`, fresh: `${b.code} ${b.stdout} ${b.stderr}` };
}

/** A Hugo site: each page places itself by `url` and old path `aliases`; links go by those addresses. */
function site(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'terms'));
  writeFileSync(join(dir, 'terms', 'cdn.md'), '---\ntitle: CDN\nurl: /glossary/cdn/\naliases: [/old/content-delivery/, Content network]\n---\nServers near you, for [static sites](/glossary/ssg/).\n');
  writeFileSync(join(dir, 'terms', 'ssg.md'), '---\ntitle: SSG\nurl: /glossary/ssg/\n---\nPages made ahead of time and served from a [CDN](/old/content-delivery/), see [the blog](/blog/ssg/).\n');
  return dir;
}

describe('review of the body patch: the kept cache answers as a fresh compile', () => {
  it('a Hugo path alias changed in the front matter: links, backlinks and check no longer see the old address', () => {
    const dir = site();
    const kept = tempDir();
    const run = (args: string[]) => cli(['--content', dir, ...args], cleanEnv({ XDG_CACHE_HOME: kept }));
    expect(run(['links', 'terms/ssg']).stdout).toContain('cdn');
    // The page moves: /old/content-delivery/ is no longer one of its addresses. Title, names,
    // description and link targets are as before, so the edit is patched; ssg's link is now broken.
    const file = join(dir, 'terms', 'cdn.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('/old/content-delivery/', '/old/moved-away/'));
    for (const args of [['links', 'terms/ssg'], ['backlinks', 'terms/cdn'], ['related', 'terms/ssg'], ['check']]) {
      const { patched, fresh } = both(dir, kept, args);
      expect(patched, args.join(' ')).toBe(fresh);
    }
  }, 60_000);

  it('a Hugo url changed in the front matter: the link to the old address is broken, as a fresh compile says', () => {
    const dir = site();
    const kept = tempDir();
    const run = (args: string[]) => cli(['--content', dir, ...args], cleanEnv({ XDG_CACHE_HOME: kept }));
    expect(run(['links', 'terms/cdn']).stdout).toContain('ssg');
    const file = join(dir, 'terms', 'ssg.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('url: /glossary/ssg/', 'url: /glossary/static/'));
    for (const args of [['links', 'terms/cdn'], ['backlinks', 'terms/ssg'], ['check']]) {
      const { patched, fresh } = both(dir, kept, args);
      expect(patched, args.join(' ')).toBe(fresh);
    }
  }, 60_000);

  it('a file edited twice within one second, the same size (a filesystem with 1 s times keeps the mtime): search finds the new word', () => {
    // The cache knows an edit by size and mtime alone. On a filesystem whose times have a
    // resolution of a second (HFS+, ext3, FAT, many network mounts), a second edit of the same
    // size within that second leaves both as they were; utimes stands in for such a filesystem.
    const dir = tempDir();
    mkdirSync(join(dir, 'da'));
    const file = join(dir, 'da', 'rente.md');
    writeFileSync(file, '---\ntitle: Rente\ndescription: Prisen for at låne penge.\n---\n# Rente\n\nRenten betales af den, der låner.\n\nMere om modsatte forhold.\n');
    writeFileSync(join(dir, 'da', 'aktie.md'), '---\ntitle: Aktie\ndescription: En andel af et selskab.\n---\n# Aktie\n\nEn aktie giver ejerskab.\n');
    // Times in whole seconds, as such a filesystem keeps them.
    const second = Math.floor(Date.now() / 1000) - 5;
    utimesSync(file, second, second);
    const kept = tempDir();
    const before = statSync(file);
    expect(cli(['--content', dir, 'search', 'modsatte'], cleanEnv({ XDG_CACHE_HOME: kept })).code).toBe(0);
    writeFileSync(file, readFileSync(file, 'utf8').replace('modsatte', 'zebraord'));
    expect(statSync(file).size).toBe(before.size);
    utimesSync(file, second, second);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    const { patched, fresh } = both(dir, kept, ['--refresh', 'search', 'zebraord']);
    expect(fresh).toContain('Rente');
    expect(patched).toBe(fresh);
  }, 60_000);
});
