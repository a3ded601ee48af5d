// Build: bundle the TypeScript CLI into dist/ with esbuild, then compile content/ into dist/corpus/.
// `--allow-errors` bundles the articles that parse and only names the ones with errors.
//
// The bundle is one CommonJS file: a CommonJS entry skips the ES module loader (~10 ms of every
// start here), and bin/glossary.js can give V8 a code cache for it, which Node 20 has no built-in
// for. Only highlight.js (1.2 MB, needed for fenced code alone) stays outside, loaded on demand.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Script } from 'node:vm';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;
rmSync(dist, { recursive: true, force: true });

// A hash of everything that goes into the bundle: caches of compiled and rendered output are
// keyed by it, so that a changed renderer never serves renderings made by the old one.
const hash = createHash('sha256');
for (const file of readdirSync(`${root}src`, { recursive: true }).sort()) {
  const path = `${root}src/${file}`;
  if (statSync(path).isFile()) hash.update(file).update(readFileSync(path));
}
hash.update(readFileSync(`${root}package-lock.json`));
const buildId = hash.digest('hex').slice(0, 12);

await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts', 'build-corpus': 'src/store/build.ts', 'parse-worker': 'src/store/parse-worker.ts', 'compile-worker': 'src/store/compile-worker.ts' },
  outdir: 'dist',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: !process.env.NO_MINIFY,
  sourcemap: 'linked',
  define: { 'import.meta.url': '__glossaryUrl', __GLOSSARY_BUILD__: JSON.stringify(buildId) },
  banner: { js: 'const __glossaryUrl = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [
    {
      // Packages that would cost start-up for features glossary does not use at start-up: the
      // stand-ins in src/render/shims say why. The real highlighter stays outside the bundle.
      name: 'stand-ins',
      setup(b) {
        b.onResolve({ filter: /^(node-emoji|cli-highlight)$/ }, (args) => ({ path: `${root}src/render/shims/${args.path}.ts` }));
      },
    },
    {
      // string-width's set-up costs ~40 ms; src/shims/string-width.ts measures Latin text without it
      // and loads it on first need. The stand-in itself imports the real one.
      name: 'lazy-string-width',
      setup(b) {
        b.onResolve({ filter: /^string-width$/ }, (args) =>
          args.importer.endsWith('src/shims/string-width.ts')
            ? undefined
            : // A CommonJS require (cli-table3's, of string-width 4) wants the function itself, not a
              // module whose default it is: every table failed to render with the stand-in's namespace.
              args.kind === 'require-call'
              ? { path: 'string-width', namespace: 'string-width-cjs' }
              : { path: `${root}src/shims/string-width.ts` },
        );
        b.onLoad({ filter: /.*/, namespace: 'string-width-cjs' }, () => ({
          contents: `module.exports = require(${JSON.stringify(`${root}src/shims/string-width.ts`)}).default;`,
          loader: 'js',
          resolveDir: root,
        }));
      },
    },
    {
      // commander requires node:child_process at load time; see src/shims/child-process.ts.
      name: 'lazy-child-process',
      setup(b) {
        b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
          args.importer.includes('node_modules/commander') ? { path: `${root}src/shims/child-process.ts` } : undefined,
        );
      },
    },
  ],
  logLevel: 'warning',
});
// The package is "type": "module" for its TypeScript; the bundle is CommonJS.
writeFileSync(`${dist}/package.json`, '{ "type": "commonjs" }\n');

// An all-ASCII script is read without UTF-8 decoding and kept by V8 one byte a character (~5 ms of
// every start here, for a bundle of 0.5 MB). esbuild escapes what is not ASCII in strings, but not
// in regular expression literals (the Danish letters of ours): escaped here, each UTF-16 unit as
// \uXXXX, which means the same in a string, a template's value, a regular expression (with or
// without the u flag: a pair of surrogates is one character there) and a name. An identity escape
// (`\æ`) loses its backslash. A bundle that no longer compiles fails the build. Columns after an
// escaped character shift in the source map.
for (const name of ['cli.js', 'parse-worker.js', 'compile-worker.js', 'build-corpus.js']) {
  const path = `${dist}/${name}`;
  const text = readFileSync(path, 'utf8');
  const ascii = text.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, c) => `${slashes.length % 2 ? slashes.slice(1) : slashes}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii === text) continue;
  try {
    new Script(ascii, { filename: path });
  } catch (error) {
    process.stderr.write(`build: ${name} does not compile once made ASCII: ${error.message}\n`);
    process.exit(1);
  }
  writeFileSync(path, ascii);
}

const require = createRequire(import.meta.url);
// The man page comes from the same command definitions as --help.
writeFileSync(`${dist}/glossary.1`, require(`${dist}/cli.js`).manPage());

const { buildBundledCorpus } = require(`${dist}/build-corpus.js`);
const built = await buildBundledCorpus(`${root}content`, `${dist}/corpus`, process.argv.includes('--allow-errors'));
for (const line of built.lines) process.stderr.write(`${line}\n`);
process.exitCode = built.code;
