// The DICT protocol's pure parts: words of a command line, texts, strategies and a session over a
// compiled fixture. The socket and the real client are tested in tests/e2e/serve.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { cutOctets, parseWords, quote, status, textBlock, MIME_HEADER } from '../../src/dict/protocol.js';
import { basicToExtended, compilePattern, matchHeadwords, PatternError, REGEX_BUDGET_MS, typoKey, type Headword } from '../../src/dict/strategies.js';
import { corpusDictionary } from '../../src/dict/dictionary.js';
import { Session } from '../../src/dict/session.js';
import { fold } from '../../src/fold.js';
import { compileFixture, lazyFixture, writeCorpus } from '../helpers.js';
import type { CorpusReader } from '../../src/store/compiled.js';

const heads = (...words: string[]) => words.map((word) => ({ word, key: fold(word) }));
const clock = () => 0;

describe('parseWords', () => {
  it('splits on spaces and tabs, keeps quoted words whole and unescapes', () => {
    expect(parseWords('DEFINE  da\t"strategisk alliance"')).toEqual(['DEFINE', 'da', 'strategisk alliance']);
    expect(parseWords(`MATCH * prefix 'a b'`)).toEqual(['MATCH', '*', 'prefix', 'a b']);
    expect(parseWords('DEFINE da "say \\"hi\\""')).toEqual(['DEFINE', 'da', 'say "hi"']);
    expect(parseWords('DEFINE da ""')).toEqual(['DEFINE', 'da', '']);
    expect(parseWords('DEFINE da "open')).toBeUndefined();
    // Any other backslash is kept, as Debian's dict sends a pattern: a basic expression's \\( and \\{.
    expect(parseWords('MATCH * re "^\\(mo\\)ms$" a\\.b "x\\\\y"')).toEqual(['MATCH', '*', 're', '^\\(mo\\)ms$', 'a\\.b', 'x\\y']);
    expect(parseWords('   ')).toEqual([]);
  });
  it('quotes what it writes', () => {
    expect(quote('a "b" \\ c')).toBe('"a \\"b\\" \\\\ c"');
    expect(quote('line\r\nbreak')).toBe('"line  break"');
    // A " alone: in single quotes, which Debian's dict reads (it reads no escapes in answers).
    expect(quote('Aktie "A"')).toBe(`'Aktie "A"'`);
    expect(quote(`it's "A"`)).toBe(`"it's \\"A\\""`);
    // A pathological name is cut, so that a line stays one line within 1,024 octets.
    const long = quote('å'.repeat(2000));
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(400);
    expect(long).toMatch(/^"å+…"$/);
    expect(quote('kort')).toBe('"kort"');
  });
});

describe('texts', () => {
  it('ends every line with CRLF, dot-stuffs, ends with a lone dot', () => {
    expect(textBlock('one\n.two\n..\nthree\n')).toBe('one\r\n..two\r\n...\r\nthree\r\n.\r\n');
  });
  it('after OPTION MIME an empty line is sent as one space (GoldenDict drops empty lines), else as it is', () => {
    expect(textBlock('Titel\n\nFørste afsnit.\n   \nAndet.', true)).toBe('Titel\r\n \r\nFørste afsnit.\r\n \r\nAndet.\r\n.\r\n');
    expect(textBlock('Titel\n\nFørste afsnit.', false)).toBe('Titel\r\n\r\nFørste afsnit.\r\n.\r\n');
  });
  it('drops control characters and cuts lines over 1024 octets', () => {
    const out = textBlock('a\u001b[31mred\u0007 ' + 'å'.repeat(2000));
    expect(out).not.toMatch(/[\u0000-\u0009\u000b\u000c\u000e-\u001f]/);
    for (const line of out.split('\r\n')) expect(Buffer.byteLength(line) + 2).toBeLessThanOrEqual(1024);
    expect(out.replace(/\r\n/g, '')).toContain('å'.repeat(500));
    // An escape sequence goes whole, not its ESC alone.
    expect(out.startsWith('ared ')).toBe(true);
    expect(status(552, 'no \u001b[2Jmatch')).toBe('552 no match\r\n');
  });
  it('cuts by UTF-8 octets, never inside a character', () => {
    expect(cutOctets('æøå', 4)).toEqual(['æø', 'å']);
    expect(cutOctets('😀😀', 5)).toEqual(['😀', '😀']);
  });
  it('status lines are one line', () => {
    expect(status(250, 'ok\r\n551 forged')).toBe('250 ok  551 forged\r\n');
  });
});

describe('strategies', () => {
  const words = heads('Strategisk alliance', 'Joint venture', 'Årets resultat', 'Aktie', 'Aktieselskab', 'Selskabsskat');
  it('exact, prefix, substring, suffix and word fold case and accents', () => {
    expect(matchHeadwords('exact', 'aktie', words, clock)).toEqual(['Aktie']);
    expect(matchHeadwords('prefix', 'AKT', words, clock)).toEqual(['Aktie', 'Aktieselskab']);
    expect(matchHeadwords('substring', 'selskab', words, clock)).toEqual(['Aktieselskab', 'Selskabsskat']);
    expect(matchHeadwords('suffix', 'skat', words, clock)).toEqual(['Selskabsskat']);
    expect(matchHeadwords('word', 'venture', words, clock)).toEqual(['Joint venture']);
    expect(matchHeadwords('prefix', 'året', words, clock)).toEqual(['Årets resultat']);
    // A word with no letters (punctuation, bytes that were not UTF-8) matches nothing, not everything.
    for (const strategy of ['prefix', 'substring', 'suffix', 'exact', 'word', 'lev']) {
      for (const word of ['-', '?', '\ufffd', '\u202e']) expect(matchHeadwords(strategy, word, words, clock), `${strategy} ${word}`).toEqual([]);
    }
  });
  it('lev finds a headword, or a word of it, within a typing error', () => {
    expect(matchHeadwords('lev', 'strategisk aliance', words, clock)).toEqual(['Strategisk alliance']);
    expect(matchHeadwords('lev', 'aktei', words, clock)).toEqual(['Aktie']);
    expect(matchHeadwords('lev', 'xyzzy', words, clock)).toEqual([]);
  });
  it('word matches whole words of a headword, several in a row too', () => {
    const list: Headword[] = ['Annual report', 'Annual report and accounts', 'Reporting annual', 'Annualreport'].map((word) => ({ word, key: fold(word) }));
    expect(matchHeadwords('word', 'annual report', list, clock)).toEqual(['Annual report', 'Annual report and accounts']);
    expect(matchHeadwords('word', 'report', list, clock)).toEqual(['Annual report', 'Annual report and accounts']);
    expect(matchHeadwords('word', 'port', list, clock)).toEqual([]);
  });
  it('lev takes a dropped or mistyped æ, ø or å for one typing error, as dictd does', () => {
    const danish: Headword[] = ['Aktionær', 'Gæld', 'Banklån', 'Øre'].map((word) => ({ word, key: fold(word), typo: typoKey(word) }));
    expect(matchHeadwords('lev', 'aktionr', danish, clock)).toEqual(['Aktionær']);
    expect(matchHeadwords('lev', 'aktionaer', danish, clock)).toEqual(['Aktionær']);
    expect(matchHeadwords('lev', 'gld', danish, clock)).toEqual(['Gæld']);
    expect(matchHeadwords('lev', 'bankln', danish, clock)).toEqual(['Banklån']);
    expect(matchHeadwords('lev', 'banklan', danish, clock)).toEqual(['Banklån']);
    expect(matchHeadwords('lev', 'ore', danish, clock)).toEqual(['Øre']);
    // Headwords made without the typing form (older callers) are compared by it all the same.
    expect(matchHeadwords('lev', 'gld', danish.map(({ word, key }) => ({ word, key })), clock)).toEqual(['Gæld']);
  });
  it('regular expressions: basic and extended, case-insensitive', () => {
    // RFC 2229 and dictd: re is modern (extended), regexp old (basic).
    expect(matchHeadwords('re', '^akt(ie|x)$', words, clock)).toEqual(['Aktie']);
    expect(matchHeadwords('regexp', '^akt\\(ie\\)s', words, clock)).toEqual(['Aktieselskab']);
    expect(matchHeadwords('re', '^akt\\(ie\\)s', words, clock)).toEqual([]);
    expect(basicToExtended('a\\(b\\)+')).toBe('a(b)\\+');
  });
  it('refuses patterns that could backtrack without end, and long ones', () => {
    for (const p of ['(a+)+$', '(a|aa)*b', '(x*)*y', '(.*a){20}', 'a\\1', '(?=a)', 'a{1000}', 'x'.repeat(201), '[']) {
      expect(() => compilePattern(p, false), p).toThrow(PatternError);
    }
  });
  it('stops matching at the time budget', () => {
    let t = 0;
    const many = heads(...Array.from({ length: 10000 }, (_, i) => `ord ${i}`));
    const found = matchHeadwords('regexp', 'ord', many, () => (t += REGEX_BUDGET_MS / 10), 100000);
    expect(found.length).toBeLessThan(10000);
    expect(found.length).toBeGreaterThan(0);
  });
});

describe('session', () => {
  const corpus = lazyFixture('bilingual');
  const facts = { name: 'test', about: 'fixture', status: () => '[up]' };
  const dict = () => corpusDictionary(corpus(), ['da'], 'bilingual', clock);
  const ask = (session: Session, line: string) => session.handle(line, dict).text;

  it('lists one database per language, the default first', () => {
    const out = ask(new Session(facts), 'show db');
    expect(out).toMatch(/^110 2 databases present\r\nda "Danish glossary, 2 articles \(bilingual\)"\r\nen "English glossary, 1 article \(bilingual\)"\r\n\.\r\n250 ok\r\n$/);
  });
  it('DEFINE: 150, 151 with word, database and description, the text, 250', () => {
    const out = ask(new Session(facts), 'DEFINE da "strategisk alliance"');
    expect(out).toMatch(/^150 1 definition retrieved\r\n151 "Strategisk alliance" da "Danish glossary[^"]*"\r\nStrategisk alliance\r\n/);
    expect(out).toContain('\r\n  [1] Joint venture {joint-venture}\r\n');
    expect(out).toContain('Linked from: Joint venture {joint-venture}');
    expect(out.endsWith('\r\n.\r\n250 ok\r\n')).toBe(true);
    for (const line of out.split('\r\n')) expect(line.length).toBeLessThanOrEqual(72);
  });
  it('DEFINE * and ! over the languages', () => {
    expect(ask(new Session(facts), 'DEFINE * strategicalliance')).toMatch(/^150 2 definitions retrieved/);
    expect(ask(new Session(facts), 'DEFINE ! strategicalliance')).toMatch(/^150 1 definition retrieved\r\n151 "Strategisk alliance" da /);
  });
  it('errors: 550, 551, 552, 501, 500', () => {
    const s = new Session(facts);
    expect(ask(s, 'DEFINE xx word')).toMatch(/^550 /);
    expect(ask(s, 'MATCH da nosuch word')).toMatch(/^551 /);
    expect(ask(s, 'DEFINE da nosuchword')).toBe('552 no match\r\n');
    expect(ask(s, 'DEFINE da ""')).toMatch(/^501 /);
    expect(ask(s, 'DEFINE da')).toMatch(/^501 /);
    expect(ask(s, 'MATCH da re "(a+)+"')).toMatch(/^501 /);
    expect(ask(s, 'FROB')).toMatch(/^500 /);
  });
  it('OPTION MIME puts the header before every text', () => {
    const s = new Session(facts);
    expect(ask(s, 'option mime')).toBe('250 ok\r\n');
    expect(ask(s, 'MATCH * prefix "strat"')).toBe(`152 2 matches found\r\n${MIME_HEADER}da "Strategisk alliance"\r\nen "Strategic Alliance"\r\n.\r\n250 ok\r\n`);
  });
  it('QUIT closes; STATUS, HELP, CLIENT, SHOW STRAT, INFO and SERVER answer', () => {
    const s = new Session(facts);
    expect(s.handle('QUIT', dict)).toMatchObject({ code: 221, close: true });
    expect(ask(s, 'STATUS')).toBe('210 status [up]\r\n');
    expect(ask(s, 'HELP')).toMatch(/^113 [^\r]*\r\nDEFINE database word/);
    expect(ask(s, 'CLIENT dict 1.13')).toBe('250 ok\r\n');
    expect(ask(s, 'SHOW STRAT')).toMatch(/^111 9 strategies present\r\nexact "/);
    expect(ask(s, 'SHOW INFO en')).toMatch(/^112 [^\r]*\r\nEnglish glossary \(database "en"\)/);
    expect(ask(s, 'SHOW INFO xx')).toMatch(/^550 /);
    expect(ask(s, 'SHOW SERVER')).toMatch(/^114 [^\r]*\r\ntest\r\nfixture\r\n\.\r\n250 ok\r\n$/);
  });
});

describe('MATCH answers only what DEFINE finds', () => {
  let reader: CorpusReader;
  beforeAll(() => {
    reader = compileFixture(writeCorpus({
      'lang.md': `---\ntitle: "${'Langtitel'.repeat(100)}"\ndescription: l.\n---\nLang.\n`,
      'zw.md': '---\ntitle: "\\u200b\\u200b"\ndescription: z.\naliases: ["🏦", "."]\n---\nNul.\n',
      'aktie.md': `---\ntitle: Aktie\ndescription: a.\naliases: ["${'ø'.repeat(300)}", Andel]\n---\nAktie.\n`,
    }));
  });
  it('a title too long for a line or of no letters is answered by the id; such an alias is left out', () => {
    const d = corpusDictionary(reader, ['da'], 'hostile', clock);
    const all = d.match('da', 're', '.');
    expect(all.sort()).toEqual(['Aktie', 'Andel', 'lang', 'zw']);
    for (const strategy of ['re', 'prefix', 'substring', 'lev', 'exact', 'search']) {
      for (const word of ['lang', 'langtitel', 'zw', 'aktie', 'andel']) {
        for (const found of d.match('da', strategy, word)) expect(d.define('da', found).length, `${strategy} ${word}: ${found}`).toBeGreaterThan(0);
      }
    }
  });
});
