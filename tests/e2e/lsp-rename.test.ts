// Rename and references of `glossary lsp` where links are written in every way the corpus reads
// them (a hostile pass found rename rewriting the wrong text: two links on a line, a link that
// begins with the id, reference definitions and wikilinks), ids the listing would not read back,
// and a line a regular expression took seconds over. Applied by Neovim 0.7, a client we did not write.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';
import { LSP, neovim, nvim, Raw } from './lsp-client.js';

const LINKER = `---
title: Linker
description: Links skrevet på mange måder.
---
# Linker

To på en linje: [a](/jointventure) og [b](/jointventure).
Forveksling: [x](/jointventure-old) og [y](/jointventure#historie).
Ref-stil: [jv][ref] her.
Wiki: [[jointventure]] og [[jointventure|JV]].
Kode: \`[c](/jointventure)\` står som kode.
Kommentar: <!-- [gammel](/jointventure) --> [ny](/jointventure).
<!--
[skjult](/jointventure)
-->

[ref]: /jointventure
`;

const OLD = `---
title: Gammelt joint venture
description: Et ord der begynder som et andet id.
---
Se [linker](/linker).
`;

function corpus(): string {
  const dir = join(tempDir('glossary-lsp-'), 'ordbog');
  cpSync(join(LSP, 'glossary'), dir, { recursive: true });
  writeFileSync(join(dir, 'linker.md'), LINKER);
  writeFileSync(join(dir, 'jointventure-old.md'), OLD);
  return dir;
}

const files = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe.skipIf(!nvim)('rename in Neovim 0.7: every written link rewritten where it stands, nothing else', () => {
  it('two links on a line, a heading after the id, a reference definition, wikilinks; not code, not a longer id', () => {
    const dir = corpus();
    const a = neovim('rename.lua', { GLOSSARY_ROOT: dir, GLOSSARY_FILE: join(dir, 'jointventure.md'), GLOSSARY_LINE: '0', GLOSSARY_NAMES: 'fællesforetagende' });
    const [only] = a['renames'];
    expect(only.err).toBe(null);
    expect(only.applied).toBe(true);
    expect(existsSync(join(dir, 'jointventure.md'))).toBe(false);
    expect(readFileSync(join(dir, 'fællesforetagende.md'), 'utf8')).toContain('title: Joint venture');
    expect(readFileSync(join(dir, 'linker.md'), 'utf8')).toBe(
      LINKER.replace('[a](/jointventure) og [b](/jointventure)', '[a](/fællesforetagende) og [b](/fællesforetagende)')
        .replace('--> [ny](/jointventure)', '--> [ny](/fællesforetagende)')
        .replace('[y](/jointventure#historie)', '[y](/fællesforetagende#historie)')
        .replace('[[jointventure]] og [[jointventure|JV]]', '[[fællesforetagende]] og [[fællesforetagende|JV]]')
        .replace('[ref]: /jointventure', '[ref]: /fællesforetagende'),
    );
    expect(readFileSync(join(dir, 'jointventure-old.md'), 'utf8')).toBe(OLD);
    expect(readFileSync(join(dir, 'fusion.md'), 'utf8')).toContain('[joint venture](/fællesforetagende)');
    const check = cli(['check', dir, '--json']);
    expect(JSON.parse(check.stdout).problems.filter((p: { code: string }) => p.code === 'broken-link')).toEqual([]);
  });

  it('refuses an id the listing would not read back as the article, or in a folder that is not there, and changes nothing', () => {
    const dir = corpus();
    const before = files(dir);
    const a = neovim('rename.lua', { GLOSSARY_ROOT: dir, GLOSSARY_FILE: join(dir, 'jointventure.md'), GLOSSARY_LINE: '0', GLOSSARY_NAMES: 'README,index,_utkast,fusion/index,mappe/jv,.skjult' });
    expect(a['renames'].map((r: { name: string; err: { message: string } }) => [r.name, r.err.message])).toEqual([
      ['README', '"README" would not be read as an article: a README is about its folder, not a term; choose another id'],
      ['index', '"index" would not be read as an article: an index.md is its folder\'s page (a bundle is named by its folder); choose another id'],
      ['_utkast', '"_utkast" would not be read as an article: a name that starts with "_" is a template; choose another id'],
      ['fusion/index', '"fusion/index" would not be read as an article: an index.md is its folder\'s page (a bundle is named by its folder); choose another id'],
      ['mappe/jv', 'there is no folder mappe for "mappe/jv": make it first, then rename'],
      ['.skjult', '".skjult" is not an article id: use letters, digits, - and _ (a/b for a sub-folder)'],
    ]);
    expect(files(dir)).toEqual(before);
  });

  it('into a folder that is there: the file moves and the links follow', () => {
    const dir = corpus();
    mkdirSync(join(dir, 'selskaber'));
    const a = neovim('rename.lua', { GLOSSARY_ROOT: dir, GLOSSARY_FILE: join(dir, 'jointventure.md'), GLOSSARY_LINE: '0', GLOSSARY_NAMES: 'selskaber/jv' });
    expect(a['renames'][0].applied).toBe(true);
    expect(existsSync(join(dir, 'selskaber', 'jv.md'))).toBe(true);
    expect(readFileSync(join(dir, 'fusion.md'), 'utf8')).toContain('[joint venture](/selskaber/jv)');
    expect(JSON.parse(cli(['check', dir, '--json']).stdout).problems.filter((p: { code: string }) => p.code === 'broken-link')).toEqual([]);
  });
});

describe('rename and references over raw framing', () => {
  const open = async (dir: string, capabilities: object, file: string, text?: string) => {
    const s = new Raw([]);
    s.send({ id: 1, method: 'initialize', params: { processId: null, rootUri: pathToFileURL(dir).href, capabilities, initializationOptions: {} } });
    await s.reply(1);
    s.send({ method: 'initialized', params: {} });
    const uri = pathToFileURL(join(dir, file)).href;
    s.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text: text ?? readFileSync(join(dir, file), 'utf8') } } });
    return { s, uri };
  };
  const renaming = { workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['rename'] } } };

  it('references: one range for each link, on its own target, none in code', async () => {
    const dir = corpus();
    const { s, uri } = await open(dir, renaming, 'jointventure.md');
    s.send({ id: 2, method: 'textDocument/references', params: { textDocument: { uri }, position: { line: 0, character: 0 }, context: { includeDeclaration: false } } });
    const refs = (await s.reply(2)).result.filter((r: { uri: string }) => r.uri.endsWith('/linker.md'));
    const lines = LINKER.split('\n');
    expect(refs.map((r: { range: { start: { line: number; character: number }; end: { character: number } } }) => lines[r.range.start.line]?.slice(r.range.start.character, r.range.end.character))).toEqual([
      '/jointventure', '/jointventure', '/jointventure#historie', 'jointventure', 'jointventure', '/jointventure', '/jointventure',
    ]);
    // On the line with a comment: the link after it, not the one in it.
    const commented = lines.findIndex((l) => l.startsWith('Kommentar:'));
    expect(refs.filter((r: { range: { start: { line: number } } }) => r.range.start.line === commented).map((r: { range: { start: { character: number } } }) => r.range.start.character)).toEqual([(lines[commented] as string).indexOf('[ny](') + 5]);
    s.child.stdin.end();
    await s.exited;
  });

  it('link completion inside a target written already replaces the whole target; in angle brackets it keeps them', async () => {
    const dir = corpus();
    const text = `${readFileSync(join(dir, 'linker.md'), 'utf8')}Se [a](/joinxyz) og [b](<fus>).\n`;
    const { s, uri } = await open(dir, renaming, 'linker.md', text);
    const line = text.split('\n').length - 2;
    const last = text.split('\n')[line] as string;
    const complete = async (id: number, character: number) => {
      s.send({ id, method: 'textDocument/completion', params: { textDocument: { uri }, position: { line, character } } });
      return (await s.reply(id)).result.items as Array<{ label: string; textEdit: { newText: string; range: { start: { character: number }; end: { character: number } } } }>;
    };
    // At `](/join|xyz)`: the edit covers `/joinxyz` (before, only `/join`: `/jointventurexyz`).
    const inline = (await complete(2, last.indexOf('/join') + 5)).find((i) => i.label === 'jointventure');
    expect(inline?.textEdit.newText).toBe('/jointventure');
    expect([inline?.textEdit.range.start.character, inline?.textEdit.range.end.character]).toEqual([last.indexOf('/join'), last.indexOf('/joinxyz') + '/joinxyz'.length]);
    // At `](<fu|s>)`: the edit covers `fus`, the brackets stay (before, the `<` was replaced).
    const angled = (await complete(3, last.indexOf('<fus') + 3)).find((i) => i.label === 'fusion');
    expect([angled?.textEdit.range.start.character, angled?.textEdit.range.end.character]).toEqual([last.indexOf('<fus') + 1, last.indexOf('<fus') + 4]);
    s.child.stdin.end();
    await s.exited;
  });

  it('link completion offers no id with control or bidirectional characters, and strips them from titles', async () => {
    const dir = corpus();
    writeFileSync(join(dir, 'pul\u001b[31m\u202esar.md'), '---\ntitle: Pulsar\ndescription: En stjerne.\n---\n\nTekst.\n');
    writeFileSync(join(dir, 'kvasar.md'), '---\ntitle: "Kvasar \\u202e\\u2066\\u200f\\u061c x"\ndescription: En kerne.\n---\n\nTekst.\n');
    const text = `${readFileSync(join(dir, 'linker.md'), 'utf8')}Se [z](/\n`;
    const { s, uri } = await open(dir, renaming, 'linker.md', text);
    const line = text.split('\n').length - 2;
    s.send({ id: 2, method: 'textDocument/completion', params: { textDocument: { uri }, position: { line, character: 9 } } });
    const items = (await s.reply(2)).result.items as Array<{ label: string; filterText: string; detail: string; textEdit: { newText: string } }>;
    expect(items.map((i) => i.label)).toContain('kvasar');
    expect(items.some((i) => i.label.startsWith('pul'))).toBe(false);
    const all = JSON.stringify(items);
    expect(all).not.toMatch(/[\u0000-\u001f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    s.child.stdin.end();
    await s.exited;
  });

  it('a link written as HTML: references give its line; a rename is refused and says where, changing nothing', async () => {
    const dir = corpus();
    writeFileSync(join(dir, 'html.md'), '---\ntitle: Html\ndescription: Et link i HTML.\n---\n\nSe <a href="/jointventure">joint venture</a>.\n');
    const { s, uri } = await open(dir, renaming, 'jointventure.md');
    s.send({ id: 2, method: 'textDocument/references', params: { textDocument: { uri }, position: { line: 0, character: 0 }, context: { includeDeclaration: false } } });
    const refs = (await s.reply(2)).result.filter((r: { uri: string }) => r.uri.endsWith('/html.md'));
    expect(refs).toEqual([{ uri: pathToFileURL(join(dir, 'html.md')).href, range: { start: { line: 5, character: 0 }, end: { line: 5, character: 'Se <a href="/jointventure">joint venture</a>.'.length } } }]);
    s.send({ id: 3, method: 'textDocument/rename', params: { textDocument: { uri }, position: { line: 0, character: 0 }, newName: 'jv2' } });
    expect((await s.reply(3)).error.message).toBe('the link to it on line 6 of html.md is written in a way the rename cannot rewrite: change it by hand, or rename by hand');
    s.child.stdin.end();
    await s.exited;
  });

  it('an <a href> beside a Markdown link of the same address on one line: the rename is refused, not left half done', async () => {
    const dir = corpus();
    writeFileSync(join(dir, 'begge.md'), '---\ntitle: Begge\ndescription: To slags link.\n---\n\nSe [jv](/jointventure) og <a href="/jointventure">joint venture</a>.\n');
    const { s, uri } = await open(dir, renaming, 'jointventure.md');
    s.send({ id: 2, method: 'textDocument/rename', params: { textDocument: { uri }, position: { line: 0, character: 0 }, newName: 'jv2' } });
    expect((await s.reply(2)).error.message).toBe('the link to it on line 6 of begge.md is written in a way the rename cannot rewrite: change it by hand, or rename by hand');
    s.child.stdin.end();
    await s.exited;
  });

  it('a rename the editor did not apply, then the article closed and opened again: the next rename is answered as the first', async () => {
    const dir = corpus();
    const { s, uri } = await open(dir, renaming, 'jointventure.md');
    const text = readFileSync(join(dir, 'jointventure.md'), 'utf8');
    const renamed = (r: any) => r.result?.documentChanges?.find((c: any) => c.kind === 'rename')?.newUri;
    s.send({ id: 2, method: 'textDocument/rename', params: { textDocument: { uri }, position: { line: 0, character: 0 }, newName: 'jv2' } });
    expect(renamed(await s.reply(2))).toBe(pathToFileURL(join(dir, 'jv2.md')).href);
    s.send({ method: 'textDocument/didClose', params: { textDocument: { uri } } });
    s.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text } } });
    // Before: "renamed to ..., the link ... would lead to the article renamed instead of jointventure", for every rename.
    s.send({ id: 3, method: 'textDocument/rename', params: { textDocument: { uri }, position: { line: 0, character: 0 }, newName: 'jv3' } });
    const again = await s.reply(3);
    expect(again.error).toBeUndefined();
    expect(renamed(again)).toBe(pathToFileURL(join(dir, 'jv3.md')).href);
    s.child.stdin.end();
    await s.exited;
  });

  it('an id too long for a file name is refused; edits of an open document carry its version, of one not open none', async () => {
    const dir = corpus();
    const { s, uri } = await open(dir, renaming, 'jointventure.md');
    s.send({ id: 2, method: 'textDocument/rename', params: { textDocument: { uri }, position: { line: 0, character: 0 }, newName: 'x'.repeat(300) } });
    expect((await s.reply(2)).error).toMatchObject({ code: -32602, message: expect.stringContaining('is too long for a file name (255 bytes with .md)') });
    const linker = pathToFileURL(join(dir, 'linker.md')).href;
    s.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: linker, languageId: 'markdown', version: 7, text: readFileSync(join(dir, 'linker.md'), 'utf8') } } });
    s.send({ id: 3, method: 'textDocument/rename', params: { textDocument: { uri }, position: { line: 0, character: 0 }, newName: 'jv2' } });
    const changes = (await s.reply(3)).result.documentChanges.filter((c: any) => c.textDocument);
    expect(changes.find((c: any) => c.textDocument.uri === linker)?.textDocument.version).toBe(7);
    expect(changes.filter((c: any) => c.textDocument.uri !== linker).every((c: any) => c.textDocument.version === null)).toBe(true);
    s.child.stdin.end();
    await s.exited;
  });

  it('go to definition on a reference link reads no definition in a code block, as the parser does', async () => {
    const dir = corpus();
    const text = '---\ntitle: Ref\ndescription: R.\n---\n\nSe [jv][a] her.\n\n```\n[a]: /fusion\n```\n\n[a]: /jointventure\n';
    writeFileSync(join(dir, 'ref.md'), text);
    const { s, uri } = await open(dir, renaming, 'ref.md');
    s.send({ id: 2, method: 'textDocument/definition', params: { textDocument: { uri }, position: { line: 5, character: 5 } } });
    // Before: fusion.md, by the definition in the code block.
    expect((await s.reply(2)).result).toMatchObject({ uri: pathToFileURL(join(dir, 'jointventure.md')).href });
    s.child.stdin.end();
    await s.exited;
  });

  it('go to definition on a reference link ([jv][ref]) leads where its definition does', async () => {
    const dir = corpus();
    const { s, uri } = await open(dir, renaming, 'linker.md');
    const lines = LINKER.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Ref-stil:'));
    s.send({ id: 2, method: 'textDocument/definition', params: { textDocument: { uri }, position: { line: at, character: lines[at]?.indexOf('[jv]') as number + 2 } } });
    // Before: null (the inline and wiki links and the definition's line went there; the use of it did not).
    expect((await s.reply(2)).result).toMatchObject({ uri: pathToFileURL(join(dir, 'jointventure.md')).href });
    s.send({ id: 3, method: 'textDocument/definition', params: { textDocument: { uri }, position: { line: at, character: 1 } } });
    expect((await s.reply(3)).result).toBeNull();
    s.child.stdin.end();
    await s.exited;
  });

  it('into another folder, a link written from its own folder refuses the rename (it would lead to another article); from the root it is rewritten', async () => {
    const dir = join(tempDir('glossary-lsp-'), 'ordbog');
    mkdirSync(join(dir, 'a'), { recursive: true });
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'glossary.json'), '{}');
    const art = (title: string, body: string) => `---\ntitle: ${title}\ndescription: D.\n---\n\n${body}\n`;
    writeFileSync(join(dir, 'a', 'x.md'), art('X', 'Om [y](y.md).'));
    writeFileSync(join(dir, 'a', 'y.md'), art('Y', 'Om [x](x.md).'));
    writeFileSync(join(dir, 'a', 'x2.md'), art('X2', 'Om [y](/a/y).'));
    const { s, uri } = await open(dir, renaming, 'a/x.md');
    s.send({ id: 2, method: 'textDocument/rename', params: { textDocument: { uri }, position: { line: 0, character: 0 }, newName: 'b/x2' } });
    expect((await s.reply(2)).error.message).toBe('the link "x.md" on line 6 of a/y.md is written from its own folder: a rename into another folder would break it; write it from the root (/a/x), or rename within the folder');
    // Within its folder the same links are rewritten.
    s.send({ id: 3, method: 'textDocument/rename', params: { textDocument: { uri }, position: { line: 0, character: 0 }, newName: 'a/x3' } });
    const edits = (await s.reply(3)).result.documentChanges;
    expect(edits[0]).toEqual({ kind: 'rename', oldUri: uri, newUri: pathToFileURL(join(dir, 'a', 'x3.md')).href });
    expect(JSON.stringify(edits)).toContain('"newText":"x3.md"');
    s.child.stdin.end();
    await s.exited;
  });

  it('a rename that would make a link mean another note is refused, and says which; a bundle holding another article too', async () => {
    const dir = join(tempDir('glossary-lsp-'), 'vault');
    for (const d of ['.obsidian', 'Finans', 'Andet', 'node/networking']) mkdirSync(join(dir, d), { recursive: true });
    writeFileSync(join(dir, 'glossary.json'), '{}');
    writeFileSync(join(dir, 'Aktie.md'), '# Aktie\n\nEn andel.\n');
    writeFileSync(join(dir, 'Obligation.md'), '# Obligation\n\nSe [[Aktie]].\n');
    writeFileSync(join(dir, 'Finans', 'Rente.md'), '# Rente\n\nSe [[Aktie|aktier]].\n');
    writeFileSync(join(dir, 'Finans', 'Dobbelt.md'), '# Dobbelt\n\nSe [[Aktie]].\n');
    writeFileSync(join(dir, 'Andet', 'Dobbelt.md'), '# Dobbelt to\n\nSe [[Aktie]] og \\[[Aktie]].\n');
    writeFileSync(join(dir, 'node', 'index.md'), '# Node\n\nEt punkt.\n');
    writeFileSync(join(dir, 'node', 'networking', 'index.md'), '# Networking\n\nSe [node](/node).\n');
    writeFileSync(join(dir, 'Rente.md'), '# Rente top\n\nSe [net](/node/networking/).\n');
    const { s, uri } = await open(dir, renaming, 'Aktie.md');
    s.send({ id: 2, method: 'textDocument/rename', params: { textDocument: { uri }, position: { line: 0, character: 0 }, newName: 'Dobbelt' } });
    expect((await s.reply(2)).error.message).toBe('renamed to "Dobbelt", the link "Aktie" on line 3 of Andet/Dobbelt.md would lead to Andet/Dobbelt instead of the article renamed: choose another id, or write that link with its folder');
    // Another name is no other note's: the links follow; the escaped one is no link, and is left.
    s.send({ id: 3, method: 'textDocument/rename', params: { textDocument: { uri }, position: { line: 0, character: 0 }, newName: 'Andel' } });
    const edits = JSON.stringify((await s.reply(3)).result.documentChanges);
    expect(edits.match(/"newText":"Andel"/g)).toHaveLength(4);
    s.send({ id: 4, method: 'textDocument/references', params: { textDocument: { uri }, position: { line: 0, character: 0 }, context: { includeDeclaration: false } } });
    expect((await s.reply(4)).result).toHaveLength(4);
    const node = pathToFileURL(join(dir, 'node', 'index.md')).href;
    s.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: node, languageId: 'markdown', version: 1, text: readFileSync(join(dir, 'node', 'index.md'), 'utf8') } } });
    // Moved into Sub/, its own [[B]] would be read from there (Sub/B.md): refused.
    writeFileSync(join(dir, 'B.md'), '# B\n\nRoden.\n');
    mkdirSync(join(dir, 'Sub'));
    writeFileSync(join(dir, 'Sub', 'B.md'), '# B i Sub\n\nUndermappen.\n');
    writeFileSync(join(dir, 'Flyt.md'), '# Flyt\n\nSe [[B]].\n');
    const flyt = pathToFileURL(join(dir, 'Flyt.md')).href;
    s.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: flyt, languageId: 'markdown', version: 1, text: readFileSync(join(dir, 'Flyt.md'), 'utf8') } } });
    await new Promise((r) => setTimeout(r, 1200));
    s.send({ id: 6, method: 'textDocument/rename', params: { textDocument: { uri: flyt }, position: { line: 0, character: 0 }, newName: 'Sub/Flyt' } });
    expect((await s.reply(6)).error.message).toBe('renamed to "Sub/Flyt", the link "B" on line 3 of Flyt.md would lead to Sub/B instead of B: choose another id, or write that link with its folder');
    s.send({ id: 5, method: 'textDocument/rename', params: { textDocument: { uri: node }, position: { line: 0, character: 0 }, newName: 'nodejs' } });
    expect((await s.reply(5)).error.message).toBe('node/networking/index.md is in the folder of node: the rename would move it too, and the links to it are not rewritten; move it out first, or rename by hand');
    s.child.stdin.end();
    await s.exited;
  });

  it("a bundle holding another language's file (Hugo's index.en.md) is not renamed: that file would move with its links unwritten", async () => {
    const dir = join(tempDir('glossary-lsp-'), 'site');
    mkdirSync(join(dir, 'aktie'), { recursive: true });
    writeFileSync(join(dir, 'glossary.json'), '{}');
    writeFileSync(join(dir, 'aktie', 'index.md'), '---\ntitle: Aktie\ndescription: a.\n---\n\nEn andel.\n');
    writeFileSync(join(dir, 'aktie', 'index.en.md'), '---\ntitle: Share\ndescription: s.\n---\n\nA share.\n');
    writeFileSync(join(dir, 'obligation.md'), '---\ntitle: Obligation\ndescription: o.\n---\n\nSe [aktie](/aktie/).\n');
    writeFileSync(join(dir, 'obligation.en.md'), '---\ntitle: Bond\ndescription: b.\n---\n\nSee [share](/en/aktie/).\n');
    const { s, uri } = await open(dir, renaming, 'aktie/index.md');
    s.send({ id: 2, method: 'textDocument/rename', params: { textDocument: { uri }, position: { line: 0, character: 0 }, newName: 'andel' } });
    expect((await s.reply(2)).error.message).toBe('aktie/index.en.md is in the folder of aktie: the rename would move it too, and the links to it are not rewritten; move it out first, or rename by hand');
    s.child.stdin.end();
    await s.exited;
  });

  it('"Add a link" is offered for a term in the text, not in TOML front matter either', async () => {
    const dir = join(tempDir('glossary-lsp-'), 'ordbog');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'glossary.json'), '{}');
    writeFileSync(join(dir, 'aktie.md'), '---\ntitle: Aktie\ndescription: En andel.\n---\n\nEn andel.\n');
    writeFileSync(join(dir, 'y.md'), '+++\ntitle = "Y"\ndescription = "En aktie her."\n+++\n\nTekst om en aktie.\n');
    const { s, uri } = await open(dir, renaming, 'y.md');
    s.send({ id: 2, method: 'textDocument/codeAction', params: { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } }, context: { diagnostics: [] } } });
    const actions = (await s.reply(2)).result as Array<{ edit: { changes: Record<string, Array<{ range: { start: { line: number } } }>> } }>;
    expect(actions.map((x) => Object.values(x.edit.changes)[0]?.[0]?.range.start.line)).toEqual([5]);
    s.child.stdin.end();
    await s.exited;
  });

  it('"Add a link" is offered for a term in the text, not in front matter, a link, a wikilink or code', async () => {
    const dir = join(tempDir('glossary-lsp-'), 'ordbog');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'glossary.json'), '{}');
    writeFileSync(join(dir, 'aktie.md'), '---\ntitle: Aktie\ndescription: En andel.\n---\n\nEn andel.\n');
    const text = '---\ntitle: X\ndescription: En aktie her.\n---\n\nTekst om en aktie her.\nSe [en aktie](/aktie) og [[aktie]] og `aktie`.\n\n```\naktie\n```\n';
    writeFileSync(join(dir, 'x.md'), text);
    const { s, uri } = await open(dir, renaming, 'x.md');
    s.send({ id: 2, method: 'textDocument/codeAction', params: { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 11, character: 0 } }, context: { diagnostics: [] } } });
    const actions = (await s.reply(2)).result as Array<{ edit: { changes: Record<string, Array<{ range: { start: { line: number; character: number } } }>> } }>;
    expect(actions.map((x) => Object.values(x.edit.changes)[0]?.[0]?.range.start)).toEqual([{ line: 5, character: 12 }]);
    s.child.stdin.end();
    await s.exited;
  });

  it('"Add a link" is not offered in a commit message or a text file in the folder: a link is Markdown', async () => {
    const dir = join(tempDir('glossary-lsp-'), 'ordbog');
    mkdirSync(join(dir, '.git'), { recursive: true });
    writeFileSync(join(dir, 'glossary.json'), '{}');
    writeFileSync(join(dir, 'aktie.md'), '---\ntitle: Aktie\ndescription: En andel.\n---\n\nEn andel.\n');
    const { s } = await open(dir, renaming, 'aktie.md');
    const ask = async (id: number, file: string, languageId: string) => {
      const uri = pathToFileURL(join(dir, file)).href;
      s.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId, version: 1, text: 'Om en aktie.\n' } } });
      s.send({ id, method: 'textDocument/codeAction', params: { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, context: { diagnostics: [] } } });
      return (await s.reply(id)).result;
    };
    expect(await ask(2, '.git/COMMIT_EDITMSG', 'gitcommit')).toBeNull();
    expect(await ask(3, 'noter.txt', 'plaintext')).toBeNull();
    expect(await ask(4, 'noter.md', 'markdown')).toHaveLength(1);
    s.child.stdin.end();
    await s.exited;
  });

  it('a file of the folder opened that the server has not listed yet (made, or renamed by its own rename) makes it look at the folder at once', async () => {
    const dir = join(tempDir('glossary-lsp-'), 'ordbog');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'glossary.json'), '{}');
    writeFileSync(join(dir, 'linker.md'), '---\ntitle: Linker\ndescription: L.\n---\n\nSe [d](/dividende).\n');
    const { s, uri } = await open(dir, renaming, 'linker.md');
    const latest = () => s.messages.filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri).at(-1)?.params.diagnostics as Array<{ code: string }> | undefined;
    const until = async (ok: () => boolean, ms: number) => {
      const end = Date.now() + ms;
      while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      return ok();
    };
    expect(await until(() => (latest() ?? []).some((d) => d.code === 'broken-link'), 10_000)).toBe(true);
    // Within the server's throttle (it looks at the folder at most once a second, and polls every 3 s).
    writeFileSync(join(dir, 'dividende.md'), '---\ntitle: Dividende\ndescription: D.\n---\n\nUdbytte.\n');
    const opened = Date.now();
    s.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: pathToFileURL(join(dir, 'dividende.md')).href, languageId: 'markdown', version: 1, text: readFileSync(join(dir, 'dividende.md'), 'utf8') } } });
    expect(await until(() => !(latest() ?? []).some((d) => d.code === 'broken-link'), 10_000)).toBe(true);
    expect(Date.now() - opened).toBeLessThan(2000);
    s.child.stdin.end();
    await s.exited;
  });

  it('a client that cannot rename files gets a refusal, not link edits that would all break', async () => {
    const dir = corpus();
    const { s, uri } = await open(dir, {}, 'jointventure.md');
    s.send({ id: 2, method: 'textDocument/rename', params: { textDocument: { uri }, position: { line: 0, character: 0 }, newName: 'jv2' } });
    const r = await s.reply(2);
    expect(r.result).toBeUndefined();
    expect(r.error.message).toMatch(/^this editor does not rename files as part of a rename/);
    s.child.stdin.end();
    await s.exited;
  });

  it('a file whose name is decomposed (as macOS writes it) is renamed where it is', async () => {
    const dir = corpus();
    const nfd = 're\u0301sume\u0301';
    writeFileSync(join(dir, `${nfd}.md`), '---\ntitle: Resumé\ndescription: Et resumé.\n---\n\nOm [fusion](/fusion).\n');
    const { s, uri } = await open(dir, renaming, `${nfd}.md`);
    s.send({ id: 2, method: 'textDocument/rename', params: { textDocument: { uri }, position: { line: 0, character: 0 }, newName: 'nyt' } });
    const change = (await s.reply(2)).result.documentChanges[0];
    expect(change).toEqual({ kind: 'rename', oldUri: pathToFileURL(join(dir, `${nfd}.md`)).href, newUri: pathToFileURL(join(dir, 'nyt.md')).href });
    s.child.stdin.end();
    await s.exited;
  });

  it("a file named with its language (Hugo's aktie.da.md, a bundle's index.da.md) keeps the language in its new name", async () => {
    const dir = corpus();
    mkdirSync(join(dir, 'bundt'), { recursive: true });
    writeFileSync(join(dir, 'aktie.da.md'), '---\ntitle: Aktie\ndescription: En andel.\n---\n\nSe [bundt](/bundt/).\n');
    writeFileSync(join(dir, 'aktie.en.md'), '---\ntitle: Share\ndescription: A share.\n---\n\nSee [bundt](/en/bundt/).\n');
    writeFileSync(join(dir, 'bundt', 'index.da.md'), '---\ntitle: Bundt\ndescription: Et bundt.\n---\n\nSe [aktie](/aktie/).\n');
    const flat = await open(dir, renaming, 'aktie.da.md');
    flat.s.send({ id: 2, method: 'textDocument/rename', params: { textDocument: { uri: flat.uri }, position: { line: 0, character: 0 }, newName: 'andel' } });
    expect((await flat.s.reply(2)).result.documentChanges[0]).toEqual({ kind: 'rename', oldUri: pathToFileURL(join(dir, 'aktie.da.md')).href, newUri: pathToFileURL(join(dir, 'andel.da.md')).href });
    flat.s.child.stdin.end();
    await flat.s.exited;
    const bundle = await open(dir, renaming, 'bundt/index.da.md');
    bundle.s.send({ id: 2, method: 'textDocument/rename', params: { textDocument: { uri: bundle.uri }, position: { line: 0, character: 0 }, newName: 'pakke' } });
    const changes = (await bundle.s.reply(2)).result.documentChanges;
    expect(changes[0]).toEqual({ kind: 'rename', oldUri: pathToFileURL(join(dir, 'bundt')).href, newUri: pathToFileURL(join(dir, 'pakke')).href });
    // The link to it from the Danish article follows; its own edits are at its new file.
    expect(changes.map((c: { textDocument?: { uri: string } }) => c.textDocument?.uri).filter(Boolean).sort()).toEqual([pathToFileURL(join(dir, 'aktie.da.md')).href]);
    bundle.s.child.stdin.end();
    await bundle.s.exited;
    // A bundle in a folder named index (the term "index"): the folder, not its index.md alone.
    mkdirSync(join(dir, 'index'));
    writeFileSync(join(dir, 'index', 'index.md'), '---\ntitle: Indeks\ndescription: Et aktieindeks.\n---\n\nSe [bundt](/bundt/).\n');
    const index = await open(dir, renaming, 'index/index.md');
    index.s.send({ id: 2, method: 'textDocument/rename', params: { textDocument: { uri: index.uri }, position: { line: 0, character: 0 }, newName: 'indeks' } });
    expect((await index.s.reply(2)).result.documentChanges[0]).toEqual({ kind: 'rename', oldUri: pathToFileURL(join(dir, 'index')).href, newUri: pathToFileURL(join(dir, 'indeks')).href });
    index.s.child.stdin.end();
    await index.s.exited;
  });

  it('definition on a line of 100,000 [ answers at once, and other requests are not held up', async () => {
    const dir = corpus();
    const text = `${readFileSync(join(dir, 'linker.md'), 'utf8')}${'['.repeat(100_000)}\nSe [z](/fusion).\n`;
    const { s, uri } = await open(dir, renaming, 'linker.md', text);
    const line = text.split('\n').length - 3;
    const started = Date.now();
    s.send({ id: 2, method: 'textDocument/definition', params: { textDocument: { uri }, position: { line, character: 50_000 } } });
    s.send({ id: 3, method: 'textDocument/definition', params: { textDocument: { uri }, position: { line: line + 1, character: 5 } } });
    expect((await s.reply(2)).result).toBe(null);
    expect((await s.reply(3)).result.uri).toBe(pathToFileURL(join(dir, 'fusion.md')).href);
    // It took 11 s (the time grew with the square of the line); now a few milliseconds.
    expect(Date.now() - started).toBeLessThan(5000);
    s.child.stdin.end();
    await s.exited;
  });
});
