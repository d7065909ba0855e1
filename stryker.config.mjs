// Mutation testing (StrykerJS with the Vitest runner): `npm run test:mutation`, or for one module
// `npm run test:mutation -- --mutate server/content/file-safety.ts`. Not part of `npm test`: it reruns the
// tests once per mutant and takes minutes. The score says how many deliberate breaks the tests catch.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: [
    'server/content/file-safety.ts',
    'server/customers/customer-attributes.ts',
    'server/http/same-origin.ts',
    'server/forms/form-token.ts',
    'server/channels/email/spam/upstream-verdict.ts',
    'server/channels/email/spam/check-inbound-mail.ts',
    'server/tickets/status-machine.ts',
    'server/jobs/durable-jobs.ts',
    'server/jobs/backoff.ts',
    'db/data-migrations.ts',
    'lib/business-hours.ts',
    'lib/sla-clock.ts',
    'lib/sla-policy.ts',
    'lib/sla-policy-draft.ts',
    'lib/sla-state.ts',
    'lib/duration-input.ts',
    'lib/reply-window.ts',
    'server/channels/secret-box.ts',
    'server/channels/messaging/messenger-thread.ts',
    'server/channels/messaging/fetch-bounded.ts',
    'server/customers/merge-customers.ts',
    'db/queries/customer-merge.ts',
    'lib/forms/*.ts',
    '!lib/forms/test-forms.ts',
    '!**/*.test.ts',
  ],
  // Constants (the blocked-extension list) rerun every test per mutant and tell little.
  ignoreStatic: true,
  reporters: ['clear-text', 'progress'],
  concurrency: 2,
  timeoutMS: 20_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
