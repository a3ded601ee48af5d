// Issue 26, finding 8: work per file is bounded. Files under the 4 MB limit, made of the shapes
// that made parsing or rendering quadratic (or overflow the stack), are looked up in bounded time.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, cleanEnv, tempDir } from '../helpers.js';

const MB = 1_000_000;
const fill = (unit: string, bytes: number) => unit.repeat(Math.floor(bytes / unit.length));
const lines = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => line(i)).join('\n');

const SHAPES: Array<[string, string]> = [
  ['aopen', fill('<a ', 2.5 * MB)], // 3.9 MB took 65 s before (issue 26)
  ['bracketparen', fill('](', 1 * MB)], // never ended
  ['quoteline', fill('>', 3.9 * MB)], // stack overflow
  ['quotes', lines(1500, (i) => `${'>'.repeat(i)} x`)], // 40 s, 2 GB
  ['lists', lines(1000, (i) => `${'  '.repeat(i)}- x`)], // 19 s
  ['mixed', lines(1000, (i) => `${'> - '.repeat(i % 400)}x`)],
  ['brackets', fill('[', 1 * MB)],
  ['stars', fill('*', 1 * MB)],
  ['longline', fill('ord ', 1 * MB)],
  ['imagestarts', fill('![', 3.9 * MB)], // 13 s: the image pattern scanned 300 characters from each '!['
  ['lessthan', fill('<', 3.9 * MB)], // 7 s in marked: now shown as written
  ['pipes', fill('|', 3.9 * MB)],
  ['backslashes', `${fill('\\', 1 * MB)}](x)`], // a 200 KB run took 8.6 s: the escape check looked back over it at every start
  ['escapedheading', `# ${fill('[a\\]', 1 * MB)}`], // 80 KB took 1.7 s, 4 MB over 120 s: a heading's link text had no bound
];

describe('pathological files are looked up in bounded time (issue 26, finding 8)', () => {
  for (const [name, body] of SHAPES) {
    it(`${name} (${(body.length / MB).toFixed(1)} MB)`, () => {
      const dir = join(tempDir(), name);
      mkdirSync(dir);
      writeFileSync(join(dir, `${name}.md`), `---\ntitle: ${name}\ndescription: En prøve.\n---\n\n${body}\n`);
      const started = Date.now();
      const r = spawnSync(process.execPath, [bin, 'lookup', name, '--content', dir], { env: cleanEnv(), encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * MB });
      const seconds = (Date.now() - started) / 1000;
      expect(r.stderr).not.toContain('internal error');
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain(name);
      // Generous for a loaded machine: well under a second or two each when idle.
      expect(seconds).toBeLessThan(15);
    }, 90_000);
  }

  it('a body too long to format is shown as written, and says so', () => {
    const dir = join(tempDir(), 'long');
    mkdirSync(dir);
    writeFileSync(join(dir, 'lang.md'), `---\ntitle: Lang\ndescription: En lang prøve.\n---\n\n${fill('Et **ord** og [et link](https://example.com). ', 0.7 * MB)}\n`);
    const r = spawnSync(process.execPath, [bin, 'lookup', 'lang', '--content', dir], { env: cleanEnv(), encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * MB });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\(This article's text is \d+ KB, too long to format; it follows as written\.\)/);
    expect(r.stdout).toContain('Et **ord** og [et link](https://example.com).');
  }, 90_000);
});
