// Constructor options: bad ones throw a TypeError naming the option at once.
import { Authing, type Adapter } from '@authing/miniapp-core'
import { createAdapter, createServer } from './harness'

const adapter = (): Adapter => createAdapter(createServer({ now: 0 })).adapter
const make =
  (options: unknown, a: unknown = adapter()) =>
  () =>
    new Authing(options as never, a as never)
const valid = { appId: 'app', userPoolId: 'pool' }
/** A storage of the browser's synchronous shape, which the adapter contract does not take. */
const syncStorage = () => ({ getItem: (): null => null, setItem: (): void => {} })

test.each([
  ['options', undefined],
  ['options', null],
  ['options', 'app'],
  ['appId', {}],
  ['appId', { ...valid, appId: '' }],
  ['appId', { ...valid, appId: 42 }],
  ['userPoolId', { appId: 'app' }],
  ['userPoolId', { ...valid, userPoolId: ['x'] }],
  ['host', { ...valid, host: 'http://auth.example.com' }],
  ['host', { ...valid, host: 'http://192.168.1.2:3000' }],
  ['host', { ...valid, host: 'xhttp://localhost:3000' }],
  ['host', { ...valid, host: 'ftp://auth.example.com' }],
  ['host', { ...valid, host: 'auth.example.com' }],
  ['host', { ...valid, host: 42 }],
  ['encryptFunction', { ...valid, encryptFunction: 'rsa' }],
  ['timeout', { ...valid, timeout: 0 }],
  ['timeout', { ...valid, timeout: '10s' }],
  // a timer longer than 2^31 - 1 ms fires at once: every request would time out
  ['timeout', { ...valid, timeout: Infinity }],
  ['timeout', { ...valid, timeout: 2 ** 31 }],
  ['timeout', { ...valid, timeout: '100' }],
  ['timeout', { ...valid, timeout: true }],
  ['timeout', { ...valid, timeout: [100] }],
  ['refreshMargin', { ...valid, refreshMargin: -1 }],
  ['refreshMargin', { ...valid, refreshMargin: Infinity }],
  ['refreshMargin', { ...valid, refreshMargin: '60000' }],
  ['now', { ...valid, now: 5 }],
  ['adapter', { ...valid, adapter: 'wx' }],
  ['adapter', { ...valid, adapter: { request: 'fetch' } }],
  ['adapter', { ...valid, adapter: { storage: syncStorage() } }],
  ['adapter', { ...valid, adapter: { storage: { getItem: (): undefined => undefined } } }],
  // an option that cannot be read is named like a malformed one
  [
    'appId',
    Object.defineProperty({ ...valid }, 'appId', {
      get: () => {
        throw new Error('nope')
      },
    }),
  ],
  [
    'timeout',
    {
      ...valid,
      timeout: new Proxy(
        {},
        {
          get: () => {
            throw new Error('nope')
          },
        },
      ),
    },
  ],
])('%s: row %#', (name, options) => {
  expect(make(options)).toThrow(TypeError)
  expect(make(options)).toThrow(new RegExp(`^Authing: ${name} must be`))
})

test('a missing adapter is named', () => {
  expect(make(valid, null)).toThrow(/adapter must be/)
  expect(make(valid, {})).toThrow(/adapter must be/)
})

test.each([
  'https://core.authing.cn',
  'https://my-app.authing.cn/',
  'HTTPS://x.y',
  'http://localhost:3000',
  'http://127.0.0.1:8080',
  'http://127.100.20.1:3000',
  'http://[::1]:3000',
  'http://localhost',
])('accepts host %s', (host) => {
  expect(make({ ...valid, host })).not.toThrow()
})

test('a trailing slash on the host is dropped', async () => {
  const server = createServer({ now: 0 })
  const platform = createAdapter(server)
  const authing = new Authing({ ...valid, host: 'https://x.example.com///' }, platform.adapter)
  await authing.getPublicKey('rsa')
  expect(platform.requests[0].path).toBe('/api/v3/system')
})

test('options.adapter overrides parts of the platform adapter', async () => {
  const server = createServer({ now: 0 })
  const platform = createAdapter(server)
  const saved = new Map<string, unknown>()
  const storage = {
    getItem: async (key: string) => saved.get(key),
    setItem: async (key: string, value: unknown) => void saved.set(key, value),
    removeItem: async (key: string) => void saved.delete(key),
  }
  const authing = new Authing({ ...valid, host: 'https://x.example.com', adapter: { storage } }, platform.adapter)
  await authing.loginByPassword({ passwordPayload: { account: 'a', password: 'p' } })
  expect(saved.get('authing:app:login-state')).toMatchObject({ access_token: 'at-1' })
  expect(platform.storage.size).toBe(0)
})
