// When a compile may trust a file's stamp (src/store/source.ts settled): an edit of the same size
// within the file system's time resolution leaves the stamp as it was, so a stamp that close to
// the compile is kept as -1 and the file is read again next time.
import { describe, expect, it } from 'vitest';
import { settled } from '../../src/store/source.js';

describe('settled', () => {
  const compiled = 1_800_000_000_500.25;
  it('keeps a stamp of a fine-grained file system older than a clock tick', () => {
    expect(settled(compiled - 100.5, compiled)).toBe(compiled - 100.5);
  });
  it('does not trust a stamp within a tick of the compile, or later than it', () => {
    expect(settled(compiled - 5.5, compiled)).toBe(-1);
    expect(settled(compiled + 3000.5, compiled)).toBe(-1);
  });
  it('takes whole-second times for a file system of seconds (two on FAT)', () => {
    expect(settled(1_800_000_000_000, compiled)).toBe(-1);
    expect(settled(1_799_999_999_000, compiled)).toBe(-1);
    expect(settled(1_799_999_998_000, compiled)).toBe(1_799_999_998_000);
  });
});
