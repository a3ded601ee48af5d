// Internal link targets: the one normalisation used by parsing and rendering alike, and the one
// resolution of a target to an article used by compiling and checking alike.
import { fold } from '../fold.js';
import type { Article, Link } from './article.js';
import { languageCode, languageSuffix } from './languages.js';

/** Files a link may point to that are not articles: such a link is not a glossary link. */
const FILE = /\.(?:png|jpe?g|gif|svg|webp|avif|ico|bmp|pdf|zip|gz|tgz|txt|csv|json|xml|ya?ml|mp[34]|webm|wav|ogg|docx?|xlsx?|pptx?)$/i;

/**
 * The path a link points to, or undefined for anything but a link within the site. `/a/b/` and
 * `/a/b#x` -> `a/b`; a link to a file (`x.md`, `../x/index.md`) is relative to the article's folder
 * `dir`; any other relative link (`../x/`, `./x`) is relative to the article's own page, whose
 * address is its id (`closure/`), as on a static site.
 */
export function linkTarget(href: string, id = '', dir = ''): string | undefined {
  if (href.startsWith('//') || href.startsWith('#') || /^[a-z][a-z\d+.-]*:/i.test(href)) return undefined;
  let path = href.replace(/[?#].*$/s, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    /* keep it as written */
  }
  if (path === '' || FILE.test(path)) return undefined;
  // A page's address as a static site writes it (Jekyll's `active.html` is active.md): as its file.
  path = path.replace(/\.html?$/i, '.md');
  const toFile = /\.md$/i.test(path);
  const base = path.startsWith('/') ? [] : (toFile ? dir : id).split('/');
  const out: string[] = [];
  for (const segment of [...base, ...path.split('/')]) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  const last = out[out.length - 1];
  if (last !== undefined && /^index\.md$/i.test(last)) out.pop();
  else if (last !== undefined && /\.md$/i.test(last)) out[out.length - 1] = last.slice(0, -3);
  return out.length === 0 ? undefined : out.join('/');
}

/**
 * The target of a link as its author wrote it, for messages: a relative link's address (decoded,
 * without its anchor), not the path it makes from the article's page (`[[Mangler]]` in note.md is
 * "Mangler", not "note/Mangler"); a site-absolute link's path.
 */
export function writtenTarget(link: Pick<Link, 'href' | 'target'>): string {
  if (link.href.startsWith('/')) return link.target;
  const path = link.href.replace(/[?#].*/s, '');
  try {
    return decodeURIComponent(path) || link.target;
  } catch {
    return path || link.target;
  }
}

/** Whether an article's file is named with its language (`aktie.en.md`, `aktie/index.en.md`), as its id is not. */
function namedWithLanguage(a: Article): boolean {
  if (typeof a.file !== 'string') return false;
  const name = a.file.slice(Math.max(a.file.lastIndexOf('/'), a.file.lastIndexOf('\\')) + 1).replace(/\.md$/i, '');
  const leaf = a.id.slice(a.id.lastIndexOf('/') + 1);
  return name !== leaf && name !== 'index' && languageSuffix(name) !== undefined;
}

/** A path to a file named with its language (`rente.da`, `aktie/index.da`): the id it is listed under, and the language. */
function untranslatedPath(path: string): { path: string; lang?: string } {
  const tagged = languageSuffix(path);
  if (!tagged) return { path };
  const { base, lang } = tagged;
  return { path: base.endsWith('/index') ? base.slice(0, -'/index'.length) : base, lang };
}

/** A relative link to a file (`x.md`, `../x/index.da.md`, `x.html`): read only from the linking file's folder. */
const isFileLink = (href: string) => !href.startsWith('/') && /\.(?:md|html?)$/i.test(href.replace(/[?#].*$/s, ''));

/** What a link resolves to: an article, `outside` (a page of the site that is not a term), or undefined (broken). */
export type Resolved = Article | 'outside' | undefined;

/** Link -> article (linkResolver). */
export interface LinkResolver {
  (link: Pick<Link, 'href' | 'target'>): Resolved;
  /**
   * For a link that resolves to nothing because two articles or more share the name it ends with
   * (`[[Note]]` with `a/Note.md` and `b/Note.md`, as an Obsidian vault may have): those articles,
   * for a message that names them. Empty for any other link.
   */
  ambiguous(link: Pick<Link, 'href' | 'target'>): Article[];
  /** Over an Obsidian vault (LinkOptions.vault): what is `outside` is another note of the vault, not a site's page. */
  readonly vault: boolean;
}

export interface LinkOptions {
  /** The site's glossary prefix as path segments, lower case (`docs`, `glossary`), the language left out. */
  prefix?: string[];
  /**
   * Where the addresses pages give themselves (Article.site) start on the site, as path segments:
   * MDN's `/en-US/docs/` + `slug: Glossary/CDN` is `docs`; a Hugo `url` is from the root (empty).
   * Undefined when no page gives itself an address that links use.
   */
  root?: string[];
  /** The corpus's other languages: `/de/x` from an English article is a link to that language. */
  otherLangs?: string[];
  /** An Obsidian vault: no page of a site beyond the notes, so a path that names none is broken. */
  vault?: boolean;
}

/** `/de/x` -> ['x'] when `de` is a language; else the parts as they are. */
function withoutLanguage(parts: string[]): { lang?: string; rest: string[] } {
  const lang = parts.length > 1 ? languageCode(parts[0] as string) : undefined;
  return lang ? { lang, rest: parts.slice(1) } : { rest: parts };
}

/** The address a static site gives a file name: lower case, spaces as hyphens (`cloud native` -> `cloud-native`). */
const urlized = (id: string) => id.toLowerCase().replace(/\s+/g, '-');

/**
 * What a link resolves by: a site-absolute link's target; a relative link's target and its address
 * as written (it is also read from the root and from the page's folder). Links with one key resolve alike.
 */
export function linkKey(link: Pick<Link, 'href' | 'target'>): string {
  return link.href.startsWith('/') ? `/${link.target}` : `${link.target}\u0000${link.href}`;
}

/**
 * Link -> article, with ids resolving before aliases (as links do). A site-absolute link may carry
 * a language (`/de/x`) and the site's glossary prefix; with a prefix, a link outside it is a page
 * of the site (`outside`), not a term; without one, a site-absolute link of several parts names a
 * term only by its whole path, or by the end of one (an Obsidian path from the note's folder), and
 * is broken in a folder of the corpus's own. A link to another language of the corpus is `outside`
 * this one. A relative link that names no article by its path is read from the page's folder
 * (`./x` from `a/y` is `a/x`), then, a bare name, from the root (`[[obl]]`), then by its last part
 * (`./x` from `y` is `y/x` as a path, but means `x`); a link to a file only from its folder.
 */
export function linkResolver(articles: Article[], options: LinkOptions = {}): LinkResolver {
  const byId = new Map<string, Article>();
  const byFoldedId = new Map<string, Article>();
  const byAlias = new Map<string, Article>();
  const byLeaf = new Map<string, Article | null>();
  const bySite = new Map<string, Article>();
  for (const a of articles) {
    for (const path of a.site ?? []) if (!bySite.has(path)) bySite.set(path, a);
    if (!byId.has(a.id)) byId.set(a.id, a);
    const key = a.id.toLowerCase();
    if (!byFoldedId.has(key)) byFoldedId.set(key, a);
    if (!byFoldedId.has(urlized(key))) byFoldedId.set(urlized(key), a);
    const leaf = key.slice(key.lastIndexOf('/') + 1);
    // A last part that two articles share names neither.
    byLeaf.set(leaf, byLeaf.has(leaf) && byLeaf.get(leaf) !== a ? null : a);
    for (const alias of a.aliases) {
      const k = fold(alias);
      if (k && !byAlias.has(k)) byAlias.set(k, a);
    }
  }
  const prefix = options.prefix ?? [];
  const root = options.root;
  const others = new Set(options.otherLangs ?? []);
  const direct = (path: string) => byId.get(path) ?? byFoldedId.get(path.toLowerCase());
  const leafOf = (parts: string[]) => byLeaf.get((parts[parts.length - 1] ?? '').toLowerCase()) ?? undefined;
  const alias = (parts: string[]) => (parts.length === 1 ? byAlias.get(fold(parts[0] as string)) : undefined);
  const section = root ? prefix.slice(root.length) : [];
  const inSection = (name: string) => (root && section.length ? bySite.get([...section, name].join('/')) : undefined);
  // Every id's last parts, the whole id too, as written and as a site writes the address
  // (`a/b/c` -> `a/b/c`, `b/c`, `c`; `sub-folder/egen-kapital`): the articles each names, made at
  // the first link that needs them.
  let tails: Map<string, Article[]> | undefined;
  const tailsOf = (parts: string[]): Article[] => {
    if (!tails) {
      tails = new Map();
      for (const a of articles) {
        const segments = a.id.toLowerCase().split('/');
        for (let i = 0; i < segments.length; i++) {
          for (const tail of new Set([segments.slice(i).join('/'), urlized(segments.slice(i).join('/'))])) {
            const list = tails.get(tail) ?? (tails.set(tail, []).get(tail) as Article[]);
            if (list[list.length - 1] !== a) list.push(a);
          }
        }
      }
    }
    return tails.get(parts.join('/').toLowerCase()) ?? [];
  };
  // The one article whose id ends with these parts (`[[Sub folder/Note]]` written from the note's
  // own folder, as Obsidian may write it); null where two do. (A whole id was tried before.)
  const bySuffix = (parts: string[]): Article | null | undefined => {
    const found = tailsOf(parts);
    return found.length === 0 ? undefined : found.length === 1 ? found[0] : null;
  };
  // `./x` read from the page's folder rather than from the page (`finance/bond` -> `finance/x`),
  // as Docusaurus and a plain folder of files mean it: by id, or by the address a page gives itself.
  const sibling = (target: string, written: string): Article | undefined => {
    if (!target.endsWith('/' + written)) return undefined;
    const page = target.slice(0, -written.length - 1);
    const path = (page.includes('/') ? page.slice(0, page.lastIndexOf('/') + 1) : '') + written;
    return direct(path) ?? bySite.get(path.toLowerCase());
  };
  let folders: Set<string> | undefined;
  // In a folder of terms and not itself a folder (a section's page, `/finans/aktier/`, is the site's).
  const termInFolder = (parts: string[]): boolean => {
    if (!folders) {
      folders = new Set();
      for (const a of articles) {
        const segments = a.id.toLowerCase().split('/');
        for (let i = 1; i < segments.length; i++) folders.add(segments.slice(0, i).join('/'));
      }
    }
    return folders.has(parts.slice(0, -1).join('/')) && !folders.has(parts.join('/'));
  };
  const resolve = (href: string, target: string): Resolved => {
    const toFile = isFileLink(href);
    const found = toFile ? undefined : direct(target);
    if (found) return found;
    const parts = target.split('/');
    if (!href.startsWith('/')) {
      // A link to a file (`x.md`, `x.html`, `../x/index.da.md`) is that file's, from the linking
      // file's folder (`target`): by its id, also when the file's name holds its language (Hugo).
      // Only there (on a site or GitHub another folder's file of that name is a 404), and a file of
      // another language of the corpus (`index.en.md` from the Danish page) is that language's.
      // So is a file in another language's folder (`../../en/finans/bond.md`).
      if (toFile) {
        // By its id as written (`M.Sc.md`), unless that is a file named without a language
        // (`index.md`, `aktie.md`) where this language's article of the id is one named with one
        // (`index.en.md`): then the link is to the other file, the default language's (Hugo).
        const exact = direct(target);
        if (exact) return others.size > 0 && namedWithLanguage(exact) ? 'outside' : exact;
        const file = untranslatedPath(target);
        const folder = withoutLanguage(parts).lang;
        return (file.lang && others.has(file.lang)) || (folder && others.has(folder)) ? 'outside' : direct(file.path);
      }
      // Else from the page's folder (`./x` and `x` from finance/bond: finance/x), then a bare name
      // as a wikilink writes it from the root (`[[obl]]` is the root's obl.md though another folder
      // has one too), then by its last part, or an alias.
      const written = linkTarget(href);
      const bare = written !== undefined && !/^\.\.?\//.test(href) ? direct(written) : undefined;
      return (written !== undefined ? sibling(target, written) : undefined) ?? bare ?? (parts.length > 1 ? leafOf(parts) : undefined) ?? byAlias.get(fold(written ?? target));
    }
    const { lang, rest } = withoutLanguage(parts);
    if (lang && others.has(lang)) return 'outside';
    const lower = rest.map((p) => p.toLowerCase());
    // The address a page gives itself, under the site's root (`docs/` + `glossary/cdn`).
    if (root && lower.length > root.length && root.every((p, i) => lower[i] === p)) {
      const page = bySite.get(lower.slice(root.length).join('/'));
      if (page) return page;
    }
    if (prefix.length) {
      if (lower.length > prefix.length && prefix.every((p, i) => lower[i] === p)) {
        const under = rest.slice(prefix.length);
        const found = direct(under.join('/'));
        // Pages placed at the site's root (a Docusaurus `slug: /x`) leave no section to tell the
        // glossary's pages from the rest: a path that names none of them is a page of the site,
        // unless it is in a folder of the corpus's own (`/docs/finance/nope` over finance/).
        const own = termInFolder(lower) || termInFolder(under.map((p) => p.toLowerCase()));
        return found ?? (root && prefix.length === root.length && !own ? 'outside' : undefined);
      }
      // Not under the prefix: one part is still a term's id or alias (`/x`), more is a page of the
      // site unless it is in a folder of the corpus's own. A macro's `/SSG` (MDN
      // `{{Glossary("SSG")}}`) names the page in the glossary's section too.
      if (rest.length === 1) return direct(rest[0] as string) ?? alias(rest) ?? inSection(lower[0] as string);
      // In a folder of a vault (its path the prefix), a path is also the one note whose path ends so
      // (`[[Sub/Note]]` for Ordliste/Sub/Note), as Obsidian finds it; two such are ambiguous.
      const suffix = options.vault ? bySuffix(rest) : undefined;
      if (suffix !== undefined) return suffix ?? undefined;
      return termInFolder(lower) ? undefined : 'outside';
    }
    const inPath = direct(rest.join('/')) ?? alias(rest);
    if (inPath || rest.length === 1) return inPath;
    // In a folder of the corpus's own (`/glossary/rentee/` where glossary/ holds the terms): a
    // term that is not there, not a page of the site.
    // A path two articles' paths end with is theirs, not the site's: unresolved (ambiguous below).
    const suffix = bySuffix(rest);
    return suffix === null ? undefined : suffix ?? (options.vault || termInFolder(lower) ? undefined : 'outside');
  };
  // Remembered: a corpus links to the same targets over and over, and folding is not free.
  const seen = new Map<string, Resolved>();
  const resolver = (link: Pick<Link, 'href' | 'target'>): Resolved => {
    const key = linkKey(link);
    if (seen.has(key)) return seen.get(key);
    const found = resolve(link.href, link.target);
    seen.set(key, found);
    return found;
  };
  const ambiguous = (link: Pick<Link, 'href' | 'target'>): Article[] => {
    if (resolver(link) !== undefined || link.target === '') return [];
    const site = link.href.startsWith('/');
    if (isFileLink(link.href)) return [];
    // The ends a resolution tries: a relative link's last part (its leaf, as the path it makes from
    // the page has more than one), a path's whole (bySuffix).
    const whole = site ? withoutLanguage(link.target.split('/')).rest : link.target.split('/');
    if (whole.length < 2) return [];
    // A relative link is read by its last part only where it was written as a bare name (`[[Note]]`,
    // `./note`): one that names a folder (`../c/note`) means that folder's, not any note of the name.
    if (!site && writtenTarget(link).replace(/^(?:\.\/)+/, '').includes('/')) return [];
    const parts = site ? whole : whole.slice(-1);
    const could = tailsOf(parts);
    return could.length > 1 ? could : [];
  };
  return Object.assign(resolver, { ambiguous, vault: options.vault === true });
}

/**
 * The site's glossary prefix, when most site-absolute links share one and it makes links resolve
 * (`/en-US/docs/Glossary/Closure`): lower-case path segments, or empty.
 */
export function detectPrefix(articles: Article[]): string[] {
  const counts = new Map<string, number>();
  let total = 0;
  for (const a of articles) {
    for (const link of a.links) {
      if (!link.href.startsWith('/')) continue;
      // `/de/docs/glossary/x` and `/docs/glossary/x` share the prefix `docs/glossary`.
      const parts = withoutLanguage(link.target.toLowerCase().split('/')).rest;
      if (parts.length < 2) continue;
      total++;
      for (let k = 1; k < parts.length && k <= 4; k++) {
        const key = parts.slice(0, k).join('/');
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  if (total < 2) return [];
  const candidates = [...counts].filter(([, n]) => n >= Math.max(2, total * 0.25)).sort((x, y) => y[1] - x[1] || y[0].length - x[0].length).slice(0, 6);
  if (candidates.length === 0) return [];
  const ids = new Set(articles.map((a) => a.id.toLowerCase()));
  let best: string[] = [];
  let bestScore = 0;
  for (const [key] of candidates) {
    const prefix = key.split('/');
    // A language (`/de/x`) is not the site's prefix: links in every language name theirs.
    if (prefix.length === 1 && languageCode(prefix[0] as string)) continue;
    let score = 0;
    for (const a of articles) {
      for (const link of a.links) {
        if (!link.href.startsWith('/')) continue;
        const parts = withoutLanguage(link.target.toLowerCase().split('/')).rest;
        if (parts.length > prefix.length && prefix.every((p, i) => parts[i] === p) && ids.has(parts.slice(prefix.length).join('/'))) score++;
      }
    }
    if (score > bestScore || (score === bestScore && prefix.length > best.length && score > 0)) {
      best = prefix;
      bestScore = score;
    }
  }
  return bestScore >= 2 ? best : [];
}

/** The value counted most often (ties: the first counted), or undefined. */
function commonest(counts: Map<string, number>): string | undefined {
  let best: string | undefined;
  let most = 0;
  for (const [key, n] of counts) {
    if (n > most) {
      best = key;
      most = n;
    }
  }
  return best;
}

/**
 * The site's layout as the pages' own addresses (`slug: Glossary/CDN`, Hugo `url`) tell it, or
 * undefined when no page gives one that a link uses. The root is what site-absolute links put
 * before a page's address (`/en-US/docs/Glossary/SSG` and `glossary/ssg`: `docs`, the language left
 * out), the commonest wins; the prefix is the root and the leading part nearly all addresses share
 * (`glossary`): a link under it that names no page is broken, one elsewhere on the site is outside.
 */
export function siteLayout(articles: Article[]): { prefix: string[]; root: string[] } | undefined {
  const pages = new Set<string>();
  // How many pages have each leading part (`glossary`, `glossary/node`) before their last segment.
  const sections = new Map<string, number>();
  let placed = 0;
  for (const a of articles) {
    if (!a.site?.length) continue;
    placed++;
    const heads = new Set<string>();
    for (const path of a.site) {
      pages.add(path);
      const parts = path.split('/');
      for (let k = 1; k < parts.length && k <= 4; k++) heads.add(parts.slice(0, k).join('/'));
    }
    for (const head of heads) sections.set(head, (sections.get(head) ?? 0) + 1);
  }
  if (pages.size === 0) return undefined;
  const roots = new Map<string, number>();
  for (const a of articles) {
    for (const link of a.links) {
      if (!link.href.startsWith('/')) continue;
      const parts = withoutLanguage(link.target.toLowerCase().split('/')).rest;
      // The longest address that ends the link: `docs/glossary/ssg` is no page, `glossary/ssg` is.
      for (let k = 0; k < parts.length; k++) {
        if (!pages.has(parts.slice(k).join('/'))) continue;
        const root = parts.slice(0, k).join('/');
        roots.set(root, (roots.get(root) ?? 0) + 1);
        break;
      }
    }
  }
  const root = commonest(roots);
  if (root === undefined) return undefined;
  // The glossary's section: the longest leading part nearly every page's address has (`glossary`).
  let section = '';
  for (const [head, n] of sections) if (n >= Math.max(2, placed * 0.9) && head.length > section.length) section = head;
  const split = (path: string) => path.split('/').filter(Boolean);
  return { prefix: [...split(root), ...split(section)], root: split(root) };
}

/**
 * How a corpus's links are read: a configured prefix (`sitePrefix`), else the layout the pages'
 * own addresses tell, else the prefix most site-absolute links share.
 */
export function siteLinkOptions(articles: Article[], configured?: string, vault?: string): LinkOptions {
  // An Obsidian vault is no site: a path names a note or nothing (no prefix guessed from paths).
  // A folder of the vault (`Ordliste`, `vault`) is the prefix of paths written from the vault's root.
  if (vault !== undefined) return vault ? { vault: true, prefix: vault.toLowerCase().split('/').filter(Boolean) } : { vault: true };
  const prefix = prefixParts(configured);
  if (prefix) return { prefix };
  return siteLayout(articles) ?? { prefix: detectPrefix(articles) };
}

/** A configured prefix (`/en-US/docs/Glossary/`) as lower-case path segments. */
export function prefixParts(prefix: string | undefined): string[] | undefined {
  if (prefix === undefined) return undefined;
  // The language is read apart from the prefix (`/en-US/docs/Glossary/` is `docs/glossary`).
  return withoutLanguage(prefix.toLowerCase().split('/').filter(Boolean)).rest;
}
