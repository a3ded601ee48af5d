// Build: bundle the TypeScript CLI into dist/ with esbuild, then compile content/ into dist/corpus/.
// `--allow-errors` bundles the articles that parse and only names the ones with errors.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;
rmSync(dist, { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts', 'build-corpus': 'src/build-corpus.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: !process.env.NO_MINIFY,
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  // Packages that would cost start-up for features glossary does not use at start-up.
  alias: {
    'node-emoji': './src/render/shims/node-emoji.ts',
    'cli-highlight': './src/render/shims/cli-highlight.ts',
  },
  // CommonJS dependencies bundled into ESM need a require.
  banner: { js: "import { createRequire as __glossaryRequire } from 'node:module'; const require = __glossaryRequire(import.meta.url);" },
  logLevel: 'warning',
});

const { buildBundledCorpus } = await import(`${dist}/build-corpus.js`);
process.exitCode = await buildBundledCorpus(`${root}content`, `${dist}/corpus`, process.argv.includes('--allow-errors'));
