// The benchmark's corpora (scripts/corpus-gen.mjs) in the source's layout, `Texts/<Language>/`:
// the same bytes every time, the same ids in every language, and read by glossary as one language
// per folder (so `npm run bench` measures what a user pointing at the source would meet).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, cli, root, tempDir } from '../helpers.js';

const node = (args: string[]) => spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 60000 });

describe('the benchmark corpus in the Texts/<Language>/ layout', () => {
  const dir = tempDir('glossary-bench-corpus-');
  const again = tempDir('glossary-bench-corpus-');
  it('is generated the same every time, with the same ids in each language', () => {
    expect(node(['scripts/corpus-gen.mjs', dir, '40', '3']).status).toBe(0);
    expect(node(['scripts/corpus-gen.mjs', again, '40', '3']).status).toBe(0);
    const langs = readdirSync(join(dir, 'Texts')).sort();
    expect(langs).toEqual(['Danish', 'English', 'German']);
    const ids = readdirSync(join(dir, 'Texts', 'Danish')).sort();
    expect(ids).toHaveLength(40);
    for (const lang of langs) {
      expect(readdirSync(join(dir, 'Texts', lang)).sort()).toEqual(ids);
      for (const id of ids) expect(readFileSync(join(again, 'Texts', lang, id), 'utf8')).toBe(readFileSync(join(dir, 'Texts', lang, id), 'utf8'));
    }
    // Front matter as the seed writes it, and links by id to other articles of the corpus.
    const text = readFileSync(join(dir, 'Texts', 'Danish', ids[7] as string), 'utf8');
    expect(text).toMatch(/^---\nkeywords: [^\n]+\ntitle: [^\n]+\ndescription: [^\n]+\n/);
    const all = ids.map((f) => readFileSync(join(dir, 'Texts', 'Danish', f), 'utf8')).join('\n');
    const targets = [...all.matchAll(/\]\(\/([^)]+)\)/g)].map((m) => `${m[1]}.md`);
    expect(targets.filter((t) => ids.includes(t)).length).toBeGreaterThan(targets.length / 2);
  }, 120_000);

  it('is read by glossary as one language per folder (English -> en, German -> de, Danish -> da)', () => {
    const id = (readdirSync(join(dir, 'Texts', 'English')).sort()[3] as string).slice(0, -3);
    const env = cleanEnv();
    for (const [lang, folder] of [['en', 'English'], ['de', 'German'], ['da', 'Danish']] as const) {
      const r = cli(['--content', join(dir, 'Texts'), '--lang', lang, 'lookup', '--json', id], env);
      expect(r.code, r.stderr).toBe(0);
      const found = JSON.parse(r.stdout) as { id: string; lang: string; title: string };
      expect(found.id).toBe(id);
      expect(found.lang).toBe(lang);
      const title = /^title: (.*)$/m.exec(readFileSync(join(dir, 'Texts', folder, `${id}.md`), 'utf8'))?.[1];
      expect(found.title).toBe(title);
    }
  }, 180_000);

  it("has a minimal compile (the bench's floor) that names every article of every language", () => {
    const out = tempDir('glossary-bench-minimal-');
    expect(node(['scripts/bench-minimal.mjs', join(dir, 'Texts'), out]).status).toBe(0);
    const names = JSON.parse(readFileSync(join(out, 'names.json'), 'utf8')) as Record<string, Record<string, number[]>>;
    expect(Object.keys(names).sort()).toEqual(['Danish', 'English', 'German']);
    const id = (readdirSync(join(dir, 'Texts', 'German')).sort()[5] as string).slice(0, -3);
    for (const lang of ['Danish', 'English', 'German']) expect(names[lang]?.[id]).toHaveLength(1);
    expect(readdirSync(out).filter((f) => f.startsWith('postings-'))).toHaveLength(1);
  }, 120_000);
});
