// Simulated WeChat: code login, code + phone login, getPhone, decryptData, binding, and the code life cycle.
import { createCipheriv, randomBytes } from 'node:crypto'
import { APP, authed, call, claimsOf, DEMO, DEMO_USER, expectError, loginDemo, post, POOL, useEmulator } from './helpers'

const emulator = useEmulator()

const codeLogin = (code: string, extra: { encryptedData?: string; iv?: string } = {}) =>
  post(
    emulator(),
    '/api/v3/signin-by-mobile',
    {
      connection: 'wechat_mini_program_code',
      extIdpConnidentifier: DEMO.extIdpConnidentifier,
      wechatMiniProgramCodePayload: { encryptedData: '', iv: '', code, ...extra },
      options: { scope: 'openid profile offline_access' },
    },
    APP,
  )

const phoneLogin = (loginCode: string, phoneCode: string, key = 'wechatMiniProgramCodeAndPhonePayload') =>
  post(
    emulator(),
    '/api/v3/signin-by-mobile',
    {
      connection: 'wechat_mini_program_code_and_phone',
      extIdpConnidentifier: DEMO.extIdpConnidentifier,
      [key]: { wxPhoneInfo: { code: phoneCode }, wxLoginInfo: { encryptedData: '', iv: '', code: loginCode } },
    },
    APP,
  )

const subjectOf = (answer: { body: Record<string, any> }): string => claimsOf(answer.body.data.access_token).sub

describe('wechat_mini_program_code', () => {
  test('a minted code creates a user with the WeChat identity; the next code finds the same user', async () => {
    const { code, openid, sessionKey } = await emulator().client.mintLoginCode({ openid: 'o-alice' })
    expect(openid).toBe('o-alice')
    expect(Buffer.from(sessionKey, 'base64')).toHaveLength(16)
    const first = await codeLogin(code)
    expect(first.body.statusCode).toBe(200)
    expect(first.body.data.refresh_token).toEqual(expect.any(String))
    const user = await emulator().client.user({ openid: 'o-alice' })
    expect(user?.identities).toEqual([
      {
        identityId: expect.any(String),
        extIdpId: '6500000000000000000d0001',
        provider: 'wechat',
        type: 'openid',
        userIdInIdp: 'o-alice',
        userInfoInIdp: { openid: 'o-alice' },
        originConnIds: ['6500000000000000000d0001'],
      },
    ])
    expect(user?.hasPassword).toBe(false)
    const second = await codeLogin((await emulator().client.mintLoginCode({ openid: 'o-alice' })).code)
    expect(subjectOf(second)).toBe(subjectOf(first))
  })

  test('a random openid when none is given', async () => {
    const { code, openid } = await emulator().client.mintLoginCode()
    expect(openid).toMatch(/^o\w{27}$/)
    expect((await codeLogin(code)).body.statusCode).toBe(200)
  })

  test('codes are single use (40163), unknown (40029) and expire after 5 minutes (40029)', async () => {
    const { code } = await emulator().client.mintLoginCode()
    await codeLogin(code)
    expectError(await codeLogin(code), 602, undefined, /"errcode":40163,"errmsg":"code been used"/)
    expectError(await codeLogin('not-a-real-code'), 602, undefined, /"errcode":40029,"errmsg":"invalid code"/)
    const late = await emulator().client.mintLoginCode()
    await emulator().client.shiftClock(5 * 60 * 1000)
    expectError(await codeLogin(late.code), 602, undefined, /40029/)
    const codes = await emulator().client.wechatCodes()
    expect(codes.find((item) => item.code === code)).toMatchObject({ used: true, kind: 'login', source: 'minted' })
    expect(codes.find((item) => item.code === late.code)).toMatchObject({ used: false, expired: true })
  })

  test('deterministic mock:<openid>:<unionid> codes, single use too', async () => {
    const answer = await codeLogin('mock:o-bob:u-bob')
    expect(answer.body.statusCode).toBe(200)
    const user = await emulator().client.user('o-bob')
    expect(user?.identities.map((identity) => [identity.type, identity.userIdInIdp])).toEqual([
      ['openid', 'o-bob'],
      ['unionid', 'u-bob'],
    ])
    expectError(await codeLogin('mock:o-bob:u-bob'), 602, undefined, /40163/)
    expect(subjectOf(await codeLogin('mock:o-bob:u-bob#2'))).toBe(user?.userId)
  })

  test('a known unionid links a new openid to the existing user', async () => {
    const first = await codeLogin('mock:o-one:u-shared')
    const second = await codeLogin('mock:o-two:u-shared')
    expect(subjectOf(second)).toBe(subjectOf(first))
    const user = await emulator().client.user('o-two')
    expect(user?.identities.filter((identity) => identity.type === 'openid').map((identity) => identity.userIdInIdp)).toEqual([
      'o-one',
      'o-two',
    ])
  })

  test('encrypted user info sets the profile of a new user', async () => {
    const { code } = await emulator().client.mintLoginCode({ openid: 'o-carol' })
    const encrypted = await emulator().client.encryptForCode(code, { nickName: 'Carol', avatarUrl: 'https://example.com/c.png', gender: 2 })
    expect((await codeLogin(code, encrypted)).body.statusCode).toBe(200)
    expect(await emulator().client.user('o-carol')).toMatchObject({ nickname: 'Carol', photo: 'https://example.com/c.png', gender: 'F' })
  })

  test('user info that does not decrypt with the session key → 400 (-41003)', async () => {
    const { code } = await emulator().client.mintLoginCode()
    expectError(await codeLogin(code, { encryptedData: 'AAAA', iv: randomBytes(16).toString('base64') }), 400, undefined, /-41003/)
  })

  test('registration disabled → 403 / 2031 for a new WeChat user', async () => {
    await emulator().client.config({ allowRegistration: false })
    expectError(await codeLogin('mock:o-new'), 403, 2031)
  })

  test('an unknown extIdpConnidentifier → 404 / 2011; missing code names the field', async () => {
    const answer = await post(
      emulator(),
      '/api/v3/signin-by-mobile',
      {
        connection: 'wechat_mini_program_code',
        extIdpConnidentifier: 'nope',
        wechatMiniProgramCodePayload: { code: 'mock:x' },
      },
      APP,
    )
    expectError(answer, 404, 2011, /"nope" does not exist/)
    expectError(await codeLogin(''), 400, undefined, 'wechatMiniProgramCodePayload.code should not be empty')
  })

  test('wechatDevIdentity maps unknown codes (real WeChat DevTools codes) to one openid — opt-in', async () => {
    expectError(await codeLogin('071AbCdEfGhIjKlMnOpQrStUvWxYz0aB'), 602, undefined, /40029/)
    await emulator().client.config({ wechatDevIdentity: 'o-devtools', wechatDevPhone: '13512345678' })
    const first = await codeLogin('071AbCdEfGhIjKlMnOpQrStUvWxYz0aC')
    const second = await codeLogin('071AbCdEfGhIjKlMnOpQrStUvWxYz0aD')
    expect(subjectOf(second)).toBe(subjectOf(first))
    expect((await emulator().client.user('o-devtools'))?.userId).toBe(subjectOf(first))
    expectError(await codeLogin('071AbCdEfGhIjKlMnOpQrStUvWxYz0aC'), 602, undefined, /40163/)
    const phone = await post(
      emulator(),
      '/api/v3/get-wechat-miniprogram-phone',
      { extIdpConnidentifier: DEMO.extIdpConnidentifier, code: 'real-phone-code' },
      POOL,
    )
    expect(phone.body.data.phone_info.purePhoneNumber).toBe('13512345678')
  })
})

describe('wechat_mini_program_code_and_phone', () => {
  test('a new user gets the phone; the phone is not taken from another user', async () => {
    const { code: phoneCode } = await emulator().client.mintPhoneCode({ phoneNumber: '13600000001' })
    const answer = await phoneLogin('mock:o-dave', phoneCode)
    expect(answer.body.statusCode).toBe(200)
    expect(await emulator().client.user('o-dave')).toMatchObject({ phone: '13600000001', phoneCountryCode: '+86', phoneVerified: true })
    const other = await phoneLogin('mock:o-erin', (await emulator().client.mintPhoneCode({ phoneNumber: '13600000001' })).code)
    expect(other.body.statusCode).toBe(200)
    expect((await emulator().client.user('o-erin'))?.phone).toBeNull()
    await phoneLogin('mock:o-frank', `mockphone:${DEMO_USER.phone}`)
    expect((await emulator().client.user('o-frank'))?.phone).toBeNull()
  })

  test('an existing user without a phone gets it; one with a phone keeps theirs', async () => {
    await codeLogin('mock:o-gina')
    await phoneLogin('mock:o-gina#2', 'mockphone:13600000002')
    expect((await emulator().client.user('o-gina'))?.phone).toBe('13600000002')
    await phoneLogin('mock:o-gina#3', 'mockphone:13600000003')
    expect((await emulator().client.user('o-gina'))?.phone).toBe('13600000002')
  })

  test('accepts the miniProgramCodeAndPhonePayload spelling', async () => {
    const answer = await phoneLogin('mock:o-hank', 'mockphone:13600000004', 'miniProgramCodeAndPhonePayload')
    expect(answer.body.statusCode).toBe(200)
  })

  test('missing codes name the field; a used phone code is WeChat error 40163', async () => {
    const noPhone = await post(
      emulator(),
      '/api/v3/signin-by-mobile',
      {
        connection: 'wechat_mini_program_code_and_phone',
        extIdpConnidentifier: DEMO.extIdpConnidentifier,
        wechatMiniProgramCodeAndPhonePayload: { wxLoginInfo: { code: 'mock:o-x' } },
      },
      APP,
    )
    expectError(noPhone, 400, undefined, 'wechatMiniProgramCodeAndPhonePayload.wxPhoneInfo.code should not be empty')
    expectError(
      await phoneLogin('', 'mockphone:13600000005'),
      400,
      undefined,
      'wechatMiniProgramCodeAndPhonePayload.wxLoginInfo.code should not be empty',
    )
    await phoneLogin('mock:o-ivan', 'mockphone:13600000006')
    expectError(await phoneLogin('mock:o-ivan2', 'mockphone:13600000006'), 602, undefined, /40163/)
  })
})

describe('wechat_mini_program_phone (encrypted phone data)', () => {
  test('decrypts the phone with the session key of the login code', async () => {
    const { code } = await emulator().client.mintLoginCode({ openid: 'o-judy' })
    const encrypted = await emulator().client.encryptForCode(code, {
      phoneNumber: '13600000007',
      purePhoneNumber: '13600000007',
      countryCode: '86',
    })
    const answer = await post(
      emulator(),
      '/api/v3/signin-by-mobile',
      {
        connection: 'wechat_mini_program_phone',
        extIdpConnidentifier: DEMO.extIdpConnidentifier,
        wechatMiniProgramPhonePayload: { code, ...encrypted },
      },
      APP,
    )
    expect(answer.body.statusCode).toBe(200)
    expect((await emulator().client.user('o-judy'))?.phone).toBe('13600000007')
  })
})

describe('POST /api/v3/get-wechat-miniprogram-phone', () => {
  const getPhone = (code: string, headers: Record<string, string> = POOL) =>
    post(emulator(), '/api/v3/get-wechat-miniprogram-phone', { extIdpConnidentifier: DEMO.extIdpConnidentifier, code }, headers)

  test('answers phone_info (what the SDK reads) and the flat fields (what the docs describe)', async () => {
    const { code } = await emulator().client.mintPhoneCode({ phoneNumber: '13800138000' })
    const answer = await getPhone(code)
    expect(answer.body).toEqual({
      statusCode: 200,
      message: expect.any(String),
      requestId: expect.any(String),
      data: {
        phone_info: {
          phoneNumber: '13800138000',
          purePhoneNumber: '13800138000',
          countryCode: '86',
          watermark: { appid: DEMO.wechatAppId, timestamp: expect.any(Number) },
        },
        phoneNumber: '13800138000',
        purePhoneNumber: '13800138000',
        countryCode: '86',
      },
    })
    expectError(await getPhone(code), 602, undefined, /40163/)
  })

  test('non-mainland numbers carry the prefix in phoneNumber', async () => {
    const { code } = await emulator().client.mintPhoneCode({ phoneNumber: '2025550123', countryCode: '+1' })
    expect((await getPhone(code)).body.data.phone_info).toMatchObject({
      phoneNumber: '+12025550123',
      purePhoneNumber: '2025550123',
      countryCode: '1',
    })
    expect((await getPhone('mockphone:2025550199:1')).body.data.countryCode).toBe('1')
  })

  test('expired and unknown codes; a login code is not a phone code', async () => {
    const { code } = await emulator().client.mintPhoneCode({ phoneNumber: '13800138000' })
    await emulator().client.shiftClock(300_001)
    expectError(await getPhone(code), 602, undefined, /40029/)
    expectError(await getPhone((await emulator().client.mintLoginCode()).code), 602, undefined, /40029/)
    expectError(await getPhone('mockphone:13800138000', {}), 400, undefined, 'x-authing-userpool-id should not be empty')
  })
})

describe('POST /api/v3/decrypt-wechat-miniprogram-data', () => {
  const decrypt = (body: Record<string, unknown>) =>
    post(emulator(), '/api/v3/decrypt-wechat-miniprogram-data', { extIdpConnidentifier: DEMO.extIdpConnidentifier, ...body }, POOL)

  test('AES-128-CBC-decrypts with the session key of the code (data made by encryptForCode)', async () => {
    const { code } = await emulator().client.mintLoginCode()
    const encrypted = await emulator().client.encryptForCode(code, { openGId: 'group-1', nickName: '小明' })
    const answer = await decrypt({ code, ...encrypted })
    expect(answer.body.data).toEqual({
      openGId: 'group-1',
      nickName: '小明',
      watermark: { appid: DEMO.wechatAppId, timestamp: expect.any(Number) },
    })
    expectError(await decrypt({ code, ...encrypted }), 602, undefined, /40163/)
  })

  test('data encrypted independently with the minted session key decrypts the same way', async () => {
    const { code, sessionKey } = await emulator().client.mintLoginCode()
    const iv = randomBytes(16)
    const cipher = createCipheriv('aes-128-cbc', Buffer.from(sessionKey, 'base64'), iv)
    const encryptedData = Buffer.concat([cipher.update('{"hello":"world"}'), cipher.final()]).toString('base64')
    expect((await decrypt({ code, encryptedData, iv: iv.toString('base64') })).body.data).toEqual({ hello: 'world' })
  })

  test('a wrong iv or data → 400 (-41003); missing fields name the field', async () => {
    const { code } = await emulator().client.mintLoginCode()
    const encrypted = await emulator().client.encryptForCode(code, { a: 1 })
    expectError(
      await decrypt({ code, encryptedData: encrypted.encryptedData, iv: randomBytes(16).toString('base64') }),
      400,
      undefined,
      /-41003/,
    )
    expectError(await decrypt({ code: 'mock:o', encryptedData: 'x' }), 400, undefined, 'iv should not be empty')
  })
})

describe('POST /connections/social/wechat-miniprogram/bind', () => {
  const bind = (token: string, body: Record<string, unknown>) =>
    post(emulator(), '/connections/social/wechat-miniprogram/bind', body, authed(token))

  test('links the WeChat identity to the logged-in user; code logins then find that user', async () => {
    const tokens = await loginDemo(emulator())
    const answer = await bind(tokens.access_token, { code: 'mock:o-demo', extIdpConnidentifier: DEMO.extIdpConnidentifier })
    expect(answer.body).toMatchObject({ statusCode: 200, code: 200, data: { userId: DEMO_USER.userId } })
    expect(answer.body.data.identities).toEqual([expect.objectContaining({ provider: 'wechat', type: 'openid', userIdInIdp: 'o-demo' })])
    expect(subjectOf(await codeLogin('mock:o-demo#again'))).toBe(DEMO_USER.userId)
  })

  test('accepts the 5.1.11 body with options and no extIdpConnidentifier; binding twice is fine', async () => {
    const tokens = await loginDemo(emulator())
    const { code } = await emulator().client.mintLoginCode({ openid: 'o-demo2' })
    const options = await emulator().client.encryptForCode(code, { nickName: 'Demo' })
    expect((await bind(tokens.access_token, { code, options })).body.statusCode).toBe(200)
    expect((await bind(tokens.access_token, { code: 'mock:o-demo2' })).body.statusCode).toBe(200)
    const user = await emulator().client.user('demo')
    expect(user?.identities[0]?.userInfoInIdp).toMatchObject({ nickName: 'Demo' })
  })

  test('an openid of another user → 409; no token → 401', async () => {
    await codeLogin('mock:o-taken')
    const tokens = await loginDemo(emulator())
    expectError(await bind(tokens.access_token, { code: 'mock:o-taken#bind' }), 409, undefined, /already bound to another user/)
    expectError(await post(emulator(), '/connections/social/wechat-miniprogram/bind', { code: 'mock:o-z' }, POOL), 401, 2020)
  })
})

describe('get-wechat-access-token(-info)', () => {
  test.each(['/api/v3/get-wechat-access-token', '/api/v3/get-wechat-access-token-info'])('%s', async (path) => {
    const tokens = await loginDemo(emulator())
    const good = await post(
      emulator(),
      path,
      { appId: DEMO.wechatAppId, appSecret: 'emulator-wechat-app-secret' },
      authed(tokens.access_token),
    )
    expect(good.body.data).toEqual({ accessToken: expect.any(String), expiresAt: expect.any(Number) })
    expectError(await post(emulator(), path, { appId: 'wxnope', appSecret: 'x' }, authed(tokens.access_token)), 602, undefined, /40013/)
    expectError(
      await post(emulator(), path, { appId: DEMO.wechatAppId, appSecret: 'x' }, authed(tokens.access_token)),
      602,
      undefined,
      /40125/,
    )
  })
})

test('encryptForCode refuses an unknown code', async () => {
  await expect(emulator().client.encryptForCode('nope', {})).rejects.toThrow(/not a known wx.login code/)
  expect((await call(emulator(), 'GET', '/__emulator/wechat/codes')).status).toBe(200)
})
