// Load test of `glossary serve` (not part of the suite): CLIENTS concurrent connections on the
// loopback address issue DEFINE and MATCH for SECONDS, each waiting for its answer before the next;
// latency median and 99th percentile, answers and errors. Then the same queries through dictd
// serving the same articles (built with dictfmt from our own DEFINE texts), when dictd is installed.
//   node scripts/bench-serve.mjs            (200 clients, 30 s each; BENCH_CLIENTS, BENCH_SECONDS)
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'glossary.js');
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const QUERY_TIMEOUT_MS = 10000;

const titles = JSON.parse(spawnSync(process.execPath, [bin, 'list', '--json'], { encoding: 'utf8' }).stdout).map((e) => e.title);

/** The lines of a reply up to its final status line (2xx, 4xx or 5xx other than 1xx texts). */
function finalCode(text) {
  const lines = text.split('\r\n');
  lines.pop();
  let inText = false;
  for (const line of lines) {
    if (inText) {
      if (line === '.') inText = false;
      continue;
    }
    const code = Number(line.slice(0, 3));
    if (code === 150 || code === 220) continue;
    if (code >= 110 && code < 160) inText = true;
    else if (code >= 200) return code;
  }
  return undefined;
}

function freePort() {
  return new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => done(port));
    });
  });
}

/** One client: a connection; a query, its answer, the next, until the time is up. */
function client(port, db, seed, until, stats) {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.setEncoding('utf8');
    let buffer = '';
    let banner = false;
    let sent = 0;
    let i = seed;
    // Until the banner comes, the same bound as for an answer.
    let timer = setTimeout(() => {
      stats.errors['no banner'] = (stats.errors['no banner'] ?? 0) + 1;
      socket.destroy();
    }, QUERY_TIMEOUT_MS);
    const next = () => {
      if (Date.now() >= until || socket.writableEnded) {
        if (!socket.writableEnded) socket.end('QUIT\r\n');
        return;
      }
      const title = titles[(i = (i * 7 + 13) % titles.length)];
      const query = sent++ % 2 ? `DEFINE ${db} "${title}"\r\n` : `MATCH ${db} prefix "${title.slice(0, 4)}"\r\n`;
      buffer = '';
      const began = performance.now();
      stats.pending = { began };
      timer = setTimeout(() => {
        stats.errors.timeout = (stats.errors.timeout ?? 0) + 1;
        socket.destroy();
      }, QUERY_TIMEOUT_MS);
      socket.write(query);
    };
    socket.on('data', (d) => {
      buffer += d;
      if (!banner) {
        const end = buffer.indexOf('\r\n');
        if (end < 0) return;
        banner = true;
        clearTimeout(timer);
        buffer = '';
        next();
        return;
      }
      const code = finalCode(buffer);
      if (code === undefined) return;
      clearTimeout(timer);
      stats.latencies.push(performance.now() - stats.pending.began);
      if (code !== 250) stats.errors[code] = (stats.errors[code] ?? 0) + 1;
      else stats.ok++;
      next();
    });
    socket.on('error', (e) => {
      stats.errors[e.code ?? 'error'] = (stats.errors[e.code ?? 'error'] ?? 0) + 1;
    });
    socket.on('close', () => {
      clearTimeout(timer);
      done();
    });
  });
}

async function load(label, port, db) {
  const stats = { latencies: [], ok: 0, errors: {}, pending: undefined };
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(port, db, c, until, { ...stats, get latencies() { return stats.latencies; }, set ok(v) { stats.ok = v; }, get ok() { return stats.ok; }, errors: stats.errors })));
  const sorted = stats.latencies.sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const result = { label, answers: sorted.length, ok: stats.ok, errors: stats.errors, perSecond: Math.round(sorted.length / SECONDS), median: at(0.5).toFixed(2), p99: at(0.99).toFixed(2), max: (sorted.at(-1) ?? NaN).toFixed(2) };
  console.log(JSON.stringify(result));
  return result;
}

/** One connection: send, read until the final status line. */
function ask(port, line) {
  return new Promise((done, fail) => {
    const s = connect(port, '127.0.0.1');
    s.setEncoding('utf8');
    let text = '';
    let banner = false;
    s.on('data', (d) => {
      text += d;
      if (!banner && text.includes('\r\n')) {
        banner = true;
        text = text.slice(text.indexOf('\r\n') + 2);
        s.write(line);
      }
      if (banner && finalCode(text) !== undefined) {
        s.end('QUIT\r\n');
        done(text);
      }
    });
    s.on('error', fail);
  });
}

const results = [];
const ours = spawn(process.execPath, [bin, 'serve', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
const port = await new Promise((ready) => {
  let err = '';
  ours.stderr.setEncoding('utf8').on('data', (d) => {
    err += d;
    const m = /127\.0\.0\.1:(\d+)/.exec(err);
    if (m) ready(Number(m[1]));
  });
});
try {
  results.push(await load('glossary serve', port, 'da'));
  // The same articles for dictd: the texts our DEFINE gives, one headword (the title) each.
  const dictd = spawnSync('sh', ['-c', 'command -v dictd && command -v dictfmt'], { encoding: 'utf8' });
  if (dictd.status === 0) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-dictd-'));
    let jargon = 'Glossary articles for the dictd comparison\n';
    for (const title of titles) {
      const text = await ask(port, `DEFINE da "${title}"\r\n`);
      const body = text.split('\r\n').filter((l) => !/^(150|151|250) /.test(l)).slice(0, -2).map((l) => (l.startsWith('..') ? l.slice(1) : l));
      jargon += `:${title}:\n${body.map((l) => '  ' + l).join('\n')}\n`;
    }
    writeFileSync(join(dir, 'glossary.txt'), jargon);
    const fmt = spawnSync('sh', ['-c', `dictfmt -j --utf8 -s "glossary (bench)" ${dir}/glossary < ${dir}/glossary.txt`], { encoding: 'utf8' });
    if (fmt.status !== 0) throw new Error(`dictfmt failed: ${fmt.stderr}`);
    const dport = await freePort();
    writeFileSync(join(dir, 'dictd.conf'), `global { listen_to 127.0.0.1\n port ${dport}\n limit ${CLIENTS + 50}\n timestamp 0\n }\naccess { allow * }\ndatabase glossary { data "${dir}/glossary.dict" index "${dir}/glossary.index" }\n`);
    // dictd drops to its own user: the folder and files must be readable by it.
    chmodSync(dir, 0o755);
    for (const f of readdirSync(dir)) chmodSync(join(dir, f), 0o644);
    const server = spawn('dictd', ['-c', join(dir, 'dictd.conf'), '-d', 'nodetach', '--pid-file', join(dir, 'pid'), '--fast-start'], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 1500));
    try {
      results.push(await load(`dictd ${spawnSync('dictd', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0].trim()}`, dport, 'glossary'));
    } finally {
      server.kill('SIGTERM');
    }
  } else console.log('dictd or dictfmt is not installed: no comparison');
} finally {
  ours.kill('SIGINT');
}
console.log(`\n${CLIENTS} clients, ${SECONDS} s each, ${titles.length} articles, DEFINE and MATCH prefix alternately:\n`);
console.log('| Server | Answers | Per second | Median ms | p99 ms | Max ms | Errors |\n|---|---|---|---|---|---|---|');
for (const r of results) console.log(`| ${r.label} | ${r.answers} | ${r.perSecond} | ${r.median} | ${r.p99} | ${r.max} | ${Object.keys(r.errors).length ? JSON.stringify(r.errors) : 'none'} |`);
