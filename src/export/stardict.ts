// A StarDict dictionary (.ifo, .idx, .dict, .syn) of one language, as bytes. Pure.
// Format: StarDictFileFormat in the stardict-3 sources. The index is in StarDict's own order
// (g_ascii_strcasecmp on the UTF-8 bytes, then strcmp), which its readers binary-search: sorted
// any other way (Danish collation), words with æ, ø or å cannot be found.
import { Marked, type Tokens } from 'marked';
import { bodyRepeatsDescription, preprocess, renderArticle } from '../render/article.js';
import { clean, escapeXml, oneLine, provenance, type ExportArticle, type ExportMeta } from './model.js';

const lowerAscii = (byte: number) => (byte >= 0x41 && byte <= 0x5a ? byte + 32 : byte);
/**
 * A word's key among the entries: as a reader finds it, case aside. The index is ordered with ASCII
 * case folded (stardictCompare), but sdcv finds a word in any case, Danish letters too (`Æble` by
 * `æble`): words that differ only so are one entry, or the reader shows one and hides the other.
 */
const caseKey = (word: string) => word.toLowerCase();

/** StarDict's stardict_strcmp: ASCII case folded first, then the bytes as they are. */
export function stardictCompare(a: Buffer, b: Buffer): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = lowerAscii(a[i] as number) - lowerAscii(b[i] as number);
    if (d) return d;
  }
  if (a.length !== b.length) return a.length - b.length;
  return Buffer.compare(a, b);
}

/** A headword as StarDict keeps it: one line, no NUL, at most 255 bytes (its readers' limit). */
export function headword(text: string): string {
  let word = oneLine(text);
  if (Buffer.byteLength(word) <= 255) return word;
  // Cut by whole characters (half an emoji was written as U+FFFD), then the space before the cut:
  // a key that ends in a space is one stardict-verify warns of, and no one types.
  let bytes = 0;
  let cut = '';
  for (const c of word) {
    bytes += Buffer.byteLength(c);
    if (bytes > 255) break;
    cut += c;
  }
  return cut.trimEnd();
}

/** The article as simple HTML: its Markdown rendered, links to other entries as bword:// links, raw HTML shown as text. */
export function articleHtml(article: ExportArticle): string {
  const byHref = new Map<string, string>();
  for (const l of article.record.links) if (l.to && !l.outside) byHref.set(l.href, l.to.title);
  const marked = new Marked({
    gfm: true,
    renderer: {
      html: (token: Tokens.HTML | Tokens.Tag) => escapeXml(token.text),
      image: (token: Tokens.Image) => escapeXml(token.text),
      link(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token: Tokens.Link) {
        const inner = this.parser.parseInline(token.tokens);
        const target = byHref.get(token.href);
        return target === undefined ? inner : `<a href="bword://${escapeXml(headword(target))}">${inner}</a>`;
      },
    },
  });
  const markdown = clean(preprocess(article.markdown, article.title));
  const body = marked.parse(markdown, { async: false }) as string;
  const names = article.aliases.length ? `<p><i>${article.aliases.map(escapeXml).join(', ')}</i></p>\n` : '';
  const keywords = article.keywords.length ? `<p><small>${article.keywords.map(escapeXml).join(' · ')}</small></p>\n` : '';
  // preprocess drops a first heading that repeats the title; the title comes first, always.
  const title = `<h1>${escapeXml(article.title)}</h1>\n`;
  // The description, as lookup shows it under the title: the article's definition, which a body
  // need not repeat (an article of front matter alone was its title and nothing else); not where
  // the body begins with it (taken from its first sentence), as lookup leaves it out there too.
  const lead = article.description.trim() && !bodyRepeatsDescription(article.description, markdown) ? `<p>${escapeXml(article.description.trim())}</p>\n` : '';
  return clean(`${title}${names}${lead}${body}${keywords}`).trim();
}

/** The article as plain text (sametypesequence=m): as `glossary lookup` prints it to a pipe, at 80 columns. */
export function articleText(article: ExportArticle): string {
  return clean(renderArticle(article.record, { width: 80, color: false })).trim();
}

export interface StarDictFiles {
  ifo: string;
  idx: Buffer;
  dict: Buffer;
  /** Absent when no article has an alias. */
  syn?: Buffer;
  wordcount: number;
  synwordcount: number;
}

export interface StarDictOptions {
  plain?: boolean;
  bookname: string;
}

/** A word that names articles, by its key (`caseKey`): as spelt, and the articles it names, in the order given. */
interface Named {
  /** Its spelling in the .idx: a title's, where it is one; else the first seen. */
  word: string;
  spellings: string[];
  members: number[];
  /** The articles whose title it is. */
  owners: number[];
  title: boolean;
}

/** One dictionary of the articles given (one language). */
export function stardict(articles: ExportArticle[], meta: ExportMeta, options: StarDictOptions): StarDictFiles {
  // A reader shows one entry of a word, and its words are the same word in any case (`caseKey`):
  // sdcv showed the last of two, and the first could not be reached, whether
  // they were two titles (one title in two folders) or a title and another article's alias, or one
  // alias of two articles. So every word that names an article (its title, an alias) is one entry
  // that holds each article it names, one after the other (a title's own first): a title's entry,
  // and an alias's entry when its articles are not those of one title's entry, of which it is
  // otherwise a synonym (.syn).
  const named = new Map<string, Named>();
  articles.forEach((a, i) => {
    const names: Array<[string, boolean]> = [[headword(a.title), true], ...a.aliases.map((x): [string, boolean] => [headword(x), false])];
    for (const [word, title] of names) {
      if (!word && !title) continue;
      const key = caseKey(word);
      const found = named.get(key) ?? (named.set(key, { word, spellings: [], members: [], owners: [], title }).get(key) as Named);
      // Spelt as a title spells it, where it is one; its articles first.
      if (title && !found.title) Object.assign(found, { word, title: true });
      if (title && !found.owners.includes(i)) found.owners.push(i);
      if (!found.members.includes(i)) found.members.push(i);
      if (!found.spellings.includes(word)) found.spellings.push(word);
    }
  });
  const chunks: Buffer[] = [];
  const entries: Array<{ word: Buffer; offset: number; size: number }> = [];
  /** The entry of each word that is one, by its key. */
  const entryOfKey = new Map<string, number>();
  let offset = 0;
  const texts = new Map<number, string>();
  const text = (i: number) => texts.get(i) ?? (texts.set(i, options.plain ? articleText(articles[i] as ExportArticle) : articleHtml(articles[i] as ExportArticle)).get(i) as string);
  /** An article's title's entry, by key. */
  const homeOf = (i: number) => caseKey(headword((articles[i] as ExportArticle).title));
  /** An alias whose articles are all in one title's entry (one article, or both of one title) is a synonym of it: the key of that entry. */
  const synonymOf = new Map<string, string>();
  for (const [key, { members, title }] of named) {
    if (title) continue;
    const home = homeOf(members[0] as number);
    const held = new Set(named.get(home)?.members);
    if (members.every((i) => homeOf(i) === home && held.has(i))) synonymOf.set(key, home);
  }
  for (const [key, { word, members, owners }] of named) {
    if (synonymOf.has(key)) continue;
    const data = Buffer.from([...owners, ...members.filter((i) => !owners.includes(i))].map(text).join(options.plain ? '\n\n' + '-'.repeat(40) + '\n\n' : '\n<hr>\n'), 'utf8');
    chunks.push(data);
    entryOfKey.set(key, entries.length);
    entries.push({ word: Buffer.from(word, 'utf8'), offset, size: data.length });
    offset += data.length;
  }
  // The .idx: sorted; equal words keep the .dict order.
  const order = entries.map((e, i) => ({ ...e, i })).sort((x, y) => stardictCompare(x.word, y.word) || x.i - y.i);
  const position = new Map<number, number>();
  const idxParts: Buffer[] = [];
  order.forEach((e, at) => {
    position.set(e.i, at);
    const nums = Buffer.alloc(8);
    nums.writeUInt32BE(e.offset, 0);
    nums.writeUInt32BE(e.size, 4);
    idxParts.push(e.word, Buffer.from([0]), nums);
  });
  const idx = Buffer.concat(idxParts);
  // The .syn: each alias that is no title and names the articles of one title's entry, pointing at it;
  // and every other spelling of a word that is an entry (`GAMMA` beside Gamma), pointing at it:
  // sdcv's exact search (-e) tells cases apart.
  const syns: Array<{ word: Buffer; to: number }> = [];
  for (const [key, { word, spellings }] of named) {
    const home = synonymOf.get(key);
    const to = position.get(entryOfKey.get(home ?? key) as number) as number;
    for (const spelling of spellings) if (home !== undefined || spelling !== word) syns.push({ word: Buffer.from(spelling, 'utf8'), to });
  }
  syns.sort((x, y) => stardictCompare(x.word, y.word) || x.to - y.to);
  const syn = syns.length
    ? Buffer.concat(
        syns.flatMap((s) => {
          const n = Buffer.alloc(4);
          n.writeUInt32BE(s.to, 0);
          return [s.word, Buffer.from([0]), n];
        }),
      )
    : undefined;
  // .ifo values are single lines; the description may break lines with <br>.
  const ifoValue = (text: string) => oneLine(text);
  const lines = [
    "StarDict's dict ifo file",
    `version=${syn ? '3.0.0' : '2.4.2'}`,
    `bookname=${ifoValue(options.bookname)}`,
    `wordcount=${entries.length}`,
    ...(syn ? [`synwordcount=${syns.length}`] : []),
    `idxfilesize=${idx.length}`,
    `author=${ifoValue(meta.source)}`,
    `description=${ifoValue(provenance(meta))}`,
    `sametypesequence=${options.plain ? 'm' : 'h'}`,
  ];
  return { ifo: lines.join('\n') + '\n', idx, dict: Buffer.concat(chunks), ...(syn ? { syn } : {}), wordcount: entries.length, synwordcount: syns.length };
}
