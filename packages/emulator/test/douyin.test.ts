// Simulated Douyin: code login, code + phone login (the phone encrypted with the session key), the phone and data
// decryption endpoints, binding, and Douyin's answers to bad, used and expired codes.
import { APP, authed, claimsOf, DEMO, DEMO_USER, expectError, loginDemo, post, POOL, useEmulator } from './helpers'

const emulator = useEmulator()
const DOUYIN = DEMO.douyinExtIdpConnidentifier

const codeLogin = (code: string, extIdpConnidentifier: string = DOUYIN) =>
  post(
    emulator(),
    '/api/v3/signin-by-mobile',
    {
      connection: 'douyin_mini_program_code',
      extIdpConnidentifier,
      douyinMiniProgramCodePayload: { encryptedData: '', iv: '', code },
      options: { scope: 'openid profile offline_access' },
    },
    APP,
  )

const phoneLogin = (payload: Record<string, unknown>, key = 'douyinMiniProgramCodeAndPhonePayload') =>
  post(
    emulator(),
    '/api/v3/signin-by-mobile',
    { connection: 'douyin_mini_program_code_and_phone', extIdpConnidentifier: DOUYIN, [key]: payload },
    APP,
  )

/** What a getPhoneNumber button hands a page on Douyin, for the session of `code`. */
const phoneData = (code: string, phone = '13912345678') =>
  emulator().client.encryptForCode(code, { phoneNumber: phone, purePhoneNumber: phone, countryCode: '86' })

test('douyin_mini_program_code: a minted code creates a user with a Douyin identity; the next code finds the same user', async () => {
  const { code, openid } = await emulator().client.mintDouyinLoginCode({ openid: '_000alice' })
  expect(openid).toBe('_000alice')
  const first = await codeLogin(code)
  expect(first.body.statusCode).toBe(200)
  const user = await emulator().client.user({ openid: '_000alice' })
  expect(user?.identities).toEqual([
    expect.objectContaining({ provider: 'douyin', type: 'openid', userIdInIdp: '_000alice', extIdpId: '6500000000000000000d0002' }),
  ])
  const second = await codeLogin((await emulator().client.mintDouyinLoginCode({ openid: '_000alice' })).code)
  expect(claimsOf(second.body.data.access_token).sub).toBe(claimsOf(first.body.data.access_token).sub)
  expect((await emulator().client.douyinCodes()).map((record) => record.used)).toEqual([true, true])
  expect(await emulator().client.wechatCodes()).toEqual([])
})

test("Douyin's answers: an unknown code, a used code and an expired code are refused (err_no 40018)", async () => {
  expectError(await codeLogin('not-a-code'), 602, undefined, /Douyin returned an error: \{"err_no":40018,"err_tips":"bad code"\}/)
  const { code } = await emulator().client.mintDouyinLoginCode()
  expect((await codeLogin(code)).body.statusCode).toBe(200)
  expectError(await codeLogin(code), 602, undefined, /"err_no":40018.*has been used/)
  const late = await emulator().client.mintDouyinLoginCode()
  await emulator().client.shiftClock(301_000)
  expectError(await codeLogin(late.code), 602, undefined, /"err_no":40018/)
})

test('platform codes do not cross: a WeChat code on Douyin, a Douyin code on WeChat, a Douyin code with the WeChat connection', async () => {
  const wechatCode = (await emulator().client.mintLoginCode()).code
  expectError(await codeLogin(wechatCode), 602, undefined, /Douyin returned an error/)
  const douyinCode = (await emulator().client.mintDouyinLoginCode()).code
  expectError(
    await codeLogin(douyinCode, DEMO.extIdpConnidentifier),
    400,
    undefined,
    /is a wechat:miniprogram connection, not douyin:miniprogram/,
  )
  const wechatLogin = await post(
    emulator(),
    '/api/v3/signin-by-mobile',
    {
      connection: 'wechat_mini_program_code',
      extIdpConnidentifier: DEMO.extIdpConnidentifier,
      wechatMiniProgramCodePayload: { code: douyinCode },
    },
    APP,
  )
  expectError(wechatLogin, 602, undefined, /WeChat returned an error/)
})

test("mock: codes and the dev identity work on Douyin as on WeChat, in Douyin's own code store", async () => {
  expect((await codeLogin('mock:_000mock')).body.statusCode).toBe(200)
  expect(await emulator().client.user({ openid: '_000mock' })).toMatchObject({
    identities: [expect.objectContaining({ provider: 'douyin' })],
  })
  expectError(await codeLogin('a-real-devtools-code'), 602)
  await emulator().client.config({ douyinDevIdentity: '_000devtools' })
  expect((await codeLogin('a-real-devtools-code')).body.statusCode).toBe(200)
  expect(await emulator().client.user({ openid: '_000devtools' })).not.toBeNull()
})

describe('douyin_mini_program_code_and_phone', () => {
  test("the phone in phoneParams is decrypted with the session key of the login code's user and given to a new user", async () => {
    const session = await emulator().client.mintDouyinLoginCode({ openid: '_000bob' })
    const phoneParams = await phoneData(session.code)
    // The SDK sends a fresh code: a Douyin user keeps one session key across codes.
    const fresh = await emulator().client.mintDouyinLoginCode({ openid: '_000bob' })
    expect(fresh.sessionKey).toBe(session.sessionKey)
    const answer = await phoneLogin({ loginParams: { encryptedData: '', iv: '', code: fresh.code }, phoneParams })
    expect(answer.body.statusCode).toBe(200)
    expect(await emulator().client.user({ openid: '_000bob' })).toMatchObject({ phone: '13912345678', phoneVerified: true })
  })

  test('also under miniProgramCodeAndPhonePayload; missing phone data is a 400 naming the field', async () => {
    const { code } = await emulator().client.mintDouyinLoginCode({ openid: '_000carol' })
    const phoneParams = await phoneData(code, '13700001111')
    const next = (await emulator().client.mintDouyinLoginCode({ openid: '_000carol' })).code
    expect((await phoneLogin({ loginParams: { code: next }, phoneParams }, 'miniProgramCodeAndPhonePayload')).body.statusCode).toBe(200)
    const another = (await emulator().client.mintDouyinLoginCode({ openid: '_000carol' })).code
    expectError(
      await phoneLogin({ loginParams: { code: another } }),
      400,
      undefined,
      /douyinMiniProgramCodeAndPhonePayload\.phoneParams\.encryptedData/,
    )
  })

  test("data encrypted for another user's session does not decrypt", async () => {
    const other = (await emulator().client.mintDouyinLoginCode({ openid: '_000other' })).code
    const phoneParams = await phoneData(other)
    const mine = (await emulator().client.mintDouyinLoginCode({ openid: '_000mine' })).code
    expectError(await phoneLogin({ loginParams: { code: mine }, phoneParams }), 400, undefined, /could not be decrypted/)
  })
})

test('POST /api/v3/decrypt-douyin-miniprogram-phone: the phone number, in both shapes; every field is required', async () => {
  const { code } = await emulator().client.mintDouyinLoginCode({ openid: '_000dan' })
  const { encryptedData, iv } = await phoneData(code, '13600002222')
  const fresh = (await emulator().client.mintDouyinLoginCode({ openid: '_000dan' })).code
  const answer = await post(
    emulator(),
    '/api/v3/decrypt-douyin-miniprogram-phone',
    { extIdpConnidentifier: DOUYIN, code: fresh, encryptedData, iv },
    POOL,
  )
  const phone = { phoneNumber: '13600002222', purePhoneNumber: '13600002222', countryCode: '86' }
  expect(answer.body.data).toEqual({
    ...phone,
    phone_info: { ...phone, watermark: { appid: DEMO.douyinAppId, timestamp: expect.any(Number) } },
  })
  expectError(await post(emulator(), '/api/v3/decrypt-douyin-miniprogram-phone', { extIdpConnidentifier: DOUYIN, code: fresh }, POOL), 400)
})

test('POST /api/v3/decrypt-douyin-miniprogram-data decrypts user data with the code of the session', async () => {
  const { code } = await emulator().client.mintDouyinLoginCode()
  const { encryptedData, iv } = await emulator().client.encryptForCode(code, { nickName: '抖音用户' })
  const answer = await post(
    emulator(),
    '/api/v3/decrypt-douyin-miniprogram-data',
    { extIdpConnidentifier: DOUYIN, code, encryptedData, iv },
    POOL,
  )
  expect(answer.body.data).toMatchObject({ nickName: '抖音用户', watermark: { appid: DEMO.douyinAppId } })
})

test('POST /connections/social/douyin-miniprogram/bind links the Douyin identity to the logged-in user', async () => {
  const tokens = await loginDemo(emulator())
  const { code } = await emulator().client.mintDouyinLoginCode({ openid: '_000demo' })
  const answer = await post(
    emulator(),
    '/connections/social/douyin-miniprogram/bind',
    { code, extIdpConnidentifier: DOUYIN },
    authed(tokens.access_token),
  )
  expect(answer.body).toMatchObject({ statusCode: 200, code: 200 })
  expect(await emulator().client.user({ openid: '_000demo' })).toMatchObject({ userId: DEMO_USER.userId })
})

test('Douyin codes are exported and imported; an export made before Douyin was emulated still imports', async () => {
  const { code } = await emulator().client.mintDouyinLoginCode({ openid: '_000saved' })
  const snapshot = await emulator().client.exportState()
  expect(snapshot.douyinCodes.map((record) => record.code)).toEqual([code])
  await emulator().client.importState(snapshot)
  expect((await codeLogin(code)).body.statusCode).toBe(200)
  const { douyinCodes: _none, ...older } = snapshot
  await emulator().client.importState(older as typeof snapshot)
  expect(await emulator().client.douyinCodes()).toEqual([])
})
