// End-to-end: folders shaped as teams keep them (a hostile tester's pass over check, links,
// backlinks, list and completion): Hugo's translations by file name and its section links,
// Obsidian vaults, Docusaurus ids and tag objects, deep folders, and links as Markdown reads them.
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, cleanEnv, cli, runOn, writeCorpus } from '../helpers.js';

describe('folders as teams keep them', () => {
  it("Hugo's translation by file name: aktie.da.md and aktie.en.md are one term in two languages", () => {
    const dir = writeCorpus({
      'glossary/aktie.da.md': article({ title: 'Aktie', description: 'a.' }, 'Da. [o](/glossary/obligation/)'),
      'glossary/aktie.en.md': article({ title: 'Share', description: 's.' }, 'En. [o](/en/glossary/obligation/)'),
      'glossary/obligation.da.md': article({ title: 'Obligation', description: 'o.' }, 'Da. [a](/glossary/aktie/)'),
      'glossary/obligation.en.md': article({ title: 'Bond', description: 'b.' }, 'En. [a](/en/glossary/aktie/)'),
      'glossary/_index.da.md': article({ title: 'Ordliste' }),
      'README.en.md': '# About\n\nThis folder.\n',
    });
    const run = runOn(dir);
    const check = cli(['check', dir, '--verbose']);
    expect(check.stdout).toContain('0 errors, 0 warnings in 4 articles');
    expect(check.stdout).toMatch(/_index\.da\.md: not a term: a section page \(_index\.md\)/);
    expect(check.stdout).toMatch(/README\.en\.md: not a term: a README/);
    expect(check.stdout).not.toContain('outside');
    expect(run('--lang', 'all', 'list').stdout).toBe('da  aktie       Aktie\nen  bond        Bond\nda  obligation  Obligation\nen  share       Share\n');
    expect(run('--lang', 'da', 'backlinks', 'aktie').stdout).toBe('obligation  Obligation\n');
    expect(run('--lang', 'en', 'backlinks', 'share').stdout).toBe('bond  Bond\n');
  });

  it("Hugo: a translation's link to the file without a language (the default language's) is no self-link", () => {
    const dir = writeCorpus({
      'aktie/index.md': article({ title: 'Aktie', description: 'a.' }, 'Da. Se [rente](../rente/index.md).'),
      'aktie/index.en.md': article({ title: 'Share', description: 's.' }, 'En. [Dansk](index.md) og [rate](../rente/index.en.md).'),
      'rente/index.md': article({ title: 'Rente', description: 'r.' }, 'Da. Se [aktie](../aktie/index.md).'),
      'rente/index.en.md': article({ title: 'Rate', description: 'r.' }, 'En. See [share](../aktie/index.en.md).'),
    });
    const check = cli(['check', dir, '--verbose']);
    expect(check.stdout).not.toContain('self-link');
    expect(check.stdout).toContain('index.en.md:6: note: link to "index.md", a page of the site outside the glossary: not checked [outside-link]');
    expect(runOn(dir)('--lang', 'en', 'links', 'share').stdout).toBe('rate  Rate\n');
  });

  it("the source's layout given from the clone's root (Texts/<Language>/ under it) is read as its languages", () => {
    const dir = writeCorpus({
      'README.md': '# Tekster\n\nOm kilden.\n',
      'Texts/Danish/aktie.md': article({ title: 'Aktie', description: 'a.' }, 'Se [obligation](/obligation).'),
      'Texts/Danish/obligation.md': article({ title: 'Obligation', description: 'o.' }, 'Se [aktie](/aktie).'),
      'Texts/English/aktie.md': article({ title: 'Share', description: 's.' }, 'See [bond](/obligation).'),
      'Texts/English/obligation.md': article({ title: 'Bond', description: 'b.' }, 'See [share](/aktie).'),
    });
    const run = runOn(dir);
    expect(run('--lang', 'all', 'list').stdout).toBe('da  aktie       Aktie\nen  bond        Bond\nda  obligation  Obligation\nen  share       Share\n');
    const check = cli(['check', dir, '--verbose']);
    expect(check.stdout).toContain("README.md: not a term: the repository's own document, beside its folder of languages");
    expect(check.stdout).toContain('0 errors, 0 warnings in 4 articles');
    // A folder of categories some of which are named like languages (IT, HR) is one language.
    const categories = writeCorpus({
      'README.md': '# Emner\n\nOm emnerne.\n',
      'emner/IT/server.md': article({ title: 'Server', description: 's.' }),
      'emner/HR/ferie.md': article({ title: 'Ferie', description: 'f.' }),
      'emner/Økonomi/budget.md': article({ title: 'Budget', description: 'b.' }),
    });
    expect(runOn(categories)('--lang', 'all', 'list').stdout).toBe('budget  Budget\nferie   Ferie\nserver  Server\n');
    // A term at the clone's root makes it one folder of terms again (the cache sees the folder change).
    writeFileSync(join(dir, 'rente.md'), article({ title: 'Rente', description: 'r.' }));
    expect(run('--lang', 'all', 'list').stdout).toBe('aktie       Aktie\nbond        Bond\nobligation  Obligation\nrente       Rente\nshare       Share\n');
  });

  it('a name ending like a language code is no translation unless the folder pairs it: Socket.io.md, M.Sc.md', () => {
    const dir = writeCorpus({
      'Socket.io.md': article({ title: 'Socket.io', description: 'lib.' }),
      // One pair of a rare code (io, Ido) is a name and its variant, not a translation.
      'Socket.md': article({ title: 'Socket', description: 'endpoint.' }),
      'M.Sc.md': article({ title: 'M.Sc', description: 'degree.' }),
      'aktie.md': article({ title: 'Aktie', description: 'a.' }, 'Se [S](Socket.io.md) og [k](M.Sc.md).'),
      'rente.md': article({ title: 'Rente', description: 'r.' }, 'Se [a](aktie.en.md).'),
      'aktie.en.md': article({ title: 'Share', description: 's.' }, 'See [r](/rente).'),
    });
    const run = runOn(dir);
    expect(run('--lang', 'all', 'list').stdout).toBe('da  aktie      Aktie\nda  m-sc       M.Sc\nda  rente      Rente\nen  share      Share\nda  socket     Socket\nda  socket-io  Socket.io\n');
    expect(run('lookup', 'socket.io', '--json').code).toBe(0);
    expect(cli(['check', dir]).stdout).not.toContain('broken-link');
  });

  it('a code paired in any folder is a language in every folder, whichever is read first', () => {
    const dir = writeCorpus({
      'a/bond.en.md': article({ title: 'Bond', description: 'b.' }),
      'z/aktie.md': article({ title: 'Aktie', description: 'a.' }),
      'z/aktie.en.md': article({ title: 'Share', description: 's.' }),
    });
    expect(runOn(dir)('--lang', 'all', 'list').stdout).toBe('da  aktie  Aktie\nen  bond   Bond\nen  share  Share\n');
  });

  it('a section page (_index.md) of a folder of terms is the site\'s, not a broken link; links to translated bundles by file resolve', () => {
    const dir = writeCorpus({
      'finans/obligationer/_index.md': article({ title: 'Obligationer' }),
      'finans/obligationer/stat.md': article({ title: 'Stat', description: 's.' }, 'Se [alle](/finans/obligationer/) og [aktie](/finans/aktier/a-aktie/).'),
      'finans/aktier/a-aktie.md': article({ title: 'A-aktie', description: 'a.' }, 'Se [stat](/finans/obligationer/stat/) og [b](../../b/index.da.md).'),
      'b/index.da.md': article({ title: 'B', description: 'b.' }, 'Se [a](/finans/aktier/a-aktie/).'),
    });
    const r = cli(['check', dir, '--skip-rule', 'orphan']);
    expect(r.stdout).not.toContain('broken-link');
    expect(r.stdout).toContain('1 link in 1 of 3 articles lead to pages of the site outside the glossary');
    expect(runOn(dir)('backlinks', 'b').stdout).toBe('a-aktie  A-aktie\n');
  });

  it('an id: in front matter that is the file\'s own name changes nothing: a misspelt link is still broken', () => {
    const files: Record<string, string> = {};
    for (const t of ['aktie', 'obligation', 'rente']) files[`${t}.md`] = article({ id: t, title: `T ${t}`, description: 'd.' }, 'See [a](/ordbog/aktie/), [o](/ordbog/obligation/) and [m](/ordbog/mangler/).');
    const r = cli(['check', writeCorpus(files)]);
    expect(r.stdout.match(/link to "ordbog\/mangler", which is not in the corpus \[broken-link\]/g)).toHaveLength(3);
  });

  it("`./x` is the page's folder's x, before an x at the root; `x.md` is never the root's", () => {
    const dir = writeCorpus({
      'bond.md': article({ title: 'Bond (root)', description: 'r.' }),
      'finance/bond.md': article({ title: 'Finance bond', description: 'f.' }),
      'finance/equity.md': article({ title: 'Equity', description: 'e.' }, 'See [the bond](./bond) and [b2](bond) and [o](obligation.md).'),
      'obligation.md': article({ title: 'Obligation (rod)', description: 'o.' }),
      'skat/obligation.md': article({ title: 'Skat obligation', description: 'o.' }),
    });
    expect(runOn(dir)('links', 'equity').stdout).toMatch(/^finance-bond +Finance bond\nobligation\.md +o +\(not in the corpus\)\n$/);
  });

  it("a link to a file is that file's: not another folder's of the name, not the article itself, and another language's file is that language's", () => {
    const dir = writeCorpus({
      'obligation.md': article({ title: 'Obligation', description: 'o.' }, 'Se [a](finans/aktie.md).'),
      'kurs.md': article({ title: 'Kurs', description: 'k.' }, 'Se [a](finans/aktie.md).'),
      'finans/aktie.md': article({ title: 'Aktie', description: 'a.' }, 'Se [o](obligation.md) og [s](../skat/aktie.md) og [k](kurs.html).'),
      'rente/index.md': article({ title: 'Rente', description: 'r.' }, 'Se [English](index.en.md) og [o](../obligation.md).'),
      'rente/index.en.md': article({ title: 'Interest', description: 'i.' }, 'See [Share](../finans/aktie.en.md).'),
      'finans/aktie.en.md': article({ title: 'Share', description: 's.' }, 'See [i](../rente/index.en.md).'),
    });
    const run = runOn(dir);
    expect(run('links', 'finans/aktie').stdout).toBe('obligation.md     o  (not in the corpus)\n../skat/aktie.md  s  (not in the corpus)\nkurs.html         k  (not in the corpus)\n');
    const check = cli(['check', dir]).stdout;
    expect(check).not.toContain('self-link');
    // ../obligation.md from rente/ is the root's: a link written from the file's folder that is there.
    expect(run('backlinks', 'obligation').stdout).toBe('rente  Rente\n');
    expect(run('--lang', 'en', 'links', 'share').stdout).toBe('interest  Interest\n');
    expect(run('--lang', 'en', 'backlinks', 'interest').stdout).toBe('share  Share\n');
  });

  it('after an edit in place, a cached corpus reads a bundle in a folder named index as a fresh compile does', () => {
    const dir = writeCorpus({
      'x.md': article({ title: 'X root', description: 'x.' }),
      'index/index.md': article({ title: 'Index', description: 'a stock index.' }, 'See [x](x.md) and [bond](../bond/index.md).'),
      'bond/index.md': article({ title: 'Bond', description: 'b.' }, 'See [index](../index/index.md).'),
    });
    const cached = runOn(dir, cleanEnv());
    expect(cached('links', 'index').stdout).toMatch(/^x\.md +x +\(not in the corpus\)\nbond +Bond\n$/);
    writeFileSync(join(dir, 'index', 'index.md'), article({ title: 'Index', description: 'a stock index.' }, 'See [x](x.md) and [bond](../bond/index.md). More.'));
    utimesSync(join(dir, 'index', 'index.md'), new Date(Date.now() + 2000), new Date(Date.now() + 2000));
    expect(cached('links', 'index').stdout).toMatch(/^x\.md +x +\(not in the corpus\)\nbond +Bond\n$/);
  });

  it('after an edit in place, a cached corpus reads a file whose code is no language as a fresh compile does', () => {
    const dir = writeCorpus({
      'aktie/index.md': article({ title: 'Aktie', description: 'a.' }, 'Se [r](../rente/index.io.md).'),
      'rente/index.io.md': article({ title: 'Rente', description: 'r.' }, 'Se [a](../aktie/index.md) og [k](kurs.md).'),
      'rente/kurs.md': article({ title: 'Kurs', description: 'k.' }),
      // Names in other folders too: nothing is found by a last part alone.
      'x/aktie.md': article({ title: 'X aktie', description: 'x.' }),
      'z/kurs.md': article({ title: 'Z kurs', description: 'z.' }),
    });
    const env = cleanEnv();
    const cached = runOn(dir, env);
    expect(cached('links', 'rente/index.io').stdout).toBe('aktie  Aktie\nkurs   Kurs\n');
    writeFileSync(join(dir, 'rente', 'index.io.md'), article({ title: 'Rente', description: 'r.' }, 'Se [a](../aktie/index.md) og [k](kurs.md). Mere.'));
    utimesSync(join(dir, 'rente', 'index.io.md'), new Date(Date.now() + 2000), new Date(Date.now() + 2000));
    expect(cached('links', 'rente/index.io').stdout).toBe('aktie  Aktie\nkurs   Kurs\n');
  });

  it('a link into a folder of the corpus that names no term is broken, not a page of the site', () => {
    const files: Record<string, string> = {};
    for (const t of ['aktie', 'obligation', 'kurs']) files[`glossary/${t}.md`] = article({ title: t, description: 'd.' }, 'Se [a](/glossary/aktie/) [o](/glossary/obligation/) [k](/glossary/kurs/).');
    files['glossary/kurs.md'] += 'Stavefejl: [rentee](/glossary/rentee/). Og [blog](/blog/indlaeg/).\n';
    const r = cli(['check', writeCorpus(files), '--skip-rule', 'self-link', '--verbose']);
    expect(r.stdout).toMatch(/kurs\.md:\d+: warning: link to "glossary\/rentee", which is not in the corpus \[broken-link\]/);
    // A section the corpus has no folder of is still the site's.
    expect(r.stdout).toMatch(/link to "blog\/indlaeg", a page of the site outside the glossary: not checked/);
  });

  it('Obsidian: [[obl]] is the root note though another folder has an obl.md; messages quote what was written', () => {
    const dir = writeCorpus({
      '.obsidian/app.json': '{}',
      'obl.md': '# Obl\n\nTop-level note.\n',
      'x/obl.md': '# Obl two\n\nAnother note of the same file name.\n',
      'note.md': '# Note\n\nSee [[obl]] and [[Mangler]].\n',
    });
    const run = runOn(dir);
    expect(run('backlinks', 'obl').stdout).toBe('note  Note\n');
    const check = cli(['check', dir, '--skip-rule', 'description-from-body']);
    expect(check.stdout).toContain('note.md:3: warning: link to "Mangler", which is not in the corpus [broken-link]');
    expect(check.stdout).not.toContain('note/');
    expect(run('links', 'note').stdout).toMatch(/^obl +Obl\nMangler +Mangler +\(not in the corpus\)\n$/);
  });

  it('Obsidian: [[Note.md]] is the note Note, as Obsidian reads it, from any folder; a picture stays a file', () => {
    const dir = writeCorpus({
      '.obsidian/app.json': '{}',
      'Sub/Obligation.md': '# Obligation\n\nEn obligation.\n',
      'Other/Aktie.md': '# Aktie\n\nSe [[Obligation.md]], [[Sub/Obligation.md|den]] og [[graf.png]].\n',
    });
    const run = runOn(dir);
    expect(run('backlinks', 'obligation').stdout).toBe('aktie  Aktie\n');
    const check = cli(['check', dir, '--skip-rule', 'description-from-body', '--skip-rule', 'orphan']);
    expect(check.stdout).not.toContain('Obligation');
    expect(check.stdout).toContain('0 errors, 0 warnings');
    expect(run('links', 'aktie').stdout).toBe('obligation  Obligation\n');
  });

  it("Obsidian: a path written from the note's own folder finds the one note whose path ends so", () => {
    const dir = writeCorpus({
      'Økonomi/Fri cash flow.md': '# Fri cash flow\n\nSe [[Sub folder/Egen kapital|egenkapitalen]] og [[Økonomi/Mangler]].\n',
      'Økonomi/Sub folder/Egen kapital.md': '# Egen kapital\n\nEjernes andel.\n',
    });
    expect(runOn(dir)('backlinks', 'egen kapital').stdout).toBe('fri-cash-flow  Fri cash flow\n');
    // A path into a folder of the vault that names no note is broken.
    expect(cli(['check', dir, '--skip-rule', 'description-from-body']).stdout).toContain('link to "Økonomi/Mangler", which is not in the corpus [broken-link]');
  });

  it('in an Obsidian vault a note with neither front matter nor a heading is an article; elsewhere it is named as skipped', () => {
    const files = {
      'Nettogæld.md': 'Nettogæld er gæld minus likvider. Se [[Egenkapital]].\n',
      'Egenkapital.md': 'Egenkapital er ejernes andel. Se [[Nettogæld]].\n',
    };
    const vault = writeCorpus({ ...files, '.obsidian/app.json': '{}' });
    expect(runOn(vault)('backlinks', 'nettogaeld').stdout).toBe('egenkapital  Egenkapital\n');
    // A note is named by its file and described by its text: no warning or note for each.
    expect(cli(['check', vault]).stdout).toBe('0 errors, 0 warnings in 2 articles (0 of 2 files skipped)\n');
    const plain = cli(['check', writeCorpus(files)]);
    expect(plain.stdout).toContain('skipped: no front matter and no heading: not an article');
  });

  it('Obsidian: [[Note]] that two notes share is ambiguous, named in check and links; one title in two folders is a warning', () => {
    const dir = writeCorpus({
      '.obsidian/app.json': '{}',
      'a/Note.md': '# Note\n\nNoten i a. Se [[Aktie]].\n',
      'b/Note.md': '# Note\n\nNoten i b. Se [[Aktie]].\n',
      'Aktie.md': '# Aktie\n\nEn andel. Se [[Note]] og [[b/Note]].\n',
    });
    const run = runOn(dir);
    const check = cli(['check', dir]);
    expect(check.stdout).toContain('Aktie.md:3: warning: link to "Note", which could be a/Note or b/Note: write the one meant with its folder [ambiguous-link]');
    expect(check.stdout).not.toContain('broken-link');
    // Told apart by their paths: a warning, not an error that fails the check.
    expect(check.stdout).toContain('b/Note.md:1: warning: slug "note" (from the title "Note") is also used by a/Note.md, in another folder: each is named by its path (a/Note, b/Note) [duplicate-slug]');
    expect(check.code).toBe(0);
    expect(run('links', 'aktie').stdout).toMatch(/^Note +Note +\(ambiguous: a\/Note, b\/Note\)\nb\/Note +Note\n$/);
    const json = JSON.parse(run('links', '--json', 'aktie').stdout) as Array<{ resolved: unknown; ambiguous?: string[] }>;
    expect(json[0]).toMatchObject({ resolved: null, ambiguous: ['a/Note', 'b/Note'] });
    expect(json[1]?.ambiguous).toBeUndefined();
    // In one folder, two files of one title are one term written twice: an error.
    const same = writeCorpus({ 'note.md': article({ title: 'Note', description: 'n.' }), 'note-2.md': article({ title: 'Note', description: 'n.' }) });
    const twice = cli(['check', same]);
    expect(twice.stdout).toMatch(/error: slug "note" \(from the title "Note"\) is also used by note-2\.md \[duplicate-slug\]/);
    expect(twice.code).not.toBe(0);
  });

  it('a name two terms share is ambiguous whatever their titles; a second note of the name, added, makes a link ambiguous as a fresh compile does', () => {
    const dir = writeCorpus({
      'finans/rente.md': article({ title: 'Rente (finans)', description: 'r.' }, 'Finans.'),
      'jura/rente.md': article({ title: 'Rente (jura)', description: 'r.' }, 'Jura.'),
      'laan.md': article({ title: 'Lån', description: 'l.' }, 'Se [rente](rente) og [finans](finans/rente).'),
    });
    const run = runOn(dir);
    expect(run('links', 'laan').stdout).toMatch(/^rente +rente +\(ambiguous: finans\/rente, jura\/rente\)\nrente-finans +Rente \(finans\)\n$/);
    expect(cli(['check', dir]).stdout).toContain('laan.md:6: warning: link to "rente", which could be finans/rente or jura/rente: write the one meant with its folder [ambiguous-link]');
    // A vault: [[Note]] is the one note of that name, until a second is added.
    const vault = writeCorpus({ '.obsidian/app.json': '{}', 'a/Note.md': '# Alfa\n\nNoten i a.\n', 'Aktie.md': '# Aktie\n\nSe [[Note]].\n' });
    const inVault = runOn(vault);
    expect(inVault('links', 'aktie').stdout).toBe('alfa  Alfa\n');
    mkdirSync(join(vault, 'b'));
    writeFileSync(join(vault, 'b', 'Note.md'), '# Beta\n\nNoten i b.\n');
    const cached = inVault('links', 'aktie', '--json');
    expect(JSON.parse(cached.stdout)).toMatchObject([{ resolved: null, ambiguous: ['a/Note', 'b/Note'] }]);
    // The same from a compile of its own (another cache folder).
    const fresh = cli(['--content', vault, 'links', 'aktie', '--json'], { ...cleanEnv(), XDG_CACHE_HOME: join(dir, 'other-cache') });
    expect(fresh.stdout).toBe(cached.stdout);
  });

  it("Obsidian: [[./x/y]] is the note's folder's; a link that names a folder is not read by its last part", () => {
    const dir = writeCorpus({
      '.obsidian/app.json': '{}',
      'a/x/y.md': '# Y i a\n\nEn note.\n',
      'b/x/y.md': '# Y i b\n\nEn note.\n',
      'a/note.md': '# Note a\n\nEn note.\n',
      'b/note.md': '# Note b\n\nEn note.\n',
      'a/Home.md': '# Home\n\nSe [[./x/y]], [[x/y]] og [to](../c/note).\n',
    });
    expect(runOn(dir)('links', 'a/home', '--json').stdout).toContain('"id": "a/x/y"');
    const check = cli(['check', dir]);
    // From the root, x/y is either note's: ambiguous, as a bare name two notes share.
    expect(check.stdout).toContain('Home.md:3: warning: link to "x/y", which could be a/x/y or b/x/y: write the one meant with its folder [ambiguous-link]');
    expect(check.stdout).toContain('Home.md:3: warning: link to "../c/note", which is not in the corpus [broken-link]');
    expect(check.stdout).not.toContain('"./x/y"');
  });

  it('in a vault a path that names no note is broken (a vault is no site with other pages), and no prefix is guessed from its paths', () => {
    const dir = writeCorpus({
      '.obsidian/app.json': '{}',
      'Home.md': '# Home\n\nSe [[IT/Onboarding]], [[IT/Ferie]], [[Mangler/Note]] og [[IT/Onboarding#Første dag|første dag]].\n',
      'IT/Onboarding.md': '# Onboarding\n\nNy medarbejder. Se [[Home]].\n',
    });
    const check = cli(['check', dir, '--verbose']);
    expect(check.stdout).toContain('Home.md:3: warning: link to "IT/Ferie", which is not in the corpus [broken-link]');
    expect(check.stdout).toContain('Home.md:3: warning: link to "Mangler/Note", which is not in the corpus [broken-link]');
    expect(check.stdout).not.toContain('outside');
    expect(runOn(dir)('backlinks', 'onboarding').stdout).toBe('home  Home\n');
  });

  it("a folder of a vault given as the content folder is read as the vault's: notes without a heading, its templates, paths from the vault's root", () => {
    const vault = writeCorpus({
      '.obsidian/templates.json': '{"folder":"Ordliste/Skabeloner"}',
      'Ordliste/Nettogæld.md': 'Nettogæld er gæld minus likvider. Se [[Egenkapital]], [[Ordliste/Egenkapital]] og [[Regnskab/Aktiv]].\n',
      'Ordliste/Regnskab/Aktiv.md': 'Et aktiv er noget, man ejer. Se [[Nettogæld]].\n',
      'Ordliste/Egenkapital.md': 'Egenkapital er ejernes andel. Se [[Nettogæld]], [[Ordliste/Mangler]] og [[Dagbog/I dag]].\n',
      'Ordliste/Skabeloner/Ny.md': '# {{title}}\n',
      'Dagbog/I dag.md': 'En dag.\n',
    });
    const dir = join(vault, 'Ordliste');
    expect(runOn(dir)('list').stdout).toBe('aktiv        Aktiv\negenkapital  Egenkapital\nnettogaeld   Nettogæld\n');
    // A path from inside the folder ([[Regnskab/Aktiv]]) is the note whose path ends so.
    expect(runOn(dir)('backlinks', 'aktiv').stdout).toBe('nettogaeld  Nettogæld\n');
    const check = cli(['check', dir, '--verbose']);
    expect(check.stdout).toContain('Egenkapital.md:1: warning: link to "Ordliste/Mangler", which is not in the corpus [broken-link]');
    expect(check.stdout).toContain('Egenkapital.md:1: note: link to "Dagbog/I dag", a note of the vault outside this folder: not checked [outside-link]');
    expect(cli(['check', dir]).stdout).toContain('note: 1 link in 1 of 3 articles lead to notes of the vault outside this folder: not checked [outside-link]');
    expect(check.stdout).toContain("Ny.md: not a term: in the vault's templates folder");
    expect(check.stdout).toContain('0 errors, 1 warning in 3 articles');
  });

  it('one title three times: an error for the two in one folder, whatever the order of the folders', () => {
    for (const other of ['finans', 'zz-finans']) {
      const dir = writeCorpus({
        [`${other}/rente.md`]: article({ title: 'Rente', description: 'r.' }),
        'jura/rente.md': article({ title: 'Rente', description: 'r.' }),
        'jura/rente-kopi.md': article({ title: 'Rente', description: 'r.' }),
      });
      const check = cli(['check', dir]);
      expect(check.stdout.match(/error: slug "rente" \(from the title "Rente"\) is also used by (jura\/)?rente(-kopi)?\.md \[duplicate-slug\]/g)).toHaveLength(1);
      expect(check.stdout.match(/warning: slug "rente".*in another folder/g)).toHaveLength(1);
      expect(check.code).toBe(6);
    }
  });

  it("Obsidian: the templates plugins' folder holds templates, not terms, as the vault's settings say now", () => {
    const dir = writeCorpus({
      '.obsidian/templates.json': '{"folder":"Skabeloner/"}',
      '.obsidian/plugins/templater-obsidian/data.json': '{"templates_folder":"Meta/Templater"}',
      'Skabeloner/Ny term.md': '# {{title}}\n\nDato: {{date}}\n',
      'Meta/Templater/Møde.md': '# <% tp.file.title %>\n\nReferat.\n',
      'Meta/Ordbog.md': '# Ordbog\n\nOm ordbogen. Se [[Aktie]].\n',
      'Aktie.md': '# Aktie\n\nEn andel. Se [[Ordbog]].\n',
    });
    const run = runOn(dir);
    expect(run('list').stdout).toBe('aktie   Aktie\nordbog  Ordbog\n');
    const check = cli(['check', dir]);
    expect(check.stdout).toContain("Ny term.md: not a term: in the vault's templates folder (as its settings in .obsidian name it)");
    expect(check.stdout).toContain("Møde.md: not a term: in the vault's templates folder (as its settings in .obsidian name it)");
    expect(check.stdout).toContain('0 errors, 0 warnings in 2 articles (0 of 4 files skipped, 2 section, template or draft pages not counted as terms)');
    // In a vault of language folders; written with a backslash, from ./, or composed otherwise than on disk.
    const langs = writeCorpus({
      '.obsidian/templates.json': '{"folder":"./en/Templates/"}',
      '.obsidian/plugins/templater-obsidian/data.json': `{"templates_folder":"da\\\\Skabelone\u0301r"}`,
      'en/Templates/Daily.md': '# {{date}}\n\nDaily.\n',
      'da/Skabelonér/Dag.md': '# {{date}}\n\nDag.\n',
      'en/Real.md': '# Real\n\nA term.\n',
      'da/Rigtig.md': '# Rigtig\n\nEt ord.\n',
    });
    expect(runOn(langs)('--lang', 'all', 'list').stdout).toBe('en  real    Real\nda  rigtig  Rigtig\n');
    // The setting changed: the cached listing is not trusted, the folder's notes are read again.
    writeFileSync(join(dir, '.obsidian', 'templates.json'), '{"folder":"Andet"}');
    expect(run('list').stdout).toBe('aktie    Aktie\nny-term  Ny term\nordbog   Ordbog\n');
  });

  it("Docusaurus: a doc's id: is its address, and ./x is read from the page's folder", () => {
    const dir = writeCorpus({
      'finance/loan.md': article({ id: 'loan-term', title: 'Loan', description: 'l.' }, 'A loan. See [bond](/docs/finance/bond) and [lease](./lease).'),
      'finance/bond.md': article({ title: 'Bond', description: 'b.' }, 'A bond. See [loan](/docs/finance/loan-term) and [loan](./loan-term).'),
      'finance/lease.md': article({ title: 'Lease', description: 'l.' }, 'A lease. See [loan](/docs/finance/loan-term) and [bond](/docs/finance/bond).'),
    });
    expect(cli(['check', dir]).stdout).toContain('0 errors, 0 warnings in 3 articles');
    expect(runOn(dir)('backlinks', 'loan').stdout).toBe('bond   Bond\nlease  Lease\n');
    // The doc's id is a name it is looked up by, as the site knows it.
    const byId = runOn(dir)('lookup', '--json', 'loan-term');
    expect(byId.code).toBe(0);
    expect(JSON.parse(byId.stdout)).toMatchObject({ id: 'finance/loan', title: 'Loan', matched: 'alias' });
    // So is the end of Hugo's url (without .html); an old address (aliases: [/p/42/]) names nothing.
    const hugo = writeCorpus({
      'bond.md': '---\ntitle: Bond\ndescription: b.\nurl: /ordbog/obligation.html\naliases: [/p/42/]\n---\nA bond.\n',
      'rate.md': article({ title: 'Rate', description: 'r.' }, 'A rate.'),
    });
    expect(JSON.parse(runOn(hugo)('lookup', '--json', 'obligation').stdout)).toMatchObject({ id: 'bond', matched: 'alias' });
    // An id: that is no address (it holds a /) still names the page; edited, the cache answers as a fresh compile.
    const ids = writeCorpus({ 'laan.md': '---\ntitle: Lån\ndescription: l.\nid: foo/loan-term\n---\nEt lån.\n' });
    expect(runOn(ids)('lookup', '--json', 'loan-term').code).toBe(0);
    writeFileSync(join(ids, 'laan.md'), '---\ntitle: Lån\ndescription: l.\nid: foo/credit-term\n---\nEt lån.\n');
    expect(JSON.parse(runOn(ids)('lookup', '--json', 'credit-term').stdout)).toMatchObject({ id: 'laan' });
    expect(runOn(ids)('lookup', 'loan-term').code).not.toBe(0);
    expect(runOn(hugo)('lookup', '42').code).not.toBe(0);
  });

  it('Docusaurus tags written as objects are keywords by their label', () => {
    const dir = writeCorpus({
      'debt.md': '---\ntitle: Debt\ndescription: d.\ntags:\n  - label: Finance\n    permalink: /finance\n---\nDebt.\n',
      'bond.md': article({ title: 'Bond', description: 'b.', tags: '[Finance]' }, 'Bond.'),
      'odd.md': '---\ntitle: Odd\ndescription: o.\ntags:\n  - permalink: /x\n---\nOdd.\n',
    });
    expect(runOn(dir)('list', '--keyword', 'Finance').stdout).toBe('bond  Bond\ndebt  Debt\n');
    expect(cli(['check', dir]).stdout).toContain('odd.md:1: warning: "tags" holds an object, not text; ignored: write each item as text (tags: [A, B]) [field-type]');
  });

  it('an escaped \\[x](/x) is text, no link; an address in angle brackets is a link', () => {
    const dir = writeCorpus({
      'a.md': article({ title: 'A', description: 'a.' }, 'Escaped: \\[e](/e). Angle brackets: [same](</same slug>). Backslash then a link: \\\\[e](/e).\nSe \\[sic\\] og [b](b.md). Hurra\\![C](c.md).'),
      'c.md': article({ title: 'C', description: 'c.' }, 'C.'),
      'b.md': article({ title: 'B', description: 'b.' }, 'B.'),
      'e.md': article({ title: 'E', description: 'e.' }, 'E.'),
      'same slug.md': article({ title: 'Same slug', description: 's.' }, 'S.'),
    });
    const run = runOn(dir);
    expect(run('links', 'a', '--json').stdout).toMatch(/"target": "same slug"[\s\S]*"target": "e"[\s\S]*"target": "b"/);
    // The link after an escaped bracket on its line is a link (the escaped one took it in).
    // And an escaped `!` before a link makes it no image.
    expect(JSON.parse(run('links', 'a', '--json').stdout)).toHaveLength(4);
    expect(run('backlinks', 'same slug').stdout).toBe('a  A\n');
    const shown = run('lookup', 'a', '--no-pager', '--width', '80').stdout;
    expect(shown).toContain('Escaped: [e](/e).');
    expect(shown).toMatch(/\[1\] .*Same slug/);
  });

  it('`links` says when a target is only in another language, as check does', () => {
    const dir = writeCorpus({
      'da/aktie.md': article({ title: 'Aktie', description: 'a.' }, 'Se [rente](/rente) og [r](/ordbog/rente/) og [o](/ordbog/obligation/).'),
      'da/obligation.md': article({ title: 'Obligation', description: 'o.' }, 'Se [a](/ordbog/aktie/).'),
      'en/aktie.md': article({ title: 'Share', description: 's.' }, 'See [rate](/rente) and [r](/en/ordbog/rente/).'),
      'en/rente.md': article({ title: 'Interest rate', description: 'r.' }, 'Rate [a](/en/ordbog/aktie/).'),
    });
    const run = runOn(dir);
    // By the site's prefix too (/ordbog/rente/), as check resolves it.
    expect(run('--lang', 'da', 'links', 'aktie').stdout).toMatch(/^rente +rente +\(only in en\)\nordbog\/rente +r +\(only in en\)\nobligation +Obligation\n$/);
    expect(JSON.parse(run('--lang', 'da', 'links', 'aktie', '--json').stdout)[0]).toMatchObject({ target: 'rente', resolved: null, onlyIn: ['en'] });
    // A link with its language's prefix (/en/...) and one by another language's alias, as check finds them.
    const other = writeCorpus({
      'da/glossary/aktie.md': article({ title: 'Aktie', description: 'a.' }, 'Se [r](/glossary/rente/) og [R](/Renten).'),
      'da/glossary/rente.md': article({ title: 'Rente', description: 'r.' }, 'Se [a](/glossary/aktie/).'),
      'en/glossary/aktie.md': article({ title: 'Share', description: 's.' }, 'See [r](/en/glossary/rente/) and [x](/en/glossary/mangler/).'),
      'en/glossary/obligation.md': article({ title: 'Bond', description: 'b.', aliases: '[Renten]' }, 'See [a](/en/glossary/aktie/).'),
    });
    expect(runOn(other)('--lang', 'en', 'links', 'share').stdout).toMatch(/^en\/glossary\/rente +r +\(only in da\)\nen\/glossary\/mangler +x +\(not in the corpus\)\n$/);
    expect(runOn(other)('--lang', 'da', 'links', 'aktie').stdout).toMatch(/Renten +R +\(only in en\)/);
  });

  it('files are read 32 folders deep; deeper ones are named, never passed over in silence', () => {
    const dir = writeCorpus({ 'top.md': article({ title: 'Top', description: 't.' }, 'Top [d](deep32) [e](deep33).') });
    const deep = (n: number) => join(dir, ...Array.from({ length: n }, (_, i) => `d${i + 1}`));
    for (const n of [32, 33, 70]) {
      mkdirSync(deep(n), { recursive: true });
      writeFileSync(join(deep(n), `deep${n}.md`), article({ title: `Deep ${n}`, description: 'd.' }));
    }
    const r = cli(['check', dir]);
    expect(runOn(dir)('backlinks', 'deep32').stdout).toBe('top  Top\n');
    expect(r.stdout).toMatch(/\/d32\/d33\/deep33\.md: skipped: more than 32 folders deep: not read$/m);
    expect(r.stdout).toMatch(/d65: skipped: a folder more than 32 folders below a folder that is not read: the files in it are not looked at/);
    expect(r.stdout).toContain('link to "deep33", which is not in the corpus');
  });

  it('completion reads --content=DIR as --content DIR, as one word (zsh, fish) and as bash splits it', () => {
    const dir = writeCorpus({ 'zeta.md': article({ title: 'Zeta term', description: 'z.' }) });
    const env = cleanEnv();
    expect(cli(['__complete', '3', 'glossary', `--content=${dir}`, 'lookup', 'ze'], env).stdout).toBe('zeta-term\n');
    expect(cli(['__complete', '5', 'glossary', '--content', '=', dir, 'lookup', 'ze'], env).stdout).toBe('zeta-term\n');
    expect(cli(['__complete', '1', 'glossary', '--lang=d'], env).stdout).toBe('--lang=da\n');
    // Nothing offered: no output at all, so that the shell completes files.
    expect(cli(['__complete', '2', 'glossary', 'scan', 'no'], env).stdout).toBe('');
  });
});
