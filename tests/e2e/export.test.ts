// glossary export, read by clients we did not write: sdcv and stardict-verify (StarDict),
// translate-toolkit (TBX v2), jing (TBX v3 against schema/tbx-basic-v3-core.rng). Each client
// test skips, saying so, only when its program is not installed; .ci/run installs them all.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { article, cleanEnv, cli, fixture, root, tempDir, writeCorpus } from '../helpers.js';

const have = (program: string) => spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;
const SDCV = have('sdcv');
const VERIFY = '/usr/lib/stardict-tools/stardict-verify';
const PYTHON = '/usr/bin/python3';
const TT = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import translate.storage.tbx']).status === 0;
const JING = have('jing');
const skipping = (what: string, ok: boolean) => {
  if (!ok) console.warn(`SKIPPED: ${what} is not installed (apt-get install sdcv dictzip translate-toolkit jing stardict-tools)`);
  return ok;
};

/** The bundled articles as their files say, read without our code. */
interface Source {
  id: string;
  title: string;
  aliases: string[];
  description: string;
  body: string;
}
const bundled: Source[] = readdirSync(join(root, 'content'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => {
    const m = matter(readFileSync(join(root, 'content', f), 'utf8'));
    const d = m.data as { title: string; aliases?: string[]; description: string };
    return { id: f.slice(0, -3), title: String(d.title), aliases: (d.aliases ?? []).map(String), description: String(d.description), body: m.content };
  });

const CLIENT_TIMEOUT = 120_000;
const exportTo = (args: string[], env = cleanEnv()) => cli(['export', ...args], env);

/** sdcv's JSON answers for many words at once: one array per word. */
function sdcv(dir: string, words: string[]): Array<Array<{ word: string; definition: string }>> {
  const r = spawnSync('sdcv', ['--data-dir', dir, '-n', '-e', '-j', ...words], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, HOME: tempDir('sdcv-home-') } });
  expect(r.status).toBe(0);
  const lines = r.stdout.split('\n').filter((l) => l.startsWith('['));
  expect(lines).toHaveLength(words.length);
  return lines.map((l) => JSON.parse(l) as Array<{ word: string; definition: string }>);
}

const textOf = (html: string) =>
  html.replace(/<[^>]*>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&').replace(/\s+/g, ' ');

/** The first plain sentence of a body (no Markdown in it), to find in the exported text. */
function plainSentence(body: string): string | undefined {
  const line = body.split('\n').find((l) => /^[A-ZÆØÅa-zæøå]/.test(l) && !/[*_`[\]<>&#|\\$]/.test(l) && l.length > 40);
  return line?.slice(0, 40);
}

describe('export --format stardict', () => {
  const dir = join(tempDir('glossary-export-'), 'stardict');
  let exported = false;
  const ensure = () => {
    if (exported) return;
    const r = exportTo(['--format', 'stardict', '-o', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    exported = true;
  };

  it('writes .ifo, .idx, .syn and .dict.dz (dictzip) with the counts sdcv reads', () => {
    ensure();
    const files = readdirSync(dir).sort();
    expect(files).toEqual(have('dictzip') ? ['glossary-da.dict.dz', 'glossary-da.idx', 'glossary-da.ifo', 'glossary-da.syn'] : ['glossary-da.dict', 'glossary-da.idx', 'glossary-da.ifo', 'glossary-da.syn']);
    const ifo = readFileSync(join(dir, 'glossary-da.ifo'), 'utf8');
    expect(ifo.startsWith("StarDict's dict ifo file\nversion=3.0.0\n")).toBe(true);
    expect(ifo).toContain(`wordcount=${bundled.length}\n`);
    expect(ifo).toContain(`idxfilesize=${readFileSync(join(dir, 'glossary-da.idx')).length}\n`);
    expect(ifo).toContain('sametypesequence=h\n');
    expect(ifo).toMatch(/description=.*MIT.*CC BY 4\.0.*investors\.wiki/);
  });

  it.runIf(skipping('sdcv', SDCV))(
    'sdcv finds every article by its title and by each alias, æ/ø/å included, with the article text',
    () => {
      ensure();
      const titles = sdcv(dir, bundled.map((a) => a.title));
      bundled.forEach((a, i) => {
        const hits = titles[i] ?? [];
        expect(hits.map((h) => h.word), a.title).toContain(a.title);
        const def = textOf(hits.find((h) => h.word === a.title)?.definition ?? '');
        const sentence = plainSentence(a.body);
        if (sentence) expect(def, a.id).toContain(sentence);
        // The description too, as lookup shows it: the definition a body need not repeat.
        expect(def, a.id).toContain(a.description.replace(/\s+/g, ' ').trim());
      });
      expect(bundled.filter((a) => /^[ÆØÅæøå]/.test(a.title)).length).toBeGreaterThan(2);
      const aliases = bundled.flatMap((a) => a.aliases.filter((al) => al !== a.title).map((al) => ({ al, title: a.title })));
      expect(aliases.length).toBeGreaterThan(500);
      const found = sdcv(dir, aliases.map((x) => x.al));
      aliases.forEach((x, i) => expect((found[i] ?? []).map((h) => h.word), `${x.al} -> ${x.title}`).toContain(x.title));
    },
    CLIENT_TIMEOUT,
  );

  it.runIf(skipping('sdcv', SDCV))(
    'links between entries are bword:// links to titles sdcv finds',
    () => {
      ensure();
      const [hits] = sdcv(dir, ['Periodisering']);
      const targets = [...(hits?.[0]?.definition ?? '').matchAll(/<a href="bword:\/\/([^"]+)">/g)].map((m) => m[1] as string);
      expect(targets).toContain('Resultatopgørelse');
      for (const [i, t] of sdcv(dir, targets).entries()) expect(t.map((h) => h.word)).toContain(targets[i]);
    },
    CLIENT_TIMEOUT,
  );

  it.runIf(skipping('stardict-tools', existsSync(VERIFY)))(
    'stardict-verify reports the dictionary OK',
    () => {
      ensure();
      const r = spawnSync(VERIFY, [join(dir, 'glossary-da.ifo')], { encoding: 'utf8' });
      expect(r.stdout + r.stderr).toMatch(/Verification result: OK/);
      expect(r.stdout + r.stderr).not.toMatch(/Verification result: (?!OK)/);
    },
    CLIENT_TIMEOUT,
  );

  it.runIf(skipping('sdcv', SDCV))(
    '--plain writes type m: text as lookup prints it',
    () => {
      const plain = join(tempDir('glossary-export-'), 'plain');
      expect(exportTo(['--format', 'stardict', '--plain', '-o', plain]).code).toBe(0);
      expect(readFileSync(join(plain, 'glossary-da.ifo'), 'utf8')).toContain('sametypesequence=m\n');
      const [hits] = sdcv(plain, ['Periodisering']);
      const def = hits?.[0]?.definition ?? '';
      expect(def).toMatch(/^\s*Periodisering\n/);
      expect(def).toContain('regnskabsperiode');
      expect(def).not.toMatch(/<\/?[a-z]+>/);
    },
    CLIENT_TIMEOUT,
  );

  it('is deterministic: the same corpus gives the same bytes', () => {
    ensure();
    const again = join(tempDir('glossary-export-'), 'again');
    expect(exportTo(['--format', 'stardict', '-o', again]).code).toBe(0);
    // sdcv leaves its own .oft caches in the folder: only the exported files are compared.
    const ours = readdirSync(dir).filter((f) => /\.(ifo|idx|syn|dict|dict\.dz)$/.test(f));
    expect(ours.length).toBeGreaterThanOrEqual(4);
    for (const f of ours) expect(readFileSync(join(again, f)).equals(readFileSync(join(dir, f))), f).toBe(true);
  }, CLIENT_TIMEOUT);

  it('one dictionary per language of a --content corpus', () => {
    const out = join(tempDir('glossary-export-'), 'bi');
    const r = cli(['--content', fixture('bilingual'), 'export', '--format', 'stardict', '-o', out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith('.ifo')).sort()).toEqual(['glossary-da.ifo', 'glossary-en.ifo']);
    if (SDCV) expect(sdcv(out, ['Strategic Alliance'])[0]?.map((h) => h.word)).toEqual(['Strategic Alliance']);
  }, CLIENT_TIMEOUT);

  it('says on every export which files the corpus does not hold, as list does (not only on the compile that skipped them)', () => {
    const src = join(tempDir('glossary-export-'), 'src');
    mkdirSync(src);
    writeFileSync(join(src, 'aktie.md'), '---\ntitle: Aktie\ndescription: En andel.\n---\n\nTekst.\n');
    writeFileSync(join(src, 'bad.md'), '---\ntitle: [\n---\nx\n');
    const env = cleanEnv();
    cli(['--content', src, 'list'], env);
    for (const args of [['--format', 'tbx', '-o', join(src, '..', 'x.tbx')], ['--format', 'stardict', '-o', join(src, '..', 'sd')], ['--format', 'json']]) {
      const r = cli(['--content', src, 'export', ...args], env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr, args[1]).toContain(`glossary: 1 file is not in the corpus and not exported: see glossary check ${src}\n`);
    }
  }, CLIENT_TIMEOUT);

  it('exported again into the same folder: sdcv reads the new files (its caches of the old ones removed); another language\'s files are left and named', () => {
    const src = join(tempDir('glossary-export-'), 'src');
    cpSync(fixture('bilingual'), src, { recursive: true });
    const out = join(tempDir('glossary-export-'), 'again');
    expect(cli(['--content', src, 'export', '--format', 'stardict', '--plain', '-o', out]).code).toBe(0);
    if (SDCV) expect(sdcv(out, ['Strategic Alliance'])[0]?.map((h) => h.word)).toEqual(['Strategic Alliance']);
    // A file of the user's own in the folder is left alone.
    writeFileSync(join(out, 'notes.txt'), 'mine');
    rmSync(join(src, 'en'), { recursive: true });
    const file = join(src, 'da', 'jointventure.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Et fælles selskab.', 'Et fælles foretagende.'));
    // At once (the same second), as sdcv's cache could not tell the files apart then.
    const r = cli(['--content', src, 'export', '--format', 'stardict', '--plain', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    // Another language's files are never removed (a --lang export, another glossary's): named.
    expect(r.stderr).toContain(`glossary: ${join(out, 'glossary-en')}.* is left as it is: this glossary has no language en (remove the files if an earlier export of it wrote them)\n`);
    expect(readdirSync(out).filter((f) => f.startsWith('glossary-en')).length).toBeGreaterThan(0);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    if (SDCV) expect(sdcv(out, ['Joint venture'])[0]?.[0]?.definition).toContain('Et fælles foretagende.');
    // A --lang export into a folder with every language's files leaves the others' as they are.
    const both = join(tempDir('glossary-export-'), 'both');
    const bi = fixture('bilingual');
    expect(cli(['--content', bi, 'export', '--format', 'stardict', '-o', both]).code).toBe(0);
    const before = readdirSync(both).filter((f) => f.startsWith('glossary-en')).sort();
    expect(cli(['--content', bi, '--lang', 'da', 'export', '--format', 'stardict', '-o', both]).code).toBe(0);
    expect(readdirSync(both).filter((f) => f.startsWith('glossary-en')).sort()).toEqual(before);
  }, CLIENT_TIMEOUT);
});

const py = (script: string, file: string) => spawnSync(PYTHON, ['-c', script, file], { encoding: 'utf8' });

describe('export --format tbx', () => {
  it.runIf(skipping('translate-toolkit', TT))(
    'TBX v2: translate-toolkit reads every entry, with its id and terms',
    () => {
      const file = join(tempDir('glossary-export-'), 'g.tbx');
      expect(exportTo(['--format', 'tbx', '-o', file]).code).toBe(0);
      const r = py(
        'import sys, json\nfrom translate.storage import tbx\ns = tbx.tbxfile.parsefile(sys.argv[1])\nprint(json.dumps([[u.getid(), u.source] for u in s.units if not u.isheader()]))',
        file,
      );
      expect(r.stderr).toBe('');
      const units = JSON.parse(r.stdout) as Array<[string, string]>;
      expect(units).toHaveLength(bundled.length);
      const byId = new Map(units);
      for (const a of bundled) expect(byId.get(a.id), a.id).toBe(a.title);
      const text = readFileSync(file, 'utf8');
      expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<martif type="TBX-Basic" xml:lang="da">/);
      expect(text).toContain('<term>accruals</term>');
      expect(text).toContain('<descrip type="subjectField">Corporate Finance and Accounting</descrip>');
      expect(text).toContain('CC BY 4.0');
    },
    CLIENT_TIMEOUT,
  );

  it.runIf(skipping('translate-toolkit', TT))(
    'TBX v2 of two languages: the source language first, both read by translate-toolkit',
    () => {
      const file = join(tempDir('glossary-export-'), 'bi.tbx');
      expect(cli(['--content', fixture('bilingual'), 'export', '--format', 'tbx', '-o', file]).code).toBe(0);
      const r = py(
        'import sys, json\nfrom translate.storage import tbx\ns = tbx.tbxfile.parsefile(sys.argv[1])\nprint(json.dumps([[u.getid(), u.source, u.target] for u in s.units if not u.isheader()]))',
        file,
      );
      const units = JSON.parse(r.stdout) as Array<[string, string, string | null]>;
      expect(units.map((u) => u[0]).sort()).toEqual(['jointventure', 'strategicalliance']);
      const text = readFileSync(file, 'utf8');
      expect(text.indexOf('<langSet xml:lang="da">', text.indexOf('id="strategicalliance"'))).toBeLessThan(text.indexOf('<langSet xml:lang="en">'));
    },
    CLIENT_TIMEOUT,
  );

  it.runIf(skipping('translate-toolkit', TT))(
    'TBX --from en --to da: those two languages, the source first, as translate-toolkit takes source and target; a third language is left out',
    () => {
      const dir = writeCorpus({
        'da/aktie.md': article({ title: 'Aktie', description: 'a.' }),
        'en/aktie.md': article({ title: 'Share', description: 's.' }),
        'de/aktie.md': article({ title: 'Aktie (de)', description: 'd.' }),
        // Only the target language has it: left out, and said (tbx2po took its Danish term for the English source).
        'da/kun-dansk.md': article({ title: 'Kun dansk', description: 'k.' }),
      });
      const file = join(tempDir('glossary-export-'), 'en-da.tbx');
      const written = cli(['--content', dir, 'export', '--format', 'tbx', '--from', 'en', '--to', 'da', '-o', file]);
      expect(written.code).toBe(0);
      expect(written.stderr).toContain('glossary: 1 "da" article has no "en" article and is left out: kun-dansk\n');
      const r = py('import sys, json\nfrom translate.storage import tbx\ns = tbx.tbxfile.parsefile(sys.argv[1])\nprint(json.dumps([[u.source, u.target] for u in s.units if not u.isheader()]))', file);
      expect(JSON.parse(r.stdout)).toEqual([['Share', 'Aktie']]);
      expect(readFileSync(file, 'utf8')).not.toContain('xml:lang="de"');
      const half = cli(['--content', dir, 'export', '--format', 'tbx', '--from', 'en']);
      expect([half.code, half.stderr]).toEqual([2, 'glossary: --format tbx takes a pair of languages or none: --from da --to en (a bilingual termbase), or neither (every language)\n']);
    },
    CLIENT_TIMEOUT,
  );

  it.runIf(skipping('jing', JING))(
    'TBX v3 of ids with characters XML takes in no name (µ, ², º, ½) and of ids that look like codes: jing finds it valid, every entry its own id',
    () => {
      const ids = ['µm', 'm²', 'nº', '½', 'a_x20_b', 'a b', 'și', 'ǅ', 'share', 'share_2'];
      const dir = writeCorpus(Object.fromEntries(ids.map((id) => [`da/${id}.md`, article({ title: `T ${id}`, description: 'D.' })])));
      const file = join(tempDir('glossary-export-'), 'ids.tbx');
      expect(cli(['--content', dir, 'export', '--format', 'tbx', '--tbx-version', '3', '-o', file]).code).toBe(0);
      const ok = spawnSync('jing', [join(root, 'schema', 'tbx-basic-v3-core.rng'), file], { encoding: 'utf8' });
      expect(ok.stdout).toBe('');
      expect(ok.status).toBe(0);
      expect(new Set([...readFileSync(file, 'utf8').matchAll(/<conceptEntry id="([^"]+)">/g)].map((m) => m[1])).size).toBe(ids.length);
    },
    CLIENT_TIMEOUT,
  );

  it.runIf(skipping('jing', JING))(
    'TBX v3 validates with jing against the core-structure RNG; a broken file does not',
    () => {
      const dir = tempDir('glossary-export-');
      const file = join(dir, 'g3.tbx');
      expect(exportTo(['--format', 'tbx', '--tbx-version', '3', '-o', file]).code).toBe(0);
      const rng = join(root, 'schema', 'tbx-basic-v3-core.rng');
      const ok = spawnSync('jing', [rng, file], { encoding: 'utf8' });
      expect(ok.stdout).toBe('');
      expect(ok.status).toBe(0);
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="da">');
      expect(text.match(/<conceptEntry /g)).toHaveLength(bundled.length);
      writeFileSync(join(dir, 'bad.tbx'), text.replace('<termSec>', '<tig>').replace('</termSec>', '</tig>'));
      const bad = spawnSync('jing', [rng, join(dir, 'bad.tbx')], { encoding: 'utf8' });
      expect(bad.status).not.toBe(0);
    },
    CLIENT_TIMEOUT,
  );
});

describe('export --format tsv / csv / json', () => {
  it('TSV (OmegaT): each line is an article title, its English alias and its description', () => {
    const r = exportTo(['--format', 'tsv', '--from', 'da', '--to', 'en']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.pop()).toBe('');
    const byTitle = new Map(bundled.map((a) => [a.title, a]));
    for (const line of lines) {
      const fields = line.split('\t');
      expect(fields, line).toHaveLength(3);
      const a = byTitle.get(fields[0] as string);
      expect(a, line).toBeDefined();
      expect(a?.aliases).toContain(fields[1]);
      expect(fields[1]).toMatch(/^[\x20-\x7e]+$/);
      expect(fields[2]).toBe(a?.description.replace(/\s+/g, ' ').trim());
    }
    const left = Number(/(\d+) of (\d+) "da" articles have no English alias/.exec(r.stderr)?.[1]);
    expect(lines.length + left).toBe(bundled.length);
    expect(lines.length).toBeGreaterThan(100);
    expect(lines).toContain('Periodisering\taccruals\t' + byTitle.get('Periodisering')?.description);
  });

  it('TSV of a two-language corpus pairs articles by id; -o writes the file', () => {
    const file = join(tempDir('glossary-export-'), 'glossary.txt');
    const r = cli(['--content', fixture('bilingual'), 'export', '--format', 'tsv', '--from', 'da', '--to', 'en', '-o', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe('Strategisk alliance\tStrategic Alliance\tEn aftale mellem to virksomheder.\n');
    expect(r.stderr).toBe('glossary: 1 of 2 "da" articles have no "en" article and are left out: jointventure\n');
  });

  it('--to en over a corpus whose English is en-us: its articles are the translations, said so; en_US is en-us', () => {
    const dir = writeCorpus({
      'da/accrual.md': article({ title: 'Periodisering', description: 'P.', aliases: '[accruals]' }),
      'da/share.md': article({ title: 'Aktie', description: 'A.' }),
      'en-us/accrual.md': article({ title: 'Accrual accounting', description: 'E.' }),
      'en-us/share.md': article({ title: 'Share (stock)', description: 'E.' }),
    });
    const r = cli(['--content', dir, 'export', '--format', 'tsv', '--from', 'da', '--to', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Periodisering\tAccrual accounting\tP.\nAktie\tShare (stock)\tA.\n');
    expect(r.stderr).toBe('glossary: the corpus has no "en" articles: its "en-us" articles are the translations\n');
    expect(cli(['--content', dir, 'export', '--format', 'tsv', '--from', 'da', '--to', 'en_US']).stdout).toBe(r.stdout);
  });

  it('an article with more than 50 aliases: the export says the first 50 are exported', () => {
    const dir = writeCorpus({ 'mange.md': article({ title: 'Mange', description: 'M.', aliases: `[${Array.from({ length: 60 }, (_, i) => `form${i}`).join(', ')}]` }) });
    const r = cli(['--content', dir, 'export', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).articles[0].aliases).toHaveLength(50);
    expect(r.stderr).toBe(`glossary: 1 article has more than 50 aliases or keywords, of which the first 50 are exported: mange (see glossary check ${dir})\n`);
  });

  it('TSV: a term that begins with # (a comment line to OmegaT) is named on stderr', () => {
    const dir = writeCorpus({ 'da/hash.md': article({ title: '"#hashtag"', description: 'H.' }), 'en/hash.md': article({ title: '"#hashtag (en)"', description: 'H.' }) });
    const r = cli(['--content', dir, 'export', '--format', 'tsv', '--from', 'da', '--to', 'en']);
    expect(r.stdout).toBe('#hashtag\t#hashtag (en)\tH.\n');
    expect(r.stderr).toBe('glossary: 1 term begins with #, which OmegaT reads as a comment line and leaves out: #hashtag\n');
  });

  it('CSV per RFC 4180: header, CRLF, quoted fields', () => {
    const r = exportTo(['--format', 'csv', '--from', 'da', '--to', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('da,en,comment\r\n')).toBe(true);
    expect(r.stdout).toContain('Periodisering,accruals,"Periodisering er det regnskabsprincip, at');
    expect(r.stdout.split('\r\n').every((l) => !l.includes('\n'))).toBe(true);
  });

  it('CSV: no field a spreadsheet would run as a formula (hostile titles and descriptions), read back by Python\'s csv module', () => {
    const dir = writeCorpus({
      'da/formel.md': article({ title: '"=HYPERLINK(\\"http://example.com\\",\\"klik\\")"', description: '"@SUM(1+1)*cmd"' }),
      'en/formel.md': article({ title: '"+1+cmd|\' /C calc\'!A0"', description: '"-2+3"' }),
    });
    const r = cli(['--content', dir, 'export', '--format', 'csv', '--from', 'da', '--to', 'en']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const read = spawnSync('/usr/bin/python3', ['-c', 'import csv,sys,json; print(json.dumps(list(csv.reader(sys.stdin))))'], { input: r.stdout, encoding: 'utf8' });
    expect(JSON.parse(read.stdout)).toEqual([
      ['da', 'en', 'comment'],
      ['\'=HYPERLINK("http://example.com","klik")', "'+1+cmd|' /C calc'!A0", "'@SUM(1+1)*cmd"],
    ]);
  });

  it('JSON: every article with names, text and the corpus licence', () => {
    const r = exportTo(['--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { licence: string; articles: Array<{ id: string; title: string; aliases: string[]; text: string; markdown: string }> };
    expect(doc.licence).toMatch(/MIT.*CC BY 4\.0/);
    expect(doc.articles.map((a) => a.id)).toEqual(bundled.map((a) => a.id).sort());
    for (const a of bundled) {
      const got = doc.articles.find((x) => x.id === a.id);
      expect(got?.title).toBe(a.title);
      expect(got?.aliases).toEqual(a.aliases);
      expect(got?.markdown.trim()).toBe(a.body.trim());
    }
    expect(exportTo(['--format', 'json']).stdout).toBe(r.stdout);
  });
});

describe('export: bad input', () => {
  const oneLine = (r: { stderr: string }) => expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);

  it('an unknown format: exit 2, one line naming the formats', () => {
    const r = exportTo(['--format', 'docx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('glossary: unknown export format "docx": use --format stardict|tbx|csv|tsv|json\n');
  });

  it('no --format, csv without --from/--to, stardict without -o, a bad --tbx-version: exit 2, one line', () => {
    for (const args of [[], ['--format', 'csv'], ['--format', 'tsv', '--from', 'da'], ['--format', 'stardict'], ['--format', 'tbx', '--tbx-version', '4'], ['--format', 'tsv', '--from', 'da', '--to', 'fr']]) {
      const r = exportTo(args);
      expect(r.code, args.join(' ')).toBe(2);
      oneLine(r);
      expect(r.stdout).toBe('');
    }
  });

  it('an output path that cannot be written: exit 2, one line, no stack', () => {
    const dir = tempDir('glossary-export-');
    writeFileSync(join(dir, 'file'), 'x');
    for (const args of [['--format', 'json', '-o', join(dir, 'file', 'x.json')], ['--format', 'stardict', '-o', join(dir, 'file')], ['--format', 'tbx', '-o', dir]]) {
      const r = exportTo(args);
      expect(r.code, args.join(' ')).toBe(2);
      oneLine(r);
      expect(r.stderr).toMatch(/^glossary: cannot (write|make)/);
    }
  });
});

describe('export: a full disk, licence files that are not plain files of the folder (a hostile pass)', () => {
  it('a device that is full: exit 8 and one line, as for standard output', () => {
    const r = exportTo(['--format', 'json', '-o', '/dev/full']);
    expect(r.stderr).toBe('glossary: cannot write /dev/full: no space left on the device (ENOSPC); free some space, or give -o a path elsewhere (an earlier export there is kept)\n');
    expect(r.code).toBe(8);
  });

  it.runIf(skipping('sdcv', SDCV))('two articles of one title (in two folders) are one entry that sdcv shows whole, both texts', () => {
    const corpus = writeCorpus({
      'a/dobbelt.md': article({ title: 'Dobbelt', description: 'Den første betydning.', aliases: '[Tvilling]' }, 'Første.'),
      'b/dobbelt.md': article({ title: 'Dobbelt', description: 'Den anden betydning.', aliases: '[Tvilling]' }, 'Anden.'),
      'enkelt.md': article({ title: 'Enkelt', description: 'Kun en.' }, 'En.'),
    });
    const out = join(tempDir('sd-dup-'), 'sd');
    expect(cli(['--content', corpus, 'export', '--format', 'stardict', '-o', out]).code).toBe(0);
    expect(readFileSync(join(out, 'glossary-da.ifo'), 'utf8')).toContain('wordcount=2\n');
    const [byTitle, byAlias] = sdcv(out, ['Dobbelt', 'Tvilling']);
    for (const hits of [byTitle, byAlias]) {
      const text = textOf((hits ?? []).map((h) => h.definition).join(' '));
      expect(text).toContain('Den første betydning.');
      expect(text).toContain('Den anden betydning.');
    }
  });

  it.runIf(skipping('sdcv', SDCV))('a word that names several articles (a title and another\'s alias, one alias of two) shows each of them in sdcv, in any case it is typed', () => {
    const corpus = writeCorpus({
      'alfa.md': article({ title: 'Alfa', description: 'Den første.', aliases: '[fælles]' }, 'Alfatekst.'),
      'beta.md': article({ title: 'Beta', description: 'Den anden.', aliases: '[fælles, delta]' }, 'Betatekst.'),
      'delta.md': article({ title: 'Delta', description: 'Den tredje.' }, 'Deltatekst.'),
      'gamma.md': article({ title: 'Gamma', description: 'Den fjerde.', aliases: '[GAMMA, gam]' }, 'Gammatekst.'),
    });
    const out = join(tempDir('sd-alias-'), 'sd');
    const r = cli(['--content', corpus, 'export', '--format', 'stardict', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('4 articles under 5 headwords');
    const shown = (hits: Array<{ definition: string }> | undefined) => textOf((hits ?? []).map((h) => h.definition).join(' '));
    const [delta, lower, shared, alfa, gammaCaps, gam] = sdcv(out, ['Delta', 'delta', 'fælles', 'Alfa', 'GAMMA', 'gam']);
    // Before: Delta showed Beta alone (its alias), and fælles one of its two articles.
    for (const hits of [delta, lower]) expect(shown(hits)).toMatch(/Deltatekst.*Betatekst/);
    expect(shown(shared)).toMatch(/Alfatekst.*Betatekst/);
    expect(shown(alfa)).toContain('Alfatekst');
    expect(shown(alfa)).not.toContain('Betatekst');
    for (const hits of [gammaCaps, gam]) expect(shown(hits)).toContain('Gammatekst');
  });

  it.runIf(skipping('sdcv', SDCV))('a title and another article\'s alias that differ in the case of a Danish letter (Æble, æble) are one entry too: sdcv finds them in any case', () => {
    const corpus = writeCorpus({
      'aeble.md': article({ title: 'Æble', description: 'En frugt.' }, 'Æbletekst.'),
      'frugt.md': article({ title: 'Frugt', description: 'Noget sødt.', aliases: '[æble]' }, 'Frugttekst.'),
    });
    const out = join(tempDir('sd-case-'), 'sd');
    expect(cli(['--content', corpus, 'export', '--format', 'stardict', '-o', out]).code).toBe(0);
    // Before: `Æble` showed Frugt alone, and the article titled Æble could not be reached.
    for (const hits of sdcv(out, ['Æble', 'æble'])) expect(textOf((hits ?? []).map((h) => h.definition).join(' '))).toMatch(/Æbletekst.*Frugttekst/);
  });

  it.runIf(skipping('sdcv', SDCV))('an article without a description: its first sentence, which stands in for one, shows once in the HTML, as lookup shows it', () => {
    const corpus = writeCorpus({ 'ingen.md': '---\ntitle: Ingen\n---\nKun en krop uden beskrivelse. Og mere tekst.\n\nAndet afsnit.\n' });
    const out = join(tempDir('sd-lead-'), 'sd');
    expect(cli(['--content', corpus, 'export', '--format', 'stardict', '-o', out]).code).toBe(0);
    const text = textOf((sdcv(out, ['Ingen'])[0] ?? []).map((h) => h.definition).join(' '));
    expect(text.split('Kun en krop uden beskrivelse.')).toHaveLength(2);
    expect(text).toContain('Andet afsnit.');
  });

  it('a stray ESC in a body loses itself and its introducer, not the text after it (an unterminated sequence is no payload)', () => {
    const dir = writeCorpus({ 'pris.md': article({ title: 'Pris', description: 'p.' }, 'Foersteafsnit \u001bPris er vigtig.\n\nAndet afsnit \u001b]titel uden ende.') });
    const r = cli(['--content', dir, 'export', '--format', 'json']);
    expect(r.code).toBe(0);
    const markdown = JSON.stringify(JSON.parse(r.stdout));
    expect(markdown).toContain('Foersteafsnit ris er vigtig.');
    expect(markdown).toContain('Andet afsnit titel uden ende.');
    expect(markdown).not.toContain('\\u001b');
  });

  it('a folder that cannot be made (below /proc) is said at once, with exit 2; so is a cache folder there', () => {
    const started = Date.now();
    const r = cli(['export', '--format', 'stardict', '-o', '/proc/glossary-nope/sd']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('glossary: cannot make the folder /proc/glossary-nope/sd: no such folder; give -o a folder you can write\n');
    const cached = cli(['--content', writeCorpus({ 'aktie.md': article({ title: 'Aktie', description: 'a.' }) }), 'lookup', 'aktie'], { ...cleanEnv(), XDG_CACHE_HOME: '/proc/glossary-nope' });
    expect(cached.code).toBe(0);
    expect(cached.stderr).toContain('cannot write the cache in /proc/glossary-nope/glossary');
    // Node's recursive mkdir looped without end on these.
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('exported again over an earlier export: nothing left aside (no staging folder, no temporary file)', () => {
    const out = tempDir('glossary-export-');
    for (let i = 0; i < 2; i++) {
      expect(exportTo(['--format', 'stardict', '-o', join(out, 'sd')]).code).toBe(0);
      expect(exportTo(['--format', 'tbx', '-o', join(out, 'glossary.tbx')]).code).toBe(0);
    }
    expect(readdirSync(out).sort()).toEqual(['glossary.tbx', 'sd']);
    expect(readdirSync(join(out, 'sd')).every((f) => f.startsWith('glossary-da.'))).toBe(true);
  });

  it('-o through a symbolic link replaces the file it names, keeping its mode, and leaves the link', () => {
    const out = tempDir('glossary-export-');
    writeFileSync(join(out, 'real.tbx'), 'old');
    chmodSync(join(out, 'real.tbx'), 0o664);
    symlinkSync(join(out, 'real.tbx'), join(out, 'link.tbx'));
    expect(exportTo(['--format', 'tbx', '-o', join(out, 'link.tbx')]).code).toBe(0);
    expect(lstatSync(join(out, 'link.tbx')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(out, 'real.tbx'), 'utf8')).toContain('<martif');
    expect(statSync(join(out, 'real.tbx')).mode & 0o777).toBe(0o664);
    expect(readdirSync(out).sort()).toEqual(['link.tbx', 'real.tbx']);
  });

  it('-o to a file with a second name (a hard link) or through a link whose file is not there yet: written where they lead', () => {
    const out = tempDir('glossary-export-');
    writeFileSync(join(out, 'a.tbx'), 'old');
    linkSync(join(out, 'a.tbx'), join(out, 'b.tbx'));
    expect(exportTo(['--format', 'tbx', '-o', join(out, 'a.tbx')]).code).toBe(0);
    expect(readFileSync(join(out, 'b.tbx'), 'utf8')).toContain('<martif');
    symlinkSync(join(out, 'new.tbx'), join(out, 'dangling.tbx'));
    expect(exportTo(['--format', 'tbx', '-o', join(out, 'dangling.tbx')]).code).toBe(0);
    expect(lstatSync(join(out, 'dangling.tbx')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(out, 'new.tbx'), 'utf8')).toContain('<martif');
  });

  it('a NOTICE or LICENSE that links out of the folder, a pipe or a device is named and not read; the export ends', () => {
    const dir = tempDir('glossary-export-');
    mkdirSync(join(dir, 'c', 'da'), { recursive: true });
    writeFileSync(join(dir, 'c', 'da', 'aktie.md'), '---\ntitle: Aktie\ndescription: En ejerandel.\n---\n\nTekst.\n');
    writeFileSync(join(dir, 'secret.txt'), 'TOP SECRET token=abc123\n');
    symlinkSync(join(dir, 'secret.txt'), join(dir, 'c', 'NOTICE'));
    symlinkSync('/dev/zero', join(dir, 'c', 'LICENSE'));
    spawnSync('mkfifo', [join(dir, 'c', 'COPYING')]);
    const r = cli(['--content', join(dir, 'c'), 'export', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('SECRET');
    expect(JSON.parse(r.stdout).licence).toBeUndefined();
    expect(r.stderr).toContain(`${join(dir, 'c', 'NOTICE')} is a link to a file outside the content folder: not read`);
    expect(r.stderr).toContain(`${join(dir, 'c', 'COPYING')} is not a regular file of at most 64 KB: not read`);
  });
});

describe('export: hostile content', () => {
  const dir = tempDir('glossary-hostile-export-');
  mkdirSync(join(dir, 'da'));
  writeFileSync(
    join(dir, 'da', 'ond.md'),
    '---\ntitle: "Ond <b>&amp; ]]> \\x1b[31mrød\\x07"\ndescription: "Slut ]]> & <script>alert(1)</script> \\x00\\x0b\\x85"\naliases:\n  - "tab\\there"\n  - "ny\\nlinje"\nkeywords: "A&B,<K>"\n---\n\n# Ond\n\nTekst med ]]> og <img src=x onerror=alert(1)> & \u0001kontrol\u0085 [link](/andet).\n',
  );
  writeFileSync(join(dir, 'da', 'andet.md'), '---\ntitle: Andet\ndescription: "Et andet ord."\n---\n\n# Andet\n\nSe [ond](/ond).\n');
  const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

  it('every format: no control characters; XML and JSON well-formed', () => {
    for (const format of ['tbx', 'json']) {
      const r = cli(['--content', dir, 'export', '--format', format]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(CONTROL);
    }
    const tbx = cli(['--content', dir, 'export', '--format', 'tbx']).stdout;
    expect(tbx).toContain('<term>Ond &lt;b&gt;&amp; ]]&gt; rød</term>');
    expect(tbx).toContain('<term>tab here</term>');
    expect(tbx).not.toContain('<script>');
    const v3 = join(dir, '..', 'hostile-v3.tbx');
    expect(cli(['--content', dir, 'export', '--format', 'tbx', '--tbx-version', '3', '-o', v3]).code).toBe(0);
    if (JING) expect(spawnSync('jing', [join(root, 'schema', 'tbx-basic-v3-core.rng'), v3]).status).toBe(0);
    const v2 = join(dir, '..', 'hostile-v2.tbx');
    expect(cli(['--content', dir, 'export', '--format', 'tbx', '-o', v2]).code).toBe(0);
    if (TT) expect(py('import sys, json\nfrom translate.storage import tbx\ns = tbx.tbxfile.parsefile(sys.argv[1])\nprint(json.dumps(sorted(u.source for u in s.units if not u.isheader())))', v2).stdout).toBe('["Andet", "Ond <b>& ]]> r\\u00f8d"]\n');
    const json = JSON.parse(cli(['--content', dir, 'export', '--format', 'json']).stdout) as { articles: Array<{ title: string; aliases: string[] }> };
    expect(json.articles.find((a) => a.title.startsWith('Ond'))?.aliases).toEqual(['tab here', 'ny linje']);
    const tsv = cli(['--content', dir, 'export', '--format', 'tsv', '--from', 'da', '--to', 'en']);
    expect(tsv.stdout).not.toMatch(CONTROL);
  });

  it.runIf(skipping('sdcv', SDCV))(
    'StarDict: raw HTML from an article is shown as text, never as markup; no control characters',
    () => {
      const out = join(tempDir('glossary-export-'), 'sd');
      expect(cli(['--content', dir, 'export', '--format', 'stardict', '-o', out]).code).toBe(0);
      const [hits] = sdcv(out, ['Ond <b>& ]]> rød']);
      const def = hits?.[0]?.definition ?? '';
      expect(def).toMatch(/^\s*<h1>Ond &lt;b&gt;&amp; \]\]&gt; rød<\/h1>\n<p><i>tab here, ny linje<\/i><\/p>/);
      expect(def).toContain('Tekst med ]]&gt; og [image] &amp; kontrol <a href="bword://Andet">link</a>.');
      expect(def).not.toMatch(/<img|<script|onerror=/);
      expect(def).not.toMatch(CONTROL);
      expect(sdcv(out, ['Andet'])[0]?.[0]?.definition).toContain('<a href="bword://Ond &lt;b&gt;&amp; ]]&gt; rød">ond</a>');
      expect(sdcv(out, ['tab here'])[0]?.map((h) => h.word)).toEqual(['Ond <b>& ]]> rød']);
    },
    CLIENT_TIMEOUT,
  );
});
