// Clients of `glossary lsp` for the tests: headless Neovim 0.7 running a Lua script of
// tests/fixtures/lsp, and raw Content-Length framing.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { bin, cleanEnv, fixture, tempDir } from '../helpers.js';

export const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;
export const LSP = fixture('lsp');

/** Runs a Lua script of tests/fixtures/lsp in headless Neovim; its answers as JSON. */
export function neovim(script: string, env: Record<string, string>): Record<string, any> {
  const out = join(tempDir('glossary-lsp-out-'), 'out.json');
  const result = spawnSync('timeout', ['60', 'nvim', '--headless', '--clean', '-u', 'NONE', '-c', `luafile ${join(LSP, script)}`], {
    cwd: tempDir('glossary-lsp-cwd-'),
    env: { ...cleanEnv(), GLOSSARY_BIN: bin, GLOSSARY_COMMON: join(LSP, 'common.lua'), GLOSSARY_OUT: out, ...env },
    encoding: 'utf8',
    timeout: 90000,
  });
  expect(existsSync(out), `nvim wrote no answers (exit ${result.status}): ${result.stderr}`).toBe(true);
  return JSON.parse(readFileSync(out, 'utf8'));
}

export const gone = (pid: number) => {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
};

/** A server spoken to in raw Content-Length framing. */
export class Raw {
  readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  readonly messages: any[] = [];
  stderr = '';
  exited: Promise<number | null>;
  constructor(args: string[], cwd?: string, env: Record<string, string> = {}) {
    this.child = spawn(process.execPath, [bin, ...args, 'lsp', '--stdio'], { env: cleanEnv(env), ...(cwd ? { cwd } : {}) });
    this.child.stderr.on('data', (d) => (this.stderr += d));
    this.exited = new Promise((done) => this.child.on('exit', (code) => done(code)));
    this.child.stdout.on('data', (d: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, d]);
      for (;;) {
        const end = this.buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())?.[1]);
        if (this.buffer.length < end + 4 + length) return;
        this.messages.push(JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString()));
        this.buffer = this.buffer.subarray(end + 4 + length);
      }
    });
  }
  raw(body: string): void {
    this.child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }
  send(message: object): void {
    this.raw(JSON.stringify({ jsonrpc: '2.0', ...message }));
  }
  async reply(id: number, ms = 30000): Promise<any> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const found = this.messages.find((m) => m.id === id && !m.method);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no reply to ${id}; stderr: ${this.stderr}`);
  }
  async start(options: object = {}, processId: number | null = null): Promise<void> {
    this.send({ id: 1, method: 'initialize', params: { processId, rootUri: null, capabilities: {}, initializationOptions: options } });
    await this.reply(1);
    this.send({ method: 'initialized', params: {} });
  }
}

