// End-to-end: the third round of real use in a terminal (issue 25) and signals to the picker and
// the pager (issue 26, finding 4). Screen things through tmux.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanEnv, cli, tempDir } from '../helpers.js';
import { hasTmux, Terminal } from '../tmux.js';

describe('help that helps (finding 2)', () => {
  it('help of a name that is no command is exit 2 with the commands, on one line', () => {
    const r = cli(['help', 'nonexistent']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^glossary: no command "nonexistent"; commands: lookup, search, .*check, .*completion, help\n$/);
    expect(r.stderr).not.toContain('\\n');
  });

  it('help help shows the help on stdout, exit 0; help lookup shows its examples', () => {
    const r = cli(['help', 'help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: glossary \[options\] \[command\]\n/);
    expect(r.stderr).toBe('');
    const l = cli(['help', 'lookup']);
    expect(l.code).toBe(0);
    expect(l.stdout).toMatch(/^Usage: glossary lookup/);
    expect(l.stdout).toContain('$ glossary lookup strategisk-alliance');
  });
});

describe('usage errors say what to type (finding 10)', () => {
  it.each([
    [['lookup'], /^glossary: lookup needs a term: glossary lookup \[options\] <term\.\.\.>, e\.g\. glossary lookup strategisk-alliance\n$/],
    [['search', 'a', '-n'], /^glossary: --limit needs a value <n>, e\.g\. glossary search \.\.\. --limit 5\n$/],
    [['lookp', 'x'], /^glossary: no command "lookp"; did you mean: glossary lookup\?; commands: lookup, search/],
    [['search', '--foo', 'x'], /^glossary: search has no option --foo; its options: --limit, --width, --json, --pick, --no-pager, --explain \(glossary help search\)\n$/],
  ])('%j', (args, message) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/missing required argument|argument missing|unknown command/);
  });

  it("a command's options typed before the command name work as after it", () => {
    // Before: "lookup has no option --json; did you mean --json?", exit 2.
    const json = cli(['--json', 'lookup', 'aktie']);
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout)).toMatchObject({ id: 'stock', title: 'Aktie' });
    // A valued option and its value move together, and --name=value; global options stay global.
    for (const args of [['--limit', '2', 'search', 'aktie'], ['-n', '2', '--lang', 'da', 'search', 'aktie'], ['--limit=2', 'search', 'aktie']]) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout.trimEnd().split('\n')).toHaveLength(2);
      expect(r.stdout).toMatch(/^aktie /);
    }
    // An option no command has is still an error that names the command's options.
    const bad = cli(['--foo', 'lookup', 'aktie']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^glossary: lookup has no option --foo; its options: --width, --raw, --json/);
  });

  it("search '' asks for words to search, not for an unrelated lookup", () => {
    const r = cli(['search', '']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('glossary: empty query: give words to search for, e.g. glossary search alliance\n');
  });

  it('a query of filler words only says so instead of listing articles', () => {
    const r = cli(['search', 'hvad er']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/"hvad er" has only question and filler words/);
    expect(cli(['search', 'hvad er goodwill']).stdout).toMatch(/^goodwill /);
  });

  it('list --keyword Skat suggests Taxes', () => {
    const r = cli(['list', '--keyword', 'Skat']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^glossary: no keyword "Skat"; did you mean: Taxes[,?]/);
  });

  it('completion offers each article once', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), '---\nid: term-a\ntitle: Alfa\nslug: alfa-slug\n---\n\nAlfa er et ord.\n');
    const r = cli(['__complete', '4', 'glossary', '--content', dir, 'lookup', '']);
    const words = r.stdout.trim().split('\n').filter(Boolean);
    expect(words).toEqual([...new Set(words)]);
    expect(words).toHaveLength(1);
  });
});

describe('flags and exit codes alike across commands (finding 9)', () => {
  it('random --json prints one article as JSON', () => {
    const r = cli(['random', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty('id');
  });

  it('list --limit shows at most n articles', () => {
    const r = cli(['list', '--limit', '3']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(3);
  });

  it('no results with --json is [] on stdout, the message on stderr, exit 3', () => {
    for (const args of [['search', 'xyzzy', '--json'], ['list', '--keyword', 'xyzzy', '--json']]) {
      const r = cli(args);
      expect(r.code).toBe(3);
      expect(JSON.parse(r.stdout)).toEqual([]);
      expect(r.stderr).toMatch(/^glossary: /);
    }
  });

  it('scan that finds no terms is exit 3, as search and lookup', () => {
    expect(cli(['scan'], cleanEnv(), 'intet her\n').code).toBe(3);
    expect(cli(['search', 'xyzzy']).code).toBe(3);
    expect(cli(['lookup', 'xyzzyqwv']).code).toBe(3);
    const json = cli(['scan', '--json'], cleanEnv(), 'intet her\n');
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout)).toEqual([]);
  });

  it('a failing check prints its summary once, on stdout', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), '---\ntitle: A\n---\n\nEt ord.\n');
    writeFileSync(join(dir, 'b.md'), '---\ntitle: [unclosed\n---\n\nEt ord.\n');
    const r = cli(['check', dir]);
    expect(r.code).toBe(6);
    expect(r.stdout).toMatch(/\ncheck failed: 1 error/);
    expect(r.stderr).not.toMatch(/error/);
  });
});

describe('check groups a rule that fires on most articles (finding 6)', () => {
  it('one line with the count; --verbose lists each', () => {
    const dir = tempDir();
    for (let i = 0; i < 12; i++) writeFileSync(join(dir, `t${i}.md`), `---\ntitle: Term ${i}\n---\n\nTerm ${i} er et ord, der betyder noget.\n`);
    const r = cli(['check', dir]);
    const lines = r.stdout.split('\n').filter((l) => l.includes('[description-from-body]'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/note: 12 of 12 articles: .*\(each listed with --verbose\)/);
    const v = cli(['check', dir, '--verbose']);
    expect(v.stdout.split('\n').filter((l) => l.includes('[description-from-body]'))).toHaveLength(12);
  });
});

let term: Terminal | undefined;
afterEach(() => {
  term?.close();
  term = undefined;
});

/** The pid of the newest process whose command line has `pattern`. */
function newest(pattern: string): number {
  const r = spawnSync('pgrep', ['-n', '-f', pattern], { encoding: 'utf8' });
  return Number(r.stdout.trim());
}

describe.skipIf(!hasTmux)('picker and pager in a terminal (finding 7; issue 26 finding 4)', () => {
  it('Esc leaves the picker, clears it and exits 0; q on an empty filter too', () => {
    term = new Terminal(40, 30);
    term.glossary('search selskab --pick');
    // The list and the footer: the picker may draw its footer before its list.
    const screen = term.waitFor(/^❯ 1\.[\s\S]*Esc\/q/m, 30000);
    // The footer names filtering, numbers, leaving and Ctrl-C; no picker line is wrapped at 40 columns.
    expect(screen).toMatch(/filter • 1-9 • Esc\/q • \^C/);
    expect(screen).toMatch(/^❯ 1\. .*…$/m);
    term.keys('Escape');
    term.prompt(10000);
    term.keys('echo "rc=$?"', 'Enter');
    const after = term.waitFor(/rc=\d+/);
    expect(after).toMatch(/rc=0/);
    expect(after).not.toContain('Show which article');
    term.keys('clear', 'Enter');
    term.prompt();
    term.glossary('search selskab --pick');
    term.waitFor(/^❯ 1\.[\s\S]*Esc\/q/m, 30000);
    term.keys('q');
    // The shell's prompt first: keys typed before the picker has ended would be the picker's filter.
    term.prompt(10000);
    term.keys('echo "rc=$?"', 'Enter');
    const q = term.waitFor(/rc=\d+/);
    expect(q).toMatch(/rc=0/);
    expect(q).not.toContain('Show which article');
  });

  it('--no-color: the picker draws no colour either (it took no notice of the flag)', () => {
    term = new Terminal(80, 30);
    term.glossary('search selskab --pick');
    term.waitFor(/Ctrl-C cancels/, 30000);
    expect(term.screen(false, true)).toMatch(/\u001b\[\d+m/);
    term.keys('Escape');
    term.prompt(10000);
    term.keys('clear', 'Enter');
    term.prompt();
    term.glossary('search selskab --pick --no-color');
    term.waitFor(/Ctrl-C cancels/, 30000);
    expect(term.screen(false, true)).not.toMatch(/\u001b\[[\d;]*m/);
    term.keys('Escape');
    term.prompt(10000);
  });

  it('Ctrl-C cancels (130) and leaves no picker on the screen', () => {
    term = new Terminal(80, 30);
    term.glossary('search selskab --pick');
    term.waitFor(/Ctrl-C cancels/, 30000);
    term.keys('C-c');
    // The shell's prompt first: keys typed before the picker has ended would be the picker's.
    term.waitFor(/cancelled\s*\nREADY\$\s*$/m, 30000);
    term.keys('echo "rc=$?"', 'Enter');
    const after = term.waitFor(/rc=\d+/);
    expect(after).toMatch(/rc=130/);
    expect(after).not.toContain('Show which article');
  });

  it.each(['TERM', 'HUP'])('SIG%s to the picker restores the terminal', (signal) => {
    term = new Terminal(80, 30);
    term.glossary('search selskab --pick');
    term.waitFor(/Ctrl-C cancels/, 30000);
    spawnSync('kill', [`-${signal}`, String(newest('search selskab --pick'))]);
    term.prompt(10000);
    term.keys('stty -a | grep -o -- "-\\?icanon" ; echo typed-and-run', 'Enter');
    const after = term.waitFor(/^typed-and-run$/m);
    expect(after).toMatch(/^icanon$/m);
    expect(after).not.toContain('Show which article');
  });

  it.each(['TERM', 'HUP'])('SIG%s while the pager is open ends less too and restores the terminal', (signal) => {
    term = new Terminal(80, 10, { PAGER: 'less' });
    term.glossary('lookup aktieselskab');
    term.waitFor(/Aktieselskab/, 30000);
    const glossary = newest('lookup aktieselskab');
    const less = Number(spawnSync('pgrep', ['-P', String(glossary)], { encoding: 'utf8' }).stdout.trim());
    expect(less).toBeGreaterThan(0);
    spawnSync('kill', [`-${signal}`, String(glossary)]);
    term.prompt(10000);
    const alive = spawnSync('kill', ['-0', String(less)]).status === 0;
    expect(alive).toBe(false);
    term.keys('stty -a | grep -o -- "-\\?icanon" ; echo typed-and-run', 'Enter');
    const after = term.waitFor(/^typed-and-run$/m);
    expect(after).toMatch(/^icanon$/m);
  });
});

describe('real articles once (finding 6)', () => {
  const corpus = () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'closure.md'), '---\ntitle: Closure\n---\n\nA closure is a function with its scope.  It   keeps state.  \nMore text.\n\n## See also\n\n- [Scope](/scope)\n');
    writeFileSync(join(dir, 'scope.md'), '---\ntitle: Scope\n---\n\nScope is where a name is known. See [Closure](/closure).\n\n```\na    b\n```\n');
    return dir;
  };

  it('a first sentence used as the description is shown once; the source See also merges with ours; spaces collapse', () => {
    const dir = corpus();
    const r = cli(['--content', dir, 'lookup', 'closure']);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/A closure is a function/g)).toHaveLength(1);
    expect(r.stdout.match(/See also/g)).toHaveLength(1);
    expect(r.stdout).toMatch(/\[1\] Scope +glossary lookup scope/);
    expect(r.stdout).toContain('with its scope. It keeps state. More text.');
    // Code keeps its own spacing.
    expect(cli(['--content', dir, 'lookup', 'scope']).stdout).toContain('a    b');
  });
});

describe.skipIf(!hasTmux)('the reader after the pager (finding 5)', () => {
  it('lists the links again above the prompt once less is closed, and a digit follows one', () => {
    term = new Terminal(80, 16, { PAGER: 'less' });
    term.glossary('lookup direktion --browse');
    term.waitFor(/Direktion/, 30000);
    term.keys('q');
    const screen = term.waitFor(/follow a link, q quit: $|follow a link, q quit:\s*$/m, 15000);
    expect(screen).toMatch(/^Direktion: links$/m);
    expect(screen).toMatch(/^ {2}\[1\] \S.*\([a-z0-9-]+\)$/m);
    const first = /^ {2}\[1\] (.+) \(/m.exec(screen)?.[1] as string;
    term.keys('1');
    term.waitFor(new RegExp(first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 15000);
    term.keys('q');
    term.keys('q');
  });
});

describe('one table rule for every listing (finding 4)', () => {
  const fits = (out: string, width: number) => {
    for (const line of out.trimEnd().split('\n')) expect(displayWidthOf(line), line).toBeLessThanOrEqual(width);
  };

  it('search uses the whole width of a 160-column terminal; related fits 80 columns, cut with …', () => {
    const wide = cli(['search', 'selskab'], cleanEnv({ COLUMNS: '160' }));
    expect(Math.max(...wide.stdout.split('\n').map((l) => [...l].length))).toBeGreaterThan(120);
    fits(wide.stdout, 160);
    const related = cli(['related', 'aktieselskab'], cleanEnv({ COLUMNS: '80' }));
    fits(related.stdout, 80);
    expect(related.stdout).toMatch(/…$/m);
    for (const args of [['list'], ['keywords'], ['links', 'aktieselskab'], ['backlinks', 'aktieselskab'], ['related', 'aktieselskab'], ['search', 'selskab']]) fits(cli(args, cleanEnv({ COLUMNS: '40' })).stdout, 40);
  });

  it('--lang all adds a language column, and wide scripts are measured by display width', () => {
    const dir = tempDir();
    for (const [lang, title, text] of [['da', 'Service Mesh', 'Et lag til tjenester.'], ['en', 'Service Mesh', 'A layer for services.'], ['hi', 'सर्विस मेश', 'सेवाओं के बीच संचार की एक परत है जो नेटवर्क को संभालती है और सुरक्षित बनाती है।'], ['zh', '服务网格', '服务网格是处理服务之间通信的基础设施层，它让网络更加安全可靠而且容易观察和管理。']]) {
      mkdirSync(join(dir, lang as string));
      writeFileSync(join(dir, lang as string, 'service-mesh.md'), `---\nid: service-mesh\ntitle: ${title}\naliases: [service-mesh]\ndescription: ${text}\n---\n\n${text}\n`);
    }
    const r = cli(['--content', dir, '--lang', 'all', 'search', 'service-mesh'], cleanEnv({ COLUMNS: '60' }));
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.slice(0, 2)).sort()).toEqual(['da', 'en', 'hi', 'zh']);
    fits(r.stdout, 60);
  });
});

/** Columns a line takes: CJK two, combining marks none. */
function displayWidthOf(line: string): number {
  let w = 0;
  for (const c of line) {
    if (/\p{M}/u.test(c)) continue;
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1;
  }
  return w;
}

describe.skipIf(!hasTmux)('a first compile on a terminal (finding 8)', () => {
  it('shows how many articles it has indexed, not a bare "indexing..." for seconds', () => {
    // Enough small articles that the compile outlasts the second the line waits before it shows.
    const dir = join(tempDir(), 'team');
    mkdirSync(dir);
    const words = ['aktie', 'rente', 'budget', 'likviditet', 'kapital', 'risiko', 'afkast', 'gæld', 'revision', 'skat'];
    for (let i = 0; i < 12000; i++) {
      const w = (k: number) => words[(i * 7 + k) % words.length] as string;
      writeFileSync(join(dir, `begreb${i}.md`), `---\ntitle: Begreb ${i} om ${w(0)}\ndescription: Et begreb om ${w(1)} og ${w(2)} nummer ${i}.\n---\n# Begreb ${i}\n\nTekst om ${w(3)}, ${w(4)} og ${w(5)} i afsnit ${i}.\n`);
    }
    term = new Terminal(100, 20);
    // Everything the pane is sent, the progress line's redraws included (the screen keeps only the last).
    const log = join(tempDir(), 'pane.log');
    execFileSync('tmux', ['pipe-pane', '-o', '-t', term.name, `cat >> ${JSON.stringify(log)}`]);
    term.glossary(`--content ${JSON.stringify(dir)} list > /dev/null`);
    term.prompt(120_000);
    // The pipe's reader (cat) may lag behind the screen: wait for the prompt to reach the log too.
    let written = '';
    for (const until = Date.now() + 20_000; Date.now() < until; spawnSync('sleep', ['0.2'])) {
      written = existsSync(log) ? readFileSync(log, 'utf8') : '';
      if (/articles[\s\S]*READY\$/.test(written)) break;
    }
    execFileSync('tmux', ['pipe-pane', '-t', term.name]);
    // (The reading phase may be over within the second on a fast machine; indexing comes after.)
    expect(written).toMatch(/compiling .*: indexing [\d,]+ of 12,000 articles/);
    // The line is erased when the work is done: the prompt comes back on a clean line.
    expect(term.screen()).not.toMatch(/indexing|of 12,000 files/);
  }, 180_000);
});
