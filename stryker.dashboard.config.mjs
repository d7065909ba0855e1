// Mutation testing of the team dashboard (`npx stryker run stryker.dashboard.config.mjs`): which tickets
// each figure counts, the panels, the windows and zones, the role limits, the export and the API
// tokens, killed by the tests in vitest.mutation-dashboard.config.ts (a real SQLite file).
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: 'vitest.mutation-dashboard.config.ts' },
  mutate: [
    'lib/dashboard/*.ts',
    'lib/time/zone-offsets.ts',
    'db/queries/metrics*.ts',
    'db/queries/presence-spans.ts',
    'server/dashboard/*.ts',
    'server/metrics-api/*.ts',
    '!**/*.test.ts',
  ],
};
