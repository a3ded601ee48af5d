// How a link resolves in a folder with no site layout (an Obsidian vault, a plain folder of files,
// Docusaurus docs): from the root, from the page's folder, by the end of a path; broken in a folder
// of the corpus's own; and how messages quote a link (links.ts linkResolver, writtenTarget, linkKey).
import { describe, expect, it } from 'vitest';
import { linkKey, linkResolver, linkTarget, writtenTarget } from '../../src/corpus/links.js';
import type { Article } from '../../src/corpus/article.js';
import { languageSuffix } from '../../src/corpus/languages.js';
import { isBundle } from '../../src/store/source.js';

const page = (id: string, site?: string[]) => ({ id, aliases: [], site, links: [] }) as unknown as Article;
/** A link written in the article `from`, as the parser reads it. */
const link = (href: string, from: string) => ({ href, target: linkTarget(href, from) as string });

describe('a relative link', () => {
  it("is the page's folder's before the root's; a link to a file (x.md) is never read from the root", () => {
    const rootBond = page('bond');
    const financeBond = page('finance/bond');
    const r = linkResolver([rootBond, financeBond, page('finance/equity'), page('obligation'), page('skat/obligation'), page('finans/aktie')]);
    expect(r(link('./bond', 'finance/equity'))).toBe(financeBond);
    expect(r(link('bond', 'finance/equity'))).toBe(financeBond);
    expect(r(link('bond', 'note'))).toBe(rootBond);
    // finans/obligation.md is not there: broken, not the root's obligation.
    expect(r({ href: 'obligation.md', target: linkTarget('obligation.md', 'finans/aktie', 'finans') as string })).toBeUndefined();
  });

  it("a link to the file without a language from a translation (index.md from index.en.md) is the other language's, not a self-link", () => {
    const share = { ...page('aktie'), file: '/c/aktie/index.en.md' } as Article;
    const rate = { ...page('rente'), file: '/c/rente.en.md' } as Article;
    const r = linkResolver([share, rate], { otherLangs: ['da'] });
    const from = (href: string) => ({ href, target: linkTarget(href, 'aktie', 'aktie') as string });
    expect(r(from('index.md'))).toBe('outside');
    expect(r(from('../rente.md'))).toBe('outside');
    // Named with its language, or by its id: this language's.
    expect(r(from('index.en.md'))).toBe(share);
    expect(r(from('../rente.en.md'))).toBe(rate);
    expect(r({ href: '/rente', target: 'rente' })).toBe(rate);
    // One language only: a file named without one is the same term (no other language to be).
    expect(linkResolver([share, rate])(from('index.md'))).toBe(share);
  });

  it('a link to a file named with its language is the article it is listed as', () => {
    const aktie = page('aktie');
    const obligation = page('obligation');
    const r = linkResolver([aktie, obligation, page('rente')]);
    expect(r({ href: '../obligation/index.da.md', target: linkTarget('../obligation/index.da.md', 'aktie', 'aktie') as string })).toBe(obligation);
    expect(r({ href: 'aktie/index.da.md', target: linkTarget('aktie/index.da.md', 'rente', '') as string })).toBe(aktie);
    expect(r({ href: 'aktie.en.md', target: linkTarget('aktie.en.md', 'rente', '') as string })).toBe(aktie);
  });

  const root = page('obl');
  const other = page('x/obl');
  const loan = page('finance/loan', ['finance/loan-term']);
  const bond = page('finance/bond');
  const lease = page('finance/lease');
  // Another lease elsewhere: by its last part `lease` names neither; only the page's folder tells.
  const resolve = linkResolver([root, other, loan, bond, lease, page('other/lease'), page('note')]);

  it('is read from the root when its path from the page names nothing ([[obl]] beside another obl.md)', () => {
    expect(resolve(link('obl', 'note'))).toBe(root);
    expect(resolve(link('x/obl', 'note'))).toBe(other);
  });

  it("is read from the page's folder: ./lease from finance/bond is finance/lease, or an address a page gives itself", () => {
    expect(resolve(link('./lease', 'finance/bond'))).toBe(lease);
    expect(resolve(link('./loan-term', 'finance/bond'))).toBe(loan);
    expect(resolve(link('lease', 'finance/bond'))).toBe(lease);
  });

  it('names nothing when neither does', () => {
    expect(resolve(link('./nothing', 'finance/bond'))).toBeUndefined();
    expect(resolve(link('mangler', 'note'))).toBeUndefined();
  });

  it('two links of one target but other addresses resolve each by its own (the memo keys both)', () => {
    // `obl` from note is note/obl as a path; so is `./note/obl` from the root page.
    const a = link('obl', 'note');
    const b = link('./note/obl', 'x');
    expect(resolve(a)).toBe(root);
    expect(resolve({ ...b, target: a.target })).toBeUndefined();
    expect(linkKey(a)).not.toBe(linkKey({ ...b, target: a.target }));
  });
});

describe('a site-absolute link without a site layout', () => {
  const egen = page('Økonomi/Sub folder/Egen kapital');
  const twin = [page('a/x/y'), page('b/x/y')];
  const aktie = page('glossary/aktie');
  const resolve = linkResolver([egen, page('Økonomi/Fri cash flow'), ...twin, aktie]);

  it('finds the one article whose path ends so (an Obsidian path from the note folder)', () => {
    expect(resolve(link('/Sub folder/Egen kapital', 'x'))).toBe(egen);
    expect(resolve(link('/sub folder/egen kapital', 'x'))).toBe(egen);
  });

  it('names none that two paths end with, and says which could be meant', () => {
    expect(resolve(link('/x/y', 'z'))).toBeUndefined();
    expect(resolve.ambiguous(link('/x/y', 'z'))).toEqual(twin);
    expect(resolve.ambiguous(link('/X/Y/', 'z'))).toEqual(twin);
    // Resolved, broken or outside: no candidates.
    expect(resolve.ambiguous(link('/Sub folder/Egen kapital', 'x'))).toEqual([]);
    expect(resolve.ambiguous(link('/glossary/rentee/', 'x'))).toEqual([]);
    expect(resolve.ambiguous(link('/blog/post/', 'x'))).toEqual([]);
  });

  it('a name alone that two notes share is ambiguous; one the page\'s folder or the root has is not', () => {
    const a = page('a/Note');
    const b = page('b/Note');
    const r = linkResolver([a, b, page('Aktie'), page('a/Andet')]);
    expect(r(link('Note', 'Aktie'))).toBeUndefined();
    expect(r.ambiguous(link('Note', 'Aktie'))).toEqual([a, b]);
    expect(r(link('Note', 'a/Andet'))).toBe(a);
    expect(r.ambiguous(link('Note', 'a/Andet'))).toEqual([]);
    // A link to a file is read from its folder only: never ambiguous.
    expect(r.ambiguous({ href: 'Note.md', target: linkTarget('Note.md', 'Aktie', '') as string })).toEqual([]);
  });

  it("a site's address of the path (sub-folder/egen-kapital) finds it too", () => {
    expect(resolve(link('/sub-folder/egen-kapital/', 'x'))).toBe(egen);
  });

  it('a folder of the corpus is a section page of the site, not a broken link', () => {
    expect(resolve(link('/Økonomi/Sub folder/', 'x'))).toBe('outside');
  });

  it('is broken in a folder of the corpus (glossary/rentee), a page of the site elsewhere (blog/post)', () => {
    expect(resolve(link('/glossary/rentee/', 'x'))).toBeUndefined();
    expect(resolve(link('/Økonomi/Mangler', 'x'))).toBeUndefined();
    expect(resolve(link('/blog/post/', 'x'))).toBe('outside');
    // Below an article's own address is no folder of the corpus's.
    expect(resolve(link('/glossary/aktie/mere', 'x'))).toBe('outside');
    expect(resolve(link('/ØKONOMI/Mangler', 'x'))).toBeUndefined();
    expect(resolve(link('/glossary/aktie/', 'x'))).toBe(aktie);
  });
});

describe('writtenTarget and linkKey', () => {
  it('quotes a relative link as written, decoded and without its anchor; a site-absolute one by its path', () => {
    expect(writtenTarget(link('Mangler', 'note'))).toBe('Mangler');
    expect(writtenTarget(link('Sub%20folder/Egen%20kapital#x', 'a/b'))).toBe('Sub folder/Egen kapital');
    expect(writtenTarget(link('Note?v=2#Overskrift', 'a/b'))).toBe('Note');
    expect(writtenTarget({ href: '', target: 'q' })).toBe('q');
    expect(writtenTarget(link('../x/', 'a/b'))).toBe('../x/');
    expect(writtenTarget(link('/glossary/rentee/', 'a'))).toBe('glossary/rentee');
    expect(writtenTarget({ href: '%E0%A4%A', target: 'q' })).toBe('%E0%A4%A');
  });

  it('keys a site-absolute link by its path, a relative one by its path and its address', () => {
    expect(linkKey(link('/a/b', 'x'))).toBe('/a/b');
    expect(linkKey(link('/a/b/', 'y'))).toBe('/a/b');
    expect(linkKey(link('b', 'a'))).toBe('a/b\u0000b');
  });
});

describe('with a site layout the pages give (slug:)', () => {
  it('a path under the prefix in a folder of the corpus that names no page is broken, not the site\'s', () => {
    const pages = ['aktie', 'obligation'].map((t) => ({ id: `glossary/${t}`, aliases: [], site: [t], links: [] }) as unknown as Article);
    const resolve = linkResolver(pages, { prefix: ['glossary'], root: ['glossary'] });
    expect(resolve(link('/glossary/aktie/', 'x'))).toBe(pages[0]);
    expect(resolve(link('/glossary/mangler/', 'x'))).toBeUndefined();
    // Elsewhere on the site, a page of the site.
    expect(resolve(link('/blog/indlaeg/', 'x'))).toBe('outside');
  });

  it('a link to a file of another language of the corpus is that language\'s, not this one\'s article', () => {
    const aktie = page('aktie');
    const resolve = linkResolver([aktie, page('rente')], { otherLangs: ['en'] });
    expect(resolve({ href: 'index.en.md', target: linkTarget('index.en.md', 'aktie', 'aktie') as string })).toBe('outside');
    expect(resolve({ href: '../aktie/index.da.md', target: linkTarget('../aktie/index.da.md', 'rente', 'rente') as string })).toBe(aktie);
  });
});

describe('a bare name and a file link from a folder below the root', () => {
  const rootObl = page('obl');
  const resolve = linkResolver([rootObl, page('x/obl'), page('sub/note'), page('kurs'), page('sub/rente')]);

  it('a bare name is the root\'s when the page\'s folder has none ([[obl]] from sub/note)', () => {
    expect(resolve(link('obl', 'sub/note'))).toBe(rootObl);
  });

  it('`./obl` is only the page\'s folder\'s: not the root\'s', () => {
    expect(resolve(link('./obl', 'sub/note'))).toBeUndefined();
  });

  it('a link to a file is only its folder\'s (kurs.md, kurs.html from sub/ are not the root\'s kurs)', () => {
    const file = (href: string) => ({ href, target: linkTarget(href, 'sub/rente', 'sub') as string });
    expect(resolve(file('kurs.md'))).toBeUndefined();
    expect(resolve(file('kurs.html'))).toBeUndefined();
    expect(resolve(file('kurs.md#del'))).toBeUndefined();
    expect(resolve(file('../kurs.md'))).toBe(resolve(link('/kurs', 'x')));
    expect(resolve(file('note.md'))).toBe(resolve(link('/sub/note', 'x')));
  });
});

describe('a link to another language folder\'s file, and a bare name by an alias', () => {
  it('`../../en/finans/bond.md` from the Danish page is the English file\'s: that language\'s, not broken', () => {
    const resolve = linkResolver([page('finans/aktie'), page('rente')], { otherLangs: ['en'] });
    expect(resolve({ href: '../../en/finans/bond.md', target: linkTarget('../../en/finans/bond.md', 'finans/aktie', 'finans') as string })).toBe('outside');
  });

  it('a bare name that is an alias finds its article from a page in a folder ([Obl](Obligationer) from Top)', () => {
    const obligation = { id: 'obligation', aliases: ['Obligationer'], links: [] } as unknown as Article;
    const resolve = linkResolver([obligation, page('Top')]);
    expect(resolve(link('Obligationer', 'Top'))).toBe(obligation);
  });
});

describe('a file named with its language (one rule for the listing, links, check and the language server)', () => {
  it('languageSuffix: a code after a dot, whether or not it is one the corpus has', () => {
    expect(languageSuffix('aktie.da')).toEqual({ base: 'aktie', lang: 'da' });
    expect(languageSuffix('aktie/index.pt_BR')).toEqual({ base: 'aktie/index', lang: 'pt-br' });
    expect(languageSuffix('Socket.io')).toEqual({ base: 'Socket', lang: 'io' });
    expect(languageSuffix('M.xx')).toBeUndefined();
    expect(languageSuffix('aktie')).toBeUndefined();
    expect(languageSuffix('.da')).toBeUndefined();
  });

  it('isBundle: index.md always, index.da.md unless its id kept the code', () => {
    expect(isBundle('index.md', 'index')).toBe(true);
    expect(isBundle('index.da.md', 'aktie')).toBe(true);
    expect(isBundle('index.io.md', 'rente/index.io')).toBe(false);
    expect(isBundle('index.io.md', 'index.io')).toBe(false);
    expect(isBundle('aktie.da.md', 'aktie')).toBe(false);
    expect(isBundle('aktie.md', 'aktie')).toBe(false);
  });
});
