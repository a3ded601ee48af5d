// End-to-end (issue 23): a fact is said once, and one escaping rule for every name printed.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, cli, fixture, tempDir } from '../helpers.js';

function folderWithEmptyFiles(): string {
  const dir = tempDir('glossary-said-once-');
  cpSync(fixture('basic'), dir, { recursive: true });
  for (const n of ['tom-a.md', 'tom-b.md', 'tom-c.md']) writeFileSync(join(dir, n), '');
  return dir;
}

describe('a fact is said once', () => {
  it('a compile names the skipped files; after an unrelated edit the next lookup says nothing of them', () => {
    const dir = folderWithEmptyFiles();
    const env = cleanEnv();
    const first = cli(['--content', dir, 'list'], env);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('tom-a.md: empty file');
    expect(first.stderr).toMatch(/3 of \d+ files skipped/);
    const file = join(dir, 'jointventure.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('# Joint venture', '# Joint venture\n\nEn ny sætning.'));
    const next = cli(['--content', dir, 'lookup', 'jointventure', '--width', '200'], env);
    expect(next.code).toBe(0);
    expect(next.stdout).toContain('En ny sætning.');
    expect(next.stderr).toBe('');
  });

  it('a newly skipped file is said, and only it', () => {
    const dir = folderWithEmptyFiles();
    const env = cleanEnv();
    expect(cli(['--content', dir, 'list'], env).code).toBe(0);
    writeFileSync(join(dir, 'tom-d.md'), '');
    const next = cli(['--content', dir, 'lookup', 'jointventure'], env);
    expect(next.stderr).toContain('tom-d.md: empty file');
    expect(next.stderr).not.toContain('tom-a.md');
    expect(next.stderr).toMatch(/4 of \d+ files skipped/);
    expect(cli(['--content', dir, 'lookup', 'jointventure'], env).stderr).toBe('');
    // A listing of the whole corpus ends with its one summary line, never the names again.
    expect(cli(['--content', dir, 'list'], env).stderr).toMatch(/^glossary: 4 files not in the corpus: see glossary check .*\n$/);
  });
});

describe('one escaping rule for names', () => {
  it("check's report on stdout escapes a newline in a file name; --json keeps the raw name", () => {
    const dir = tempDir('glossary-forge-');
    cpSync(fixture('basic'), dir, { recursive: true });
    const forged = 'x\nglossary: FORGED.md';
    writeFileSync(join(dir, forged), '');
    const r = cli(['check', dir], cleanEnv());
    expect(r.stdout).toContain('x\\nglossary: FORGED.md: skipped: empty file');
    expect(r.stdout.split('\n').some((l) => l.startsWith('glossary: FORGED'))).toBe(false);
    const json = JSON.parse(cli(['check', '--json', dir], cleanEnv()).stdout) as { skipped: Array<{ file: string }> };
    expect(json.skipped.map((s) => s.file)).toContain(join(dir, forged));
  });
});
