// Douyin's protocol: what the client sends on tt (field for field), who decides the platform, and the local refusals
// that keep a bad Douyin call from sending anything.
import { envelope, setup } from './harness'

const PHONE = { encryptedData: 'ENC', iv: 'IV' }

/** A client speaking Douyin's protocol, as @authing/miniapp-tt builds it (its adapter says `tt`). */
const douyin = (options: Parameters<typeof setup>[0] = {}) => setup(options, 'tt')

test('loginByCode sends the Douyin connection and payload only', async () => {
  const { authing, requests } = douyin()
  expect(
    (await authing.loginByCode({ extIdpConnidentifier: 'dy', wechatMiniProgramCodePayload: PHONE, options: { scope: 'openid' } }))[0],
  ).toBeNull()
  expect(requests[0]).toMatchObject({ method: 'POST', path: '/api/v3/signin-by-mobile', headers: { 'x-authing-app-id': 'app-1' } })
  expect(requests[0].json).toEqual({
    connection: 'douyin_mini_program_code',
    extIdpConnidentifier: 'dy',
    douyinMiniProgramCodePayload: { encryptedData: '', iv: '', code: 'code-1' },
    options: { scope: 'openid' },
  })
})

test('loginByPhone sends loginParams (a fresh code) and phoneParams, from either payload name', async () => {
  for (const name of ['douyinMiniProgramCodeAndPhonePayload', 'miniProgramCodeAndPhonePayload']) {
    const { authing, requests } = douyin()
    expect((await authing.loginByPhone({ extIdpConnidentifier: 'dy', [name]: { phoneParams: { ...PHONE, extra: 'x' } } }))[0]).toBeNull()
    expect(requests[0].json).toEqual({
      connection: 'douyin_mini_program_code_and_phone',
      extIdpConnidentifier: 'dy',
      douyinMiniProgramCodeAndPhonePayload: { loginParams: { encryptedData: '', iv: '', code: 'code-1' }, phoneParams: PHONE },
    })
  }
})

test('missing phone data: loginByPhone and getPhone fail with invalid_argument before asking tt.login or the server', async () => {
  const { authing, calls } = douyin()
  for (const params of [
    { extIdpConnidentifier: 'dy' },
    { extIdpConnidentifier: 'dy', miniProgramCodeAndPhonePayload: { phoneParams: { iv: 'IV' } } },
  ]) {
    expect((await authing.loginByPhone(params as never))[0]).toMatchObject({ code: 'invalid_argument' })
  }
  expect((await authing.getPhone({ extIdpConnidentifier: 'dy', encryptedData: 'ENC' } as never))[0]).toMatchObject({
    code: 'invalid_argument',
    message: expect.stringContaining('iv'),
  })
  // A WeChat phone code is no Douyin phone data.
  expect((await authing.getPhone({ extIdpConnidentifier: 'dy', code: 'wx-phone-code' }))[0]).toMatchObject({ code: 'invalid_argument' })
  expect(calls).toEqual([])
})

test('getPhone sends the encrypted phone with a fresh login code to the Douyin endpoint', async () => {
  const { authing, requests, server } = douyin()
  const phone = { phoneNumber: '13800000000', purePhoneNumber: '13800000000', countryCode: '86' }
  server.handlers['POST /api/v3/decrypt-douyin-miniprogram-phone'] = () => envelope({ phone_info: phone, ...phone })
  expect(await authing.getPhone({ extIdpConnidentifier: 'dy', ...PHONE })).toEqual([null, phone])
  expect(requests[0]).toMatchObject({ path: '/api/v3/decrypt-douyin-miniprogram-phone', headers: { 'x-authing-userpool-id': 'pool-1' } })
  expect(requests[0].json).toEqual({ extIdpConnidentifier: 'dy', ...PHONE, code: 'code-1' })
})

test('decryptData and bindWxByCode use the Douyin endpoints', async () => {
  const { authing, requests, server, login } = douyin()
  server.handlers['POST /api/v3/decrypt-douyin-miniprogram-data'] = () => envelope({ nickName: 'x' })
  server.handlers['POST /connections/social/douyin-miniprogram/bind'] = () => envelope(true)
  expect((await authing.decryptData({ extIdpConnidentifier: 'dy', ...PHONE, code: 'c' }))[1]).toEqual({ nickName: 'x' })
  await login()
  expect((await authing.bindWxByCode({ extIdpConnidentifier: 'dy' }))[0]).toBeNull()
  expect(requests.map((request) => request.path)).toEqual(['/connections/social/douyin-miniprogram/bind'])
})

test('no login code from tt.login (the user is not logged in to Douyin): a platform error, nothing sent', async () => {
  const { authing, requests } = douyin({ adapter: { login: async () => undefined as unknown as string } })
  expect((await authing.loginByCode({ extIdpConnidentifier: 'dy' }))[0]).toMatchObject({ code: 'platform' })
  expect((await authing.getPhone({ extIdpConnidentifier: 'dy', ...PHONE }))[0]).toMatchObject({ code: 'platform' })
  expect(requests).toEqual([])
})

test("the option platform overrides the package's choice; a bad value is a TypeError", async () => {
  const { authing, requests } = douyin({ platform: 'wx' })
  await authing.loginByCode({ extIdpConnidentifier: 'wx' })
  expect(requests[0].json).toMatchObject({ connection: 'wechat_mini_program_code', wechatMiniProgramCodePayload: expect.any(Object) })
  const wechat = setup({ platform: 'tt' })
  await wechat.authing.loginByCode({ extIdpConnidentifier: 'dy' })
  expect(wechat.requests[0].json).toMatchObject({ connection: 'douyin_mini_program_code' })
  expect(() => setup({ platform: 'alipay' as never })).toThrow(new TypeError("Authing: platform must be 'wx' or 'tt'"))
})
