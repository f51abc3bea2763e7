// The end-to-end suite every platform package runs against the emulator, through its simulated runtime installed
// where the package looks for it (global wx / tt / uni, or the @tarojs/taro module), speaking the platform's protocol.
import { DEMO, DEMO_USER, startEmulator, type RunningEmulator } from '@authing/miniapp-emulator'
import type { Authing as Client, AuthingOptions } from '@authing/miniapp-core'
import { SAMPLE_PNG, type BaseControls } from '@authing/miniapp-testing'
import { methodsSuite } from './methods-suite'
import { WECHAT, type Protocol } from './protocols'

/** How a test file gives the suite its platform. */
export interface Platform {
  /** `Authing` of the platform package: built the way an app builds it, with the platform found by the package. */
  Authing: new (options: AuthingOptions) => Client
  /** Installs a fresh simulated runtime using the emulator; returns its controls and the function that removes it. */
  install(emulator: string): { runtime: BaseControls; uninstall(): void }
  /** The protocol the package speaks there; default WeChat's. */
  protocol?: Protocol
}

/** Starts one emulator for the test file (reset, with an empty request log, before each test) and returns a getter for it. */
export function useEmulator(): () => RunningEmulator {
  let emulator: RunningEmulator
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, logger: false })
  })
  beforeEach(async () => {
    await emulator.client.reset()
    await emulator.client.clearRequests()
  })
  afterAll(() => emulator.close())
  return () => emulator
}

const SCOPE = 'openid profile offline_access'

/** Registers the end-to-end tests of one platform. */
export function platformSuite(platform: Platform, current: () => RunningEmulator): void {
  let emulator: RunningEmulator
  let runtime: BaseControls
  let uninstall: () => void
  let authing: Client
  const protocol = platform.protocol || WECHAT

  beforeEach(() => {
    emulator = current()
    ;({ runtime, uninstall } = platform.install(emulator.url))
    authing = new platform.Authing({ appId: DEMO.appId, userPoolId: DEMO.userPoolId, host: emulator.url })
  })
  afterEach(() => {
    runtime.cleanup()
    uninstall()
  })

  const loginByPassword = () =>
    authing.loginByPassword({ passwordPayload: { username: DEMO_USER.username, password: DEMO_USER.password }, options: { scope: SCOPE } })
  const loggedIn = async () => {
    const [error, state] = await loginByPassword()
    expect(error).toBeNull()
    return state!
  }
  /** Requests the emulator received for a path since the test began. */
  const received = async (path: string) => (await emulator.client.requests()).filter((entry) => entry.path == path)

  test('the constructor touches neither the platform nor the network', async () => {
    expect(runtime.count()).toBe(0)
    expect(await received('/api/v3/signin')).toEqual([])
  })

  test('password login', async () => {
    const state = await loggedIn()
    expect(state).toMatchObject({ access_token: expect.any(String), refresh_token: expect.any(String), expires_in: 86400 })
    expect((await authing.getLoginState())[1]).toEqual(state)
    expect(runtime.storage.get(`authing:${DEMO.appId}:login-state`)).toMatchObject({ access_token: state.access_token })
  })

  test(`code login takes a fresh code from ${protocol.name}.login each time`, async () => {
    const login = () => authing.loginByCode({ extIdpConnidentifier: protocol.extIdpConnidentifier, options: { scope: SCOPE } })
    const [first, second] = [await login(), await login()]
    expect(first[0]).toBeNull()
    expect(second[0]).toBeNull()
    expect(second[1]!.access_token).not.toBe(first[1]!.access_token)
    expect(runtime.count('login')).toBe(2)
    const codes = (await received('/api/v3/signin-by-mobile')).map((entry) => protocol.codeOf(JSON.parse(entry.requestBody!)))
    expect(codes).toHaveLength(2)
    expect(codes[0]).not.toBe(codes[1])
    const minted = await protocol.mintedCodes(emulator)
    for (const code of codes) expect(minted.find((record) => record.code == code)).toMatchObject({ openid: runtime.openid, used: true })
  })

  test('refresh on request renews both tokens', async () => {
    const before = await loggedIn()
    const [error, after] = await authing.refreshToken()
    expect(error).toBeNull()
    expect(after!.access_token).not.toBe(before.access_token)
    expect(after!.refresh_token).not.toBe(before.refresh_token)
    expect((await authing.getLoginState())[1]).toEqual(after)
  })

  test('an access token expired on the server is renewed by itself, and the call goes through', async () => {
    const before = await loggedIn()
    await emulator.client.shiftClock((86400 + 60) * 1000)
    const [error, user] = await authing.getUserInfo()
    expect(error).toBeNull()
    expect(user).toMatchObject({ username: DEMO_USER.username })
    expect((await received('/oidc/token')).map((entry) => entry.status)).toEqual([200])
    expect((await authing.getLoginState())[1]!.access_token).not.toBe(before.access_token)
  })

  test('getUserInfo, with one platform call: the request (the login state is served from memory)', async () => {
    await loggedIn()
    runtime.resetCounts()
    const [error, user] = await authing.getUserInfo()
    expect(error).toBeNull()
    expect(user).toMatchObject({ userId: DEMO_USER.userId, username: DEMO_USER.username, email: DEMO_USER.email, phone: DEMO_USER.phone })
    expect(runtime.calls).toEqual({ request: 1 })
  })

  test('updateAvatar uploads the picked image, which can be fetched back byte for byte', async () => {
    await loggedIn()
    const [error, upload] = await authing.updateAvatar()
    expect(error).toBeNull()
    expect(runtime.calls).toMatchObject({ chooseMedia: 1, uploadFile: 1 })
    const { url } = upload!.data
    const fetched = Buffer.from(await (await fetch(url)).arrayBuffer())
    expect(fetched.equals(Buffer.from(SAMPLE_PNG))).toBe(true)
    expect((await authing.getUserInfo())[1]).toMatchObject({ photo: url })
  })

  test('a cancelled picker fails updateAvatar with a platform error and uploads nothing', async () => {
    await loggedIn()
    runtime.fail('chooseMedia', 'cancel', 1)
    const [error] = await authing.updateAvatar()
    expect(error).toMatchObject({ code: 'platform', message: expect.stringContaining('chooseMedia:fail cancel') })
    expect(runtime.count('uploadFile')).toBe(0)
  })

  test('logout clears the session, and the old refresh token is refused from then on', async () => {
    const { refresh_token } = await loggedIn()
    expect(await authing.logout()).toEqual([null, true])
    expect((await authing.getLoginState())[0]).toMatchObject({ code: 'not_logged_in' })
    expect(runtime.storage.get(`authing:${DEMO.appId}:login-state`)).toBeUndefined()
    const response = await fetch(`${emulator.url}/oidc/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-authing-app-id': DEMO.appId },
      body: new URLSearchParams({ grant_type: 'refresh_token', redirect_uri: '', refresh_token: refresh_token! }),
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' })
  })

  methodsSuite(platform, current)
}
