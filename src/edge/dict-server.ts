// `glossary serve`: the DICT protocol (RFC 2229) on a TCP socket. The conversation is pure
// (src/dict/session.ts); this file reads lines, bounds what a client may hold (line length,
// queued commands, idle time, connections), re-opens the corpus when its files change, and ends
// cleanly on SIGINT or SIGTERM.
import { createServer, type Socket } from 'node:net';
import { hostname } from 'node:os';
import { jsonLine, langOf } from '../context.js';
import { ExitCode, UsageError } from '../errors.js';
import { corpusDictionary, MATCH_LIMIT, type Dictionary } from '../dict/dictionary.js';
import { MAX_LINE, parseWords, status } from '../dict/protocol.js';
import { RegexWorker } from './regex-worker.js';
import { Session, type Reply } from '../dict/session.js';
import { REGEX_BUDGET_MS, REGEX_DEADLINE_MS, strategyPattern } from '../dict/strategies.js';
import { StaleSourceError, DamagedCorpusError } from '../store/compiled.js';
import { VERSION } from '../version.js';
import { corpusIdentity } from './corpus.js';
import type { Run } from './run.js';

/** The corpus is looked at again (the cache's freshness rules) at most this often. */
const REFRESH_MS = 1000;
/** Commands a client may have waiting for their answers; past them its socket is not read for a while. */
const MAX_QUEUED = 256;
/** Connections open at once; one more is answered 420 and closed. */
const MAX_CONNECTIONS = 1000;

/** This machine only: the loopback addresses. */
const isLocal = (host: string) => host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);

export function parsePort(value: unknown): number {
  const text = String(value ?? '2628');
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${text.slice(0, 20)}"`);
  return Number(text);
}

export function parseIdle(value: unknown): number {
  const text = String(value ?? '60');
  if (!/^\d{1,6}(\.\d{1,3})?$/.test(text) || Number(text) <= 0) throw new UsageError(`--idle must be a number of seconds above 0, not "${text.slice(0, 20)}"`);
  return Number(text) * 1000;
}

export async function serve(run: Run, options: Record<string, unknown>): Promise<ExitCode> {
  const port = parsePort(options['port']);
  const host = String(options['host'] ?? '127.0.0.1');
  // An empty host is every interface to Node: an unset variable (`--host "$HOST"`) opened the glossary to the network.
  if (host.trim() === '') throw new UsageError('--host is empty: give an address to listen on (127.0.0.1, the default, is this machine only; 0.0.0.0 is every interface)');
  const idleMs = parseIdle(options['idle']);
  const json = Boolean(options['json']);
  const source = run.contentDirs.length ? run.contentDirs.join(', ') : 'bundled with glossary';

  // The corpus as it is now: re-opened (cheaply, by the cache's own rules) at most once a second.
  // A corpus whose checksums are those of the one in use is the same corpus: the dictionary made of
  // it (its headword lists and rendered texts) is kept.
  let generation = '';
  let current: Dictionary | undefined;
  const load = async (force = false): Promise<Dictionary> => {
    const opened = await run.open({ force: force || Boolean(run.global.refresh) });
    const sums = corpusIdentity(opened);
    if (current && sums === generation && !force) return current;
    generation = sums;
    const ctx = await run.context(opened);
    return corpusDictionary(opened.corpus, [langOf(ctx)], source, () => performance.now());
  };
  current = await load();
  let checkedAt = Date.now();
  let reopening: Promise<void> | undefined;
  // Why the corpus could not be re-opened (a config made invalid, the folder gone): until it can be,
  // what needs the corpus is answered 420 with the reason, never from the last one, whose files
  // may be deleted or changed since.
  let failure: Error | undefined;
  const fresh = async (force = false): Promise<Dictionary> => {
    if (force || Date.now() - checkedAt >= REFRESH_MS) {
      reopening ??= load(force)
        .then((d) => {
          current = d;
          failure = undefined;
        })
        .catch((error: unknown) => {
          failure = error as Error;
          run.note(`could not re-open the corpus; answering 420 until it can be: ${failure.message}`);
        })
        .finally(() => {
          checkedAt = Date.now();
          reopening = undefined;
        });
      await reopening;
    }
    return current as Dictionary;
  };

  const usable = (dict: Dictionary): Dictionary => {
    if (failure) throw failure;
    return dict;
  };

  // MATCH by a regular expression runs in a worker that is stopped when one headword takes too long.
  const regexWorker = new RegexWorker();
  const byWorker = async (line: string, dict: Dictionary, gone: () => boolean): Promise<Dictionary | Reply> => {
    const words = parseWords(line);
    if (!words || words.length !== 4 || (words[0] as string).toUpperCase() !== 'MATCH') return dict;
    const [, db, strategyAsked, word] = words as [string, string, string, string];
    const strategy = strategyAsked.toLowerCase();
    if (strategy !== 're' && strategy !== 'regexp') return dict;
    let re: RegExp;
    try {
      re = strategyPattern(strategy, word);
    } catch {
      return dict; // the session says why
    }
    usable(dict);
    const targets = db === '*' || db === '!' ? dict.databases : dict.databases.filter((d) => d.name === db);
    const found = new Map<string, string[]>();
    const stopped = new Set<string>();
    for (const target of targets) {
      const got = await regexWorker.match(re, dict.headwords(target.name), MATCH_LIMIT + 1, REGEX_BUDGET_MS, REGEX_DEADLINE_MS, gone);
      if (got === 'busy' || got === 'gone') return { text: status(420, 'server temporarily unavailable: too many patterns are being matched; try again shortly'), code: 420 };
      if (got === 'timeout') return { text: status(501, `syntax error, illegal parameters: the pattern took more than ${REGEX_DEADLINE_MS / 1000} s over the headwords; write a simpler one`), code: 501 };
      found.set(target.name, got.found);
      // Matching stopped by its time: the session says the list may be short.
      if (got.early) stopped.add(target.name);
      if (db === '!' && got.found.length) break;
    }
    const ours = (d: string, s: string, w: string) => s === strategy && w === word && found.has(d);
    return { ...dict, match: (d, s, w) => (ours(d, s, w) ? (found.get(d) as string[]) : dict.match(d, s, w)), matchStopped: (d, s, w) => ours(d, s, w) && stopped.has(d) };
  };

  let served = 0;
  let connections = 0;
  const started = Date.now();
  const host0 = hostname().replace(/[^A-Za-z0-9.-]/g, '') || 'localhost';
  const facts = {
    name: `glossary ${VERSION} (DICT server, RFC 2229) on ${host0}`,
    about: `Serving ${source}.\nDatabases are the glossary's languages; every text is UTF-8.`,
    status: () => `[connections ${connections}, served ${served}, up ${Math.round((Date.now() - started) / 1000)} s]`,
  };
  /** Each open connection, and how it is told the server stops. */
  const sockets = new Map<Socket, () => void>();

  const handle = (socket: Socket) => {
    sockets.set(socket, () => socket.destroy());
    connections++;
    served++;
    const peer = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      sockets.delete(socket);
      connections--;
    });
    if (connections > MAX_CONNECTIONS) {
      socket.end(status(420, 'server temporarily unavailable: too many connections'));
      return;
    }
    socket.setNoDelay(true);
    socket.setTimeout(idleMs, () => socket.destroy());
    const session = new Session(facts);
    const msgId = `<${process.pid}.${served}.${Date.now()}@${host0}>`;
    socket.write(status(220, `${host0} glossary ${VERSION} <mime> ${msgId}`));

    // Octets as received: a line's length is counted in them (RFC 2229 2.2), before decoding (bytes
    // that are not UTF-8 became three-octet replacement characters, and a short line was too long).
    let buffer: Buffer = Buffer.alloc(0);
    const queue: string[] = [];
    let working = false;
    let closing = false;
    /** The client sent its FIN: it sends no more. */
    let ended = false;
    const stop = (text: string) => {
      closing = true;
      queue.length = 0;
      socket.end(text);
    };
    // The server stopping (SIGINT, SIGTERM): a client waiting for its next command is told so
    // (`421 server shutting down`, RFC 2229 3.1) before the connection closes; one whose answer is
    // still being written is closed as it is, never sent a status line in the middle of a text.
    sockets.set(socket, () => {
      if (working || queue.length > 0 || closing) return void socket.destroy();
      closing = true;
      socket.end(status(421, 'server shutting down'), () => socket.destroy());
    });
    const work = async () => {
      if (working) return;
      working = true;
      while (queue.length && !closing && !socket.destroyed) {
        const line = queue.shift() as string;
        if (socket.isPaused() && !closing) take();
        const began = performance.now();
        let reply;
        try {
          try {
            const dict = await byWorker(line, await fresh(), () => socket.destroyed || closing);
            reply = 'text' in dict ? dict : session.handle(line, () => usable(dict));
          } catch (error) {
            // A file changed since the corpus was opened, or the cache was damaged: re-open, answer again.
            if (!(error instanceof StaleSourceError || error instanceof DamagedCorpusError)) throw error;
            const dict = await byWorker(line, await fresh(true), () => socket.destroyed || closing);
            reply = 'text' in dict ? dict : session.handle(line, () => usable(dict));
          }
        } catch (error) {
          run.note(`could not answer "${line.slice(0, 60)}": ${(error as Error).message}`);
          reply = { text: status(420, failure ? 'server temporarily unavailable: the glossary cannot be read now (the server log says why)' : 'server temporarily unavailable'), code: 420 };
        }
        if (json) run.io.stderr.write(jsonLine({ time: new Date().toISOString(), client: peer, command: line.slice(0, 200), code: reply.code, ms: Number((performance.now() - began).toFixed(2)) }) + '\n');
        if (socket.destroyed) break;
        if (reply.close) {
          stop(reply.text);
          break;
        }
        if (!socket.write(reply.text)) await new Promise<void>((done) => socket.once('drain', done).once('close', done));
      }
      working = false;
      // The client said it sends no more (a half-close): answered, the connection ends.
      if (ended && queue.length === 0 && buffer.indexOf(0x0a) < 0 && !closing && !socket.destroyed) socket.end();
    };
    // The lines received, queued up to MAX_QUEUED; past that the socket is not read until the queue
    // has room (a client that sends thousands of commands at once is answered at its own pace; it was
    // refused with 420 and none of its commands answered).
    const take = () => {
      let end: number;
      // A line ends with CRLF, or with a bare LF as dictd accepts.
      while (queue.length < MAX_QUEUED && (end = buffer.indexOf(0x0a)) >= 0) {
        const octets = end > 0 && buffer[end - 1] === 0x0d ? end - 1 : end;
        if (octets + 2 > MAX_LINE) return stop(status(500, `line too long: at most ${MAX_LINE} octets with the CRLF`));
        queue.push(buffer.toString('utf8', 0, octets));
        buffer = buffer.subarray(end + 1);
      }
      if (queue.length >= MAX_QUEUED) socket.pause();
      else {
        if (buffer.length > MAX_LINE) return stop(status(500, `line too long: at most ${MAX_LINE} octets with the CRLF`));
        socket.resume();
      }
    };
    socket.on('data', (chunk: Buffer) => {
      if (closing) return;
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      take();
      void work();
    });
    // A half-close (FIN) after commands: every one is answered first (the server is made with
    // allowHalfOpen; Node's default ended the connection with answers still to send).
    socket.on('end', () => {
      ended = true;
      if (!working) void work();
    });
  };

  if (!isLocal(host)) run.note(`warning: listening on ${host}, not only this machine: anyone who can reach it can read the glossary`);
  const server = createServer({ allowHalfOpen: true }, handle);
  server.on('error', () => undefined);
  await new Promise<void>((ready, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(error.code === 'EADDRINUSE' ? new UsageError(`port ${port} on ${host} is in use: give another with --port`) : error.code === 'EACCES' ? new UsageError(`no permission to listen on port ${port}: use a port above 1023`) : new UsageError(`cannot listen on ${host}:${port}: ${error.message}`)),
    );
    server.listen(port, host, () => ready());
  });
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  run.note(`serving DICT on ${host.includes(':') ? `[${host}]` : host}:${bound} (Ctrl-C to stop)`);

  await new Promise<void>((done) => {
    const end = () => {
      process.off('SIGINT', end);
      process.off('SIGTERM', end);
      server.close(() => done());
      for (const bye of sockets.values()) bye();
      void regexWorker.close();
    };
    process.on('SIGINT', end);
    process.on('SIGTERM', end);
  });
  run.note('stopped');
  return ExitCode.ok;
}
