// Shards of postings as bytes (store/postings.ts): a query reads one key's numbers without decoding
// the rest. Every key must come back with exactly the numbers written, a key the shard lacks must
// be absent (never another key's numbers), and a shard cut or changed must be found damaged, never
// read as other numbers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allPostings, encodePostings, PostingsDamage, postingsOf } from '../../src/store/postings.js';

describe('postings as bytes', () => {
  const entries: Array<[string, number[]]> = [
    ['ab', [1, 2]],
    ['abc', [3]],
    ['b', []],
    ['=strategisk', [0, 127, 128, 16383, 16384, 2 ** 31, 2 ** 40]],
    ['æøå ñ', [10, 11]],
    ['', [5]],
  ];
  const shard = encodePostings(entries);

  it('gives every key its numbers, first, middle and last, and all keys in the order written', () => {
    for (const [key, values] of entries) expect([...(postingsOf(shard, key) ?? [])], key).toEqual(values);
    expect(allPostings(shard)).toEqual(entries);
  });

  it('does not take a key for another that begins, ends or contains it', () => {
    expect(postingsOf(shard, 'a')).toBeUndefined();
    expect(postingsOf(shard, 'bc')).toBeUndefined();
    expect(postingsOf(shard, 'abcd')).toBeUndefined();
    expect(postingsOf(shard, 'æøå')).toBeUndefined();
    expect(postingsOf(encodePostings([]), 'ab')).toBeUndefined();
  });

  it('stores small gaps in a byte each: smaller than the JSON it replaces', () => {
    const list = Array.from({ length: 1000 }, (_, i) => (i % 7) + 1);
    expect(encodePostings([['x', list]]).length).toBeLessThan(1010);
    expect(encodePostings([['x', list]]).length).toBeLessThan(JSON.stringify({ x: list }).length / 1.9);
  });

  it('refuses what it cannot store as it is', () => {
    expect(() => encodePostings([['x', [-1]]])).toThrow(/non-negative/);
    expect(() => encodePostings([['x', [1.5]]])).toThrow(/non-negative/);
  });

  it('finds a shard cut anywhere, or with bytes after it, damaged', () => {
    for (let cut = 0; cut < shard.length; cut++) {
      const short = shard.subarray(0, cut);
      expect(() => allPostings(short), `cut at ${cut}`).toThrow(PostingsDamage);
      // A key read before the cut may still be found; one after it never with other numbers.
      for (const [key, values] of entries) {
        let got: number[] | undefined;
        try {
          const typed = postingsOf(short, key);
          got = typed && [...typed];
        } catch (error) {
          expect(error).toBeInstanceOf(PostingsDamage);
          continue;
        }
        expect(got === undefined ? 'absent' : got, `${key} cut at ${cut}`).toEqual(values);
      }
    }
    const longer = Buffer.concat([shard, Buffer.from([0])]);
    expect(() => allPostings(longer)).toThrow(PostingsDamage);
    expect(() => postingsOf(longer, 'not there')).toThrow(PostingsDamage);
  });

  it('agrees with what was written for arbitrary keys and numbers', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.string({ unit: 'grapheme' }), fc.array(fc.nat({ max: 2 ** 35 }))), { selector: ([key]) => key }), fc.string({ unit: 'grapheme' }), (written, other) => {
        const bytes = encodePostings(written);
        expect(allPostings(bytes)).toEqual(written);
        for (const [key, values] of written) expect([...(postingsOf(bytes, key) ?? [])]).toEqual(values);
        if (!written.some(([key]) => key === other)) expect(postingsOf(bytes, other)).toBeUndefined();
      }),
    );
  });
});
