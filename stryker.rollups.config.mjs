// Mutation testing of the dashboard rollups' pure core (`npx stryker run stryker.rollups.config.mjs`):
// what one ticket contributes and the exact percentiles, killed by the tests in
// vitest.mutation-rollups.config.ts.
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: 'vitest.mutation-rollups.config.ts' },
  mutate: ['lib/dashboard/rollup-contribution.ts', 'lib/dashboard/order-statistics.ts'],
  tempDirName: '.stryker-tmp-rollups',
};
