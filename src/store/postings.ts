// Shards of postings (the candidate index, the full text) as bytes, not JSON: a query reads a few
// keys of a shard, and a common term lists up to a fifth of the articles. As JSON every such list
// was a string decoded, searched and parsed into an array (at 100,000 articles a typo lookup spent
// ~30 ms there); as bytes the key is found by its length and bytes and the numbers read directly.
//
// One shard: its key count, then for each key (in the order given) the byte length of the key, the
// key (UTF-8), the byte length of its numbers, and the numbers. Every count, length and number is
// an unsigned LEB128 varint: postings are stored as gaps (see compiled.ts), mostly one or two bytes.
// A shard that does not read to its end exactly, or whose lengths point past it, is damage.

/** The bytes of one shard: key -> the numbers as stored (non-negative integers). */
export function encodePostings(entries: Iterable<[string, number[]]>): Buffer {
  const body = new Bytes();
  const numbers = new Bytes();
  let keys = 0;
  for (const [key, values] of entries) {
    keys++;
    const bytes = Buffer.from(key, 'utf8');
    body.varint(bytes.length);
    body.bytes(bytes);
    numbers.length = 0;
    for (const v of values) numbers.varint(v);
    body.varint(numbers.length);
    body.bytes(numbers.view());
  }
  const head = new Bytes();
  head.varint(keys);
  return Buffer.concat([head.view(), body.view()]);
}

/** A growing byte buffer. */
class Bytes {
  buf = new Uint8Array(256);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  varint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`postings hold non-negative integers, not ${value}`);
    this.room(8);
    let v = value;
    while (v >= 0x80) {
      this.buf[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.length++] = v;
  }

  bytes(data: Uint8Array): void {
    this.room(data.length);
    this.buf.set(data, this.length);
    this.length += data.length;
  }

  view(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

/** A shard that does not read as encodePostings writes: the reader reports the file as damaged. */
export class PostingsDamage extends Error {}

/** Reads varints from one shard, checking every step against its end. */
class Cursor {
  at = 0;
  constructor(readonly buf: Uint8Array) {}

  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (this.at >= this.buf.length || scale > 2 ** 49) throw new PostingsDamage('cut short');
      const b = this.buf[this.at++] as number;
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 0x80;
    }
  }

  /** Skips `length` bytes, which must be there; returns where they began. */
  skip(length: number): number {
    const from = this.at;
    if (length > this.buf.length - from) throw new PostingsDamage('cut short');
    this.at += length;
    return from;
  }

  numbers(length: number): number[] {
    return Array.from(this.typed(length));
  }

  /** The numbers in the next `length` bytes: at most one a byte, so an array that long holds them. */
  typed(length: number): Float64Array {
    const end = this.skip(length) + length;
    this.at -= length;
    const values = new Float64Array(length);
    let k = 0;
    while (this.at < end) values[k++] = this.varint();
    if (this.at !== end) throw new PostingsDamage('a number runs over its list');
    return values.subarray(0, k);
  }
}

/**
 * The numbers of `key` in a shard as stored; undefined when the shard has no such key. A typed
 * array: a common term's list is tens of thousands long, and as an array of numbers it was garbage
 * the collector had to trace.
 */
export function postingsOf(shard: Uint8Array, key: string): Float64Array | undefined {
  const wanted = Buffer.from(key, 'utf8');
  const c = new Cursor(shard);
  const keys = c.varint();
  for (let k = 0; k < keys; k++) {
    const keyLength = c.varint();
    const keyAt = c.skip(keyLength);
    const length = c.varint();
    if (keyLength === wanted.length && sameBytes(shard, keyAt, wanted)) return c.typed(length);
    c.skip(length);
  }
  if (c.at !== shard.length) throw new PostingsDamage('bytes after the last key');
  return undefined;
}

/** Every key of a shard with its numbers as stored, in the order written. */
export function allPostings(shard: Uint8Array): Array<[string, number[]]> {
  const c = new Cursor(shard);
  const keys = c.varint();
  const out: Array<[string, number[]]> = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let k = 0; k < keys; k++) {
    const keyLength = c.varint();
    const keyAt = c.skip(keyLength);
    let key: string;
    try {
      key = decoder.decode(shard.subarray(keyAt, keyAt + keyLength));
    } catch {
      throw new PostingsDamage('a key is not UTF-8');
    }
    out.push([key, c.numbers(c.varint())]);
  }
  if (c.at !== shard.length) throw new PostingsDamage('bytes after the last key');
  return out;
}

function sameBytes(buf: Uint8Array, at: number, wanted: Uint8Array): boolean {
  for (let i = 0; i < wanted.length; i++) if (buf[at + i] !== wanted[i]) return false;
  return true;
}
