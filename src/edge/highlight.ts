// Loading highlight.js (through cli-highlight), which only articles with fenced code need: it is
// larger than the rest of the renderer, so it stays outside the bundle and loads on demand.
import { createRequire } from 'node:module';
import type { Highlighter } from '../context.js';

export async function loadHighlighter(): Promise<Highlighter> {
  // Required at run time, so the bundler (which maps the name to the stand-in) leaves it out.
  const mod = createRequire(import.meta.url)('cli-highlight') as { highlight: (c: string, o?: object) => string };
  return (code, language) => mod.highlight(code, { language, ignoreIllegals: true });
}
