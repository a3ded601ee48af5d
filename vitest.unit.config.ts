// Unit tests only: what `npm run mutate` (StrykerJS) runs against each mutant of the core.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 30000,
  },
});
