// npm run facts (scripts/facts.mjs), issue 24: every legal or tax fact in a bundled article (a
// percentage, an amount in kr., a section of a law, a deadline) has `sources:` in the article's
// front matter, and worked examples are listed apart. The fixture holds one article of each kind,
// so the rule is seen to fail when an article breaks it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, root } from '../helpers.js';

function facts(...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'facts.mjs'), ...args], { encoding: 'utf8', timeout: 60000 });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

/** The lines of one part of the listing ("Facts" or "Worked examples"). */
function part(stdout: string, heading: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => l.startsWith(heading));
  const rest = lines.slice(start + 1);
  return rest.slice(0, rest.findIndex((l) => l.trim() === '')).map((l) => l.trim());
}

describe('npm run facts over the bundled glossary', () => {
  const run = facts();

  it('finds no article with facts and no sources, and exits 0', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('0 articles with facts and no sources.');
  });

  it('prints each fact line with its article id, line number and sources', () => {
    const lines = part(run.stdout, 'Facts');
    expect(lines.length).toBeGreaterThan(50);
    for (const line of lines) expect(line).toMatch(/^[a-z0-9-]+:\d+ {2}.+ {2}<- (?!\(NO SOURCES\)).+$/);
    // The corporate tax rate stands beside the section of the law that sets it.
    expect(lines.find((l) => l.startsWith('corporatetax:') && l.includes('22 procent'))).toContain('Selskabsskatteloven § 17');
  });
});

describe('npm run facts over a corpus that breaks the rule', () => {
  const run = facts(fixture('facts'));

  it('names every article with a fact and no sources, on stdout and in a one-line stderr, and exits 1', () => {
    expect(run.code).toBe(1);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
      '4 articles with facts and no sources: deadline, law-in-example, mixed, unsourced',
    );
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('4 articles state facts without sources');
  });

  it('tells facts from worked examples, rules of thumb and the tables after them', () => {
    const factLines = part(run.stdout, 'Facts');
    const exampleLines = part(run.stdout, 'Worked examples');
    expect(factLines).toContain('sourced:10  22 procent  <- Selskabsskatteloven § 17');
    expect(factLines).toContain('unsourced:8  25 procent  <- (NO SOURCES)');
    // A deadline is a fact; a section of a law is a fact even inside an example.
    expect(factLines).toContain('deadline:8  1. februar  <- (NO SOURCES)');
    expect(factLines).toContain('law-in-example:10  § 188  <- (NO SOURCES)');
    // In one paragraph, the rule is a fact and the example after "For eksempel" is not.
    expect(factLines).toContain('mixed:8  8 procent  <- (NO SOURCES)');
    expect(exampleLines).toContain('mixed:8  50.000 kr. | 4.000 kr.');
    expect(exampleLines).toEqual(expect.arrayContaining([
      'examples:8  60 mio. kr. | 30 mio. kr.',
      'examples:10  100.000 kr. | 5 procent',
      'examples:14  105.000 kr.',
      'examples:16  100 procent',
      'examples:20  10.000.000 kr. | 11 procent',
    ]));
    expect(factLines.some((l) => l.startsWith('examples:') || l.startsWith('no-numbers:'))).toBe(false);
  });

  it('says what is wrong when the folder cannot be read', () => {
    const missing = facts(join(root, 'tests', 'fixtures', 'no-such-folder'));
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^facts: cannot read the folder .*no-such-folder \(ENOENT\); give a folder of Markdown articles\n$/);
  });
});
