// The README's claim, as a test: everything under src/ but cli.ts, edge/, store/ and the bundle's
// shims is pure. No file system, processes, prompts or threads; no process or console; no import
// of the I/O layers (a type-only import is fine: it is gone at run time).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers.js';

const src = join(root, 'src');
const EDGE = /^(cli\.ts|edge\/|store\/|shims\/)/;
const FORBIDDEN_MODULES = /^(node:)?(fs|fs\/promises|child_process|readline|readline\/promises|tty|worker_threads|net|http|https|module)$/;

const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.split('\\').join('/'));
const core = files.filter((f) => !EDGE.test(f));

/** Imports that stay at run time: not `import type`, static or dynamic. */
function runtimeImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/^\s*import\s+(?!type\b)[^'"]*?from\s+'([^']+)'/gm)) out.push(m[1] as string);
  for (const m of code.matchAll(/^\s*export\s+(?!type\b)[^'"]*?from\s+'([^']+)'/gm)) out.push(m[1] as string);
  for (const m of code.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)) out.push(m[1] as string);
  return out;
}

/** The code without comments and strings, where a word like `process` may appear harmlessly. */
function codeOnly(code: string): string {
  return code
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/`(?:\\.|[^`\\])*`/g, '``')
    .replace(/'(?:\\.|[^'\\])*'/g, "''")
    .replace(/"(?:\\.|[^"\\])*"/g, '""');
}

describe('the pure core', () => {
  it('is most of src/', () => {
    expect(core.length).toBeGreaterThan(25);
  });

  it.each(core)('%s does no I/O and touches no process', (file) => {
    const code = readFileSync(join(src, file), 'utf8');
    const problems: string[] = [];
    for (const spec of runtimeImports(code)) {
      if (FORBIDDEN_MODULES.test(spec)) problems.push(`imports ${spec}`);
      if (spec.startsWith('.')) {
        const target = relative(src, join(src, file, '..', spec)).split('\\').join('/');
        if (EDGE.test(target.replace(/\.js$/, '.ts'))) problems.push(`imports the edge module ${target}`);
      }
    }
    const body = codeOnly(code);
    if (/\bprocess\s*\./.test(body)) problems.push('uses process');
    if (/\bconsole\s*\./.test(body)) problems.push('uses console');
    expect(problems).toEqual([]);
  });

  it('the check itself catches what it is for', () => {
    expect(runtimeImports("import { readFileSync } from 'node:fs';")).toEqual(['node:fs']);
    expect(runtimeImports("import type { Stats } from 'node:fs';")).toEqual([]);
    expect(runtimeImports("const m = await import('./store/cache.js');")).toEqual(['./store/cache.js']);
    expect(/\bprocess\s*\./.test(codeOnly("const x = process.env['A'];"))).toBe(true);
    expect(/\bprocess\s*\./.test(codeOnly("// process.env is read at the edge"))).toBe(false);
  });
});
