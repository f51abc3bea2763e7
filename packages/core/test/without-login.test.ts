// An adapter without `login` (a Taro or uni-app web build): the WeChat methods fail with `platform` and send nothing;
// everything else works.
import type { Authing, AuthingError } from '@authing/miniapp-core'
import { setup } from './harness'

const wechatCalls: Record<string, (authing: Authing) => Promise<[AuthingError | null, unknown]>> = {
  loginByCode: (authing) => authing.loginByCode({ extIdpConnidentifier: 'wechat' }),
  loginByPhone: (authing) =>
    authing.loginByPhone({ extIdpConnidentifier: 'wechat', wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: { code: 'phone-code' } } }),
  getLoginCode: (authing) => authing.getLoginCode(),
  bindWxByCode: (authing) => authing.bindWxByCode(),
  getPhone: (authing) => authing.getPhone({ extIdpConnidentifier: 'wechat', code: 'phone-code' }),
}

describe.each(Object.entries(wechatCalls))('%s without a login code', (name, call) => {
  test.each([false, true])('fails with platform, sending nothing (logged in: %s)', async (loggedIn) => {
    const client = setup({ adapter: { login: undefined } })
    if (loggedIn) await client.login()
    const state = client.storage.get(client.key)
    const [error, data] = await call(client.authing)
    expect(data).toBeUndefined()
    expect(error).toEqual({ code: 'platform', message: expect.stringMatching(/needs a WeChat mini program/) })
    expect(error!.message).toMatch(name == 'bindWxByCode' || name == 'getPhone' ? name : 'WeChat login')
    expect(client.requests).toEqual([])
    expect(client.calls).not.toContain('login')
    expect(client.storage.get(client.key)).toEqual(state)
  })
})

test('without a login code, password login, profile, refresh and logout work', async () => {
  const client = setup({ adapter: { login: undefined }, encryptFunction: async (password) => `enc(${password})` })
  const [loginError] = await client.authing.loginByPassword({
    passwordPayload: { account: 'alice', password: 'pw' },
    options: { passwordEncryptType: 'rsa' },
  })
  expect(loginError).toBeNull()
  expect(client.requests.find((r) => r.path == '/api/v3/signin')!.json!.passwordPayload.password).toBe('enc(pw)')
  const [profileError] = await client.authing.getUserInfo()
  expect(profileError).toBeNull()
  client.clock.now += 2 * 3600 * 1000
  const [stateError, state] = await client.authing.getLoginState()
  expect(stateError).toBeNull()
  expect(state!.access_token).toBe('at-2')
  expect(await client.authing.logout()).toEqual([null, true])
})
