import { defineConfig } from 'vitest/config';
import path from 'node:path';

// The tests that kill the mutants of stryker.rollups.config.mjs.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: { include: ['lib/dashboard/rollup-contribution.test.ts', 'lib/dashboard/order-statistics.test.ts'] },
});
