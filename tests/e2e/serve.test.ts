// `glossary serve` through real sockets: Debian's `dict` client (a client we did not write) and
// raw node:net connections for each RFC 2229 command, pipelining, limits and freshness.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { bin, cleanEnv, fixture, tempDir } from '../helpers.js';

interface Server {
  child: ChildProcess;
  port: number;
  stderr: () => string;
  exited: Promise<number | null>;
}

async function startServer(args: string[] = [], env = cleanEnv()): Promise<Server> {
  const child = spawn(process.execPath, [bin, ...args, 'serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const port = await new Promise<number>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`no port announced: ${stderr}`)), 30000);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const m = /serving DICT on 127\.0\.0\.1:(\d+)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        ready(Number(m[1]));
      }
    });
    child.on('exit', () => fail(new Error(`server exited: ${stderr}`)));
  });
  return { child, port, stderr: () => stderr, exited };
}

/** One connection: send what is given (all at once), read until `done` says the answer is whole. */
function talk(port: number, send: string | Buffer, done: (text: string) => boolean, timeoutMs = 20000): Promise<{ text: string; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`timed out; got: ${text.slice(0, 500)}`));
    }, timeoutMs);
    const finish = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, closed });
    };
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(send));
    socket.on('data', (d: string) => {
      text += d;
      if (done(text)) finish(false);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => finish(true));
  });
}

const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;
/** Status lines that end a command's answer. */
const finals = (text: string) => text.split('\r\n').slice(0, -1).filter((l) => /^[245]\d\d /.test(l) && !l.startsWith('220 ')).length;
const dictc = (port: number, ...args: string[]) => spawnSync('dict', ['-h', '127.0.0.1', '-p', String(port), ...args], { encoding: 'utf8', timeout: 20000 });

describe('glossary serve (bundled corpus)', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer();
  }, 60000);
  afterAll(async () => {
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
    expect(server.stderr()).toContain('glossary: stopped');
  });

  describe('through Debian\'s dict client', () => {
    beforeAll(() => {
      if (spawnSync('dict', ['--version']).error) throw new Error('the dict client is missing: apt-get install -y dict (.ci/run installs it)');
    });
    it('-D lists the databases, -S the strategies', () => {
      const db = dictc(server.port, '-D');
      expect(db.status).toBe(0);
      expect(db.stdout).toMatch(/Databases available:\n da +Danish glossary, \d+ articles/);
      const strat = dictc(server.port, '-S');
      expect(strat.status).toBe(0);
      for (const s of ['exact', 'prefix', 'substring', 'suffix', 're', 'regexp', 'lev', 'word', 'search']) expect(strat.stdout).toMatch(new RegExp(`^ ${s} +`, 'm'));
    });
    it('-d da strategisk-alliance prints the article with {name} cross-references', () => {
      const r = dictc(server.port, '-d', 'da', 'strategisk-alliance');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^1 definition found\n\nFrom Danish glossary[^\n]*\[da\]:\n\n  Strategisk alliance\n/);
      expect(r.stdout).toContain('En strategisk alliance er en aftale mellem to virksomheder');
      expect(r.stdout).toMatch(/\[1\] Joint venture \{joint-venture\}/);
      expect(r.stdout).not.toMatch(/[\u001b\u0000-\u0008]/);
      for (const line of r.stdout.split("\n").filter((l) => l.startsWith("  "))) expect(line.length).toBeLessThanOrEqual(72 + 2);
    });
    it('-m -s lev finds a misspelt term; -m -s prefix lists prefixes', () => {
      const lev = dictc(server.port, '-m', '-s', 'lev', 'strategisk aliance');
      expect(lev.status).toBe(0);
      expect(lev.stdout).toContain('da:  "Strategisk alliance"');
      const prefix = dictc(server.port, '-m', '-s', 'prefix', 'aktie');
      expect(prefix.status).toBe(0);
      expect(prefix.stdout).toMatch(/^da: {2}Aktie {2}/);
      for (const word of ['Aktieselskab', 'Aktietilbagekøb']) expect(prefix.stdout).toContain(`  ${word}`);
      expect(prefix.stdout).not.toContain('Selskabsskat');
    });
    it('-s regexp takes POSIX basic groups and intervals, -s re modern ones and POSIX classes, as dictd reads them', () => {
      for (const [strategy, pattern, word] of [['regexp', '^\\(mo\\)ms$', 'Moms'], ['regexp', '^kas\\{2\\}e', 'Kassekredit'], ['re', '^[[:alpha:]]oms$', 'Moms'], ['regexp', '^nulpunkt\\.*$', 'Nulpunkt'], ['re', '^(mo|xx)ms$', 'Moms']] as const) {
        const r = dictc(server.port, '-m', '-s', strategy, pattern);
        expect(r.status, `${strategy} ${pattern}: ${r.stdout}${r.stderr}`).toBe(0);
        expect(r.stdout).toMatch(new RegExp(`^da: +"?${word}"?( |$)`, 'm'));
      }
    });
    it('æ, ø and å: a definition and a prefix', () => {
      const r = dictc(server.port, '-d', 'da', 'Organisk vækst');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('  Organisk vækst\n');
      const m = dictc(server.port, '-m', '-s', 'prefix', 'året');
      expect(m.stdout).toContain('"Årets resultat"');
    });
    it('exit codes: 20 no match, 39 bad database, 40 bad strategy', () => {
      expect(dictc(server.port, '-d', 'da', 'qqqqzzzz').status).toBe(20);
      expect(dictc(server.port, '-d', 'xx', 'aktie').status).toBe(39);
      expect(dictc(server.port, '-m', '-s', 'nosuch', 'aktie').status).toBe(40);
    });
    it('-i da shows the database information, -I the server', () => {
      expect(dictc(server.port, '-i', 'da').stdout).toMatch(/Articles: \d{3}/);
      expect(dictc(server.port, '-I').stdout).toContain('glossary');
    });
  });

  describe('over a raw socket', () => {
    it('banner 220 with the msg-id last; SHOW DB before reading it; several commands in one packet answered in order', async () => {
      const { text } = await talk(server.port, 'SHOW DB\r\nshow strat\r\nStatus\r\nHELP\r\nCLIENT test\r\nQUIT\r\n', (t) => t.includes('221 '));
      expect(text).toMatch(/^220 [^\r\n]* <[^<>\s]+@[^<>\s]+>\r\n/);
      const codes = [...text.matchAll(/(?:^|\r\n)(\d{3}) /g)].map((m) => m[1]);
      expect(codes).toEqual(['220', '110', '250', '111', '250', '210', '113', '250', '250', '221']);
      // CRLF on every line.
      expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    });
    it('DEFINE * and !, MATCH * prefix as GoldenDict sends it, with OPTION MIME headers', async () => {
      const { text } = await talk(server.port, 'OPTION MIME\r\nMATCH * prefix "strat"\r\nDEFINE ! "Strategisk alliance"\r\n', (t) => finals(t) >= 3);
      expect(text).toContain('\r\n250 ok\r\n152 ');
      expect(text).toMatch(/152 \d+ match(es)? found\r\nContent-Type: text\/plain; charset=utf-8\r\n[^\r]*\r\n\r\nda "Strategisk alliance"\r\n/);
      expect(text).toMatch(/150 1 definition retrieved\r\n151 "Strategisk alliance" da "[^"]+"\r\nContent-Type: text\/plain; charset=utf-8\r\n[^\r]*\r\n\r\nStrategisk alliance\r\n/);
      expect(text).toMatch(/\r\n\.\r\n250 ok\r\n$/);
      // GoldenDict shows each line as an HTML block and an empty one has no height: the blank
      // lines between paragraphs come as one space, and the only empty line ends the MIME header.
      const article = text.slice(text.indexOf('151 '));
      const body = article.slice(article.indexOf('\r\n\r\n') + 4, article.indexOf('\r\n.\r\n'));
      expect(body).toContain('Strategisk alliance\r\n \r\nEn strategisk alliance');
      expect(body).not.toContain('\r\n\r\n');
    });
    it('a regular expression that backtracks without end is stopped and refused (501); another client is answered meanwhile, and SIGTERM still ends the server', async () => {
      const own = await startServer();
      // Stopped whatever happens (a failing assertion left the server running).
      const stopAnyway = setTimeout(() => own.child.kill('SIGKILL'), 50000);
      onTestFinished(() => {
        clearTimeout(stopAnyway);
        own.child.kill('SIGKILL');
      });
      const slow = talk(own.port, 'MATCH da re "((.+))+x$"\r\n', (t) => finals(t) >= 1, 30000);
      await new Promise((r) => setTimeout(r, 200));
      // Another client while the pattern runs: it froze the server for 18 s.
      const began = Date.now();
      const other = await talk(own.port, 'DEFINE da "Strategisk alliance"\r\nMATCH da re "^strat"\r\n', (t) => finals(t) >= 2);
      expect(other.text).toContain('150 1 definition retrieved');
      // A pattern of its own is matched meanwhile, not stopped with the slow one (one shared worker did).
      expect(other.text).toContain('da "Strategisk alliance"');
      expect(Date.now() - began).toBeLessThan(5000);
      expect((await slow).text).toContain('501 syntax error, illegal parameters: the pattern took more than 1 s over the headwords; write a simpler one');
      // The server goes on matching ordinary patterns in a new worker.
      const ok = await talk(own.port, 'MATCH da re "^strat"\r\n', (t) => finals(t) >= 1);
      expect(ok.text).toContain('da "Strategisk alliance"');
      // Stopped while a pattern runs, it ends at once.
      void talk(own.port, 'MATCH da re "((.*))*x$"\r\n', () => false, 30000).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 300));
      own.child.kill('SIGTERM');
      expect(await own.exited).toBe(0);
    }, 60000);

    it('3,000 commands and then a half-close (FIN): every command is answered before the connection ends', async () => {
      const answered = await new Promise<string>((done, fail) => {
        const socket = connect(server.port, '127.0.0.1');
        let text = '';
        const timer = setTimeout(() => fail(new Error(`timed out: ${finals(text)} answers`)), 30000);
        socket.setEncoding('utf8');
        socket.on('connect', () => socket.end('STATUS\r\n'.repeat(3000)));
        socket.on('data', (d: string) => (text += d));
        socket.on('close', () => {
          clearTimeout(timer);
          done(text);
        });
      });
      expect(count(answered, /\r\n210 /g)).toBe(3000);
    });

    it('twenty slow patterns at once: another client is answered within seconds (matched, or 420 when too many wait), and SIGTERM ends the server at once', async () => {
      const own = await startServer();
      onTestFinished(() => {
        own.child.kill('SIGKILL');
      });
      const sockets = Array.from({ length: 20 }, () => {
        const socket = connect(own.port, '127.0.0.1');
        socket.on('error', () => undefined);
        socket.on('connect', () => socket.write('MATCH da re "((.+))+x$"\r\n'));
        return socket;
      });
      onTestFinished(() => {
        for (const socket of sockets) socket.destroy();
      });
      await new Promise((r) => setTimeout(r, 300));
      const began = Date.now();
      const { text } = await talk(own.port, 'MATCH da re "^strat"\r\n', (t) => finals(t) >= 1, 30000);
      // At most 4 are matched at once and 16 wait; more are refused at once, not queued without end.
      expect(text).toMatch(/\r\n(152 1 match found|420 server temporarily unavailable: too many patterns are being matched; try again shortly)\r\n/);
      expect(Date.now() - began).toBeLessThan(4000);
      const stopped = Date.now();
      own.child.kill('SIGTERM');
      expect(await own.exited).toBe(0);
      expect(Date.now() - stopped).toBeLessThan(3000);
    }, 60000);

    it('MATCH by a pattern that matching stopped after 0.2 s says its list may be short', async () => {
      const { text } = await talk(server.port, 'MATCH da re ".*.*.*.*.*.*.*.*.*x$"\r\n', (t) => finals(t) >= 1, 30000);
      const line = text.split('\r\n').find((l) => /^(152|552|501) /.test(l));
      expect(line).toMatch(/^(152 \d+ match(es)? found \(matching stopped after 0\.2 s, the list may be short: make the pattern simpler\)|552 no match found before matching stopped after 0\.2 s: make the pattern simpler|501 .*took more than 1 s.*)$/);
    });

    it('MATCH says when it lists only the first 200 of a database; a word with no letters matches nothing', async () => {
      const { text } = await talk(server.port, 'MATCH da re "^"\r\nMATCH da prefix "strat"\r\nMATCH da prefix -\r\nMATCH da substring "?"\r\n', (t) => finals(t) >= 4);
      const codes = text.split('\r\n').filter((l) => /^(152|552) /.test(l));
      expect(codes).toEqual(['152 200 matches found (the first 200 of a database: more match, narrow the word)', expect.stringMatching(/^152 \d+ match(es)? found$/), '552 no match', '552 no match']);
    });

    it('a line of bytes that are not UTF-8 is measured in octets as sent: 400 of them are no line too long', async () => {
      const { text, closed } = await talk(server.port, Buffer.concat([Buffer.from('DEFINE da "'), Buffer.alloc(400, 0xff), Buffer.from('"\r\nSTATUS\r\n')]), (t) => finals(t) >= 2);
      expect(closed).toBe(false);
      expect(text.split('\r\n').filter((l) => /^\d{3} /.test(l)).map((l) => l.slice(0, 3))).toEqual(['220', '552', '210']);
    });

    it('1,000 commands sent at once are each answered, in order (past 256 waiting, the socket is read as they are answered)', async () => {
      const commands = Array.from({ length: 1000 }, (_, i) => (i % 2 ? 'STATUS\r\n' : 'MATCH da exact aktie\r\n')).join('');
      const { text, closed } = await talk(server.port, commands, (t) => finals(t) >= 1000, 30000);
      expect(closed).toBe(false);
      const codes = text.split('\r\n').filter((l) => /^(152|210|420) /.test(l)).map((l) => l.slice(0, 3));
      expect(codes).toEqual(Array.from({ length: 1000 }, (_, i) => (i % 2 ? '210' : '152')));
    });

    it('without OPTION MIME a blank line of a text is empty', async () => {
      const { text } = await talk(server.port, 'DEFINE da "Strategisk alliance"\r\n', (t) => finals(t) >= 1);
      expect(text).toContain('\r\nStrategisk alliance\r\n\r\nEn strategisk alliance');
      expect(text).not.toContain('\r\n \r\n');
    });
    it('every strategy answers; the search strategy ranks full text', async () => {
      const lines = ['exact aktie', 'substring selskab', 'suffix selskab', 'word alliance', 'regexp "^akt.e$"', 're "^(aktie|aktiver)$"', 'search "aftale mellem to virksomheder"', '. aktie'];
      const { text } = await talk(server.port, lines.map((l) => `MATCH da ${l}\r\n`).join(''), (t) => finals(t) >= lines.length);
      expect(count(text, /\r\n152 /g)).toBe(lines.length);
      expect(text).toContain('da "Aktieselskab"\r\n');
      expect(text).toContain('da "Strategisk alliance"\r\n');
      expect(text).toContain('da "Aktiver"\r\n');
    });
    it('errors: 550, 551, 552, 501 for an empty word and a hostile pattern, 500 for garbage', async () => {
      const lines = ['DEFINE nosuch aktie', 'MATCH da nosuch aktie', 'DEFINE da qqqqzzzz', 'DEFINE da ""', 'MATCH da re "(a+)+$"', 'MATCH da re "' + 'a'.repeat(300) + '"', 'FROBNICATE', '"unclosed'];
      const { text } = await talk(server.port, lines.map((l) => `${l}\r\n`).join(''), (t) => finals(t) >= lines.length);
      const codes = [...text.matchAll(/(?:^|\r\n)(\d{3}) /g)].map((m) => m[1]).slice(1);
      expect(codes).toEqual(['550', '551', '552', '501', '501', '501', '500', '501']);
    });
    it('a bare LF ends a line too, and commands are taken in any case', async () => {
      const { text } = await talk(server.port, 'define da aktie\nqUiT\n', (t) => t.includes('221 '));
      expect(text).toMatch(/\r\n150 1 definition retrieved\r\n151 "Aktie" da /);
    });
    it('dot-stuffs a text line that begins with a dot', async () => {
      const { text } = await talk(server.port, 'SHOW SERVER\r\n', (t) => finals(t) >= 1);
      expect(text).toMatch(/\r\n\.\r\n250 ok\r\n$/);
    });
    it('a line of 1 MB is answered 500 and the connection closed; the server keeps serving', async () => {
      const { text, closed } = await talk(server.port, 'DEFINE da ' + 'a'.repeat(1024 * 1024) + '\r\n', () => false);
      expect(closed).toBe(true);
      expect(text).toMatch(/\r\n500 line too long[^\r]*\r\n$/);
      const after = await talk(server.port, 'DEFINE da aktie\r\n', (t) => finals(t) >= 1);
      expect(after.text).toContain('150 1 definition retrieved');
    });
    it('holds 200 connections at once, each answered', async () => {
      const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => talk(server.port, i % 2 ? 'DEFINE da aktie\r\n' : 'MATCH da prefix akt\r\n', (t) => finals(t) >= 1, 60000)));
      for (const a of answers) expect(a.text).toMatch(/\r\n250 ok\r\n$/);
    }, 90000);
    it('10,000 connections opened and dropped, and it still answers', async () => {
      for (let batch = 0; batch < 50; batch++) {
        await Promise.all(
          Array.from({ length: 200 }, () => new Promise<void>((done) => {
            const s: Socket = connect(server.port, '127.0.0.1');
            s.on('connect', () => s.destroy());
            s.on('error', () => done());
            s.on('close', () => done());
          })),
        );
      }
      const { text } = await talk(server.port, 'STATUS\r\n', (t) => finals(t) >= 1);
      expect(text).toMatch(/\r\n210 status /);
    }, 120000);
  });
});

describe('glossary serve over --content folders', () => {
  it('one database per language; an edit is seen without a restart; SIGTERM ends it with 0', async () => {
    const dir = tempDir('glossary-serve-');
    cpSync(fixture('bilingual'), dir, { recursive: true });
    // A paragraph that begins with a dot: the text line must be dot-stuffed.
    const file = join(dir, 'da', 'jointventure.md');
    writeFileSync(file, readFileSync(file, 'utf8') + '\n.NET er ikke et selskab.\n');
    const server = await startServer(['--content', dir]);
    try {
      const first = await talk(server.port, 'SHOW DB\r\nDEFINE da "joint venture"\r\nDEFINE en "strategic alliance"\r\n', (t) => finals(t) >= 3);
      expect(first.text).toMatch(/110 2 databases present\r\nda "Danish glossary, 2 articles \([^)]*\)"\r\nen "English glossary, 1 article \(/);
      expect(first.text).toContain('\r\nEt fælles selskab.\r\n');
      expect(first.text).toContain('\r\n..NET er ikke et selskab.\r\n');
      expect(first.text).toMatch(/151 "Strategic Alliance" en /);
      writeFileSync(file, readFileSync(file, 'utf8').replace('Et fælles selskab.', 'Et fælles foretagende af to virksomheder.'));
      await new Promise((r) => setTimeout(r, 1500));
      const second = await talk(server.port, 'DEFINE da "joint venture"\r\n', (t) => finals(t) >= 1);
      expect(second.text).toContain('Et fælles foretagende af to virksomheder.');
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
  }, 60000);

  it('SIGTERM: a client waiting for its next command is told 421 server shutting down (RFC 2229 3.1), then the connection closes; exit 0', async () => {
    const server = await startServer();
    const socket = connect(server.port, '127.0.0.1');
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (text += d));
    const closed = new Promise<void>((done) => socket.on('close', () => done()));
    const until = Date.now() + 10000;
    while (!text.includes('\r\n') && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(text).toMatch(/^220 /);
    server.child.kill('SIGTERM');
    await closed;
    expect(text).toMatch(/\r\n421 server shutting down\r\n$/);
    expect(await server.exited).toBe(0);
  }, 60000);

  it('a config made invalid while serving: nothing is served from the last corpus (a deleted article, an edited one) until it is valid again', async () => {
    const dir = tempDir('glossary-serve-');
    const art = (title: string, body: string) => `---\ntitle: ${title}\ndescription: ${body}\n---\n\n${body}\n`;
    writeFileSync(join(dir, 'glossary.json'), '{}');
    writeFileSync(join(dir, 'obligation.md'), art('Obligation', 'Et gældsbevis.'));
    writeFileSync(join(dir, 'aktie.md'), art('Aktie', 'En ejerandel.'));
    const server = await startServer(['--content', dir]);
    const wait = () => new Promise((r) => setTimeout(r, 1300));
    try {
      expect(dictc(server.port, 'obligation').stdout).toContain('Et gældsbevis.');
      writeFileSync(join(dir, 'glossary.json'), '{"skip": [');
      rmSync(join(dir, 'obligation.md'));
      writeFileSync(join(dir, 'aktie.md'), art('Aktie', 'En ny ejerandel.'));
      await wait();
      // Through Debian's dict: no text of the deleted article, nor the old text of the edited one.
      for (const word of ['obligation', 'aktie']) {
        const r = dictc(server.port, word);
        expect(r.status, word).not.toBe(0);
        expect(r.stdout + r.stderr, word).not.toMatch(/gældsbevis|En ejerandel/);
      }
      const raw = await talk(server.port, 'DEFINE * obligation\r\nSHOW SERVER\r\n', (t) => finals(t) >= 2);
      expect(raw.text).toMatch(/\r\n420 server temporarily unavailable: the glossary cannot be read now \(the server log says why\)\r\n/);
      // What needs no corpus is still answered.
      expect(raw.text).toMatch(/\r\n250 ok\r\n$/);
      expect(server.stderr()).toMatch(/could not re-open the corpus; answering 420 until it can be: .*glossary\.json: not valid JSON/);
      writeFileSync(join(dir, 'glossary.json'), '{}');
      await wait();
      expect(dictc(server.port, 'aktie').stdout).toContain('En ny ejerandel.');
      expect(dictc(server.port, 'obligation').status).not.toBe(0);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
  }, 60000);

  it('a title with a double quote, a folder named with one, and a title of 1,200 bytes: Debian\'s dict reads every answer', async () => {
    const dir = join(tempDir('glossary-serve-'), 'c"q');
    const art = (title: string) => `---\ntitle: '${title}'\ndescription: En aktie.\n---\n\nTekst.\n`;
    mkdirSync(dir);
    writeFileSync(join(dir, 'a-aktie.md'), art('Aktie "A"'));
    writeFileSync(join(dir, 'lang.md'), art(`Lang${'e'.repeat(1200)}`));
    const server = await startServer(['--content', dir]);
    try {
      const m = dictc(server.port, '-m', '-s', 'prefix', 'aktie');
      expect(m.status, m.stderr).toBe(0);
      expect(m.stdout).toMatch(/da: +"Aktie "A""/);
      const d = dictc(server.port, 'a-aktie');
      expect(d.stdout).toContain(`From Danish glossary, 2 articles (${dir}) [da]:`);
      const db = dictc(server.port, '-D');
      expect(db.status, db.stderr).toBe(0);
      expect(db.stdout).toContain('Danish glossary, 2 articles (');
      const long = dictc(server.port, '-m', '-s', 'prefix', 'lang');
      expect(long.status, long.stderr).toBe(0);
      // A title too long for a line is answered by the id, which DEFINE finds (a cut title was no word DEFINE knew).
      expect(long.stdout).toBe('da:  lang\n');
      const byId = dictc(server.port, 'lang');
      expect(byId.status, byId.stderr).toBe(0);
      expect(byId.stdout).toContain('Langeeee');
      const raw = await talk(server.port, 'MATCH da prefix lang\r\nDEFINE da lang\r\n', (t) => finals(t) >= 2);
      for (const line of raw.text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(1022);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
  }, 60000);

  it('a Hugo site in several languages: its languages are the databases', async () => {
    const server = await startServer(['--content', join(fixture('hugo-site'), 'content')]);
    try {
      const { text } = await talk(server.port, 'SHOW DB\r\nDEFINE de container\r\nMATCH * exact container\r\n', (t) => finals(t) >= 3);
      for (const db of ['en', 'de', 'bn']) expect(text).toMatch(new RegExp(`\\r\\n${db} "[A-Z][a-z]+ glossary, \\d+ articles`));
      expect(text).toMatch(/151 "Container" de /);
      expect(text).toMatch(/152 3 matches found/);
    } finally {
      server.child.kill('SIGINT');
    }
    expect(await server.exited).toBe(0);
  }, 60000);
});

describe('glossary serve: options', () => {
  it('--idle closes a silent connection', async () => {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--idle', '0.5'], { env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const port = await new Promise<number>((ready) =>
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr += d;
        const m = /:(\d+) \(Ctrl-C/.exec(stderr);
        if (m) ready(Number(m[1]));
      }),
    );
    const began = Date.now();
    const { text, closed } = await talk(port, '', () => false);
    expect(closed).toBe(true);
    expect(text).toMatch(/^220 /);
    expect(Date.now() - began).toBeGreaterThanOrEqual(400);
    child.kill('SIGINT');
  }, 60000);

  it('--json logs each request as a JSON line on stderr', async () => {
    const server = await startServer(['--content', fixture('bilingual')]);
    const child = server.child;
    await talk(server.port, 'DEFINE da jointventure\r\n', (t) => finals(t) >= 1);
    child.kill('SIGINT');
    await server.exited;
    expect(server.stderr()).not.toContain('"command"');
    const logged = spawn(process.execPath, [bin, 'serve', '--port', '0', '--json'], { env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const port = await new Promise<number>((ready) =>
      logged.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr += d;
        const m = /:(\d+) \(Ctrl-C/.exec(stderr);
        if (m) ready(Number(m[1]));
      }),
    );
    await talk(port, 'DEFINE da aktie\r\n', (t) => finals(t) >= 1);
    // What a client sends reaches the log escaped: no C0 or C1 control, no bidirectional override.
    await talk(port, Buffer.from('DEFINE da \u001b[31mx\u009b2J\r\nMATCH da prefix "\u202eabc"\r\n', 'utf8'), (t) => finals(t) >= 2);
    logged.kill('SIGINT');
    await new Promise((r) => logged.on('exit', r));
    const lines = stderr.split('\n').filter((l) => l.startsWith('{'));
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ command: 'DEFINE da aktie', code: 250 });
    expect(lines.map((l) => (JSON.parse(l) as { command: string }).command)).toEqual(['DEFINE da aktie', 'DEFINE da \u001b[31mx\u009b2J', 'MATCH da prefix "\u202eabc"']);
    expect(stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  }, 60000);

  it('a bad --port is a usage error; a host that is not this machine is warned about', () => {
    const bad = spawnSync(process.execPath, [bin, 'serve', '--port', 'abc'], { env: cleanEnv(), encoding: 'utf8', timeout: 30000 });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('glossary: --port must be a number from 0 to 65535, not "abc"\n');
    // 192.0.2.1 (TEST-NET-1) is not an address of this machine: the warning, then the listen fails.
    const away = spawnSync(process.execPath, [bin, 'serve', '--port', '0', '--host', '192.0.2.1'], { env: cleanEnv(), encoding: 'utf8', timeout: 30000 });
    expect(away.stderr).toContain('glossary: warning: listening on 192.0.2.1, not only this machine');
    expect(away.stderr).toContain('glossary: cannot listen on 192.0.2.1:0');
    expect(away.status).toBe(2);
    // An empty host is every interface to Node (an unset `--host "$HOST"`): refused, nothing listens.
    for (const host of ['', ' ']) {
      // Bounded: were it to listen, it would not stay.
      const empty = spawnSync(process.execPath, [bin, 'serve', '--port', '0', '--host', host], { env: cleanEnv(), encoding: 'utf8', timeout: 10000 });
      expect(empty.stderr).toBe('glossary: --host is empty: give an address to listen on (127.0.0.1, the default, is this machine only; 0.0.0.0 is every interface)\n');
      expect(empty.status).toBe(2);
    }
  });
});
