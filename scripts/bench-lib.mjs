// Shared by `npm run bench` and `npm run bench:quick`: cold-process timing against `node -e 0`,
// synthetic corpora, and the sample queries each corpus is measured with.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus-gen.mjs';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const work = join(root, '.bench');
export const bin = join(root, 'bin', 'glossary.js');
const GENERATOR = 2;

// NODE_EXTRA_CA_CERTS makes every Node start parse the CA bundle (+80 ms here): unset for all runs.
export const env = { ...process.env, XDG_CACHE_HOME: join(work, 'cache') };
delete env.NODE_EXTRA_CA_CERTS;
delete env.FORCE_COLOR;
delete env.COLUMNS;
delete env.NODE_OPTIONS;

// Every timed process reports its own CPU time (user + system, microseconds) on fd 3 as it exits:
// the same tiny preload for `node -e 0` and for the CLI, so it cancels out of the ratios. CPU time
// stays steady when the other core is busy, where wall time does not.
const preload = join(work, 'cpu-report.cjs');
mkdirSync(work, { recursive: true });
writeFileSync(preload, "process.on('exit',()=>{try{const u=process.cpuUsage();require('fs').writeSync(3,String(u.user+u.system))}catch{}});\n");

export function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

/** Runs node with `args` once: wall ms, CPU ms, exit code. */
export function time(args, extraEnv) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', preload, ...args], {
    env: extraEnv ? { ...env, ...extraEnv } : env,
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = Number(r.output?.[3]) / 1000;
  return { ms, cpu: Number.isFinite(cpu) ? cpu : NaN, code: r.status };
}

export function peakRss(args) {
  if (!existsSync('/usr/bin/time')) return undefined;
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const kb = Number(r.stderr.trim().split('\n').pop());
  return Number.isFinite(kb) ? kb / 1024 : undefined;
}

export const median = (xs) => {
  const s = [...xs].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The synthetic corpus of `size` articles, generated once and kept under .bench/. */
export function corpus(size) {
  const dir = join(work, `corpus-${size}`);
  const marker = join(dir, '.generator');
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== String(GENERATOR)) {
    rmSync(dir, { recursive: true, force: true });
    process.stderr.write(`bench: generating ${size} articles...\n`);
    generateCorpus(dir, size);
    writeFileSync(marker, String(GENERATOR));
  }
  return dir;
}

/** A title with one letter dropped from its longest word: a typo that should still find it. */
export function typo(title) {
  const words = title.split(' ');
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  const cut = Math.floor(longest.length / 2);
  return words.map((w) => (w === longest ? w.slice(0, cut) + w.slice(cut + 1) : w)).join(' ');
}

/** The article in the middle of a corpus, with the words each query is made from. */
export function sample(dir) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  const file = files[Math.floor(files.length / 2)];
  const text = readFileSync(join(dir, file), 'utf8');
  const title = /^title: (.*)$/m.exec(text)[1];
  const keyword = /^keywords: ([^,\n]*)/m.exec(text)[1];
  // Words of the title that are not numbers, longest first, cut to their first six letters.
  const words = title.split(' ').filter((w) => !/\d/.test(w)).sort((a, b) => b.length - a.length).map((w) => w.slice(0, 6).toLowerCase());
  return { id: file.slice(0, -3), title, keyword, file: join(dir, file), word: words[0], words: words.slice(0, 2).join(' ') };
}

/** The commands measured on every corpus; `content` is [] for the bundled one. */
export function commandSet(content, s) {
  const set = [
    { name: 'lookup', display: `lookup ${s.id}`, args: [bin, ...content, 'lookup', s.id] },
    { name: 'typo', display: `lookup "${s.typo}"`, args: [bin, ...content, 'lookup', s.typo] },
    { name: 'search', display: `search ${s.word}`, args: [bin, ...content, 'search', s.word] },
    { name: 'search2', display: `search ${s.words}`, args: [bin, ...content, 'search', ...s.words.split(' ')] },
    { name: 'list', display: `list --keyword "${s.keyword}"`, args: [bin, ...content, 'list', '--keyword', s.keyword] },
    { name: 'keywords', display: 'keywords', args: [bin, ...content, 'keywords'] },
  ];
  return set;
}

/** The targets of the issue "Fast again", by corpus and command (ratio to `node -e 0`). */
export const TARGETS = {
  bundled: { lookup: 1.4, typo: 2.0, search: 1.8, search2: 1.8, list: 1.4, keywords: 1.4 },
  15000: { lookup: 1.5, typo: 2.2, search: 2.0, search2: 2.0, list: 1.5, keywords: 1.5 },
  100000: { lookup: 1.6, typo: 3.0, search: 2.5, search2: 2.5, list: 2.0, keywords: 2.0 },
};

/**
 * Times each command of `sets` `rounds` times, each round interleaved with `node -e 0`, after one
 * warm-up run each (code cache, render cache and compiled corpus filled, as in daily use).
 */
export function measure(label, sets, rounds, onRow) {
  for (const s of sets) time(s.args);
  const samples = new Map(sets.map((s) => [s.name, { ms: [], cpu: [] }]));
  const floor = { ms: [], cpu: [] };
  for (let r = 0; r < rounds; r++) {
    const f = time(['-e', '0']);
    floor.ms.push(f.ms);
    floor.cpu.push(f.cpu);
    for (const s of sets) {
      const t = time(s.args);
      samples.get(s.name).ms.push(t.ms);
      samples.get(s.name).cpu.push(t.cpu);
    }
  }
  const base = median(floor.ms);
  const baseCpu = median(floor.cpu);
  const rows = [];
  for (const s of sets) {
    const ms = median(samples.get(s.name).ms);
    const cpu = median(samples.get(s.name).cpu);
    const target = TARGETS[label]?.[s.name];
    const row = { corpus: label, command: s.display, ms, ratio: ms / base, cpuRatio: cpu / baseCpu, floor: base, target, ok: target === undefined ? undefined : ms / base <= target, args: s.args };
    rows.push(row);
    onRow?.(row);
  }
  return rows;
}

export const fmt = (n, d = 1) => (n === undefined || !Number.isFinite(n) ? '?' : n.toFixed(d));

export function tableRows(rows, withRss) {
  return rows.map(
    (r) =>
      `| ${r.corpus} | \`${r.command}\` | ${fmt(r.ms)} | ${fmt(r.ratio, 2)}x | ${fmt(r.cpuRatio, 2)}x | ${r.target === undefined ? '' : `<= ${r.target}x ${r.ok ? 'met' : '**missed**'}`} |${withRss ? ` ${fmt(r.rss, 0)} |` : ''}`,
  );
}
