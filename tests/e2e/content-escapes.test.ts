// End-to-end: escape sequences from the user's text or a file's link never reach a colour
// terminal (found by a hostile tester's pass in tmux: a colour set by the text stayed on after the
// run, as only the sequences glossary writes itself may), and links calls a link to the article
// itself by its name, not "not in the corpus".
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, cli, tempDir } from '../helpers.js';

const colour = cleanEnv({ FORCE_COLOR: '1' });
const theirs = /\u001b\[(?:31;1;8|8;41)m|\u001b\[2J/;

describe('content escapes on a colour terminal', () => {
  it('scan --annotate shows the text without its own escape sequences, with glossary\'s colours', () => {
    const r = cli(['scan', '--annotate', '-'], colour, 'Aktie og \u001b[31;1;8mskjult\u001b[2J\n');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\u001b\[\d+m/); // glossary's own colours are there
    expect(r.stdout).not.toMatch(theirs);
    expect(r.stdout).toContain(' og skjult');
  });

  it('links shows a target with an encoded escape or line break as one plain line; a link to the article itself is "this article"', () => {
    const dir = join(tempDir('glossary-escapes-'), 'c');
    mkdirSync(dir);
    writeFileSync(join(dir, 'alfa.md'), '---\ntitle: Alfa\ndescription: A.\n---\nSe [alfa](/alfa), [a](/x%1B%5B8;41m), [b](/y%0Az) og [væk](/vaek).\n');
    const r = cli(['--content', dir, 'links', 'alfa'], colour);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(theirs);
    const rows = r.stdout.replace(/\u001b\[\d+m/g, '').trimEnd().split('\n');
    expect(rows).toEqual(['alfa  Alfa  (this article)', 'x     a     (not in the corpus)', 'y z   b     (not in the corpus)', 'vaek  væk   (not in the corpus)']);
    const json = JSON.parse(cli(['--content', dir, 'links', 'alfa', '--json'], cleanEnv()).stdout) as Array<{ target: string; self?: boolean }>;
    expect(json.map((l) => [l.target, l.self ?? false])).toEqual([['alfa', true], ['x\u001b[8;41m', false], ['y\nz', false], ['vaek', false]]);
  });
});
