/**
 * @jest-environment ./examples/wx/test/environment.js
 */
// The example's page, rendered and tapped like a user would, with a simulated tt doing real HTTP to an Authing
// emulator started here: every button runs the real SDK (@authing/miniapp-tt) against a real server.
// No Douyin renderer runs in Node: the page is rendered by miniprogram-simulate (WeChat's), from a copy of it whose
// TTML directives (`tt:if`…) are renamed to WXML's (`wx:if`…) — the two template languages are otherwise the same.
// The page's JavaScript runs unchanged, against the global `tt`. The environment is the WeChat example's: jest's jsdom
// one plus the Node globals the emulator needs (see examples/wx/test/environment.js).
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startEmulator, DEMO_USER, type RunningEmulator } from '@authing/miniapp-emulator'
import { createTt, installTt, type SimulatedTt } from '@authing/miniapp-testing'
import config from '../miniprogram/config'

type Simulate = typeof import('miniprogram-simulate')
type Page = ReturnType<Simulate['render']>

const source = path.join(__dirname, '../miniprogram/pages/index')
let copy: string
let emulator: RunningEmulator
let tt: SimulatedTt
let uninstallTt: () => void
let simulate: Simulate
let pageId: string
let page: Page

/** The page as miniprogram-simulate loads it: the same files, TTML directives renamed (`index.wxml`, `index.wxss`). */
function wechatCopy(): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'authing-tt-example-'))
  cpSync(source, directory, { recursive: true })
  const ttml = readFileSync(path.join(directory, 'index.ttml'), 'utf8')
  writeFileSync(path.join(directory, 'index.wxml'), ttml.replace(/\btt:(if|elif|else|for|for-item|for-index|key)\b/g, 'wx:$1'))
  renameSync(path.join(directory, 'index.ttss'), path.join(directory, 'index.wxss'))
  // The copy's JavaScript must import the example's modules (authing.js, config.js) from their real place.
  const js = readFileSync(path.join(directory, 'index.js'), 'utf8').replace(/'\.\.\/\.\.\/(authing|config)'/g, (_, name: string) =>
    JSON.stringify(path.join(__dirname, '../miniprogram', name)),
  )
  writeFileSync(path.join(directory, 'index.js'), js)
  return directory
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, logger: false })
  config.host = emulator.url // before the page (and the SDK client it imports) is loaded

  tt = createTt({ emulator: emulator.url })
  uninstallTt = installTt(tt)
  simulate = require('miniprogram-simulate')
  copy = wechatCopy()
  pageId = simulate.load(path.join(copy, 'index'))
})

afterAll(async () => {
  uninstallTt()
  tt.cleanup()
  rmSync(copy, { recursive: true, force: true })
  await emulator.close()
})

afterEach(async () => {
  page.detach()
  const { authing } = require('../miniprogram/authing') as typeof import('../miniprogram/authing')
  await authing.clearLoginState()
  await emulator.client.reset()
  // The reset emulator forgot the Douyin session too: the next page logs in to Douyin again.
  tt.expireSession()
  tt.clearFaults()
})

/** Renders the page and waits for its session checks (the SDK's, and Douyin's login for the phone buttons). */
async function open(): Promise<void> {
  tt.resetCounts()
  page = simulate.render(pageId)
  page.attach(document.createElement('parent-wrapper'))
  await waitFor(() => expect(status()).not.toBe('Checking the session…'))
  await waitFor(() => expect(tt.checkSession()).resolves.toBeDefined())
}

/**
 * Retries an assertion until it passes (the page updates when the SDK call it started resolves), however long a busy
 * machine takes; the limit, just under the test's own, only turns a page that never updates into the assertion's message.
 */
async function waitFor(assertion: () => void | Promise<unknown>, timeout = 15000): Promise<void> {
  const start = Date.now()
  for (;;) {
    try {
      return void (await assertion())
    } catch (error) {
      if (Date.now() - start > timeout) throw error
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }
}

const find = (id: string) => page.querySelector(`#${id}`)
const textOf = (selector: string) => page.querySelector(selector)?.dom.textContent?.trim()
const status = () => textOf('#status')
const tap = (id: string) => find(id)!.dispatchEvent('tap')
const type = (id: string, value: string) => find(id)!.dispatchEvent('input', { detail: { value } })
/** What Douyin hands a getPhoneNumber button's handler once the user allows it. */
const phoneEvent = async (phone: string) => ({ detail: Object.assign({ errMsg: 'getPhoneNumber:ok' }, await tt.phoneNumber(phone)) })

/** Waits until the page shows the result of `title`, and returns it. */
async function result(title: string): Promise<{ ok: boolean; text: string }> {
  await waitFor(() => expect(textOf('.result-title')).toBe(title))
  return { ok: !find('result')!.dom.className.includes('result-error'), text: textOf('.result-text')! }
}

const toasts = () => tt.log.filter((call) => call.api == 'showToast').map((call) => (call.args[0] as { title: string }).title)
const lastRequest = async (pathname: string) => (await emulator.client.requests()).filter((entry) => entry.path == pathname).pop()!

describe('logged out', () => {
  beforeEach(open)

  test('Login By Code signs a new Douyin user up, with the Douyin connection', async () => {
    tap('loginByCode')

    expect((await result('loginByCode')).ok).toBe(true)
    expect(status()).toBe('Logged in')
    const body = JSON.parse((await lastRequest('/api/v3/signin-by-mobile')).requestBody!)
    expect(body).toEqual({
      connection: 'douyin_mini_program_code',
      extIdpConnidentifier: config.extIdpConnidentifier,
      douyinMiniProgramCodePayload: { code: expect.any(String), encryptedData: '', iv: '' },
      options: { scope: 'openid profile offline_access' },
    })
    expect(await emulator.client.user({ openid: tt.openid })).toMatchObject({
      identities: [expect.objectContaining({ provider: 'douyin', userIdInIdp: tt.openid })],
    })
  })

  test('Login By Phone (open-type="getPhoneNumber") signs the Douyin user up with the decrypted phone number', async () => {
    find('loginByPhone')!.dispatchEvent('getphonenumber', await phoneEvent('13912345678'))

    expect((await result('loginByPhone')).ok).toBe(true)
    expect(status()).toBe('Logged in')
    expect(await emulator.client.user({ openid: tt.openid })).toMatchObject({ phone: '13912345678' })
    const body = JSON.parse((await lastRequest('/api/v3/signin-by-mobile')).requestBody!)
    expect(body.connection).toBe('douyin_mini_program_code_and_phone')
    expect(Object.keys(body.douyinMiniProgramCodeAndPhonePayload).sort()).toEqual(['loginParams', 'phoneParams'])
  })

  test("Login By Phone declined: the toast shows Douyin's message and nothing is sent", async () => {
    find('loginByPhone')!.dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:fail auth deny' } })

    expect(await result('loginByPhone')).toEqual({ ok: false, text: 'getPhoneNumber:fail auth deny' })
    expect(toasts()).toEqual(['getPhoneNumber:fail auth deny'])
    expect(tt.count('request')).toBe(0)
  })

  test.each([
    ['loginByPassword', 'none'],
    ['loginByPasswordRsa', 'rsa'],
    ['loginByPasswordSm2', 'sm2'],
  ])('%s logs in; the password travels as %s', async (button, encryption) => {
    tap(button)
    expect((await result(`loginByPassword (${encryption})`)).ok).toBe(true)
    expect((await lastRequest('/api/v3/signin')).requestBody!.includes(DEMO_USER.password)).toBe(encryption == 'none')
  })

  test('Send Sms, then Login By Pass Code with the code the phone received; a wrong code shows a toast', async () => {
    tap('sendSms')
    await result('sendSms')
    type('passCode', '000000')
    tap('loginByPassCode')
    expect((await result('loginByPassCode')).ok).toBe(false)
    expect(toasts()).toHaveLength(1)

    type('passCode', (await emulator.client.latestCode(DEMO_USER.phone, 'CHANNEL_LOGIN')).code)
    tap('loginByPassCode')
    await waitFor(() => expect(status()).toBe('Logged in'))
  })
})

describe('logged in', () => {
  beforeEach(async () => {
    await open()
    tap('loginByPassword')
    await waitFor(() => expect(status()).toBe('Logged in'))
  })

  test('Get Phone (open-type="getPhoneNumber") shows the Douyin phone number', async () => {
    find('getPhone')!.dispatchEvent('getphonenumber', await phoneEvent('13912345678'))

    expect(JSON.parse((await result('getPhone')).text)).toMatchObject({ phoneNumber: '13912345678', countryCode: '86' })
    const body = JSON.parse((await lastRequest('/api/v3/decrypt-douyin-miniprogram-phone')).requestBody!)
    expect(Object.keys(body).sort()).toEqual(['code', 'encryptedData', 'extIdpConnidentifier', 'iv'])
  })

  test('Get Login State, Get User Info and Refresh Token show the session and the profile', async () => {
    tap('getLoginState')
    const before = JSON.parse((await result('getLoginState')).text)
    tap('getUserInfo')
    expect(JSON.parse((await result('getUserInfo')).text)).toMatchObject({ userId: DEMO_USER.userId })
    tap('refreshToken')
    expect(JSON.parse((await result('refreshToken')).text).access_token).not.toBe(before.access_token)
  })

  test('Update User Info and Update Avatar change the profile on the server', async () => {
    type('nickname', 'Mini')
    tap('updateUserInfo')
    expect(JSON.parse((await result('updateUserInfo')).text)).toMatchObject({ nickname: 'Mini' })
    tap('updateAvatar')
    const { url } = JSON.parse((await result('updateAvatar')).text).data
    expect(await emulator.client.user(DEMO_USER.userId)).toMatchObject({ nickname: 'Mini', photo: url })
  })

  test('Update Password (SM2), then Logout revokes the session and brings the login buttons back', async () => {
    type('oldPassword', DEMO_USER.password)
    type('newPassword', 'New-Passw0rd!')
    tap('updatePassword')
    expect(JSON.parse((await result('updatePassword')).text)).toMatchObject({ statusCode: 200 })

    tap('logout')
    expect(await result('logout')).toEqual({ ok: true, text: 'true' })
    expect(status()).toBe('Logged out')
    const [session] = await emulator.client.sessions({ userId: DEMO_USER.userId })
    expect(session.revoked).toBe(true)
  })
})
