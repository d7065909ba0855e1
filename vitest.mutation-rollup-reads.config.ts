import { defineConfig } from 'vitest/config';
import path from 'node:path';

// The tests that kill the mutants of stryker.rollup-reads.config.mjs.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['db/queries/metric-rollup-lists.test.ts', 'server/metrics/ticket-facts.test.ts', 'server/metrics/metrics.test.ts', 'db/data-migrations.test.ts'],
    testTimeout: 60_000,
  },
});
