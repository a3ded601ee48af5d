// The floor a compile is measured against (issue 19): the least a compile of a content folder
// must do, in one thread. It reads every .md file under DIR (one language per top folder, or DIR
// itself as one), takes title, keywords and aliases from the front matter with a regular
// expression, builds a name map (folded title, id and aliases -> article, per language) and a word
// index (each word of title, description and body -> the articles holding it), and writes both
// under OUT. Postings are flushed in runs of BATCH articles (varint-coded doc-number deltas), so
// memory stays flat; the runs are not merged (a real compile would merge them: this is a floor).
// Usage: node scripts/bench-minimal.mjs DIR OUT
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const BATCH = 10_000;

const fold = (s) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();

/** Every .md file under `dir`, at any depth, in name order. */
function files(dir, out = []) {
  for (const d of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (d.name.startsWith('.')) continue;
    const path = join(dir, d.name);
    if (d.isDirectory()) files(path, out);
    else if (d.name.endsWith('.md')) out.push(path);
  }
  return out;
}

function varint(out, n) {
  while (n > 127) {
    out.push((n & 127) | 128);
    n >>>= 7;
  }
  out.push(n);
}

export function minimalCompile(dir, outDir) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const top = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith('.'));
  const hasOwn = readdirSync(dir).some((f) => f.endsWith('.md'));
  const groups = hasOwn || top.length === 0 ? [['', dir]] : top.map((d) => [d.name, join(dir, d.name)]);
  const names = {};
  let doc = 0;
  let run = 0;
  let postings = new Map();
  const flush = () => {
    const bytes = [];
    for (const word of [...postings.keys()].sort()) {
      const docs = postings.get(word);
      const w = Buffer.from(word);
      varint(bytes, w.length);
      for (const b of w) bytes.push(b);
      varint(bytes, docs.length);
      let last = 0;
      for (const d of docs) {
        varint(bytes, d - last);
        last = d;
      }
    }
    writeFileSync(join(outDir, `postings-${run++}.bin`), Buffer.from(bytes));
    postings = new Map();
  };
  for (const [lang, folder] of groups) {
    const map = (names[lang] = {});
    for (const path of files(folder)) {
      const text = readFileSync(path, 'utf8');
      const id = path.slice(folder.length + 1, -3);
      const fm = /^---\n([\s\S]*?)\n---\n/.exec(text);
      const head = fm ? fm[1] : '';
      const title = /^title: *(.*)$/m.exec(head)?.[1] ?? id;
      const description = /^description: *(.*)$/m.exec(head)?.[1] ?? '';
      const aliases = [...(/^aliases:\n((?: +- .*\n?)*)/m.exec(head)?.[1] ?? '').matchAll(/- (.*)/g)].map((m) => m[1]);
      for (const name of [title, id, ...aliases]) (map[fold(name)] ??= []).push(doc);
      const body = fm ? text.slice(fm[0].length) : text;
      const seen = new Set();
      for (const m of `${title} ${description} ${body}`.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
        const w = m[0];
        if (seen.has(w)) continue;
        seen.add(w);
        let list = postings.get(w);
        if (!list) postings.set(w, (list = []));
        list.push(doc);
      }
      doc++;
      if (doc % BATCH === 0) flush();
    }
  }
  if (postings.size) flush();
  writeFileSync(join(outDir, 'names.json'), JSON.stringify(names));
  return doc;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, out] = process.argv.slice(2);
  minimalCompile(dir, out);
}
