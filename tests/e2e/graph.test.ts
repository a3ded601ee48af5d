// End-to-end: links, backlinks, related, check, languages and the --content cache.
import { cpSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, cli, fixture, tempDir } from '../helpers.js';

describe('link graph on the bundled corpus', () => {
  it('lists what the seed links to', () => {
    const r = cli(['links', 'strategisk-alliance']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^joint-venture +Joint venture\norganisk-vaekst +Organisk vækst\n$/);
  });

  it('lists the seed among the backlinks of jointventure', () => {
    const r = cli(['backlinks', 'jointventure']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^strategisk-alliance +Strategisk alliance$/m);
  });

  it('ranks related articles by links and shared keywords, with --json', () => {
    const related = JSON.parse(cli(['related', 'strategisk-alliance', '--json']).stdout);
    expect(related.slice(0, 2).map((r: { id: string }) => r.id).sort()).toEqual(['jointventure', 'organicgrowth']);
    expect(related[0].score).toBeGreaterThan(related[related.length - 1].score);
  });

  it('marks a link to a missing article', () => {
    const r = cli(['--content', fixture('basic'), 'links', 'jointventure']);
    expect(r.stdout).toMatch(/^privateequity +kapitalfonde +\(not in the corpus\)$/m);
  });
});

describe('check', () => {
  it('passes the bundled corpus with no errors or warnings, even with --strict', () => {
    const r = cli(['check', '--strict']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^0 errors, 0 warnings in \d+ articles \(0 of \d+ files skipped\)\n$/);
  });

  it('passes a clean corpus', () => {
    expect(cli(['check', fixture('check-clean')]).code).toBe(0);
  });

  it('reports each problem with file:line, a summary, and exits 6 on errors', () => {
    const r = cli(['check', fixture('check-broken')]);
    expect(r.code).toBe(6);
    expect(r.stdout).toMatch(/check-broken\/stock\.md:9: warning: link to "bond", which is not in the corpus \[broken-link\]/);
    expect(r.stdout).toMatch(/check-broken\/badyaml\.md:1: error: front matter is not valid YAML/);
    expect(r.stdout).toMatch(/check-broken\/notes\.md: skipped: no front matter and no heading/);
    // One summary, the last line of the report; nothing repeated on stderr.
    expect(r.stdout.trimEnd().split('\n').pop()).toMatch(/^check failed: \d+ errors, \d+ warnings in 5 articles \(2 of 7 files skipped\)$/);
    expect(r.stderr).toBe('');
  });

  it('exits 0 with warnings only, and 6 with --strict', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), '---\ntitle: A\n---\n# A\n\nSe [b](/b) og [c](/missing).\n');
    writeFileSync(join(dir, 'b.md'), '---\ntitle: B\n---\n# B\n\nSe [a](/a).\n');
    const lax = cli(['check', dir]);
    expect(lax.code).toBe(0);
    expect(lax.stdout).toContain('a.md:6: warning: link to "missing"');
    expect(cli(['check', '--strict', dir]).code).toBe(6);
  });

  it('--rule defines lists what each article says it defines beyond its names; without it, nothing is said', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bundlinie.md'), '---\ntitle: bundlinie\ndescription: Resultatet nederst.\n---\n## Hvad er bundlinjen?\n\nBundlinjen er en virksomheds nettoindkomst.\n');
    writeFileSync(join(dir, 'aktie.md'), '---\ntitle: Aktie\ndescription: En andel.\n---\n# Aktie\n\nEn aktie er en andel af et selskab. Se [bundlinie](/bundlinie).\n');
    const listed = cli(['check', dir, '--rule', 'defines']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toBe('bundlinie.md:5: note: defines "bundlinjen": search finds it by that too, after its title and aliases [defines]\n0 errors, 0 warnings, 1 note in 2 articles (0 of 2 files skipped)\n'.replace('bundlinie.md', join(dir, 'bundlinie.md')));
    const json = JSON.parse(cli(['check', dir, '--rule', 'defines', '--json']).stdout);
    expect(json.problems.map((p: { code: string; message: string }) => [p.code, p.message.split(':')[0]])).toEqual([['defines', 'defines "bundlinjen"']]);
    expect(cli(['check', dir]).stdout).not.toContain('defines');
    expect(cli(['check', dir, '--verbose']).stdout).not.toContain('defines');
  });

  it('prints the whole report with --json', () => {
    const report = JSON.parse(cli(['check', fixture('check-broken'), '--json']).stdout);
    expect(report.failed).toBe(true);
    expect(report.problems.find((p: { code: string }) => p.code === 'broken-link')).toMatchObject({ line: 9, severity: 'warning' });
  });
});

describe('languages', () => {
  const env = () => cleanEnv({ GLOSSARY_CONTENT: fixture('bilingual') });
  it('shows Also in, and switches language with --lang', () => {
    const da = cli(['lookup', 'strategicalliance'], env());
    expect(da.stdout.split('\n')[0]).toBe('Strategisk alliance');
    expect(da.stdout).toContain('Also in: en');
    const en = cli(['lookup', 'strategicalliance', '--lang', 'en'], env());
    expect(en.stdout.split('\n')[0]).toBe('Strategic Alliance');
    expect(en.stdout).toContain('Also in: da');
    expect(cli(['lookup', 'strategicalliance'], cleanEnv({ GLOSSARY_CONTENT: fixture('bilingual'), GLOSSARY_LANG: 'en' })).stdout.split('\n')[0]).toBe('Strategic Alliance');
  });

  it('keeps search and list in one language unless --lang all', () => {
    expect(cli(['list'], env()).stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(cli(['list', '--lang', 'all'], env()).stdout.trimEnd().split('\n')).toHaveLength(3);
  });

  it('names the languages there are when asked for one that is not', () => {
    const r = cli(['lookup', 'x', '--lang', 'fr'], env());
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('glossary: no language "fr" in this corpus: it has da, en\n');
  });
});

describe('the --content cache', () => {
  it('compiles on first use, serves later runs from the cache, and picks up a changed file', () => {
    const content = tempDir();
    cpSync(fixture('check-clean'), content, { recursive: true });
    const env = cleanEnv();
    const cacheFile = () => join(env['XDG_CACHE_HOME'] as string, 'glossary');
    expect(cli(['--content', content, 'lookup', 'aktie'], env).stdout.split('\n')[0]).toBe('Aktie');
  
    const [key] = readdirSync(cacheFile()).filter((n) => /^[0-9a-f]{16}$/.test(n));
    // The generation in use: a run served from the cache neither compiles nor switches it.
    const generation = () => readFileSync(join(cacheFile(), key as string, 'current'), 'utf8');
    const first = generation();
    const corpusJson = join(cacheFile(), key as string, first, 'corpus.json');
    const mtime = statSync(corpusJson).mtimeMs;
    expect(cli(['--content', content, 'lookup', 'aktie'], env).code).toBe(0);
    expect(generation()).toBe(first);
    expect(statSync(corpusJson).mtimeMs).toBe(mtime);
    const file = join(content, 'stock.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('En aktie giver', 'En aktie er en ejerandel, der giver'));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(cli(['--content', content, 'lookup', 'aktie'], env).stdout).toContain('En aktie er en ejerandel');
    writeFileSync(join(content, 'bond.md'), '---\ntitle: Obligation\n---\n# Obligation\n');
    expect(cli(['--content', content, 'lookup', 'obligation'], env).stdout.split('\n')[0]).toBe('Obligation');
  });
});
