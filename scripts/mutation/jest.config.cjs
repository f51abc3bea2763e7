// Jest for mutation testing: the core's own example-based tests, on the core's sources (no build), in one Node
// environment. The property-based tests (test/properties) are left out: on a shared two-core machine they take ten
// times longer than all the others, and every mutant would run them; what they find is pinned by example tests.
const { join } = require('node:path')

module.exports = {
  rootDir: join(__dirname, '..', '..'),
  testEnvironment: 'node',
  // A mutant that leaves a call pending forever fails its tests in 3 s instead of hanging the run until Stryker's own
  // timeout (which restarts the test process, the slowest outcome). Unmutated, every core test takes well under 1 s.
  testTimeout: 3000,
  testMatch: ['<rootDir>/packages/core/test/*.test.ts'],
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/'],
  moduleNameMapper: { '^@authing/miniapp-core$': '<rootDir>/packages/core/src/index.ts' },
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
  },
}
