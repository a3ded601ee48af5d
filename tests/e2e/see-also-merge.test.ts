// End-to-end: an article's own "See also" section and ours are one (issue 25, finding 6): its links
// to articles are ours, numbered as in the text; its other items (pages of the site outside the
// glossary, other sites, a note) are kept, listed under ours.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, cli, fixture, tempDir } from '../helpers.js';

const env = cleanEnv();
const mdn = join(fixture('mdn-site'), 'files', 'en-us', 'glossary');
const lookup = (dir: string, term: string, width = 200) => cli(['--content', dir, 'lookup', term, '--no-pager', '--width', String(width)], env);
/** The lines from our See also heading to the blank line that ends it. */
const seeAlso = (stdout: string) => {
  const lines = stdout.split('\n');
  const start = lines.indexOf('See also');
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end === -1 ? undefined : end);
};

describe('one See also', () => {
  it('an MDN page: its See also with outside links joins ours; its article link keeps our number', () => {
    const r = lookup(mdn, 'cdn');
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^See also$/gm)).toHaveLength(1);
    expect(seeAlso(r.stdout)).toEqual([
      '  [1] HTTP  glossary lookup http',
      '  [2] SSG   glossary lookup ssg',
      '  * Hosting your own files <https://example.com/self-hosting> by a stand-in author',
      '  * HTTP caching',
      '  * HTTP[1], the protocol it speaks',
    ]);
    // Nothing of the source's section is left in the body above.
    expect(r.stdout.split('See also')[0]).not.toMatch(/HTTP caching|Hosting your own files/);
  });

  it('a source section of only outside links still gets our heading, once, and wraps at the width', () => {
    const r = lookup(mdn, 'blink_element', 60);
    expect(r.stdout.match(/^See also$/gm)).toHaveLength(1);
    const lines = seeAlso(r.stdout);
    expect(lines[0]).toBe('  [1] Netscape Navigator  glossary lookup netscape-navigator');
    expect(lines.join('\n')).toContain('* Accessibility guidance on flashing content');
    expect(lines.join(' ')).toMatch(/\* Blink element\s+<https:\/\/en\.wikipedia\.org\/wiki\/Blink_element>\s+on\s+Wikipedia/);
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
  });

  it('a Danish "Se også" with a term and another site becomes our one See also; a section in code stays code', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'da'));
    writeFileSync(join(dir, 'da', 'konsortium.md'), [
      '---', 'title: Konsortium', 'description: Et konsortium er et samarbejde mellem virksomheder om en bestemt opgave.', '---', '',
      'Et konsortium samler flere virksomheder om én opgave, ofte et stort byggeri eller et udbud.', '',
      '```text', '## Se også', 'koden viser en overskrift', '```', '',
      '## Se også', '', '- [Joint venture](/joint-venture)', '- [Erhvervsstyrelsens vejledning](https://erhvervsstyrelsen.dk/vejledning)', '- Kontraktens bilag, hvis I har et', '',
    ].join('\n'));
    writeFileSync(join(dir, 'da', 'joint-venture.md'), '---\ntitle: Joint venture\ndescription: Et joint venture er et fælles selskab, som to virksomheder ejer sammen.\n---\n\nTo virksomheder ejer et selskab sammen, som i et [konsortium](/konsortium).\n');
    const r = lookup(dir, 'konsortium');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/^Se også$/m);
    expect(r.stdout).toContain('## Se også'); // the fenced code, as written
    expect(r.stdout.match(/^See also$/gm)).toHaveLength(1);
    expect(seeAlso(r.stdout)).toEqual([
      '  [1] Joint venture  glossary lookup joint-venture',
      '  * Erhvervsstyrelsens vejledning <https://erhvervsstyrelsen.dk/vejledning>',
      '  * Kontraktens bilag, hvis I har et',
    ]);
  });
});

describe('See also with ten links or more', () => {
  it('right-aligns the numbers, so that titles and commands stay in their columns (found in tmux)', () => {
    const r = cli(['lookup', 'obligation'], cleanEnv());
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^ +\[\d+\] /.test(l));
    expect(rows.length).toBeGreaterThanOrEqual(10);
    const titleAt = new Set(rows.map((l) => l.indexOf('] ') + 2));
    const commandAt = new Set(rows.map((l) => l.indexOf('glossary lookup')));
    expect([...titleAt]).toHaveLength(1);
    expect([...commandAt]).toHaveLength(1);
  });
});
