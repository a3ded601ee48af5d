// End-to-end: glossaries kept inside static sites (tests/fixtures/hugo-site, a Hugo site in three
// languages; tests/fixtures/mdn/en-us/glossary, MDN-style page bundles; tests/fixtures/texts, language
// folders named in English with a config file), as a user of such a site would try them.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { bin, cleanEnv, cli, fixture, tempDir } from '../helpers.js';

const hugo = join(fixture('hugo-site'), 'content');
const mdn = join(fixture('mdn'), 'en-us', 'glossary');
const texts = join(fixture('texts'), 'Texts');
const env = cleanEnv();
const run = (dir: string, args: string[], extra: Record<string, string> = {}) => cli(['--content', dir, ...args], { ...env, ...extra });
const names = (stdout: string) => stdout.trim().split('\n').map((l) => l.split(/ {2,}/)[0]);
/** No markup of any kind reaches the screen. */
const MARKUP = /<\/?[a-z][\w-]*[\s>/]|\{\{|\}\}|\{%|%\}|TTT|data:|base64|!\[/i;

describe('a Hugo site in three languages', () => {
  it('lists every term of the largest language once, by its real title; section pages, templates, search and drafts are not terms', () => {
    const r = run(hugo, ['list']);
    expect(r.code).toBe(0);
    expect(names(r.stdout)).toEqual(['cloud-native', 'container', 'container-image', 'kubernetes', 'microservices-architecture', 'registry', 'serverless']);
    expect(r.stdout).toMatch(/^container {2,}Container$/m); // `Title:` with a capital
    expect(r.stdout).toMatch(/^serverless {2,}Serverless$/m); // front matter indented by a space
    expect(r.stdout).not.toMatch(/glossary|template|search|service mesh/i);
  });

  it('takes the locale, GLOSSARY_LANG and --lang, in that order of strength, over the largest language', () => {
    expect(names(run(hugo, ['list'], { LANG: 'de_DE.UTF-8' }).stdout)).toEqual(['container', 'kubernetes', 'registry']);
    expect(names(run(hugo, ['list'], { LANG: 'fr_FR.UTF-8' }).stdout)).toHaveLength(7); // not in the corpus: the largest
    expect(names(run(hugo, ['list'], { LANG: 'de_DE.UTF-8', GLOSSARY_LANG: 'en' }).stdout)).toHaveLength(7);
    expect(names(run(hugo, ['--lang', 'bn', 'list'], { GLOSSARY_LANG: 'de' }).stdout)).toHaveLength(2);
  });

  it('keeps the vowel signs of a Bengali title in its name, and finds it when typed as listed', () => {
    const listed = run(hugo, ['--lang', 'bn', 'list']).stdout;
    expect(listed).toContain('ক্লাউড-নেটিভ');
    const r = run(hugo, ['--lang', 'bn', 'lookup', 'ক্লাউড-নেটিভ']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('ক্লাউড নেটিভ');
  });

  it('reads tags and categories as keywords, joins lines written one sentence per line, and prints no shortcode', () => {
    const r = run(hugo, ['lookup', 'container', '--width', '1000']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Keywords: Runtime, Packaging, Basics');
    // Three source lines, one paragraph.
    expect(r.stdout).toMatch(/^A container is an isolated process .+ container image\[1\] .+ well under a second\.$/m);
    expect(r.stdout).toMatch(/^Containers share the host kernel\.$/m);
    expect(r.stdout).not.toMatch(MARKUP);
    expect(run(hugo, ['list', '--keyword', 'Distribution']).stdout).toMatch(/^registry {2,}Registry$/m);
  });

  it('reduces HTML to text: an export artefact dropped, sub- and superscripts, details, a line break', () => {
    const r = run(hugo, ['lookup', 'microservices', '--width', '100']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(MARKUP);
    expect(r.stdout).toContain('x²');
    expect(r.stdout).toContain('P₀');
    expect(r.stdout).toMatch(/^Why split a service\?$/m);
    expect(r.stdout).toMatch(/^Each service owns its own data,\nand others may reach/m);
    expect(r.stdout).toMatch(/\[1\] Kubernetes {2,}glossary lookup kubernetes/);
  });

  it('shows the first sentence where there is no description, and an image as its text', () => {
    const r = run(hugo, ['lookup', 'container-image', '--width', '200']);
    // The description is the body's first sentence: shown once, where the body begins (issue 25, finding 6).
    expect(r.stdout.split('\n')[0]).toBe('Container image');
    expect(r.stdout.split('\n')[3]).toMatch(/^A container image is a read-only package that holds an application, its libraries and the settings needed to start it\. Images/);
    expect(r.stdout.match(/A container image is a read-only package/g)).toHaveLength(1);
    expect(r.stdout).toContain('[image: Layers of an image]');
    expect(run(hugo, ['search', 'read-only package']).stdout).toMatch(/^container-image {2,}Container image {2,}A container image is/m);
  });

  it('follows links in every style the site writes: ../x/, /x/, /en/x/, x.md, a file name with a space', () => {
    expect(names(run(hugo, ['links', 'container-image']).stdout)).toEqual(['container', 'registry']); // /container/ and ../registry/
    expect(names(run(hugo, ['links', 'registry']).stdout)).toEqual(['container-image', 'kubernetes']); // /en/container-image/ and ../kubernetes/
    expect(names(run(hugo, ['links', 'serverless']).stdout)).toEqual(['microservices-architecture', 'cloud-native']); // cloud%20native.md
    expect(names(run(hugo, ['links', 'cloud-native']).stdout)).toEqual(['container', 'kubernetes']); // container.md, in a CRLF file
    expect(names(run(hugo, ['backlinks', 'kubernetes']).stdout)).toEqual(['cloud-native', 'microservices-architecture', 'registry']);
    expect(run(hugo, ['related', 'container']).stdout).toMatch(/^container-image {2,}Container image {2,}\(links both ways\)$/m);
  });

  it('names the language in See also where it is not the default, so the command works as typed', () => {
    const r = run(hugo, ['--lang', 'de', 'lookup', 'container']);
    expect(r.stdout).toMatch(/\[1\] Kubernetes {2,}glossary --lang de lookup kubernetes$/m);
    // A German untranslated link is text, not a link to nowhere.
    expect(r.stdout).toContain('aus einem Container-Image gestartet');
  });

  it('check: a link to a term only another language has is untranslated, apart from truly broken links; no false alarms', () => {
    const r = cli(['check', hugo], env);
    expect(r.code).toBe(0);
    const codes = r.stdout.trim().split('\n').flatMap((l) => /\[([a-z-]+)\]$/.exec(l)?.slice(1) ?? []);
    expect(codes.sort()).toEqual(['broken-link', 'description-from-body', 'orphan', 'orphan', 'untranslated']);
    expect(r.stdout).toContain('de/container.md:7: warning: link to "de/container-image", which is only in en: not translated to de yet [untranslated]');
    expect(r.stdout).toContain('de/registry.md:8: warning: link to "de/does-not-exist", which is not in the corpus [broken-link]');
    expect(r.stdout).toContain('en/_index.md: not a term: a section page (_index.md)');
    expect(r.stdout).toContain('en/draft-term.md: not a term: a draft (draft: true)');
    expect(r.stdout).toContain('en/search.md: not a term: a search page');
    expect(r.stdout.trim().split('\n').at(-1)).toBe('0 errors, 4 warnings, 1 note in 12 articles (0 of 18 files skipped, 6 section, template or draft pages not counted as terms)');
  });

  it('check --rule and --skip-rule narrow the report; an unknown check is a usage error', () => {
    const only = cli(['check', hugo, '--rule', 'untranslated'], env).stdout.trim().split('\n');
    expect(only.filter((l) => l.includes('['))).toHaveLength(1);
    expect(only.at(-1)).toMatch(/^0 errors, 1 warning in 12 articles/);
    const skipping = cli(['check', hugo, '--skip-rule', 'untranslated,orphan,description-from-body', '--json'], env);
    expect((JSON.parse(skipping.stdout) as { problems: Array<{ code: string }> }).problems.map((p) => p.code)).toEqual(['broken-link']);
    const bad = cli(['check', hugo, '--rule', 'orphans'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^glossary: --rule: no check "orphans": the checks are .*orphan.*\n$/);
  });
});

describe('an MDN-style glossary of page bundles', () => {
  it('lists each bundle once, nested ones too; the landing page, the template and a draft are not terms', () => {
    const r = run(mdn, ['list']);
    expect(r.code).toBe(0);
    expect(names(r.stdout)).toEqual(['ajax', 'closure', 'cross-site-scripting-xss', 'function', 'node', 'node-dom', 'node-networking', 'scope', 'spa-single-page-application']);
    expect(run(mdn, ['lookup', 'node/networking']).stdout.split('\n')[0]).toBe('Node (networking)');
    // The site's own path to a term, as copied from an address or a slug.
    const bySlug = run(mdn, ['lookup', 'Glossary/AJAX']);
    expect(bySlug.stdout.split('\n')[0]).toBe('AJAX');
    expect(bySlug.stderr).toContain('glossary: no article is named "Glossary/AJAX"; showing ajax (AJAX)');
    expect(run(mdn, ['lookup', '/en-US/docs/Glossary/Node/networking']).stdout.split('\n')[0]).toBe('Node (networking)');
  });

  it('renders link macros as links and other macros as their text; code keeps what it shows', () => {
    const r = run(mdn, ['lookup', 'ajax', '--width', '1000']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('single-page apps[1]');
    expect(r.stdout).toContain('Older code uses XMLHttpRequest, while newer code usually waits on a Promise');
    expect(r.stdout).toMatch(/^ {2}\* Fetch API$/m); // a page of the site outside the glossary: text
    expect(r.stdout).toMatch(/\[3\] Node \(networking\) {2,}glossary lookup node-networking$/m);
    expect(r.stdout).not.toMatch(MARKUP);
    const closure = run(mdn, ['lookup', 'closure']).stdout;
    expect(closure).toContain('{{notAMacro}}');
    expect(closure).toContain('<b>tags</b>');
    expect(run(mdn, ['lookup', 'scope']).stdout).toContain('O(n²)');
  });

  it('follows site-prefixed links (/en-US/docs/Glossary/...) and macros both ways', () => {
    expect(names(run(mdn, ['links', 'node']).stdout)).toEqual(['node-networking', 'node-dom']);
    expect(names(run(mdn, ['backlinks', 'closure']).stdout)).toEqual(['ajax', 'cross-site-scripting-xss', 'function', 'spa-single-page-application']);
    expect(names(run(mdn, ['links', 'ajax']).stdout)).toEqual(['spa-single-page-application', 'closure', 'node-networking']);
  });

  it('check passes --strict: links outside the glossary are not broken, a missing description is a note', () => {
    const r = cli(['check', mdn, '--strict'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/: (warning|error): /);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('0 errors, 0 warnings, 9 notes in 9 articles (0 of 12 files skipped, 3 section, template or draft pages not counted as terms)');
    expect(r.stdout).toContain('index.md: not a term: the folder\'s index page');
  });
});

describe('a configured site prefix', () => {
  it('is used where too few links share it to find it alone: a page of the site outside it is not a term', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'node.md'), '---\ntitle: Node\n---\nA point in a network.\n');
    writeFileSync(join(dir, 'closure.md'), '---\ntitle: Closure\n---\nA function with its scope. See [a node](/en-US/docs/Glossary/Node) and [the Node API](/en-US/docs/Web/API/Node).\n');
    // Without the prefix, neither path names a term: both are pages of the site, not links (never
    // the glossary's Node for the API page that ends in Node).
    const before = run(dir, ['links', 'closure']);
    expect(before.stdout).toBe('');
    expect(before.stderr).toContain('closure links to no other article');
    writeFileSync(join(dir, 'glossary.json'), '{ "sitePrefix": "/en-US/docs/Glossary/" }\n');
    expect(JSON.parse(run(dir, ['links', 'closure', '--json']).stdout).map((l: { target: string }) => l.target)).toEqual(['en-US/docs/Glossary/Node']);
    expect(cli(['check', dir], env).stdout).not.toContain('link to');
  });
});

describe('language folders named in English, and the corpus config', () => {
  it('maps a folder to a language with one line of config (the folder named Dutch holds Danish)', () => {
    const r = run(texts, ['--lang', 'all', 'list']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(['en  dividend     Dividend', 'da  egenkapital  Egenkapital', 'en  equity       Equity', 'da  udbytte      Udbytte']);
    expect(run(texts, ['--lang', 'da', 'lookup', 'egenkapital']).stdout.split('\n')[0]).toBe('Egenkapital');
  });

  it('without the config, a folder named by its English name is that language', () => {
    const dir = join(tempDir(), 'Texts');
    cpSync(texts, dir, { recursive: true });
    rmSync(join(dir, 'glossary.json'));
    expect(run(dir, ['--lang', 'all', 'list']).stdout).toContain('nl  egenkapital  Egenkapital');
  });

  it('a config names the default language, keyword fields and folders to skip; a change to it takes effect', () => {
    const dir = join(tempDir(), 'Texts');
    cpSync(texts, dir, { recursive: true });
    writeFileSync(join(dir, 'English', 'equity.md'), '---\ntitle: Equity\ntopics: [Accounting]\n---\n# Equity\n\nWhat the owners have.\n');
    writeFileSync(join(dir, 'glossary.json'), JSON.stringify({ languages: { Dutch: 'da' }, defaultLanguage: 'en', keywordFields: ['topics'], skip: ['Dutch'] }));
    const listed = run(dir, ['list']);
    expect(names(listed.stdout)).toEqual(['dividend', 'equity']);
    expect(listed.stderr).toBe(`glossary: 2 section, template or draft pages not counted as terms: see glossary check ${dir}\n`);
    expect(run(dir, ['list', '--keyword', 'Accounting']).stdout).toMatch(/^equity {2,}Equity$/m);
    writeFileSync(join(dir, 'glossary.json'), JSON.stringify({ languages: { Dutch: 'da' } }));
    expect(names(run(dir, ['list']).stdout)).toEqual(['egenkapital', 'udbytte']);
  });

  it('a config that is not valid says what is wrong in one line, exit 5', () => {
    const dir = join(tempDir(), 'Texts');
    cpSync(texts, dir, { recursive: true });
    for (const [text, message] of [
      ['{ "languages": ', 'not valid JSON'],
      ['{ "language": {} }', 'unknown setting "language" (known: sitePrefix, defaultLanguage, keywordFields, skip, languages)'],
      ['{ "languages": { "Dutch": "Danish" } }', '"languages": "Dutch" must map to a language code, e.g. "da"'],
      ['{ "sitePrefix": "docs" }', '"sitePrefix" must be a path that starts with "/"'],
    ] as const) {
      writeFileSync(join(dir, 'glossary.json'), text);
      const r = run(dir, ['list']);
      expect(r.code).toBe(5);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(`glossary: ${join(dir, 'glossary.json')}: ${message}`);
    }
  });
});

describe('after the review', () => {
  const write = (dir: string, files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  };

  it('a layout change moves a file to another id and language: the cache follows, nothing reused stale', () => {
    const dir = tempDir();
    write(dir, { 'en/a.md': '---\ntitle: Alpha\n---\nText.\n', 'en/b.md': '---\ntitle: Beta\n---\nSee [alpha](/a).\n' });
    const ids = (lang: string) => (JSON.parse(run(dir, ['--lang', lang, 'list', '--json']).stdout) as Array<{ id: string }>).map((e) => e.id).sort();
    expect(ids('en')).toEqual(['a', 'b']);
    // A term of its own at the top: the folder is one language, `en/` a category in it.
    write(dir, { 'top.md': '---\ntitle: Top\n---\nText.\n' });
    expect(ids('da')).toEqual(['en/a', 'en/b', 'top']);
    expect(run(dir, ['--lang', 'en', 'list']).code).toBe(2);
    expect(run(dir, ['backlinks', 'en/a']).stdout).toBe(''); // `/a` no longer names en/a: a site-absolute path names a term whole
  });

  it('one folder named like a language beside folders of articles is a category: it/ is a team\'s IT terms, not Italian', () => {
    const dir = tempDir();
    write(dir, { 'it/server.md': '---\ntitle: Server\n---\nEn server er en computer.\n', 'regnskab/aktiv.md': '---\ntitle: Aktiv\n---\nEt aktiv er noget.\n' });
    const listed = run(dir, ['list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^aktiv {2,}Aktiv\nserver {2,}Server\n$/);
    const r = run(dir, ['lookup', 'server', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 'it/server', lang: 'da' });
    // Alone (or beside folders without articles), a language's folder is still that language.
    const en = tempDir();
    write(en, { 'en/server.md': '---\ntitle: Server\n---\nA server is a computer.\n', 'images/x.png': 'png' });
    expect(JSON.parse(run(en, ['lookup', 'server', '--json']).stdout)).toMatchObject({ id: 'server', lang: 'en' });
  });

  it('finds the prefix across languages (/docs/glossary/x and /de/docs/glossary/x), and a link to another language is no broken link', () => {
    const dir = tempDir();
    write(dir, {
      'en/pod.md': '---\ntitle: Pod\n---\nRuns [containers](/docs/glossary/container/) on a [node](/docs/glossary/node/). In German: [Pod](/de/docs/glossary/pod/).\n',
      'en/container.md': '---\ntitle: Container\n---\nRuns in a [pod](/docs/glossary/pod/).\n',
      'en/node.md': '---\ntitle: Node\n---\nRuns [pods](/docs/glossary/pod/).\n',
      'de/pod.md': '---\ntitle: Pod\n---\nFührt [Container](/de/docs/glossary/container/) aus, auf einem [Knoten](/de/docs/glossary/node/).\n',
      'de/container.md': '---\ntitle: Container\n---\nLäuft in einem [Pod](/de/docs/glossary/pod/).\n',
    });
    expect(names(run(dir, ['--lang', 'en', 'links', 'pod']).stdout)).toEqual(['container', 'node']);
    // The untranslated link is listed as in another language only, as check says.
    expect(run(dir, ['--lang', 'de', 'links', 'pod']).stdout).toMatch(/^container {2,}Container\nde\/docs\/glossary\/node {2,}Knoten {2,}\(only in en\)\n$/);
    const check = cli(['check', dir], env).stdout;
    expect(check).toContain('de/pod.md:4: warning: link to "de/docs/glossary/node", which is only in en: not translated to de yet [untranslated]');
    expect(check).not.toContain('[broken-link]');
    expect(check).not.toMatch(/en\/(pod|container|node)\.md: warning: no other article links here/);
  });

  it('a folder named constructor or __proto__ is a category, not a crash', () => {
    const dir = tempDir();
    // Two language folders: a language layout, the other folders categories of the default language.
    write(dir, { 'constructor/a.md': '# A\n', '__proto__x/b.md': '# B\n', 'en/c.md': '# C\n', 'de/d.md': '# D\n' });
    const r = run(dir, ['--lang', 'all', 'list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('en  c');
  });
});

describe('start-up', () => {
  it('a lookup loads no YAML reader (gray-matter, js-yaml, esprima): they cost ~8 ms a run', () => {
    const hook = join(tempDir(), 'hook.cjs');
    writeFileSync(hook, "const M = require('node:module'); const load = M._load; const seen = []; M._load = function (id, ...rest) { seen.push(id); return load.call(this, id, ...rest); }; process.on('exit', () => process.stderr.write('LOADED ' + seen.join(',') + '\\n'));\n");
    const r = spawnSync(process.execPath, ['-r', hook, bin, 'lookup', 'strategisk-alliance'], { env: cleanEnv(), encoding: 'utf8' });
    expect(r.status).toBe(0);
    const loaded = /LOADED (.*)/.exec(r.stderr)?.[1] ?? '';
    expect(loaded).toContain('node:fs'); // the hook saw the run's requires
    expect(loaded).not.toMatch(/esprima|js-yaml|gray-matter/);
  });
});
