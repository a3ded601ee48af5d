// `glossary lsp` at scale: a generated corpus (scripts/corpus-gen.mjs), the server over stdio, the
// time from `initialize` to its answer (start-up: compile and parse), then hover and completion
// round trips (median and worst of 50), and the time from an edit of an article to its diagnostics.
// Usage: node scripts/bench-lsp.mjs [articles=15000]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateCorpus } from './corpus-gen.mjs';

const count = Number(process.argv[2] ?? 15000);
const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'glossary-bench-lsp-'));
const dir = join(work, 'content');
generateCorpus(dir, count);
const env = { PATH: process.env.PATH, HOME: process.env.HOME, XDG_CACHE_HOME: join(work, 'cache') };
const child = spawn(process.execPath, [join(root, 'bin/glossary.js'), '--content', dir, 'lsp', '--stdio'], { env, stdio: ['pipe', 'pipe', 'inherit'] });
let buffer = Buffer.alloc(0);
const waiting = new Map();
const diagnostics = [];
child.stdout.on('data', (d) => {
  buffer = Buffer.concat([buffer, d]);
  for (;;) {
    const end = buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString())[1]);
    if (buffer.length < end + 4 + length) return;
    const m = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString());
    buffer = buffer.subarray(end + 4 + length);
    if (m.id !== undefined && !m.method) waiting.get(m.id)?.(m);
    if (m.method === 'textDocument/publishDiagnostics') diagnostics.shift()?.(m);
  }
});
const send = (m) => {
  const body = JSON.stringify({ jsonrpc: '2.0', ...m });
  child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
};
let next = 1;
const request = (method, params) => new Promise((done) => {
  const id = next++;
  waiting.set(id, done);
  send({ id, method, params });
});
const nextDiagnostics = () => new Promise((done) => diagnostics.push(done));
const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;
const stats = async (f) => {
  const times = [];
  for (let i = 0; i < 50; i++) {
    const t = process.hrtime.bigint();
    const answer = await f();
    if (answer.error || !answer.result) throw new Error(`no answer: ${JSON.stringify(answer).slice(0, 200)}`);
    times.push(ms(t));
  }
  times.sort((a, b) => a - b);
  return `${times[25].toFixed(1)} ms median, ${times[47].toFixed(1)} ms 95th percentile, ${times[49].toFixed(1)} ms worst`;
};

let t = process.hrtime.bigint();
await request('initialize', { processId: null, rootUri: null, capabilities: { textDocument: { hover: { contentFormat: ['markdown'] } } }, initializationOptions: { completionTrigger: '[[' } });
const startup = ms(t);
send({ method: 'initialized', params: {} });
await new Promise((done) => setTimeout(done, 2000)); // the server's warm-up after start-up
const file = join(dir, readdirSync(dir).filter((f) => f.endsWith('.md')).sort()[0]);
const title = /^title: (.*)$/m.exec(readFileSync(file, 'utf8'))[1];
const textUri = pathToFileURL(join(work, 'notes.txt')).href;
const line = `Vi taler om ${title.toLowerCase()} i dag og [[${title.slice(0, 4)}`;
send({ method: 'textDocument/didOpen', params: { textDocument: { uri: textUri, languageId: 'plaintext', version: 1, text: line } } });
const hover = await stats(() => request('textDocument/hover', { textDocument: { uri: textUri }, position: { line: 0, character: 13 } }));
const complete = await stats(() => request('textDocument/completion', { textDocument: { uri: textUri }, position: { line: 0, character: line.length } }));
const uri = pathToFileURL(file).href;
const source = readFileSync(file, 'utf8');
t = process.hrtime.bigint();
const opened = nextDiagnostics();
send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text: source } } });
await opened;
const openCheck = ms(t);
const edited = `${source}\nSe [x](/`;
const withLink = nextDiagnostics();
send({ method: 'textDocument/didChange', params: { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] } });
await withLink;
const lastLine = edited.split('\n').length - 1;
const linkComplete = await stats(() => request('textDocument/completion', { textDocument: { uri }, position: { line: lastLine, character: 8 } }));
const edits = [];
for (let v = 3; v < 8; v++) {
  const changed = nextDiagnostics();
  t = process.hrtime.bigint();
  send({ method: 'textDocument/didChange', params: { textDocument: { uri, version: v }, contentChanges: [{ text: v % 2 ? source : edited }] } });
  await changed;
  edits.push(ms(t) - 100); // less the server's 100 ms debounce
}
edits.sort((a, b) => a - b);
send({ id: next++, method: 'shutdown' });
send({ method: 'exit' });
await new Promise((done) => child.on('exit', done));
rmSync(work, { recursive: true, force: true });
console.log(`glossary lsp over ${count} articles (node ${process.version}):`);
console.log(`  initialize (compile the folder, parse it for the article features): ${(startup / 1000).toFixed(1)} s`);
console.log(`  hover on a term in a text: ${hover}`);
console.log(`  completion of a term after [[: ${complete}`);
console.log(`  completion of a link target: ${linkComplete}`);
console.log(`  an article opened to its check diagnostics: ${openCheck.toFixed(0)} ms`);
console.log(`  an edit to its check diagnostics (less the 100 ms debounce): ${edits[2].toFixed(0)} ms median of 5`);
