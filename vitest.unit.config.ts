// Unit tests only: what `npm run mutate` (StrykerJS) runs against each mutant of the core.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // It reads the sources as text, which Stryker has instrumented in its sandbox.
    exclude: ['tests/unit/architecture.test.ts'],
    testTimeout: 30000,
  },
});
