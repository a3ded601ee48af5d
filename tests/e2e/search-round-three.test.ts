// End-to-end: search, round three (issue 20) and lookup's guesses (issue 25, findings 1 and 3):
// definitions as names, initials, another language's name, Danish letters typed plainly, and no
// confident wrong answer from a short or capitalised word.
import { describe, expect, it } from 'vitest';
import { cleanEnv, cli, fixture } from '../helpers.js';

const da = fixture('search-round3/da');
const twolang = fixture('search-round3/twolang');
const env = cleanEnv();
const run = (...args: string[]) => cli(args, env);
const ids = (stdout: string) => (JSON.parse(stdout) as Array<{ id: string }>).map((h) => h.id);
const T = 60_000;

describe('no confident wrong answers', () => {
  it('an unknown abbreviation finds nothing, though a typo away from a name (gaap ~ "gå konkurs", roce ~ ROE)', () => {
    for (const q of ['gaap', 'roce', 'GAAP', 'ROCE']) {
      const r = run('--content', da, 'search', q);
      expect(r.code, q).toBe(3);
      expect(r.stdout, q).toBe('');
      expect(r.stderr, q).toMatch(/nothing matches/);
    }
  }, T);

  it('lookup of an unknown abbreviation is "not found" (exit 3), not another article, and --json prints no article (null)', () => {
    const r = run('--content', da, 'lookup', 'gaap', '--json');
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('null\n');
    expect(r.stderr).not.toMatch(/Konkurs/);
  }, T);

  it('on the bundled corpus capm, gaap and roce give no hit, or only an article named by that abbreviation', () => {
    for (const q of ['capm', 'gaap', 'roce']) {
      const r = run('search', q, '--json');
      if (r.code === 3) continue;
      expect(r.code, q).toBe(0);
      const [first] = JSON.parse(r.stdout) as Array<{ id: string }>;
      const article = JSON.parse(run('lookup', (first as { id: string }).id, '--json').stdout) as { title: string; aliases: string[] };
      expect([article.title, ...article.aliases].map((n) => n.toLowerCase()), q).toContain(q);
    }
  }, T);

  it('lookup opens no article by initials alone: a phrase whose words the article does not say is offered', () => {
    // A hostile pass: `burden of proof` opened Betalingsbalance (BOP), `my best option` Management buyout (MBO).
    for (const [q, offered] of [['burden of proof', 'betalingsbalance'], ['my best option', 'management-buyout'], ['balance of power', 'betalingsbalance'], ['cost per impression', 'forbrugerprisindeks']]) {
      const r = run('lookup', ...(q as string).split(' '));
      expect(r.code, q).not.toBe(0);
      expect(r.stdout, q).toBe('');
      expect(r.stderr, q).toContain(`did you mean: ${offered}`);
    }
    // Spelt out in the article's own names or words: opened, and said to be by its initials.
    const spelt = run('--content', da, 'lookup', '--json', 'average', 'annual', 'growth', 'rate');
    expect(spelt.code).toBe(0);
    expect(JSON.parse(spelt.stdout)).toMatchObject({ id: 'aagr', matched: 'initials' });
  }, T);

  it('lookup opens no name begun by an English word the word list knows, English glue aside', () => {
    // The hostile pass: `return on stock` opened Egenkapitalens forrentning, `stock` taken for the
    // beginning of "stockholders" in an alias; `on`, no word of the list, made the query not all English.
    const r = run('lookup', 'return', 'on', 'stock');
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('did you mean: egenkapitalens-forrentning');
    // Its own name is still opened.
    expect(JSON.parse(run('lookup', '--json', 'return', 'on', 'equity').stdout)).toMatchObject({ id: 'returnonequity' });
  }, T);

  it('lookup opens no article whose names hold the words only apart, or with a word more; nor one side of a ratio', () => {
    // A hostile pass: `interest income` opened EBIT through two of its aliases ("earnings before
    // interest and taxes", "operating income"), `net assets` Arbejdskapital through "net current
    // assets", `tax rate` Topskat through "top-rate tax", `EV/sales` Omsætning, `P/EBIT` EBIT.
    for (const q of ['interest income', 'net assets', 'tax rate', 'tax return', 'EV/sales', 'EV/EBIT', 'P/EBIT', 'gæld/EBITDA']) {
      const r = run('lookup', q);
      expect(r.code, q).not.toBe(0);
      expect(r.stdout, q).toBe('');
      expect(r.stderr, q).toMatch(/^glossary: no article "[^"]+"; did you mean: /);
    }
    // The words of one name, whole, in another order or inflected, open it; so do a ratio's both parts.
    expect(JSON.parse(run('lookup', '--json', 'alliance strategisk').stdout)).toMatchObject({ id: 'strategicalliance', matched: 'words' });
    expect(JSON.parse(run('lookup', '--json', 'omsætning/aktiver').stdout)).toMatchObject({ id: 'assetturnover' });
    expect(JSON.parse(run('lookup', '--json', 'A/S').stdout)).toMatchObject({ id: 'corporation', matched: 'alias' });
    // A path of three parts is a path, whatever its folders (Investopedia's `terms/e/ebit`); of two,
    // a first part the corpus's text has is a term of a ratio (`indtjening/aktie` is no Aktie).
    expect(JSON.parse(run('lookup', '--json', 'terms/e/ebit').stdout)).toMatchObject({ id: 'ebit', matched: 'path' });
    expect(run('lookup', 'indtjening/aktie').code).not.toBe(0);
  }, T);

  it('off-topic words find nothing, exit 3 with a suggestion', () => {
    const r = run('--content', da, 'search', 'opskrift', 'på', 'æblekage');
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/try/);
  }, T);
});

describe('Danish letters typed plainly, at every length', () => {
  it('search lan, aop, aps find Lån, ÅOP and ApS first', () => {
    expect(ids(run('--content', da, 'search', 'lan', '--json').stdout)[0]).toBe('laan');
    expect(ids(run('--content', da, 'search', 'aop', '--json').stdout)[0]).toBe('aaop');
    expect(ids(run('--content', da, 'search', 'aps', '--json').stdout)[0]).toBe('anpartsselskab');
  }, T);

  it('"forskel på aps og a/s" has both company forms on top', () => {
    expect(ids(run('--content', da, 'search', 'forskel på aps og a/s', '--json').stdout).slice(0, 2).sort()).toEqual(['aktieselskab', 'anpartsselskab']);
  }, T);

  it('lookup aop shows ÅOP and says the name matched folded', () => {
    const r = run('--content', da, 'lookup', 'aop', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { id: string; matched: string; query: string };
    expect([json.id, json.matched, json.query]).toEqual(['aaop', 'folded', 'aop']);
  }, T);
});

describe('lookup says how it matched', () => {
  it('an exact name: matched exact, no notice', () => {
    const r = run('--content', da, 'lookup', 'Konkurs', '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 'konkurs', matched: 'exact', query: 'Konkurs' });
    expect(r.stderr).toBe('');
  }, T);

  it('a typo in a long word: shown, with the notice and "matched": "typo"', () => {
    const r = run('--content', da, 'lookup', 'markdsværdi', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 'markedsvaerdi', matched: 'typo', query: 'markdsværdi' });
    expect(r.stderr).toMatch(/no article is named "markdsværdi"; showing markedsvaerdi \(Markedsværdi\)/);
  }, T);

  it('a name the article defines: shown, the notice says it defines it', () => {
    const r = run('--content', da, 'lookup', 'bundlinjen');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/bundlinie/);
    expect(r.stderr).toMatch(/showing bundlinie \(bundlinie\), which defines it/);
  }, T);
});

describe('what an article defines: names, not qualifiers, enumerations or lead-ins', () => {
  const defines = fixture('search-round3/defines');
  it('check --rule defines lists only the names; a qualifier, an enumeration or a compound\'s first part opens nothing', () => {
    const r = run('--content', defines, 'check', '--rule', 'defines');
    expect(r.code, r.stderr).toBe(0);
    const notes = r.stdout.split('\n').filter((l) => l.includes('[defines]')).map((l) => l.replace(/^.*[\\/]/, '').replace(/: search finds.*/, ''));
    expect(notes).toEqual(['betalingsevne.md:5: note: defines "Likviditet"', 'opsparingskonto-norge.md:5: note: defines "opsparingskonto"']);
    // "(Norge)" qualifies the title; "(politik, økonomi, samfund og teknologi)" spells PEST out;
    // "Lager er de varer ..." explains a part of Lageromkostninger.
    for (const [q, offered] of [['norge', 'opsparingskonto-norge'], ['politik', 'pest-analyse'], ['teknologi', 'pest-analyse'], ['lager', 'lageromkostninger']]) {
      const l = run('--content', defines, 'lookup', q as string);
      expect(l.code, q).toBe(3);
      expect(l.stdout, q).toBe('');
      expect(l.stderr, q).toMatch(new RegExp(`did you mean: .*${offered}`));
    }
    for (const [q, id] of [['opsparingskonto', 'opsparingskonto-norge'], ['likviditet', 'betalingsevne']]) {
      const l = run('--content', defines, 'lookup', q as string, '--json');
      expect(l.code, q).toBe(0);
      expect(JSON.parse(l.stdout), q).toMatchObject({ id, matched: 'defined' });
    }
  }, T);
});

describe('definitions, initials and other languages', () => {
  it('the article that defines a word comes before one whose title contains it', () => {
    const hits = ids(run('--content', da, 'search', 'bundlinjen', '--json').stdout);
    expect(hits[0]).toBe('bundlinie');
    expect(hits).toContain('tredobbelt-bundlinje');
  }, T);

  it('a phrase whose initials are an abbreviation in a title finds that article first', () => {
    const r = run('--content', da, 'search', 'average', 'annual', 'growth', 'rate', '--json');
    const [first] = JSON.parse(r.stdout) as Array<{ id: string; match: string }>;
    expect(first).toMatchObject({ id: 'aagr', match: 'initials' });
  }, T);

  it('capital asset pricing model finds the article with the alias CAPM, before one that quotes the phrase', () => {
    expect(ids(run('--content', da, 'search', 'capital asset pricing model', '--json').stdout)[0]).toBe('kapitalverdiansaettelse');
  }, T);

  it("another language's title finds this language's article with the same id, and says which name matched", () => {
    const r = run('--content', twolang, '--lang', 'da', 'search', 'earnings', 'before', 'interest', 'and', 'taxes', '--json');
    expect(r.code).toBe(0);
    const [first] = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(first).toMatchObject({ id: 'ebit', lang: 'da', title: 'EBIT', match: 'translation', matchedName: 'Earnings before interest and taxes', matchedLang: 'en' });
  }, T);
});

describe('search --explain', () => {
  it('shows, per hit, the names and words that matched and what each added', () => {
    const r = run('--content', da, 'search', 'bundlinjen', '--explain', '--width', '100');
    expect(r.code).toBe(0);
    const [first] = r.stdout.split(/\n(?=\S)/);
    expect(first).toMatch(/^bundlinie/);
    expect(first).toMatch(/matched as: defined/);
    expect(first).toMatch(/what the article defines/);
    expect(first).toMatch(/\+\s*\d+\.\d\d {2}text \(BM25/);
  }, T);

  it('--json carries the same parts', () => {
    const r = run('--content', da, 'search', 'markdsværdi', '--explain', '--json');
    const [first] = JSON.parse(r.stdout) as Array<{ id: string; explain: Array<{ what: string; add: number }> }>;
    expect(first?.id).toBe('markedsvaerdi');
    expect(first?.explain.some((e) => /typing error/.test(e.what) && e.add > 0)).toBe(true);
  }, T);
});
