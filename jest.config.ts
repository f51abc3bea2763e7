import type { Config } from 'jest'

// One config for the whole repository. Tests import packages by name; the mapper points them at the sources,
// so a test never runs against a stale build.
const packages = ['core', 'wx', 'tt', 'taro', 'uniapp', 'jsencrypt', 'sm2encrypt', 'emulator', 'testing']
const moduleNameMapper = Object.fromEntries(
  packages.map((name) => [`^@authing/miniapp-${name}$`, `<rootDir>/packages/${name}/src/index.ts`]),
)
const transform: Config['transform'] = {
  '^.+\\.(t|j|mj)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' } }],
}

// Mutation testing's sandbox is a copy of the repository: jest must not see its packages or tests twice.
const modulePathIgnorePatterns = ['<rootDir>/.stryker-tmp/']

const config: Config = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: [
        '<rootDir>/packages/*/test/**/*.test.ts',
        '<rootDir>/scripts/test/**/*.test.ts',
        '<rootDir>/examples/uniapp/**/*.test.ts',
      ],
      testPathIgnorePatterns: ['\\.taro\\.test\\.ts$'],
      moduleNameMapper,
      modulePathIgnorePatterns,
      transform,
      // jsencrypt ships ES modules that the RSA package imports directly: let jest transform them.
      transformIgnorePatterns: ['/node_modules/(?!\\.pnpm/jsencrypt@|jsencrypt/)'],
    },
    {
      // The real @tarojs/taro API on a simulated wx (see packages/testing/README.md).
      displayName: 'taro',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/packages/*/test/**/*.taro.test.ts', '<rootDir>/examples/taro/**/*.taro.test.{ts,tsx}'],
      setupFiles: ['<rootDir>/packages/testing/taro-setup.js'],
      moduleNameMapper,
      modulePathIgnorePatterns,
      transform,
      // @tarojs/* (and jsencrypt) ship ES modules: let jest transform them, also inside pnpm's .pnpm/ directory.
      transformIgnorePatterns: ['/node_modules/(?!\\.pnpm/(@tarojs\\+|jsencrypt@)|@tarojs/|jsencrypt/)'],
    },
    {
      // The native WeChat and Douyin examples' pages, rendered by miniprogram-simulate (a jsdom component harness).
      displayName: 'native-examples',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/examples/wx/**/*.test.{js,ts}', '<rootDir>/examples/tt/**/*.test.{js,ts}'],
      moduleNameMapper,
      modulePathIgnorePatterns,
      transform,
      transformIgnorePatterns: ['/node_modules/(?!\\.pnpm/jsencrypt@|jsencrypt/)'],
    },
  ],
  testTimeout: 20000,
}

export default config
