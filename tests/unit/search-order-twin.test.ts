// The small twin of tests/e2e/search-order.test.ts for mutation runs (npm run mutate runs the unit
// tests only): `search --json` prints search()'s own order for a slice of the evaluation queries,
// and the first hit does not depend on --limit. The corpus is the one `npm run build` compiled into
// dist/corpus/ (npm test and npm run mutate build first): compiling content/ again took seconds,
// under Stryker once for every mutant of search.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSearch } from '../../src/commands/search.js';
import { search } from '../../src/search.js';
import { CorpusReader } from '../../src/store/compiled.js';
import { DiskFiles } from '../../src/store/files.js';
import { root, testContext } from '../helpers.js';

let corpus: CorpusReader | undefined;
const bundled = () => (corpus ??= new CorpusReader(new DiskFiles(join(root, 'dist', 'corpus'))));
const queries = ['queries.tsv', 'queries-meaning.tsv']
  .flatMap((f) =>
    readFileSync(join(root, 'eval', f), 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'))
      .map((l) => l.split('\t')[1] as string),
  )
  .filter((_, i) => i % 12 === 0);

describe('one result order (a slice of the evaluation queries)', () => {
  it(`search --json keeps search()'s order for ${queries.length} evaluation queries`, () => {
    const ctx = testContext(bundled());
    const source = bundled().searchSource('da');
    for (const q of [...queries, 'omdanner']) {
      const own = search(source, q, 10).map((h) => h.doc.id);
      const printed = (JSON.parse((runSearch(ctx, [q], { json: true, limit: '10' }).output as { text: string }).text) as Array<{ id: string }>).map((h) => h.id);
      expect({ q, printed }).toEqual({ q, printed: own });
      if (own.length) expect(JSON.parse((runSearch(ctx, [q], { json: true, limit: '1' }).output as { text: string }).text)[0].id).toBe(own[0]);
    }
  });
});
