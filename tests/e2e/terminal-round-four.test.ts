// End-to-end: a hostile tester's pass over the CLI in a real terminal (tmux), and the listings and
// notes that pass found laid out for a width they did not fit.
import { afterEach, describe, expect, it } from 'vitest';
import { article, cleanEnv, cli, runOn, writeCorpus } from '../helpers.js';
import { displayWidth } from '../../src/width.js';
import { hasTmux, Terminal } from '../tmux.js';

let term: Terminal | undefined;
afterEach(() => term?.close());

const links = () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 12; i++) files[`l${i}.md`] = article({ title: `Link artikel ${i}`, description: `Link ${i} beskrivelse.` }, `# L${i}\n\nTekst.`);
  return writeCorpus(files);
};

describe('listings and notes at the width they are given', () => {
  it('one long name leaves the titles readable in search, backlinks and links (the name column is at most 40)', () => {
    const dir = writeCorpus({
      'kort.md': article({ title: 'Kapital', description: 'Kapital er penge, der er sat i arbejde i en virksomhed.' }, 'Se [lang](/lang).'),
      'lang.md': article({ title: 'Kapitalforhold mellem egenkapital og fremmedkapital i et selskab med begrænset hæftelse', description: 'Forholdet mellem egen- og fremmedkapital.' }, 'Se [kort](/kort).'),
    });
    const run = runOn(dir, cleanEnv({ COLUMNS: '80' }));
    const search = run('search', 'kapital').stdout.split('\n');
    expect(search[0]).toMatch(/^kapital +Kapital +Kapital er/);
    expect(run('backlinks', 'kort').stdout).toMatch(/^kapitalforhold-mellem-egenkapital-og-fr… +Kapitalforhold mellem egenkapital/);
    expect(run('links', 'kort').stdout).toMatch(/^kapitalforhold-mellem-egenkapital-og-fr… +Kapitalforhold mellem egenkapital/);
  });

  it('a list seven levels deep at 20 columns keeps its deepest item right of its top level', () => {
    const dir = writeCorpus({ 'a.md': article({ title: 'Liste', description: 'Liste.' }, '- a\n  - b\n    - c\n      - d\n        - e\n          - f\n            - g er syvende niveau\n- h er første niveau igen') });
    const lines = runOn(dir)('lookup', 'a', '--width', '20').stdout.split('\n');
    const g = lines.find((l) => l.includes('* g')) as string;
    expect(g).toMatch(/^ {10}\* g/);
    // Its continuation stays under it, not at column 0.
    expect(lines[lines.indexOf(g) + 1]).toMatch(/^ {10}\S/);
  });

  it('scan --annotate styled wraps each note between words under its text; piped plain, a note is one line', () => {
    const styled = cli(['scan', '--annotate', '-'], cleanEnv({ FORCE_COLOR: '1', COLUMNS: '60' }), 'Momsen stiger.\n').stdout;
    const notes = styled.replace(/\u001b\[[0-9;]*m/g, '').split('\n').filter((l) => l.startsWith('[1]') || l.startsWith('    '));
    expect(notes.length).toBeGreaterThan(1);
    for (const line of notes) expect(displayWidth(line)).toBeLessThanOrEqual(60);
    expect(notes.slice(1).every((l) => /^ {4}\S/.test(l))).toBe(true);
    const plain = cli(['scan', '--annotate', '-'], cleanEnv({ COLUMNS: '60' }), 'Momsen stiger.\n').stdout;
    expect(plain.split('\n').filter((l) => l.startsWith('[1] Moms (moms): Moms er en afgift')).length).toBe(1);
    expect(plain).not.toMatch(/\n {4}\S/);
  });

  it('a name made from an emoji title has no invisible character in it', () => {
    const dir = writeCorpus({
      'a.md': article({ title: 'Regnbue 🏳️‍🌈 fond', description: 'En fond.' }),
      'b.md': article({ title: 'Regnbue konto', description: 'En konto.' }, 'Se [a](/a).'),
    });
    const run = runOn(dir);
    expect(run('list').stdout).toBe('regnbue-fond   Regnbue 🏳️‍🌈 fond\nregnbue-konto  Regnbue konto\n');
    expect(run('lookup', 'b').stdout).toContain('glossary lookup regnbue-fond');
  });
});

describe.skipIf(!hasTmux)('in a terminal (tmux): the picker, the pager, the reader and help', () => {
  it('the picker fits a 10-row terminal: the question and the chosen row are on the screen, and nothing is left above after Esc', () => {
    const t = (term = new Terminal(60, 10));
    t.glossary(`--content ${JSON.stringify(links())} search link --pick`);
    // The whole first frame: its rows and its hint line (a capture between the two, under load, saw one).
    const screen = t.waitFor(/^(?=[\s\S]*Esc\/q)(?=[\s\S]*^❯ 1\. Link artikel 0)/m, 30000);
    expect(screen).toContain('? Show which article?');
    for (let i = 0; i < 5; i++) t.keys('Down');
    expect(t.waitFor(/^❯ 6\. /m)).toContain('? Show which article?');
    t.keys('Escape');
    const after = t.prompt(15000, true);
    expect(after).not.toContain('Show which article?');
    expect(after).not.toContain('Link artikel');
  });

  it('a title with zero-width spaces is one row of the picker', () => {
    const dir = writeCorpus({
      'a.md': article({ title: 'Kapital én', description: 'Kapital a.' }),
      'b.md': article({ title: `Kapital zero${'\u200b'.repeat(15)}width`, description: 'Kapital b.' }),
      'c.md': article({ title: 'Kapital tre', description: 'Kapital c.' }),
    });
    const t = (term = new Terminal(40, 12));
    t.glossary(`--content ${JSON.stringify(dir)} search kapital --pick`);
    const screen = t.waitFor(/^(?=[\s\S]*\^C)(?=[\s\S]*Kapital zerowidth)/m, 30000);
    expect(screen).toMatch(/^ {2}\d\. Kapital zerowidth \(kapital-zero-w…$/m);
    t.keys('Escape');
    t.prompt();
  });

  it('a pager that fails (PAGER=false) is said, and the article printed', () => {
    const body = Array.from({ length: 40 }, (_, i) => `Linje ${i + 1}.`).join('\n\n');
    const dir = writeCorpus({ 'a.md': article({ title: 'Lang artikel', description: 'Lang.' }, body) });
    const t = (term = new Terminal(60, 12, { PAGER: 'false' }));
    t.glossary(`--content ${JSON.stringify(dir)} lookup a`);
    const all = t.prompt(15000, true);
    expect(all).toMatch(/glossary: the pager "false" failed \(exit 1\); printing instea\s*d \(set PAGER, or use --no-pager\)/);
    expect(all).toContain('Linje 40.');
  });

  it('--browse: the heading over the links is cut to the width, not broken inside a word', () => {
    const body = `Se [b](/b).\n\n${Array.from({ length: 30 }, (_, i) => `Linje ${i + 1}.`).join('\n\n')}`;
    const dir = writeCorpus({
      'a.md': article({ title: 'Aftale om strategisk samarbejde mellem to uafhængige virksomheder', description: 'En aftale.' }, body),
      'b.md': article({ title: 'Bee', description: 'B.' }, 'Se [a](/a).'),
    });
    const t = (term = new Terminal(40, 12, { PAGER: 'less' }));
    t.glossary(`--content ${JSON.stringify(dir)} lookup a --browse`);
    t.waitFor(/Aftale om strategisk/, 30000);
    t.keys('q');
    const screen = t.waitFor(/follow a link/);
    expect(screen).toMatch(/^Aftale om strategisk samarbejde …: links$/m);
    t.keys('q');
    t.prompt();
  });

  it('help at 40 columns wraps option descriptions under their column', () => {
    const t = (term = new Terminal(40, 60));
    t.glossary('lookup --help');
    const screen = t.prompt();
    expect(screen).toMatch(/^ {2}-w, --width <n> {2}wrap at n columns$/m);
    expect(screen).toMatch(/^ {19}\(default: the$/m);
    expect(screen).not.toMatch(/de\nfault/);
  });
});
