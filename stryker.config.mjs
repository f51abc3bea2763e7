// Mutation testing of the core (`pnpm test:mutation`, see scripts/mutation/run.mjs): StrykerJS 8 (the last major
// that runs on Node 20) changes the core's sources one mutant at a time and runs the core's tests against each.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'pnpm',
  plugins: ['@stryker-mutator/jest-runner'],
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'scripts/mutation/jest.config.cjs', enableFindRelatedTests: false },
  // Type-only files have nothing to mutate.
  mutate: [
    'packages/core/src/**/*.ts',
    '!packages/core/src/index.ts',
    '!packages/core/src/types.ts',
    '!packages/core/src/adapter.ts',
    '!packages/core/src/version.ts',
  ],
  // Each mutant runs only the tests that cover it; results of unchanged mutants and tests are reused from the
  // committed incremental file, so a run after a small change takes minutes, not an hour.
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  clearTextReporter: { allowColor: false, logTests: false },
  thresholds: { high: 95, low: 90, break: null },
  concurrency: 2,
  // A run that takes this much longer than the unmutated one is a timeout (a mutant that loops or hangs).
  timeoutMS: 10000,
  timeoutFactor: 2,
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['docs/api', 'reports', '.ci/out', 'packages/*/dist', 'examples/*/dist'],
}
