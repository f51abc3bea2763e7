// The result contract: two-element tuples, readable errors, local checks before any I/O, arguments never changed.
import type { Authing } from '@authing/miniapp-core'
import { expectResult, METHODS } from './contract'
import { setup } from './harness'

test.each(METHODS)('%s succeeds with a valid argument when logged in', async (_name, call, valid) => {
  const { authing, login } = setup()
  await login()
  const result = await call(authing, valid)
  expectResult(result)
  expect((result as unknown[])[0]).toBeNull()
})

const cyclic: Record<string, unknown> = { a: 1 }
cyclic.self = cyclic
const throwing = Object.defineProperty({}, 'passwordPayload', {
  enumerable: true,
  get: () => {
    throw new Error('getter exploded')
  },
})
/** An argument whose `phoneNumber` getter throws `thrown`. */
const throwingWith = (thrown: unknown) =>
  Object.defineProperty({}, 'phoneNumber', {
    enumerable: true,
    get: () => {
      throw thrown
    },
  })
const unreadable = new Proxy(
  {},
  {
    get: () => {
      throw new Error('cannot be read')
    },
    ownKeys: () => {
      throw Object.create(null)
    },
  },
)
const BAD = [
  undefined,
  null,
  0,
  42,
  NaN,
  '',
  'text',
  true,
  [],
  [1, 2],
  {},
  { passwordPayload: 5, options: 'x' },
  cyclic,
  throwing,
  () => 1,
  // what is thrown while reading an argument is described, never passed on as the error itself
  throwingWith(Object.create(null)), // cannot be converted to text
  throwingWith({ code: 'EVIL', message: 'an undocumented code' }),
  throwingWith(Object.assign(new Error('boom'), { code: 'ERR_SYSTEM' })),
  throwingWith({}),
  throwingWith(''),
  unreadable,
]

test.each(METHODS)('%s resolves to a tuple for every bad argument, without throwing', async (name, call) => {
  const { authing, login } = setup()
  await login()
  for (const bad of BAD) {
    const result = await Promise.resolve()
      .then(() => call(authing, bad))
      .catch((error) => ({ rejected: error }))
    expectResult(result)
  }
  // the session survives all of it (except for the two methods meant to end it)
  if (name != 'logout' && name != 'clearLoginState' && name != 'deleteAccount') {
    expect((await authing.getLoginState())[0]).toBeNull()
  }
})

test.each(METHODS.filter(([, , valid]) => valid && typeof valid == 'object'))(
  '%s: locally invalid arguments send nothing and say invalid_argument',
  async (name, call) => {
    const { authing, login, calls } = setup()
    await login()
    const optional = name == 'getUserInfo' || name == 'bindWxByCode' // no argument is fine there
    // an optional argument may be left out (undefined, null), but 0, '', false or NaN is no argument object either
    for (const bad of optional ? [7, 'x', [], cyclic, throwing, 0, '', false, NaN] : [null, 7, 'x', [], cyclic, throwing, 0, '', false]) {
      const [error] = (await call(authing, bad)) as [any]
      expect(error).toMatchObject({ code: 'invalid_argument' })
    }
    expect(calls).toEqual([])
  },
)

test.each([
  ['updateUserInfo', (a: Authing, x: unknown) => a.updateUserInfo(x as never)],
  ['bindWxByCode', (a: Authing, x: unknown) => a.bindWxByCode(x as never)],
  ['getPhone', (a: Authing, x: unknown) => a.getPhone(x as never)],
])('%s reads its argument once: what was checked is what is sent', async (_name, call) => {
  const { authing, login, calls } = setup()
  await login()
  const reads: number[] = []
  /** A value whose serialisation works once, then throws. */
  const flaky = (index: number) => ({
    toJSON: () =>
      (reads[index] = (reads[index] || 0) + 1) > 1
        ? (() => {
            throw new Error('read twice')
          })()
        : 'x',
  })
  const [error] = await call(authing, {
    nickname: 'n',
    extIdpConnidentifier: 'c',
    code: 'p',
    customData: { value: flaky(0) },
    rawData: flaky(1),
  })
  expect(error).toBeNull() // the one read succeeded, and that is what was sent
  expect(reads).toEqual([1, 1])
  expect(calls.filter((c) => c == 'request')).toHaveLength(1)
})

test.each([
  ['loginByPassword without identifier', (a: Authing) => a.loginByPassword({ passwordPayload: { password: 'p' } }), /account/],
  [
    'loginByPassword without password',
    (a: Authing) => a.loginByPassword({ passwordPayload: { account: 'a' } } as never),
    /passwordPayload\.password/,
  ],
  ['loginByPassCode without target', (a: Authing) => a.loginByPassCode({ passCodePayload: { passCode: '1' } }), /phone/],
  [
    'loginByPhone without phone code',
    (a: Authing) => a.loginByPhone({ extIdpConnidentifier: 'c', wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: {} } } as never),
    /wxPhoneInfo\.code/,
  ],
  ['loginByCode without connection id', (a: Authing) => a.loginByCode({} as never), /extIdpConnidentifier/],
  [
    'options of the wrong type',
    (a: Authing) => a.loginByCode({ extIdpConnidentifier: 'c', options: 'openid' } as never),
    /options must be an object/,
  ],
  ['sendSms without channel', (a: Authing) => a.sendSms({ phoneNumber: '1' } as never), /channel/],
  ['getPublicKey of an unknown type', (a: Authing) => a.getPublicKey('des' as never), /rsa/],
  [
    'deleteAccountRequest with an unknown method',
    (a: Authing) => a.deleteAccountRequest({ verifyMethod: 'FACE' } as never),
    /verifyMethod/,
  ],
  [
    'deleteAccountRequest without its payload',
    (a: Authing) => a.deleteAccountRequest({ verifyMethod: 'PHONE_PASSCODE' }),
    /phonePassCodePayload\.phoneNumber/,
  ],
  [
    'an unknown encryption type',
    (a: Authing) =>
      a.loginByPassword({ passwordPayload: { account: 'a', password: 'p' }, options: { passwordEncryptType: 'aes' as never } }),
    /passwordEncryptType/,
  ],
  [
    'encryption without encryptFunction',
    (a: Authing) => a.loginByPassword({ passwordPayload: { account: 'a', password: 'p' }, options: { passwordEncryptType: 'rsa' } }),
    /encryptFunction/,
  ],
])('%s: invalid_argument naming the problem, nothing sent', async (_name, call, pattern) => {
  const { authing, calls } = setup()
  const [error] = await call(authing)
  expect(error).toMatchObject({ code: 'invalid_argument', message: expect.stringMatching(pattern) })
  expect(calls).toEqual([])
})

test.each(METHODS)('%s never changes its argument', async (_name, call, valid) => {
  const { authing, login } = setup({ encryptFunction: (text) => `enc(${text})` })
  await login()
  const arg = valid && typeof valid == 'object' ? structuredClone(valid) : valid
  const deep = (value: unknown) => (value && typeof value == 'object' ? (Object.freeze(value), Object.values(value).forEach(deep)) : value)
  deep(arg) // frozen: any write would throw inside the SDK and show up as an error
  const [error] = (await call(authing, arg)) as [unknown]
  expect(error).toBeNull()
  expect(arg).toEqual(valid)
})

test('encrypted calls do not change their arguments either', async () => {
  const { authing, login } = setup({ encryptFunction: (text) => `enc(${text})` })
  await login()
  const login1 = Object.freeze({
    passwordPayload: Object.freeze({ account: 'a', password: 'p' }),
    options: Object.freeze({ passwordEncryptType: 'rsa' as const }),
  })
  const update = Object.freeze({ newPassword: 'n', oldPassword: 'o', passwordEncryptType: 'sm2' as const })
  expect((await authing.loginByPassword(login1))[0]).toBeNull()
  expect((await authing.updatePassword(update))[0]).toBeNull()
  expect(login1.passwordPayload.password).toBe('p')
  expect(update.newPassword).toBe('n')
})

describe('server answers become readable errors', () => {
  test('a V3 business error keeps statusCode, apiCode and requestId', async () => {
    const { authing, server } = setup()
    server.handlers['POST /api/v3/signin'] = () => ({
      status: 200,
      body: { statusCode: 403, apiCode: 2333, message: 'Account not exists or password is incorrect.', requestId: 'req-1' },
    })
    const [error] = await authing.loginByPassword({ passwordPayload: { account: 'a', password: 'p' } })
    expect(error).toEqual({
      code: 'api',
      message: 'Account not exists or password is incorrect.',
      statusCode: 403,
      apiCode: 2333,
      requestId: 'req-1',
    })
  })

  test('odd fields in an error answer are left out, never passed on with the wrong type', async () => {
    const { authing, server } = setup()
    server.handlers['POST /api/v3/send-sms'] = () => ({
      status: 400,
      body: { statusCode: 400.5, code: 429, message: '   ', error: { reason: 'x' }, apiCode: '2333', requestId: { id: 1 } },
    })
    const [error] = await authing.sendSms({ phoneNumber: '1', channel: 'CHANNEL_LOGIN' })
    expectResult([error, undefined])
    expect(error).toEqual({ code: 'server', statusCode: 429, message: 'Unusable server answer: HTTP 400' })
  })

  test.each([
    ['an HTML 502 page', { status: 502, body: '<html><body>Bad Gateway</body></html>' }, 'server', 502],
    ['truncated JSON', { status: 200, body: '{"statusCode":200,"da' }, 'server', 200],
    ['an empty body', { status: 200, body: '' }, 'server', 200],
    ['a 500 envelope', { status: 200, body: { statusCode: 500, message: 'Internal error' } }, 'server', 500],
    ['an OAuth error without message', { status: 400, body: { error: 'invalid_request' } }, 'api', 400],
  ])('%s', async (_name, response, code, statusCode) => {
    const { authing, server } = setup()
    server.handlers['POST /api/v3/send-sms'] = () => response
    const [error] = await authing.sendSms({ phoneNumber: '1', channel: 'CHANNEL_LOGIN' })
    expect(error).toMatchObject({ code, statusCode })
    expect(error!.message).toMatch(/\w+ \w+/)
  })

  test('a login answer without tokens is a server error and stores nothing', async () => {
    const { authing, server, storage } = setup()
    server.handlers['POST /api/v3/signin'] = () => ({ status: 200, body: { statusCode: 200, message: 'ok', data: {} } })
    const [error] = await authing.loginByPassword({ passwordPayload: { account: 'a', password: 'p' } })
    expect(error).toMatchObject({ code: 'server' })
    expect(storage.size).toBe(0)
  })

  test('data of false or 0 is returned as is, not replaced by the envelope', async () => {
    const { authing, server, login } = setup()
    await login()
    server.handlers['POST /connections/social/wechat-miniprogram/bind'] = () => ({
      status: 200,
      body: { statusCode: 200, code: 200, message: 'ok', data: false },
    })
    expect(await authing.bindWxByCode()).toEqual([null, false])
  })

  test('a request that never answers times out with its own code', async () => {
    const { authing, server } = setup({ timeout: 30 })
    server.handlers['POST /api/v3/send-sms'] = () => new Promise(() => {})
    const [error] = await authing.sendSms({ phoneNumber: '1', channel: 'CHANNEL_LOGIN' })
    expect(error).toMatchObject({ code: 'timeout', message: expect.stringContaining('timed out') })
  })

  test('a platform failure is a platform error', async () => {
    const { authing } = setup({ adapter: { login: () => Promise.reject({ errMsg: 'login:fail auth deny' }) } })
    const [error] = await authing.loginByCode({ extIdpConnidentifier: 'c' })
    expect(error).toMatchObject({ code: 'platform', message: expect.stringContaining('login:fail auth deny') })
  })

  test('a cancelled image picker fails updateAvatar with platform and uploads nothing', async () => {
    const { authing, login, calls } = setup({ adapter: { chooseImage: () => Promise.reject({ errMsg: 'chooseMedia:fail cancel' }) } })
    await login()
    const [error] = await authing.updateAvatar()
    expect(error).toMatchObject({ code: 'platform', message: expect.stringContaining('cancel') })
    expect(calls).toEqual([])
  })

  test('updateAvatar fails when the upload is refused or the profile update fails', async () => {
    const { authing, login, server } = setup()
    await login()
    server.handlers['POST /api/v2/upload'] = () => ({ status: 200, body: '{"code":413,"message":"File too large"}' })
    expect((await authing.updateAvatar())[0]).toMatchObject({ code: 'api', message: 'File too large' })
    delete server.handlers['POST /api/v2/upload']
    server.handlers['POST /api/v2/upload'] = () => ({ status: 200, body: '{"code":200,"message":"ok","data":{"key":"k","url":"u"}}' })
    server.handlers['POST /api/v3/update-profile'] = () => ({ status: 200, body: { statusCode: 400, message: 'photo is invalid' } })
    expect((await authing.updateAvatar())[0]).toMatchObject({ code: 'api', message: 'photo is invalid' })
  })

  test('authenticated calls without a session say not_logged_in and send nothing', async () => {
    const { authing, calls } = setup()
    for (const [name, call, valid] of METHODS) {
      if (!/^(update|bind(Phone|Email|Wx)|delete|getUserInfo|refreshToken)/.test(name)) continue
      const [error] = (await call(authing, valid)) as [any]
      expect([name, error && error.code]).toEqual([name, 'not_logged_in'])
    }
    expect(calls.filter((c) => c != 'getItem')).toEqual([])
  })
})
