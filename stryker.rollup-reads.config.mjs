// Mutation testing of the dashboard rollups' upkeep and reads (`npx stryker run stryker.rollup-reads.config.mjs`):
// the fold and the figures read from rollups, killed by the rebuild-equals-incremental property and the
// rollups-equal-facts test on a real SQLite file (vitest.mutation-rollup-reads.config.ts). About 10 s a run.
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: 'vitest.mutation-rollup-reads.config.ts' },
  mutate: ['db/queries/metric-rollups.ts', 'db/queries/metric-rollup-lists.ts', 'db/queries/metrics-rollup-reads.ts'],
  tempDirName: '.stryker-tmp-rollup-reads',
};
