import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileListing } from '../../src/store/compilation.js';
import { withRecords, type CompiledLanguage } from '../../src/corpus/compile.js';
import { listSources } from '../../src/store/source.js';
import { fixture, tempDir } from '../helpers.js';

const problemsOf = (dir: string) => compileListing(listSources([dir])).problems;
const codes = (dir: string) => problemsOf(dir).map((p) => `${p.file.split('/').pop()}:${p.severity}:${p.code}`);

describe('corpus checks', () => {
  it('finds nothing wrong in a clean corpus', () => {
    expect(problemsOf(fixture('check-clean'))).toEqual([]);
  });

  const broken = codes(fixture('check-broken'));
  it.each([
    ['stock.md:warning:broken-link'],
    ['stock.md:warning:self-link'],
    ['stock.md:error:duplicate-slug'],
    ['dividend.md:error:alias-collision'],
    ['dividend.md:warning:front-matter-entities'],
    ['dividend.md:warning:orphan'],
    ['untitled.md:error:empty-title'],
    ['badyaml.md:error:front-matter-yaml'],
    ['markup.md:warning:front-matter-markup'],
  ])('reports %s', (expected) => {
    expect(broken).toContain(expected);
  });

  it('reports a keyword spelled two ways', () => {
    expect(broken.some((c) => c.endsWith(':warning:keyword-spelling'))).toBe(true);
  });

  it('gives broken links their line', () => {
    const link = problemsOf(fixture('check-broken')).find((p) => p.code === 'broken-link');
    expect(link).toMatchObject({ line: 9, message: 'link to "bond", which is not in the corpus' });
  });

  it('reports ids that differ only by case, and a file that is not UTF-8', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'Aktie.md'), '---\ntitle: Aktie A\n---\n# Aktie A\n');
    writeFileSync(join(dir, 'aktie.md'), '---\ntitle: Aktie B\n---\n# Aktie B\n');
    writeFileSync(join(dir, 'latin1.md'), Buffer.from('---\ntitle: K\xf8b\n---\n', 'latin1'));
    const found = codes(dir);
    expect(found).toContain('aktie.md:error:duplicate-id');
    expect(found).toContain('latin1.md:error:encoding');
  });

  it('a file named .md (no name for an id) is skipped and named, not an article with an empty id', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.md'), '---\ntitle: Tom\n---\n# Tom\n');
    writeFileSync(join(dir, 'aktie.md'), '---\ntitle: Aktie\n---\n# Aktie\n');
    const listing = listSources([dir]);
    expect(listing.entries.map((e) => e.id)).toEqual(['aktie']);
    expect(listing.skipped.map((x) => x.reason)).toEqual(['a file named .md has no name to be the id: rename it']);
  });

  it('names the other file of a duplicate id by its folder when the names are the same, and says so when only the letters\' composition differs', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'da'));
    mkdirSync(join(dir, 'Danish'));
    writeFileSync(join(dir, 'da', 'share.md'), '---\ntitle: Aktie\n---\n# Aktie\n');
    writeFileSync(join(dir, 'Danish', 'share.md'), '---\ntitle: Aktie gammel\n---\n# Aktie gammel\n');
    writeFileSync(join(dir, 'da', 'caf\u00e9.md'), '---\ntitle: Cafe A\n---\n# Cafe A\n');
    writeFileSync(join(dir, 'da', 'cafe\u0301.md'), '---\ntitle: Cafe B\n---\n# Cafe B\n');
    const messages = problemsOf(dir).filter((p) => p.code === 'duplicate-id').map((p) => p.message.normalize('NFC'));
    expect(messages).toContainEqual(expect.stringMatching(/^id "share" is also used by (da|Danish)\/share\.md$/));
    expect(messages).toContainEqual(expect.stringMatching(/^id "café" is also used by café\.md \(the same name with its letters composed otherwise\)$/));
  });

  it('counts a file that is not an article as skipped, with its name', () => {
    const c = compileListing(listSources([fixture('check-broken')]));
    expect(c.skipped.map((s) => s.file.split('/').pop())).toEqual(expect.arrayContaining(['notes.md', 'badyaml.md']));
  });

  it('reads a two-language folder, one language per sub-folder', () => {
    const c = compileListing(listSources([fixture('bilingual')]));
    expect(c.languages.map((l) => [l.lang, l.count])).toEqual([['da', 2], ['en', 1]]);
    const da = withRecords(c.languages[0] as CompiledLanguage).records.find((r) => r.id === 'strategicalliance');
    expect(da?.langs).toEqual(['en']);
  });

  it('reads a sub-folder that is not named like a language as part of the language, the id its path', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'emner'));
    writeFileSync(join(dir, 'emner', 'a.md'), '# A\n');
    expect(listSources([dir]).entries.map((e) => [e.id, e.lang, e.dir])).toEqual([['emner/a', 'da', 'emner']]);
  });
});
