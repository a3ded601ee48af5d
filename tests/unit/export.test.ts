// The export writers, byte by byte: StarDict order and layout, CSV/TSV quoting, XML escaping.
import { describe, expect, it } from 'vitest';
import { collectArticles, clean, escapeXml } from '../../src/export/model.js';
import { headword, stardict, stardictCompare } from '../../src/export/stardict.js';
import { csv, englishAliases, pairs, tsv } from '../../src/export/csv.js';
import { tbx } from '../../src/export/tbx.js';
import { lazyFixture } from '../helpers.js';

const bilingual = lazyFixture('bilingual');
const meta = { source: 'test corpus', licence: 'Licence: CC0.' };

describe('StarDict order', () => {
  const sorted = (words: string[]) => [...words].sort((a, b) => stardictCompare(Buffer.from(a), Buffer.from(b)));
  it('folds ASCII case only, then compares bytes: Å (C3 85), Æ (C3 86), Ø (C3 98) after z, not Danish collation', () => {
    expect(sorted(['Øre', 'zebra', 'Aktie', 'aktie', 'Årets', 'Æble', 'b'])).toEqual(['Aktie', 'aktie', 'b', 'zebra', 'Årets', 'Æble', 'Øre']);
  });
  it('a prefix comes before the longer word', () => {
    expect(sorted(['abc', 'ab', 'AB'])).toEqual(['AB', 'ab', 'abc']);
  });
  it('a headword is one line without controls, at most 255 bytes', () => {
    expect(headword(' a\tb\nc\u0000 ')).toBe('a b c');
    expect(Buffer.byteLength(headword('ø'.repeat(300)))).toBeLessThanOrEqual(255);
    // Cut by whole characters, and not ending in a space (a hostile pass).
    expect(headword(`${'a'.repeat(254)} b`)).toBe('a'.repeat(254));
    const emoji = headword(`${'a'.repeat(252)}😀xyz`);
    expect(emoji).toBe('a'.repeat(252));
    expect(emoji).not.toContain('\ufffd');
  });
});

describe('StarDict files', () => {
  it('.idx entries point at each article in .dict; .syn points at the .idx position', () => {
    const articles = collectArticles(bilingual(), ['da']);
    const files = stardict(articles, meta, { plain: true, bookname: 'Test' });
    const entries: Array<[string, number, number]> = [];
    for (let at = 0; at < files.idx.length; ) {
      const end = files.idx.indexOf(0, at);
      entries.push([files.idx.toString('utf8', at, end), files.idx.readUInt32BE(end + 1), files.idx.readUInt32BE(end + 5)]);
      at = end + 9;
    }
    expect(entries.map((e) => e[0])).toEqual(['Joint venture', 'Strategisk alliance']);
    for (const [word, off, size] of entries) expect(files.dict.toString('utf8', off, off + size).startsWith(word)).toBe(true);
    expect(files.ifo).toBe(
      `StarDict's dict ifo file\nversion=2.4.2\nbookname=Test\nwordcount=2\nidxfilesize=${files.idx.length}\nauthor=test corpus\ndescription=Exported by glossary from test corpus. Licence: CC0.\nsametypesequence=m\n`,
    );
    expect(files.syn).toBeUndefined();
  });
});

describe('StarDict: one entry for each word that names articles', () => {
  const art = (id: string, title: string, aliases: string[] = []) =>
    ({ id, lang: 'da', title, aliases, description: `${title} d.`, keywords: [], links: [], markdown: `${title}tekst.`, record: { links: [] } }) as unknown as Parameters<typeof stardict>[0][number];
  const read = (files: ReturnType<typeof stardict>) => {
    const idx: Array<{ word: string; text: string }> = [];
    for (let at = 0; at < files.idx.length; ) {
      const end = files.idx.indexOf(0, at);
      const off = files.idx.readUInt32BE(end + 1);
      idx.push({ word: files.idx.toString('utf8', at, end), text: files.dict.toString('utf8', off, off + files.idx.readUInt32BE(end + 5)) });
      at = end + 9;
    }
    const syn: Array<[string, string]> = [];
    for (let at = 0; files.syn && at < files.syn.length; ) {
      const end = files.syn.indexOf(0, at);
      syn.push([files.syn.toString('utf8', at, end), (idx[files.syn.readUInt32BE(end + 1)] as { word: string }).word]);
      at = end + 5;
    }
    return { idx, syn };
  };
  const shown = (text: string) => [...text.matchAll(/(\p{L}+)tekst/gu)].map((m) => m[1]);

  it('a title that is another article\'s alias, an alias of two, and other spellings of a title', () => {
    // An alias of nothing but a control character is no word (`\u0007`).
    const { idx, syn } = read(stardict([art('alfa', 'Alfa', ['fælles']), art('beta', 'Beta', ['fælles', 'delta', 'b2', '\u0007']), art('delta', 'Delta'), art('gamma', 'Gamma', ['GAMMA', 'gam'])], meta, { bookname: 'T' }));
    expect(idx.map((e) => [e.word, shown(e.text)])).toEqual([
      ['Alfa', ['Alfa']],
      ['Beta', ['Beta']],
      // The title's own article first, then the one whose alias it is.
      ['Delta', ['Delta', 'Beta']],
      ['fælles', ['Alfa', 'Beta']],
      ['Gamma', ['Gamma']],
    ]);
    expect(syn).toEqual([['b2', 'Beta'], ['delta', 'Delta'], ['gam', 'Gamma'], ['GAMMA', 'Gamma']]);
    expect(idx[2]?.text).toMatch(/Deltatekst\.<\/p>\n<hr>\n<h1>Beta/);
  });

  it('--plain: the articles of one entry parted by a rule of dashes between blank lines', () => {
    const plain = (a: ReturnType<typeof art>) => ({ ...a, record: { ...a, n: 0, name: a.id, slug: a.id, file: `${a.id}.md`, source: a.markdown, bodyStart: 0, links: [], backlinks: [], problems: [], bodyLine: 1, keywords: [], langs: [] } }) as unknown as ReturnType<typeof art>;
    const { idx } = read(stardict([plain(art('a', 'Alfa')), plain(art('b', 'Beta', ['alfa']))], meta, { plain: true, bookname: 'T' }));
    expect(idx[0]?.text).toMatch(/^Alfa\n[\s\S]*Alfatekst\.\n\n-{40}\n\nBeta\n[\s\S]*Betatekst\.$/);
  });

  it('case as sdcv finds words, Danish letters too; an alias both articles of one title share is a synonym of their entry', () => {
    const { idx, syn } = read(stardict([art('aeble', 'Æble'), art('frugt', 'Frugt', ['æble']), art('a/dobbelt', 'Dobbelt', ['Tvilling']), art('b/dobbelt', 'Dobbelt', ['Tvilling'])], meta, { bookname: 'T' }));
    expect(idx.map((e) => [e.word, shown(e.text)])).toEqual([
      ['Dobbelt', ['Dobbelt', 'Dobbelt']],
      ['Frugt', ['Frugt']],
      ['Æble', ['Æble', 'Frugt']],
    ]);
    expect(syn).toEqual([['Tvilling', 'Dobbelt'], ['æble', 'Æble']]);
  });
});

describe('CSV and TSV', () => {
  const rows = [{ term: 'a,b', translation: 'say "x"', comment: 'plain' }];
  it('CSV quotes fields with commas and quotes, doubles quotes, ends lines with CRLF', () => {
    expect(csv(rows, 'da', 'en')).toBe('da,en,comment\r\na,b,"say ""x""",plain\r\n'.replace('a,b,', '"a,b",'));
  });
  it('TSV is term, translation, comment per line', () => {
    expect(tsv(rows)).toBe('a,b\tsay "x"\tplain\n');
  });
  it('pairs by id across languages; an article without a counterpart is listed as missing', () => {
    const found = pairs(collectArticles(bilingual(), ['da', 'en']), 'da', 'en');
    expect(found.rows).toEqual([{ term: 'Strategisk alliance', translation: 'Strategic Alliance', comment: 'En aftale mellem to virksomheder.' }]);
    expect(found.missing).toEqual(['jointventure']);
    expect(found.method).toBe('articles');
  });
  it('English aliases: those that spell the id, plural or singular', () => {
    const a = { id: 'assets', aliases: ['aktiver', 'asset', 'Assets', 'total assets'] } as Parameters<typeof englishAliases>[0];
    expect(englishAliases(a)).toEqual(['asset', 'Assets']);
  });
});

describe('XML', () => {
  it('escapes markup and drops characters XML 1.0 does not allow', () => {
    expect(escapeXml(`<a href="x">&]]>'\u0000\u0001\u001b\u0085\ud800\uffff`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;]]&gt;&apos;');
    expect(clean('a\r\nb\rc\td')).toBe('a\nb\nc\td');
    expect(clean('😀')).toBe('😀');
    expect(clean('fil\u202egpj.exe\u2066x\u2069')).toBe('filgpj.exex');
  });
  it('TBX v2 puts the source language first in each entry, v3 uses the 2019 structure', () => {
    const articles = collectArticles(bilingual(), ['en', 'da']);
    const v2 = tbx(articles, meta, { version: 2, source: 'en', title: 'T' });
    const entry = v2.slice(v2.indexOf('id="strategicalliance"'));
    expect(entry.indexOf('xml:lang="en"')).toBeLessThan(entry.indexOf('xml:lang="da"'));
    expect(v2).toContain('<martif type="TBX-Basic" xml:lang="en">');
    const v3 = tbx(articles, meta, { version: 3, source: 'da', title: 'T' });
    expect(v3).toContain('<conceptEntry id="jointventure">');
    expect(v3).toContain('<langSec xml:lang="da">');
    expect(v3).not.toContain('<tig>');
  });
  it('two articles of one language under one id (a duplicate id) are two entries, not one the translation of the other', () => {
    const [a] = collectArticles(bilingual(), ['da']);
    const da = (title: string) => ({ ...(a as NonNullable<typeof a>), id: 'share', lang: 'da', title, aliases: [] });
    const v2 = tbx([da('Aktie'), da('Aktie (gammel)'), { ...da('Share'), lang: 'en' }], meta, { version: 2, source: 'da', title: 'T' });
    const entries = [...v2.matchAll(/<termEntry id="([^"]+)">([\s\S]*?)<\/termEntry>/g)].map((m) => [m[1], [...(m[2] as string).matchAll(/<langSet xml:lang="(\w+)">[\s\S]*?<term>([^<]*)<\/term>/g)].map((t) => `${t[1]}:${t[2]}`)]);
    expect(entries).toEqual([['share', ['da:Aktie', 'en:Share']], ['share_x_2', ['da:Aktie (gammel)']]]);
  });

  it('a TBX entry keeps its id whatever other files are added: other characters by their codes', () => {
    const [a] = collectArticles(bilingual(), ['da']);
    const as = (id: string) => ({ ...(a as NonNullable<typeof a>), id });
    const ids = (list: string[]) => [...tbx(list.map(as), meta, { version: 2, source: 'da', title: 'T' }).matchAll(/<termEntry id="([^"]+)">/g)].map((m) => m[1]);
    expect(ids(['a_b'])).toEqual(['a_b']);
    expect(ids(['a b', 'a_b', '1x', 'æble/kerne'])).toEqual(['_1x', 'a_x20_b', 'a_b', 'æble_x2f_kerne']);
    // An id that looks like a code keeps its own: `a b` added does not take it (a hostile pass).
    expect(ids(['a_x20_b'])).toEqual(['a_x5f_x20_b']);
    expect(ids(['a_x20_b', 'a b'])).toEqual(['a_x20_b', 'a_x5f_x20_b']);
    // Letters and numbers XML does not take in a name (jing refused them): by their codes.
    expect(ids(['µm', 'm²', 'nº', '½'])).toEqual(['m_xb2_', 'n_xba_', '_xb5_m', '_xbd_']);
    expect(ids(['și', 'ǅ', 'kø'])).toEqual(['kø', '_x1c5_', '_x219_i']);
    // A real id share_2 keeps its id when a second share comes (it lost it to the second).
    expect(ids(['share', 'share_2'])).toEqual(['share', 'share_2']);
  });
});
