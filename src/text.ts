// Small text helpers shared by parsing and rendering: entities, control characters.

// C0 (but tab and newline), DEL and C1: never passed from content to a terminal.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Bidirectional controls (Unicode's Bidi_Control: overrides, isolates, embeddings and the marks
 * LRM, RLM and ALM): not control characters, but they reorder what a terminal or an editor shows
 * ("Trojan Source"). Every output that takes content strips or escapes them.
 */
export const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

// Any escape sequence (CSI, OSC ended by BEL or ST, DCS/SOS/PM/APC ended by ST, other ESC forms),
// then stray C0/C1 controls. One not ended loses its ESC and introducer only: the text after a stray
// `\x1bPris` is the article's, not a payload to drop (an export lost the rest of a body).
export const ANY_ESCAPE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[PX^_][^\u001b]*\u001b\\|\u001b[@-Z\\-_]?/g;

/**
 * Control characters dropped, and an escape sequence whole: a title of `\x1b[31mRød` is `Rød`,
 * not `[31mRød` (the DICT server, the exports and lookup showed the sequence's remains). An 8-bit
 * CSI (U+009B) alone goes, not what follows it: it is far more often cp1252's `›` read as Latin-1
 * than a sequence (`og \u009b2024 var` lost "2024 v").
 */
export function stripControl(text: string): string {
  return text.replace(ANY_ESCAPE, '').replace(CONTROL, '');
}

/** `3 articles`, `1 article`: a count with its noun, for messages. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function hasControl(text: string): boolean {
  return /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(text);
}

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
  aelig: 'æ', AElig: 'Æ', oslash: 'ø', Oslash: 'Ø', aring: 'å', Aring: 'Å',
  eacute: 'é', egrave: 'è', auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü',
  ndash: '–', mdash: '—', hellip: '…', laquo: '«', raquo: '»', bdquo: '„', sbquo: '‚',
  rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', euro: '€', pound: '£', shy: '\u00ad',
  copy: '©', reg: '®', trade: '™', deg: '°', plusmn: '±', times: '×', divide: '÷',
  middot: '·', bull: '•', sect: '§', para: '¶', frac12: '½', frac14: '¼', frac34: '¾',
};

/** Entities that are Markdown's and HTML's own escapes: the renderer reads them, and they must stay. */
const MARKUP_ESCAPES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

const ENTITY = /&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,7});/gi;

/**
 * Named entities in Markdown text the renderer leaves as written (`&nbsp;`, `&mdash;`), as their
 * characters; the markup's own escapes (`&amp;`, `&lt;` ...) and numbered ones stay for the renderer.
 */
export function decodeNamedEntities(text: string): string {
  return text.includes('&') ? text.replace(/&([A-Za-z][A-Za-z0-9]{1,7});/g, (whole, name: string) => (MARKUP_ESCAPES.has(name) ? whole : NAMED[name] ?? whole)) : text;
}

function decodeOnce(text: string): string {
  return text.replace(ENTITY, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name] ?? whole;
  });
}

/** Decodes HTML entities, also doubly escaped ones (`M&amp;amp;A` -> `M&A`). */
export function decodeEntities(text: string): string {
  let out = text;
  for (let i = 0; i < 3; i++) {
    const next = decodeOnce(out);
    if (next === out) break;
    out = next;
  }
  return out;
}

export function hasEntities(text: string): boolean {
  ENTITY.lastIndex = 0;
  return ENTITY.test(text);
}

/**
 * One line of display text: entities decoded, controls and bidirectional controls dropped (a
 * title of nothing else is then empty, and the file name stands for it, as for a title of control
 * characters: it was exported as an empty term), white space collapsed.
 */
export function displayText(text: string): string {
  return stripControl(decodeEntities(text)).replace(BIDI, '').replace(/\s+/g, ' ').trim();
}
