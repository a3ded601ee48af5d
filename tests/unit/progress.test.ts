import { describe, expect, it } from 'vitest';
import { progressLine, progressText } from '../../src/progress.js';

describe('progressText', () => {
  it('says how far, the rate and the time left while reading', () => {
    expect(progressText('glossary: compiling x', 'reading', 5000, 15000, 2000)).toBe('glossary: compiling x: 5,000 of 15,000 files (2,500/s, 4 s left)');
  });
  it('names the later phases', () => {
    expect(progressText('glossary: compiling x', 'indexing', 1500, 15000, 3000)).toBe('glossary: compiling x: indexing 1,500 of 15,000 articles');
  });
});

describe('progressLine', () => {
  const make = (columns = 80) => {
    let t = 0;
    const out: string[] = [];
    const line = progressLine({ write: (s: string) => out.push(s), columns }, 'glossary: compiling x', () => t, 1000);
    return { line, out, at: (ms: number) => (t = ms) };
  };

  it('shows nothing for work that ends within a second, and erases nothing', () => {
    const { line, out, at } = make();
    at(900);
    line.update('reading', 10, 10);
    line.end();
    expect(out).toEqual([]);
  });

  it('redraws one line in place after a second, at most ten times a second, and erases it at the end', () => {
    const { line, out, at } = make();
    at(1000);
    line.update('reading', 100, 1000);
    at(1050);
    line.update('reading', 150, 1000);
    at(1200);
    line.update('reading', 300, 1000);
    expect(out).toHaveLength(2);
    expect(out[0]).toBe('\rglossary: compiling x: 100 of 1,000 files (100/s, 9 s left)\u001b[K');
    line.end();
    expect(out.at(-1)).toBe('\r\u001b[K');
  });

  it('keeps the line within the terminal width', () => {
    const { line, out, at } = make(30);
    at(2000);
    line.update('reading', 1, 100000);
    expect(out[0]?.replace(/^\r|\u001b\[K$/g, '').length).toBeLessThanOrEqual(29);
  });

  it('draws nothing on a terminal too narrow to hold a line (it wrapped, and left a line behind each redraw)', () => {
    const { line, out, at } = make(12);
    at(2000);
    line.update('reading', 1, 100000);
    line.end();
    expect(out).toEqual([]);
  });
});

describe('a long folder path on a narrow terminal', () => {
  const label = 'glossary: compiling /home/someone/projects/team-glossary/content/Texts/Danish';
  it('leaves out the middle of the path, keeping its end and the count whole', () => {
    const text = progressText(label, 'indexing', 500, 12000, 2000, 70);
    expect(text.length).toBeLessThanOrEqual(70);
    expect(text.endsWith('/Texts/Danish: indexing 500 of 12,000 articles')).toBe(true);
    expect(text.startsWith('glossary: compil')).toBe(true);
    expect(text).toContain('…');
  });
  it('is the whole text where it fits, and cut at the end where even the count does not', () => {
    expect(progressText('glossary: compiling x', 'indexing', 5, 10, 0, 200)).toBe('glossary: compiling x: indexing 5 of 10 articles');
    expect(progressText(label, 'indexing', 500, 12000, 2000, 30)).toBe('glossary: compiling /home/som…');
  });
  it('on a narrow terminal the rate and time left give way before the count (review)', () => {
    const text = progressText(label, 'reading', 3500, 15001, 2000, 50);
    expect(text.length).toBeLessThanOrEqual(50);
    expect(text.endsWith(': 3,500 of 15,001 files')).toBe(true);
    expect(text).toContain('…');
  });

  it('counts wide letters as two columns', () => {
    const text = progressText('glossary: compiling /数据/数据/数据/数据/数据/数据/数据/数据/词汇表', 'writing', 0, 0, 0, 40);
    expect(text.endsWith('词汇表: writing...')).toBe(true);
  });
});

describe('indexing shows a count', () => {
  it('compileListing reports the articles indexed, up to their number', async () => {
    const { compileListing } = await import('../../src/store/compilation.js');
    const { listSources } = await import('../../src/store/source.js');
    const { fixture } = await import('../helpers.js');
    const seen: Array<[string, number, number]> = [];
    compileListing(listSources([fixture('basic')]), { onProgress: (phase, done, total) => seen.push([phase, done, total]) });
    const indexing = seen.filter(([phase]) => phase === 'indexing');
    const total = indexing[0]?.[2] as number;
    expect(total).toBeGreaterThan(1);
    expect(indexing.map(([, done]) => done)).toEqual(Array.from({ length: total + 1 }, (_, i) => i));
  });
});
