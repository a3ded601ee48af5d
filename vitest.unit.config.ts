// Unit tests only: what `npm run mutate` (StrykerJS) runs against each mutant of the core.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // It reads the sources as text, which Stryker has instrumented in its sandbox.
    exclude: ['tests/unit/architecture.test.ts'],
    testTimeout: 30000,
    // One module graph for all test files: Stryker starts vitest once per mutant, and importing the
    // sources again for each test file was most of a mutant's time. Safe here: Stryker's mutants
    // switch at run time (static ones are ignored, see stryker.config.mjs), and every test file
    // compiles its fixtures again when it runs (lazyFixture in tests/helpers.ts).
    isolate: false,
  },
});
