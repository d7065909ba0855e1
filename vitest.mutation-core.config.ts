import { defineConfig } from 'vitest/config';
import path from 'node:path';

// The integration tests behind the database-backed core (stryker.core.config.mjs): ingest, replies,
// updates and the ticket list run against a real SQLite file, so these mutants take longer.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: [
      'server/tickets/*.test.ts',
      'server/channels/ingest.test.ts',
      'server/forms/forms.test.ts',
      'server/sla/*.test.ts',
      'server/calendars/calendar-admin.test.ts',
      'server/notifications/*.test.ts',
      'server/channels/whatsapp/*.test.ts',
      'server/channels/messaging/webhook-worker.test.ts',
    ],
    testTimeout: 30_000,
    fileParallelism: false,
  },
});
