// The example page's logic (the useAuthing composable its buttons call) on a simulated uni doing real HTTP to an
// Authing emulator started here, under both of uni-app's promise shapes: Vue 3 (promises resolve the result) and
// Vue 2 (promises resolve [error, result]). The page and the SDK use callbacks, so both behave the same.
import { startEmulator, DEMO_USER, type RunningEmulator } from '@authing/miniapp-emulator'
import { createUni, installUni, type SimulatedUni } from '@authing/miniapp-testing'

type Vue = typeof import('vue')
type Page = ReturnType<typeof import('../src/pages/index/auth').useAuthing>

let emulator: RunningEmulator

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, logger: false })
})

afterAll(() => emulator.close())

/**
 * Retries an assertion until it passes (the page updates when the SDK call it started resolves), however long a busy
 * machine takes; the limit, just under the test's own, only turns a page that never updates into the assertion's message.
 */
async function waitFor(assertion: () => void, timeout = 15000): Promise<void> {
  const start = Date.now()
  for (;;) {
    try {
      return assertion()
    } catch (error) {
      if (Date.now() - start > timeout) throw error
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }
}

describe.each([3, 2] as const)('uni-app with Vue %i', (vueVersion) => {
  let uni: SimulatedUni
  let uninstallUni: () => void
  let vue: Vue
  let useAuthing: typeof import('../src/pages/index/auth').useAuthing
  let authing: typeof import('../src/authing').authing
  let scope: ReturnType<Vue['effectScope']>
  let page: Page

  beforeAll(() => {
    uni = createUni({ emulator: emulator.url, vue: vueVersion })
    uninstallUni = installUni(uni)
    // The app's modules, fresh for this runtime: the SDK client is built when its module loads, after uni exists
    jest.isolateModules(() => {
      require('../src/config').default.host = emulator.url
      vue = require('vue')
      useAuthing = require('../src/pages/index/auth').useAuthing
      authing = require('../src/authing').authing
    })
  })

  afterAll(() => {
    uninstallUni()
    uni.cleanup()
  })

  afterEach(async () => {
    scope.stop()
    // A fresh start for the next test: no local session, the demo data, no injected failures
    await authing.clearLoginState()
    await emulator.client.reset()
    uni.clearFaults()
  })

  /** Runs the page's setup (in an effect scope, as a component would) and waits for its session check. */
  async function open(): Promise<void> {
    uni.resetCounts()
    scope = vue.effectScope()
    page = scope.run(useAuthing)!
    await waitFor(() => expect(page.status.value).not.toBe('checking'))
  }

  const result = () => page.result.value!
  const data = () => JSON.parse(result().text)
  /** The titles of the toasts shown since the page opened. */
  const toasts = () => uni.log.filter((call) => call.api == 'showToast').map((call) => (call.args[0] as { title: string }).title)

  test('while getLoginState is checking the session, the page shows neither view; then the login buttons', async () => {
    scope = vue.effectScope()
    page = scope.run(useAuthing)!
    expect(page.status.value).toBe('checking')
    await waitFor(() => expect(page.status.value).toBe('loggedOut'))
  })

  describe('logged out', () => {
    beforeEach(open)

    test('Get Login State shows the error as a toast and on the page', async () => {
      await page.getLoginState()
      expect(result()).toEqual({ title: 'getLoginState', ok: false, text: 'Not logged in' })
      expect(toasts()).toEqual(['Not logged in'])
    })

    test.each(['none', 'rsa', 'sm2'] as const)('Login By Password (%s) logs in', async (encryption) => {
      await page.loginByPassword(DEMO_USER.email, DEMO_USER.password, encryption)

      expect(result()).toMatchObject({ title: `loginByPassword (${encryption})`, ok: true })
      expect(data()).toMatchObject({ token_type: 'Bearer', access_token: expect.any(String), refresh_token: expect.any(String) })
      expect(page.status.value).toBe('loggedIn')

      const signin = (await emulator.client.requests()).filter((entry) => entry.path == '/api/v3/signin').pop()!
      expect(signin.requestBody!.includes(DEMO_USER.password)).toBe(encryption == 'none')
    })

    test('a wrong password: the toast and the page show the server message, and the user stays logged out', async () => {
      await page.loginByPassword(DEMO_USER.username, 'not-the-password', 'rsa')

      expect(result()).toMatchObject({ title: 'loginByPassword (rsa)', ok: false, text: expect.stringMatching(/password/i) })
      expect(toasts()).toEqual([result().text])
      expect(page.status.value).toBe('loggedOut')
    })

    test('Login By Code signs a new WeChat user up', async () => {
      await page.loginByCode()

      expect(result()).toMatchObject({ title: 'loginByCode', ok: true })
      expect(page.status.value).toBe('loggedIn')
      expect(uni.calls).toMatchObject({ getUserProfile: 1, login: 1 })
      expect(await emulator.client.user({ openid: uni.openid })).toMatchObject({
        identities: [expect.objectContaining({ provider: 'wechat' })],
      })
    })

    test('Login By Code still logs in when getUserProfile fails', async () => {
      uni.fail('getUserProfile', 'auth deny', 1)
      await page.loginByCode()
      expect(result()).toMatchObject({ title: 'loginByCode', ok: true })
    })

    test('Login By Phone (open-type="getPhoneNumber") signs the WeChat user up with the phone number', async () => {
      // What WeChat hands the button's handler once the user allows it
      await page.loginByPhone({ errMsg: 'getPhoneNumber:ok', code: await uni.phoneCode('13912345678') })

      expect(result()).toMatchObject({ title: 'loginByPhone', ok: true })
      expect(await emulator.client.user({ openid: uni.openid })).toMatchObject({ phone: '13912345678' })
    })

    test("Login By Phone declined: the toast shows WeChat's message and nothing is sent", async () => {
      await page.loginByPhone({ errMsg: 'getPhoneNumber:fail user deny' })

      expect(result()).toEqual({ title: 'loginByPhone', ok: false, text: 'getPhoneNumber:fail user deny' })
      expect(toasts()).toEqual(['getPhoneNumber:fail user deny'])
      expect(uni.count('request')).toBe(0)
    })

    test('Send Sms, then Login By Pass Code with the code the phone received', async () => {
      await page.sendSms(DEMO_USER.phone)
      expect(data()).toMatchObject({ statusCode: 200 })

      const { code } = await emulator.client.latestCode(DEMO_USER.phone, 'CHANNEL_LOGIN')
      await page.loginByPassCode(DEMO_USER.phone, code)

      expect(result()).toMatchObject({ title: 'loginByPassCode', ok: true })
      expect(page.status.value).toBe('loggedIn')
    })
  })

  describe('logged in', () => {
    beforeEach(async () => {
      await open()
      await page.loginByPassword(DEMO_USER.username, DEMO_USER.password, 'none')
      expect(page.status.value).toBe('loggedIn')
    })

    test('a page opened with a stored session goes straight to the logged-in view', async () => {
      scope.stop()
      await open()
      expect(page.status.value).toBe('loggedIn')
      expect(uni.count('request')).toBe(0)
    })

    test('Get User Info shows the profile', async () => {
      await page.getUserInfo()
      expect(data()).toMatchObject({ userId: DEMO_USER.userId, email: DEMO_USER.email })
    })

    test('Refresh Token renews the tokens', async () => {
      await page.getLoginState()
      const before = data()
      await page.refreshToken()

      expect(result().title).toBe('refreshToken')
      expect(data().access_token).not.toBe(before.access_token)
      const [session] = await emulator.client.sessions({ userId: DEMO_USER.userId })
      expect(session.refreshCount).toBe(1)
    })

    test('Update User Info changes the profile on the server', async () => {
      await page.updateUserInfo({ nickname: 'Mini', address: '1 Example Road' })

      expect(data()).toMatchObject({ nickname: 'Mini', address: '1 Example Road' })
      expect(await emulator.client.user(DEMO_USER.userId)).toMatchObject({
        nickname: 'Mini',
        address: '1 Example Road',
        name: DEMO_USER.name,
      })
    })

    test('Update Avatar uploads the picked image and makes it the photo', async () => {
      await page.updateAvatar()

      expect((await emulator.client.user(DEMO_USER.userId))!.photo).toBe(data().data.url)
      expect(uni.calls).toMatchObject({ chooseMedia: 1, uploadFile: 1 })
    })

    test('Update Avatar, picker closed: the toast says so', async () => {
      uni.fail('chooseMedia', 'cancel', 1)
      await page.updateAvatar()

      expect(result()).toMatchObject({ title: 'updateAvatar', ok: false, text: expect.stringMatching(/cancel/) })
      expect(toasts()).toEqual([result().text])
    })

    test('Get Phone (open-type="getPhoneNumber") shows the WeChat phone number', async () => {
      await page.getPhone({ errMsg: 'getPhoneNumber:ok', code: await uni.phoneCode('13912345678') })
      expect(data()).toMatchObject({ phoneNumber: '13912345678', purePhoneNumber: '13912345678', countryCode: '86' })
    })

    test('Update Password (SM2): the new password logs in, the old one no longer does', async () => {
      await page.updatePassword(DEMO_USER.password, 'New-Passw0rd!')
      expect(data()).toMatchObject({ statusCode: 200 })

      await page.logout()
      await page.loginByPassword(DEMO_USER.username, DEMO_USER.password, 'none')
      expect(result().ok).toBe(false)
      await page.loginByPassword(DEMO_USER.username, 'New-Passw0rd!', 'sm2')
      expect(result()).toMatchObject({ title: 'loginByPassword (sm2)', ok: true })
    })

    test('Logout revokes the session on the server and brings the login buttons back', async () => {
      await page.logout()

      expect(result()).toEqual({ title: 'logout', ok: true, text: 'true' })
      expect(page.status.value).toBe('loggedOut')
      const [session] = await emulator.client.sessions({ userId: DEMO_USER.userId })
      expect(session.revoked).toBe(true)
    })

    test('a session the server ended: the next call fails, and onLoginStateChange switches to the logged-out view', async () => {
      const [session] = await emulator.client.sessions({ userId: DEMO_USER.userId })
      await emulator.client.revokeSession(session.id)
      await page.getUserInfo()

      expect(result()).toMatchObject({ title: 'getUserInfo', ok: false })
      expect(page.status.value).toBe('loggedOut')
    })

    test('a page that is gone stops listening', async () => {
      const gone = page
      scope.stop()
      await open()
      await page.logout()
      expect(page.status.value).toBe('loggedOut')
      expect(gone.status.value).toBe('loggedIn')
    })
  })
})
