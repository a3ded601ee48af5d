// Review of the store's changes (the stamps.txt fast path, the compile language by language): a
// --content folder's answers through a cache kept between runs must be those of a fresh compile of
// the same folder (another empty cache), and those of the in-memory build (a cache that cannot be
// written). Each test here failed on main when it was written.
import { mkdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, cli, tempDir } from '../helpers.js';

function write(dir: string, rel: string, text: string): void {
  mkdirSync(join(dir, rel, '..'), { recursive: true });
  writeFileSync(join(dir, rel), text);
}

const article = (title: string, body: string) => `---\ntitle: ${title}\ndescription: ${title} is a term.\n---\n\n${body}\n`;

/** stdout, stderr and exit code of each command, as one text to compare. */
function answers(dir: string, env: NodeJS.ProcessEnv, commands: string[][]): string[] {
  return commands.map((args) => {
    const r = cli(['--content', dir, ...args], env);
    return `${args.join(' ')}\n${r.code}\n${r.stdout}\n${r.stderr}`;
  });
}

const fresh = (dir: string, commands: string[][]) => answers(dir, cleanEnv(), commands);

describe('the cache of a --content folder answers as a fresh compile', () => {
  it('learns the site layout from the largest language of now, even when that language is kept', () => {
    // English links /glossary/x, Danish /ordliste/x; the layout is learnt from the largest language.
    const dir = tempDir();
    for (const t of ['a', 'b', 'c']) write(dir, `da/${t}.md`, article(`Da ${t}`, 'Se [b](/ordliste/b) og [c](/ordliste/c).'));
    write(dir, 'da/d.md', article('Da d', 'Se [a](/ordliste/a).'));
    for (const t of ['a', 'b', 'c', 'e', 'f']) write(dir, `en/${t}.md`, article(`En ${t}`, 'See [b](/glossary/b) and [c](/glossary/c).'));
    const commands = [
      ['--lang', 'da', 'links', 'a', '--json'],
      ['--lang', 'da', 'backlinks', 'b', '--json'],
      ['--lang', 'en', 'links', 'a', '--json'],
    ];
    const env = cleanEnv();
    expect(answers(dir, env, commands)).toEqual(fresh(dir, commands));
    // Two English-only terms go: Danish is the largest language now, and its files are unchanged.
    rmSync(join(dir, 'en', 'e.md'));
    rmSync(join(dir, 'en', 'f.md'));
    const reference = fresh(dir, commands);
    expect(reference[0]).toContain('"Da b"');
    expect(answers(dir, env, commands)).toEqual(reference);
  }, 120_000);

  it('picks the same default language whether the cache can be written or not', () => {
    // Danish has more articles; English more files, three of them rejected (bad front matter).
    const dir = tempDir();
    for (const t of ['a', 'b', 'c']) write(dir, `da/${t}.md`, article(`Da ${t}`, 'Tekst.'));
    for (const t of ['a', 'b']) write(dir, `en/${t}.md`, article(`En ${t}`, 'Text.'));
    for (const t of ['x', 'y', 'z']) write(dir, `en/${t}.md`, '---\ntitle: [unclosed\n---\n\nText.\n');
    const lookup = (env: NodeJS.ProcessEnv) => JSON.parse(cli(['--content', dir, 'lookup', 'a', '--json'], env).stdout) as { lang: string };
    const memory = lookup(cleanEnv({ GLOSSARY_TEST_WRITE_ERROR: 'ENOSPC' }));
    expect(memory.lang).toBe('da');
    expect(lookup(cleanEnv()).lang).toBe(memory.lang);
  }, 120_000);

  it('sees a file added to a folder that is not read (a template folder, too deep), as a fresh compile does', () => {
    const dir = tempDir();
    for (const t of ['a', 'b', 'c']) write(dir, `da/${t}.md`, article(`Da ${t}`, 'Tekst.'));
    mkdirSync(join(dir, 'da', '_tpl'));
    // 33 folders below the language folder: one more than are read.
    const deep = Array.from({ length: 33 }, (_, i) => String(i + 1));
    mkdirSync(join(dir, 'da', ...deep), { recursive: true });
    const commands = [['list']];
    const env = cleanEnv();
    expect(answers(dir, env, commands)).toEqual(fresh(dir, commands));
    write(dir, `da/${deep.join('/')}/deep.md`, article('Deep', 'x'));
    write(dir, 'da/_tpl/t.md', article('T', 'x'));
    const reference = fresh(dir, commands);
    expect(reference[0]).toContain('deep.md');
    expect(answers(dir, env, commands)).toEqual(reference);
  }, 120_000);

  it('sees a broken symbolic link mended by creating its target in a folder that is not read', () => {
    const dir = tempDir();
    for (const t of ['a', 'b', 'c']) write(dir, `da/${t}.md`, article(`Da ${t}`, 'Tekst.'));
    mkdirSync(join(dir, 'da', '.src'));
    symlinkSync('.src/t.md', join(dir, 'da', 't.md'));
    const commands = [['list']];
    const env = cleanEnv();
    expect(answers(dir, env, commands)).toEqual(fresh(dir, commands));
    write(dir, 'da/.src/t.md', article('Target t', 'x'));
    const reference = fresh(dir, commands);
    expect(reference[0]).toContain('Target t');
    expect(answers(dir, env, commands)).toEqual(reference);
  }, 120_000);

  it('still shows an article after a patched edit is undone (content and mtime restored) while another language changes', () => {
    const dir = tempDir();
    const original = article('Da a', 'Tekst om a.');
    for (const t of ['a', 'b', 'c']) write(dir, `da/${t}.md`, article(`Da ${t}`, `Tekst om ${t}.`));
    for (const t of ['a', 'b']) write(dir, `en/${t}.md`, article(`En ${t}`, 'Text.'));
    const file = join(dir, 'da', 'a.md');
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    const env = cleanEnv();
    expect(cli(['--content', dir, 'list'], env).code).toBe(0);
    // Layout only (blank lines, spaces): the records are patched, the languages' signatures not.
    write(dir, 'da/a.md', original.replace('Tekst om a.', '\nTekst   om a.'));
    expect(cli(['--content', dir, '--lang', 'da', 'lookup', 'a', '--json'], env).code).toBe(0);
    // Undone as a backup restores it (cp -p, rsync -t), and a new English term.
    write(dir, 'da/a.md', original);
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    write(dir, 'en/z.md', article('En z', 'Text.'));
    const commands = [
      ['--lang', 'da', 'lookup', 'a', '--width', '80'],
      ['--lang', 'da', 'search', 'tekst', '--json'],
    ];
    const reference = fresh(dir, commands);
    expect(reference[0]).toContain('Tekst om a.');
    expect(answers(dir, env, commands)).toEqual(reference);
  }, 120_000);

  it('says an article is also in a language only when that language has it (not a rejected file of that id)', () => {
    const dir = tempDir();
    for (const t of ['a', 'b', 'x']) write(dir, `da/${t}.md`, article(`Da ${t}`, 'Tekst.'));
    write(dir, 'en/a.md', article('En a', 'Text.'));
    write(dir, 'en/x.md', '---\ntitle: [unclosed\n---\n\nText.\n');
    const lookup = (env: NodeJS.ProcessEnv) => cli(['--content', dir, '--lang', 'da', 'lookup', 'x', '--width', '80'], env).stdout;
    const memory = lookup(cleanEnv({ GLOSSARY_TEST_WRITE_ERROR: 'ENOSPC' }));
    expect(memory).toContain('Da x');
    expect(memory).not.toContain('Also in: en');
    expect(lookup(cleanEnv())).toBe(memory);
    expect(cli(['--content', dir, '--lang', 'en', 'lookup', 'x'], cleanEnv()).code).toBe(3);
  }, 120_000);

  it('does not make a language of rejected files alone the default (lookup and list of the articles there are)', () => {
    const dir = tempDir();
    for (const t of ['a', 'b']) write(dir, `da/${t}.md`, article(`Da ${t}`, 'Tekst.'));
    for (const t of ['x', 'y', 'z']) write(dir, `en/${t}.md`, '---\ntitle: [unclosed\n---\n\nText.\n');
    const lookup = cli(['--content', dir, 'lookup', 'a'], cleanEnv());
    expect(lookup.code).toBe(0);
    expect(lookup.stdout).toContain('Da a');
    const list = cli(['--content', dir, 'list'], cleanEnv());
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('Da b');
  }, 120_000);
});
