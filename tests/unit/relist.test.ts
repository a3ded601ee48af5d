// A listing made again from the last state and the stats of the check (src/store/source.ts
// relist) must be the listing the folders give: the same entries, ids, folders of links, keyword
// fields and skipped files, with each file's size and time as it is now.
import { mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeTime } from '../../src/store/files.js';
import { listSources, relist, type FilesNow, type SourceListing } from '../../src/store/source.js';
import { tempDir } from '../helpers.js';

const article = (title: string) => `---\ntitle: ${title}\n---\n\nTekst.\n`;

function write(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

/** The files of a listing as a compile's state keeps them: paths, languages and ids. */
function filesOf(listing: SourceListing): { paths: string[]; langs: string[]; ids: string[] } {
  return { paths: listing.entries.map((e) => e.path), langs: listing.entries.map((e) => e.lang), ids: listing.entries.map((e) => e.id) };
}

function again(dir: string, listing: SourceListing): SourceListing | undefined {
  const paths = listing.entries.map((e) => e.path);
  const now: FilesNow = { sizes: new Float64Array(paths.length), times: new Float64Array(paths.length), inos: new Float64Array(paths.length), regular: new Uint8Array(paths.length), changed: new Uint8Array(paths.length).fill(1) };
  paths.forEach((p, i) => {
    const stats = statSync(p);
    now.sizes[i] = stats.size;
    now.times[i] = changeTime(stats);
    now.inos[i] = stats.ino;
    now.regular[i] = stats.isFile() ? 1 : 0;
  });
  return relist(dir, filesOf(listing), listing.skipped, listing.configs, listing.folders, now);
}

describe('relist', () => {
  it('gives the listing of a folder of sub-folders, page bundles, pages and a config with keyword fields', () => {
    const dir = tempDir();
    write(dir, {
      'glossary.json': JSON.stringify({ keywordFields: ['emne'], skip: ['udkast'] }),
      'aktie.md': article('Aktie'),
      'regnskab/balance.md': article('Balance'),
      'regnskab/noter/note.md': article('Note'),
      'obligation/index.md': article('Obligation'),
      'regnskab/periode/index.md': article('Periode'),
      '_index.md': article('Forside'),
      '_skabelon.md': article('Skabelon'),
      'udkast/kladde.md': article('Kladde'),
    });
    const listing = listSources([dir]);
    expect(listing.entries.map((e) => [e.id, e.dir])).toEqual([
      ['aktie', undefined],
      ['obligation', 'obligation'],
      ['regnskab/balance', 'regnskab'],
      ['regnskab/noter/note', 'regnskab/noter'],
      ['regnskab/periode', 'regnskab/periode'],
    ]);
    expect(listing.entries.every((e) => JSON.stringify(e.keywordFields) === '["emne"]')).toBe(true);
    expect(again(dir, listing)).toStrictEqual(listing);
  });

  it('gives the listing of language folders, and each file as it is now after an edit', () => {
    const dir = tempDir();
    write(dir, { 'da/aktie.md': article('Aktie'), 'en/aktie.md': article('Share'), 'en/bond/index.md': article('Bond') });
    const listing = listSources([dir]);
    writeFileSync(join(dir, 'en', 'aktie.md'), article('Share, a longer title'));
    const now = again(dir, listing);
    const fresh = listSources([dir]);
    expect(now).toStrictEqual(fresh);
    expect(now?.entries.find((e) => e.path.endsWith(join('en', 'aktie.md')))?.size).toBe(Buffer.byteLength(article('Share, a longer title')));
  });

  it('is no listing when a file is no longer a regular file, or for several folders', () => {
    const dir = tempDir();
    write(dir, { 'aktie.md': article('Aktie') });
    const listing = listSources([dir]);
    const now: FilesNow = { sizes: new Float64Array([1]), times: new Float64Array([1]), inos: new Float64Array([1]), regular: new Uint8Array([0]), changed: new Uint8Array([1]) };
    expect(relist(dir, filesOf(listing), listing.skipped, listing.configs, listing.folders, now)).toBeUndefined();
    now.regular[0] = 1;
    expect(relist(dir, filesOf(listing), listing.skipped, [...listing.configs, {}], listing.folders, now)).toBeUndefined();
    expect(relist(dir, filesOf(listing), listing.skipped, listing.configs, listing.folders, now)?.entries[0]?.size).toBe(1);
  });

  it('is no listing when the config changed, or a changed file is reached through a link', () => {
    const dir = tempDir();
    write(dir, { 'glossary.json': JSON.stringify({ keywordFields: ['emne'] }), 'aktie.md': article('Aktie'), '.kladder/b.md': article('Obligation') });
    symlinkSync(join('.kladder', 'b.md'), join(dir, 'b.md'));
    const listing = listSources([dir]);
    expect(listing.entries.map((e) => e.id)).toEqual(['aktie', 'b']);
    expect(again(dir, listing)).toBeUndefined();
    writeFileSync(join(dir, 'glossary.json'), JSON.stringify({ keywordFields: ['omraade'] }));
    const plain = { ...listing, entries: listing.entries.filter((e) => e.id === 'aktie') };
    expect(again(dir, plain)).toBeUndefined();
    writeFileSync(join(dir, 'glossary.json'), JSON.stringify({ keywordFields: ['emne'] }));
    expect(again(dir, plain)?.entries.map((e) => e.id)).toEqual(['aktie']);
  });
});
