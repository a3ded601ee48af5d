// Issue 19: a new or deleted file costs what it touches. Articles are numbered by id, so a file
// added or removed moves the numbers after its id; the language is patched (store/membership.ts):
// its indexes are read once, the numbers moved, the new articles' parts added, the removed ones'
// dropped and every link resolved again, without parsing and indexing every article again. The
// answers must be those of a fresh compile of the same files.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, cli, tempDir } from '../helpers.js';

const WORDS = ['kapital', 'risiko', 'afkast', 'selskab', 'marked', 'obligation', 'rente', 'likviditet', 'aktie', 'gæld', 'budget', 'revision'];

function corpus(dir: string): void {
  mkdirSync(join(dir, 'da'), { recursive: true });
  mkdirSync(join(dir, 'en'), { recursive: true });
  for (let i = 0; i < 30; i++) {
    const w = (k: number) => WORDS[(i * 7 + k) % WORDS.length] as string;
    // Some links point to articles that do not exist yet (`senere`, an alias `fremtiden`).
    const links = i % 5 === 0 ? ' Se [senere](senere.md) og [fremtiden](fremtiden.md).' : '';
    const keywords = i % 3 === 0 ? 'keywords: [Fælles]\n' : '';
    writeFileSync(join(dir, 'da', `begreb${i}.md`), `---\ntitle: Begreb ${i} om ${w(0)}\ndescription: Et begreb om ${w(1)} og ${w(2)}.\n${keywords}aliases: [alias${i}]\n---\n# Begreb ${i}\n\nBegrebet handler om ${w(3)} og ${w(4)}.\n\nSe også [det andet](begreb${(i + 3) % 30}.md) og [nul](begreb0.md).${links}\n`);
    if (i % 2 === 0) writeFileSync(join(dir, 'en', `begreb${i}.md`), `---\ntitle: Concept ${i}\ndescription: A concept of ${w(1)}.\n---\n# Concept ${i}\n\nAbout ${w(3)} and risk. See [zero](begreb0.md).\n`);
  }
}

/** Whether the generation the cache under `xdg` points to was patched (it shares report.json with the one before). */
function patched(xdg: string): boolean {
  const root = join(xdg, 'glossary');
  const dir = join(root, readdirSync(root).find((n) => !n.startsWith('code-cache')) as string);
  const name = readFileSync(join(dir, 'current'), 'utf8').trim();
  return statSync(join(dir, name, 'report.json')).nlink > 1;
}

/** A check that the kept cache (under `kept`) and a fresh one answer a command over `dir` alike: output and exit code. */
function answersAlike(dir: string, kept: string, what: string): (args: string[], input?: string) => void {
  const fresh = tempDir();
  const run = (xdg: string, args: string[], input?: string) => cli(['--content', dir, ...args], cleanEnv({ XDG_CACHE_HOME: xdg }), input);
  return (args, input) => {
    const a = run(kept, args, input);
    const b = run(fresh, args, input);
    expect(a.stdout, `${args.join(' ')}: ${what}`).toBe(b.stdout);
    expect(a.code, `${args.join(' ')}: ${what}`).toBe(b.code);
  };
}

describe('files added and removed are patched into the cache, and answer as a fresh compile does', () => {
  it('new ids before, between and after the others, links that now resolve or break, two languages, a rename', () => {
    const dir = join(tempDir(), 'c');
    corpus(dir);
    const kept = tempDir();
    const run = (xdg: string, args: string[], input?: string) => cli(['--content', dir, ...args], cleanEnv({ XDG_CACHE_HOME: xdg }), input);
    expect(run(kept, ['list']).code).toBe(0);
    const article = (lang: string, id: string, text: string) => writeFileSync(join(dir, lang, `${id}.md`), text);
    const rounds: Array<{ what: string; change: () => void; ids: string[] }> = [
      {
        what: 'a new id first and one that a broken link names (its backlinks appear)',
        change: () => {
          article('da', 'aaa-først', '---\ntitle: Årsrapport\ndescription: En rapport om året.\nkeywords: [Fælles, Ny]\n---\nOm kapital og [begreb 4](begreb4.md).\n');
          article('da', 'senere', '---\ntitle: Senere begreb\ndescription: Et begreb der kom senere.\n---\nOm obligation og risiko.\n');
        },
        ids: ['aaa-først', 'senere', 'begreb0', 'begreb4', 'begreb5'],
      },
      {
        what: 'a removed article that others link to (their links break), and one found by an alias of a new one',
        change: () => {
          rmSync(join(dir, 'da', 'begreb3.md'));
          article('da', 'zz-sidst', '---\ntitle: Fremtid\naliases: [fremtiden]\n---\nOm afkast i fremtiden og [begreb 3](begreb3.md).\n');
        },
        ids: ['begreb0', 'begreb1', 'begreb6', 'zz-sidst', 'begreb10'],
      },
      {
        what: 'the same new id in both languages, and an English file removed whose Danish one stays',
        change: () => {
          article('da', 'begreb15b', '---\ntitle: Mellembegreb\ndescription: Mellem de andre.\n---\nOm budget og [nul](begreb0.md).\n');
          article('en', 'begreb15b', '---\ntitle: Middle concept\n---\nAbout budgets.\n');
          rmSync(join(dir, 'en', 'begreb2.md'));
        },
        ids: ['begreb15b', 'begreb2', 'begreb0', 'begreb9'],
      },
      {
        what: 'a rename (an id gone, another new) and an English file added to a Danish id',
        change: () => {
          renameSync(join(dir, 'da', 'begreb7.md'), join(dir, 'da', 'begreb7-ny.md'));
          article('en', 'begreb9', '---\ntitle: Concept nine\n---\nAbout revision.\n');
        },
        ids: ['begreb7-ny', 'begreb9', 'begreb4', 'begreb0'],
      },
    ];
    let patches = 0;
    for (const round of rounds) {
      round.change();
      const same = answersAlike(dir, kept, round.what);
      same(['--lang', 'da', 'list', '--json']);
      if (patched(kept)) patches++;
      same(['--lang', 'en', 'list', '--json']);
      same(['--lang', 'da', 'keywords', '--json']);
      same(['--lang', 'da', 'list', '--keyword', 'Fælles', '--json']);
      for (const q of ['kapital', 'begreb', 'fremtid', 'senere', 'obligation risiko', 'mellem']) same(['--lang', 'da', 'search', '--json', '--explain', '--limit', '50', q]);
      for (const id of round.ids) {
        for (const lang of ['da', 'en']) {
          same(['--lang', lang, 'lookup', '--json', id]);
          // As shown: a rendering kept from before the change must not be shown for it.
          same(['--lang', lang, 'lookup', id]);
        }
      }
      same(['--lang', 'da', 'scan', '--json'], 'Årsrapport om fremtiden, mellembegreb og kapital.');
    }
    // Every round was a patch, not a recompile.
    expect(patches).toBe(rounds.length);
  }, 300_000);

  it('at the caps: a word in every article of a 2,000-article folder crosses them as files come and go, and is patched', () => {
    // Terms in more articles than the cap (2,000 articles here) are left out of the candidate
    // index unless an article names them, and have no full-text postings; the cache keeps only
    // their counts. A new file takes `fælles` (every description) and `tekst` (every body) over the
    // caps; deleting two brings them back under, where their lists must be made anew.
    const dir = join(tempDir(), 'c');
    mkdirSync(dir, { recursive: true });
    const N = 2000;
    for (let i = 0; i < N; i++) {
      const w = (k: number) => WORDS[(i * 7 + k) % WORDS.length] as string;
      writeFileSync(join(dir, `begreb${i}.md`), `---\ntitle: Begreb ${i} om ${w(0)}\ndescription: Et fælles begreb om ${w(1)}.\n---\nEn tekst om ${w(3)}${i % 2 ? ' og tekst igen' : ''}. Se [nul](begreb${(i + 1) % N}.md).\n`);
    }
    const kept = tempDir();
    const run = (xdg: string, args: string[], input?: string) => cli(['--content', dir, ...args], cleanEnv({ XDG_CACHE_HOME: xdg }), input);
    expect(run(kept, ['list']).code).toBe(0);
    const rounds: Array<{ what: string; change: () => void; ids: string[] }> = [
      {
        what: 'one more article: both words over the caps',
        change: () => writeFileSync(join(dir, 'aaa-ny.md'), '---\ntitle: Nyt fælles begreb\ndescription: Et fælles begreb om risiko.\n---\nEn tekst om tekst og [begreb 5](begreb5.md).\n'),
        ids: ['aaa-ny', 'begreb5', 'begreb1999'],
      },
      {
        what: 'two articles deleted: both words back under the caps',
        change: () => {
          rmSync(join(dir, 'begreb7.md'));
          rmSync(join(dir, 'begreb1500.md'));
        },
        ids: ['aaa-ny', 'begreb6', 'begreb8', 'begreb1499'],
      },
    ];
    for (const round of rounds) {
      round.change();
      const same = answersAlike(dir, kept, round.what);
      same(['list', '--json']);
      expect(patched(kept), round.what).toBe(true);
      // Typing errors find names through the candidate index: the one the caps change.
      for (const q of ['fælles', 'tekst', 'fælles tekst risiko', 'nyt fælles', 'begreb 12', 'begrbe 12 om', 'begrb', 'kapitl', 'revison', 'fælels']) same(['search', '--json', '--explain', '--limit', '30', q]);
      for (const id of round.ids) same(['lookup', '--json', id]);
      same(['scan', '--json'], 'Et fælles begreb i en tekst om risiko.');
    }
  }, 300_000);
});
