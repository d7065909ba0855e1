import { defineConfig } from 'vitest/config';
import path from 'node:path';

// The tests behind the queries the messenger channels added (`npx stryker run stryker.queries.config.mjs`):
// the adapters' integration tests against the fake platforms, the webhook worker, notification mails and customer links.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: [
      'server/channels/whatsapp/*.test.ts',
      'server/channels/telegram/*.test.ts',
      'server/channels/messenger/*.test.ts',
      'server/channels/messaging/*.test.ts',
      'server/channels/email/seal-passwords.test.ts',
      'server/notifications/*.test.ts',
      'server/customers/*.test.ts',
    ],
    testTimeout: 30_000,
    fileParallelism: false,
  },
});
