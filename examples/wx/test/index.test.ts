/**
 * @jest-environment ./examples/wx/test/environment.js
 */
// The example's page, rendered by miniprogram-simulate and tapped like a user would, with a simulated wx doing real
// HTTP to an Authing emulator started here: every button runs the real SDK against a real server.
// (The environment is jest's jsdom one plus the Node globals the emulator needs: see environment.js.)
import path from 'node:path'
import { startEmulator, DEMO_USER, type RunningEmulator } from '@authing/miniapp-emulator'
import { createWx, installWx, type SimulatedWx } from '@authing/miniapp-testing'
import config from '../miniprogram/config'

type Simulate = typeof import('miniprogram-simulate')
type Page = ReturnType<Simulate['render']>

let emulator: RunningEmulator
let wx: SimulatedWx
let uninstallWx: () => void
let simulate: Simulate
let pageId: string
let page: Page

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, logger: false })
  config.host = emulator.url // before the page (and the SDK client it imports) is loaded

  wx = createWx({ emulator: emulator.url })
  uninstallWx = installWx(wx)
  // miniprogram-simulate installs offline stubs as the global wx, under any wx already there: install ours first.
  simulate = require('miniprogram-simulate')
  pageId = simulate.load(path.join(__dirname, '../miniprogram/pages/index/index'))
})

afterAll(async () => {
  uninstallWx()
  wx.cleanup()
  await emulator.close()
})

afterEach(async () => {
  page.detach()
  // A fresh start for the next test: no local session, the demo data, no injected failures
  const { authing } = require('../miniprogram/authing') as typeof import('../miniprogram/authing')
  await authing.clearLoginState()
  await emulator.client.reset()
  wx.clearFaults()
})

/** Renders the page (as WeChat shows it) and waits for its session check. */
async function open(): Promise<void> {
  wx.resetCounts()
  page = simulate.render(pageId)
  page.attach(document.createElement('parent-wrapper'))
  await waitFor(() => expect(status()).not.toBe('Checking the session…'))
}

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

const find = (id: string) => page.querySelector(`#${id}`)
const textOf = (selector: string) => page.querySelector(selector)?.dom.textContent?.trim()
const status = () => textOf('#status')

function tap(id: string): void {
  const button = find(id)
  if (!button) throw new Error(`#${id} is not on the page`)
  button.dispatchEvent('tap')
}

function type(id: string, value: string): void {
  find(id)!.dispatchEvent('input', { detail: { value } })
}

/** Waits until the page shows the result of `title`, and returns it. */
async function result(title: string): Promise<{ ok: boolean; text: string }> {
  await waitFor(() => expect(textOf('.result-title')).toBe(title))
  // (miniprogram-simulate prefixes class names with the component's tag name)
  return { ok: !find('result')!.dom.className.includes('result-error'), text: textOf('.result-text')! }
}

/** The titles of the toasts shown since the page opened. */
const toasts = () => wx.log.filter((call) => call.api == 'showToast').map((call) => (call.args[0] as { title: string }).title)

/** Taps "Login By Password" with the demo user (the form's default), and waits for the logged-in view. */
async function logIn(): Promise<void> {
  tap('loginByPassword')
  await waitFor(() => expect(status()).toBe('Logged in'))
}

test('while getLoginState is checking the session, neither the login buttons nor the account buttons show', async () => {
  page = simulate.render(pageId)
  page.attach(document.createElement('parent-wrapper'))
  expect(status()).toBe('Checking the session…')
  expect(find('login')).toBeFalsy()
  expect(find('user')).toBeFalsy()
  await waitFor(() => expect(status()).toBe('Logged out'))
})

describe('logged out', () => {
  beforeEach(open)

  test('after getLoginState finds no session, the page shows the login buttons and no account buttons', async () => {
    expect(status()).toBe('Logged out')
    for (const id of [
      'loginByCode',
      'loginByPhone',
      'loginByPassword',
      'loginByPasswordRsa',
      'loginByPasswordSm2',
      'sendSms',
      'loginByPassCode',
    ]) {
      expect(find(id)).toBeTruthy()
    }
    expect(find('logout')).toBeFalsy()
    expect(find('getUserInfo')).toBeFalsy()
  })

  test('Get Login State shows the error as a toast and on the page', async () => {
    tap('getLoginState')
    expect(await result('getLoginState')).toEqual({ ok: false, text: 'Not logged in' })
    expect(toasts()).toEqual(['Not logged in'])
  })

  test.each([
    ['loginByPassword', 'none'],
    ['loginByPasswordRsa', 'rsa'],
    ['loginByPasswordSm2', 'sm2'],
  ])('%s logs in; the password travels as %s', async (button, encryption) => {
    type('account', DEMO_USER.email)
    type('password', DEMO_USER.password)
    tap(button)

    const { ok, text } = await result(`loginByPassword (${encryption})`)
    expect(ok).toBe(true)
    expect(JSON.parse(text)).toMatchObject({ token_type: 'Bearer', access_token: expect.any(String), refresh_token: expect.any(String) })
    expect(status()).toBe('Logged in')
    expect(find('loginByPassword')).toBeFalsy()

    const signin = (await emulator.client.requests()).filter((entry) => entry.path == '/api/v3/signin').pop()!
    expect(signin.requestBody!.includes(DEMO_USER.password)).toBe(encryption == 'none')
  })

  test('a wrong password: the toast and the page show the server message, and the user stays logged out', async () => {
    type('password', 'not-the-password')
    tap('loginByPasswordRsa')

    const { ok, text } = await result('loginByPassword (rsa)')
    expect(ok).toBe(false)
    expect(text).toMatch(/password/i)
    expect(toasts()).toEqual([text])
    expect(status()).toBe('Logged out')
  })

  test('Login By Code signs a new WeChat user up', async () => {
    tap('loginByCode')

    expect((await result('loginByCode')).ok).toBe(true)
    expect(status()).toBe('Logged in')
    expect(wx.calls).toMatchObject({ getUserProfile: 1, login: 1 })
    expect(await emulator.client.user({ openid: wx.openid })).toMatchObject({
      identities: [expect.objectContaining({ provider: 'wechat', userIdInIdp: wx.openid })],
    })
  })

  test('Login By Phone (open-type="getPhoneNumber") signs the WeChat user up with the phone number', async () => {
    // What WeChat hands the button's handler once the user allows it
    find('loginByPhone')!.dispatchEvent('getphonenumber', {
      detail: { errMsg: 'getPhoneNumber:ok', code: await wx.phoneCode('13912345678') },
    })

    expect((await result('loginByPhone')).ok).toBe(true)
    expect(status()).toBe('Logged in')
    expect(await emulator.client.user({ openid: wx.openid })).toMatchObject({ phone: '13912345678' })
  })

  test("Login By Phone declined: the toast shows WeChat's message and nothing is sent", async () => {
    find('loginByPhone')!.dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:fail user deny' } })

    expect(await result('loginByPhone')).toEqual({ ok: false, text: 'getPhoneNumber:fail user deny' })
    expect(toasts()).toEqual(['getPhoneNumber:fail user deny'])
    expect(wx.count('request')).toBe(0)
  })

  test('Send Sms, then Login By Pass Code with the code the phone received', async () => {
    tap('sendSms')
    expect(JSON.parse((await result('sendSms')).text)).toMatchObject({ statusCode: 200 })

    const { code } = await emulator.client.latestCode(DEMO_USER.phone, 'CHANNEL_LOGIN')
    type('passCode', code)
    tap('loginByPassCode')

    expect((await result('loginByPassCode')).ok).toBe(true)
    expect(status()).toBe('Logged in')
  })

  test('a wrong SMS code is refused', async () => {
    tap('sendSms')
    await result('sendSms')
    type('passCode', '000000')
    tap('loginByPassCode')

    expect((await result('loginByPassCode')).ok).toBe(false)
    expect(toasts()).toHaveLength(1)
    expect(status()).toBe('Logged out')
  })
})

describe('logged in', () => {
  beforeEach(async () => {
    await open()
    await logIn()
  })

  test('a page opened with a stored session goes straight to the logged-in view', async () => {
    page.detach()
    await open()
    expect(status()).toBe('Logged in')
    expect(find('loginByCode')).toBeFalsy()
    expect(wx.count('request')).toBe(0) // the session was checked locally
  })

  test('Get Login State shows the session', async () => {
    tap('getLoginState')
    expect(JSON.parse((await result('getLoginState')).text)).toMatchObject({ scope: expect.stringContaining('offline_access') })
  })

  test('Get User Info shows the profile', async () => {
    tap('getUserInfo')
    expect(JSON.parse((await result('getUserInfo')).text)).toMatchObject({ userId: DEMO_USER.userId, email: DEMO_USER.email })
  })

  test('Refresh Token renews the tokens', async () => {
    tap('getLoginState')
    const before = JSON.parse((await result('getLoginState')).text)
    tap('refreshToken')

    const after = JSON.parse((await result('refreshToken')).text)
    expect(after.access_token).not.toBe(before.access_token)
    expect(after.refresh_token).not.toBe(before.refresh_token)
    const [session] = await emulator.client.sessions({ userId: DEMO_USER.userId })
    expect(session.refreshCount).toBe(1)
  })

  test('Update User Info changes the profile on the server', async () => {
    type('nickname', 'Mini')
    type('address', '1 Example Road')
    tap('updateUserInfo')

    expect(JSON.parse((await result('updateUserInfo')).text)).toMatchObject({ nickname: 'Mini', address: '1 Example Road' })
    expect(await emulator.client.user(DEMO_USER.userId)).toMatchObject({
      nickname: 'Mini',
      address: '1 Example Road',
      name: DEMO_USER.name,
    })
  })

  test('Update Avatar uploads the picked image and makes it the photo', async () => {
    tap('updateAvatar')

    const { url } = JSON.parse((await result('updateAvatar')).text).data
    expect((await emulator.client.user(DEMO_USER.userId))!.photo).toBe(url)
    expect(wx.calls).toMatchObject({ chooseMedia: 1, uploadFile: 1 })
  })

  test('Update Avatar, picker closed: the toast says so', async () => {
    wx.fail('chooseMedia', 'cancel', 1)
    tap('updateAvatar')

    const { ok, text } = await result('updateAvatar')
    expect(ok).toBe(false)
    expect(text).toMatch(/cancel/)
    expect(toasts()).toEqual([text])
  })

  test('Get Phone (open-type="getPhoneNumber") shows the WeChat phone number', async () => {
    find('getPhone')!.dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code: await wx.phoneCode('13912345678') } })

    expect(JSON.parse((await result('getPhone')).text)).toMatchObject({
      phoneNumber: '13912345678',
      purePhoneNumber: '13912345678',
      countryCode: '86',
    })
  })

  test('Update Password (SM2): the new password logs in, the old one no longer does', async () => {
    type('oldPassword', DEMO_USER.password)
    type('newPassword', 'New-Passw0rd!')
    tap('updatePassword')
    expect(JSON.parse((await result('updatePassword')).text)).toMatchObject({ statusCode: 200 })

    tap('logout')
    await waitFor(() => expect(status()).toBe('Logged out'))
    tap('loginByPassword') // the form still holds the old password
    expect((await result('loginByPassword (none)')).ok).toBe(false)
    type('password', 'New-Passw0rd!')
    tap('loginByPasswordSm2')
    expect((await result('loginByPassword (sm2)')).ok).toBe(true)
  })

  test('Logout revokes the session on the server and brings the login buttons back', async () => {
    tap('logout')

    expect(await result('logout')).toEqual({ ok: true, text: 'true' })
    expect(status()).toBe('Logged out')
    expect(find('loginByCode')).toBeTruthy()
    const [session] = await emulator.client.sessions({ userId: DEMO_USER.userId })
    expect(session.revoked).toBe(true)
  })

  test('a session the server ended: the next call fails, and onLoginStateChange switches to the logged-out view', async () => {
    const [session] = await emulator.client.sessions({ userId: DEMO_USER.userId })
    await emulator.client.revokeSession(session.id)
    tap('getUserInfo')

    expect((await result('getUserInfo')).ok).toBe(false)
    expect(status()).toBe('Logged out')
    expect(find('loginByCode')).toBeTruthy()
  })
})
