import { defineConfig } from 'vitest/config';
import path from 'node:path';

// The tests that kill the mutants of stryker.surveys.config.mjs.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['lib/surveys/*.test.ts', 'server/surveys/*.test.ts', 'server/customer-updates/*.test.ts'],
    testTimeout: 20_000,
  },
});
