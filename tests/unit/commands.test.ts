// The commands as pure functions: a Context in, a Result out (what the edge prints and exits with).
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/commands/check.js';
import { runBacklinks, runLinks, runRelated } from '../../src/commands/graph.js';
import { runKeywords, runList } from '../../src/commands/list.js';
import { lookup, present, randomArticle, renderRecord } from '../../src/commands/lookup.js';
import { runSearch } from '../../src/commands/search.js';
import { chooseLangs, contentDirsOf, jsonText, parseLimit, parseWidth, wantedLangOf } from '../../src/context.js';
import type { RenderCache } from '../../src/corpus/reader.js';
import { AmbiguousError, ExitCode, NotFoundError, UsageError } from '../../src/errors.js';
import { plainTheme } from '../../src/render/theme.js';
import { search } from '../../src/search.js';
import { lazyFixture, testContext } from '../helpers.js';

const basic = lazyFixture('basic');
const bilingual = lazyFixture('bilingual');
const dupes = lazyFixture('dupes');
const ctx = (over = {}) => testContext(basic(), over);
const textOf = (r: { output?: unknown }) => (r.output as { text: string }).text;

describe('options and languages', () => {
  it.each([['10', 10], ['1000', 1000], ['80', 80]])('--width %s is %i', (v, n) => expect(parseWidth(v)).toBe(n));
  it.each([['9'], ['1001'], ['8.5'], ['wide'], [''], ['0x10'], ['1e2'], ['+80']])('--width %j is a usage error', (v) => {
    expect(() => parseWidth(v)).toThrow(new UsageError(`--width takes a whole number from 10 to 1000, not "${v}"`));
  });
  it.each([['1', 1], ['10000', 10000]])('--limit %s is %i', (v, n) => expect(parseLimit(v)).toBe(n));
  it.each([['0'], ['10001'], ['x'], [''], ['0x10'], ['1e3'], ['2.0'], ['-1']])('--limit %j is a usage error', (v) => {
    expect(() => parseLimit(v)).toThrow(new UsageError(`--limit takes a whole number from 1 to 10000, not "${v}"`));
  });
  it('chooses the wanted language, the first by default, all only where allowed', () => {
    expect(chooseLangs(['da', 'en'], '')).toEqual(['da']);
    expect(chooseLangs(['da', 'en'], 'en')).toEqual(['en']);
    expect(chooseLangs(['da', 'en'], 'all', true)).toEqual(['da', 'en']);
    expect(() => chooseLangs(['da', 'en'], 'all')).toThrow(new UsageError('--lang all works with search, list and keywords; pick one language to look a term up'));
    expect(() => chooseLangs(['da', 'en'], 'de')).toThrow(new UsageError('no language "de" in this corpus: it has da, en'));
  });
  it('reads --lang before GLOSSARY_LANG, trimmed and lower-cased; folders from --content before GLOSSARY_CONTENT', () => {
    expect(wantedLangOf(' EN ', { GLOSSARY_LANG: 'da' })).toBe('en');
    expect(wantedLangOf(undefined, { GLOSSARY_LANG: ' DA' })).toBe('da');
    expect(wantedLangOf(undefined, {})).toBe('');
    expect(contentDirsOf(['a'], { GLOSSARY_CONTENT: 'b:c' }, ':')).toEqual(['a']);
    expect(contentDirsOf(undefined, { GLOSSARY_CONTENT: 'b:c' }, ':')).toEqual(['b', 'c']);
    expect(contentDirsOf([], {}, ':')).toEqual([]);
    expect(contentDirsOf(undefined, { GLOSSARY_CONTENT: '' }, ':')).toEqual([]);
  });
  it.each([['b::c'], [':b'], ['b:']])('an empty path in GLOSSARY_CONTENT (%j) is a usage error, never the current folder', (v) => {
    expect(() => contentDirsOf(undefined, { GLOSSARY_CONTENT: v }, ':')).toThrow(UsageError);
  });
  it.each([[['']], [['a', '']]])('an empty --content (%j) is a usage error, never the current folder', (given) => {
    expect(() => contentDirsOf(given, {}, ':')).toThrow(UsageError);
  });
  it('escapes in JSON what JSON.stringify leaves raw (C1 controls, line separators)', () => {
    expect(jsonText({ a: '\u0085\u2028' })).toBe('{\n  "a": "\\u0085\\u2028"\n}\n');
  });
});

describe('list and keywords', () => {
  it('lists names and titles in Danish title order, the names aligned', async () => {
    expect(textOf(await runList(ctx(), {}))).toBe(
      'fusioner-og-opkoeb      Fusioner og opkøb\nikke-registreret-konto  Ikke-registreret konto\njoint-venture           Joint venture\norganisk-vaekst         Organisk vækst\nstrategisk-alliance     Strategisk alliance\n',
    );
  });

  it('lists the articles of a keyword matched without case, as JSON', async () => {
    const rows = JSON.parse(textOf(await runList(ctx(), { keyword: 'BUSINESS', json: true }))) as Array<{ id: string }>;
    expect(rows.map((r) => r.id)).toEqual(['mergers', 'jointventure', 'organicgrowth', 'strategicalliance']);
    expect(Object.keys(rows[0] as object)).toEqual(['id', 'name', 'title']);
  });

  it('refuses an unknown keyword with the closest ones as a hint', async () => {
    const error = await runList(ctx(), { keyword: 'Mergers and Acquisition' }).catch((e: unknown) => e);
    expect(error).toEqual(new NotFoundError('no keyword "Mergers and Acquisition"', ['did you mean: Mergers and Acquisitions? (all keywords: glossary keywords)']));
    const none = await runList(ctx(), { keyword: 'zzzz' }).catch((e: unknown) => e);
    expect((none as NotFoundError).details).toEqual(['see all keywords: glossary keywords']);
  });

  it('merges languages in Danish order and names each row\'s language in JSON', async () => {
    const rows = JSON.parse(textOf(await runList(testContext(bilingual(), { wantedLang: 'all' }), { json: true }))) as Array<{ id: string; lang: string }>;
    expect(rows.map((r) => `${r.lang}:${r.id}`)).toEqual(['da:jointventure', 'en:strategicalliance', 'da:strategicalliance']);
  });

  it('counts keywords, the counts right-aligned', () => {
    // A keyword is spelt as the first article (by id) that has it spells it.
    expect(textOf(runKeywords(ctx(), {}))).toBe('4  Business\n1  Corporate Finance and Accounting\n1  Investing\n1  Mergers and Acquisitions\n2  Types of Corporations\n');
    expect(JSON.parse(textOf(runKeywords(ctx(), { json: true })))[0]).toEqual({ keyword: 'Business', count: 4 });
  });
});

describe('search', () => {
  it('keeps search()\'s own order in --json, whatever the limit', () => {
    for (const q of ['alliance', 'fusion', 'vækst', 'joint', 'konto', 'organisk', 'opkøb']) {
      const own = search(basic().searchSource('da'), q, 10).map((h) => h.doc.id);
      const json = JSON.parse(textOf(runSearch(ctx(), [q], { json: true, limit: '10' }))) as Array<{ id: string }>;
      expect(json.map((h) => h.id)).toEqual(own);
      const first = JSON.parse(textOf(runSearch(ctx(), [q], { json: true, limit: '1' }))) as Array<{ id: string }>;
      expect(first.map((h) => h.id)).toEqual(own.slice(0, 1));
    }
  });

  it('says what matched: the name before the text, and for a body match the sentence', () => {
    const hits = JSON.parse(textOf(runSearch(ctx(), ['fusion'], { json: true }))) as Array<{ id: string; match: string; snippet?: string; score: number }>;
    expect(hits[0]).toMatchObject({ id: 'mergers', lang: 'da', name: 'fusioner-og-opkoeb', title: 'Fusioner og opkøb', description: 'M&A dækker over fusioner og opkøb af virksomheder.', match: 'prefix' });
    for (const h of hits.slice(1)) {
      expect(['name', 'description', 'body']).toContain(h.match);
      if (h.match === 'body') expect(h.snippet?.toLowerCase()).toContain('fusion');
    }
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((x, y) => y - x));
  });

  it('prints one line a hit within the width, and asks the edge to pick on a terminal with --pick', () => {
    const lines = textOf(runSearch(ctx(), ['alliance'], { width: '40' })).trimEnd().split('\n');
    // The name is shown whole: it is what the user types next.
    expect(lines[0]).toBe('strategisk-alliance  Strategisk …');
    const picked = runSearch(ctx({ interactive: true }), ['alliance'], { pick: true, width: '50' });
    expect(picked.output).toBeUndefined();
    expect(picked.pick).toMatchObject({ prompt: 'Show which article?', present: { width: '50' } });
    expect(picked.pick?.candidates[0]).toMatchObject({ lang: 'da', doc: { id: 'strategicalliance' } });
    expect(runSearch(ctx(), ['alliance'], { pick: true }).pick).toBeUndefined();
  });

  it('is not found with a hint when nothing matches', () => {
    expect(() => runSearch(ctx(), ['qqqzzz'], {})).toThrow(new NotFoundError('nothing matches "qqqzzz"', ['try fewer or other words, or: glossary list']));
  });
});

describe('lookup', () => {
  it('renders the article for the terminal, paged unless --no-pager', async () => {
    const r = await lookup(ctx(), ['JV'], {});
    expect(r.exitCode).toBe(ExitCode.ok);
    expect(r.notes).toEqual([]);
    expect(r.output).toMatchObject({ page: true, record: { id: 'jointventure' } });
    expect((r.output as { article: string }).article.split('\n')[0]).toBe('Joint venture');
    expect((await lookup(ctx(), ['JV'], { pager: false })).output).toMatchObject({ page: false });
  });

  it('notes a fuzzy match', async () => {
    expect((await lookup(ctx(), ['strategisk', 'aliance'], {})).notes).toEqual(['no article is named "strategisk aliance"; showing strategisk-alliance (Strategisk alliance)']);
  });

  it('gives the source as it is into a pipe, and without control characters to a terminal', async () => {
    const record = basic().record('da', 2);
    expect(await present(ctx(), record, { raw: true })).toEqual({ verbatim: record.source });
    expect(await present(ctx({ tty: true }), { ...record, source: 'a\u001b[2Jb' }, { raw: true })).toEqual({ text: 'ab' });
  });

  it('gives JSON with the links resolved and the body', async () => {
    const json = JSON.parse(textOf(await lookup(ctx(), ['jointventure'], { json: true })));
    expect(json.links.map((l: { target: string; resolved: { id: string } | null }) => [l.target, l.resolved?.id ?? null])).toEqual([
      ['strategicalliance', 'strategicalliance'],
      ['organicgrowth', 'organicgrowth'],
      ['privateequity', null],
    ]);
    expect(json.backlinks.map((b: { id: string }) => b.id)).toEqual(['organicgrowth', 'strategicalliance']);
    expect(json.body.startsWith('\n# Joint venture')).toBe(true);
  });

  it('asks the edge to pick when ambiguous on a terminal, and fails with the candidates elsewhere', async () => {
    const picked = await lookup(testContext(dupes(), { interactive: true }), ['Afskrivninger'], { width: '60' });
    expect(picked.pick?.prompt).toBe('Which article did you mean by "Afskrivninger"?');
    expect(picked.pick?.candidates.map((c) => c.doc.id).sort()).toEqual(['amortization', 'depreciation']);
    expect(picked.pick?.present).toEqual({ width: '60' });
    await expect(lookup(testContext(dupes()), ['Afskrivninger'], {})).rejects.toBeInstanceOf(AmbiguousError);
  });

  it('asks for the reader with --browse only on a terminal', async () => {
    expect((await lookup(ctx({ interactive: true }), ['JV'], { browse: true, width: '70' })).browse).toEqual({ width: 70, page: true });
    expect((await lookup(ctx(), ['JV'], { browse: true })).browse).toBeUndefined();
  });

  it('checks --width before it looks anything up', async () => {
    await expect(lookup(ctx(), ['nothing-like-this'], { width: 'wide' })).rejects.toEqual(new UsageError('--width takes a whole number from 10 to 1000, not "wide"'));
  });

  it('keeps a rendering and serves it the next time', async () => {
    const kept = new Map<string, string>();
    const renders: RenderCache = { get: (l, n, w, c) => kept.get(`${l}${n}${w}${c}`), put: (l, n, w, c, t) => void kept.set(`${l}${n}${w}${c}`, t) };
    const corpus = Object.assign(Object.create(basic()) as object, { renders }) as ReturnType<typeof basic>;
    const record = basic().record('da', 0);
    const first = await renderRecord(testContext(corpus), record, 60);
    expect([...kept.keys()]).toEqual(['da060false']);
    kept.set('da060false', 'kept');
    expect(await renderRecord(testContext(corpus), record, 60)).toBe('kept');
    expect(first).not.toBe('kept');
  });

  it('draws a random article with the injected draw, within a keyword when asked', async () => {
    const first = await randomArticle(ctx({ random: () => 0 }), undefined, () => 0, {});
    expect((first.output as { record: { id: string } }).record.id).toBe('mergers');
    const last = await randomArticle(ctx(), 'Types of Corporations', () => 0.99, {});
    expect((last.output as { record: { id: string } }).record.id).toBe('strategicalliance');
    await expect(randomArticle(ctx(), 'zzz', () => 0, {})).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('links, backlinks, related', () => {
  it('lists links, marking the ones to articles not in the corpus', async () => {
    expect(textOf(await runLinks(ctx(), ['jointventure'], {}))).toBe(
      'strategisk-alliance  Strategisk alliance\norganisk-vaekst      Organisk vækst\nprivateequity        kapitalfonde         (not in the corpus)\n',
    );
  });

  it('notes when there is nothing to list, and prints nothing', async () => {
    const r = await runBacklinks(ctx(), ['-nonregistered-account'], {});
    expect(r.output).toBeUndefined();
    expect(r.notes).toEqual(['no article links to ikke-registreret-konto']);
  });

  it('ranks related articles, saying why', async () => {
    expect(textOf(await runRelated(ctx(), ['jointventure'], {}))).toBe(
      'strategisk-alliance  Strategisk alliance  (links both ways; shares Types of Cor…\norganisk-vaekst      Organisk vækst       (links both ways)\n',
    );
    const json = JSON.parse(textOf(await runRelated(ctx(), ['jointventure'], { json: true, limit: '1' })));
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({ id: 'strategicalliance', linksTo: true, linkedFrom: true, keywords: ['Types of Corporations'] });
  });
});

describe('check', () => {
  const problem = (severity: 'error' | 'warning') => ({ file: '/c/a.md', lang: 'da', severity, code: severity === 'error' ? 'missing-title' : 'orphan', message: 'm', line: 3 });
  const input = (problems: ReturnType<typeof problem>[]) => ({ targets: ['/c'], articles: 2, files: 3, problems, skipped: [{ file: '/c/b.md', reason: 'empty file' }] });
  const show = (f: string) => f.replace('/c/', '');

  it('passes with warnings, fails with them under --strict, and always with errors', () => {
    expect(checkReport(input([problem('warning')]), {}, plainTheme, show)).toMatchObject({ exitCode: 0, notes: [] });
    // One summary: the report's last line says the check failed; nothing more on stderr.
    const strict = checkReport(input([problem('warning')]), { strict: true }, plainTheme, show);
    expect(strict).toMatchObject({ exitCode: 6, notes: [] });
    expect(textOf(strict).trimEnd().split('\n').pop()).toBe('check failed: 0 errors, 1 warning in 2 articles (1 of 3 files skipped)');
    expect(checkReport(input([problem('warning')]), { strict: true, json: true }, plainTheme, show).notes).toEqual(['check failed: 0 errors, 1 warning in 2 articles (1 of 3 files skipped)']);
    expect(checkReport(input([problem('error')]), {}, plainTheme, show).exitCode).toBe(6);
  });

  it('prints a line a problem, the skipped files, and the summary', () => {
    expect(textOf(checkReport(input([problem('warning')]), {}, plainTheme, show))).toBe('a.md:3: warning: m [orphan]\nb.md: skipped: empty file\n0 errors, 1 warning in 2 articles (1 of 3 files skipped)\n');
  });

  it('fails a folder without articles (exit 5, as --content does), saying why each file was left out', () => {
    const empty = checkReport({ ...input([]), articles: 0 }, {}, plainTheme, show);
    expect(empty.exitCode).toBe(5);
    expect(textOf(empty)).toBe('b.md: skipped: empty file\ncheck failed: no articles in /c: 1 of 3 files skipped\n');
    const json = checkReport({ ...input([]), articles: 0 }, { json: true }, plainTheme, show);
    expect(json).toMatchObject({ exitCode: 5, notes: ['check failed: no articles in /c: 1 of 3 files skipped'] });
    expect(JSON.parse(textOf(json))).toMatchObject({ articles: 0, failed: true, skipped: [{ file: 'b.md', reason: 'empty file' }] });
  });
});
