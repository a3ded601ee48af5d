// A query reads one key's value out of a stored shard without parsing the rest of it
// (compiled.ts valueOfKey): for every key a shard can hold, the value must be the one JSON.parse
// of the whole shard gives, and a key the shard lacks must be found absent, never another key's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valueOfKey } from '../../src/store/compiled.js';

const read = (json: string, key: string) => {
  const value = valueOfKey(json, key);
  return value === undefined ? undefined : JSON.parse(value);
};

describe('valueOfKey', () => {
  const shard = { ab: [1, 2], xab: [3], 'x"ab': [4], 'q,"ab': [5], '{"ab': [6], 'a\\': [[7, 0], [8, 1]], __proto__x: [9], 'æøå ñ': [10, 11] };
  const json = JSON.stringify(shard);

  it('finds every key as JSON.parse does, first, middle and last', () => {
    for (const [key, value] of Object.entries(JSON.parse(json))) expect(read(json, key), key).toEqual(value);
  });

  it('does not take a key for another that ends or contains it', () => {
    // `"ab":` is inside `"xab":`, `"x\"ab":` and `"q,\"ab":`: only the key itself answers.
    expect(read(JSON.stringify({ xab: [3], 'x"ab': [4], 'q,"ab': [5] }), 'ab')).toBeUndefined();
    expect(read(json, 'b')).toBeUndefined();
    expect(read(json, '"ab')).toBeUndefined();
  });

  it('reads __proto__ as a key like any other', () => {
    const text = '{"a":[1],"__proto__":[2,3]}';
    expect(read(text, '__proto__')).toEqual([2, 3]);
    expect(read(text, 'constructor')).toBeUndefined();
  });

  it('throws on a value that is no array, so the reader reports the shard as damaged', () => {
    expect(() => valueOfKey('{"a":1}', 'a')).toThrow(/no array/);
    expect(() => valueOfKey('{"a":[[1,2]', 'a')).toThrow(/no array/);
  });

  it('agrees with JSON.parse for arbitrary keys and values', () => {
    const values = fc.oneof(fc.array(fc.integer()), fc.array(fc.tuple(fc.nat(), fc.nat())));
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary', maxLength: 8 }), values, { maxKeys: 12 }), fc.string({ unit: 'binary', maxLength: 8 }), (dict, other) => {
        const text = JSON.stringify(dict);
        const parsed = JSON.parse(text) as Record<string, unknown>;
        for (const key of Object.keys(parsed)) expect(read(text, key)).toEqual(parsed[key]);
        expect(read(text, other)).toEqual(Object.hasOwn(parsed, other) ? parsed[other] : undefined);
      }),
      { numRuns: 300 },
    );
  });
});
