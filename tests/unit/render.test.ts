import { describe, expect, it } from 'vitest';
import { fitTable, renderArticle, texToText } from '../../src/render/article.js';
import { displayWidth as visibleLength } from '../../src/width.js';
import { ESC, lazyFixture } from '../helpers.js';

const corpus = lazyFixture('basic');
const record = (name: string) => {
  const [[n]] = corpus().names('da', name) as [[number, number]];
  return corpus().record('da', n);
};
const plain = (name: string, width = 80) => renderArticle(record(name), { width, color: false });
const styled = (name: string, width = 80) => renderArticle(record(name), { width, color: true });

describe('renderArticle', () => {
  it('shows a header with title, description and keywords, and no repeated title heading', () => {
    const text = plain('=strategicalliance');
    const lines = text.split('\n');
    expect(lines[0]).toBe('Strategisk alliance');
    expect(text).toContain('En strategisk alliance er en aftale mellem to virksomheder');
    expect(text).toContain('Keywords: Business, Types of Corporations');
    expect(text.match(/^Strategisk alliance$/gm)).toHaveLength(1);
  });

  it('prints headings without # marks, also `##Heading` without a space', () => {
    expect(plain('=strategicalliance')).toMatch(/^Hvad er en strategisk alliance\?$/m);
    expect(plain('=jointventure')).toMatch(/^Hvad er et joint venture\?$/m);
    expect(plain('=jointventure')).not.toMatch(/#/);
    expect(plain('=strategicalliance')).not.toMatch(/^\s*#/m);
  });

  it('collapses the runs of blank lines left by empty quote lines', () => {
    expect(plain('=strategicalliance')).not.toMatch(/\n\s*\n\s*\n/);
    expect(plain('=organicgrowth')).not.toMatch(/\n\s*\n\s*\n/);
    expect(plain('=organicgrowth')).not.toMatch(/^\s*>\s*$/m);
  });

  it('numbers internal links, lists them under See also with the name to look up, never shows /id', () => {
    const text = plain('=strategicalliance');
    expect(text).toContain('joint venture[1], hvor');
    expect(text).toContain('organisk vækst[2]');
    expect(text).not.toContain('(/');
    expect(text).toMatch(/See also\n {2}\[1\] Joint venture +glossary lookup joint-venture\n {2}\[2\] Organisk vækst +glossary lookup organisk-vaekst/);
  });

  it('cleans `,.` after a link', () => {
    expect(plain('=jointventure')).toContain('strategisk alliance[1], men');
  });

  it('shows a link to a missing article as plain text, not in See also', () => {
    const text = plain('=jointventure');
    expect(text).toContain('og kapitalfonde.');
    expect(text).not.toMatch(/kapitalfonde\[/);
    expect(text.split('See also')[1]).not.toContain('kapitalfonde');
  });

  it('keeps the address of external links', () => {
    expect(plain('=jointventure').replace(/\s+/g, ' ')).toContain('Erhvervsstyrelsen <https://erhvervsstyrelsen.dk/selskabsformer>');
  });

  it('renders bold and italic inside list items (marked-terminal#304/#371), never literal **', () => {
    const text = styled('=jointventure');
    expect(text).not.toContain('**');
    expect(text).toContain('\u001b[1mkontrol\u001b[22m');
    expect(text).toContain('\u001b[3mrisiko\u001b[23m');
    expect(plain('=jointventure')).toContain('Parterne deler kontrol og risiko.');
  });

  it.each([30, 50, 80])('wraps paragraphs, list items and quotes to %i columns with hanging indents', (width) => {
    const text = plain('=strategicalliance', width);
    for (const line of text.split('\n')) expect(visibleLength(line)).toBeLessThanOrEqual(width);
    const styledText = styled('=strategicalliance', width);
    for (const line of styledText.split('\n')) expect(visibleLength(line)).toBeLessThanOrEqual(width);
    // A list item continues under its text, not under its bullet.
    expect(text).toMatch(/^ {2}\* En strategisk .*\n {4}\S/m);
  });

  it('writes no escape sequence when colour is off, and only SGR when on', () => {
    expect(plain('=strategicalliance')).not.toMatch(ESC);
    const text = styled('=strategicalliance');
    expect(text).toMatch(ESC);
    expect(text.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(ESC);
  });

  it('adds a Linked from line for backlinks', () => {
    expect(plain('=organicgrowth').replace(/\s+/g, ' ')).toMatch(/Linked from: .*Joint venture \(joint-venture\)/);
  });
});

describe('tables', () => {
  const header = ['Selskabsform', 'Mindste kapital', 'Hæftelse', 'Ledelse'];
  const rows = [
    ['Aktieselskab', '400.000 kr.', 'Begrænset til indskuddet', 'Bestyrelse og direktion, eller tilsynsråd og direktion'],
    ['Anpartsselskab', '40.000 kr.', 'Begrænset til indskuddet', 'Direktion, eventuelt bestyrelse'],
  ];
  it.each([100, 60])('fit %i columns without cutting a word', (width) => {
    const text = fitTable(header, rows, width);
    for (const line of text.split('\n')) expect(visibleLength(line)).toBeLessThanOrEqual(width);
    expect(text).not.toContain('…');
    expect(text).toContain('Anpartsselskab');
    expect(text).toMatch(/^┌/);
  });

  it('become Header: value lines where the columns cannot fit side by side', () => {
    const text = fitTable(header, rows, 30);
    expect(text).toContain('Selskabsform: Aktieselskab\nMindste kapital: 400.000 kr.');
    expect(text).not.toContain('┌');
  });
});

describe('formulas exported as KaTeX HTML (the real corpus)', () => {
  const math = lazyFixture('math');
  let rendered: string | undefined;
  const mathText = () => (rendered ??= renderArticle(math().record('da', 0), { width: 80, color: false }));

  it('show their TeX source as readable text, one row per line, and no HTML', () => {
    expect(mathText()).toMatch(/^ {2}AAGR = \(GR_A \+ … \+ GR_n\)\/\(N\)\n {2}hvor:\n {2}N=Antal perioder$/m);
    expect(mathText()).not.toContain('<span');
    expect(mathText()).not.toContain('katex');
  });

  it('say (formula) where there is no TeX to show', () => {
    expect(mathText()).toMatch(/Og i tekst:\n\n {2}\(formula\)/);
  });

  it.each([
    ['\\frac{a}{b}', '(a)/(b)'],
    ['\\text{slutværdi} \\times 2', 'slutværdi × 2'],
    ['19\\%', '19%'],
    ['\\frac{\\frac{1}{2}}{3}', '((1)/(2))/(3)'],
  ])('texToText(%j) is %j', (tex, plain) => {
    expect(texToText(tex)).toBe(plain);
  });
});
