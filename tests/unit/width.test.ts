import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import shimWidth from '../../src/shims/string-width.js';
import { cut, displayWidth, fitColumns, NARROW, pad } from '../../src/width.js';

describe('displayWidth', () => {
  it.each([
    ['Strategisk alliance', 19],
    ['Æblemost på øen', 15],
    ['\u001b[1mfed\u001b[22m tekst', 9],
    ['公司', 4],
    ['e\u0301', 1],
    ['a\u00adb', 2],
    ['', 0],
  ])('%j takes %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('counts every character it treats as narrow as string-width does (so the fast path never changes a layout)', () => {
    const differ: string[] = [];
    for (let cp = 0x20; cp <= 0x2600; cp++) {
      const c = String.fromCodePoint(cp);
      if (!NARROW.test(c)) continue;
      if (stringWidth(c) !== 1) differ.push(cp.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it('the bundle stand-in answers as string-width for narrow and wide text alike', () => {
    for (const text of ['Holdingselskab', 'æøå ÆØÅ – “citat” …', '公司法', 'emoji 👍🏽 here', 'a\u0300b', '\u001b[31mred\u001b[39m']) {
      expect(shimWidth(text)).toBe(stringWidth(text));
    }
  });
});

describe('cut', () => {
  it('keeps text that fits, and cuts what does not to the width with an ellipsis', () => {
    expect(cut('Aktieselskab', 12)).toBe('Aktieselskab');
    expect(cut('Aktieselskab', 8)).toBe('Aktiese…');
    expect(displayWidth(cut('Aktieselskab', 8))).toBe(8);
  });

  it('counts wide characters as two columns', () => {
    expect(cut('公司法律', 5)).toBe('公司…');
    expect(displayWidth(cut('公司法律', 6))).toBeLessThanOrEqual(6);
  });

  it('cuts a long text in linear time', () => {
    const long = 'æ'.repeat(200_000);
    const start = performance.now();
    expect(cut(long, 150_000)).toHaveLength(150_000);
    // Measuring the growing prefix (the old way) took minutes here; one pass takes milliseconds.
    expect(performance.now() - start).toBeLessThan(5000);
  });

  it('pads to a width in columns', () => {
    expect(pad('ø', 3)).toBe('ø  ');
    expect(pad('公', 3)).toBe('公 ');
    expect(pad('lang', 2)).toBe('lang');
  });
});

describe('checksum', () => {
  it('is the same for the same bytes wherever they sit in memory', async () => {
    const { checksum } = await import('../../src/store/files.js');
    const bytes = Buffer.from('Strategisk alliance: et samarbejde mellem to virksomheder.');
    for (let offset = 0; offset < 8; offset++) {
      const shifted = Buffer.concat([Buffer.alloc(offset), bytes]).subarray(offset);
      expect(checksum(shifted)).toBe(checksum(bytes));
    }
    expect(checksum(bytes)).not.toBe(checksum(Buffer.from('Strategisk alliance: et samarbejde mellem to virksomheder!')));
  });
});

describe('fitColumns, the table rule of every listing', () => {
  it('keeps every line within the width, cuts with …, and gives the description what is left', () => {
    const lines = fitColumns([{ cells: ['aktie', 'aktieselskab'] }, { cells: ['Aktie', 'Aktieselskab'] }, { cells: ['En aktie er en ejerandel i et selskab.', 'Et selskab med aktier.'], flex: true }], 40);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(40);
    expect(lines).toEqual(["aktie         Aktie         En aktie er…", "aktieselskab  Aktieselskab  Et selskab …"]);
  });
  it('never lets one long cell take the line: a hostile 200-character name leaves the title in view', () => {
    const lines = fitColumns([{ cells: ['x'.repeat(200), 'hjaelp'], min: 40 }, { cells: ['Ondt', 'Hjælp'], flex: true }], 80);
    expect(lines[1]).toMatch(/^hjaelp +Hjælp$/);
    expect(lines[0]).toMatch(/^x+… +Ondt$/);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(80);
  });
});
