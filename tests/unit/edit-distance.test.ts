// search.ts editDistance reuses three typed rows across calls (it runs thousands of times a
// search). Against a plain table, for words of any length: longer than the rows it starts with
// (31 letters), one after the other, so that what one call leaves in the rows cannot leak.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/search.js';

/** Optimal string alignment distance (adjacent swaps count one), the whole table. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      row[j] = Math.min(up[j] as number + 1, row[j - 1] as number + 1, up[j - 1] as number + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, (d[i - 2] as number[])[j - 2] as number + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

describe('editDistance', () => {
  // First in the file, while the rows are as the module made them (32 places): a word of exactly
  // 32 letters needs 33.
  it('grows its rows for a word one longer than they hold', () => {
    expect(editDistance('a'.repeat(32), `${'a'.repeat(31)}b`, 2)).toBe(1);
  });

  it('is the distance up to max, and over max past it, for words of up to 60 letters in any order of calls', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'æ'), maxLength: 60 });
    fc.assert(
      fc.property(fc.array(fc.tuple(word, word, fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 6 }), (calls) => {
        for (const [a, b, max] of calls) expect(Math.min(editDistance(a, b, max), max + 1)).toBe(Math.min(reference(a, b), max + 1));
      }),
      { numRuns: 400 },
    );
  });

  it('measures long compounds exactly', () => {
    const long = 'virksomhedsoverdragelsesbeskatningsreglerne';
    expect(editDistance(long, long, 2)).toBe(0);
    expect(editDistance(long, long.replace('overdragelses', 'overdragelse'), 2)).toBe(1);
    expect(editDistance(long, long.replace('beskatnings', 'bekstanings'), 2)).toBe(2);
    expect(editDistance('kort', long, 2)).toBe(3);
  });
});
