// Mutation testing of the agent workspace's rules (`npx stryker run stryker.workspace.config.mjs`):
// search by number and phone, undo send, and the leads' weekly summary, killed by the tests in
// vitest.mutation-workspace.config.ts.
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: 'vitest.mutation-workspace.config.ts' },
  mutate: [
    'lib/search/search-terms.ts',
    'lib/dashboard/digest-week.ts',
    'server/tickets/undo-send.ts',
    'server/tickets/list-tickets.ts',
    'server/dashboard/weekly-digest.ts',
  ],
  tempDirName: '.stryker-tmp-workspace',
};
