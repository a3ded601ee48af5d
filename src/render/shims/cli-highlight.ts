// Stand-in for cli-highlight, which marked-terminal calls: highlight.js costs more start-up than
// the rest of the renderer together, and only articles with fenced code need it. The edge loads
// the real one for such an article and renderArticle hands it in for that rendering only; without
// it, code is left as it is.
type Highlight = (code: string, language: string | undefined) => string;

let real: Highlight | undefined;

export function setHighlighter(fn: Highlight | undefined): void {
  real = fn;
}

export function highlight(code: string, options?: { language?: string }): string {
  return real ? real(code, options?.language) : code;
}
