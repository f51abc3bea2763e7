// Every public method of Authing end to end on one platform, checking both the SDK's result and the emulator's
// resulting state. Registered by platform-suite.ts, so every platform package (and both uni-app shapes) runs it.
import { DEMO, DEMO_USER, type RunningEmulator } from '@authing/miniapp-emulator'
import type { Authing as Client, AuthingOptions, LoginStateEvent } from '@authing/miniapp-core'
import { encryptFunction as rsa } from '@authing/miniapp-jsencrypt'
import { encryptFunction as sm2 } from '@authing/miniapp-sm2encrypt'
import type { BaseControls } from '@authing/miniapp-testing'
import type { Platform } from './platform-suite'
import { WECHAT } from './protocols'

const SCOPE = 'openid profile offline_access'
const DAY = 86400 * 1000

/** Unwraps an SDK result, failing the test with the SDK's own message when it is an error. */
function ok<T>([error, data]: [unknown, T | undefined]): T {
  if (error) throw new Error(`expected success, got ${JSON.stringify(error)}`)
  return data as T
}

export function methodsSuite(platform: Platform, current: () => RunningEmulator): void {
  const protocol = platform.protocol || WECHAT
  const extIdpConnidentifier = protocol.extIdpConnidentifier
  describe('every public method', () => {
    let emulator: RunningEmulator
    let runtime: BaseControls
    let uninstall: () => void
    let clockShift: number
    let client: (options?: Partial<AuthingOptions>) => Client
    let authing: Client

    beforeEach(() => {
      emulator = current()
      ;({ runtime, uninstall } = platform.install(emulator.url))
      clockShift = 0
      // The device clock moves with the emulator's when a test skips past an expiry.
      client = (options) =>
        new platform.Authing({
          appId: DEMO.appId,
          userPoolId: DEMO.userPoolId,
          host: emulator.url,
          now: () => Date.now() + clockShift,
          ...options,
        })
      authing = client()
    })
    afterEach(() => {
      runtime.cleanup()
      uninstall()
    })

    const control = () => emulator.client
    const demoLogin = (sdk = authing, password: string = DEMO_USER.password) =>
      sdk.loginByPassword({ passwordPayload: { username: DEMO_USER.username, password }, options: { scope: SCOPE } })
    /** The JSON bodies the emulator received on a path, in order. */
    const bodies = async (path: string) =>
      (await control().requests()).filter((entry) => entry.path == path).map((entry) => JSON.parse(entry.requestBody!))
    const platformLogin = () => authing.loginByCode({ extIdpConnidentifier, options: { scope: SCOPE } })

    test.each([
      ['rsa', rsa, /^[A-Za-z0-9+/]{340,}={0,2}$/],
      ['sm2', sm2, /^[0-9a-f]{200,}$/],
    ] as const)(
      'loginByPassword with %s encryption: the server decrypts, the password never travels in clear',
      async (type, encryptFunction, format) => {
        const sdk = client({ encryptFunction })
        const state = ok(
          await sdk.loginByPassword({
            passwordPayload: { account: DEMO_USER.email, password: DEMO_USER.password },
            options: { passwordEncryptType: type, scope: SCOPE },
          }),
        )
        expect(state.refresh_token).toEqual(expect.any(String))
        const [sent] = await bodies('/api/v3/signin')
        expect(sent.options.passwordEncryptType).toBe(type)
        expect(sent.passwordPayload.password).toMatch(format)
        expect(sent.passwordPayload.password).not.toContain(DEMO_USER.password)
        expect((await control().user(DEMO_USER.username))!.loginsCount).toBeGreaterThan(0)
      },
    )

    test('sendSms + loginByPassCode with the code read from the emulator; the code is single use', async () => {
      expect(ok(await authing.sendSms({ phoneNumber: DEMO_USER.phone, channel: 'CHANNEL_LOGIN' }))).toMatchObject({ statusCode: 200 })
      const { code } = await control().latestCode(DEMO_USER.phone, 'CHANNEL_LOGIN')
      const login = () =>
        authing.loginByPassCode({ passCodePayload: { phone: DEMO_USER.phone, passCode: code }, options: { scope: SCOPE } })
      ok(await login())
      expect(ok(await authing.getUserInfo()).userId).toBe(DEMO_USER.userId)
      expect((await login())[0]).toMatchObject({ code: 'api' })
      expect((await authing.sendSms({ phoneNumber: DEMO_USER.phone, channel: 'CHANNEL_LOGIN' }))[0]).toMatchObject({
        code: 'api',
        statusCode: 429,
      })
    })

    test('sendEmailCode + loginByPassCode with an e-mail', async () => {
      ok(await authing.sendEmailCode({ email: DEMO_USER.email, channel: 'CHANNEL_LOGIN' }))
      const { code } = await control().latestCode(DEMO_USER.email, 'CHANNEL_LOGIN')
      ok(await authing.loginByPassCode({ passCodePayload: { email: DEMO_USER.email, passCode: code } }))
      expect(ok(await authing.getUserInfo()).email).toBe(DEMO_USER.email)
    })

    test("getPhone and loginByPhone with what the platform's getPhoneNumber button hands over", async () => {
      const phone = '13911112222'
      const { getPhone, loginByPhone } = await protocol.phone(runtime, phone)
      runtime.resetCounts()
      expect(ok(await authing.getPhone(getPhone))).toMatchObject({
        phoneNumber: phone,
        purePhoneNumber: phone,
        countryCode: '86',
      })
      ok(await authing.loginByPhone(Object.assign({ options: { scope: SCOPE } }, loginByPhone)))
      const user = ok(await authing.getUserInfo({ withIdentities: true }))
      expect(user.phone).toBe(phone)
      expect(user.identities!.map((i) => i.userIdInIdp)).toContain(runtime.openid)
      // One fresh code for the login; on Douyin also one for getPhone (the server decrypts with its session key).
      expect(runtime.count('login')).toBe(protocol.name == 'tt' ? 2 : 1)
    })

    test('an expiring session is renewed before the call (no 401 on the way)', async () => {
      ok(await demoLogin())
      await control().shiftClock(DAY + 60_000)
      clockShift = DAY + 60_000
      ok(await authing.getUserInfo())
      const log = (await control().requests()).map((entry) => `${entry.path} ${entry.error ? 'error' : 'ok'}`)
      expect(log.slice(-2)).toEqual(['/oidc/token ok', '/api/v3/get-profile ok'])
    })

    test('getUserInfo with each with* flag', async () => {
      await control().updateUser(DEMO_USER.username, { customData: { tier: 'gold' }, departmentIds: ['d1'] })
      ok(await demoLogin())
      const plain = ok(await authing.getUserInfo())
      expect(plain).not.toHaveProperty('customData')
      expect(plain).not.toHaveProperty('identities')
      expect(plain).not.toHaveProperty('departmentIds')
      expect(ok(await authing.getUserInfo({ withCustomData: true })).customData).toEqual({ tier: 'gold' })
      expect(ok(await authing.getUserInfo({ withDepartmentIds: true })).departmentIds).toEqual(['d1'])
      expect(ok(await authing.getUserInfo({ withIdentities: true })).identities).toEqual([])
    })

    test('updateUserInfo changes the profile on the server', async () => {
      ok(await demoLogin())
      const updated = ok(await authing.updateUserInfo({ nickname: 'Ali', address: 'YOUR_ADDRESS', gender: 'F' }))
      expect(updated).toMatchObject({ nickname: 'Ali', address: 'YOUR_ADDRESS', gender: 'F' })
      expect(await control().user(DEMO_USER.username)).toMatchObject({ nickname: 'Ali', address: 'YOUR_ADDRESS', gender: 'F' })
    })

    test('updatePassword with encryption (both passwords encrypted); the new password logs in, the old one no longer', async () => {
      const sdk = client({ encryptFunction: rsa })
      ok(await demoLogin(sdk))
      ok(await sdk.updatePassword({ oldPassword: DEMO_USER.password, newPassword: 'N3w-Passw0rd!', passwordEncryptType: 'rsa' }))
      const [sent] = await bodies('/api/v3/update-password')
      expect(sent.newPassword).not.toBe('N3w-Passw0rd!')
      expect(sent.oldPassword).not.toBe(DEMO_USER.password)
      expect((await demoLogin(sdk))[0]).toMatchObject({ code: 'api', statusCode: 403 })
      ok(await demoLogin(sdk, 'N3w-Passw0rd!'))
    })

    test(`bindEmail and bindPhone for a ${protocol.provider} user who has neither`, async () => {
      ok(await platformLogin())
      ok(await authing.sendEmailCode({ email: 'wx-user@example.com', channel: 'CHANNEL_BIND_EMAIL' }))
      const emailCode = (await control().latestCode('wx-user@example.com', 'CHANNEL_BIND_EMAIL')).code
      ok(await authing.bindEmail({ email: 'wx-user@example.com', passCode: emailCode }))
      ok(await authing.sendSms({ phoneNumber: '13722223333', channel: 'CHANNEL_BIND_PHONE' }))
      const smsCode = (await control().latestCode('13722223333', 'CHANNEL_BIND_PHONE')).code
      ok(await authing.bindPhone({ phoneNumber: '13722223333', passCode: smsCode }))
      expect(await control().user(runtime.openid)).toMatchObject({ email: 'wx-user@example.com', phone: '13722223333' })
    })

    test('updateEmailRequest + updateEmail, updatePhoneRequest + updatePhone', async () => {
      ok(await demoLogin())
      ok(await authing.sendEmailCode({ email: 'new@example.com', channel: 'CHANNEL_UPDATE_EMAIL' }))
      const newEmailPassCode = (await control().latestCode('new@example.com', 'CHANNEL_UPDATE_EMAIL')).code
      const { updateEmailToken } = ok(
        await authing.updateEmailRequest({ emailPassCodePayload: { newEmail: 'new@example.com', newEmailPassCode } }),
      )
      expect(ok(await authing.updateEmail({ updateEmailToken }))).toEqual({ success: true })
      ok(await authing.sendSms({ phoneNumber: '13733334444', channel: 'CHANNEL_BIND_PHONE' }))
      const newPhonePassCode = (await control().latestCode('13733334444', 'CHANNEL_BIND_PHONE')).code
      const { updatePhoneToken } = ok(
        await authing.updatePhoneRequest({ phonePassCodePayload: { newPhoneNumber: '13733334444', newPhonePassCode } }),
      )
      expect(ok(await authing.updatePhone({ updatePhoneToken }))).toEqual({ success: true })
      expect(await control().user(DEMO_USER.userId)).toMatchObject({ email: 'new@example.com', phone: '13733334444' })
      expect((await authing.updateEmail({ updateEmailToken }))[0]).toMatchObject({ code: 'api' }) // single use
    })

    test('deleteAccountRequest + deleteAccount: the user is gone, the local session too, and logging in fails', async () => {
      ok(await demoLogin())
      ok(await authing.sendSms({ phoneNumber: DEMO_USER.phone, channel: 'CHANNEL_DELETE_ACCOUNT' }))
      const passCode = (await control().latestCode(DEMO_USER.phone, 'CHANNEL_DELETE_ACCOUNT')).code
      const { deleteAccountToken } = ok(
        await authing.deleteAccountRequest({
          verifyMethod: 'PHONE_PASSCODE',
          phonePassCodePayload: { phoneNumber: DEMO_USER.phone, passCode },
        }),
      )
      expect(ok(await authing.deleteAccount({ deleteAccountToken }))).toEqual({ success: true })
      expect(await control().user(DEMO_USER.userId)).toBeNull()
      expect((await authing.getLoginState())[0]).toMatchObject({ code: 'not_logged_in' })
      expect((await demoLogin())[0]).toMatchObject({ code: 'api' })
    })

    test('deleteAccountRequest by password, encrypted with SM2, for a user without phone and e-mail', async () => {
      await control().createUser({ username: 'lonely', password: 'L0nely-pass' })
      const sdk = client({ encryptFunction: sm2 })
      ok(await sdk.loginByPassword({ passwordPayload: { username: 'lonely', password: 'L0nely-pass' } }))
      const result = ok(
        await sdk.deleteAccountRequest({
          verifyMethod: 'PASSWORD',
          passwordPayload: { password: 'L0nely-pass', passwordEncryptType: 'sm2' },
        }),
      )
      expect(result.deleteAccountToken).toEqual(expect.any(String))
      const [sent] = await bodies('/api/v3/verify-delete-account-request')
      expect(sent.passwordPayload.password).toMatch(/^[0-9a-f]{200,}$/)
    })

    test('getLoginCode + decryptData: data encrypted with that code’s session key comes back decrypted', async () => {
      const code = ok(await authing.getLoginCode())
      const { encryptedData, iv } = await control().encryptForCode(code, { nickName: 'Wei', openGId: 'g-1' })
      expect(ok(await authing.decryptData({ extIdpConnidentifier, encryptedData, iv, code }))).toMatchObject({
        nickName: 'Wei',
        openGId: 'g-1',
      })
    })

    test(`bindWxByCode links the ${protocol.provider} identity to the logged-in user`, async () => {
      ok(await demoLogin())
      ok(await authing.bindWxByCode({ extIdpConnidentifier }))
      expect(await control().user(runtime.openid)).toMatchObject({ userId: DEMO_USER.userId })
      const [bind] = (await control().requests()).filter((entry) => entry.path.startsWith('/connections/social/'))
      expect(bind.path).toBe(`/connections/social/${protocol.provider == 'wechat' ? 'wechat' : 'douyin'}-miniprogram/bind`)
    })

    test('getPublicKey returns the keys the server publishes', async () => {
      const system = await (await fetch(`${emulator.url}/api/v3/system`)).json()
      expect(ok(await authing.getPublicKey('rsa'))).toBe(system.rsa.publicKey)
      expect(ok(await authing.getPublicKey('sm2'))).toBe(system.sm2.publicKey)
    })

    test('clearLoginState forgets the session locally without revoking it', async () => {
      const { access_token } = ok(await demoLogin())
      expect(await authing.clearLoginState()).toEqual([null, true])
      expect((await authing.getUserInfo())[0]).toMatchObject({ code: 'not_logged_in' })
      const profile = await fetch(`${emulator.url}/api/v3/get-profile`, {
        headers: { authorization: access_token, 'x-authing-userpool-id': DEMO.userPoolId },
      })
      expect((await profile.json()).statusCode).toBe(200)
    })

    test('onLoginStateChange: login, refresh, logout, and expired when the server ends the session', async () => {
      const events: [LoginStateEvent, boolean][] = []
      const unsubscribe = authing.onLoginStateChange((state, event) => events.push([event, state !== null]))
      ok(await demoLogin())
      ok(await authing.refreshToken())
      ok(await authing.logout())
      ok(await demoLogin())
      for (const session of await control().sessions()) await control().revokeSession(session.id)
      expect((await authing.getUserInfo())[0]).toMatchObject({ code: 'session_expired' })
      unsubscribe()
      ok(await demoLogin())
      expect(events).toEqual([
        ['login', true],
        ['refresh', true],
        ['logout', false],
        ['login', true],
        ['expired', false],
      ])
    })
  })
}
