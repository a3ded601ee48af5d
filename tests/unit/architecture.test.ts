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

/** Relative imports of a file, type-only ones included (madge counts them too), as paths under src/. */
function localImports(file: string): string[] {
  const code = codeOnlyKeepingSpecifiers(readFileSync(join(src, file), 'utf8'));
  const out = new Set<string>();
  for (const m of code.matchAll(/\b(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
    out.add(relative(src, join(src, file, '..', m[1] as string)).split('\\').join('/').replace(/\.js$/, '.ts'));
  }
  return [...out].filter((t) => files.includes(t));
}

/** Comments removed, strings kept (the specifiers are strings). */
function codeOnlyKeepingSpecifiers(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** Every import cycle in a graph, each as the files around it (first file repeated at the end). */
export function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('the structure the README shows', () => {
  it('has no import cycle in src/ (type-only imports count)', () => {
    const graph = new Map(files.map((f) => [f, localImports(f)]));
    expect([...graph.values()].flat().length).toBeGreaterThan(50);
    expect(findCycles(graph).map((c) => c.join(' → '))).toEqual([]);
  });

  it('the cycle finder finds a cycle, a self-import and a longer ring, and nothing in a tree', () => {
    expect(findCycles(new Map([['a', ['b']], ['b', ['a']]]))).toEqual([['a', 'b', 'a']]);
    expect(findCycles(new Map([['a', ['a']]]))).toEqual([['a', 'a']]);
    expect(findCycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c', 'a']]);
    expect(findCycles(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]]))).toEqual([]);
    expect(localImports('commands/table.ts')).toContain('context.ts');
  });

  it("names every file of src/ in the README's module map, one row each", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## How it works'), readme.indexOf('## Development'));
    const named = [...section.matchAll(/^\| `src\/([^`]+)` \|/gm)].map((m) => m[1] as string);
    expect(files.filter((f) => !named.includes(f)).sort()).toEqual([]);
    expect(named.filter((f) => !files.includes(f))).toEqual([]);
    // And no file twice: a row left behind when a row was split, or a merge that kept both.
    expect(named.filter((f, i) => named.indexOf(f) !== i)).toEqual([]);
    const anyRow = [...section.matchAll(/^\| (`src\/[^|]*)\|/gm)].flatMap((m) => [...(m[1] as string).matchAll(/`([^`]+)`/g)].map((n) => n[1] as string));
    expect(anyRow.filter((f) => !f.startsWith('src/'))).toEqual([]);
  });
});
