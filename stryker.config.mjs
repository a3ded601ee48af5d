// npm run mutate: mutation testing of the pure core with the unit tests (StrykerJS + vitest).
// A mutant that survives is a change to the code that no unit test notices. Not part of npm test:
// it takes minutes. The report: reports/mutation/ (HTML and JSON), and a table on the console.
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.unit.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'src/**/*.ts',
    // The edge and the store do I/O: the end-to-end tests cover them.
    '!src/cli.ts',
    '!src/edge/**',
    '!src/store/**',
    '!src/shims/**',
    // Types and data only.
    '!src/corpus/article.ts',
    '!src/corpus/reader.ts',
    '!src/version.ts',
    '!src/commands/table.ts',
    '!src/render/shims/**',
  ],
  // Not copied into the sandbox: benchmark corpora (hundreds of thousands of files), outputs.
  ignorePatterns: ['.bench', 'reports', 'coverage', '.vitest-results.json', 'stryker-incremental.json'],
  // Each mutant runs only the tests that reached it.
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants: word lists, weights) run every unit test each, with the
  // modules loaded again: most of a run's time for a few per cent of the mutants. Left out.
  ignoreStatic: true,
  // The machine is shared (2 cores).
  concurrency: 2,
  timeoutMS: 20000,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  // Incremental: a run reuses the results of the last one (this file) for every mutant whose code
  // and covering tests did not change, and tests only the rest. A whole run over the core takes
  // hours on two shared cores (the compile path: each mutant of parse, markup, links, compile,
  // defines and terms runs the fixture compile of every test file that compiles one). Without the
  // file, or with `npm run mutate -- --force`, every mutant is tested. Commit the file only from a
  // run that completed.
  incremental: true,
  incrementalFile: 'stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
