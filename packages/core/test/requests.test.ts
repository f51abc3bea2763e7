// Every method sends exactly the request of docs/protocol.md §4: path, method, headers, body or query encoding.
import { VERSION } from '@authing/miniapp-core'
import { APP_ID, POOL_ID, envelope, setup } from './harness'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const SDK_HEADERS = { 'x-authing-request-from': 'sdk-miniapp', 'x-authing-sdk-version': VERSION }

test('the version header matches package.json', () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, '../package.json'), 'utf8'))
  expect(VERSION).toBe(pkg.version)
})

describe('logins (x-authing-app-id, JSON)', () => {
  test('loginByPassword', async () => {
    const { authing, requests } = setup()
    const [error, state] = await authing.loginByPassword({
      passwordPayload: { username: 'alice', password: 'secret' },
      options: { scope: 'openid profile offline_access' },
    })
    expect(error).toBeNull()
    expect(state).toMatchObject({ access_token: 'at-1', refresh_token: 'rt-1', expires_in: 3600 })
    expect(requests).toHaveLength(1)
    expect(requests[0]).toMatchObject({
      method: 'POST',
      path: '/api/v3/signin',
      headers: { ...SDK_HEADERS, 'x-authing-app-id': APP_ID, 'content-type': 'application/json' },
      json: {
        connection: 'PASSWORD',
        passwordPayload: { username: 'alice', password: 'secret' },
        options: { scope: 'openid profile offline_access' },
      },
    })
    expect(requests[0].headers).not.toHaveProperty('x-authing-userpool-id')
    expect(requests[0].headers).not.toHaveProperty('authorization')
  })

  test('loginByPassCode adds +86 to a phone', async () => {
    const { authing, requests } = setup()
    await authing.loginByPassCode({ passCodePayload: { passCode: '123456', phone: '13800000000' }, options: { autoRegister: true } })
    expect(requests[0]).toMatchObject({
      path: '/api/v3/signin',
      headers: { 'x-authing-app-id': APP_ID },
      json: {
        connection: 'PASSCODE',
        passCodePayload: { passCode: '123456', phone: '13800000000', phoneCountryCode: '+86' },
        options: { autoRegister: true },
      },
    })
    await authing.loginByPassCode({ passCodePayload: { passCode: '1', email: 'a@b.c' } })
    expect(requests[1].json).toEqual({ connection: 'PASSCODE', passCodePayload: { passCode: '1', email: 'a@b.c' } })
  })

  test('loginByCode takes a fresh code every time and always asks the server', async () => {
    const { authing, requests, calls } = setup()
    const params = { extIdpConnidentifier: 'wx-conn', options: { scope: 'openid offline_access' } }
    await authing.loginByCode(params)
    await authing.loginByCode(params)
    expect(calls.filter((c) => c == 'login')).toHaveLength(2)
    expect(requests.map((r) => r.path)).toEqual(['/api/v3/signin-by-mobile', '/api/v3/signin-by-mobile'])
    expect(requests[0]).toMatchObject({
      headers: { 'x-authing-app-id': APP_ID },
      json: {
        connection: 'wechat_mini_program_code',
        extIdpConnidentifier: 'wx-conn',
        wechatMiniProgramCodePayload: { encryptedData: '', iv: '', code: 'code-1' },
        options: { scope: 'openid offline_access' },
      },
    })
    expect(requests[1].json!.wechatMiniProgramCodePayload.code).toBe('code-2')
  })

  test('loginByCode forwards user-profile data and a custom connection', async () => {
    const { authing, requests } = setup()
    await authing.loginByCode({
      extIdpConnidentifier: 'wx-conn',
      connection: 'wechat_mini_program_code',
      wechatMiniProgramCodePayload: { encryptedData: 'ENC', iv: 'IV' },
    })
    expect(requests[0].json).toEqual({
      connection: 'wechat_mini_program_code',
      extIdpConnidentifier: 'wx-conn',
      wechatMiniProgramCodePayload: { encryptedData: 'ENC', iv: 'IV', code: 'code-1' },
    })
  })

  test('loginByPhone', async () => {
    const { authing, requests } = setup()
    await authing.loginByPhone({
      extIdpConnidentifier: 'wx-conn',
      wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: { code: 'phone-code' } },
    })
    expect(requests[0]).toMatchObject({
      path: '/api/v3/signin-by-mobile',
      headers: { 'x-authing-app-id': APP_ID },
      json: {
        connection: 'wechat_mini_program_code_and_phone',
        extIdpConnidentifier: 'wx-conn',
        wechatMiniProgramCodeAndPhonePayload: {
          wxPhoneInfo: { code: 'phone-code' },
          wxLoginInfo: { encryptedData: '', iv: '', code: 'code-1' },
        },
      },
    })
    expect(requests[0].json).not.toHaveProperty('miniProgramCodeAndPhonePayload')
  })

  test('loginByPhone accepts the newer miniProgramCodeAndPhonePayload name', async () => {
    const { authing, requests } = setup()
    const [error] = await authing.loginByPhone({
      extIdpConnidentifier: 'c',
      miniProgramCodeAndPhonePayload: { wxPhoneInfo: { code: 'p' } },
    })
    expect(error).toBeNull()
    expect(requests[0].json!.wechatMiniProgramCodeAndPhonePayload.wxPhoneInfo).toEqual({ code: 'p' })
    expect(requests[0].json).not.toHaveProperty('miniProgramCodeAndPhonePayload')
  })
})

describe('codes (x-authing-userpool-id, JSON)', () => {
  test('sendSms defaults the country code', async () => {
    const { authing, requests, server } = setup()
    server.handlers['POST /api/v3/send-sms'] = () => envelope()
    const [, result] = await authing.sendSms({ phoneNumber: '13800000000', channel: 'CHANNEL_LOGIN' })
    expect(result).toMatchObject({ statusCode: 200, message: 'ok' })
    expect(requests[0]).toMatchObject({
      path: '/api/v3/send-sms',
      headers: { ...SDK_HEADERS, 'x-authing-userpool-id': POOL_ID },
      json: { phoneNumber: '13800000000', channel: 'CHANNEL_LOGIN', phoneCountryCode: '+86' },
    })
  })

  test('sendEmailCode', async () => {
    const { authing, requests } = setup()
    await authing.sendEmailCode({ email: 'a@b.c', channel: 'CHANNEL_LOGIN' })
    expect(requests[0]).toMatchObject({
      path: '/api/v3/send-email',
      headers: { 'x-authing-userpool-id': POOL_ID },
      json: { email: 'a@b.c', channel: 'CHANNEL_LOGIN' },
    })
  })
})

describe('token endpoints (form-urlencoded)', () => {
  test('refreshToken posts the official form with the app header', async () => {
    const { authing, requests, login } = setup()
    await login()
    const [error, state] = await authing.refreshToken()
    expect(error).toBeNull()
    expect(state!.access_token).toBe('at-2')
    expect(requests[0]).toMatchObject({
      method: 'POST',
      path: '/oidc/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-authing-app-id': APP_ID },
      form: { grant_type: 'refresh_token', redirect_uri: '', refresh_token: 'rt-1' },
    })
  })

  test('logout revokes both tokens and clears the state', async () => {
    const { authing, requests, login, storage, key } = setup()
    await login()
    expect(await authing.logout()).toEqual([null, true])
    expect(requests.map((r) => [r.path, r.form])).toEqual([
      ['/oidc/token/revocation', { client_id: APP_ID, token: 'at-1', token_type_hint: 'access_token' }],
      ['/oidc/token/revocation', { client_id: APP_ID, token: 'rt-1', token_type_hint: 'refresh_token' }],
    ])
    expect(requests[0].headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(storage.has(key)).toBe(false)
  })

  test('logout revokes only the tokens the session has', async () => {
    const { authing, server, requests } = setup()
    server.handlers['POST /api/v3/signin'] = () => envelope({ access_token: 'at-x', expires_in: 3600 })
    await authing.loginByPassword({ passwordPayload: { account: 'alice', password: 'pw' } })
    requests.length = 0
    expect(await authing.logout()).toEqual([null, true])
    expect(requests.map((r) => r.form)).toEqual([{ client_id: APP_ID, token: 'at-x', token_type_hint: 'access_token' }])
  })

  test('clearLoginState tells listeners of a logout, without a request', async () => {
    const { authing, requests, login } = setup()
    await login()
    const events: unknown[] = []
    authing.onLoginStateChange((state, event) => events.push([state, event]))
    expect(await authing.clearLoginState()).toEqual([null, true])
    expect(events).toEqual([[null, 'logout']])
    expect(requests).toEqual([])
  })
})

describe('user APIs (Authorization: bare access token + x-authing-userpool-id)', () => {
  const cases: [string, (a: any) => Promise<unknown>, string, object | undefined][] = [
    ['updateUserInfo', (a) => a.updateUserInfo({ address: 'X' }), '/api/v3/update-profile', { address: 'X' }],
    ['bindPhone', (a) => a.bindPhone({ phoneNumber: '1', passCode: '2' }), '/api/v3/bind-phone', { phoneNumber: '1', passCode: '2' }],
    [
      'updatePhoneRequest',
      (a) => a.updatePhoneRequest({ phonePassCodePayload: { newPhoneNumber: '1', newPhonePassCode: '2' } }),
      '/api/v3/verify-update-phone-request',
      { verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { newPhoneNumber: '1', newPhonePassCode: '2' } },
    ],
    ['updatePhone', (a) => a.updatePhone({ updatePhoneToken: 't' }), '/api/v3/update-phone', { updatePhoneToken: 't' }],
    ['bindEmail', (a) => a.bindEmail({ email: 'e', passCode: 'c' }), '/api/v3/bind-email', { email: 'e', passCode: 'c' }],
    [
      'updateEmailRequest',
      (a) => a.updateEmailRequest({ emailPassCodePayload: { newEmail: 'e', newEmailPassCode: 'c' } }),
      '/api/v3/verify-update-email-request',
      { verifyMethod: 'EMAIL_PASSCODE', emailPassCodePayload: { newEmail: 'e', newEmailPassCode: 'c' } },
    ],
    ['updateEmail', (a) => a.updateEmail({ updateEmailToken: 't' }), '/api/v3/update-email', { updateEmailToken: 't' }],
    [
      'deleteAccountRequest',
      (a) => a.deleteAccountRequest({ verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { phoneNumber: '1', passCode: '2' } }),
      '/api/v3/verify-delete-account-request',
      { verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { phoneNumber: '1', passCode: '2' } },
    ],
    ['deleteAccount', (a) => a.deleteAccount({ deleteAccountToken: 't' }), '/api/v3/delete-account', { deleteAccountToken: 't' }],
    [
      'updatePassword',
      (a) => a.updatePassword({ newPassword: 'n', oldPassword: 'o' }),
      '/api/v3/update-password',
      { newPassword: 'n', oldPassword: 'o' },
    ],
    [
      'bindWxByCode',
      (a) => a.bindWxByCode({ extIdpConnidentifier: 'wx-conn' }),
      '/connections/social/wechat-miniprogram/bind',
      { extIdpConnidentifier: 'wx-conn', code: 'code-1' },
    ],
  ]
  test.each(cases)('%s', async (_name, call, path, json) => {
    const { authing, requests, login } = setup()
    await login()
    const [error] = (await call(authing)) as [unknown]
    expect(error).toBeNull()
    expect(requests).toHaveLength(1)
    expect(requests[0]).toMatchObject({
      method: 'POST',
      path,
      headers: { ...SDK_HEADERS, authorization: 'at-1', 'x-authing-userpool-id': POOL_ID, 'content-type': 'application/json' },
    })
    expect(requests[0].json).toEqual(json)
    expect(requests[0].headers).not.toHaveProperty('x-authing-app-id')
  })

  test('getUserInfo sends the three flags as a query, defaults false, merged with the caller', async () => {
    const { authing, requests, login } = setup()
    await login()
    await authing.getUserInfo()
    await authing.getUserInfo({ withIdentities: true })
    expect(requests[0]).toMatchObject({ method: 'GET', path: '/api/v3/get-profile', headers: { authorization: 'at-1' } })
    // a GET has no body to describe (and on H5 a content-type would cost a CORS preflight)
    expect(requests[0].headers).not.toHaveProperty('content-type')
    expect(requests[0].json).toBeUndefined()
    expect(requests[0].query).toEqual({ withCustomData: 'false', withDepartmentIds: 'false', withIdentities: 'false' })
    expect(requests[1].query).toEqual({ withCustomData: 'false', withDepartmentIds: 'false', withIdentities: 'true' })
  })

  test('updateAvatar uploads anonymously, then sets the photo', async () => {
    const { authing, requests, calls, login } = setup()
    await login()
    const [error, result] = await authing.updateAvatar()
    expect(error).toBeNull()
    expect(result).toEqual({ code: 200, message: 'ok', data: { key: 'k', url: 'https://files/k.png' } })
    expect(calls).toEqual(['chooseImage', 'uploadFile', 'request'])
    expect(requests[0]).toMatchObject({ path: '/api/v2/upload', query: { folder: 'avatar' }, headers: {} })
    expect(requests[1]).toMatchObject({ path: '/api/v3/update-profile', json: { photo: 'https://files/k.png' } })
  })

  test.each([
    ['refused', { code: 403, message: 'no uploads', data: { url: 'https://files/k.png' } }, 'api'],
    ['without a URL', { code: 200, message: 'ok', data: { key: 'k' } }, 'server'],
    ['without data', { code: 200, message: 'ok' }, 'server'],
  ])('updateAvatar: an upload %s is an error and the photo is not changed', async (_case, answer, code) => {
    const { authing, server, requests, login } = setup()
    server.handlers['POST /api/v2/upload'] = () => ({ status: 200, body: JSON.stringify(answer) })
    await login()
    const [error] = await authing.updateAvatar()
    expect(error).toMatchObject({ code })
    expect(requests.map((r) => r.path)).toEqual(['/api/v2/upload'])
  })
})

describe('no login needed (x-authing-userpool-id only)', () => {
  test('getPhone returns phone_info', async () => {
    const { authing, requests, server } = setup()
    const phone = {
      phoneNumber: '13800000000',
      purePhoneNumber: '13800000000',
      countryCode: '86',
      watermark: { appid: 'wx', timestamp: 1 },
    }
    server.handlers['POST /api/v3/get-wechat-miniprogram-phone'] = () => ({
      status: 200,
      body: { statusCode: 200, message: 'ok', data: { phone_info: phone } },
    })
    expect(await authing.getPhone({ extIdpConnidentifier: 'wx-conn', code: 'pc' })).toEqual([null, phone])
    expect(requests[0]).toMatchObject({
      path: '/api/v3/get-wechat-miniprogram-phone',
      headers: { 'x-authing-userpool-id': POOL_ID },
      json: { extIdpConnidentifier: 'wx-conn', code: 'pc' },
    })
    expect(requests[0].headers).not.toHaveProperty('authorization')
  })

  test('getPhone also accepts the documented flat shape', async () => {
    const { authing, server } = setup()
    server.handlers['POST /api/v3/get-wechat-miniprogram-phone'] = () => ({
      status: 200,
      body: { statusCode: 200, message: 'ok', data: { phoneNumber: '1', purePhoneNumber: '1', countryCode: '86' } },
    })
    expect((await authing.getPhone({ extIdpConnidentifier: 'c', code: 'p' }))[1]).toEqual({
      phoneNumber: '1',
      purePhoneNumber: '1',
      countryCode: '86',
    })
  })

  test('decryptData', async () => {
    const { authing, requests } = setup()
    await authing.decryptData({ extIdpConnidentifier: 'c', encryptedData: 'e', iv: 'i', code: 'k' })
    expect(requests[0]).toMatchObject({
      path: '/api/v3/decrypt-wechat-miniprogram-data',
      headers: { 'x-authing-userpool-id': POOL_ID },
      json: { extIdpConnidentifier: 'c', encryptedData: 'e', iv: 'i', code: 'k' },
    })
    expect(requests[0].headers).not.toHaveProperty('authorization')
  })

  test('getPublicKey reads the bare /api/v3/system object', async () => {
    const { authing, requests } = setup()
    expect(await authing.getPublicKey('rsa')).toEqual([null, 'RSA-KEY'])
    expect(await authing.getPublicKey('sm2')).toEqual([null, '04SM2KEY'])
    expect(requests).toHaveLength(1)
    expect(requests[0]).toMatchObject({ method: 'GET', path: '/api/v3/system', headers: SDK_HEADERS })
    expect(requests[0].headers).not.toHaveProperty('content-type')
  })

  test('getLoginCode', async () => {
    const { authing, requests } = setup()
    expect(await authing.getLoginCode()).toEqual([null, 'code-1'])
    expect(await authing.getLoginCode()).toEqual([null, 'code-2'])
    expect(requests).toHaveLength(0)
  })
})
