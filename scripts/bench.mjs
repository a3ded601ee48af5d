// npm run bench: the built CLI on the bundled corpus and on generated corpora in the source's
// layout (`Texts/<Language>/<id>.md`, scripts/corpus-gen.mjs): per size the first compile (wall,
// CPU, peak RSS) beside a minimal compile of the same folder (scripts/bench-minimal.mjs), the
// cache beside the source, each incremental case (a body edited, a title changed, a file added,
// a file deleted), and the query rows as medians of cold processes interleaved with `node -e 0`.
// Every row is marked met or missed against issue 19's targets. Writes BENCHMARKS.md (everything
// above the marker line; what stands below it is kept) and docs/bench-compile.svg.
//
// Options (or the environment's BENCH_SIZES, BENCH_ROUNDS, ...):
//   --sizes 500,2000,15000,100000,300000   articles; 300000 means 12 languages × 25,000, and
//                                          `LxN` is L languages × N articles (default: all five)
//   --rounds 11                            interleaved rounds a query row is the median of
//   --budget 900                           seconds a compile may run before it is stopped
//   --max-rss 6000                         MB a compile may reach before it is stopped
//   --out BENCHMARKS.md                    where the tables go (docs/bench-compile.svg beside: --svg)
//   --from .bench/results.json             nothing measured: the tables and plot written from a run's figures
//   --note "text"                          a paragraph on the run (the machine's load, say) under the header
// A size stopped by a budget is reported as "not run (why)", with the rest of the run kept.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { arg, availableMb, bin, commandSet, fmt, measure, root, sample, stopChildren, tableRows, texts, time, timeBudgeted, TARGETS, typo, work } from './bench-lib.mjs';

const ALL = '500,2000,15000,100000,300000';
const specs = arg('sizes', ALL)
  .split(',')
  .filter(Boolean)
  .map((text) => {
    const m = /^(\d+)x(\d+)$/.exec(text.trim());
    if (m) return { languages: Number(m[1]), per: Number(m[2]) };
    const n = Number(text);
    if (!Number.isInteger(n) || n <= 0) {
      process.stderr.write(`bench: --sizes takes article counts (500,2000) or LANGUAGESxCOUNT (12x25000), not "${text}"\n`);
      process.exit(2);
    }
    return n === 300000 ? { languages: 12, per: 25000 } : { languages: 1, per: n };
  })
  .map((s) => ({ ...s, total: s.languages * s.per, label: s.languages === 1 ? s.per.toLocaleString('en-US') : `${(s.languages * s.per).toLocaleString('en-US')} (${s.languages} languages)` }));
const roundsArg = Number(arg('rounds', '11'));
let budgetMs = Number(arg('budget', '900')) * 1000;
let maxRssMb = Number(arg('max-rss', '6000'));
const outFile = resolve(root, arg('out', 'BENCHMARKS.md'));
const svgFile = resolve(root, arg('svg', 'docs/bench-compile.svg'));
const budget = { timeoutMs: budgetMs, maxRssMb };

const say = (text) => process.stderr.write(`bench: ${text}\n`);
const sayRow = (r) => say(`${r.corpus} ${r.command}: ${fmt(r.ms)} ms, ${fmt(r.ratio, 2)}x (CPU ${fmt(r.cpuRatio, 2)}x), ${fmt(r.rss, 0)} MB`);
const nice = (n) => n.toLocaleString('en-US');
const sizeName = (s) => (s.languages === 1 ? nice(s.per) : `${nice(s.total)} (${s.languages} × ${nice(s.per)})`);

/** Apparent size in bytes, as `du -sb` counts it. */
const du = (path) => Number(execFileSync('du', ['-sb', path], { encoding: 'utf8' }).split('\t')[0]);

/** Every file under a folder read once: the first compile is timed with the files in the page cache. */
function warm(dir) {
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    if (d.isDirectory()) warm(join(dir, d.name));
    else readFileSync(join(dir, d.name));
  }
}

/** Compile-side targets (issue 19). */
const ISSUE = {
  rss: 700,
  cache: 1.0,
  firstVsMinimal: 2,
  firstSeconds: { 100000: 30, 300000: 100 },
  // A changed title, a new or deleted file: <= 1 s at 15,000 and <= 3 s at 100,000. Smaller
  // folders are held to the 15,000 figure; the body edit to the same as the others.
  incremental: (total) => (total <= 15000 ? 1 : total <= 100000 ? 3 : undefined),
};
const mark = (ok) => (ok === undefined ? '' : ok ? 'met' : '**missed**');

// The commit measured, taken before the run (what is built is what was checked out then).
let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  // BENCHMARKS.md and the plot are what this run rewrites: not a change to what it measured.
  const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.trim() && !l.endsWith('BENCHMARKS.md') && !l.endsWith('.svg'));
  if (changed.length) commit += ' (with uncommitted changes)';
  // The code measured is src/: name the last commit that changed it too (a bench-only commit measures the same code).
  const src = execFileSync('git', ['log', '-1', '--format=%h', '--', 'src'], { cwd: root, encoding: 'utf8' }).trim();
  if (src && !commit.startsWith(src)) commit += `, src/ as at ${src}`;
} catch {
  /* not a git checkout */
}

/** The run's figures so far, in .bench/results.json (after each size: a run stopped later keeps them; --from redraws). */
function saveResults() {
  const partial = { commit, rounds, budgetMs, maxRssMb, runMinutes: runMinutes ?? (Date.now() - runStart) / 60000, load: endLoad ?? loadavg() };
  writeFileSync(join(work, 'results.json'), JSON.stringify({ ...partial, results: results.map(({ rows: r, ...x }) => x), rows: rows.map(({ args, ...r }) => r) }, null, 1));
}

// Stopped by a signal (Ctrl-C, a CI timeout): the files changed for the incremental cases are put
// back, the figures so far saved (the size under way with what it has), no compile left running.
let putBack = () => {};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopChildren();
    putBack();
    if (!from) saveResults();
    process.stderr.write(`bench: stopped by ${signal}; the figures so far are in .bench/results.json (--from draws them)\n`);
    process.exit(130);
  });
}

const runStart = Date.now();
const cacheDir = join(work, 'cache');
const rows = [];
const results = [];
let rounds = roundsArg;
let runMinutes;
let endLoad;
// --from .bench/results.json: the tables and the plot written again from a run's figures, nothing measured.
const from = arg('from');
if (from) {
  const saved = JSON.parse(readFileSync(resolve(root, from), 'utf8'));
  rows.push(...saved.rows);
  for (const r of saved.results) results.push({ ...r, rows: r.first && !r.notRun ? saved.rows.filter((x) => x.corpus === r.label && x.name !== 'scan') : undefined });
  rounds = saved.rounds;
  commit = saved.commit;
  budgetMs = saved.budgetMs ?? budgetMs;
  maxRssMb = saved.maxRssMb ?? maxRssMb;
  runMinutes = saved.runMinutes;
  endLoad = saved.load ?? loadavg();
  specs.splice(0, specs.length, ...saved.results.map((r) => r.spec));
} else {
  say(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}, ${fmt(availableMb() / 1024, 1)} GB available`);

  rmSync(cacheDir, { recursive: true, force: true });
  const bundled = { id: 'strategisk-alliance', typo: 'strategisk aliance', word: 'alliance', words: 'strategisk alliance', keyword: 'business' };
  rows.push(...measure('bundled', commandSet([], bundled), rounds, sayRow));

  for (const spec of specs) {
    const result = { spec, label: spec.label, name: sizeName(spec) };
    results.push(result);
    const started = Date.now();
    // A size this machine cannot hold is not started: a compile near the budget needs it free.
    if (availableMb() < maxRssMb + 1024) {
      result.notRun = `only ${fmt(availableMb() / 1024, 1)} GB of memory available, under the ${fmt(maxRssMb / 1024, 1)} GB budget + 1 GB`;
      say(`${result.name}: not run (${result.notRun})`);
      continue;
    }
    const gen = Date.now();
    const dir = texts(spec.per, spec.languages);
    result.generateS = (Date.now() - gen) / 1000;
    const danish = join(dir, 'Danish');
    const s = sample(danish);
    s.typo = typo(s.title);
    const content = ['--content', dir, '--lang', 'da'];
    warm(dir);
    rmSync(cacheDir, { recursive: true, force: true });

    // The first compile, under the budget; then the minimal compile of the same folder.
    say(`${result.name}: first compile...`);
    const first = await timeBudgeted([bin, ...content, 'keywords'], budget);
    result.first = first;
    if (first.stopped || first.code !== 0) {
      result.notRun = first.stopped ? `the first compile was stopped: ${first.stopped}` : `the first compile failed (exit ${first.code}): ${first.stderr.trim().split('\n').pop()}`;
      say(`${result.name}: not run (${result.notRun})`);
      result.benchS = (Date.now() - started) / 1000;
      continue;
    }
    result.cacheBytes = du(join(cacheDir, 'glossary'));
    result.sourceBytes = du(dir);
    say(`${result.name}: first compile ${fmt(first.ms / 1000)} s, CPU ${fmt(first.cpu / 1000)} s, ${fmt(first.rss, 0)} MB; cache ${fmt(result.cacheBytes / result.sourceBytes, 2)}x source`);
    const minimalOut = join(work, 'minimal-out');
    result.minimal = await timeBudgeted([join(root, 'scripts', 'bench-minimal.mjs'), dir, minimalOut], budget);
    rmSync(minimalOut, { recursive: true, force: true });
    say(`${result.name}: minimal compile ${fmt(result.minimal.ms / 1000)} s, CPU ${fmt(result.minimal.cpu / 1000)} s, ${fmt(result.minimal.rss, 0)} MB`);

    // The queries, over the corpus as compiled.
    const queryTargets = spec.total === 300000 ? undefined : TARGETS.folder;
    result.rows = measure(spec.label, commandSet(content, s), rounds, sayRow, queryTargets);
    rows.push(...result.rows);
    if (spec.total === 15000 && spec.languages === 1) {
      // scan: a 1 MB Danish text (the scan fixtures, repeated) against the corpus.
      const text = join(work, 'scan-1mb.txt');
      const fixture = ['aarsrapport.txt', 'kontrakt.txt', 'referat.md'].map((f) => readFileSync(join(root, 'tests', 'fixtures', 'scan', f), 'utf8')).join('\n');
      writeFileSync(text, fixture.repeat(Math.ceil(1_000_000 / Buffer.byteLength(fixture))));
      rows.push(...measure(spec.label, [{ name: 'scan', display: 'scan (1 MB of text)', args: [bin, ...content, 'scan', text] }], Math.max(3, Math.floor(rounds / 3)), sayRow));
    }

    // The incremental cases, one after the other, each followed by `--refresh keywords` (timed,
    // so that a folder of any size is looked at), then checked: the next command must show the
    // change. Nothing is undone between them (each refresh sees one change); the files are put
    // back as they were at the end.
    const original = readFileSync(s.file, 'utf8');
    const files = readdirSync(danish).filter((f) => f.endsWith('.md')).sort();
    const victim = join(danish, files[Math.floor(files.length / 3)]);
    const victimId = files[Math.floor(files.length / 3)].slice(0, -3);
    const victimText = readFileSync(victim, 'utf8');
    const added = join(danish, 'bench-new-article.md');
    const refresh = () => timeBudgeted([bin, ...content, '--refresh', 'keywords'], budget);
    const shown = (args, needle) => {
      const r = time([bin, ...content, ...args], undefined, { stdout: true, timeoutMs: 120_000 });
      return r.code === 0 && r.stdout.includes(needle);
    };
    const cases = [
      {
        name: 'body edited',
        change: () => writeFileSync(s.file, original.replace(/\n## (?![\s\S]*\n## )/, '\nEn ny sætning med ordet benchmærke i brødteksten.\n\n## ')),
        seen: () => shown(['lookup', s.id], 'benchmærke'),
      },
      {
        name: 'title changed',
        // On top of the body edit, which the cache has taken in: this refresh sees the title alone.
        change: () => writeFileSync(s.file, readFileSync(s.file, 'utf8').replace(/^title: .*$/m, `title: ${s.title} benchtitel`)),
        seen: () => shown(['lookup', '--json', s.id], 'benchtitel'),
      },
      {
        name: 'file added',
        change: () => writeFileSync(added, original.replace(/^title: .*$/m, 'title: Benchny artikel').replace(/^aliases:\n(?: +- .*\n)*/m, '')),
        seen: () => shown(['lookup', 'bench-new-article'], 'Benchny artikel'),
      },
      {
        name: 'file deleted',
        change: () => unlinkSync(victim),
        // Gone: `lookup ID` no longer finds it as itself (exit 3 or 4, or another article's id).
        seen: () => {
          const r = time([bin, ...content, 'lookup', '--json', victimId], undefined, { stdout: true, timeoutMs: 120_000 });
          return r.code !== 0 || !r.stdout.includes(`"id": "${victimId}"`) && !r.stdout.includes(`"id":"${victimId}"`);
        },
      },
    ];
    result.incremental = [];
    putBack = () => {
      writeFileSync(s.file, original);
      writeFileSync(victim, victimText);
      rmSync(added, { force: true });
    };
    try {
      for (const c of cases) {
        c.change();
        const t = await refresh();
        const entry = { name: c.name, ...t, seen: t.stopped ? undefined : c.seen() };
        result.incremental.push(entry);
        say(`${result.name}: ${c.name}: ${t.stopped ? `stopped (${t.stopped})` : `${fmt(t.ms / 1000, 2)} s, ${fmt(t.rss, 0)} MB, change ${entry.seen ? 'seen' : 'NOT seen'}`}`);
        if (t.stopped) break;
      }
    } finally {
      putBack();
      putBack = () => {};
    }
    result.benchS = (Date.now() - started) / 1000;
    saveResults();
    say(`${result.name}: benched in ${fmt(result.benchS, 0)} s (generation ${fmt(result.generateS, 0)} s)`);
  }
  runMinutes = (Date.now() - runStart) / 60000;
  endLoad = loadavg();
}

// Targets that depend on the run: 300,000 in 12 languages within 0.1x of the 100,000 row.
const at100k = results.find((r) => r.spec.total === 100000 && r.rows);
for (const r of results.filter((x) => x.spec.total === 300000 && x.rows)) {
  for (const row of r.rows) {
    const ref = at100k?.rows.find((x) => x.name === row.name);
    if (!ref) continue;
    row.target = ref.ratio + 0.1;
    row.ok = row.ratio <= row.target;
  }
}

// ---- The plot: first compile and minimal compile, time and peak RSS, against articles (log x) ----
const measured = results.filter((r) => r.first && !r.first.stopped && r.first.code === 0);
writePlot(measured);

const s1 = (ms) => `${fmt(ms / 1000, ms < 10000 ? 2 : 1)} s`;
const compileRows = results.map((r) => {
  if (r.notRun) return `| ${r.name} | not run (${r.notRun}) | | | | | | | |`;
  const f = r.first;
  const m = r.minimal;
  if (m.stopped) return `| ${r.name} | ${s1(f.ms)} | ${s1(f.cpu)} | ${fmt(f.rss, 0)} MB | stopped: ${m.stopped} | | | | |`;
  const vsMin = f.ms / m.ms;
  const secTarget = ISSUE.firstSeconds[r.spec.total];
  const targets = [`<= ${ISSUE.firstVsMinimal}x minimal ${mark(vsMin <= ISSUE.firstVsMinimal)}`];
  if (secTarget) targets.push(`<= ${secTarget} s ${mark(f.ms / 1000 <= secTarget)}`);
  const cacheRatio = r.cacheBytes / r.sourceBytes;
  return `| ${r.name} | ${s1(f.ms)} | ${s1(f.cpu)} | ${fmt(f.rss, 0)} MB ${mark(f.rss <= ISSUE.rss)} | ${s1(m.ms)}, CPU ${s1(m.cpu)}, ${fmt(m.rss, 0)} MB | ${fmt(vsMin, 1)}x (CPU ${fmt(f.cpu / m.cpu, 1)}x) | ${targets.join('; ')} | ${fmt(r.cacheBytes / 2 ** 20, 0)} / ${fmt(r.sourceBytes / 2 ** 20, 0)} MB = ${fmt(cacheRatio, 2)}x ${mark(cacheRatio <= ISSUE.cache)} | ${r.benchS === undefined ? 'stopped before the end' : `${fmt(r.benchS, 0)} s`} (+${fmt(r.generateS, 0)} s generating) |`;
});
const incRows = results
  .filter((r) => r.incremental)
  .map((r) => {
    const target = ISSUE.incremental(r.spec.total);
    const cells = ['body edited', 'title changed', 'file added', 'file deleted'].map((name) => {
      const c = r.incremental.find((x) => x.name === name);
      if (!c) return 'not run';
      if (c.stopped) return `stopped: ${c.stopped}`;
      const ok = target === undefined ? undefined : c.ms / 1000 <= target;
      return `${s1(c.ms)} (${fmt((100 * c.ms) / r.first.ms, 0)}%), ${fmt(c.rss, 0)} MB${c.seen ? '' : ', **change not seen**'} ${mark(ok)}`;
    });
    return `| ${r.name} | ${target === undefined ? 'none stated' : `<= ${target} s`} | ${cells.join(' | ')} |`;
  });
const floors = [...new Set(rows.map((r) => `${fmt(r.floor)} ms (CPU ${fmt(r.floorCpu)} ms)`))];
const notRun = results.filter((r) => r.notRun);
const lines = [
  '# Benchmarks',
  '',
  `Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} at commit ${commit}: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version};`,
  `sizes ${specs.map(sizeName).join(', ')}; load average ${endLoad.map((l) => l.toFixed(1)).join(' ')} at the end; the whole run took ${fmt(runMinutes, 0)} min.`,
  `Budgets: a compile is stopped after ${fmt(budgetMs / 1000, 0)} s or at ${nice(maxRssMb)} MB RSS (\`--budget\`, \`--max-rss\`), and its size reported as not run.`,
  ...(arg('note') ? ['', `**Note on this run:** ${arg('note')}`] : []),
  '',
  'Corpora: `scripts/corpus-gen.mjs`, the source\'s layout `Texts/<Language>/<id>.md` (Danish alone up to 100,000; 300,000 is 12 languages × 25,000',
  'with the same ids), articles shaped like the real investorswiki sample (median ~6 KB, ~10 links by id, ~9 headings, aliases in a third).',
  'Every command is given `--content Texts --lang da`.',
  '',
  '## Compile',
  '',
  'First compile: `keywords` with no compiled cache, the files read once before (in the page cache, as after writing or checking them out).',
  'CPU is user + system of all threads and peak RSS `process.resourceUsage().maxRSS`, both reported by the process as it exits.',
  'Minimal compile: `scripts/bench-minimal.mjs`, one thread: reads every file, front matter by regular expression, a name map and a word index, written.',
  'Cache and source: apparent sizes (`du -sb`). Targets (issue 19): first compile <= 2x the minimal one, 100,000 <= 30 s, 300,000 <= 100 s; peak RSS <= 700 MB; cache <= 1.0x the source.',
  '',
  `![First compile and minimal compile: time and peak memory against articles](${relative(dirname(outFile), svgFile)})`,
  '',
  '| articles | first compile | CPU | peak RSS (<= 700 MB) | minimal compile | first / minimal | time targets | cache / source | bench time |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |',
  ...compileRows,
  '',
  '## Incremental',
  '',
  'After the first compile and the queries, four changes one after the other, each followed by `--refresh keywords`, timed (wall; share of the first compile; peak RSS):',
  'a sentence added to a Danish article\'s body, then its title changed, then a new article (a copy under a new id and title), then an article deleted (one that others link to).',
  'Each change is checked with a `lookup` after it (**change not seen** where it was not). `--refresh` makes every size look at the files now (below 5,000 files it always does).',
  'Target (issue 19): a changed title, a new or a deleted file <= 1 s at 15,000 and <= 3 s at 100,000 (smaller folders held to the 15,000 figure, the body edit to the same).',
  '',
  '| articles | target | body edited | title changed | file added | file deleted |',
  '| ---: | --- | ---: | ---: | ---: | ---: |',
  ...incRows,
  '',
  '## Queries',
  '',
  `Cold processes, median of ${rounds} rounds, each round interleaving \`node -e 0\` with the commands (after one warm-up run each: code cache, render cache and compiled corpus filled).`,
  'Ratio = median / median of `node -e 0` in the same block, for wall time and for CPU time (user + system; steadier when the machine is loaded). `NODE_EXTRA_CA_CERTS` unset for every run.',
  'Targets (issue 19): lookup <= 1.4x, typo lookup <= 2.0x, search of one or two words <= 1.8x, list --keyword <= 1.5x, keywords <= 1.4x; the bundled lookup <= 1.35x',
  '(the bundled corpus\'s other rows: the issue "Fast again"); 300,000 in 12 languages: each row within 0.1x of its 100,000 figure in the same run.',
  '',
  '| corpus | command | median ms | ratio | CPU ratio | target | peak RSS MB |',
  '| --- | --- | ---: | ---: | ---: | --- | ---: |',
  ...tableRows(rows, true),
  ...notRun.map((r) => `| ${r.name} | not run (${r.notRun}) | | | | | |`),
  '',
  `\`node -e 0\`: ${floors.join(', ')} (one value per block).`,
  '',
];
// What other scripts measured (the DICT server, the language server, scan's memory) is kept:
// everything from the marker on, as it stood.
const MARK = '<!-- measured by other scripts: kept as it is by npm run bench -->';
let kept = MARK + '\n';
try {
  const before = readFileSync(outFile, 'utf8');
  if (before.includes(MARK)) kept = before.slice(before.indexOf(MARK));
} catch {}
writeFileSync(outFile, `${lines.join('\n')}\n${kept}`);
if (!from) saveResults();
say(`wrote ${relative(root, outFile)} and ${relative(root, svgFile)}${from ? '' : ' (raw figures: .bench/results.json; --from redraws them)'}`);

/**
 * Two panels drawn by hand: seconds (log scale) and peak MB (linear) against articles (log
 * scale), the first compile beside the minimal one; a dashed line at each target.
 */
function writePlot(list) {
  const W = 760;
  const H = 330;
  const panel = { w: 300, h: 220, top: 50 };
  const lefts = [70, 440];
  const xs = list.map((r) => r.spec.total);
  const xMin = Math.min(500, ...xs) / 1.5;
  const xMax = Math.max(300000, ...xs) * 1.5;
  const lx = (x) => ((Math.log10(x) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin))) * panel.w;
  const esc = (t) => String(t).replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif" font-size="11">`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="${W / 2}" y="18" text-anchor="middle" font-size="13" font-weight="bold">Compile against corpus size (commit ${esc(commit)}, ${esc(new Date().toISOString().slice(0, 10))})</text>`);
  const series = [
    { name: 'first compile', color: '#c0392b', time: (r) => r.first.ms / 1000, mem: (r) => r.first.rss, dash: '' },
    { name: 'minimal compile', color: '#2471a3', time: (r) => r.minimal?.ms / 1000, mem: (r) => r.minimal?.rss, dash: '' },
  ];
  const ticksX = [500, 2000, 15000, 100000, 300000].filter((x) => x >= xMin && x <= xMax);
  const drawPanel = (left, title, value, yScale, yTicks, yLabel, targets) => {
    const py = (v) => panel.top + panel.h - yScale(v) * panel.h;
    out.push(`<g>`);
    out.push(`<text x="${left + panel.w / 2}" y="${panel.top - 10}" text-anchor="middle" font-size="12">${esc(title)}</text>`);
    out.push(`<rect x="${left}" y="${panel.top}" width="${panel.w}" height="${panel.h}" fill="none" stroke="#888"/>`);
    for (const t of yTicks) {
      const y = py(t);
      out.push(`<line x1="${left}" x2="${left + panel.w}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#eee"/>`);
      out.push(`<text x="${left - 5}" y="${(y + 4).toFixed(1)}" text-anchor="end">${esc(t >= 1000 ? nice(t) : t)}</text>`);
    }
    for (const t of ticksX) {
      const x = left + lx(t);
      out.push(`<line x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${panel.top}" y2="${panel.top + panel.h}" stroke="#eee"/>`);
      out.push(`<text x="${x.toFixed(1)}" y="${panel.top + panel.h + 14}" text-anchor="middle">${t >= 1000 ? `${t / 1000}k` : t}</text>`);
    }
    out.push(`<text x="${left + panel.w / 2}" y="${panel.top + panel.h + 30}" text-anchor="middle">articles (log scale)</text>`);
    out.push(`<text transform="translate(${left - 45} ${panel.top + panel.h / 2}) rotate(-90)" text-anchor="middle">${esc(yLabel)}</text>`);
    for (const t of targets) {
      const pts = t.points.filter(([x]) => x >= xMin && x <= xMax);
      if (pts.length === 0) continue;
      const path = pts.map(([x, v], i) => `${i ? 'L' : 'M'}${(left + lx(x)).toFixed(1)},${py(v).toFixed(1)}`).join(' ');
      out.push(`<path d="${path}" fill="none" stroke="#27ae60" stroke-width="1.2" stroke-dasharray="5,4"/>`);
      for (const [x, v] of t.marks ? pts : []) out.push(`<path d="M${(left + lx(x) - 4).toFixed(1)},${(py(v) - 4).toFixed(1)} l8,8 m0,-8 l-8,8" stroke="#27ae60" stroke-width="1.5"/>`);
      // The label beside one of its points: `at` (index, from the end when negative), offset, anchor.
      const [lxp, lv] = pts.at(t.at ?? -1);
      out.push(`<text x="${(left + lx(lxp) + (t.dx ?? -2)).toFixed(1)}" y="${(py(lv) + (t.dy ?? -5)).toFixed(1)}" text-anchor="${t.anchor ?? 'end'}" fill="#27ae60">${esc(t.label)}</text>`);
    }
    for (const s of series) {
      const pts = list.map((r) => [r.spec.total, value(s, r)]).filter(([, v]) => Number.isFinite(v) && v > 0);
      if (pts.length === 0) continue;
      const path = pts.map(([x, v], i) => `${i ? 'L' : 'M'}${(left + lx(x)).toFixed(1)},${py(v).toFixed(1)}`).join(' ');
      out.push(`<path d="${path}" fill="none" stroke="${s.color}" stroke-width="2"/>`);
      for (const [x, v] of pts) out.push(`<circle cx="${(left + lx(x)).toFixed(1)}" cy="${py(v).toFixed(1)}" r="3" fill="${s.color}"><title>${esc(`${s.name}, ${nice(x)} articles: ${v >= 100 ? Math.round(v) : v.toFixed(2)}`)}</title></circle>`);
    }
    out.push(`</g>`);
  };
  // Seconds: log scale from 0.1 s to the largest figure.
  const times = list.flatMap((r) => series.map((s) => s.time(r))).filter((v) => Number.isFinite(v) && v > 0);
  const tMax = Math.max(100, ...times, ...list.map((r) => (2 * (r.minimal?.ms ?? 0)) / 1000)) * 1.3;
  const tMin = Math.min(0.1, ...times) / 1.3;
  const logScale = (lo, hi) => (v) => (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
  const tTicks = [0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000, 3000].filter((t) => t >= tMin && t <= tMax);
  const twice = list.filter((r) => r.minimal && !r.minimal.stopped).map((r) => [r.spec.total, (2 * r.minimal.ms) / 1000]);
  drawPanel(lefts[0], 'Wall time, seconds (log scale)', (s, r) => s.time(r), logScale(tMin, tMax), tTicks, 'seconds', [
    { label: 'target: 2 × minimal', points: twice, at: 0, dx: 6, dy: 14, anchor: 'start' },
    { label: '30 s, 100 s', points: [[100000, 30], [300000, 100]], marks: true, at: -1, dx: 6, dy: 40, anchor: 'end' },
  ]);
  // Peak memory: linear from 0.
  const mems = list.flatMap((r) => series.map((s) => s.mem(r))).filter((v) => Number.isFinite(v));
  const mMax = Math.max(800, ...mems) * 1.1;
  const step = mMax > 4000 ? 1000 : mMax > 2000 ? 500 : 200;
  const mTicks = [];
  for (let t = 0; t <= mMax; t += step) mTicks.push(t);
  drawPanel(lefts[1], 'Peak RSS, MB', (s, r) => s.mem(r), (v) => v / mMax, mTicks, 'MB', [{ label: 'target: 700 MB', points: [[xMin, 700], [xMax, 700]] }]);
  // Legend.
  series.forEach((s, i) => {
    const x = 200 + i * 200;
    out.push(`<line x1="${x}" x2="${x + 24}" y1="${H - 14}" y2="${H - 14}" stroke="${s.color}" stroke-width="2"/><circle cx="${x + 12}" cy="${H - 14}" r="3" fill="${s.color}"/>`);
    out.push(`<text x="${x + 30}" y="${H - 10}">${esc(s.name)}</text>`);
  });
  out.push(`<line x1="560" x2="584" y1="${H - 14}" y2="${H - 14}" stroke="#27ae60" stroke-dasharray="5,4" stroke-width="1.2"/><text x="590" y="${H - 10}">target</text>`);
  out.push('</svg>');
  mkdirSync(dirname(svgFile), { recursive: true });
  writeFileSync(svgFile, `${out.join('\n')}\n`);
}
