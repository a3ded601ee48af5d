// Items files in parts (src/store/compiled.ts): whatever the part size, every item reads back as
// written, one at a time or all at once; a patch writes the index and the parts its replaced items
// are in, no other part, and the generation it makes (those parts, the rest shared) reads back
// with the replaced items new and every other item as it was.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorpusReader, CorpusWriter, FORMAT, partFile, writePatchedItems } from '../../src/store/compiled.js';
import { MemoryFiles } from '../../src/store/files.js';

function corpus(items: string[], per: number): MemoryFiles {
  const files = new MemoryFiles('test');
  const w = new CorpusWriter(files);
  w.items('xx/terms', items.map((t) => Buffer.from(t, 'utf8')), per);
  w.manifest({ format: FORMAT, langs: [{ lang: 'xx', count: items.length, part: per, nameShards: 0, gramShards: 0, textShards: 0, avgBodyLength: 0, keywords: [] }], files: items.length, skipped: 0 });
  return files;
}

const all = (reader: CorpusReader) => reader.allItems('xx', 'terms').map((b) => b.toString('utf8'));
const each = (reader: CorpusReader, count: number) => Array.from({ length: count }, (_, n) => reader.bodyTerms('xx', n));

describe('items in parts', () => {
  it('names its files by part: the first as before, then .1, .2', () => {
    const files = corpus(['a', 'bb', 'ccc', 'dddd', 'e'], 2);
    expect([...files.files.keys()].filter((f) => f.startsWith('xx/terms')).sort()).toEqual(['xx/terms.1.dat', 'xx/terms.2.dat', 'xx/terms.dat', 'xx/terms.idx']);
    expect(files.read('xx/terms.1.dat').toString()).toBe('cccdddd');
    expect(partFile('xx/terms', 0)).toBe('xx/terms.dat');
  });

  it('reads back every item, one by one and all at once, and a patch changes only its items and parts', () => {
    const text = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 60, size: 'max' }), fc.integer({ min: 1, max: 9 }), fc.array(fc.tuple(fc.nat(), text), { maxLength: 6, size: 'max' }), (items, per, edits) => {
        const files = corpus(items, per);
        const reader = new CorpusReader(files);
        expect(all(reader)).toEqual(items);
        expect(each(reader, items.length)).toEqual(items);
        if (items.length === 0) return;
        const replaced = new Map(edits.map(([n, t]) => [n % items.length, Buffer.from(t, 'utf8')]));
        const next = new MemoryFiles('next');
        writePatchedItems(reader, next, 'xx', 'terms', items.length, replaced);
        const parts = new Set([...replaced.keys()].map((n) => Math.floor(n / per)));
        expect([...next.files.keys()].sort()).toEqual(['xx/terms.idx', ...[...parts].map((k) => partFile('xx/terms', k))].sort());
        // The generation: what the patch wrote, the rest linked from the one before.
        for (const [name, data] of files.files) if (!next.files.has(name)) next.files.set(name, data);
        const expected = items.map((t, n) => replaced.get(n)?.toString('utf8') ?? t);
        const patched = new CorpusReader(next);
        expect(all(patched)).toEqual(expected);
        expect(each(patched, items.length)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('reads many items at once, across parts, as one at a time', () => {
    const items = Array.from({ length: 40 }, (_, i) => `term${i}`.repeat(i % 3));
    const reader = new CorpusReader(corpus(items, 7));
    expect(all(reader)).toEqual(items);
    // More than a few, fewer than a quarter: read item by item, from the parts they are in.
    const some = [3, 9, 15, 16, 22, 23, 29, 30, 35, 36, 37, 38, 39, 0, 1, 2, 8];
    expect(some.map((n) => reader.bodyTerms('xx', n))).toEqual(some.map((n) => items[n]));
    expect(() => reader.bodyTerms('xx', 40)).toThrow(/no item 40/);
    expect(() => reader.bodyTerms('xx', -1)).toThrow(/no item -1/);
    expect(() => reader.bodyTerms('xx', 1.5)).toThrow(/no item 1.5/);
  });

  it('refuses an item whose bytes changed in place, and an index cut short', () => {
    const files = corpus(['alfa', 'beta', 'gamma', 'delta', 'epsilon'], 2);
    const part = Buffer.from(files.read('xx/terms.2.dat'));
    part[0] = 'E'.charCodeAt(0);
    files.files.set('xx/terms.2.dat', part);
    expect(() => new CorpusReader(files).bodyTerms('xx', 4)).toThrow(/does not check out/);
    const cut = corpus(['alfa', 'beta', 'gamma', 'delta', 'epsilon'], 2);
    cut.files.set('xx/terms.idx', cut.read('xx/terms.idx').subarray(0, 30));
    const reader = new CorpusReader(cut);
    expect(reader.bodyTerms('xx', 0)).toBe('alfa');
    expect(() => reader.bodyTerms('xx', 4)).toThrow(/cut short/);
    expect(() => writePatchedItems(reader, new MemoryFiles('next'), 'xx', 'terms', 5, new Map([[0, Buffer.from('a')]]))).toThrow(/does not check out/);
    // Cut inside the last item's entry, after its part's start: the entry itself is short.
    cut.files.set('xx/terms.idx', corpus(['alfa', 'beta', 'gamma', 'delta', 'epsilon'], 2).read('xx/terms.idx').subarray(0, 40));
    expect(() => new CorpusReader(cut).bodyTerms('xx', 4)).toThrow(/cut short/);
    // An index whose offsets go back: refused, by reader and patch alike.
    const back = corpus(['alfa', 'beta', 'gamma', 'delta', 'epsilon'], 2);
    const idx = Buffer.from(back.read('xx/terms.idx'));
    idx.writeUInt32LE(0, 4 * 8);
    back.files.set('xx/terms.idx', idx);
    const damaged = new CorpusReader(back);
    expect(() => damaged.bodyTerms('xx', 3)).toThrow(/xx\/terms/);
    expect(() => writePatchedItems(damaged, new MemoryFiles('next'), 'xx', 'terms', 5, new Map([[4, Buffer.from('e')]]))).toThrow(/does not check out/);
  });

  it('refuses a part cut short, and an index that does not match the data', () => {
    const files = corpus(['alfa', 'beta', 'gamma', 'delta', 'epsilon'], 2);
    files.files.set('xx/terms.1.dat', Buffer.from('gammadelt'));
    const reader = new CorpusReader(files);
    expect(reader.bodyTerms('xx', 0)).toBe('alfa');
    expect(reader.bodyTerms('xx', 4)).toBe('epsilon');
    expect(() => reader.bodyTerms('xx', 3)).toThrow(/does not check out/);
    expect(() => writePatchedItems(reader, new MemoryFiles('next'), 'xx', 'terms', 5, new Map([[2, Buffer.from('g')]]))).toThrow(/does not check out/);
    // Another part is not read by the patch: its damage stays for the reader to find.
    const next = new MemoryFiles('next');
    writePatchedItems(reader, next, 'xx', 'terms', 5, new Map([[4, Buffer.from('e')]]));
    expect([...next.files.keys()].sort()).toEqual(['xx/terms.2.dat', 'xx/terms.idx']);
  });
});
