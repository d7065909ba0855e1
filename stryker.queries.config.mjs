// Mutation testing of the queries behind the messenger channels, webhook events, notification mails and
// customer links (`npx stryker run stryker.queries.config.mjs`), killed by the tests in
// vitest.mutation-queries.config.ts. Slow (the adapters' tests start a server); run it on what changed.
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: 'vitest.mutation-queries.config.ts' },
  mutate: [
    'db/queries/messages.ts',
    'db/queries/webhook-events.ts',
    'db/queries/customer-attributes.ts',
    'db/queries/customers.ts',
    'db/queries/notifications.ts',
    'db/queries/agents.ts',
    'db/queries/outbox.ts',
  ],
  concurrency: 1,
  timeoutMS: 30_000,
  tempDirName: '.stryker-tmp-queries',
};
