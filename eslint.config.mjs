// ESLint 9 flat config with typescript-eslint. Run by `pnpm lint` (with `prettier --check`); `pnpm format` fixes what
// can be fixed. Formatting is Prettier's job (.prettierrc): no stylistic rules here.
//
// Choices, so that a report is a real problem and not the code's deliberate style:
// - `==` / `!=` are allowed (no `eqeqeq`): the code compares with null/undefined and strings on purpose, and
//   TypeScript already rejects comparisons between unrelated types.
// - Unused variables are left to TypeScript in .ts files (`noUnusedLocals`/`noUnusedParameters`); in JavaScript files
//   ESLint reports them, except names starting with `_` and caught errors.
// - The published sources (packages/*/src) are linted with type information for promise misuse: the SDK promises
//   never to reject, so a forgotten `await` or an un-awaited promise there is a bug.
// - The core stays platform-neutral: it may not touch `wx`, `uni`, `Taro`, `window`, `document` or Node globals.
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const miniProgramGlobals = {
  wx: 'readonly',
  tt: 'readonly',
  App: 'readonly',
  Page: 'readonly',
  Component: 'readonly',
  Behavior: 'readonly',
  getApp: 'readonly',
  getCurrentPages: 'readonly',
  requirePlugin: 'readonly',
}

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'coverage/**',
      'docs/api/**',
      'packed/**', // pnpm pack:local
      '.ci/out/**',
      '.stryker-tmp/**', // mutation testing's sandbox
      'reports/**',
      'scripts/seed-samples/*/samples/**', // generated from the official reference by scripts/seed-samples/extract.mjs
      'examples/wx/miniprogram/miniprogram_npm/**', // written by WeChat DevTools ("构建 npm")
      'examples/tt/miniprogram/miniprogram_npm/**', // written by Douyin DevTools ("npm 构建")
      'examples/*/unpackage/**', // uni-app build output
      'examples/*/.taro/**',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommended,

  // Every file
  {
    rules: {
      'no-empty': ['error', { allowEmptyCatch: true }],
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      'prefer-const': ['error', { destructuring: 'all' }],
      // `{}` is the deliberate "no options" type of the platform API typings (`{} extends O ? …`).
      '@typescript-eslint/no-empty-object-type': ['error', { allowObjectTypes: 'always', allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
    rules: {
      // TypeScript's noUnusedLocals / noUnusedParameters report these (and `pnpm typecheck` runs it).
      '@typescript-eslint/no-unused-vars': 'off',
      // `require` appears in CommonJS interop on purpose (e.g. loading Taro with the module system's own require).
      '@typescript-eslint/no-require-imports': 'off',
    },
  },

  // Node: packages that run in Node, scripts, config files, tests.
  {
    files: [
      'packages/emulator/src/**',
      'packages/emulator/bin/**',
      'packages/testing/**',
      'packages/*/test/**',
      'scripts/**',
      'examples/*/test/**',
      'examples/*/config/**',
      'examples/*/*.{js,cjs}',
      'test/**',
      '*.{js,mjs,cjs,ts}',
      '.size-limit.cjs',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs', 'packages/emulator/bin/**', 'packages/testing/taro-setup.js', 'examples/*/test/**/*.js', 'examples/*/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['packages/*/test/**', 'examples/*/test/**', 'scripts/test/**', 'test/**'],
    languageOptions: { globals: { ...globals.jest } },
    rules: {
      // Tests feed deliberately malformed input and reach into internals.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },

  // Browser: the emulator's dashboard.
  {
    files: ['packages/emulator/ui/**/*.js'],
    languageOptions: { globals: { ...globals.browser }, sourceType: 'module' },
  },

  // Mini programs: the WeChat and Douyin examples' pages.
  {
    files: ['examples/wx/miniprogram/**/*.js', 'examples/tt/miniprogram/**/*.js'],
    languageOptions: { globals: miniProgramGlobals, sourceType: 'commonjs' },
  },

  // The published sources, with type information.
  {
    files: ['packages/*/src/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
    },
  },

  // The core knows no platform: everything platform-specific comes through the adapter.
  {
    files: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['wx', 'uni', 'Taro', 'tt', 'my', 'window', 'document', 'process', 'Buffer', 'require', 'globalThis'].map((name) => ({
          name,
          message: 'The core is platform-neutral: reach the platform through the adapter.',
        })),
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: ['fs', 'path', 'http', 'https', 'crypto', 'os', '@tarojs/taro'].map((name) => ({
            name,
            message: 'The core is platform-neutral.',
          })),
          patterns: [{ group: ['@tarojs/*', 'node:*'], message: 'The core is platform-neutral.' }],
        },
      ],
    },
  },
)
