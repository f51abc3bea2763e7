// Size budgets (minified + gzip, dependencies included), checked by `pnpm size` in CI.
// "core + X" entries measure what a user's bundler ships for `import { Authing } from '@authing/miniapp-X'`.
module.exports = [
  { name: 'core', path: 'packages/core/dist/index.mjs', import: '{ Authing }', gzip: true, limit: '5.1 KB' },
  { name: 'core + wx', path: 'packages/wx/dist/index.mjs', import: '{ Authing }', gzip: true, limit: '5.6 KB' },
  { name: 'core + taro', path: 'packages/taro/dist/index.mjs', import: '{ Authing }', gzip: true, limit: '5.8 KB', ignore: ['@tarojs/taro'] },
  { name: 'core + uniapp', path: 'packages/uniapp/dist/index.mjs', import: '{ Authing }', gzip: true, limit: '5.6 KB' },
  { name: 'jsencrypt (RSA)', path: 'packages/jsencrypt/dist/index.mjs', import: '{ encryptFunction }', gzip: true, limit: '19 KB' },
  { name: 'sm2encrypt (SM2)', path: 'packages/sm2encrypt/dist/index.mjs', import: '{ encryptFunction }', gzip: true, limit: '12 KB' },
]
