import { defineConfig } from 'vitest/config';
import path from 'node:path';

// The tests that kill the mutants of stryker.dashboard.config.mjs.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: [
      'lib/dashboard/*.test.ts',
      'lib/time/*.test.ts',
      'server/metrics/*.test.ts',
      'server/dashboard/*.test.ts',
      'server/realtime/presence-spans.test.ts',
      'server/metrics-api/*.test.ts',
    ],
    testTimeout: 30_000,
  },
});
