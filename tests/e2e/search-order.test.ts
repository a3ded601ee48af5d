// One result order: what `search --json` prints is search()'s own order, for every query of the
// evaluation over the bundled corpus, and the first hit does not depend on --limit. Whole-corpus and
// slow under Stryker's instrumentation, so it runs with the end-to-end tests; tests/unit/search-order-twin.test.ts
// is its small twin for mutation runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSearch } from '../../src/commands/search.js';
import { search } from '../../src/search.js';
import { lazyFixture, root, testContext } from '../helpers.js';

const bundled = lazyFixture(join(root, 'content'));
const queries = ['queries.tsv', 'queries-meaning.tsv'].flatMap((f) =>
  readFileSync(join(root, 'eval', f), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t')[1] as string),
);

describe('one result order', () => {
  it(`search --json keeps search()'s order for all ${queries.length} evaluation queries`, () => {
    const ctx = testContext(bundled());
    const source = bundled().searchSource('da');
    const differ: string[] = [];
    for (const q of [...queries, 'omdanner']) {
      const own = search(source, q, 10).map((h) => h.doc.id);
      let printed: string[] = [];
      try {
        printed = (JSON.parse((runSearch(ctx, [q], { json: true, limit: '10' }).output as { text: string }).text) as Array<{ id: string }>).map((h) => h.id);
      } catch {
        printed = [];
      }
      if (JSON.stringify(own) !== JSON.stringify(printed)) differ.push(q);
    }
    expect(differ).toEqual([]);
  });

  it('gives the same first hit with --limit 1 and --limit 10', () => {
    const ctx = testContext(bundled());
    const first = (q: string, limit: string) => (JSON.parse((runSearch(ctx, [q], { json: true, limit }).output as { text: string }).text) as Array<{ id: string }>)[0]?.id;
    for (const q of ['omdanner', ...queries.slice(0, 60)]) {
      let one: string | undefined;
      let ten: string | undefined;
      try {
        one = first(q, '1');
        ten = first(q, '10');
      } catch {
        continue;
      }
      expect({ q, one }).toEqual({ q, one: ten });
    }
  });
});
