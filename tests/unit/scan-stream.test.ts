// scan in parts: a long line is handed on in parts (edge/input.ts), and runScan scans each part
// up to a tail it repeats in the next, so what it finds is what a scan of the whole line finds.
import { describe, expect, it } from 'vitest';
import { runScan, TAIL, type ScanInput, type TextPart } from '../../src/commands/scan.js';
import { lazyFixture, testContext } from '../helpers.js';

const basic = lazyFixture('basic');

/** A text's lines, each cut into parts of `size` characters (never inside a surrogate pair). */
function input(text: string, size: number): ScanInput {
  const parts: TextPart[] = [];
  text.split('\n').forEach((line, i) => {
    const chars = [...line];
    if (chars.length === 0) parts.push({ text: '', line: i + 1, last: true });
    for (let at = 0; at < chars.length; at += size) parts.push({ text: chars.slice(at, at + size).join(''), line: i + 1, last: at + size >= chars.length });
  });
  return {
    name: '-',
    parts: (async function* () {
      yield* parts;
    })(),
  };
}

async function scan(text: string, size: number, options: Record<string, boolean> = {}) {
  let out = '';
  const result = await runScan(testContext(basic()), [input(text, size)], options, (t) => {
    out += t;
  });
  return { out, result };
}

const WORDS = ['strategisk', 'alliance', 'strategisk alliance', 'joint venture', 'joint', 'venture', 'og', 'en', 'konsortium', 'æblet', 'ørred', '😀', 'licensaftale', 'Organisk', 'vækst', 'er', 'godt,', 'nu.'];

/** A pseudo-random text of `n` words from WORDS (deterministic). */
function text(n: number, seed: number): string {
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(WORDS[(x >> 16) % WORDS.length] as string);
  }
  return out.join(' ');
}

describe('scan of a long line in parts', () => {
  it.each([[300], [700], [1500], [5000]])('finds every occurrence a whole-line scan finds, at the same columns (parts of %i characters)', async (size) => {
    for (const seed of [1, 2, 3]) {
      const line = text(3000, seed);
      const whole = JSON.parse((await scan(line, 1e9, { json: true })).out) as unknown[];
      const parts = JSON.parse((await scan(line, size, { json: true })).out) as unknown[];
      expect(whole.length).toBeGreaterThan(100);
      expect(parts).toEqual(whole);
    }
  });

  it('a multi-word term across the cut between two parts is found once', async () => {
    const line = 'x '.repeat(TAIL * 2) + 'strategisk alliance ' + 'y '.repeat(TAIL);
    const at = line.indexOf('alliance');
    for (const size of [at - 3, at, at + 3, at - 11]) {
      const found = JSON.parse((await scan(line, size, { json: true })).out) as Array<{ id: string; column: number; text: string }>;
      expect(found.map((o) => [o.id, o.column, o.text])).toEqual([['strategicalliance', line.indexOf('strategisk') + 1, 'strategisk alliance']]);
    }
  });

  it('--annotate writes the text once, whole, with the same marks as a whole-line scan', async () => {
    const line = text(2000, 7);
    const whole = (await scan(line, 1e9, { annotate: true })).out;
    const parts = (await scan(line, 900, { annotate: true })).out;
    expect(parts).toBe(whole);
    expect(whole.replace(/\[\d+\]/g, '')).toBe(line + '\n');
  });

  it('--annotate --json is one JSON document: the annotated text and the terms with counts', async () => {
    const { out } = await scan('Vi indgik en strategisk alliance.\nSå kom et joint venture og en strategisk alliance til.', 1e9, { annotate: true, json: true });
    const doc = JSON.parse(out) as { text: string; terms: Array<{ ref: number; id: string; count: number }> };
    expect(doc.text).toBe('Vi indgik en strategisk alliance[1].\nSå kom et joint venture[2] og en strategisk alliance til.\n');
    expect(doc.terms.map((t) => [t.ref, t.id, t.count])).toEqual([[1, 'strategicalliance', 2], [2, 'jointventure', 1]]);
  });

  it('--json streams one element per occurrence; the first of each term carries its description', async () => {
    const { out } = await scan('joint venture, joint venture', 1e9, { json: true });
    const list = JSON.parse(out) as Array<Record<string, unknown>>;
    expect(list.map((o) => [o['id'], o['column'], o['first'] ?? false])).toEqual([['jointventure', 1, true], ['jointventure', 16, false]]);
    expect(list[0]?.['description']).toMatch(/\S/);
    expect(list[1]).not.toHaveProperty('description');
    expect(JSON.parse((await scan('intet her', 1e9, { json: true })).out)).toEqual([]);
  });
});

describe('scan in parts over the bundled glossary', () => {
  const bundled = lazyFixture('../../content');
  it('a longer term that runs into the repeated tail is not found again by its last word in the next part', async () => {
    const line = 'ord '.repeat(TAIL) + 'god selskabsledelse ' + 'ord '.repeat(TAIL);
    const wholeOut: string[] = [];
    await runScan(testContext(bundled()), [input(line, 1e9)], { json: true }, (t) => wholeOut.push(t));
    const whole = JSON.parse(wholeOut.join('')) as Array<{ name: string; column: number }>;
    expect(whole.map((o) => o.name)).toEqual(['god-selskabsledelse']);
    // Every cut from well before the term to well after it.
    for (let size = TAIL * 5 - 40; size < TAIL * 5 + 40; size += 3) {
      const out: string[] = [];
      await runScan(testContext(bundled()), [input(line, size)], { json: true }, (t) => out.push(t));
      expect(JSON.parse(out.join(''))).toEqual(whole);
    }
  });
});
