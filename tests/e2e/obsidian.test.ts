// End-to-end: folders shaped as teams keep them (found by a pass over real repositories): an
// Obsidian vault (notes named by their files, in sub-folders, linked with [[wikilinks]], front
// matter of aliases only, no heading) and reference-style links ([text][ref], [text][]). Each
// note is an article, each link leads where its writer meant.
import { describe, expect, it } from 'vitest';
import { cleanEnv, fixture, runOn } from '../helpers.js';

const dir = fixture('obsidian');
const env = cleanEnv();
const run = runOn(dir, env);
const T = 60_000;

describe('an Obsidian vault and reference-style links', () => {
  it('every note is an article, titled by its file when it has no title or # heading, and check finds no broken link', () => {
    const list = run('list');
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toBe('arbejdskapital  Arbejdskapital\ndebitorer       Debitorer\nlikviditet      Likviditet\n');
    const check = run('check');
    expect(check.code, check.stdout).toBe(0);
    expect(check.stdout).not.toMatch(/broken-link|orphan/);
    expect(check.stdout).toContain('Begreber/Likviditet.md:1: warning: no title: the file name is shown; add "title:" to the front matter or a "# " heading [missing-title]');
  }, T);

  it('[[Note]], [[Folder/Note#Heading|text]] and [text][ref] lead to their articles, both ways; an embed and code are no links', () => {
    expect(run('links', 'likviditet').stdout).toBe('arbejdskapital  Arbejdskapital\ndebitorer       Debitorer\n');
    expect(run('links', 'debitorer').stdout).toBe('likviditet      Likviditet\narbejdskapital  Arbejdskapital\n');
    expect(run('backlinks', 'likviditet').stdout).toBe('arbejdskapital  Arbejdskapital\ndebitorer       Debitorer\n');
    const shown = run('lookup', 'likvide midler', '--width', '80');
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/^Likviditet\n/);
    expect(shown.stdout).toContain('afhænger af arbejdskapitalen[1]');
    expect(shown.stdout).toContain('se kredittiden[2]');
    expect(shown.stdout).not.toContain('likviditet-graf.png');
    expect(shown.stdout).toContain('[[Ikke et link]]');
    expect(run('lookup', 'debitorer', '--width', '80').stdout).toContain('Se likviditet[1] og\nArbejdskapital[2].');
  }, T);
});
