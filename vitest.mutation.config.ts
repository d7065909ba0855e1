import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

// The unit tests of the modules under mutation (stryker.config.mjs): fast, no servers, so each mutant runs in seconds.
export default mergeConfig(base, defineConfig({
  test: {
    include: [
      'server/content/file-safety.test.ts',
      'server/customers/*.test.ts',
      'server/http/same-origin.test.ts',
      'server/forms/form-token.test.ts',
      'server/channels/email/spam/check-inbound-mail.test.ts',
    ],
  },
}));
