import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // End-to-end tests spawn Node processes; on a 2-core machine they need room.
    testTimeout: 30000,
    // The JSON report lets .ci/run count passed and failed tests without parsing the console.
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
  },
});
