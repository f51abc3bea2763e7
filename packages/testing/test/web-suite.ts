// The end-to-end suite of a framework's web (H5) build: the package's Authing as that build runs it, over the
// framework's web APIs (here the simulated runtime's), with the browser's `crypto`, against the emulator. On the web
// there is no WeChat login: the WeChat methods fail with `platform` and send nothing; everything else works.
import { DEMO, DEMO_USER, type RunningEmulator } from '@authing/miniapp-emulator'
import type { Authing as Client, AuthingOptions } from '@authing/miniapp-core'
import { encryptFunction as rsa } from '@authing/miniapp-jsencrypt'
import { encryptFunction as sm2 } from '@authing/miniapp-sm2encrypt'
import type { RuntimeControls } from '@authing/miniapp-testing'

/** How a test file gives the suite its web build. */
export interface WebPlatform {
  /**
   * Loads the package as the framework's H5 build runs it, over a fresh simulated runtime's web APIs using the
   * emulator, with `crypto` as the browser's crypto. Returns the package's `Authing`, the runtime's controls and the
   * function that removes what was installed.
   */
  install(
    emulator: string,
    crypto: { getRandomValues(array: Uint8Array): Uint8Array },
  ): {
    Authing: new (options: AuthingOptions) => Client
    runtime: RuntimeControls
    uninstall(): void
  }
}

const SCOPE = 'openid profile offline_access'
/** Node's Web Crypto, the same API as a browser's (taken before a test installs its counting stand-in as the global). */
const webCrypto = globalThis.crypto

export function webSuite(platform: WebPlatform, current: () => RunningEmulator): void {
  let emulator: RunningEmulator
  let runtime: RuntimeControls
  let uninstall: () => void
  let client: (options?: Partial<AuthingOptions>) => Client
  let randomBytes: number

  beforeEach(() => {
    emulator = current()
    randomBytes = 0
    const crypto = {
      getRandomValues(array: Uint8Array) {
        randomBytes += array.length
        return webCrypto.getRandomValues(array)
      },
    }
    const installed = platform.install(emulator.url, crypto)
    runtime = installed.runtime
    uninstall = installed.uninstall
    client = (options) => new installed.Authing({ appId: DEMO.appId, userPoolId: DEMO.userPoolId, host: emulator.url, ...options })
  })
  afterEach(() => {
    runtime.cleanup()
    uninstall()
  })

  const loginByPassword = (authing: Client, passwordEncryptType: 'none' | 'rsa' | 'sm2' = 'none') =>
    authing.loginByPassword({
      passwordPayload: { username: DEMO_USER.username, password: DEMO_USER.password },
      options: { scope: SCOPE, passwordEncryptType },
    })

  test.each([
    ['none', undefined],
    ['rsa', rsa],
    ['sm2', sm2],
  ] as const)('password login (%s); random bytes come from the browser crypto, never Math.random', async (type, encryptFunction) => {
    const random = jest.spyOn(Math, 'random')
    const [error, state] = await loginByPassword(client({ encryptFunction }), type)
    random.mockRestore()
    expect(error).toBeNull()
    expect(state).toMatchObject({ access_token: expect.any(String), refresh_token: expect.any(String) })
    expect(random).not.toHaveBeenCalled()
    if (type == 'none') expect(randomBytes).toBe(0)
    else expect(randomBytes).toBeGreaterThan(0)
    expect(runtime.count('getRandomValues')).toBe(0)
  })

  test('getUserInfo, and an automatic refresh after the access token expired on the server', async () => {
    const authing = client()
    const [, before] = await loginByPassword(authing)
    expect((await authing.getUserInfo())[1]).toMatchObject({ username: DEMO_USER.username })
    await emulator.client.shiftClock((86400 + 60) * 1000)
    const [error, user] = await authing.getUserInfo()
    expect(error).toBeNull()
    expect(user).toMatchObject({ userId: DEMO_USER.userId })
    expect((await authing.getLoginState())[1]!.access_token).not.toBe(before!.access_token)
  })

  test('SMS code login', async () => {
    const authing = client()
    expect((await authing.sendSms({ phoneNumber: DEMO_USER.phone, channel: 'CHANNEL_LOGIN' }))[0]).toBeNull()
    const { code } = await emulator.client.latestCode(DEMO_USER.phone, 'CHANNEL_LOGIN')
    const [error] = await authing.loginByPassCode({ passCodePayload: { phone: DEMO_USER.phone, passCode: code } })
    expect(error).toBeNull()
  })

  test('updateAvatar picks an image and uploads it; logout ends the session', async () => {
    const authing = client()
    await loginByPassword(authing)
    const [error, upload] = await authing.updateAvatar()
    expect(error).toBeNull()
    expect(runtime.count('uploadFile')).toBe(1)
    expect((await authing.getUserInfo())[1]).toMatchObject({ photo: upload!.data.url })
    expect(await authing.logout()).toEqual([null, true])
    expect((await authing.getLoginState())[0]).toMatchObject({ code: 'not_logged_in' })
  })

  const wechatOnly: [string, (authing: Client) => Promise<[unknown, unknown]>][] = [
    ['loginByCode', (authing) => authing.loginByCode({ extIdpConnidentifier: DEMO.extIdpConnidentifier })],
    [
      'loginByPhone',
      (authing) =>
        authing.loginByPhone({
          extIdpConnidentifier: DEMO.extIdpConnidentifier,
          wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: { code: 'c' } },
        }),
    ],
    ['getLoginCode', (authing) => authing.getLoginCode()],
    ['bindWxByCode', (authing) => authing.bindWxByCode()],
    ['getPhone', (authing) => authing.getPhone({ extIdpConnidentifier: DEMO.extIdpConnidentifier, code: 'c' })],
  ]
  test.each(wechatOnly)('%s fails with a platform error saying it needs a mini program, and sends nothing', async (_, call) => {
    const [error, data] = await call(client())
    expect(data).toBeUndefined()
    expect(error).toEqual({ code: 'platform', message: expect.stringContaining('needs a WeChat mini program') })
    expect(await emulator.client.requests()).toEqual([])
    expect(runtime.count('login')).toBe(0)
  })
}
