// search.ts firstOf: the first k of a list in a given order, without sorting it all. It must give
// exactly what a stable sort and a slice give, ties in the order given included: the candidates a
// search ranks, and so its answers, depend on it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstOf } from '../../src/search.js';

describe('firstOf', () => {
  it('is a stable sort and a slice, for any list, order and k', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.nat(1000)), { maxLength: 80 }), fc.integer({ min: -1, max: 90 }), (items, k) => {
        // Only the first field orders: equal ones must keep the order given.
        const byFirst = (a: [number, number], b: [number, number]) => b[0] - a[0];
        expect(firstOf(items, k, byFirst)).toEqual([...items].sort(byFirst).slice(0, Math.max(0, k)));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the earlier of two equal items when only one fits', () => {
    const items: Array<[string, number]> = [['a', 1], ['b', 2], ['c', 2], ['d', 0]];
    expect(firstOf(items, 2, (x, y) => y[1] - x[1])).toEqual([['b', 2], ['c', 2]]);
    expect(firstOf(items, 1, (x, y) => y[1] - x[1])).toEqual([['b', 2]]);
    expect(firstOf(items, 0, (x, y) => y[1] - x[1])).toEqual([]);
  });
});
