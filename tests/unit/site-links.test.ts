// The site layout the pages' own addresses tell (links.ts siteLayout, siteLinkOptions) and the
// resolution by those addresses: MDN's `slug`, Docusaurus's `slug`, Hugo's `url` and path aliases.
import { describe, expect, it } from 'vitest';
import { linkResolver, linkTarget, siteLayout, siteLinkOptions } from '../../src/corpus/links.js';
import type { Article } from '../../src/corpus/article.js';

const page = (id: string, site: string[] | undefined, ...hrefs: string[]) =>
  ({ id, aliases: [], site, links: hrefs.map((href) => ({ href, target: linkTarget(href, id) as string, text: '', line: 1 })) }) as unknown as Article;
const link = (href: string) => ({ href, target: linkTarget(href, 'x') as string });

describe('siteLayout', () => {
  // MDN: more links to /docs/Web/<X> end in a term's id than links to the glossary itself.
  const css = page('css', ['glossary/css'], '/en-US/docs/Web/CSS');
  const html = page('html', ['glossary/html'], '/en-US/docs/Web/HTML', '/en-US/docs/Glossary/CSS');
  const ssg = page('ssg', ['glossary/ssg'], '/en-US/docs/Web/HTML', '/en-US/docs/Web/JavaScript');
  const cdn = page('cdn', ['glossary/cdn'], '/en-US/docs/Glossary/SSG', '/en-US/docs/Web/CSS');
  const nested = page('block/css', ['glossary/block/css'], '/en-US/docs/Glossary/CSS');
  const mdn = [css, html, ssg, cdn, nested];

  it('learns the root before the addresses and the section they share (MDN: docs, glossary)', () => {
    expect(siteLayout(mdn)).toEqual({ prefix: ['docs', 'glossary'], root: ['docs'] });
    expect(siteLinkOptions(mdn)).toEqual({ prefix: ['docs', 'glossary'], root: ['docs'] });
  });

  it('the ids may hold the section (content folder files/en-us): the addresses still place them', () => {
    const ids = mdn.map((a) => ({ ...a, id: `glossary/${a.id}` }));
    expect(siteLayout(ids)).toEqual({ prefix: ['docs', 'glossary'], root: ['docs'] });
  });

  it('is undefined without addresses, or when no link uses one; a configured prefix wins', () => {
    expect(siteLayout([page('a', undefined, '/en-US/docs/Glossary/B')])).toBeUndefined();
    expect(siteLayout([page('a', ['glossary/a'], '/en-US/docs/Web/B'), page('b', ['glossary/b'])])).toBeUndefined();
    expect(siteLinkOptions(mdn, '/en-US/docs/Web/')).toEqual({ prefix: ['docs', 'web'] });
  });

  it('the commonest root wins; a section only when nearly every page has it', () => {
    const pages = [page('a', ['g/a'], '/d/g/b', '/d/other/c', '/x/g/b'), page('b', ['g/b']), page('c', ['other/c'])];
    // Two of three pages under g/: no section; the root d (two links) over x (one).
    expect(siteLayout(pages)).toEqual({ prefix: ['d'], root: ['d'] });
  });

  it('Hugo urls from the site root: an empty root, the section as the prefix', () => {
    const a = page('terms/cdn', ['glossary/cdn', 'old/cdn'], '/glossary/ssg/');
    const b = page('terms/ssg', ['glossary/ssg'], '/old/cdn/');
    expect(siteLayout([a, b])).toEqual({ prefix: ['glossary'], root: [] });
  });
});

describe('linkResolver by the pages\' addresses', () => {
  const css = page('css', ['glossary/css']);
  const ssg = page('ssg', ['glossary/ssg']);
  const node = page('node/networking', ['glossary/node/networking']);
  const resolve = linkResolver([css, ssg, node], { prefix: ['docs', 'glossary'], root: ['docs'] });

  it('a link under the prefix by its address, in any case and with a language; a macro\'s /X too', () => {
    expect(resolve(link('/en-US/docs/Glossary/SSG'))).toBe(ssg);
    expect(resolve(link('/de/docs/glossary/node/networking/'))).toBe(node);
    expect(resolve(link('/SSG'))).toBe(ssg);
    expect(resolve(link('/en-US/docs/Glossary/Nothing'))).toBeUndefined();
  });

  it('never a page outside the glossary by its last part', () => {
    expect(resolve(link('/en-US/docs/Web/CSS'))).toBe('outside');
    expect(resolve(link('/en-US/docs/Web/Glossary/CSS'))).toBe('outside');
    expect(resolve(link('/en-US/docs/Glossary'))).toBe('outside');
  });

  it('a Docusaurus slug unlike the file name; with pages at the root of docs, an unknown path is outside', () => {
    const cdn = page('cdn', ['content-delivery-network']);
    const r = linkResolver([cdn, page('ssg', ['static-site-generator'])], { prefix: ['docs'], root: ['docs'] });
    expect(r(link('/docs/content-delivery-network/'))).toBe(cdn);
    expect(r(link('/docs/cdn'))).toBe(cdn); // the id, as before
    expect(r(link('/docs/api/ssg'))).toBe('outside');
  });

  it('a Hugo path alias is the page, a path elsewhere on the site is not', () => {
    const cdn = page('terms/cdn', ['glossary/cdn', 'old/cdn']);
    const r = linkResolver([cdn], { prefix: ['glossary'], root: [] });
    expect(r(link('/old/cdn/'))).toBe(cdn);
    expect(r(link('/glossary/cdn'))).toBe(cdn);
    expect(r(link('/blog/cdn/'))).toBe('outside');
    expect(r(link('/glossary/ssg/'))).toBeUndefined();
  });
});
