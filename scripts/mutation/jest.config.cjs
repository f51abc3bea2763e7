// Jest for mutation testing: the core's own tests only, on the core's sources (no build), in one Node environment.
const { join } = require('node:path')

module.exports = {
  rootDir: join(__dirname, '..', '..'),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/packages/core/test/**/*.test.ts'],
  moduleNameMapper: { '^@authing/miniapp-core$': '<rootDir>/packages/core/src/index.ts' },
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
  },
}
