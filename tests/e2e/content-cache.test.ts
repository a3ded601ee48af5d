// End-to-end: what compiling a --content folder leaves in the cache, and what the user sees
// while it runs.
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusReader, StaleSourceError } from '../../src/store/compiled.js';
import { compileListing, writeCompilation } from '../../src/store/compilation.js';
import { listSources } from '../../src/store/source.js';
import { DiskFiles } from '../../src/store/files.js';
import { cleanEnv, cli, fixture, tempDir } from '../helpers.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());
}

describe('the compiled cache of a --content folder', () => {
  it('keeps no second copy of the articles: a lookup reads the text from the folder', () => {
    const dir = tempDir();
    cpSync(fixture('basic'), dir, { recursive: true });
    const marker = 'Kendingsordet-Zebrafinke findes kun i kildeteksten';
    const file = join(dir, 'jointventure.md');
    writeFileSync(file, readFileSync(file, 'utf8') + `\n${marker}.\n`);
    const env = cleanEnv();
    const r = cli(['--content', dir, 'lookup', 'jointventure', '--width', '200'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(marker);
    const cache = env['XDG_CACHE_HOME'] as string;
    const holding = filesUnder(cache).filter((f) => !/code-cache|[/\\]render[/\\]/.test(f) && readFileSync(f).includes(marker));
    expect(holding).toEqual([]);
  });

  it('prints no progress line when stderr is not a terminal', () => {
    const r = cli(['--content', fixture('basic'), 'list']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/\r|\u001b/);
  });
});

describe('CorpusReader.record', () => {
  it('refuses a source that changed since the compile, rather than mixing old facts with new text', () => {
    const dir = tempDir();
    cpSync(fixture('basic'), dir, { recursive: true });
    const out = tempDir();
    writeCompilation(new DiskFiles(out), compileListing(listSources([dir])));
    const reader = new CorpusReader(new DiskFiles(out));
    const [[n]] = reader.names('da', '=jointventure') as [[number, number]];
    expect(reader.record('da', n).source).toContain('# Joint venture');
    writeFileSync(join(dir, 'jointventure.md'), '---\ntitle: Noget andet\n---\n\n# Noget andet\n');
    expect(() => reader.record('da', n)).toThrow(StaleSourceError);
  });

  it('keeps the source in a corpus compiled to travel (the bundled one)', () => {
    const dir = tempDir();
    cpSync(fixture('basic'), dir, { recursive: true });
    const out = tempDir();
    writeCompilation(new DiskFiles(out), compileListing(listSources([dir])), true);
    const reader = new CorpusReader(new DiskFiles(out));
    const [[n]] = reader.names('da', '=jointventure') as [[number, number]];
    writeFileSync(join(dir, 'jointventure.md'), 'væk');
    expect(reader.record('da', n).source).toContain('# Joint venture');
  });
});
