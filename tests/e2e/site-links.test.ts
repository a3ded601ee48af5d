// End-to-end: links of a glossary kept inside a site, resolved by the addresses its pages give
// themselves (issue 23). tests/fixtures/mdn-site is a handful of page bundles in the shape of MDN's
// glossary (`files/en-us/glossary/<term>/index.md`, `slug: Glossary/CDN` in each, Markdown links
// to `/en-US/docs/Glossary/...` and to the rest of the site, `{{Glossary()}}` macros), written
// as stand-ins. The trap is MDN's: more links go to `/en-US/docs/Web/<X>` pages whose last part is
// a term's id (`Web/CSS`, the glossary's `css`) than to the glossary itself.
import { cpSync, mkdirSync, utimesSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, cli, fixture, tempDir } from '../helpers.js';

const site = fixture('mdn-site');
const glossary = join(site, 'files', 'en-us', 'glossary');
const env = cleanEnv();
const run = (dir: string, args: string[]) => cli(['--content', dir, ...args], env);
const names = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((l) => l.split(/ {2,}/)[0]);
interface JsonLink { target: string; text: string; resolved: { id: string } | null }

describe('an MDN glossary: links by the pages\' own slugs', () => {
  it('links cdn lists SSG from a Markdown link to /en-US/docs/Glossary/SSG, and each article once', () => {
    const r = run(glossary, ['links', 'cdn']);
    expect(r.code).toBe(0);
    // HTTP is linked twice ({{Glossary("HTTP")}} and a Markdown link): listed once.
    expect(names(r.stdout)).toEqual(['http', 'ssg']);
    const json = JSON.parse(run(glossary, ['links', 'cdn', '--json']).stdout) as JsonLink[];
    expect(json.find((l) => l.target === 'en-US/docs/Glossary/SSG')?.resolved?.id).toBe('ssg');
    // Pages of the site outside the glossary are not glossary links, nor broken ones.
    expect(r.stdout).not.toContain('not in the corpus');
    expect(names(run(glossary, ['backlinks', 'ssg']).stdout)).toEqual(['cdn']);
  });

  it('never takes a page outside the glossary for a term by its last part (/en-US/docs/Web/CSS is not css)', () => {
    expect(names(run(glossary, ['links', 'blink_element']).stdout)).toEqual(['netscape-navigator']);
    expect(names(run(glossary, ['backlinks', 'css']).stdout)).toEqual(['block-css', 'html']);
    // The glossary's CSS page links to the CSS reference: not a link to itself.
    expect(names(run(glossary, ['links', 'css']).stdout)).toEqual(['html', 'block-css']);
    // A nested page bundle by its slug (Glossary/Block/CSS), and a macro naming it.
    expect(names(run(glossary, ['links', 'block/css']).stdout)).toEqual(['css']);
  });

  it('check: no broken link, no self-link; the links to the rest of the site are counted apart in one line', () => {
    const r = cli(['check', glossary], env);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\[(broken-link|self-link|orphan)\]/);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain('note: 12 links in 8 of 9 articles lead to pages of the site outside the glossary: not checked [outside-link] (each listed with --verbose)');
    expect(lines.at(-1)).toBe('0 errors, 1 warning, 9 notes in 9 articles (0 of 10 files skipped, 1 section, template or draft page not counted as terms)');
    const verbose = cli(['check', glossary, '--verbose', '--rule', 'outside-link'], env).stdout;
    expect(verbose).toMatch(/blink_element\/index\.md:\d+: note: link to "en-US\/docs\/Web\/CSS", a page of the site outside the glossary: not checked \[outside-link\]/);
    expect(verbose.split('\n').filter((l) => l.includes('[outside-link]'))).toHaveLength(12);
    const json = JSON.parse(cli(['check', glossary, '--json'], env).stdout) as { outside: number; notes: number; warnings: number; problems: Array<{ code: string; severity: string }> };
    expect([json.outside, json.notes, json.warnings]).toEqual([12, 9, 1]);
    expect(json.problems.filter((p) => p.code === 'outside-link').every((p) => p.severity === 'note')).toBe(true);
  });

  it('works under any folder name, from the language folder above, and after an edit recompiles only one file', () => {
    const other = join(tempDir(), 'web-words');
    cpSync(glossary, other, { recursive: true });
    expect(names(run(other, ['links', 'cdn']).stdout)).toEqual(['http', 'ssg']);
    expect(names(run(other, ['links', 'blink_element']).stdout)).toEqual(['netscape-navigator']);
    // An edit of one article: the others come from the cache, their slugs with them.
    const edited = join(other, 'netscape_navigator', 'index.md');
    appendFileSync(edited, '\nIt was later succeeded by other browsers.\n');
    utimesSync(edited, new Date(), new Date(Date.now() + 5000));
    expect(names(run(other, ['links', 'cdn']).stdout)).toEqual(['http', 'ssg']);
    expect(names(run(other, ['links', 'blink_element']).stdout)).toEqual(['netscape-navigator']);
    expect(cli(['check', other], env).stdout).not.toMatch(/\[(broken-link|self-link)\]/);
    // `files/en-us` as the content folder: the ids are `glossary/cdn`, the slugs still place them.
    const parent = join(site, 'files', 'en-us');
    expect(names(run(parent, ['links', 'glossary/cdn']).stdout)).toEqual(['http', 'ssg']);
    expect(cli(['check', parent], env).stdout).not.toMatch(/\[(broken-link|self-link)\]/);
  });
});

describe('slugs and urls of other site generators', () => {
  it('a Docusaurus slug that differs from the file name names the page; a deeper page of the site is not a term', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cdn.md'), '---\ntitle: CDN\nslug: /content-delivery-network\n---\nServers near you. Pages are often [static](/docs/static-site-generator) and fetched with [the ssg API](/docs/api/ssg).\n');
    writeFileSync(join(dir, 'ssg.md'), '---\ntitle: SSG\nslug: /static-site-generator\n---\nMakes pages ahead of time, served by a [CDN](/docs/content-delivery-network/).\n');
    expect(names(run(dir, ['links', 'cdn']).stdout)).toEqual(['ssg']);
    expect(names(run(dir, ['links', 'ssg']).stdout)).toEqual(['cdn']);
    const check = cli(['check', dir], env).stdout;
    expect(check).not.toMatch(/\[(broken-link|self-link)\]/);
    expect(check).toContain('note: 1 link in 1 of 2 articles lead to pages of the site outside the glossary');
  });

  it('a Hugo url and path aliases place the page; the aliases are not names to look up', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'terms'));
    writeFileSync(join(dir, 'terms', 'cdn.md'), '---\ntitle: CDN\nurl: /glossary/cdn/\naliases: [/old/content-delivery/, Content network]\n---\nServers near you, for [static sites](/glossary/ssg/).\n');
    writeFileSync(join(dir, 'terms', 'ssg.md'), '---\ntitle: SSG\nurl: /glossary/ssg/\n---\nPages made ahead of time and served from a [CDN](/old/content-delivery/), see [the blog](/blog/ssg/).\n');
    expect(names(run(dir, ['links', 'terms/ssg']).stdout)).toEqual(['cdn']);
    expect(names(run(dir, ['links', 'terms/cdn']).stdout)).toEqual(['ssg']);
    expect(run(dir, ['lookup', 'content network', '--no-pager']).stdout.split('\n')[0]).toBe('CDN');
    expect((JSON.parse(run(dir, ['lookup', 'terms/cdn', '--json']).stdout) as { aliases: string[] }).aliases).toEqual(['Content network']);
    expect(cli(['check', dir], env).stdout).not.toMatch(/\[(broken-link|self-link)\]/);
  });
});
