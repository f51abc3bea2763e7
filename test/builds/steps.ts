// The steps every built target runs against the emulator, as a user taps through the example app: password logins
// (plain, RSA, SM2), the profile, an automatic refresh after the server's clock moved past the access token's
// lifetime, logout, and on mini programs the platform's code login (WeChat's or Douyin's). Each step is one test, so results count per step.
import { DEMO_USER, type RunningEmulator } from '@authing/miniapp-emulator'
import type { AppDriver } from './host/driver'

/** What a target hands the steps: its running app, and the emulator it talks to. */
export interface StepContext {
  driver: AppDriver
  emulator: RunningEmulator
  /** How often the app has called `Math.random`, and the platform's secure random source, so far. */
  randomness(): Promise<{ mathRandom: number; secure: number }>
}

/** Reads the result panel the example apps show after every call: its title, whether it is an error, the text. */
async function result(driver: AppDriver, title: string): Promise<{ ok: boolean; text: string }> {
  await driver.waitForText('.result-title', title)
  const panel = await driver.read('#result')
  const text = (await driver.read('.result-text'))?.text ?? ''
  return { ok: !panel?.classes.includes('result-error'), text }
}

/** Taps `button` and expects the call titled `title` to succeed; returns what it showed, parsed. */
async function succeeds(driver: AppDriver, button: string, title: string): Promise<Record<string, unknown>> {
  await driver.tap(button)
  const { ok, text } = await result(driver, title)
  if (!ok) throw new Error(`${title} failed: ${text}`)
  return JSON.parse(text) as Record<string, unknown>
}

/** Which steps a target runs. */
export interface StepOptions {
  /**
   * The mini program platform whose code login (`wx.login`, `tt.login`) the app logs in with; none on H5, which has
   * no code login: there it must fail cleanly instead.
   */
  codeLogin?: 'wx' | 'tt'
}

/**
 * Declares the steps as tests, in order, on one running app (`context()` is called once the app is up).
 */
export function declareSteps(context: () => StepContext, options: StepOptions): void {
  // Each step starts where the last one left the app: after a failure the rest fail at once, naming it.
  let broken: string | undefined
  const step = (name: string, run: () => Promise<void>) =>
    test(name, async () => {
      if (broken) throw new Error(`not run: the step "${broken}" failed`)
      try {
        await run()
      } catch (error) {
        broken = name
        throw error
      }
    })

  // POSTs only: a browser also sends CORS preflights (OPTIONS) to the same paths.
  const posts = async (path: string) =>
    (await context().emulator.client.requests()).filter((entry) => entry.method == 'POST' && entry.path == path)
  const signins = () => posts('/api/v3/signin')
  const refreshes = () => posts('/oidc/token')
  const liveSessions = async () => (await context().emulator.client.sessions({ userId: DEMO_USER.userId })).filter((s) => !s.revoked)

  const login = async (button: string, encryption: string) => {
    const { driver } = context()
    await driver.waitForText('#status', 'Logged out')
    const state = await succeeds(driver, button, `loginByPassword (${encryption})`)
    expect(state).toMatchObject({ token_type: 'Bearer', access_token: expect.any(String), refresh_token: expect.any(String) })
    await driver.waitForText('#status', 'Logged in')
    // The emulator decrypted the password with its own private key: 200. The password never travels in clear.
    const signin = (await signins()).pop()!
    expect(signin.status).toBe(200)
    expect(signin.requestBody!.includes(DEMO_USER.password)).toBe(encryption == 'none')
    expect(signin.requestBody).toMatch(new RegExp(`"passwordEncryptType":\\s*"${encryption}"`))
  }
  const logout = async () => {
    const { driver } = context()
    await succeeds(driver, '#logout', 'logout')
    await driver.waitForText('#status', 'Logged out')
    expect(await liveSessions()).toEqual([])
  }

  step('the app starts and finds no session', async () => {
    await context().driver.waitForText('#status', 'Logged out')
  })

  step('password login, plain', async () => {
    await login('#loginByPassword', 'none')
  })

  step('getUserInfo', async () => {
    const user = await succeeds(context().driver, '#getUserInfo', 'getUserInfo')
    expect(user).toMatchObject({ userId: DEMO_USER.userId, username: DEMO_USER.username })
  })

  step('logout', logout)

  /** Encrypted logins draw their randomness from the platform's secure source, never from Math.random. */
  const secureLogin = async (button: string, encryption: string) => {
    const before = await context().randomness()
    await login(button, encryption)
    const after = await context().randomness()
    expect(after.mathRandom - before.mathRandom).toBe(0)
    expect(after.secure).toBeGreaterThan(before.secure)
  }

  step('password login, RSA (@authing/miniapp-jsencrypt), with secure randomness', async () => {
    await secureLogin('#loginByPasswordRsa', 'rsa')
    await logout()
  })

  step('password login, SM2 (@authing/miniapp-sm2encrypt), with secure randomness', async () => {
    await secureLogin('#loginByPasswordSm2', 'sm2')
  })

  step('an access token expired on the server is renewed by itself', async () => {
    const { driver, emulator } = context()
    const before = (await refreshes()).length
    await emulator.client.shiftClock((86400 + 60) * 1000)
    const user = await succeeds(driver, '#getUserInfo', 'getUserInfo')
    expect(user).toMatchObject({ username: DEMO_USER.username })
    expect((await refreshes()).slice(before).map((entry) => entry.status)).toEqual([200])
    await logout()
  })

  if (!options.codeLogin) {
    step('WeChat code login is refused with an error, and the user stays logged out', async () => {
      const { driver } = context()
      await driver.waitForText('#status', 'Logged out')
      await driver.tap('#loginByCode')
      await driver.waitForText('.result-title', 'loginByCode')
      expect((await driver.read('#result'))?.classes).toContain('result-error')
      expect((await driver.read('#status'))?.text).toContain('Logged out')
    })
  }

  if (options.codeLogin) {
    const platform = options.codeLogin == 'tt' ? 'Douyin' : 'WeChat'
    step(`${platform} code login (${options.codeLogin}.login)`, async () => {
      const { driver } = context()
      await driver.waitForText('#status', 'Logged out')
      const state = await succeeds(driver, '#loginByCode', 'loginByCode')
      expect(state).toMatchObject({ access_token: expect.any(String) })
      // The SDK spoke the platform's own protocol: its code went in as that platform's connection.
      const connection = `${options.codeLogin == 'tt' ? 'douyin' : 'wechat'}_mini_program_code`
      const signin = (await posts('/api/v3/signin-by-mobile')).pop()!
      expect(signin.requestBody).toMatch(new RegExp(`"connection":\\s*"${connection}"`))
      await driver.waitForText('#status', 'Logged in')
      await logout()
    })
  }
}
