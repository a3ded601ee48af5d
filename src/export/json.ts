// The whole corpus as JSON: the source and licence, then one object per article. Pure.
import { clean, provenance, type ExportArticle, type ExportMeta } from './model.js';
import { articleText } from './stardict.js';

export function jsonExport(articles: ExportArticle[], meta: ExportMeta): string {
  const c = clean;
  const doc = {
    source: c(meta.source),
    ...(meta.licence ? { licence: c(meta.licence) } : {}),
    note: provenance(meta),
    articles: articles.map((a) => ({
      id: c(a.id),
      lang: a.lang,
      title: c(a.title),
      aliases: a.aliases.map(c),
      description: c(a.description),
      keywords: a.keywords.map(c),
      links: a.links.map((l) => ({ text: c(l.text), ...(l.id ? { id: c(l.id), title: c(l.title ?? '') } : {}) })),
      markdown: c(a.markdown),
      text: articleText(a),
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
