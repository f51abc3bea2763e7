import type { Config } from 'jest'

// The real framework builds (`pnpm test:builds`): each example built by its framework's CLI from the packed packages,
// then run against an emulator. Separate from the root config: it needs `pnpm build` first and takes minutes.
const config: Config = {
  rootDir: '../..',
  displayName: 'builds',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/builds/**/*.build.test.ts'],
  globalSetup: '<rootDir>/test/builds/global-setup.ts',
  moduleNameMapper: {
    '^@authing/miniapp-(emulator|testing)$': '<rootDir>/packages/$1/src/index.ts',
  },
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
  },
  // One build at a time: each uses both cores.
  maxWorkers: 1,
  testTimeout: 30000,
}

export default config
