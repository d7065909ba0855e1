import { defineConfig } from 'vitest/config';
import path from 'node:path';

// The tests that kill the mutants of stryker.surveys.config.mjs (and of the dashboard facts beside them).
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['lib/surveys/*.test.ts', 'lib/ticket-facts.test.ts', 'server/surveys/*.test.ts', 'server/customer-updates/*.test.ts', 'server/metrics/*.test.ts'],
    testTimeout: 20_000,
  },
});
