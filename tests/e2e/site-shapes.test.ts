// End-to-end: shapes of real sites' glossaries (found by a pass over real repositories): Jekyll's
// `x.html` links with kramdown attributes, Kubernetes' glossary_tooltip without a text, named HTML
// entities, a README and a section's index page beside the terms.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, cli, tempDir } from '../helpers.js';

describe('site shapes', () => {
  const dir = tempDir('glossary-shapes-');
  writeFileSync(join(dir, 'likviditet.md'), '---\ntitle: Likviditet\ndescription: Evnen til at betale.\n---\n\nEvnen til at betale&nbsp;regninger &mdash; også når det &hellip; `&nbsp;` &amp; mere.\n\nSe [solvens](solvens.html){:.glossary} og {{< glossary_tooltip term_id="solvens" >}} her.\n');
  writeFileSync(join(dir, 'solvens.md'), '---\ntitle: Solvens\ndescription: Evnen til at bære tab.\n---\n\nModsat [likviditet](likviditet.html).\n');
  writeFileSync(join(dir, 'README.md'), '# Ordbogen\n\nSådan skriver du en artikel.\n');
  mkdirSync(join(dir, 'risiko'));
  writeFileSync(join(dir, 'risiko', 'index.md'), '# Risiko\n\nArtikler om risiko.\n');
  writeFileSync(join(dir, 'risiko', 'kreditrisiko.md'), '# Kreditrisiko\n\nRisikoen for tab, se [solvens](../solvens.html).\n');
  writeFileSync(join(dir, 'mdx-term.mdx'), '---\ntitle: MDX\n---\n\nimport X from "y";\n');
  mkdirSync(join(dir, 'bundle'));
  writeFileSync(join(dir, 'bundle', 'index.md'), '# Bundle\n\nEn side med billeder ved siden af.\n');
  const env = cleanEnv();
  const run = (...args: string[]) => cli(['--content', dir, ...args], env);

  it('x.html links are links to x, kramdown attributes and entities are no text, a tooltip without text shows its term', () => {
    const r = run('lookup', 'likviditet', '--width', '100');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Evnen til at betale\u00a0regninger — også når det … &nbsp; & mere.');
    expect(r.stdout).toContain('Se solvens[1] og solvens[1] her.');
    expect(r.stdout).not.toContain('{:');
    expect(run('links', 'solvens').stdout).toBe('likviditet  Likviditet\n');
    expect(run('backlinks', 'solvens').stdout).toBe('kreditrisiko  Kreditrisiko\nlikviditet    Likviditet\n');
  });

  it('a README is a page, said so; an index.md is a term named by its folder, beside other articles too (a term with sub-terms)', () => {
    expect(run('list').stdout).toBe('bundle        Bundle\nkreditrisiko  Kreditrisiko\nlikviditet    Likviditet\nrisiko        Risiko\nsolvens       Solvens\n');
    const check = run('check');
    expect(check.stdout).toContain('README.md: not a term: a README (about the folder, not a term)');
    expect(check.stdout).not.toContain('broken-link');
    // Markdown under another name is said so, not passed over.
    expect(check.stdout).toContain('mdx-term.mdx: skipped: only .md files are read, not .mdx: rename it to .md to include it');
  });
});
