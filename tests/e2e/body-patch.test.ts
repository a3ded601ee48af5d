// Issue 19: a body edit costs what it touches. An edited body whose names, description and link
// targets are as before is patched into the cache (its record, the full-text shards of the stems
// whose counts changed, its search document, the mean body length, the scan vocabulary), the rest
// of the cache shared with the generation before. The answers must be those of a fresh compile.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, cli, tempDir } from '../helpers.js';

const WORDS = ['kapital', 'risiko', 'afkast', 'selskab', 'marked', 'obligation', 'rente', 'likviditet', 'aktie', 'gæld', 'budget', 'revision'];

function corpus(dir: string): string[] {
  const ids: string[] = [];
  for (let i = 0; i < 40; i++) {
    const id = `begreb${i}`;
    ids.push(id);
    const w = (k: number) => WORDS[(i * 7 + k) % WORDS.length] as string;
    const link = `begreb${(i + 3) % 40}`;
    mkdirSync(join(dir, 'da'), { recursive: true });
    mkdirSync(join(dir, 'en'), { recursive: true });
    writeFileSync(join(dir, 'da', `${id}.md`), `---\ntitle: Begreb ${i} om ${w(0)}\ndescription: Et begreb om ${w(1)} og ${w(2)}.\naliases: [alias${i}]\n---\n# Begreb ${i}\n\nBegrebet handler om ${w(3)}, ${w(4)} og ${w(3)}.\n\nSe også [det andet](${link}.md) om ${w(5)}.\n\nEn linje om ${w(6)} der kan fjernes.\n`);
    if (i % 2 === 0) writeFileSync(join(dir, 'en', `${id}.md`), `---\ntitle: Concept ${i}\ndescription: A concept of ${w(1)}.\n---\n# Concept ${i}\n\nAbout ${w(3)} and risk.\n\nA line about ${w(6)} that may go.\n`);
  }
  return ids;
}

/** The generation the cache under `xdg` points to, and whether it shares its name index with the one before (a patch). */
function generation(xdg: string): { name: string; shared: boolean } {
  const root = join(xdg, 'glossary');
  const dir = join(root, readdirSync(root).find((n) => !n.startsWith('code-cache')) as string);
  const name = readFileSync(join(dir, 'current'), 'utf8').trim();
  return { name, shared: statSync(join(dir, name, 'da', 'names.dat')).nlink > 1 };
}

describe('a body edit is patched into the cache, and answers as a fresh compile does', () => {
  it('over rounds of edits in two languages: added, removed and repeated words, lines removed', () => {
    const dir = join(tempDir(), 'c');
    const ids = corpus(dir);
    const kept = tempDir();
    const run = (xdg: string, args: string[]) => cli(['--content', dir, ...args], cleanEnv({ XDG_CACHE_HOME: xdg }));
    expect(run(kept, ['list']).code).toBe(0);
    let seed = 11;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const queries = ['kapital', 'risiko', 'afkast', 'gæld', 'revision', 'risk', 'fjernes', 'samt'];
    let patched = 0;
    for (let round = 0; round < 4; round++) {
      for (let k = 0; k < 3; k++) {
        const lang = rand(3) === 0 ? 'en' : 'da';
        const id = ids[lang === 'en' ? 2 * rand(20) : rand(40)] as string;
        const file = join(dir, lang, `${id}.md`);
        const text = readFileSync(file, 'utf8');
        const edit = rand(4);
        const next =
          edit === 0 ? `${text}\nEt nyt afsnit om kvasarord${round} og ${WORDS[rand(WORDS.length)]}.\n`
          : edit === 1 ? text.replace(/\n[^\n]*(fjernes|may go)[^\n]*\n/, '\n')
          : edit === 2 ? `${text}\n${WORDS.slice(0, 1 + rand(4)).join(' ')} ${WORDS.slice(0, 1 + rand(4)).join(' ')}\n`
          : text.replace(/ og /, ' samt ');
        writeFileSync(file, next === text ? `${text}\nnyord${round}\n` : next);
      }
      const fresh = tempDir();
      for (const lang of ['da', 'en']) {
        for (const q of [...queries, `kvasarord${round}`, `nyord${round}`]) {
          const a = run(kept, ['--lang', lang, 'search', '--json', '--explain', '--limit', '50', q]);
          const b = run(fresh, ['--lang', lang, 'search', '--json', '--explain', '--limit', '50', q]);
          expect(a.stdout, `${lang} ${q} round ${round}`).toBe(b.stdout);
          expect(a.code).toBe(b.code);
          if (q === 'kapital') {
            // Scan uses the vocabulary (a compound's other part must be a word the corpus uses).
            const text = 'Kapitalrisiko og kvasarord0kapital i selskabet.';
            expect(cli(['--content', dir, '--lang', lang, 'scan', '--json'], cleanEnv({ XDG_CACHE_HOME: kept }), text).stdout).toBe(cli(['--content', dir, '--lang', lang, 'scan', '--json'], cleanEnv({ XDG_CACHE_HOME: fresh }), text).stdout);
          }
        }
      }
      if (generation(kept).shared) patched++;
    }
    // The rounds whose edits keep names, descriptions and links (most of them) were patches.
    expect(patched).toBeGreaterThanOrEqual(2);
  }, 240_000);
});

describe('what a body edit writes of the folder bookkeeping', () => {
  it('writes the stamps of the files, shares their list with the generation before, and is then served as it is, --refresh too', () => {
    const dir = join(tempDir(), 'c');
    corpus(dir);
    const xdg = tempDir();
    const run = (args: string[]) => cli(['--content', dir, ...args], cleanEnv({ XDG_CACHE_HOME: xdg }));
    expect(run(['list']).code).toBe(0);
    const file = join(dir, 'da', 'begreb5.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nEt nyt afsnit om kvasarordet.\n`);
    const r = run(['search', '--json', 'kvasarordet']);
    expect(JSON.parse(r.stdout)[0].id).toBe('begreb5');
    const patched = generation(xdg);
    expect(patched.shared).toBe(true);
    const root = join(xdg, 'glossary');
    const gen = join(root, readdirSync(root).find((n) => !n.startsWith('code-cache')) as string, patched.name);
    // The list of files, languages and ids is the one before (linked); only the stamps are new.
    expect(statSync(join(gen, 'state.json')).nlink).toBeGreaterThan(1);
    expect(statSync(join(gen, 'stamps.bin')).nlink).toBe(1);
    // Nothing changed since: every file is as the patch stamped it, also when listed again.
    expect(run(['lookup', 'begreb5']).code).toBe(0);
    expect(run(['--refresh', 'lookup', 'begreb5']).code).toBe(0);
    expect(generation(xdg).name).toBe(patched.name);
  }, 60_000);
});

// Articles are numbered by id, so a changed title, description, keywords or what an article defines
// moves no number: the edit is patched (the name map and candidate shards of its old and new names,
// the list, the keywords, the scan terms, the backlinks it reorders), not recompiled.
describe('a changed title, description or keywords is patched, and answers as a fresh compile does', () => {
  it('over rounds of such edits: search, list, keywords, lookup with its backlinks, scan', () => {
    const dir = join(tempDir(), 'c');
    const ids = corpus(dir);
    // begreb0 has many backlinks, listed in title order: a new title of one of them reorders them.
    // They also share a keyword, whose entries show their titles.
    for (const id of ids.slice(1, 13)) writeFileSync(join(dir, 'da', `${id}.md`), `${readFileSync(join(dir, 'da', `${id}.md`), 'utf8').replace(/^aliases: /m, 'keywords: [Fælles]\naliases: ')}\nSe også [nul](begreb0.md).\n`);
    const kept = tempDir();
    const run = (xdg: string, args: string[], input?: string) => cli(['--content', dir, ...args], cleanEnv({ XDG_CACHE_HOME: xdg }), input);
    const titles: string[] = [];
    expect(run(kept, ['list']).code).toBe(0);
    let seed = 5;
    const rand = (n: number) => Math.floor((seed = (seed * 1103515245 + 12345) % 2147483648) / 65536) % n;
    const NEW = ['Zulubegreb', 'Årsregnskab', 'Aktiekapital', 'Begreb', 'Quokkarente', 'Kapitalrisiko'];
    const shares = (xdg: string) => {
      const root = join(xdg, 'glossary');
      const at = join(root, readdirSync(root).find((n) => !n.startsWith('code-cache')) as string);
      const gen = join(at, readFileSync(join(at, 'current'), 'utf8').trim(), 'da');
      return readdirSync(gen).some((f) => statSync(join(gen, f)).nlink > 1);
    };
    let patched = 0;
    let retitled = 0;
    for (let round = 0; round < 6; round++) {
      // One kind of edit a round, so that a patch leaves some file as it was (shared, not written).
      const edit = round % 3;
      for (let k = 0; k < 2; k++) {
        // Titles and keywords of the same few articles: a new title is then also patched into the
        // entries of keywords those articles have.
        const id = ids[edit === 1 ? rand(40) : 1 + rand(12)] as string;
        const file = join(dir, 'da', `${id}.md`);
        const text = readFileSync(file, 'utf8');
        const word = NEW[rand(NEW.length)] as string;
        if (edit === 0) titles.push(`${word} ${round}${k} ${id}`);
        const next =
          edit === 0 ? text.replace(/^title: .*$/m, `title: ${word} ${round}${k} ${id}`)
          : edit === 1 ? text.replace(/^description: .*$/m, `description: Et begreb om ${word.toLowerCase()} og noget andet.`)
          : /^keywords: /m.test(text) ? text.replace(/^keywords: .*$/m, `keywords: [${word}, Fælles]`) : text.replace(/^aliases: /m, `keywords: [${word}, Fælles]\naliases: `);
        if (edit === 0) retitled++;
        writeFileSync(file, next);
      }
      const fresh = tempDir();
      const same = (args: string[], input?: string) => {
        const a = run(kept, args, input);
        const b = run(fresh, args, input);
        expect(a.stdout, `${args.join(' ')} round ${round}`).toBe(b.stdout);
        expect(a.code, `${args.join(' ')} round ${round}`).toBe(b.code);
      };
      for (const q of [...NEW, `${round}0`, 'begreb', 'kapital', 'noget andet']) same(['--lang', 'da', 'search', '--json', '--explain', '--limit', '50', q]);
      same(['--lang', 'da', 'list', '--json']);
      same(['--lang', 'da', 'keywords', '--json']);
      same(['--lang', 'da', 'list', '--keyword', 'Fælles', '--json']);
      for (const id of ids.slice(0, 14)) same(['--lang', 'da', 'lookup', '--json', id]);
      // By the new titles, and the old ones (found no more as names).
      for (const title of titles) same(['--lang', 'da', 'lookup', '--json', title]);
      for (const id of ids.slice(1, 6)) same(['--lang', 'da', 'lookup', '--json', `Begreb ${id.slice(6)} om ${WORDS[(Number(id.slice(6)) * 7) % WORDS.length]}`]);
      same(['--lang', 'da', 'scan', '--json'], `Zulubegreb og årsregnskab, aktiekapital og kapitalrisiko ${round}.`);
      if (shares(kept)) patched++;
    }
    expect(retitled).toBeGreaterThan(0);
    // Every round's edits keep ids, aliases and links: each is a patch.
    expect(patched).toBe(6);
  }, 300_000);
});
