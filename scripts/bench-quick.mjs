// npm run bench:quick: under a minute, the commands of daily use on the bundled corpus and on
// 15,000 generated articles in the source's layout (`Texts/Danish/`, as `npm run bench` makes
// them), each as a median ratio to `node -e 0` beside issue 19's target. It reports; it never
// fails (a shared machine can be slow), so CI prints it after the tests.
// Options: --rounds 7, --size 15000, --languages 1.
import { join } from 'node:path';
import { arg, bin, commandSet, fmt, measure, sample, tableRows, texts, time, typo } from './bench-lib.mjs';

const started = Date.now();
const rounds = Number(arg('rounds', '7'));
const size = Number(arg('size', '15000'));
const languages = Number(arg('languages', '1'));

const rows = [];
const bundled = { id: 'strategisk-alliance', typo: 'strategisk aliance', word: 'alliance', words: 'strategisk alliance', keyword: 'business' };
rows.push(...measure('bundled', commandSet([], bundled), rounds));

const dir = texts(size, languages);
const s = sample(join(dir, 'Danish'));
s.typo = typo(s.title);
const content = ['--content', dir, '--lang', 'da'];
const first = time([bin, ...content, 'keywords']);
if (first.ms > 1000) process.stderr.write(`bench: compiled ${size} articles in ${fmt(first.ms / 1000)} s (cache was cold)\n`);
rows.push(...measure(languages === 1 ? String(size) : `${languages}x${size}`, commandSet(content, s), rounds));

const lines = [
  `bench:quick, ${rounds} interleaved rounds, medians; ratio = command / \`node -e 0\` (wall and CPU time); ${fmt((Date.now() - started) / 1000, 0)} s in all`,
  '',
  '| corpus | command | median ms | ratio | CPU ratio | target | peak RSS MB |',
  '| --- | --- | ---: | ---: | ---: | --- | ---: |',
  ...tableRows(rows, true),
  '',
  `\`node -e 0\`: ${[...new Set(rows.map((r) => r.floor))].map((v) => fmt(v)).join(', ')} ms`,
];
process.stdout.write(`${lines.join('\n')}\n`);
