// What a method can tell is wrong before any I/O is refused there, and nothing is sent. What each method needs (the
// README's method table): a missing or empty field is `invalid_argument` naming it; each row starts from a complete
// argument that the checks accept.
import type { Authing } from '@authing/miniapp-core'
import { envelope, setup } from './harness'

type Fields = Record<string, any>
type Method = (authing: Authing, params: Fields) => Promise<[unknown, unknown]>

const call =
  (name: keyof Authing): Method =>
  (authing, params) =>
    (authing[name] as (params: Fields) => Promise<[unknown, unknown]>)(params)

/** method, a complete argument, the dotted paths it needs (each removed in turn), and the name the error gives it */
const rows: [string, Method, Fields, [string, string][]][] = [
  ['loginByCode', call('loginByCode'), { extIdpConnidentifier: 'c' }, [['extIdpConnidentifier', 'extIdpConnidentifier']]],
  [
    'loginByPhone',
    call('loginByPhone'),
    { extIdpConnidentifier: 'c', wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: { code: 'pc' } } },
    [
      ['extIdpConnidentifier', 'extIdpConnidentifier'],
      ['wechatMiniProgramCodeAndPhonePayload.wxPhoneInfo.code', 'wxPhoneInfo.code'],
    ],
  ],
  [
    'loginByPassword',
    call('loginByPassword'),
    { passwordPayload: { account: 'alice', password: 'pw' } },
    [
      ['passwordPayload.password', 'passwordPayload.password'],
      ['passwordPayload.account', 'passwordPayload.account (or username, email, phone)'],
    ],
  ],
  [
    'loginByPassCode',
    call('loginByPassCode'),
    { passCodePayload: { passCode: '123456', email: 'a@b.c' } },
    [
      ['passCodePayload.passCode', 'passCodePayload.passCode'],
      ['passCodePayload.email', 'passCodePayload.phone (or email)'],
    ],
  ],
  [
    'sendSms',
    call('sendSms'),
    { phoneNumber: '1', channel: 'CHANNEL_LOGIN' },
    [
      ['phoneNumber', 'phoneNumber'],
      ['channel', 'channel'],
    ],
  ],
  [
    'sendEmailCode',
    call('sendEmailCode'),
    { email: 'a@b.c', channel: 'CHANNEL_LOGIN' },
    [
      ['email', 'email'],
      ['channel', 'channel'],
    ],
  ],
  ['updatePassword', call('updatePassword'), { newPassword: 'new' }, [['newPassword', 'newPassword']]],
  [
    'bindPhone',
    call('bindPhone'),
    { phoneNumber: '1', passCode: '2' },
    [
      ['phoneNumber', 'phoneNumber'],
      ['passCode', 'passCode'],
    ],
  ],
  [
    'updatePhoneRequest',
    call('updatePhoneRequest'),
    { phonePassCodePayload: { newPhoneNumber: '1', newPhonePassCode: '2' } },
    [
      ['phonePassCodePayload.newPhoneNumber', 'phonePassCodePayload.newPhoneNumber'],
      ['phonePassCodePayload.newPhonePassCode', 'phonePassCodePayload.newPhonePassCode'],
    ],
  ],
  ['updatePhone', call('updatePhone'), { updatePhoneToken: 't' }, [['updatePhoneToken', 'updatePhoneToken']]],
  [
    'bindEmail',
    call('bindEmail'),
    { email: 'a@b.c', passCode: '2' },
    [
      ['email', 'email'],
      ['passCode', 'passCode'],
    ],
  ],
  [
    'updateEmailRequest',
    call('updateEmailRequest'),
    { emailPassCodePayload: { newEmail: 'a@b.c', newEmailPassCode: '2' } },
    [
      ['emailPassCodePayload.newEmail', 'emailPassCodePayload.newEmail'],
      ['emailPassCodePayload.newEmailPassCode', 'emailPassCodePayload.newEmailPassCode'],
    ],
  ],
  ['updateEmail', call('updateEmail'), { updateEmailToken: 't' }, [['updateEmailToken', 'updateEmailToken']]],
  [
    'deleteAccountRequest (phone)',
    call('deleteAccountRequest'),
    { verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { phoneNumber: '1', passCode: '2' } },
    [
      ['verifyMethod', 'verifyMethod'],
      ['phonePassCodePayload.phoneNumber', 'phonePassCodePayload.phoneNumber'],
      ['phonePassCodePayload.passCode', 'phonePassCodePayload.passCode'],
    ],
  ],
  [
    'deleteAccountRequest (e-mail)',
    call('deleteAccountRequest'),
    { verifyMethod: 'EMAIL_PASSCODE', emailPassCodePayload: { email: 'a@b.c', passCode: '2' } },
    [
      ['emailPassCodePayload.email', 'emailPassCodePayload.email'],
      ['emailPassCodePayload.passCode', 'emailPassCodePayload.passCode'],
    ],
  ],
  [
    'deleteAccountRequest (password)',
    call('deleteAccountRequest'),
    { verifyMethod: 'PASSWORD', passwordPayload: { password: 'pw' } },
    [['passwordPayload.password', 'passwordPayload.password']],
  ],
  ['deleteAccount', call('deleteAccount'), { deleteAccountToken: 't' }, [['deleteAccountToken', 'deleteAccountToken']]],
  [
    'decryptData',
    call('decryptData'),
    { extIdpConnidentifier: 'c', encryptedData: 'e', iv: 'i', code: 'lc' },
    [
      ['extIdpConnidentifier', 'extIdpConnidentifier'],
      ['encryptedData', 'encryptedData'],
      ['iv', 'iv'],
      ['code', 'code'],
    ],
  ],
  [
    'getPhone',
    call('getPhone'),
    { extIdpConnidentifier: 'c', code: 'pc' },
    [
      ['extIdpConnidentifier', 'extIdpConnidentifier'],
      ['code', 'code'],
    ],
  ],
]

/** A copy of `params` with the field at `path` removed (`undefined`) or set to `value`. */
const changed = (params: Fields, path: string, value: unknown): Fields => {
  const copy = JSON.parse(JSON.stringify(params))
  const keys = path.split('.')
  const last = keys.pop()!
  const parent = keys.reduce((fields, key) => fields[key], copy)
  if (value === undefined) delete parent[last]
  else parent[last] = value
  return copy
}

describe.each(rows)('%s', (_name, method, complete, required) => {
  test('the complete argument passes the local checks', async () => {
    const { authing, login, calls } = setup()
    await login()
    const [error] = await method(authing, complete)
    expect(error).toBeNull()
    expect(calls).toContain('request')
  })

  test.each(required)('without %s, or with it empty: invalid_argument naming it, nothing sent', async (path, name) => {
    const { authing, login, calls } = setup()
    await login()
    for (const value of [undefined, '']) {
      expect(await method(authing, changed(complete, path, value))).toEqual([
        { code: 'invalid_argument', message: `Invalid argument: ${name} must be a non-empty string` },
        undefined,
      ])
    }
    expect(calls).toEqual([])
  })
})

describe('other local refusals', () => {
  test('refreshToken without a refresh token says how to get one', async () => {
    const { authing, server, calls } = setup()
    server.handlers['POST /api/v3/signin'] = () => envelope({ access_token: 'at-x', expires_in: 3600 })
    await authing.loginByPassword({ passwordPayload: { account: 'alice', password: 'pw' } })
    calls.length = 0
    expect(await authing.refreshToken()).toEqual([
      {
        code: 'invalid_argument',
        message: 'Invalid argument: this session has no refresh token: log in with the scope offline_access',
      },
      undefined,
    ])
    expect(calls).toEqual([])
  })

  test('updatePassword: an old password, when given, must not be empty', async () => {
    const { authing, login, calls } = setup()
    await login()
    expect(await authing.updatePassword({ newPassword: 'new', oldPassword: '' })).toEqual([
      { code: 'invalid_argument', message: 'Invalid argument: oldPassword must be a non-empty string' },
      undefined,
    ])
    expect(calls).toEqual([])
  })

  test("a code login's profile payload, when given, must be an object", async () => {
    const { authing, calls } = setup()
    const [error] = await authing.loginByCode({ extIdpConnidentifier: 'c', wechatMiniProgramCodePayload: 'profile' } as never)
    expect(error).toEqual({
      code: 'invalid_argument',
      message: 'Invalid argument: the encryptedData/iv payload must be an object',
    })
    expect(calls).toEqual([])
  })

  test('a login code the platform fails to give, or gives as no string, is a platform error and nothing is sent', async () => {
    const failing = setup({ adapter: { login: () => Promise.reject({ errMsg: 'login:fail cancel' }) } })
    expect(await failing.authing.loginByCode({ extIdpConnidentifier: 'c' })).toEqual([
      { code: 'platform', message: 'Platform call failed: getting a login code: login:fail cancel' },
      undefined,
    ])
    expect(failing.requests).toEqual([])
    const numeric = setup({ adapter: { login: () => Promise.resolve(42 as never) } })
    expect(await numeric.authing.loginByCode({ extIdpConnidentifier: 'c' })).toEqual([
      { code: 'platform', message: 'Platform call failed: no login code' },
      undefined,
    ])
    expect(numeric.requests).toEqual([])
  })
})
