// Stand-in for cli-highlight in the bundle: highlight.js costs more start-up than the rest of the
// renderer together, and only articles with fenced code need it. The renderer loads the real one
// (see loadHighlighter) before rendering such an article; until then code is left as it is.
type Highlight = (code: string, options?: { language?: string }) => string;

let real: Highlight | undefined;

export function setHighlighter(fn: Highlight): void {
  real = fn;
}

export function highlight(code: string, options?: { language?: string }): string {
  return real ? real(code, options) : code;
}
