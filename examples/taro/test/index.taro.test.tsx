/** @jsxRuntime automatic */
// The example's page (its component and its useAuthing hook) rendered with react-test-renderer and tapped like a user
// would, on the real @tarojs/taro API whose platform APIs come from a simulated WeChat doing real HTTP to an Authing
// emulator started here: every button runs the real SDK against a real server.
import type { ReactTestInstance, ReactTestRenderer } from 'react-test-renderer'
import { act, create } from 'react-test-renderer'
import { startEmulator, DEMO_USER, type RunningEmulator } from '@authing/miniapp-emulator'
import { createTaro, installTaro, type SimulatedTaro } from '@authing/miniapp-testing'
import config from '../src/config'

// A Taro build for WeChat swaps @tarojs/components for its mini program flavour, where each component is its tag
// name ('view', 'button', …): so does this test, and the page renders to plain elements.
jest.mock('@tarojs/components', () => jest.requireActual('@tarojs/components/mini'))

// State updates happen inside act() (taps are awaited in it, waits sleep in it), as React expects in tests.
Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

let emulator: RunningEmulator
let taro: SimulatedTaro
let uninstallTaro: () => void
let Index: typeof import('../src/pages/index/index').default
let authing: typeof import('../src/authing').authing
let page: ReactTestRenderer

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, logger: false })
  config.host = emulator.url
  taro = createTaro({ emulator: emulator.url })
  uninstallTaro = installTaro(taro)
  // The page's SDK client is built when its module loads: after Taro has its platform APIs
  Index = require('../src/pages/index/index').default
  authing = require('../src/authing').authing
})

afterAll(async () => {
  uninstallTaro()
  taro.cleanup()
  await emulator.close()
})

afterEach(async () => {
  act(() => page.unmount())
  // A fresh start for the next test: no local session, the demo data, no injected failures
  await authing.clearLoginState()
  await emulator.client.reset()
  taro.clearFaults()
})

/** Renders the page and waits for its session check. */
async function open(): Promise<void> {
  taro.resetCounts()
  await act(async () => {
    page = create(<Index />)
  })
  await waitFor(() => expect(status()).not.toBe('Checking the session…'))
}

/**
 * Retries an assertion until it passes, letting the page update (inside act) between tries, however long a busy
 * machine takes; the limit, just under the test's own, only turns a page that never updates into the assertion's message.
 */
async function waitFor(assertion: () => void, timeout = 15000): Promise<void> {
  const start = Date.now()
  for (;;) {
    try {
      return assertion()
    } catch (error) {
      if (Date.now() - start > timeout) throw error
      await act(() => new Promise((resolve) => setTimeout(resolve, 10)))
    }
  }
}

const find = (id: string): ReactTestInstance | undefined => page.root.findAll((node) => node.props.id === id)[0]

/** The text of an element, as the user reads it. */
function textOf(node: ReactTestInstance | string | undefined): string {
  if (node === undefined) return ''
  return typeof node == 'string' ? node : node.children.map(textOf).join('')
}

const status = () => textOf(find('status'))

/** Calls the handler of an element's event, as the platform would, and waits for what it started. */
async function fire(id: string, handler: string, event?: unknown): Promise<void> {
  const element = find(id)
  if (!element) throw new Error(`#${id} is not on the page`)
  await act(async () => {
    await element.props[handler](event)
  })
}

const tap = (id: string) => fire(id, 'onClick', { type: 'tap' })
const type = (id: string, value: string) => fire(id, 'onInput', { detail: { value } })
const getPhoneNumber = (id: string, detail: { code?: string; errMsg: string }) => fire(id, 'onGetPhoneNumber', { detail })

function result(): { title: string; ok: boolean; text: string } {
  const box = find('result')
  if (!box) throw new Error('no result on the page')
  return {
    title: textOf(box.findAll((node) => node.props.className == 'result-title')[0]),
    ok: !box.props.className.includes('result-error'),
    text: textOf(box.findAll((node) => node.props.className == 'result-text')[0]),
  }
}
const data = () => JSON.parse(result().text)

/** The titles of the toasts shown since the page opened. */
const toasts = () => taro.log.filter((call) => call.api == 'showToast').map((call) => (call.args[0] as { title: string }).title)

test('while getLoginState is checking the session, neither the login buttons nor the account buttons show', async () => {
  act(() => {
    page = create(<Index />)
  })
  expect(status()).toBe('Checking the session…')
  expect(find('login')).toBeUndefined()
  expect(find('user')).toBeUndefined()
  await waitFor(() => expect(status()).toBe('Logged out'))
})

describe('logged out', () => {
  beforeEach(open)

  test('after getLoginState finds no session, the page shows the login buttons and no account buttons', () => {
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
      expect(find(id)).toBeDefined()
    }
    expect(find('logout')).toBeUndefined()
  })

  test('Get Login State shows the error as a toast and on the page', async () => {
    await tap('getLoginState')
    expect(result()).toEqual({ title: 'getLoginState', ok: false, text: 'Not logged in' })
    expect(toasts()).toEqual(['Not logged in'])
  })

  test.each([
    ['loginByPassword', 'none'],
    ['loginByPasswordRsa', 'rsa'],
    ['loginByPasswordSm2', 'sm2'],
  ])('%s logs in; the password travels as %s', async (button, encryption) => {
    await type('account', DEMO_USER.email)
    await tap(button)

    expect(result()).toMatchObject({ title: `loginByPassword (${encryption})`, ok: true })
    expect(data()).toMatchObject({ token_type: 'Bearer', access_token: expect.any(String), refresh_token: expect.any(String) })
    expect(status()).toBe('Logged in')
    expect(find('loginByPassword')).toBeUndefined()

    const signin = (await emulator.client.requests()).filter((entry) => entry.path == '/api/v3/signin').pop()!
    expect(signin.requestBody!.includes(DEMO_USER.password)).toBe(encryption == 'none')
  })

  test('a wrong password: the toast and the page show the server message, and the user stays logged out', async () => {
    await type('password', 'not-the-password')
    await tap('loginByPasswordSm2')

    const { ok, text } = result()
    expect(ok).toBe(false)
    expect(text).toMatch(/password/i)
    expect(toasts()).toEqual([text])
    expect(status()).toBe('Logged out')
  })

  test('Login By Code signs a new WeChat user up', async () => {
    await tap('loginByCode')

    expect(result()).toMatchObject({ title: 'loginByCode', ok: true })
    expect(status()).toBe('Logged in')
    expect(taro.calls).toMatchObject({ getUserProfile: 1, login: 1 })
    expect(await emulator.client.user({ openid: taro.openid })).toMatchObject({
      identities: [expect.objectContaining({ provider: 'wechat' })],
    })
  })

  test('Login By Phone (openType getPhoneNumber) signs the WeChat user up with the phone number', async () => {
    // What WeChat hands the button's handler once the user allows it
    await getPhoneNumber('loginByPhone', { errMsg: 'getPhoneNumber:ok', code: await taro.phoneCode('13912345678') })

    expect(result()).toMatchObject({ title: 'loginByPhone', ok: true })
    expect(await emulator.client.user({ openid: taro.openid })).toMatchObject({ phone: '13912345678' })
  })

  test("Login By Phone declined: the toast shows WeChat's message and nothing is sent", async () => {
    await getPhoneNumber('loginByPhone', { errMsg: 'getPhoneNumber:fail user deny' })

    expect(result()).toEqual({ title: 'loginByPhone', ok: false, text: 'getPhoneNumber:fail user deny' })
    expect(toasts()).toEqual(['getPhoneNumber:fail user deny'])
    expect(taro.count('request')).toBe(0)
  })

  test('Send Sms, then Login By Pass Code with the code the phone received', async () => {
    await tap('sendSms')
    expect(data()).toMatchObject({ statusCode: 200 })

    const { code } = await emulator.client.latestCode(DEMO_USER.phone, 'CHANNEL_LOGIN')
    await type('passCode', code)
    await tap('loginByPassCode')

    expect(result()).toMatchObject({ title: 'loginByPassCode', ok: true })
    expect(status()).toBe('Logged in')
  })
})

describe('logged in', () => {
  beforeEach(async () => {
    await open()
    await tap('loginByPassword')
    expect(status()).toBe('Logged in')
  })

  test('a page opened with a stored session goes straight to the logged-in view', async () => {
    act(() => page.unmount())
    await open()
    expect(status()).toBe('Logged in')
    expect(find('loginByCode')).toBeUndefined()
    expect(taro.count('request')).toBe(0)
  })

  test('Get User Info shows the profile', async () => {
    await tap('getUserInfo')
    expect(data()).toMatchObject({ userId: DEMO_USER.userId, email: DEMO_USER.email })
  })

  test('Refresh Token renews the tokens', async () => {
    await tap('getLoginState')
    const before = data()
    await tap('refreshToken')

    expect(result().title).toBe('refreshToken')
    expect(data().access_token).not.toBe(before.access_token)
    const [session] = await emulator.client.sessions({ userId: DEMO_USER.userId })
    expect(session.refreshCount).toBe(1)
  })

  test('Update User Info changes the profile on the server', async () => {
    await type('nickname', 'Mini')
    await type('address', '1 Example Road')
    await tap('updateUserInfo')

    expect(data()).toMatchObject({ nickname: 'Mini', address: '1 Example Road' })
    expect(await emulator.client.user(DEMO_USER.userId)).toMatchObject({
      nickname: 'Mini',
      address: '1 Example Road',
      name: DEMO_USER.name,
    })
  })

  test('Update Avatar uploads the picked image and makes it the photo', async () => {
    await tap('updateAvatar')

    expect((await emulator.client.user(DEMO_USER.userId))!.photo).toBe(data().data.url)
    expect(taro.calls).toMatchObject({ chooseMedia: 1, uploadFile: 1 })
  })

  test('Update Avatar, picker closed: the toast says so', async () => {
    taro.fail('chooseMedia', 'cancel', 1)
    await tap('updateAvatar')

    expect(result()).toMatchObject({ title: 'updateAvatar', ok: false, text: expect.stringMatching(/cancel/) })
    expect(toasts()).toEqual([result().text])
  })

  test('Get Phone (openType getPhoneNumber) shows the WeChat phone number', async () => {
    await getPhoneNumber('getPhone', { errMsg: 'getPhoneNumber:ok', code: await taro.phoneCode('13912345678') })
    expect(data()).toMatchObject({ phoneNumber: '13912345678', purePhoneNumber: '13912345678', countryCode: '86' })
  })

  test('Update Password (SM2): the new password logs in, the old one no longer does', async () => {
    await type('oldPassword', DEMO_USER.password)
    await type('newPassword', 'New-Passw0rd!')
    await tap('updatePassword')
    expect(data()).toMatchObject({ statusCode: 200 })

    await tap('logout')
    await tap('loginByPassword') // the form still holds the old password
    expect(result()).toMatchObject({ title: 'loginByPassword (none)', ok: false })
    await type('password', 'New-Passw0rd!')
    await tap('loginByPasswordRsa')
    expect(result()).toMatchObject({ title: 'loginByPassword (rsa)', ok: true })
  })

  test('Logout revokes the session on the server and brings the login buttons back', async () => {
    await tap('logout')

    expect(result()).toEqual({ title: 'logout', ok: true, text: 'true' })
    expect(status()).toBe('Logged out')
    const [session] = await emulator.client.sessions({ userId: DEMO_USER.userId })
    expect(session.revoked).toBe(true)
  })

  test('a session the server ended: the next call fails, and onLoginStateChange switches to the logged-out view', async () => {
    const [session] = await emulator.client.sessions({ userId: DEMO_USER.userId })
    await emulator.client.revokeSession(session.id)
    await tap('getUserInfo')

    expect(result()).toMatchObject({ title: 'getUserInfo', ok: false })
    expect(status()).toBe('Logged out')
    expect(find('loginByCode')).toBeDefined()
  })
})
