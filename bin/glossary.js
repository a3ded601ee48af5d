#!/usr/bin/env node
// The installed command: runs the CLI bundled ahead of time into dist/cli.js.
//
// It loads the bundle through V8's code cache, kept in the user's cache directory: compiling the
// bundle is the largest part of start-up after Node's own, and Node 20 has no built-in compile
// cache for it. Anything unusual (no cache directory, a rejected cache) falls back to a plain load.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const file = path.join(__dirname, '..', 'dist', 'cli.js');

// The commands that keep a code cache of their own: a cache holds the functions of the run that
// made it, so one made by a lookup lacks search's, and every search compiled them again.
const OWN_CACHE = new Set(['lookup', 'search', 'list', 'keywords', 'scan', 'links', 'backlinks', 'related']);
// Help, the version and shell completion run none of a command's functions: they share 'other'.
const args = process.argv.slice(2);
const asksHelp = args[0] === 'help' || args[0] === '__complete' || args.some((a) => a === '--help' || a === '-h' || a === '--version' || a === '-V');
const command = (!asksHelp && args.find((a) => OWN_CACHE.has(a))) || 'other';

// A search over a --content folder ends before V8's optimising compiler (TurboFan) pays for itself:
// it compiles in the background, and the process waits for those compiles at exit (a two-word
// search over 15,000 articles took 72 ms with it, 61 ms without). So such a search runs on the
// interpreter and the baseline compiler; one that turns out heavy (it compiles the folder first)
// switches it back on (src/store/optimizing.ts). The bundled corpus is too small to gain more than
// loading node:v8 costs (1.5 ms), and so are the other commands. Runs that share a code cache file
// run with the same flags (V8 rejects a cache made under others): a search of a folder keeps its own.
const folder = args.some((a) => a === '--content' || a.startsWith('--content=')) || Boolean(process.env.GLOSSARY_CONTENT);
const cacheName = command === 'search' && folder ? 'search-content' : command;
if (cacheName === 'search-content') require('node:v8').setFlagsFromString('--no-turbofan');

/** The build's cache files begin with this; the command's name follows. */
function cachePrefix() {
  const stat = fs.statSync(file);
  return `code-cache-${process.version}-${process.arch}-${stat.size}-${Math.floor(stat.mtimeMs)}-`;
}

function cacheFile() {
  const xdg = process.env.XDG_CACHE_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(require('node:os').homedir(), '.cache');
  return path.join(base, 'glossary', `${cachePrefix()}${cacheName}.bin`);
}

function load() {
  let source;
  let cache;
  try {
    source = fs.readFileSync(file, 'utf8');
    cache = cacheFile();
  } catch {
    return require(file);
  }
  let cachedData;
  try {
    cachedData = fs.readFileSync(cache);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const module = { exports: {}, filename: file, id: file };
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(file), module, file, path.dirname(file));
  if (cachedData === undefined || script.cachedDataRejected) {
    // Made at exit, so that it holds the functions a command needs, not just the top level; but
    // not after a run that compiled a corpus or checked one: that cache is three times the size,
    // and deserialising it made every later lookup slower than no cache at all.
    process.once('exit', () => {
      if (globalThis.__glossaryHeavyRun) return;
      const tmp = `${cache}.${process.pid}`;
      try {
        fs.mkdirSync(path.dirname(cache), { recursive: true });
        // Test-only: GLOSSARY_TEST_WRITE_ERROR makes this write fail part-way, as a full disk does.
        const injected = process.env.GLOSSARY_TEST_WRITE_ERROR;
        const data = script.createCachedData();
        if (injected) {
          fs.writeFileSync(tmp, data.subarray(0, data.length >> 1));
          throw Object.assign(new Error('injected write error'), { code: injected.split(':')[0] });
        }
        fs.writeFileSync(tmp, data);
        fs.renameSync(tmp, cache);
        // Caches of other builds or Node versions are of no more use, nor what a killed run left half-written.
        const prefix = cachePrefix();
        for (const name of fs.readdirSync(path.dirname(cache))) {
          if (name.startsWith('code-cache-') && (!name.startsWith(prefix) || !name.endsWith('.bin'))) fs.rmSync(path.join(path.dirname(cache), name), { force: true });
        }
      } catch {
        // No cache directory, or a full disk: nothing half-written stays; the next run compiles again.
        try {
          fs.rmSync(tmp, { force: true });
        } catch {
          /* nothing to remove */
        }
      }
    });
  }
  return module.exports;
}

load().run();
