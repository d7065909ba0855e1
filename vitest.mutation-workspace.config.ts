import { defineConfig } from 'vitest/config';
import path from 'node:path';

// The tests that kill the mutants of stryker.workspace.config.mjs (real SQLite files, a real SMTP sink).
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: [
      'lib/search/*.test.ts',
      'lib/dashboard/digest-week.test.ts',
      'server/tickets/undo-send.test.ts',
      'server/tickets/ticket-writes.test.ts',
      'server/dashboard/weekly-digest.test.ts',
    ],
    testTimeout: 30_000,
  },
});
