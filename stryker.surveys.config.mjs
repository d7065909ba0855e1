// Mutation testing of surveys, progress messages and the dashboard facts (`npx stryker run stryker.surveys.config.mjs`):
// the rules (pure), the send job, answers, unhappy actions, opt-out, buttons and tokens, killed by the
// tests in vitest.mutation-surveys.config.ts (a real SQLite file; the transports test starts a server).
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: 'vitest.mutation-surveys.config.ts' },
  mutate: [
    'lib/surveys/*.ts',
    'lib/customer-updates.ts',
    'server/surveys/*.ts',
    'server/customer-updates/*.ts',
    'lib/ticket-facts.ts',
    'db/queries/ticket-facts.ts',
    'db/queries/metrics.ts',
    '!**/*.test.ts',
    '!server/surveys/demo-survey-policies.ts',
  ],
};
