// `glossary lsp` through a client we did not write (Neovim, headless, with Lua scripts in
// tests/fixtures/lsp), and through raw Content-Length framing for bad input and a client that goes away.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, cli, tempDir, writeCorpus } from '../helpers.js';
import { gone, LSP, neovim, nvim, Raw } from './lsp-client.js';

describe.skipIf(!nvim)('glossary lsp in Neovim 0.7 (start_client, buf_request_sync)', () => {
  it('a text file: term diagnostics, hover with UTF-16 columns after æ, ø, å and an emoji, completion after the trigger, workspace symbols', () => {
    const a = neovim('text.lua', { GLOSSARY_CONTENT_DIR: join(LSP, 'glossary'), GLOSSARY_ROOT: LSP, GLOSSARY_FILE: join(LSP, 'notes.txt') });
    // "Æ ø å 😀 vi drøftede en strategisk alliance": Æ ø å and spaces are 6 units, the emoji 2, then 16 more.
    expect(a['diagnostics']).toEqual([
      expect.objectContaining({ range: { start: { line: 1, character: 24 }, end: { line: 1, character: 43 } }, severity: 3, message: expect.stringMatching(/^Strategisk alliance: En aftale mellem to virksomheder/) }),
      expect.objectContaining({ range: { start: { line: 2, character: 12 }, end: { line: 2, character: 18 } }, severity: 3, message: expect.stringMatching(/^Fusion: /) }),
    ]);
    const hover = a['hover'].result;
    expect(hover.range).toEqual({ start: { line: 1, character: 24 }, end: { line: 1, character: 43 } });
    expect(hover.contents.kind).toBe('markdown');
    expect(hover.contents.value).toContain('**Strategisk alliance**');
    expect(hover.contents.value).toContain('mindre bindende end et [joint venture](/jointventure)');
    expect(hover.contents.value).not.toContain('Hvorfor indgå'); // the first section only
    expect(hover.contents.value).toContain(`glossary --content ${join(LSP, 'glossary')} lookup strategisk-alliance`);
    expect(a['hover_none']).toEqual([]); // "drøftede" is no term
    expect(a['completion'].result.items.map((i: any) => [i.label, i.textEdit.newText, i.textEdit.range])).toEqual([
      ['Strategisk alliance', 'Strategisk alliance', { start: { line: 2, character: 11 }, end: { line: 2, character: 15 } }],
    ]);
    expect(a['no_completion']).toEqual([]); // no trigger before the cursor
    expect(a['symbols'].result.map((s: any) => [s.name, s.location.uri])).toEqual([['Joint venture', `file://${join(LSP, 'glossary', 'jointventure.md')}`]]);
    expect(a['stopped']).toBe(true);
    expect(gone(a['pid'])).toBe(true);
  });

  it('answers over the folder as it is now: an article saved unchanged, edited by another program, renamed by the server', () => {
    const dir = join(tempDir('glossary-lsp-'), 'ordbog');
    cpSync(join(LSP, 'glossary'), dir, { recursive: true });
    const a = neovim('disk.lua', { GLOSSARY_ROOT: dir });
    expect(a['before'], JSON.stringify(a)).toHaveProperty('result.contents');
    expect(a['before'].result.contents.value).toContain('**Fusion**');
    // Saved unchanged: answered (it was "changed while it was being read" for good).
    expect(a['saved'].err).toBeUndefined();
    expect(a['saved'].result.contents.value).toContain('Når to selskaber bliver til ét.');
    expect(a['edited'].result.contents.value).toContain('**Fusionen**');
    expect(a['edited'].result.contents.value).toContain('To selskaber lægges sammen til ét nyt.');
    expect(a['edited'].result.contents.value).not.toContain('Når to selskaber');
    expect(a['symbols'].result.map((s: any) => s.name)).toContain('Fusionen');
    // The link the rename rewrote leads to the renamed file, and is no broken link.
    expect(a['line']).toContain('(/jv)');
    expect(existsSync(join(dir, 'jv.md'))).toBe(true);
    expect(a['definition'].result).toEqual(expect.objectContaining({ uri: `file://${join(dir, 'jv.md')}` }));
    expect(a['renamed'].map((d: any) => d.message)).not.toContainEqual(expect.stringMatching(/jv/));
    expect(a['stopped']).toBe(true);
  });

  it("an article (corpus found from the workspace's glossary.json): check's problems from the buffer, links, symbols, completion, code action, rename", () => {
    const dir = join(tempDir('glossary-lsp-'), 'ordbog');
    cpSync(join(LSP, 'glossary'), dir, { recursive: true });
    // Its files parsed on both cores, as a large folder's are (GLOSSARY_TEST_PARSE: from one file on).
    const a = neovim('article.lua', { GLOSSARY_ROOT: dir, GLOSSARY_TEST_PARSE: '1' });
    expect(a['first']).toEqual([]);
    // The unsaved edit's problems are exactly check's for that text.
    const edited = join(tempDir('glossary-lsp-check-'), 'ordbog');
    cpSync(join(LSP, 'glossary'), edited, { recursive: true });
    const file = join(edited, 'strategiskalliance.md');
    writeFileSync(file, readFileSync(file, 'utf8') + '\nSe [ukendt](/findesikke) og [mig](/strategiskalliance).\n');
    const check = JSON.parse(cli(['check', edited, '--json']).stdout);
    expect(check.problems.length).toBe(2);
    expect(a['edited'].map((d: any) => [d.range.start.line + 1, d.code, d.message, d.severity])).toEqual(
      check.problems.map((p: any) => [p.line, p.code, p.message, 2]),
    );
    expect(a['restored']).toEqual([]);
    // "Æbler, øl og ål 😀 er ikke en fusion": fusion at UTF-16 30..36.
    expect(a['hover'].result.range).toEqual({ start: { line: 15, character: 30 }, end: { line: 15, character: 36 } });
    expect(a['hover'].result.contents.value).toContain('**Fusion**');
    expect(a['action'].result).toEqual([
      expect.objectContaining({ title: 'Add a link to the glossary: Fusion', edit: { changes: { [`file://${file.replace(edited, dir)}`]: [{ range: { start: { line: 15, character: 30 }, end: { line: 15, character: 36 } }, newText: '[fusion](/fusion)' }] } } }),
    ]);
    expect(a['definition'].result.uri).toBe(`file://${dir}/jointventure.md`);
    expect(a['references'].result.map((r: any) => [r.uri.replace(`file://${dir}/`, ''), r.range.start.line])).toEqual([['fusion.md', 9], ['strategiskalliance.md', 11]]);
    expect(a['document_symbols'].result.map((s: any) => [s.name, s.range.start.line])).toEqual([['Strategisk alliance', 9], ['Hvorfor indgå en alliance?', 13]]);
    expect(a['workspace_symbols'].result.map((s: any) => [s.name, s.containerName])).toEqual([['JV', 'Joint venture']]);
    expect(a['link_completion'].result.items.map((i: any) => [i.label, i.detail, i.textEdit.newText])).toEqual([['jointventure', 'Joint venture', '/jointventure']]);
    expect(a['keyword_completion'].result.items.map((i: any) => i.textEdit.newText)).toEqual(['Selskaber']);
    expect(a['rename_taken'].err.message).toBe('an article with the id "fusion" exists already: choose another id');
    // Neovim applied the rename: the file is renamed and every link follows; check finds nothing wrong.
    expect(existsSync(join(dir, 'jointventure.md'))).toBe(false);
    expect(readFileSync(join(dir, 'faellesforetagende.md'), 'utf8')).toContain('title: Joint venture');
    expect(readFileSync(join(dir, 'fusion.md'), 'utf8')).toContain('[joint venture](/faellesforetagende)');
    expect(readFileSync(join(dir, 'strategiskalliance.md'), 'utf8')).toContain('[joint venture](/faellesforetagende)');
    const after = cli(['check', dir]);
    expect(after.stdout).toBe('0 errors, 0 warnings in 3 articles (0 of 3 files skipped)\n');
    expect(a['stopped']).toBe(true);
    expect(gone(a['pid'])).toBe(true);
  });
});

describe('glossary lsp over raw framing: bad input, a huge file, a client that goes away', () => {
  const content = ['--content', join(LSP, 'glossary')];

  it('answers an unknown method with MethodNotFound, a malformed body with nothing, and goes on serving', async () => {
    const s = new Raw(content);
    await s.start();
    s.send({ id: 2, method: 'glossary/nothing', params: {} });
    expect((await s.reply(2)).error.code).toBe(-32601);
    s.raw('{ this is not json');
    s.send({ id: 3, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///elsewhere/not-open.txt' }, position: { line: 0, character: 0 } } });
    expect(await s.reply(3)).toMatchObject({ id: 3, result: null }); // a file outside the workspace, never opened
    s.send({ id: 4, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///x.txt' }, position: { line: -5, character: 'x' } } });
    const bad = await s.reply(4);
    expect(bad.error ?? bad.result).toBeDefined();
    s.send({ id: 5, method: 'shutdown' });
    await s.reply(5);
    s.send({ method: 'exit' });
    expect(await s.exited).toBe(0);
    expect(s.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('a 50 MB file: hover answers, term diagnostics are declined with a log message, no crash', async () => {
    const s = new Raw(content);
    await s.start({ termDiagnostics: true });
    const filler = 'ord og flere ord '.repeat(3_200_000);
    const text = `${filler}en strategisk alliance ${filler}`;
    s.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///tmp/huge.txt', languageId: 'plaintext', version: 1, text } } });
    s.send({ id: 2, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///tmp/huge.txt' }, position: { line: 0, character: filler.length + 5 } } });
    const hover = await s.reply(2, 60000);
    expect(hover.result.contents.value).toContain('Strategisk alliance');
    expect(hover.result.range.start.character).toBe(filler.length + 3);
    expect(s.messages.some((m) => m.method === 'window/logMessage' && /larger than 4 MB/.test(m.params.message))).toBe(true);
    s.child.stdin.end(); // the client goes away
    expect(await s.exited).toBe(0);
  }, 120000);

  it('marks no terms unless asked (termDiagnostics), and exits when standard input closes, without a shutdown', async () => {
    const s = new Raw(content);
    await s.start();
    s.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///tmp/a.txt', languageId: 'plaintext', version: 1, text: 'en strategisk alliance' } } });
    s.send({ id: 2, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///tmp/a.txt' }, position: { line: 0, character: 5 } } });
    expect((await s.reply(2)).result.contents.value).toContain('Strategisk alliance');
    expect(s.messages.filter((m) => m.method === 'textDocument/publishDiagnostics').map((m) => m.params.diagnostics)).toEqual([[]]);
    s.child.stdin.end();
    expect(await s.exited).toBe(0);
  });

  it('a completion trigger that ends in an emoji is advertised by that character whole, not half of it', async () => {
    const s = new Raw(content);
    s.send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {}, initializationOptions: { completionTrigger: 'x😀' } } });
    const triggers: string[] = (await s.reply(1)).result.capabilities.completionProvider.triggerCharacters;
    expect(triggers).toContain('😀');
    expect(triggers.every((t) => !/[\ud800-\udfff]/.test(t) || /^[\ud800-\udbff][\udc00-\udfff]$/.test(t))).toBe(true);
    s.child.stdin.end();
    await s.exited;
  });

  it('hover in Markdown: front matter shown as plain text (no markup, HTML or link made of it), a fence the first section leaves open closed before the rule', async () => {
    const dir = writeCorpus({
      'ond.md': article({ title: '"Ondskab **fed** <img src=x onerror=alert(1)>"', description: '"Se [klik](command:workbench.action.terminal.new) og `kode"', aliases: '[ondskab]' }, 'Første afsnit.\n\n~~~\nkode uden ende\n'),
    });
    const s = new Raw(['--content', dir]);
    s.send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: { textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } } } } });
    await s.reply(1);
    s.send({ method: 'initialized', params: {} });
    s.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///tmp/ond.txt', languageId: 'plaintext', version: 1, text: 'om ondskab' } } });
    s.send({ id: 2, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///tmp/ond.txt' }, position: { line: 0, character: 5 } } });
    const { kind, value } = (await s.reply(2)).result.contents;
    expect(kind).toBe('markdown');
    expect(value).toContain('**Ondskab \\*\\*fed\\*\\* \\<img src=x onerror=alert(1)\\>**');
    expect(value).toContain('Se \\[klik\\](command:workbench.action.terminal.new) og \\`kode');
    // The fence the article leaves open is closed: the rule and the command are not code.
    const [section, footer] = value.split('\n\n---\n');
    expect(section.split('\n').filter((l: string) => l.startsWith('~~~'))).toEqual(['~~~', '~~~']);
    expect(footer).toMatch(/^`glossary --content \S+ lookup ondskab-fed-img-src-x-onerror-alert-1`$/);
    s.child.stdin.end();
    await s.exited;
  });

  it('an edit that comes while a request waits for the glossary to be read again: ContentModified (-32801), never an answer from the edited text', async () => {
    // Every refresh made 800 ms long (as a recompile of a large folder is): an edit sent just after
    // a request is handled before the request is answered.
    const s = new Raw(content, undefined, { GLOSSARY_TEST_LSP_REFRESH: '800' });
    await s.start();
    const uri = 'file:///tmp/moved.txt';
    s.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'plaintext', version: 1, text: 'en strategisk alliance' } } });
    // The glossary is looked at again at most once a second: the next request starts a refresh.
    await new Promise((r) => setTimeout(r, 1100));
    // A hover on "strategisk alliance", then two lines put above it: the position now points at "ingen ting".
    s.send({ id: 2, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 0, character: 5 } } });
    s.send({ method: 'textDocument/didChange', params: { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'ingen ting\nher\nen strategisk alliance' }] } });
    const asked = await s.reply(2);
    // Refused as LSP has it; or, had no refresh been due, answered from the text as asked. Never
    // "nothing there", read at that position in the edited text.
    if (asked.error) {
      expect(asked.error.code).toBe(-32801);
      expect(asked.error.message).toMatch(/changed/);
    } else expect(asked.result.contents.value).toContain('Strategisk alliance');
    // Asked again: answered from the text as it is now.
    s.send({ id: 3, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 2, character: 5 } } });
    expect((await s.reply(3)).result.contents.value).toContain('Strategisk alliance');
    s.child.stdin.end();
    expect(await s.exited).toBe(0);
  }, 60000);

  it('a request before initialize is refused with ServerNotInitialized (-32002), one after shutdown with InvalidRequest', async () => {
    const s = new Raw(content);
    s.send({ id: 7, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///tmp/a.txt' }, position: { line: 0, character: 0 } } });
    expect((await s.reply(7)).error.code).toBe(-32002);
    await s.start();
    // A second initialize is refused (InvalidRequest), and its settings are not taken.
    s.send({ id: 6, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {}, initializationOptions: {} } });
    expect((await s.reply(6)).error).toMatchObject({ code: -32600, message: expect.stringContaining('initialized already') });
    s.send({ id: 8, method: 'shutdown' });
    await s.reply(8);
    s.send({ id: 9, method: 'workspace/symbol', params: { query: 'fusion' } });
    expect((await s.reply(9)).error.code).toBe(-32600);
    s.send({ method: 'exit' });
    expect(await s.exited).toBe(0);
  });

  it('while the folder\'s glossary.json is invalid, nothing is answered from its last listing; valid again, the folder as it is', async () => {
    const dir = tempDir('glossary-lsp-invalid-');
    writeFileSync(join(dir, 'glossary.json'), '{}');
    writeFileSync(join(dir, 'pulsar.md'), '---\ntitle: Pulsar\ndescription: En stjerne.\n---\n\nTekst.\n');
    writeFileSync(join(dir, 'kvasar.md'), '---\ntitle: Kvasar\ndescription: En kerne.\n---\n\nTekst.\n');
    const s = new Raw(['--content', dir]);
    await s.start();
    const symbols = async (id: number) => {
      s.send({ id, method: 'workspace/symbol', params: { query: '' } });
      return ((await s.reply(id)).result ?? []).map((x: { name: string }) => x.name).sort();
    };
    expect(await symbols(2)).toEqual(['Kvasar', 'Pulsar']);
    writeFileSync(join(dir, 'glossary.json'), '{"skip": [');
    rmSync(join(dir, 'pulsar.md'));
    await new Promise((r) => setTimeout(r, 1300));
    expect(await symbols(3)).toEqual([]);
    writeFileSync(join(dir, 'glossary.json'), '{}');
    await new Promise((r) => setTimeout(r, 1300));
    expect(await symbols(4)).toEqual(['Kvasar']);
    s.child.stdin.end();
    expect(await s.exited).toBe(0);
  });

  it('exits when standard input closes though the client process (initialize\'s processId) lives on', async () => {
    const s = new Raw(content);
    await s.start({}, process.pid);
    s.child.stdin.end();
    const exited = await Promise.race([s.exited, new Promise((r) => setTimeout(() => r('still running'), 5000))]);
    if (exited === 'still running') s.child.kill();
    expect(exited).toBe(0);
  });

  it('term diagnostics: the first 2,000 terms of a long text, said once in the log; an edit is answered quickly from the lines it changed', async () => {
    const s = new Raw(content);
    await s.start({ termDiagnostics: true });
    const text = 'Vi drøftede en fusion og en strategisk alliance.\n'.repeat(3000);
    s.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///tmp/long.txt', languageId: 'plaintext', version: 1, text } } });
    const published = async (n: number) => {
      for (let i = 0; i < 1500; i++) {
        const all = s.messages.filter((m) => m.method === 'textDocument/publishDiagnostics');
        if (all.length >= n) return all[n - 1].params.diagnostics as unknown[];
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error('no diagnostics');
    };
    expect(await published(1)).toHaveLength(2000);
    s.send({ method: 'textDocument/didChange', params: { textDocument: { uri: 'file:///tmp/long.txt', version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }] } });
    expect(await published(2)).toHaveLength(2000);
    expect(s.messages.filter((m) => m.method === 'window/logMessage' && /the first 2000 terms are marked, the rest not/.test(m.params.message))).toHaveLength(1);
    s.child.stdin.end();
    expect(await s.exited).toBe(0);
  });

  it('strips bidirectional overrides of content from a hover, as lookup does', async () => {
    const dir = tempDir('glossary-lsp-bidi-');
    writeFileSync(join(dir, 'kvasar.md'), '---\ntitle: Kvasar\ndescription: "Med \u202e omvendt tekst."\n---\n\nTekst.\n');
    const s = new Raw(['--content', dir]);
    await s.start();
    s.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///tmp/b.txt', languageId: 'plaintext', version: 1, text: 'en kvasar' } } });
    s.send({ id: 2, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///tmp/b.txt' }, position: { line: 0, character: 5 } } });
    const value = (await s.reply(2)).result.contents.value as string;
    expect(value).toContain('Med omvendt tekst.');
    expect(value).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    s.child.stdin.end();
    expect(await s.exited).toBe(0);
  });

  it('--help says how to set up Neovim, Helix and VS Code', () => {
    const help = cli(['lsp', '--help']).stdout;
    expect(help).toContain('vim.lsp.start');
    expect(help).toContain('[language-server.glossary]');
    expect(help).toContain('VS Code');
  });
});
