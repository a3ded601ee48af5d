// npm run bench:quick: under a minute, the commands of daily use on the bundled corpus and on
// 15,000 synthetic articles, each as a median ratio to `node -e 0` beside its target. It reports;
// it never fails (a shared machine can be slow), so CI prints it after the tests.
import { arg, commandSet, corpus, fmt, measure, sample, tableRows, time, typo, bin } from './bench-lib.mjs';

const rounds = Number(arg('rounds', '7'));
const size = Number(arg('size', '15000'));

const rows = [];
const bundled = { id: 'strategisk-alliance', typo: 'strategisk aliance', word: 'alliance', words: 'strategisk alliance', keyword: 'business' };
rows.push(...measure('bundled', commandSet([], bundled), rounds));

const dir = corpus(size);
const s = sample(dir);
s.typo = typo(s.title);
const content = ['--content', dir];
const first = time([bin, ...content, 'keywords']);
if (first.ms > 1000) process.stderr.write(`bench: compiled ${size} articles in ${fmt(first.ms / 1000)} s (cache was cold)\n`);
rows.push(...measure(String(size), commandSet(content, s), rounds));

const lines = [
  `bench:quick, ${rounds} interleaved rounds, medians; ratio = command / \`node -e 0\` (wall and CPU time)`,
  '',
  '| corpus | command | median ms | ratio | CPU ratio | target |',
  '| --- | --- | ---: | ---: | ---: | --- |',
  ...tableRows(rows, false),
  '',
  `\`node -e 0\`: ${[...new Set(rows.map((r) => r.floor))].map((v) => fmt(v)).join(', ')} ms`,
];
process.stdout.write(`${lines.join('\n')}\n`);
