// A TBX-Basic termbase of the corpus: one entry per article id, one language section per language
// that has the article (the source language first), the title and aliases as terms, the
// description as the definition, keywords as subject fields. TBX v2 (martif, the form OmegaT,
// translate-toolkit, MultiTerm and Phrase read) or TBX v3 (ISO 30042:2019, DCA style). Pure.
import { byCodeUnits, escapeXml, provenance, type ExportArticle, type ExportMeta } from './model.js';

export interface TbxOptions {
  version: 2 | 3;
  /** The source language: its sections come first. */
  source: string;
  title: string;
}

interface Concept {
  id: string;
  sections: ExportArticle[];
}

/**
 * Articles grouped by id, in id order; within an entry the source language first, then the others
 * in code order. An entry has one article of a language: a second of the same id (two files that
 * `check` names as a duplicate id, `da/x.md` and `Danish/x.md`) is an entry of its own, not a
 * translation of the first (translate-toolkit read one Danish title as the other's).
 */
export function concepts(articles: ExportArticle[], source: string): Concept[] {
  const byId = new Map<string, ExportArticle[]>();
  for (const a of articles) byId.set(a.id, [...(byId.get(a.id) ?? []), a]);
  const rank = (lang: string) => (lang === source ? '' : lang);
  return [...byId.keys()].sort(byCodeUnits).flatMap((id) => {
    const entries: ExportArticle[][] = [];
    for (const a of byId.get(id) as ExportArticle[]) {
      const free = entries.find((e) => !e.some((x) => x.lang === a.lang));
      if (free) free.push(a);
      else entries.push([a]);
    }
    return entries.map((sections) => ({ id, sections: sections.sort((a, b) => byCodeUnits(rank(a.lang), rank(b.lang))) }));
  });
}

/**
 * An xsd:ID made of an article id: ASCII letters and digits, the letters of Latin-1 (æ, ø, å, é),
 * `.`, `-`, `_`; starting with a letter or `_`. Any other character is written as its code
 * (`a b` -> `a_x20_b`), and so is an underscore before an x (`a_x20_b` -> `a_x5f_x20_b`): no two
 * ids give one xsd:ID, so an entry keeps its id whatever other files are added. The letters XML
 * Schema takes in a name are those of Unicode 2.0: µ, ª, º, ², ½, ș, ț and newer letters made a
 * TBX that jing refused, so every letter past Latin-1 is written as its code too. A second entry
 * of one id (a duplicate id) is `id_x_2`, which no id gives.
 */
function xmlId(id: string, used: Set<string>): string {
  let base = id.replace(/_(?=x)|[^A-Za-z0-9._\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff-]/gu, (c) => `_x${(c.codePointAt(0) as number).toString(16)}_`);
  if (!/^[A-Za-z_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]/.test(base)) base = `_${base}`;
  let out = base;
  for (let i = 2; used.has(out); i++) out = `${base}_x_${i}`;
  used.add(out);
  return out;
}

/** Each term once: the title, then the aliases (a repeated or empty one left out). */
function terms(a: ExportArticle): string[] {
  const seen = new Set<string>();
  return [a.title, ...a.aliases].filter((t) => {
    const k = t.trim();
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function subjects(c: Concept): string[] {
  const seen = new Set<string>();
  return c.sections.flatMap((a) => a.keywords).filter((k) => (seen.has(k.toLowerCase()) ? false : (seen.add(k.toLowerCase()), true)));
}

export function tbx(articles: ExportArticle[], meta: ExportMeta, options: TbxOptions): string {
  const x = escapeXml;
  const used = new Set<string>();
  const all = concepts(articles, options.source);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  if (options.version === 2) {
    out.push(
      `<martif type="TBX-Basic" xml:lang="${x(options.source)}">`,
      '  <martifHeader>',
      '    <fileDesc>',
      `      <titleStmt><title>${x(options.title)}</title></titleStmt>`,
      `      <sourceDesc><p>${x(provenance(meta))}</p></sourceDesc>`,
      '    </fileDesc>',
      '    <encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc>',
      '  </martifHeader>',
      '  <text>',
      '    <body>',
    );
    for (const c of all) {
      out.push(`      <termEntry id="${x(xmlId(c.id, used))}">`);
      for (const s of subjects(c)) out.push(`        <descrip type="subjectField">${x(s)}</descrip>`);
      for (const a of c.sections) {
        out.push(`        <langSet xml:lang="${x(a.lang)}">`);
        if (a.description.trim()) out.push(`          <descrip type="definition">${x(a.description)}</descrip>`);
        terms(a).forEach((t, i) => {
          out.push('          <tig>', `            <term>${x(t)}</term>`);
          out.push(`            <termNote type="administrativeStatus">${i === 0 ? 'preferredTerm-admn-sts' : 'admittedTerm-admn-sts'}</termNote>`, '          </tig>');
        });
        out.push('        </langSet>');
      }
      out.push('      </termEntry>');
    }
    out.push('    </body>', '  </text>', '</martif>');
  } else {
    out.push(
      `<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="${x(options.source)}">`,
      '  <tbxHeader>',
      '    <fileDesc>',
      `      <titleStmt><title>${x(options.title)}</title></titleStmt>`,
      `      <sourceDesc><p>${x(provenance(meta))}</p></sourceDesc>`,
      '    </fileDesc>',
      '  </tbxHeader>',
      '  <text>',
      '    <body>',
    );
    for (const c of all) {
      out.push(`      <conceptEntry id="${x(xmlId(c.id, used))}">`);
      for (const s of subjects(c)) out.push(`        <descrip type="subjectField">${x(s)}</descrip>`);
      for (const a of c.sections) {
        out.push(`        <langSec xml:lang="${x(a.lang)}">`);
        if (a.description.trim()) out.push(`          <descrip type="definition">${x(a.description)}</descrip>`);
        terms(a).forEach((t, i) => {
          out.push('          <termSec>', `            <term>${x(t)}</term>`);
          out.push(`            <termNote type="administrativeStatus">${i === 0 ? 'preferredTerm-admn-sts' : 'admittedTerm-admn-sts'}</termNote>`, '          </termSec>');
        });
        out.push('        </langSec>');
      }
      out.push('      </conceptEntry>');
    }
    out.push('    </body>', '  </text>', '</tbx>');
  }
  return out.join('\n') + '\n';
}
