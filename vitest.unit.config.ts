// Unit tests only: what `npm run mutate` (StrykerJS) runs against each mutant of the core.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // It reads the sources as text, which Stryker has instrumented in its sandbox.
    exclude: [
      'tests/unit/architecture.test.ts',
      // It compares search --json with search() over the bundled corpus: a mutant of search.ts
      // changes both alike, so it cannot tell one from the code as written, yet it was the dearest
      // test each of them ran (seconds). commands.test.ts checks the same order on a fixture, and
      // npm test runs the twin as before.
      'tests/unit/search-order-twin.test.ts',
    ],
    testTimeout: 30000,
  },
});
