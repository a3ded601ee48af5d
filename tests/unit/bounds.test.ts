// Issue 26: nesting caps (finding 8) and message cutting (finding 10), as pure functions.
import { describe, expect, it } from 'vitest';
import { capNesting, MAX_INDENT, MAX_NESTING } from '../../src/corpus/markup.js';
import { cutLong, escapeLine, MESSAGE_LINE, MESSAGE_WORD } from '../../src/render/sanitize.js';

describe('capNesting', () => {
  it('leaves ordinary Markdown as it is', () => {
    const text = '> citat\n> > svar\n\n- punkt\n  - under\n    1. et\n\n    kode\n';
    expect(capNesting(text)).toBe(text);
    const sixteen = `${'> '.repeat(MAX_NESTING)}x`;
    expect(capNesting(sixteen)).toBe(sixteen);
  });
  it('cuts quotes and lists deeper than MAX_NESTING to that depth, keeping the text', () => {
    expect(capNesting(`${'>'.repeat(1000)} x`)).toBe(`${'>'.repeat(MAX_NESTING)} x`);
    expect(capNesting(`${'> - '.repeat(100)}x`)).toBe(`${'> - '.repeat(MAX_NESTING / 2)}x`);
    expect(capNesting(`${'1. '.repeat(40)}y`)).toBe(`${'1. '.repeat(MAX_NESTING)}y`);
  });
  it('cuts indentation past MAX_INDENT columns', () => {
    expect(capNesting(`${' '.repeat(500)}- x`)).toBe(`${' '.repeat(MAX_INDENT)}- x`);
    expect(capNesting(`${' '.repeat(MAX_INDENT)}- x`)).toBe(`${' '.repeat(MAX_INDENT)}- x`);
  });
  it('does not overflow on a very long line of markers', () => {
    // Deep enough for any recursion to overflow the stack; the 3.9 MB line is in tests/e2e/pathological.test.ts
    // (a tenth of it here: under mutation testing's instrumentation the whole line took 12 s per mutant).
    expect(capNesting('>'.repeat(400_000)).length).toBe(MAX_NESTING);
  });
});

describe('cutLong', () => {
  it('keeps short messages and cuts long words with an ellipsis', () => {
    expect(cutLong('no article "fusion"')).toBe('no article "fusion"');
    const word = 'a'.repeat(MESSAGE_WORD + 1);
    const cut = cutLong(`not "${word}" here`);
    expect(cut).toContain('…');
    expect(cut.length).toBeLessThan(MESSAGE_WORD + 20);
    expect(cut.endsWith('" here')).toBe(true);
  });
  it('caps the whole line, and escapeLine escapes line separators', () => {
    expect(cutLong('a '.repeat(100_000)).length).toBeLessThanOrEqual(MESSAGE_LINE);
    expect(escapeLine('a\u2028b\u2029c\n')).toBe('a\\u2028b\\u2029c\n');
  });
});
