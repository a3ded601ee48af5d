// End-to-end in a real terminal (tmux): pager, picker, --browse, Ctrl-C, and the look at
// 40, 80 and 160 columns compared with captures kept in tests/snapshots.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { bin, cleanEnv, cli, root } from '../helpers.js';
import { hasTmux, Terminal } from '../tmux.js';

let term: Terminal | undefined;
afterEach(() => term?.close());
const open = (width: number, height: number, env: Record<string, string> = {}) => (term = new Terminal(width, height, env));
const lastLine = (screen: string) => screen.trimEnd().split('\n').pop() ?? '';

describe.skipIf(!hasTmux)('in a terminal (tmux)', () => {
  it('opens a long article in the pager; q returns to a clean prompt', () => {
    const t = open(80, 24);
    t.glossary('lookup strategisk-alliance');
    const paged = t.waitFor(/Strategisk alliance/);
    expect(paged).toContain('En strategisk alliance er en aftale');
    expect(lastLine(paged)).toMatch(/^:|\(END\)|lines \d/); // less is waiting for a key
    t.keys('q');
    const after = t.prompt();
    // less used the alternate screen: the prompt is back, the article is gone from it.
    expect(after).not.toContain('En strategisk alliance er en aftale');
    t.keys('echo $?', 'Enter');
    expect(t.waitFor(/^0$/m)).toMatch(/^0$/m);
  });

  it('leaves the terminal clean on Ctrl-C in the pager', () => {
    const t = open(80, 24);
    t.glossary('lookup strategisk-alliance');
    t.waitFor(/Strategisk alliance/);
    t.keys('C-c');
    // less drops what was typed while it handled the interrupt: under load a `q` sent at once can
    // be lost, so it is sent again until the shell is back.
    for (let tries = 0; ; tries++) {
      t.keys('q');
      try {
        t.prompt(5000);
        break;
      } catch (error) {
        if (tries >= 3) throw error;
      }
    }
    t.keys('echo clean', 'Enter');
    expect(t.waitFor(/^clean$/m)).toMatch(/^clean$/m);
  });

  it('does not page an article that fits, nor with --no-pager', () => {
    const t = open(80, 200);
    t.glossary('lookup strategisk-alliance');
    const screen = t.prompt();
    expect(screen).toContain('See also');
    t.close();
    const t2 = open(80, 24);
    t2.glossary('lookup strategisk-alliance --no-pager');
    expect(t2.prompt(15000, true)).toContain('Linked from:');
    t2.close();
  });

  it('TERM=dumb: the article printed, no pager of ours (less there waits for Return), no colour', () => {
    const t = open(80, 24, { TERM: 'dumb' });
    t.glossary('lookup strategisk-alliance');
    const screen = t.prompt(15000, true);
    expect(screen).toContain('Linked from:');
    expect(screen).not.toMatch(/not fully functional|Press RETURN/);
    expect(t.screen(true, true)).not.toMatch(/\u001b\[(?:3\d|9\d|1|2)m/);
  });

  it('prints the article, with a note, when the pager cannot run', () => {
    const t = open(80, 24, { PAGER: 'nosuchpager' });
    t.glossary('lookup strategisk-alliance');
    const screen = t.prompt(15000, true);
    expect(screen).toContain('glossary: the pager "nosuchpager" could not run; printing instead');
    expect(screen).toContain('Linked from:');
  });

  it('search --pick shows the hits; arrow down and Enter render the chosen article', () => {
    const t = open(80, 40);
    t.glossary('search aktie --pick');
    const list = t.waitFor(/Show which article\?[\s\S]*10\. /);
    // The hits in search's order: the best one (the title itself) first.
    expect(list).toMatch(/1\. Aktie \(aktie\)/);
    const second = itemTitle(list, 2);
    t.keys('Down', 'Enter');
    // A long article: it opens in the pager.
    const shown = t.waitFor(/Keywords: /);
    expect(shown).toMatch(new RegExp(`^${second}$`, 'm'));
    t.keys('q');
    t.prompt();
  });

  it('the picker takes a number', () => {
    const t = open(80, 40);
    t.glossary('search aktie --pick --no-pager');
    const list = t.waitFor(/Show which article\?[\s\S]*10\. /);
    const fourth = itemTitle(list, 4);
    t.keys('4');
    expect(t.waitFor(new RegExp(`❯ 4\\. ${fourth}`))).not.toMatch(/1\. Aktie \(/);
    t.keys('Enter');
    expect(t.prompt(15000, true)).toMatch(new RegExp(`^${fourth}$`, 'm'));
  });

  it('the picker filters as you type; Ctrl-C leaves it cleanly with exit 130', () => {
    const t = open(80, 40);
    t.glossary('search selskab --pick');
    t.waitFor(/Show which article\?/);
    t.keys('hold');
    // The list as it stands once the filter has run: Holdingselskab left, Selskabskapital gone.
    const filtered = t.waitFor(/Show which article\? hold\n(?:(?!Selskabskapital)[\s\S])*Holdingselskab \(holdingselskab\)(?:(?!Selskabskapital)[\s\S])*$/);
    expect(filtered).not.toMatch(/Selskabskapital \(selskabskapital\)/);
    t.keys('C-c');
    t.prompt();
    t.keys('echo status=$?', 'Enter');
    expect(t.waitFor(/status=\d+/)).toMatch(/status=130/);
  });

  it('the picker wraps a description between words at 40 columns', () => {
    const t = open(40, 30);
    t.glossary('search aktie --pick');
    const screen = t.waitFor(/Show which article\?[\s\S]*ejerandel/);
    // The description of the first hit, below the list: every line ends at a word's end.
    const description = screen.slice(screen.indexOf('En aktie er')).split('\n').filter((l) => l.trim() && !l.includes('navigate') && !l.includes('↑↓'));
    expect(description.length).toBeGreaterThan(1);
    const words = new Set(cli(['lookup', 'aktie', '--json']).stdout.match(/"description": "([^"]*)"/)?.[1]?.split(' '));
    // Every word whole, but the last one of a line cut to fit, which ends in "…".
    for (const line of description) for (const w of line.trim().split(' ')) expect(words.has(w) || (w.endsWith('…') && [...words].some((x) => x.startsWith(w.slice(0, -1))))).toBe(true);
    t.keys('C-c');
  });

  it('search --pick with one hit shows it without asking', () => {
    const t = open(80, 60);
    t.glossary('search konkurskarantæne --pick --no-pager');
    const shown = t.prompt(15000, true);
    expect(shown).not.toContain('Show which article?');
    expect(shown).toMatch(/^Konkurs$/m);
  });

  it('lookup without a clear winner offers the candidates', () => {
    const t = open(80, 40);
    t.glossary('lookup kapital --no-pager');
    const list = t.waitFor(/Which article did you mean by "kapital"\?[\s\S]*5\. /);
    const first = itemTitle(list, 1);
    expect(itemTitle(list, 2)).not.toBe(first);
    t.keys('Enter');
    expect(t.prompt(15000, true)).toMatch(new RegExp(`^${first}$`, 'm'));
  });

  it('--browse follows link 1 and comes back', () => {
    const t = open(80, 60);
    t.glossary('lookup strategisk-alliance --browse --no-pager');
    // Single keys: no Enter after a number, b or q.
    t.waitFor(/1-2 follow a link, q quit:\s*$/m);
    t.keys('1');
    t.waitFor(/1-\d+ follow a link, b back, q quit:\s*$/m);
    t.keys('b');
    t.waitFor(/1-2 follow a link, q quit:\s*$/m);
    t.keys('q');
    const all = t.prompt(15000, true);
    // In order: the seed, link 1 followed to Joint venture, back to the seed, quit.
    const titles = all.split('\n').filter((l) => /^(Strategisk alliance|Joint venture)$/.test(l));
    expect(titles).toEqual(['Strategisk alliance', 'Joint venture', 'Strategisk alliance']);
    expect(all).toMatch(/follow a link, q quit: 1\n/);
    expect(all).toMatch(/b back, q quit: b\n/);
  });
});

/** The title of item `n` of a picker list on the screen ("  3. Title (name)"). */
function itemTitle(screen: string, n: number): string {
  const m = new RegExp(`^[ ❯]+${n}\\. (.+?) \\([^()]+\\)$`, 'm').exec(screen);
  if (!m?.[1]) throw new Error(`no item ${n} in:\n${screen}`);
  return m[1];
}

describe('snapshots of the rendered seed at 40, 80 and 160 columns', () => {
  // Captured in tmux (scripts/snapshots.sh), colour stripped; piped output must match them.
  it.each([40, 80, 160])('%i columns', (columns) => {
    const expected = readFileSync(`${root}/tests/snapshots/strategisk-alliance-${columns}.txt`, 'utf8');
    const r = cli(['lookup', 'strategisk-alliance'], cleanEnv({ COLUMNS: String(columns) }));
    expect(r.stdout.split('\n').map((l) => l.trimEnd()).join('\n').trimEnd()).toBe(expected.trimEnd());
  });
});

// One capture per command at 80 columns (scripts/snapshots.sh, tests/snapshots/commands.txt):
// stdout and stderr as a terminal shows them; piped output at COLUMNS=80 must read the same.
const commands = readFileSync(`${root}/tests/snapshots/commands.txt`, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => l.split('|') as [string, string]);
describe('every command at 80 columns, as captured in tmux', () => {
  it.each(commands)('%s', (name, args) => {
    const expected = readFileSync(`${root}/tests/snapshots/${name}.txt`, 'utf8');
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" ${args} 2>&1`], { cwd: root, env: cleanEnv({ COLUMNS: '80' }), encoding: 'utf8' });
    expect(r.stdout.split('\n').map((l) => l.trimEnd()).join('\n').trimEnd()).toBe(expected.trimEnd());
  });
});
