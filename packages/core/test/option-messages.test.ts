// What each malformed option's TypeError says, and the edges of what is accepted.
import { Authing, type Adapter, type AuthingOptions } from '@authing/miniapp-core'
import { createAdapter, createServer } from './harness'

const adapter = (): Adapter => createAdapter(createServer({ now: 0 })).adapter
const valid = { appId: 'app', userPoolId: 'pool' }
const build = (options: unknown) => () => new Authing(options as AuthingOptions, adapter())

test.each([
  [null, 'options must be an object with appId and userPoolId'],
  [{ userPoolId: 'pool' }, 'appId must be a non-empty string'],
  [{ appId: 'app' }, 'userPoolId must be a non-empty string'],
  [{ ...valid, host: 'http://evil.com' }, 'host must be an https:// URL (http:// only for localhost, 127.x.x.x or [::1])'],
  [{ ...valid, encryptFunction: 1 }, 'encryptFunction must be a function'],
  [{ ...valid, timeout: -1 }, 'timeout must be a positive number of milliseconds below 2^31'],
  [{ ...valid, refreshMargin: -1 }, 'refreshMargin must be a number of milliseconds'],
  [{ ...valid, now: 'today' }, 'now must be a function returning epoch milliseconds'],
  [{ ...valid, adapter: 1 }, 'adapter must be an object'],
  [{ ...valid, adapter: { storage: null } }, 'adapter must be a platform adapter (from @authing/miniapp-wx, -tt, -taro or -uniapp)'],
])('%j: "%s"', (options, message) => {
  expect(build(options)).toThrow(new TypeError(`Authing: ${message}`))
})

test.each([
  'ftp://evil.com/https://auth.example.com', // https:// only at the start
  'ftp://evil.com/http://localhost',
  'https:///path-without-host',
])('host %s is refused', (host) => {
  expect(build({ ...valid, host })).toThrow(TypeError)
})

test.each(['http://127.0.0.10:3000', 'http://127.255.0.1', 'http://localhost', 'http://[::1]:8080/', 'HTTPS://Auth.Example.com'])(
  'host %s is accepted',
  (host) => {
    expect(build({ ...valid, host })).not.toThrow()
  },
)

test('a refresh margin of 0 is allowed (renew only once expired)', () => {
  expect(build({ ...valid, refreshMargin: 0 })).not.toThrow()
})

test('an argument default fills only what the caller left empty', async () => {
  const server = createServer({ now: 0 })
  const platform = createAdapter(server)
  const authing = new Authing(valid, platform.adapter)
  await authing.sendSms({ phoneNumber: '1', channel: 'CHANNEL_LOGIN', phoneCountryCode: '+1' })
  await authing.sendSms({ phoneNumber: '1', channel: 'CHANNEL_LOGIN' })
  expect(platform.requests.map((request) => request.json!.phoneCountryCode)).toEqual(['+1', '+86'])
})

test('a required field must be a string: a number is refused before any request', async () => {
  const platform = createAdapter(createServer({ now: 0 }))
  const authing = new Authing(valid, platform.adapter)
  const [error] = await authing.sendSms({ phoneNumber: 13800000000, channel: 'CHANNEL_LOGIN' } as never)
  expect(error).toEqual({ code: 'invalid_argument', message: 'Invalid argument: phoneNumber must be a non-empty string' })
  expect(platform.calls).toEqual([])
})
