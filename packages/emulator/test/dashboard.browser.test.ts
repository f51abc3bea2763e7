// The dashboard in a real browser: Debian's Chromium, headless and kept off the network, driven by playwright-core.
// A mini program session on the simulated wx runs beside it: its SMS code is read off the page, a WeChat code is
// minted on the page, its session is revoked on the page. The tests run in order on one page, as a developer would.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEMO, DEMO_USER, startEmulator, type RunningEmulator } from '@authing/miniapp-emulator'
import { createWx, installWx } from '@authing/miniapp-testing'
import { Authing } from '@authing/miniapp-wx'
import type { BrowserContext, Page } from 'playwright-core'
import { describeInChromium, launchChromium, type Chromium } from './chromium'

const SCREENSHOT = join(__dirname, '../docs/dashboard.png')
const CI_OUT = join(__dirname, '../../../.ci/out')

describeInChromium('the dashboard in Chromium', () => {
  jest.setTimeout(60000)
  let emulator: RunningEmulator
  let browser: Chromium
  let context: BrowserContext
  let page: Page
  let uninstall: () => void
  let authing: Authing
  const requested: string[] = []
  const scriptErrors: string[] = []

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, logger: false })
    uninstall = installWx(createWx({ emulator: emulator.url }))
    authing = new Authing({ appId: DEMO.appId, userPoolId: DEMO.userPoolId, host: emulator.url })
    browser = await launchChromium()
    context = browser.context
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: emulator.url })
    context.on('request', (request) => requested.push(request.url()))
    page = context.pages()[0] ?? (await context.newPage())
    page.on('pageerror', (error) => scriptErrors.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') scriptErrors.push(message.text())
    })
    page.setDefaultTimeout(10000)
  })

  afterAll(async () => {
    await browser?.close()
    uninstall?.()
    await emulator?.close()
  })

  const tab = (name: string) => page.click(`nav.tabs >> text=${name}`)
  const button = (name: string) => page.getByRole('button', { name, exact: true }).click()

  test('a browser opening / lands on the dashboard, which shows the live log', async () => {
    await page.goto(`${emulator.url}/`)
    expect(page.url()).toBe(`${emulator.url}/__emulator/ui`)
    await page.waitForSelector('.live.on')
    expect(await page.textContent('nav.tabs')).toBe('RequestsCodesUsersSessionsWeChat / DouyinFaultsClock')
  })

  test('an SMS code sent through the SDK appears on the page as it is issued, and logs the user in', async () => {
    await tab('Codes')
    await page.waitForSelector('text=No code sent yet.')
    const [sendError] = await authing.sendSms({ phoneNumber: DEMO_USER.phone, channel: 'CHANNEL_LOGIN' })
    expect(sendError).toBeNull()

    const code = (await page.textContent(`tr[data-target="${DEMO_USER.phone}"] [data-code]`))!.trim()
    expect(code).toMatch(/^\d{6}$/)
    expect(await page.textContent(`tr[data-target="${DEMO_USER.phone}"]`)).toMatch(/CHANNEL_LOGIN.*\dm \d\ds/)

    const [loginError, state] = await authing.loginByPassCode({ passCodePayload: { phone: DEMO_USER.phone, passCode: code } })
    expect(loginError).toBeNull()
    expect(state!.access_token).toEqual(expect.any(String))
    await page.waitForSelector(`tr[data-target="${DEMO_USER.phone}"] >> text=used`)
  })

  test('a request opens with its code, password and tokens masked', async () => {
    await tab('Requests')
    await page.click('tr[data-path="/api/v3/signin"]')
    const details = (await page.textContent('[data-testid=request-details]'))!
    const { code } = await emulator.client.latestCode(DEMO_USER.phone)
    expect(details).toContain(`"passCode": "${code.slice(0, 1)}…"`)
    expect(details).toMatch(/"access_token": "eyJh…"/)
    expect(details).not.toContain(code)
  })

  test('a WeChat login code minted on the page is a real code, and the copy button copies it', async () => {
    await tab('WeChat / Douyin')
    await page.fill('input[name=openid]', 'o-dashboard')
    await page.click('text=Mint login code')
    const minted = (await page.getAttribute('[data-minted]', 'data-minted'))!
    expect(await emulator.client.wechatCodes()).toEqual([
      expect.objectContaining({ code: minted, openid: 'o-dashboard', used: false, source: 'minted' }),
    ])

    await page.click('.minted button.copy')
    await page.waitForSelector(`.toast >> text=Copied ${minted}`)
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(minted)
  })

  test('a Douyin login code minted on the same panel is a real tt.login code, listed with its platform', async () => {
    await tab('WeChat / Douyin')
    await page.click('text=Mint Douyin code')
    await page.waitForSelector('td >> text=Douyin')
    const [douyin] = await emulator.client.douyinCodes()
    expect(douyin).toMatchObject({ used: false, source: 'minted' })
    expect(await page.textContent('.panel')).toContain(douyin!.code)
  })

  test("revoking the session on the page makes the SDK's next call fail", async () => {
    const [before] = await authing.getUserInfo()
    expect(before).toBeNull()

    await tab('Sessions')
    const row = `tr[data-user="${DEMO_USER.username}"]`
    await page.click(`${row} >> text=Revoke`)
    await page.waitForSelector(`${row} >> text=revoked on the control plane`)

    const [after, user] = await authing.getUserInfo()
    expect(user).toBeUndefined()
    expect(after).toMatchObject({ statusCode: 401 })
  })

  test('creates, edits, sets the password of and deletes a user', async () => {
    await tab('Users')
    await button('New user')
    await page.fill('dialog input[name=username]', 'alice')
    await page.fill('dialog input[name=phone]', '13900000001')
    await page.fill('dialog input[name=openid]', 'o-alice')
    await button('Create')
    await page.waitForSelector('.details >> text=o-alice')
    expect(await emulator.client.user('o-alice')).toMatchObject({ username: 'alice', phone: '13900000001', hasPassword: false })

    await button('Edit')
    await page.fill('dialog input[name=nickname]', 'Alice')
    await button('Save')
    await button('Set password')
    await page.fill('dialog input[name=password]', 'Alice-pass1')
    await button('Save')
    await page.waitForSelector('.details dd >> text="set"')
    const [loginError] = await authing.loginByPassword({ passwordPayload: { username: 'alice', password: 'Alice-pass1' } })
    expect(loginError).toBeNull()
    expect(await emulator.client.user('alice')).toMatchObject({ nickname: 'Alice', phone: '13900000001' })

    await page.fill('input[type=search]', 'alice')
    await button('Delete')
    await page.locator('dialog').getByRole('button', { name: 'Delete', exact: true }).click()
    await page.waitForSelector('text=No user matches.')
    expect(await emulator.client.user('alice')).toBeNull()
  })

  test('injects and removes a fault, and shifts the clock', async () => {
    await tab('Faults')
    await page.fill('input[name=route]', '/api/v3/system')
    await page.selectOption('select[name=kind]', 'status')
    await button('Inject fault')
    await page.waitForSelector('header >> text=Faults: 1')
    expect((await fetch(`${emulator.url}/api/v3/system`)).status).toBe(503)
    await button('Remove')
    await page.waitForSelector('text=No fault: every route answers normally.')
    expect((await fetch(`${emulator.url}/api/v3/system`)).status).toBe(200)

    await tab('Clock')
    await button('+1 h')
    await page.waitForSelector('header >> text=1h 00m')
    expect((await emulator.client.clock()).offsetMs).toBe(3600000)
    await button('Back to real time')
    await page.waitForSelector('text=Real time (no offset).')
    expect((await emulator.client.clock()).offsetMs).toBe(0)
  })

  test('keeps a screenshot of the live log, with the passcode login opened, as an artifact', async () => {
    const passcodeLogin = (await emulator.client.requests()).find((entry) => entry.requestBody?.includes('PASSCODE'))!
    await tab('Requests')
    await page.click(`tr[data-id="${passcodeLogin.id}"]`)
    await page.waitForFunction(() => !document.querySelector('.toast'))
    const image = await page.screenshot()
    // The README's copy changes only on request (ports, times and codes differ on every run).
    if (process.env.UPDATE_SCREENSHOT) {
      mkdirSync(join(SCREENSHOT, '..'), { recursive: true })
      writeFileSync(SCREENSHOT, image)
    }
    if (existsSync(CI_OUT)) writeFileSync(join(CI_OUT, 'dashboard.png'), image)
    expect(image.length).toBeGreaterThan(10000)
  })

  test('switches to Chinese labels, and remembers the choice', async () => {
    await page.click('button.lang')
    expect(await page.textContent('nav.tabs')).toBe('请求验证码用户会话微信 / 抖音故障注入时钟')
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN')
    await page.reload()
    await page.waitForSelector('text=清空日志')
    if (existsSync(CI_OUT)) await page.screenshot({ path: join(CI_OUT, 'dashboard-zh.png') })
    await page.click('button.lang')
    expect(await page.textContent('nav.tabs')).toBe('RequestsCodesUsersSessionsWeChat / DouyinFaultsClock')
  })

  test('loaded nothing from anywhere but the emulator, and logged no error', () => {
    expect(requested.length).toBeGreaterThan(10)
    expect(requested.filter((url) => !url.startsWith(`${emulator.url}/`))).toEqual([])
    expect(scriptErrors).toEqual([])
  })
})
