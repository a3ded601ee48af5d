// `glossary lsp` over raw framing, as a hostile pass found it: messages before initialize, a
// glossary.json that is not valid when the session starts, lines ended by a lone CR, and the
// bundled glossary's symbols pointing at files of the user's project.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { LSP, Raw } from './lsp-client.js';

const initialize = (s: Raw, id: number, rootUri: string | null, options: object = {}) =>
  s.send({ id, method: 'initialize', params: { processId: null, rootUri, capabilities: {}, initializationOptions: options } });

describe('glossary lsp: the session', () => {
  it('publishes nothing before initialize, refuses shutdown then (-32002), and can still be initialized', async () => {
    const s = new Raw(['--content', join(LSP, 'glossary')]);
    s.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///tmp/pre.txt', languageId: 'plaintext', version: 1, text: 'en fusion' } } });
    s.send({ id: 1, method: 'shutdown' });
    expect((await s.reply(1)).error.code).toBe(-32002);
    initialize(s, 2, null, { termDiagnostics: true });
    expect((await s.reply(2)).result.capabilities.hoverProvider).toBe(true);
    expect(s.messages.filter((m) => m.method === 'textDocument/publishDiagnostics')).toEqual([]);
    s.send({ id: 3, method: 'shutdown' });
    expect((await s.reply(3)).error).toBeUndefined();
    s.send({ method: 'exit' });
    expect(await s.exited).toBe(0);
  });

  it('a glossary.json that is not valid at start: initialized all the same, said in the log, answered from once it is mended', async () => {
    const dir = join(tempDir('glossary-lsp-'), 'ordbog');
    cpSync(join(LSP, 'glossary'), dir, { recursive: true });
    writeFileSync(join(dir, 'glossary.json'), '{"skip": [');
    const s = new Raw([]);
    initialize(s, 1, pathToFileURL(dir).href);
    const init = await s.reply(1);
    expect(init.error).toBeUndefined();
    expect(s.messages.some((m) => m.method === 'window/logMessage' && /could not open the glossary; nothing is answered from it until it can be: .*glossary\.json/.test(m.params.message))).toBe(true);
    s.send({ method: 'initialized', params: {} });
    writeFileSync(join(dir, 'glossary.json'), '{}');
    await new Promise((r) => setTimeout(r, 1200));
    s.send({ id: 2, method: 'workspace/symbol', params: { query: 'fusion' } });
    expect((await s.reply(2)).result.map((x: { name: string }) => x.name)).toContain('Fusion');
    s.child.stdin.end();
    await s.exited;
  });

  it('a request whose parameters are not as LSP defines them is InvalidParams (-32602), with what is wrong', async () => {
    const s = new Raw(['--content', join(LSP, 'glossary')]);
    await s.start();
    s.send({ id: 2, method: 'textDocument/hover', params: {} });
    s.send({ id: 3, method: 'textDocument/completion', params: { textDocument: { uri: 'file:///tmp/x.txt' }, position: { line: 0, character: -4 } } });
    s.send({ id: 4, method: 'workspace/symbol', params: { query: 5 } });
    s.send({ id: 5, method: 'textDocument/codeAction', params: { textDocument: { uri: 'file:///tmp/x.txt' }, context: { diagnostics: [] } } });
    expect((await s.reply(2)).error).toEqual({ code: -32602, message: 'textDocument.uri must be a string' });
    expect((await s.reply(3)).error).toEqual({ code: -32602, message: 'position must have a line and a character, whole numbers from 0' });
    expect((await s.reply(4)).error).toEqual({ code: -32602, message: 'query must be a string' });
    expect((await s.reply(5)).error.code).toBe(-32602);
    s.send({ id: 6, method: 'workspace/symbol', params: { query: 'fusion' } });
    expect((await s.reply(6)).result.length).toBeGreaterThan(0);
    s.child.stdin.end();
    await s.exited;
  });

  it('lines ended by a lone CR: term diagnostics on their own lines, headings found', async () => {
    const s = new Raw(['--content', join(LSP, 'glossary')]);
    await s.start({ termDiagnostics: true });
    s.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///tmp/cr.md', languageId: 'markdown', version: 1, text: 'linje\ren fusion\r# Overskrift\rtre fusion' } } });
    const until = Date.now() + 10000;
    while (!s.messages.some((m) => m.method === 'textDocument/publishDiagnostics') && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    const diagnostics = s.messages.find((m) => m.method === 'textDocument/publishDiagnostics').params.diagnostics;
    expect(diagnostics.map((d: { range: { start: { line: number; character: number } } }) => [d.range.start.line, d.range.start.character])).toEqual([[1, 3], [3, 4]]);
    s.send({ id: 2, method: 'textDocument/documentSymbol', params: { textDocument: { uri: 'file:///tmp/cr.md' } } });
    expect((await s.reply(2)).result.map((x: { name: string; range: { start: { line: number } } }) => [x.name, x.range.start.line])).toEqual([['Overskrift', 2]]);
    s.child.stdin.end();
    await s.exited;
  });

  it('a Markdown file of the folder that is no article (notes, no front matter): its terms are marked, as in any text', async () => {
    const dir = join(tempDir('glossary-lsp-notes-'), 'ordbog');
    cpSync(join(LSP, 'glossary'), dir, { recursive: true });
    writeFileSync(join(dir, 'noter.md'), 'Noter om en fusion.\n');
    const s = new Raw(['--content', dir]);
    await s.start({ termDiagnostics: true });
    const uri = pathToFileURL(join(dir, 'noter.md')).href;
    s.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text: 'Noter om en fusion.\n' } } });
    const until = Date.now() + 10000;
    const published = () => s.messages.find((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
    while (!published() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    // Before: none (it was taken for an article, and check skips it).
    expect(published().params.diagnostics.map((d: { range: { start: { line: number; character: number } } }) => [d.range.start.line, d.range.start.character])).toEqual([[0, 12]]);
    s.child.stdin.end();
    await s.exited;
  });

  it('an article emptied in its buffer (no longer one): the links to it are broken in the other open files again', async () => {
    const dir = join(tempDir('glossary-lsp-notes-'), 'ordbog');
    cpSync(join(LSP, 'glossary'), dir, { recursive: true });
    writeFileSync(join(dir, 'alfa.md'), '---\ntitle: Alfa\ndescription: A.\n---\n\nTekst.\n');
    writeFileSync(join(dir, 'beta.md'), '---\ntitle: Beta\ndescription: B.\n---\n\nSe [alfa](/alfa).\n');
    const s = new Raw(['--content', dir]);
    await s.start();
    const uri = (f: string) => pathToFileURL(join(dir, f)).href;
    const codes = async (file: string, count: number) => {
      const until = Date.now() + 10000;
      const of = () => s.messages.filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri(file));
      while (of().length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      return (of()[count - 1]?.params.diagnostics ?? []).map((d: { code: string }) => d.code);
    };
    s.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: uri('beta.md'), languageId: 'markdown', version: 1, text: readFileSync(join(dir, 'beta.md'), 'utf8') } } });
    expect(await codes('beta.md', 1)).not.toContain('broken-link');
    s.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: uri('alfa.md'), languageId: 'markdown', version: 1, text: readFileSync(join(dir, 'alfa.md'), 'utf8') } } });
    await codes('alfa.md', 1);
    s.send({ method: 'textDocument/didChange', params: { textDocument: { uri: uri('alfa.md'), version: 2 }, contentChanges: [{ text: '' }] } });
    // Before: beta kept its last answer (no broken link), even after its own edit.
    const until = Date.now() + 10000;
    let latest: string[] = [];
    while (!latest.includes('broken-link') && Date.now() < until) {
      const all = s.messages.filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri('beta.md'));
      latest = (all.at(-1)?.params.diagnostics ?? []).map((d: { code: string }) => d.code);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(latest).toContain('broken-link');
    s.child.stdin.end();
    await s.exited;
  });

  it('the bundled glossary: workspace symbols lead to its files, not to files of that name in the workspace', async () => {
    // In a workspace of its own, where content/preliminarytax.md is no file.
    const s = new Raw([], tempDir('glossary-lsp-cwd-'));
    await s.start();
    s.send({ id: 2, method: 'workspace/symbol', params: { query: 'aconto' } });
    const found = (await s.reply(2)).result as Array<{ location: { uri: string } }>;
    expect(found.length).toBeGreaterThan(0);
    for (const x of found) expect(existsSync(fileURLToPath(x.location.uri)), x.location.uri).toBe(true);
    s.child.stdin.end();
    await s.exited;
  });
});
