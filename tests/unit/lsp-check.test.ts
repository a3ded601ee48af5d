// The language server's check of one edited file (src/edge/lsp.ts Glossary.problems) gives exactly
// what `glossary check` gives for that file: compared, file by file, with a whole check of the
// same texts, before and after edits of the body, the links and the names.
import { readFileSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Glossary } from '../../src/edge/lsp.js';
import { compileListing } from '../../src/store/compilation.js';
import { listSources } from '../../src/store/source.js';
import { parseArticle } from '../../src/corpus/parse.js';
import { fixture, tempDir } from '../helpers.js';

/** What `check` finds for `path` when the files read as `texts` say (the rest as on disk). */
function checkOf(dirs: string[], texts: Map<string, string>, path: string) {
  const listing = listSources(dirs);
  const parsed = new Map(listing.entries.map((e) => {
    const text = texts.get(e.path);
    return [e.path, parseArticle({ id: e.id, lang: e.lang, file: e.path, bytes: text === undefined ? readFileSync(e.path) : Buffer.from(text), dir: e.dir, keywordFields: e.keywordFields })];
  }));
  return compileListing(listing, { compile: false, parsed }).problems.filter((p) => p.file === path);
}

const EDITS: Array<[string, (text: string) => string]> = [
  ['unchanged', (t) => t],
  ['a word of the body', (t) => t.replace(/\n([^\n-][^\n]*)$/, '\nOrd. $1')],
  ['a broken link and a link to itself', (t) => `${t}\n\nSe [x](/findesikke) og [y](/findesikke2).\n`],
  ['a link removed', (t) => t.replace(/\]\([^)]*\)/, ']')],
  ['a new title', (t) => t.replace(/^title: .*$/m, 'title: Jointventure')],
  ['front matter broken', (t) => t.replace(/^---\n/, '---\ntitle: [\n')],
];

describe('Glossary.problems: one file re-checked as check would', () => {
  for (const name of ['check-broken', 'basic', 'bilingual', 'dupes', 'lsp/glossary']) {
    it(`${name}: every file, every edit`, () => {
      const dirs = [fixture(name)];
      const listing = listSources(dirs);
      for (const e of listing.entries) {
        const g = new Glossary(dirs, listSources(dirs));
        const original = readFileSync(e.path, 'utf8');
        for (const [what, edit] of EDITS) {
          const text = edit(original);
          g.update(e.path, text);
          expect(g.problems(e.path), `${e.path}: ${what}`).toEqual(checkOf(dirs, new Map([[e.path, text]]), e.path));
        }
        // Another file's links changed: this one's orphan status is checked again.
        const other = listing.entries.find((o) => o.path !== e.path && o.lang === e.lang);
        if (other) {
          const cut = readFileSync(other.path, 'utf8').replace(/\]\([^)]*\)/g, ']');
          g.update(e.path, original);
          g.problems(e.path);
          g.update(other.path, cut);
          g.problems(other.path);
          expect(g.problems(e.path), `${e.path} after ${other.path} lost its links`).toEqual(checkOf(dirs, new Map([[other.path, cut]]), e.path));
        }
      }
    });
  }
});

describe('Glossary.problems: what an article defines is no diagnostic', () => {
  it('an article that defines a name beyond its title has no "defines" problem, opened or edited', () => {
    const dirs = [fixture('search-round3/da')];
    const g = new Glossary(dirs, listSources(dirs));
    const path = listSources(dirs).entries.find((e) => e.id === 'aagr')?.path as string;
    // `check --rule defines` lists it: the article does define a name beyond its title.
    const listing = listSources(dirs);
    expect(compileListing(listing, { compile: false, defines: true }).problems.some((p) => p.file === path && p.code === 'defines')).toBe(true);
    expect(g.problems(path).map((p) => p.code)).not.toContain('defines');
    g.update(path, `${readFileSync(path, 'utf8')}\nEt ord mere.\n`);
    expect(g.problems(path).map((p) => p.code)).not.toContain('defines');
  });
});

describe('Glossary: a listing again keeps a parse only of the same file', () => {
  // A link re-pointed to another copy of the same size written in the same clock tick kept the
  // parse of the first (its size and ctime were the same): hover and diagnostics of the old text.
  it('a link re-pointed to a file of the same size and ctime is parsed again', (ctx) => {
    const dir = tempDir('glossary-lsp-relink-');
    const text = (what: string) => `---\ntitle: Rente\ndescription: Rente er prisen for et lån af ${what}.\n---\nRenten betales af den, der låner ${what}.\n`;
    let same = false;
    for (let i = 0; i < 200 && !same; i++) {
      writeFileSync(join(dir, '_a.txt'), text('penge'));
      writeFileSync(join(dir, '_b.txt'), text('varer'));
      same = statSync(join(dir, '_a.txt')).ctimeMs === statSync(join(dir, '_b.txt')).ctimeMs;
    }
    if (!same) return ctx.skip();
    symlinkSync(join(dir, '_a.txt'), join(dir, 'rente.md'));
    const first = new Glossary([dir], listSources([dir]));
    const description = (g: Glossary) => { const r = g.parsed.get(join(dir, 'rente.md')); return r?.kind === 'article' ? r.article.description : undefined; };
    expect(description(first)).toBe('Rente er prisen for et lån af penge.');
    symlinkSync(join(dir, '_b.txt'), join(dir, 'rente.md.new'));
    renameSync(join(dir, 'rente.md.new'), join(dir, 'rente.md'));
    expect(description(new Glossary([dir], listSources([dir]), first))).toBe('Rente er prisen for et lån af varer.');
  });
});
