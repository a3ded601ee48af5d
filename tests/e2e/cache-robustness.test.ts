// End-to-end: the compiled cache of a --content folder never serves a wrong answer. Damaged files
// are rebuilt, concurrent runs and edits never mix generations, a read-only cache still works,
// and names that could forge output are shown escaped.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../src/store/compilation.js';
import { bin, cleanEnv, cli, fixture, root, tempDir, type CliResult } from '../helpers.js';

const run = (dir: string, env: NodeJS.ProcessEnv, args: string[]) => cli(['--content', dir, ...args], env);

function corpusCopy(): string {
  const dir = tempDir('glossary-content-');
  cpSync(fixture('basic'), dir, { recursive: true });
  return dir;
}

/** The folder of the generation in use, inside the one cache folder of `env`. */
function generation(env: NodeJS.ProcessEnv): string {
  const root = join(env['XDG_CACHE_HOME'] as string, 'glossary');
  const [key] = readdirSync(root).filter((n) => /^[0-9a-f]{16}$/.test(n));
  const dir = join(root, key as string);
  return join(dir, readFileSync(join(dir, 'current'), 'utf8'));
}

function runAsync(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ stdout, stderr, code }));
  });
}

describe('a damaged cache is rebuilt, never served', () => {
  const dir = corpusCopy();
  const env = cleanEnv();
  const expected = {
    lookup: run(dir, env, ['lookup', 'jointventure', '--json']).stdout,
    list: run(dir, env, ['list']).stdout,
    search: run(dir, env, ['search', 'alliance']).stdout,
    keyword: run(dir, env, ['list', '--keyword', 'Business']).stdout,
  };
  const damages: Array<[string, (file: string) => void]> = [
    ['truncated', (f) => truncateSync(f, Math.floor(statSync(f).size / 2))],
    ['emptied', (f) => truncateSync(f, 0)],
    ['zeroed', (f) => writeFileSync(f, Buffer.alloc(statSync(f).size))],
    [
      'four bytes flipped',
      (f) => {
        const data = readFileSync(f);
        for (let i = 0; i < 4; i++) {
          const at = Math.floor(((i + 1) * data.length) / 5);
          data[at] = (data[at] as number) ^ 0x5a;
        }
        writeFileSync(f, data);
      },
    ],
    ['deleted', (f) => rmSync(f, { recursive: true, force: true })],
    [
      'a folder',
      (f) => {
        rmSync(f, { recursive: true, force: true });
        mkdirSync(f);
      },
    ],
  ];
  const files = ['corpus.json', 'report.json', 'state.json', 'stamps.bin', 'da/list.json', ...['records', 'docs', 'names', 'grams', 'keywords'].flatMap((n) => [`da/${n}.dat`, `da/${n}.idx`])];

  it.each(files)('%s: every damage is caught, and the next runs give the right answers', (name) => {
    for (const [how, damage] of damages) {
      // The file as the current generation has it (a file no command read may be damaged already).
      const file = join(generation(env), name);
      if (!existsSync(file) || !statSync(file).isFile()) run(dir, env, ['--refresh', 'list']);
      if (existsSync(file) && statSync(file).isFile()) damage(file);
      else damage(join(generation(env), name));
      const results = {
        lookup: run(dir, env, ['lookup', 'jointventure', '--json']),
        list: run(dir, env, ['list']),
        search: run(dir, env, ['search', 'alliance']),
        keyword: run(dir, env, ['list', '--keyword', 'Business']),
      };
      for (const [command, r] of Object.entries(results)) {
        expect({ how, command, code: r.code, stdout: r.stdout }).toEqual({ how, command, code: 0, stdout: expected[command as keyof typeof expected] });
        expect(r.stderr).toMatch(/^(glossary: the compiled cache of .* was damaged; rebuilt it\n)?$/);
      }
    }
  });

  it('a damaged pointer to the generation is rebuilt too', () => {
    const root = join(env['XDG_CACHE_HOME'] as string, 'glossary');
    const [key] = readdirSync(root).filter((n) => /^[0-9a-f]{16}$/.test(n));
    writeFileSync(join(root, key as string, 'current'), 'g-nonexistent');
    const r = run(dir, env, ['lookup', 'jointventure', '--json']);
    expect(r.stdout).toBe(expected.lookup);
    expect(r.stderr).toMatch(/was damaged; rebuilt it/);
  });

  it('a damaged rendering is rendered again', () => {
    const renders = join(generation(env), 'render');
    const first = run(dir, env, ['lookup', 'jointventure']).stdout;
    for (const name of readdirSync(renders)) writeFileSync(join(renders, name), 'ffff\nEt helt andet indhold\n');
    expect(run(dir, env, ['lookup', 'jointventure']).stdout).toBe(first);
  });
});

describe('concurrent runs and edits', () => {
  it('lookups started together while articles are edited and added all answer, with the right article', async () => {
    const dir = corpusCopy();
    const env = cleanEnv();
    const file = join(dir, 'jointventure.md');
    const original = readFileSync(file, 'utf8');
    expect(run(dir, env, ['list']).code).toBe(0);
    for (let round = 0; round < 5; round++) {
      // A body edit (a patch) and, every other round, a new article that renumbers the corpus.
      writeFileSync(file, original.replace('# Joint venture', `# Joint venture\n\nRunde ${round}.`));
      if (round % 2 === 0) writeFileSync(join(dir, `aaa${round}.md`), `---\ntitle: Aaa ${round}\n---\n\n# Aaa ${round}\n`);
      const results = await Promise.all(Array.from({ length: 8 }, () => runAsync(['--content', dir, 'lookup', 'jointventure', '--width', '200'], env)));
      for (const r of results) {
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(r.stdout.split('\n')[0]).toBe('Joint venture');
        expect(r.stdout).toContain(`Runde ${round}.`);
      }
    }
  }, 60_000);

  it('six processes compiling a new folder at once all answer, and leave one usable cache', async () => {
    const dir = corpusCopy();
    const env = cleanEnv();
    const results = await Promise.all(Array.from({ length: 6 }, () => runAsync(['--content', dir, 'lookup', 'strategisk-alliance'], env)));
    for (const r of results) {
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n')[0]).toBe('Strategisk alliance');
    }
    expect(existsSync(join(generation(env), 'corpus.json'))).toBe(true);
    expect(run(dir, env, ['lookup', 'strategisk-alliance']).stdout.split('\n')[0]).toBe('Strategisk alliance');
  }, 60_000);

  it('a compile killed at any moment leaves a cache the next run uses or rebuilds', async () => {
    const dir = tempDir('glossary-content-');
    for (let i = 0; i < 1500; i++) writeFileSync(join(dir, `artikel${i}.md`), `---\ntitle: Artikel ${i}\n---\n\n# Artikel ${i}\n\n${'Tekst om emnet. '.repeat(100)}\n`);
    const env = cleanEnv();
    for (const after of [50, 200, 400, 700]) {
      const child = spawn(process.execPath, [bin, '--content', dir, '--refresh', 'list'], { env, stdio: 'ignore' });
      const closed = new Promise((r) => child.on('close', r));
      await new Promise((r) => setTimeout(r, after));
      child.kill('SIGKILL');
      await closed;
      writeFileSync(join(dir, `artikel${after}.md`), `---\ntitle: Artikel ${after} ny\n---\n\n# Artikel ${after} ny\n`);
      const r = run(dir, env, ['lookup', `artikel${after}`]);
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n')[0]).toBe(`Artikel ${after} ny`);
    }
  }, 120_000);
});

/**
 * The built command (bin/ and dist/) copied to a temporary folder every user can read: the
 * checkout itself may sit in a folder only its owner can enter (a `mktemp -d` clone, /root in a
 * container), where another user cannot load bin/glossary.js.
 */
function readableBuild(): string {
  const dir = tempDir('glossary-build-');
  for (const part of ['bin', 'dist']) cpSync(join(root, part), join(dir, part), { recursive: true });
  const open = (path: string): void => {
    const isDir = statSync(path).isDirectory();
    chmodSync(path, isDir || path.endsWith('glossary.js') ? 0o755 : 0o644);
    if (isDir) for (const f of readdirSync(path)) open(join(path, f));
  };
  open(dir);
  return join(dir, 'bin', 'glossary.js');
}

describe('a cache that cannot be written', () => {
  let readableBin: string | undefined;
  const asNobody = (args: string[], env: NodeJS.ProcessEnv) =>
    spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, (readableBin ??= readableBuild()), ...args], { env, encoding: 'utf8', timeout: 30000 });
  const canDrop = process.getuid?.() === 0 && spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']).status === 0;

  it.runIf(canDrop)('a current cache is used as it is; a stale one is compiled in memory for the run, with a note', () => {
    const dir = corpusCopy();
    chmodSync(dir, 0o755);
    for (const f of readdirSync(dir)) chmodSync(join(dir, f), 0o644);
    const env = cleanEnv();
    chmodSync(env['XDG_CACHE_HOME'] as string, 0o755);
    // Compiled by root: current, and not writable by the user who runs next.
    expect(run(dir, env, ['list']).code).toBe(0);
    const current = asNobody(['--content', dir, 'lookup', 'jointventure'], env);
    expect(current.status).toBe(0);
    expect(current.stdout.split('\n')[0]).toBe('Joint venture');
    expect(current.stderr).toBe('');
    writeFileSync(join(dir, 'jointventure.md'), readFileSync(join(dir, 'jointventure.md'), 'utf8').replace('# Joint venture', '# Joint venture\n\nNy tekst.'));
    const stale = asNobody(['--content', dir, 'lookup', 'jointventure', '--width', '200'], env);
    expect(stale.status).toBe(0);
    expect(stale.stdout).toContain('Ny tekst.');
    expect(stale.stderr).toMatch(/^glossary: cannot write the cache in .*: compiled in memory for this run\n$/);
  });

  it.runIf(canDrop)('a file skipped as unreadable comes back once it can be read', () => {
    const dir = corpusCopy();
    chmodSync(dir, 0o755);
    for (const f of readdirSync(dir)) chmodSync(join(dir, f), 0o644);
    chmodSync(join(dir, 'jointventure.md'), 0o000);
    const env = cleanEnv();
    chmodSync(env['XDG_CACHE_HOME'] as string, 0o777);
    const first = asNobody(['--content', dir, 'list'], env);
    expect(first.stdout).not.toContain('Joint venture');
    expect(first.stderr).toContain('jointventure.md: cannot read the file (EACCES)');
    chmodSync(join(dir, 'jointventure.md'), 0o644);
    const again = asNobody(['--content', dir, 'list'], env);
    expect(again.stdout).toContain('Joint venture');
    expect(asNobody(['--content', dir, 'check', dir], env).stdout).toMatch(/\(0 of \d+ files skipped\)/);
  });

  it('a cache root that is a file is exit 5, named', () => {
    const home = tempDir();
    writeFileSync(join(home, 'glossary'), 'not a folder');
    const r = run(fixture('basic'), cleanEnv({ XDG_CACHE_HOME: home }), ['list']);
    expect(r.code).toBe(5);
    expect(r.stderr).toBe(`glossary: the cache folder ${join(home, 'glossary')} is not a folder: remove or rename it, or set XDG_CACHE_HOME to another folder\n`);
  });
});

describe('a folder that changes under it', () => {
  it('a FIFO where an article was listed is refused at once, not waited on', () => {
    const dir = tempDir();
    const fifo = join(dir, 'fifo.md');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const start = Date.now();
    const result = parseEntry({ id: 'fifo', lang: 'da', path: fifo, size: 10, ctimeMs: 0, ino: 0 });
    expect(Date.now() - start).toBeLessThan(2000);
    expect(result).toMatchObject({ kind: 'rejected', problems: [{ code: 'unreadable', message: 'cannot read the file (no longer a regular file)' }] });
  });

  it('reads articles in a sub-folder that is not a language folder; a folder starting with _ holds pages, named and counted', () => {
    const dir = corpusCopy();
    mkdirSync(join(dir, 'emner'));
    writeFileSync(join(dir, 'emner', 'b.md'), '---\ntitle: Bæver\n---\n# Bæver\n');
    mkdirSync(join(dir, '_skabeloner'));
    writeFileSync(join(dir, '_skabeloner', 'ny.md'), '---\ntitle: NY TERM\n---\n# NY TERM\n');
    const env = cleanEnv();
    const r = run(dir, env, ['list']);
    expect(r.stderr).toBe(`glossary: 1 section, template or draft page not counted as terms: see glossary check ${dir}\n`);
    expect(r.stdout).toMatch(/^baever {2,}Bæver$/m);
    expect(run(dir, env, ['list']).stderr).toBe(''); // said once, when compiled
    expect(r.stdout).not.toContain('NY TERM');
    expect(run(dir, env, ['lookup', 'emner/b']).stdout.split('\n')[0]).toBe('Bæver');
    const check = cli(['check', dir]).stdout;
    expect(check).toContain('_skabeloner/ny.md: not a term: in a folder whose name starts with "_" (templates, partials)');
    expect(check).toMatch(/\(0 of \d+ files skipped, 1 section, template or draft page not counted as terms\)/);
  });
});

describe('what a change moves: the ctime, the inode, and the folders above a vault folder', () => {
  // A hostile pass: a file dated an hour ahead kept that date as its stamp (the later of mtime and
  // ctime), and an edit of the same size that left the mtime there was never seen, nor with --refresh.
  it('an edit of the same size to a file whose mtime is in the future is seen', () => {
    const dir = tempDir('glossary-future-');
    const env = { ...cleanEnv(), XDG_CACHE_HOME: tempDir('glossary-cache-') };
    writeFileSync(join(dir, 'aktie.md'), '---\ntitle: Aktie\n---\nEn aktie er en andel.\n');
    writeFileSync(join(dir, 'rente.md'), '---\ntitle: Rente\n---\nRente er prisen for at laane.\n');
    const future = new Date(Date.now() + 3600_000);
    utimesSync(join(dir, 'rente.md'), future, future);
    expect(run(dir, env, ['list']).stdout).toMatch(/^rente +Rente$/m);
    const stamped = statSync(join(dir, 'rente.md')).ctimeMs;
    while (Date.now() < stamped + 30) { /* a clock tick later than the compile's stamp */ }
    writeFileSync(join(dir, 'rente.md'), '---\ntitle: Renta\n---\nRente er prisen for at laane.\n');
    utimesSync(join(dir, 'rente.md'), future, future);
    expect(run(dir, env, ['list']).stdout).toMatch(/^renta +Renta$/m);
    expect(run(dir, env, ['lookup', 'renta', '--json']).code).toBe(0);
  });

  // And a `.obsidian` made in the folder above the content folder made it a vault's folder for a
  // fresh compile (a note without a heading is an article), but the cache never looked above.
  it('a vault made around the content folder (.obsidian above it) is seen by the next run', () => {
    const vault = join(tempDir('glossary-vault-'), 'Vault');
    const dir = join(vault, 'Ordliste');
    mkdirSync(dir, { recursive: true });
    const env = { ...cleanEnv(), XDG_CACHE_HOME: tempDir('glossary-cache-') };
    writeFileSync(join(dir, 'Aktie.md'), '---\ntitle: Aktie\n---\nEn aktie. Se [[Note]].\n');
    writeFileSync(join(dir, 'Note.md'), 'En løs tanke uden front matter.\n');
    expect(run(dir, env, ['list']).stdout).not.toMatch(/^note /m);
    mkdirSync(join(vault, '.obsidian'));
    expect(run(dir, env, ['list']).stdout).toMatch(/^note +Note$/m);
    expect(run(dir, env, ['links', 'aktie']).stdout).toMatch(/^note +Note\n$/);
  });

  // A file's stamp was its size and ctime: a link re-pointed to another copy of the same size
  // written in the same clock tick (two releases written by one script, a `current` link switched
  // between them) was taken for the file compiled, and its record served.
  const text = (what: string) => `---\ntitle: Rente\ndescription: Rente er prisen for et lån af ${what}.\n---\nRenten betales af den, der låner ${what}.\n`;
  const aktie = '---\ntitle: Aktie\n---\nEn aktie er en andel af et selskab.\n';
  /**
   * Two releases (`names`) of the same files, written back to back into a new folder of `base` until
   * each file's ctime, and each release folder's, is the same in both (a coarse clock: the first
   * try here); the folder, or undefined where every write has a time of its own.
   */
  function releases(base: string, names: string[], added = false): string | undefined {
    for (let i = 0; i < 200; i++) {
      const at = join(base, `try-${i}`);
      for (const [n, word] of names.map((n, j) => [n, j === 0 ? 'penge' : 'varer'] as const)) {
        mkdirSync(join(at, n), { recursive: true });
        writeFileSync(join(at, n, 'aktie.md'), aktie);
        writeFileSync(join(at, n, 'rente.md'), text(word));
        // The second release with an article more (`added`).
        if (added && n !== names[0]) writeFileSync(join(at, n, 'obligation.md'), '---\ntitle: Obligation\n---\nEn obligation er et lån.\n');
      }
      const times = (f: string) => names.map((n) => statSync(join(at, n, f)).ctimeMs);
      if (['', 'aktie.md', 'rente.md'].every((f) => new Set(times(f)).size === 1)) {
        // Older than a clock tick before the compile: a stamp that new is not trusted (source.ts settled).
        const written = statSync(join(at, names[0] as string, 'rente.md')).ctimeMs;
        while (Date.now() < written + 50) { /* wait */ }
        return at;
      }
    }
    return undefined;
  }
  const seesTheSwitch = (dir: string, env: NodeJS.ProcessEnv) => {
    const after = run(dir, env, ['lookup', 'rente', '--json']);
    expect(after.code, after.stderr).toBe(0);
    expect(JSON.parse(after.stdout)).toMatchObject({ description: 'Rente er prisen for et lån af varer.' });
    expect(run(dir, env, ['lookup', 'rente']).stdout).toMatch(/Renten betales af den, der låner varer\./);
    expect(run(dir, env, ['search', 'varer']).stdout).toMatch(/^rente /);
    expect(run(dir, env, ['search', 'penge']).code).toBe(3);
  };

  it('a file that is a link re-pointed to another file of the same size and ctime is another file', (ctx) => {
    const env = { ...cleanEnv(), XDG_CACHE_HOME: tempDir('glossary-cache-') };
    expect(Buffer.byteLength(text('penge'))).toBe(Buffer.byteLength(text('varer')));
    // The releases inside the content folder (a link out of it is not followed), in a folder of
    // pages (`_`). A file system whose every write has a time of its own cannot be fooled so.
    const dir = tempDir('glossary-relink-');
    const base = releases(join(dir, '_udgaver'), ['a', 'b']);
    if (base === undefined) return ctx.skip();
    writeFileSync(join(dir, 'aktie.md'), aktie);
    symlinkSync(join(base, 'a', 'rente.md'), join(dir, 'rente.md'));
    expect(JSON.parse(run(dir, env, ['lookup', 'rente', '--json']).stdout)).toMatchObject({ description: 'Rente er prisen for et lån af penge.' });
    // Re-pointed in one rename, as `ln -sfn` and deployment tools do.
    symlinkSync(join(base, 'b', 'rente.md'), join(dir, 'rente.md.new'));
    renameSync(join(dir, 'rente.md.new'), join(dir, 'rente.md'));
    seesTheSwitch(dir, env);
  });

  it('a content folder that is a link re-pointed to another release written in the same tick is another folder', (ctx) => {
    const env = { ...cleanEnv(), XDG_CACHE_HOME: tempDir('glossary-cache-') };
    const base = releases(tempDir('glossary-relink-'), ['1', '2']);
    if (base === undefined) return ctx.skip();
    const current = join(base, 'current');
    symlinkSync(join(base, '1'), current);
    expect(JSON.parse(run(current, env, ['lookup', 'rente', '--json']).stdout)).toMatchObject({ description: 'Rente er prisen for et lån af penge.' });
    symlinkSync(join(base, '2'), `${current}.new`);
    renameSync(`${current}.new`, current);
    seesTheSwitch(current, env);
  });

  // The review of that change: a release with an article more, its folder's ctime the same as the
  // one before, was relisted from the last state (its files' inodes changed, no folder's time), and
  // the new article was never seen, not on later runs either. A folder's stamp has its inode too.
  it('a content folder re-pointed to a release of the same tick with an article more shows the article', (ctx) => {
    const env = { ...cleanEnv(), XDG_CACHE_HOME: tempDir('glossary-cache-') };
    const base = releases(tempDir('glossary-relink-'), ['1', '2'], true);
    if (base === undefined) return ctx.skip();
    const current = join(base, 'current');
    symlinkSync(join(base, '1'), current);
    expect(run(current, env, ['list']).stdout).toBe('aktie  Aktie\nrente  Rente\n');
    symlinkSync(join(base, '2'), `${current}.new`);
    renameSync(`${current}.new`, current);
    for (let i = 0; i < 2; i++) expect(run(current, env, ['list']).stdout).toBe('aktie       Aktie\nobligation  Obligation\nrente       Rente\n');
    expect(run(current, env, ['lookup', 'obligation']).code).toBe(0);
  });
});

describe('names and Unicode', () => {
  it('a file name with a newline is named on one line, the newline shown as \\n', () => {
    const dir = corpusCopy();
    writeFileSync(join(dir, 'ond\nglossary: falsk.md'), 'ikke en artikel');
    const r = run(dir, cleanEnv(), ['list']);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toContain(`glossary: skipped ${dir}/ond\\nglossary: falsk.md: no front matter and no heading: not an article`);
    expect(lines.filter((l) => l.startsWith('glossary: falsk'))).toEqual([]);
  });

  it('an argument with a newline stays on one line', () => {
    const r = cli(['--content', fixture('basic'), 'lookup', 'xq\nglossary: zz']);
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toBe('glossary: no article "xq\\nglossary: zz"; try: glossary search xq\n');
  });

  it('a file name that is not UTF-8 says so', () => {
    const dir = corpusCopy();
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0x66, 0xe6, 0x6c]), Buffer.from('.md')]), '---\ntitle: Fæl\n---\n# Fæl\n');
    const r = run(dir, cleanEnv(), ['list']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/skipped .*\.md: the file name is not valid UTF-8: rename the file/);
  });

  it('a title and file name written decomposed (NFD) are found as typed (NFC), also through links', () => {
    const dir = tempDir();
    const nfd = 'Ådalen'.normalize('NFD');
    writeFileSync(join(dir, `${nfd}.md`), `---\ntitle: ${nfd}\n---\n\n# ${nfd}\n\nEn dal under et [bjerg](/bjerg).\n`);
    writeFileSync(join(dir, 'bjerg.md'), '---\ntitle: Bjerg\n---\n\n# Bjerg\n\nSe [dalen](/Ådalen).\n');
    const env = cleanEnv();
    const r = run(dir, env, ['lookup', 'Ådalen'.normalize('NFC')]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Ådalen'.normalize('NFC'));
    expect(run(dir, env, ['links', 'bjerg']).stdout).toContain('Ådalen'.normalize('NFC'));
    expect(cli(['check', dir, '--strict']).code).toBe(0);
  });
});

describe('size', () => {
  it('keywords beyond 50 are left out with a warning, and the cache stays small', () => {
    const dir = tempDir();
    const keywords = Array.from({ length: 10_000 }, (_, i) => `k${i}`).join(',');
    for (let i = 0; i < 5; i++) writeFileSync(join(dir, `a${i}.md`), `---\ntitle: A${i}\nkeywords: ${keywords}\n---\n# A${i}\n`);
    const env = cleanEnv();
    expect(run(dir, env, ['keywords']).stdout.trim().split('\n')).toHaveLength(50);
    const files = readdirSync(env['XDG_CACHE_HOME'] as string, { recursive: true });
    expect(files.length).toBeLessThan(200);
    expect(cli(['check', dir]).stdout).toContain('"keywords" has 10000 items; the first 50 are used [too-many-items]');
  });
});
