// End-to-end: what real use showed in a terminal (the second round): names shown whole, See also
// that never splits the command to type, languages named, single-key reading, listings that say
// what is not in the corpus.
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, cli, fixture, tempDir } from '../helpers.js';

describe('names and commands stay whole', () => {
  it('search shows the name to type whole when the line can hold it, piped at 80 columns', () => {
    const r = cli(['search', 'konkurrence', '--limit', '3']);
    expect(r.stdout).toMatch(/^konkurrence-og-forbrugerstyrelsen {2}/m);
    for (const line of r.stdout.trimEnd().split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it.each([40, 60, 80])('See also keeps "glossary lookup <name>" on one line at %i columns', (width) => {
    const r = cli(['lookup', 'konkurrence-og-forbrugerstyrelsen', '--width', String(width)]);
    const tail = r.stdout.slice(r.stdout.indexOf('See also'));
    const commands = tail.split('\n').filter((l) => l.includes('glossary lookup'));
    expect(commands.length).toBeGreaterThan(0);
    for (const line of commands) {
      expect(line).toMatch(/glossary lookup [a-z0-9-]+$/);
      expect([...line].length).toBeLessThanOrEqual(width);
    }
    // No line ends in "glossary lookup" with the name on the next.
    expect(tail).not.toMatch(/glossary lookup\n/);
  });
});

describe('languages', () => {
  const env = cleanEnv();
  const content = ['--content', fixture('bilingual')];

  it('list --lang all names each row\'s language', () => {
    expect(cli([...content, '--lang', 'all', 'list'], env).stdout).toBe('da  joint-venture        Joint venture\nen  strategic-alliance   Strategic Alliance\nda  strategisk-alliance  Strategisk alliance\n');
  });

  it('a term missing in the chosen language says where it is, and how to get it', () => {
    const r = cli([...content, '--lang', 'en', 'lookup', 'jointventure'], env);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('glossary: no article "jointventure" in en; it is in da; glossary --lang da lookup joint-venture\n');
    expect(cli([...content, '--lang', 'da', 'lookup', 'joint-venture'], env).stdout.split('\n')[0]).toBe('Joint venture');
  });
});

describe('lookup takes an easy typo', () => {
  it('shows the one article a misspelt name plainly means', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'kubernetes.md'), '---\ntitle: Kubernetes\n---\n\n# Kubernetes\n\nEn platform til containere.\n');
    writeFileSync(join(dir, 'container.md'), '---\ntitle: Container\n---\n\n# Container\n\nSe [Kubernetes](/kubernetes).\n');
    writeFileSync(join(dir, 'api.md'), '---\ntitle: Application Programming Interface (API)\naliases: [api]\n---\n\n# API\n\nSe [Kubernetes](/kubernetes).\n');
    writeFileSync(join(dir, 'apigateway.md'), '---\ntitle: API Gateway\n---\n\n# API Gateway\n\nSe [API](/api).\n');
    writeFileSync(join(dir, 'ajax.md'), '---\ntitle: AJAX\n---\n\n# AJAX\n\nAsynkrone kald fra en browser.\n');
    const env = cleanEnv();
    for (const [typed, title] of [['kubernets', 'Kubernetes'], ['contaner', 'Container'], ['api', 'Application Programming Interface (API)']]) {
      const r = cli(['--content', dir, 'lookup', typed as string], env);
      expect({ typed, code: r.code, first: r.stdout.split('\n')[0] }).toEqual({ typed, code: 0, first: title });
    }
    // One candidate that is not plainly meant is a suggestion (not found), not a choice of one (ambiguous).
    const weak = cli(['--content', dir, 'lookup', 'Glossary AJAX'], env);
    expect(weak.code).toBe(3);
    expect(weak.stderr).toBe('glossary: no article "Glossary AJAX"; did you mean: ajax?\n');
    // A site's path to the term is taken by its last part.
    const path = cli(['--content', dir, 'lookup', 'Glossary/AJAX'], env);
    expect(path.code).toBe(0);
    expect(path.stderr).toBe('glossary: no article is named "Glossary/AJAX"; showing ajax (AJAX)\n');
  });
});

describe('listings over a corpus with files left out', () => {
  it('end with one line that counts them, on every run; nothing with --json; never on lookup', () => {
    const dir = tempDir();
    cpSync(fixture('basic'), dir, { recursive: true });
    writeFileSync(join(dir, 'tom.md'), '');
    writeFileSync(join(dir, 'bare tekst.md'), 'ingen overskrift');
    const env = cleanEnv();
    const first = cli(['--content', dir, 'list'], env);
    expect(first.stderr.split('\n').filter(Boolean).at(-1)).toBe(`glossary: 2 files not in the corpus: see glossary check ${dir}`);
    const again = cli(['--content', dir, 'list'], env);
    expect(again.stderr).toBe(`glossary: 2 files not in the corpus: see glossary check ${dir}\n`);
    expect(cli(['--content', dir, 'keywords'], env).stderr).toBe(again.stderr);
    expect(cli(['--content', dir, 'list', '--json'], env).stderr).toBe('');
    expect(cli(['--content', dir, 'lookup', 'jointventure'], env).stderr).toBe('');
  });

  it('quote a folder with spaces in the command they suggest', () => {
    const dir = join(tempDir(), 'mine ord');
    cpSync(fixture('basic'), dir, { recursive: true });
    writeFileSync(join(dir, 'tom.md'), '');
    const r = cli(['--content', dir, 'keywords']);
    expect(r.stderr.trim().split('\n').at(-1)).toBe(`glossary: 1 file not in the corpus: see glossary check '${dir}'`);
  });
});
