// End-to-end: shell completion, random, help and the man page.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, cleanEnv, cli, fixture, root, tempDir } from '../helpers.js';

const hasFish = spawnSync('fish', ['--version'], { stdio: 'ignore' }).status === 0;
const hasZsh = spawnSync('zsh', ['--version'], { stdio: 'ignore' }).status === 0;

/** A PATH with `glossary` on it, as after `npm install -g`. */
function pathWithGlossary(): string {
  const dir = tempDir('glossary-path-');
  symlinkSync(bin, join(dir, 'glossary'));
  return `${dir}:${process.env['PATH']}`;
}

/** Sources the bash script and calls its function as bash would on TAB; returns COMPREPLY. */
function bashComplete(line: string, env: NodeJS.ProcessEnv = {}): string[] {
  return bashCompleteWords(line.split(' '), env);
}

/** What bash offers for the words of a command line as bash splits them (escapes kept). */
function bashCompleteWords(words: string[], env: NodeJS.ProcessEnv = {}): string[] {
  const script = join(tempDir(), 'glossary.bash');
  writeFileSync(script, cli(['completion', 'bash']).stdout);
  const program = `source ${JSON.stringify(script)}
COMP_WORDS=(${words.map((w) => JSON.stringify(w)).join(' ')}); COMP_CWORD=${words.length - 1}
_glossary; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const out = execFileSync('bash', ['--norc', '--noprofile', '-c', program], { env: { ...cleanEnv(), PATH: pathWithGlossary(), ...env }, encoding: 'utf8' });
  return out.split('\n').filter(Boolean);
}

describe('completion', () => {
  it('prints a bash script that bash -n accepts', () => {
    const r = cli(['completion', 'bash']);
    expect(r.code).toBe(0);
    const check = spawnSync('bash', ['-n'], { input: r.stdout });
    expect(check.status).toBe(0);
  });

  it('prints a zsh script that registers itself and asks with the cursor word and the words', () => {
    const r = cli(['completion', 'zsh']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('#compdef glossary');
    expect(lines).toContain('  items=("${(@f)$(glossary __complete $((CURRENT - 1)) "${words[@]}" 2>/dev/null)}")');
    // -U: zsh's own prefix filter would drop what __complete matched with Danish letters or capitals folded.
    expect(lines).toContain('  compadd -U -- "${items[@]}"');
    expect(lines).toContain('compdef _glossary glossary');
  });

  it.skipIf(!hasFish)('fish: names from the corpus, and files where a file or folder is wanted (scan, check, --content)', () => {
    const dir = tempDir('glossary-fish-');
    mkdirSync(join(dir, 'articles'));
    writeFileSync(join(dir, 'notes.txt'), 'Momsen stiger.\n');
    writeFileSync(join(dir, 'articles', 'zeta.md'), '---\ntitle: Zeta term\ndescription: Z.\n---\nZ.\n');
    const script = join(dir, 'glossary.fish');
    writeFileSync(script, cli(['completion', 'fish']).stdout);
    const complete = (line: string) => {
      const program = `source ${JSON.stringify(script)}; complete -C ${JSON.stringify(line)}`;
      const out = execFileSync('fish', ['--no-config', '-c', program], { cwd: dir, env: { ...cleanEnv(), PATH: pathWithGlossary() }, encoding: 'utf8' });
      return out.split('\n').filter(Boolean).map((l) => l.split('\t')[0]);
    };
    expect(complete('glossary lookup strat')).toContain('strategisk-alliance');
    expect(complete('glossary scan no')).toEqual(['notes.txt']);
    expect(complete('glossary check art')).toEqual(['articles/']);
    expect(complete('glossary --content art')).toEqual(['articles/']);
    // --content=DIR, one word as fish passes it: names from that folder, not the bundled glossary's.
    expect(complete('glossary --content=articles lookup ze')).toEqual(['zeta-term']);
    expect(complete('glossary --lang=')).toEqual(['--lang=all', '--lang=da']);
  });

  it.skipIf(!hasZsh)('zsh: the script offers the names __complete gives, and files where it gives none', () => {
    const dir = tempDir('glossary-zsh-');
    const script = join(dir, 'glossary.zsh');
    writeFileSync(script, cli(['completion', 'zsh']).stdout);
    // zsh's completion system stood in for by functions that say what they were asked for.
    const program = (...words: string[]) => `compdef() { :; }; compadd() { shift 2; print -l -- "added:$@"; }; _files() { print -- files; }
source ${JSON.stringify(script)}
words=(${words.map((w) => JSON.stringify(w)).join(' ')}); CURRENT=${words.length}; _glossary`;
    const zsh = (...words: string[]) => execFileSync('zsh', ['-f', '-c', program(...words)], { cwd: dir, env: { ...cleanEnv(), PATH: pathWithGlossary() }, encoding: 'utf8' }).trim().split('\n');
    expect(zsh('glossary', 'lookup', 'strat')).toContain('added:strategisk-alliance');
    expect(zsh('glossary', 'scan', 'no')).toEqual(['files']);
    expect(zsh('glossary', '--content', 'x')).toEqual(['files']);
  });

  it('rejects an unknown shell with exit 2', () => {
    const r = cli(['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('glossary: no completion for "tcsh": choose one of bash, zsh, fish\n');
  });

  it('a keyword with * or ? is offered as written, not expanded against the files of the current folder', () => {
    const dir = tempDir('glossary-glob-');
    mkdirSync(join(dir, 'c'));
    writeFileSync(join(dir, 'c', 'g.md'), '---\ntitle: G\ndescription: G.\nkeywords: ["*", "Q?"]\n---\nB.\n');
    for (const f of ['QA', 'QB']) writeFileSync(join(dir, f), '');
    const script = join(dir, 'glossary.bash');
    writeFileSync(script, cli(['completion', 'bash']).stdout);
    const program = `source ${JSON.stringify(script)}
COMP_WORDS=(glossary --content c list --keyword Q); COMP_CWORD=5
_glossary; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const out = execFileSync('bash', ['--norc', '--noprofile', '-c', program], { cwd: dir, env: { ...cleanEnv(), PATH: pathWithGlossary() }, encoding: 'utf8' });
    expect(out.split('\n').filter(Boolean)).toEqual(['Q\\?']);
  });

  it('completes `glossary lookup strat<TAB>` with strategisk-alliance', () => {
    expect(bashComplete('glossary lookup strat')).toContain('strategisk-alliance');
  });

  it('completes commands, options, keywords, and names from a --content folder', () => {
    expect(bashComplete('glossary lo')).toEqual(['lookup']);
    expect(bashComplete('glossary lookup --w')).toEqual(['--width']);
    expect(bashComplete('glossary list --keyword typ')).toEqual(['Types\\ of\\ Corporations']);
    expect(bashComplete(`glossary --content ${fixture('basic')} lookup ikke`)).toEqual(['ikke-registreret-konto']);
    expect(bashComplete('glossary completion b')).toEqual(['bash']);
  });

  it('folds what was typed: `organisk-væ` finds organisk-vaekst', () => {
    expect(bashComplete('glossary lookup organisk-væ')).toEqual(['organisk-vaekst']);
  });

  it('takes --lang and GLOSSARY_LANG into account', () => {
    const content = `--content ${fixture('bilingual')}`;
    expect(bashComplete(`glossary ${content} lookup join`)).toEqual(['joint-venture']);
    expect(bashComplete(`glossary ${content} --lang en lookup join`)).toEqual([]);
    expect(bashComplete(`glossary ${content} lookup strateg`, { GLOSSARY_LANG: 'en' })).toEqual(['strategic-alliance']);
  });

  it('completes a keyword with spaces escaped, so that it stays one word', () => {
    expect(bashCompleteWords(['glossary', 'list', '--keyword', 'Corporate\\ F'])).toEqual(['Corporate\\ Finance\\ and\\ Accounting']);
    expect(bashCompleteWords(['glossary', 'list', '--keyword', 'Types\\ of'])).toEqual(['Types\\ of\\ Corporations']);
  });

  it('is not thrown off by --help or --version on the line', () => {
    expect(bashComplete('glossary lookup --help strat')).toContain('strategisk-alliance');
  });
});

describe('random', () => {
  it('shows one article, and one with the keyword when asked', () => {
    const r = cli(['random']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Keywords: /);
    const m = cli(['random', '--keyword', 'Mergers and Acquisitions']);
    expect(m.stdout).toMatch(/Keywords: .*Mergers and Acquisitions/);
  });

  it('exits 3 for an unknown keyword, with the closest keywords as list gives them', () => {
    const r = cli(['random', '--keyword', 'Mergers and Acquisition']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('glossary: no keyword "Mergers and Acquisition"; did you mean: Mergers and Acquisitions? (all keywords: glossary keywords)\n');
    expect(cli(['list', '--keyword', 'Mergers and Acquisition']).stderr).toBe(r.stderr);
  });
});

describe('help and man page', () => {
  it('glossary help <command> shows that command with examples', () => {
    const r = cli(['help', 'search']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: glossary search \[options\] <query\.\.\.>/);
    expect(r.stdout).toContain('$ glossary search alliance');
  });

  it('glossary.1 is built from the same definitions and installed with the package', () => {
    const page = readFileSync(join(root, 'dist', 'glossary.1'), 'utf8');
    for (const c of ['lookup', 'search', 'list', 'keywords', 'links', 'backlinks', 'related', 'check', 'random', 'completion']) expect(page).toContain(`.B ${c}`);
    expect(page).toMatch(/\.SH EXIT STATUS[\s\S]*\.B 4\nambiguous/);
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).man).toEqual(['./dist/glossary.1']);
    // Every option of every command, as --help shows it, is in the page.
    for (const c of ['lookup', 'search', 'random', 'list', 'keywords', 'links', 'backlinks', 'related', 'check', 'completion']) {
      const help = cli(['help', c]).stdout;
      for (const m of help.matchAll(/^ {2}(-[^ ].*?)  +\S/gm)) if (!m[1]?.startsWith('-h,')) expect(page).toContain(`.B ${(m[1] as string).trim().replace(/-/g, '\\-')}`);
    }
    // And it renders: groff reads it without a warning (man-db and groff are on these machines;
    // .ci/run installs them where they are missing).
    const groff = spawnSync('groff', ['-man', '-Tutf8', '-ww', join(root, 'dist', 'glossary.1')], { encoding: 'utf8' });
    expect(groff.stderr).toBe('');
    expect(groff.stdout).toMatch(/GLOSSARY\(1\)/);
    expect(groff.stdout).toContain('ambiguous');
  });
});

describe('keywords', () => {
  it('counts an article once for a keyword it spells several ways, and lists it once (a hostile tester found it three times)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'j.md'), '---\ntitle: J\nkeywords: [Business, business, BUSINESS]\n---\nx\n');
    writeFileSync(join(dir, 'k.md'), '---\ntitle: K\nkeywords: [business]\n---\nx\n');
    const env = cleanEnv();
    expect(cli(['--content', dir, 'keywords'], env).stdout).toBe('2  Business\n');
    expect(cli(['--content', dir, 'list', '--keyword', 'business'], env).stdout).toBe('j  J\nk  K\n');
  });
});
