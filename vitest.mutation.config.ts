import { defineConfig } from 'vitest/config';
import path from 'node:path';

// The unit tests of the modules under mutation (stryker.config.mjs): fast, no servers, so each mutant
// runs in seconds. (mergeConfig would add these to the base config's include instead of replacing it.)
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: [
      'server/content/file-safety.test.ts',
      'server/customers/*.test.ts',
      'server/channels/messaging/*.test.ts',
      'server/channels/secret-box.test.ts',
      'server/http/same-origin.test.ts',
      'server/forms/form-token.test.ts',
      'server/channels/email/spam/check-inbound-mail.test.ts',
      'server/tickets/status-machine.test.ts',
      'server/tickets/snooze-ticket.test.ts',
      'server/tickets/merge-tickets.test.ts',
      'server/macros/macros.test.ts',
      'server/views/views.test.ts',
      'server/content/reply-format.test.ts',
      'server/tickets/reply-content.test.ts',
      'server/tickets/mail-recipients.test.ts',
      'server/channels/chat/route-chat.test.ts',
      'server/search/fts-query.test.ts',
      'server/jobs/durable-jobs.test.ts',
      'db/data-migrations.test.ts',
      'lib/**/*.test.ts',
    ],
    testTimeout: 20_000,
  },
});
