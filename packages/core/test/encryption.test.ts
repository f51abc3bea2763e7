// Password encryption: the public-key cache, the injected randomness, and never a password in clear.
import type { EncryptFunction } from '@authing/miniapp-core'
import { setup } from './harness'

const encryptFunction: EncryptFunction = (text, key) => `cipher[${key}](${text})`
const PASSWORD = { passwordPayload: { account: 'alice', password: 'secret' } }

test('the first encrypted login fetches the key, the second makes one request (key cached)', async () => {
  const { authing, requests } = setup({ encryptFunction })
  await authing.loginByPassword({ ...PASSWORD, options: { passwordEncryptType: 'rsa' } })
  expect(requests.map((r) => r.path)).toEqual(['/api/v3/system', '/api/v3/signin'])
  expect(requests[1].json!.passwordPayload.password).toBe('cipher[RSA-KEY](secret)')
  expect(requests[1].json!.options).toEqual({ passwordEncryptType: 'rsa' })
  requests.length = 0
  await authing.loginByPassword({ ...PASSWORD, options: { passwordEncryptType: 'sm2' } })
  expect(requests.map((r) => r.path)).toEqual(['/api/v3/signin'])
  expect(requests[0].json!.passwordPayload.password).toBe('cipher[04SM2KEY](secret)')
})

test('the key cache expires after 10 minutes, and a failed fetch is not cached', async () => {
  const { authing, requests, clock, faults } = setup({ encryptFunction })
  faults.request = { errMsg: 'request:fail' }
  expect((await authing.getPublicKey('rsa'))[0]).toMatchObject({ code: 'network' })
  faults.request = undefined
  await authing.getPublicKey('rsa')
  await authing.getPublicKey('rsa')
  clock.now += 11 * 60 * 1000
  await authing.getPublicKey('rsa')
  expect(requests.filter((r) => r.path == '/api/v3/system')).toHaveLength(3)
})

test('concurrent encrypted logins share one key fetch', async () => {
  const { authing, requests } = setup({ encryptFunction })
  await Promise.all([1, 2, 3].map(() => authing.loginByPassword({ ...PASSWORD, options: { passwordEncryptType: 'rsa' } })))
  expect(requests.filter((r) => r.path == '/api/v3/system')).toHaveLength(1)
})

test('the platform CSPRNG is handed to the encrypt function', async () => {
  const seen: number[] = []
  const { authing, calls } = setup({
    encryptFunction: async (text, _key, options) => {
      const bytes = await options!.getRandomValues!(16)
      seen.push(...bytes)
      return `x${text}`
    },
  })
  await authing.loginByPassword({ ...PASSWORD, options: { passwordEncryptType: 'rsa' } })
  expect(calls).toContain('getRandomValues')
  expect(seen).toEqual(new Array(16).fill(7))
})

test('without a platform CSPRNG no options are passed (the plugin uses its documented fallback)', async () => {
  const received: unknown[] = []
  const { authing } = setup({
    adapter: { getRandomValues: undefined },
    encryptFunction: (text, _key, options) => (received.push(options), `x${text}`),
  })
  await authing.loginByPassword({ ...PASSWORD, options: { passwordEncryptType: 'rsa' } })
  expect(received).toEqual([undefined])
})

test.each([
  [
    'throws',
    () => {
      throw new Error('message too long')
    },
    /message too long/,
  ],
  ['rejects', () => Promise.reject(new Error('bad key')), /bad key/],
  ['returns false', () => false, /no ciphertext/],
  ['returns "false"', () => 'false', /no ciphertext/],
  ['returns an empty string', () => '', /no ciphertext/],
  ['returns a number', () => 42, /no ciphertext/],
  ['returns the password unchanged', (text: string) => text, /no ciphertext/],
  [
    'throws an error that quotes the password',
    (text: string) => {
      throw new Error(`cannot encrypt "${text}" with this key`)
    },
    /cannot encrypt/,
  ],
])('an encrypt function that %s fails the call with encrypt_failed before sending the password', async (_name, fn, pattern) => {
  const { authing, requests } = setup({ encryptFunction: fn as never })
  const [error] = await authing.loginByPassword({ ...PASSWORD, options: { passwordEncryptType: 'rsa' } })
  expect(error).toMatchObject({ code: 'encrypt_failed', message: expect.stringMatching(pattern) })
  expect(requests.map((r) => r.path)).toEqual(['/api/v3/system'])
  expect(JSON.stringify(requests)).not.toContain('secret')
  expect(error!.message).not.toContain('secret')
})

test('a server without the requested key fails before sending the password', async () => {
  const { authing, server, requests } = setup({ encryptFunction })
  server.handlers['GET /api/v3/system'] = () => ({ status: 200, body: { rsa: { publicKey: 'R' } } })
  const [error] = await authing.loginByPassword({ ...PASSWORD, options: { passwordEncryptType: 'sm2' } })
  expect(error).toMatchObject({ code: 'server', message: expect.stringContaining('sm2') })
  expect(requests.map((r) => r.path)).toEqual(['/api/v3/system'])
})

test('updatePassword encrypts both passwords', async () => {
  const { authing, requests, login } = setup({ encryptFunction })
  await login()
  await authing.updatePassword({ newPassword: 'new', oldPassword: 'old', passwordEncryptType: 'rsa' })
  const update = requests.find((r) => r.path == '/api/v3/update-password')!
  expect(update.json).toEqual({ newPassword: 'cipher[RSA-KEY](new)', oldPassword: 'cipher[RSA-KEY](old)', passwordEncryptType: 'rsa' })
})

test('updatePassword without an old password (first password of a WeChat user)', async () => {
  const { authing, requests, login } = setup({ encryptFunction })
  await login()
  await authing.updatePassword({ newPassword: 'new', passwordEncryptType: 'sm2' })
  expect(requests.find((r) => r.path == '/api/v3/update-password')!.json).toEqual({
    newPassword: 'cipher[04SM2KEY](new)',
    passwordEncryptType: 'sm2',
  })
})

test('deleteAccountRequest encrypts its password', async () => {
  const { authing, requests, login } = setup({ encryptFunction })
  await login()
  await authing.deleteAccountRequest({ verifyMethod: 'PASSWORD', passwordPayload: { password: 'pw', passwordEncryptType: 'rsa' } })
  expect(requests.find((r) => r.path == '/api/v3/verify-delete-account-request')!.json).toEqual({
    verifyMethod: 'PASSWORD',
    passwordPayload: { password: 'cipher[RSA-KEY](pw)', passwordEncryptType: 'rsa' },
  })
})

test('passwordEncryptType none sends the password as typed', async () => {
  const { authing, requests } = setup({ encryptFunction })
  await authing.loginByPassword({ ...PASSWORD, options: { passwordEncryptType: 'none' } })
  expect(requests.map((r) => r.path)).toEqual(['/api/v3/signin'])
  expect(requests[0].json!.passwordPayload.password).toBe('secret')
})

test('the key cache is reused at exactly 10 minutes and refetched just after', async () => {
  const { authing, requests, clock } = setup({ encryptFunction })
  const systemRequests = () => requests.filter((r) => r.path == '/api/v3/system').length
  expect(await authing.getPublicKey('rsa')).toEqual([null, 'RSA-KEY'])
  clock.now += 10 * 60 * 1000
  expect(await authing.getPublicKey('rsa')).toEqual([null, 'RSA-KEY'])
  expect(systemRequests()).toBe(1)
  clock.now += 1
  expect(await authing.getPublicKey('rsa')).toEqual([null, 'RSA-KEY'])
  expect(systemRequests()).toBe(2)
})

test('a system answer that lists neither key is a server error, and is not cached', async () => {
  const { authing, server, requests } = setup({ encryptFunction })
  server.handlers['GET /api/v3/system'] = () => ({ status: 200, body: {} })
  const [error] = await authing.loginByPassword({ ...PASSWORD, options: { passwordEncryptType: 'rsa' } })
  expect(error).toEqual({ code: 'server', message: 'Unusable server answer: HTTP 200', statusCode: 200 })
  expect(requests.map((r) => r.path)).toEqual(['/api/v3/system'])
  server.handlers['GET /api/v3/system'] = () => ({ status: 200, body: { rsa: { publicKey: 'RSA-KEY' } } })
  expect(await authing.getPublicKey('rsa')).toEqual([null, 'RSA-KEY'])
  expect(requests.map((r) => r.path)).toEqual(['/api/v3/system', '/api/v3/system'])
})

test.each([
  ['an empty string', ''],
  ['a number', 42],
  ['an object', { pem: 'RSA-KEY' }],
])('a public key that is %s is a server error and the password is not sent', async (_name, publicKey) => {
  const { authing, server, requests } = setup({ encryptFunction })
  server.handlers['GET /api/v3/system'] = () => ({ status: 200, body: { rsa: { publicKey }, sm2: { publicKey: '04SM2KEY' } } })
  const noKey = { code: 'server', message: 'Unusable server answer: no rsa public key' }
  expect((await authing.getPublicKey('rsa'))[0]).toEqual(noKey)
  expect((await authing.loginByPassword({ ...PASSWORD, options: { passwordEncryptType: 'rsa' } }))[0]).toEqual(noKey)
  expect(requests.map((r) => r.path)).toEqual(['/api/v3/system'])
})

test('an encrypt function error that quotes the password shows *** in its place', async () => {
  const { authing } = setup({
    encryptFunction: (text) => {
      throw new Error(`cannot encrypt "${text}" (${text.length} characters)`)
    },
  })
  const [error] = await authing.loginByPassword({ ...PASSWORD, options: { passwordEncryptType: 'rsa' } })
  expect(error).toEqual({ code: 'encrypt_failed', message: 'Password encryption failed: cannot encrypt "***" (6 characters)' })
})

test.each([
  ['an unknown passwordEncryptType', { encryptFunction }, 'aes', 'passwordEncryptType must be "none", "rsa" or "sm2"'],
  ['an unknown passwordEncryptType without encryptFunction', {}, 'aes', 'passwordEncryptType must be "none", "rsa" or "sm2"'],
  ['"rsa" without encryptFunction', {}, 'rsa', 'passwordEncryptType needs the option encryptFunction'],
])('%s is invalid_argument and nothing is sent', async (_name, options, passwordEncryptType, detail) => {
  const { authing, requests, calls } = setup(options)
  const [error] = await authing.loginByPassword({ ...PASSWORD, options: { passwordEncryptType: passwordEncryptType as 'rsa' } })
  expect(error).toEqual({ code: 'invalid_argument', message: `Invalid argument: ${detail}` })
  expect(requests).toEqual([])
  expect(calls).toEqual([])
})
