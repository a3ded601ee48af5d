// Driving the CLI in a real terminal: tmux runs a shell, send-keys types, capture-pane reads.
import { execFileSync, spawnSync } from 'node:child_process';
import { bin, tempDir } from './helpers.js';

export const hasTmux = spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;

export class Terminal {
  private static count = 0;
  readonly name = `glossary-test-${process.pid}-${Terminal.count++}`;

  constructor(width: number, height: number, env: Record<string, string> = {}) {
    const home = tempDir('glossary-tmux-');
    const vars = { HOME: home, XDG_CACHE_HOME: home, TERM: 'xterm-256color', PS1: 'READY$ ', PATH: process.env['PATH'] ?? '', LANG: 'C.UTF-8', ...env };
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
    this.waitFor(/^READY\$\s*$/m);
  }

  /** Types a glossary command line (the built bin, as a user's shell would run it). */
  glossary(args: string): void {
    this.keys(`node ${JSON.stringify(bin)} ${args}`, 'Enter');
  }

  keys(...keys: string[]): void {
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

  close(): void {
    spawnSync('tmux', ['kill-session', '-t', this.name], { stdio: 'ignore' });
  }
}
