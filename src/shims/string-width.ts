// Stand-in for string-width in the bundle (for our code and for wrap-ansi). The real module builds
// an emoji regex with the `v` flag and an Intl.Segmenter when it loads: ~40 ms of CPU that every
// command paid, though almost all text it measures is Latin. Latin text is measured here; the real
// module is loaded on the first text that needs it, and answers for it.
import { NARROW } from '../width.js';

type StringWidth = (text: string, options?: { ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean }) => number;
declare const require: (id: string) => { default: StringWidth };

let real: StringWidth | undefined;

export default function stringWidth(text: string, options?: Parameters<StringWidth>[1]): number {
  if (typeof text === 'string' && NARROW.test(text) && options?.ambiguousIsNarrow !== false) return text.length;
  // esbuild bundles this require and runs string-width's module set-up only when it is first reached.
  real ??= require('string-width').default;
  return real(text, options);
}
