// Driving the CLI in a real terminal: tmux runs a shell, send-keys types, capture-pane reads.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, tempDir } from './helpers.js';

export const hasTmux = spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;

export class Terminal {
  private static count = 0;
  readonly name = `glossary-test-${process.pid}-${Terminal.count++}`;
  /** A line per prompt the shell has drawn (its PROMPT_COMMAND writes it just before the prompt). */
  private readonly prompts: string;
  /** How many prompts there had been when the last line was sent with Enter. */
  private mark = 0;

  constructor(width: number, height: number, env: Record<string, string> = {}) {
    const home = tempDir('glossary-tmux-');
    this.prompts = join(home, '.prompts');
    const vars = { HOME: home, XDG_CACHE_HOME: home, TERM: 'xterm-256color', PS1: 'READY$ ', PROMPT_COMMAND: `echo >> ${JSON.stringify(join(home, '.prompts'))}`, PATH: process.env['PATH'] ?? '', LANG: 'C.UTF-8', ...env };
    const exports = Object.entries(vars).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ');
    // When the last session has just been killed, the tmux server is on its way out and a new
    // session can fail to reach it ("server exited unexpectedly"): try again on a new server.
    for (let attempt = 1; ; attempt++) {
      const r = spawnSync('tmux', ['new-session', '-d', '-s', this.name, '-x', String(width), '-y', String(height), `env -i ${exports} bash --norc --noprofile`], { encoding: 'utf8' });
      if (r.status === 0) break;
      if (attempt >= 5) throw new Error(`tmux new-session failed: ${r.stderr}`);
      spawnSync('sleep', ['0.2']);
    }
    execFileSync('tmux', ['set-option', '-t', this.name, 'history-limit', '5000']);
    this.prompt();
  }

  /** Types a glossary command line (the built bin, as a user's shell would run it). */
  glossary(args: string): void {
    this.keys(`node ${JSON.stringify(bin)} ${args}`, 'Enter');
  }

  keys(...keys: string[]): void {
    if (keys.at(-1) === 'Enter') this.mark = this.promptCount();
    execFileSync('tmux', ['send-keys', '-t', this.name, ...keys]);
  }

  /** The visible screen, or with `history` everything since the start. */
  screen(history = false, escapes = false): string {
    return execFileSync('tmux', ['capture-pane', '-p', '-t', this.name, ...(history ? ['-S', '-'] : []), ...(escapes ? ['-e'] : [])], { encoding: 'utf8' });
  }

  /** Waits until the screen matches; returns it. Fails with the screen after `ms`. */
  waitFor(pattern: RegExp, ms = 15000, history = false): string {
    const until = Date.now() + ms;
    let screen = '';
    while (Date.now() < until) {
      screen = this.screen(history);
      if (pattern.test(screen)) return screen;
      spawnSync('sleep', ['0.1']);
    }
    throw new Error(`screen never matched ${pattern}:\n${screen}`);
  }

  /**
   * Waits for the shell's prompt after the last line sent with Enter (the screen shows the prompt
   * alone on a line, and the shell has drawn a prompt since). Waiting for the prompt's look alone
   * is a race: the screen still shows the prompt the command was typed at until the shell has
   * echoed it. Returns the screen (with `history`, everything since the start).
   */
  prompt(ms = 15000, history = false): string {
    const until = Date.now() + ms;
    let screen = '';
    while (Date.now() < until) {
      screen = this.screen(history);
      if (this.promptCount() > this.mark && /^READY\$\s*$/m.test(screen)) return screen;
      spawnSync('sleep', ['0.1']);
    }
    throw new Error(`no new prompt after ${ms} ms:\n${screen}`);
  }

  private promptCount(): number {
    return existsSync(this.prompts) ? readFileSync(this.prompts, 'utf8').length : 0;
  }

  close(): void {
    spawnSync('tmux', ['kill-session', '-t', this.name], { stdio: 'ignore' });
  }
}
