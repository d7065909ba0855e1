// Mutation testing of the database-backed core (`npm run test:mutation:core`): the one way in (ingest),
// replies, ticket updates, the inbox list and the SLA planning, killed by the integration tests in
// vitest.mutation-core.config.ts. Slower than the unit set in stryker.config.mjs; run it on what changed.
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: 'vitest.mutation-core.config.ts' },
  mutate: [
    'server/channels/ingest.ts',
    'server/tickets/reply-to-ticket.ts',
    'server/tickets/update-ticket.ts',
    'server/tickets/list-tickets.ts',
    'db/queries/ticket-list.ts',
    'server/sla/plan-targets.ts',
    'server/sla/apply-sla.ts',
    'server/notifications/notification-mail.ts',
    'server/channels/whatsapp/whatsapp-events.ts',
    'server/channels/whatsapp/receive-whatsapp.ts',
    'server/channels/messaging/webhook-worker.ts',
  ],
  concurrency: 1,
  timeoutMS: 30_000,
  tempDirName: '.stryker-tmp-core',
};
