// npm run bench: cold-process timings of the built CLI against `node -e 0`, on the bundled corpus
// and on synthetic corpora of 1,000, 15,000 and 100,000 articles; writes BENCHMARKS.md.
// Options: --sizes 1000,15000 (default 1000,15000,100000), --rounds N (default 15).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus-gen.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, '.bench');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const sizes = arg('sizes', '1000,15000,100000').split(',').map(Number);
const rounds = Number(arg('rounds', '15'));
const bin = join(root, 'bin', 'glossary.js');
const GENERATOR = 2;

// NODE_EXTRA_CA_CERTS makes every Node start parse the CA bundle (+80 ms here): unset for all runs.
const env = { ...process.env, XDG_CACHE_HOME: join(work, 'cache') };
delete env.NODE_EXTRA_CA_CERTS;
delete env.FORCE_COLOR;
delete env.COLUMNS;

function time(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'ignore'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, code: r.status };
}

function peakRss(args) {
  if (!existsSync('/usr/bin/time')) return undefined;
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const kb = Number(r.stderr.trim().split('\n').pop());
  return Number.isFinite(kb) ? kb / 1024 : undefined;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function corpus(size) {
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
function typo(title) {
  const words = title.split(' ');
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  const cut = Math.floor(longest.length / 2);
  return words.map((w) => (w === longest ? w.slice(0, cut) + w.slice(cut + 1) : w)).join(' ');
}

function sample(dir) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  const file = files[Math.floor(files.length / 2)];
  const text = readFileSync(join(dir, file), 'utf8');
  const title = /^title: (.*)$/m.exec(text)[1];
  const keyword = /^keywords: ([^,\n]*)/m.exec(text)[1];
  // A word of the title (the longest that is not a number), cut to its first six letters.
  const word = title.split(' ').filter((w) => !/\d/.test(w)).reduce((a, b) => (b.length > a.length ? b : a), '').slice(0, 6).toLowerCase();
  return { id: file.slice(0, -3), title, keyword, file: join(dir, file), word };
}

const rows = [];
const compiles = [];

function measure(label, sets, targets) {
  // Warm-up: caches (code, render, freshness) filled once, as in daily use.
  for (const s of sets) time(s.args);
  const samples = new Map(sets.map((s) => [s.name, []]));
  const floor = [];
  for (let r = 0; r < rounds; r++) {
    floor.push(time(['-e', '0']).ms);
    for (const s of sets) samples.get(s.name).push(time(s.args).ms);
  }
  const base = median(floor);
  for (const s of sets) {
    const ms = median(samples.get(s.name));
    const rss = peakRss(s.args);
    const target = targets[s.name];
    rows.push({ corpus: label, command: s.display, ms, ratio: ms / base, floor: base, rss, target, ok: target === undefined ? undefined : ms / base <= target });
    process.stderr.write(`bench: ${label} ${s.display}: ${ms.toFixed(1)} ms, ${(ms / base).toFixed(2)}x, ${rss?.toFixed(0) ?? '?'} MB\n`);
  }
}

const TARGETS = {
  15000: { lookup: 2.0, typo: 3.0, search: 2.5, list: 2.0, keywords: 2.0 },
  100000: { lookup: 2.5, typo: 5, search: 4, list: 3, keywords: 3 },
};

mkdirSync(work, { recursive: true });
rmSync(join(work, 'cache'), { recursive: true, force: true });

measure('bundled', [
  { name: 'lookup', display: 'lookup strategisk-alliance', args: [bin, 'lookup', 'strategisk-alliance'] },
  { name: 'typo', display: 'lookup "strategisk aliance"', args: [bin, 'lookup', 'strategisk aliance'] },
  { name: 'search', display: 'search alliance', args: [bin, 'search', 'alliance'] },
  { name: 'list', display: 'list --keyword business', args: [bin, 'list', '--keyword', 'business'] },
  { name: 'keywords', display: 'keywords', args: [bin, 'keywords'] },
], {});

for (const size of sizes) {
  const dir = corpus(size);
  const s = sample(dir);
  const content = ['--content', dir];
  const first = time([bin, ...content, 'keywords']);
  // --refresh: an edit in place to a file is otherwise seen within 10 s (src/store/cache.ts).
  utimesSync(s.file, new Date(), new Date());
  const touched = time([bin, ...content, '--refresh', 'keywords']);
  const original = readFileSync(s.file, 'utf8');
  writeFileSync(s.file, original.replace(/^title: .*$/m, `title: ${s.title} (ændret)`));
  const retitled = time([bin, ...content, '--refresh', 'keywords']);
  writeFileSync(s.file, original);
  time([bin, ...content, '--refresh', 'keywords']);
  compiles.push({ size, first: first.ms, touched: touched.ms, retitled: retitled.ms, rss: undefined });
  process.stderr.write(`bench: compile ${size}: ${(first.ms / 1000).toFixed(1)} s; touched file ${(touched.ms / 1000).toFixed(2)} s; retitled ${(retitled.ms / 1000).toFixed(1)} s\n`);
  measure(`${size}`, [
    { name: 'lookup', display: `lookup ${s.id}`, args: [bin, ...content, 'lookup', s.id] },
    { name: 'typo', display: `lookup "${typo(s.title)}"`, args: [bin, ...content, 'lookup', typo(s.title)] },
    { name: 'search', display: `search ${s.word}`, args: [bin, ...content, 'search', s.word] },
    { name: 'list', display: `list --keyword "${s.keyword}"`, args: [bin, ...content, 'list', '--keyword', s.keyword] },
    { name: 'keywords', display: 'keywords', args: [bin, ...content, 'keywords'] },
    // What a run pays when it checks every file (corpora over 5,000 files: every 10 s; --refresh).
    { name: 'refresh', display: '--refresh keywords (full file check)', args: [bin, ...content, '--refresh', 'keywords'] },
  ], TARGETS[size] ?? {});
}

const fmt = (n, d = 1) => (n === undefined ? '?' : n.toFixed(d));
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const lines = [
  '# Benchmarks',
  '',
  `Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`,
  `Cold processes, median of ${rounds} rounds, each round interleaving \`node -e 0\` with the commands; ratio = median / median of \`node -e 0\` in the same run.`,
  '`NODE_EXTRA_CA_CERTS` unset for every run. Warm cache: each command ran once before timing (code cache, render cache, compiled corpus).',
  'Peak RSS from `/usr/bin/time -f %M`, one extra run. Synthetic corpora from `scripts/corpus-gen.mjs` (deterministic, ~4 KB bodies with /id links).',
  '',
  '| corpus | command | median ms | ratio | target | peak RSS MB |',
  '| --- | --- | ---: | ---: | --- | ---: |',
  ...rows.map((r) => `| ${r.corpus} | \`${r.command}\` | ${fmt(r.ms)} | ${fmt(r.ratio, 2)}x | ${r.target === undefined ? '' : `<= ${r.target}x ${r.ok ? 'met' : '**missed**'}`} | ${fmt(r.rss, 0)} |`),
  '',
  `\`node -e 0\`: ${rows.map((r) => r.floor).filter((v, i, a) => a.indexOf(v) === i).map((v) => fmt(v)).join(', ')} ms (one value per block).`,
  '',
  '## Compile',
  '',
  '| articles | first compile | after touching one file | after retitling one file |',
  '| ---: | ---: | ---: | ---: |',
  ...compiles.map((c) => `| ${c.size} | ${fmt(c.first / 1000, 1)} s | ${fmt(c.touched / 1000, 2)} s (${fmt((100 * c.touched) / c.first, 0)}%) | ${fmt(c.retitled / 1000, 1)} s (${fmt((100 * c.retitled) / c.first, 0)}%) |`),
  '',
  'Touching a file, or editing its body, patches that article\'s record in place; a change to what other',
  'articles see of it (title, aliases, keywords, description, link targets) or an added or removed file',
  'recompiles the corpus from the stored parse results, re-parsing only the changed files.',
  '',
];
writeFileSync(join(root, 'BENCHMARKS.md'), lines.join('\n'));
process.stderr.write('bench: wrote BENCHMARKS.md\n');
