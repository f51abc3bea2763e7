// The access rules in a real browser. Chromium resolves evil.example to this machine, so a page of a tiny local web
// server is a foreign site at http://evil.example:<port> and an H5 dev server at http://localhost:<port>.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DEMO, DEMO_USER, startEmulator, type RunningEmulator } from '@authing/miniapp-emulator'
import type { Page } from 'playwright-core'
import { describeInChromium, launchChromium, type Chromium } from './chromium'

describeInChromium('the access rules in Chromium', () => {
  jest.setTimeout(60000)
  let emulator: RunningEmulator
  let locked: RunningEmulator
  let site: Server
  let sitePort: number
  let browser: Chromium
  let page: Page

  beforeAll(async () => {
    emulator = await startEmulator({ logger: false })
    locked = await startEmulator({ logger: false, controlToken: 'browser-test-token' })
    site = createServer((_request, response) =>
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>site</title>'),
    )
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
    sitePort = (site.address() as AddressInfo).port
    browser = await launchChromium(['--host-resolver-rules=MAP evil.example 127.0.0.1'])
    page = browser.context.pages()[0] ?? (await browser.context.newPage())
    page.setDefaultTimeout(10000)
  })

  afterAll(async () => {
    await browser?.close()
    await new Promise((resolve) => site?.close(resolve))
    await emulator?.close()
    await locked?.close()
  })

  /** Runs `fetch` in the page: the parsed answer, or the error the page saw. */
  const fetchInPage = (url: string, init: RequestInit = {}) =>
    page.evaluate(
      async ([target, options]) => {
        try {
          const response = await fetch(target, options)
          return { status: response.status, body: await response.text() }
        } catch (error) {
          return { error: String(error) }
        }
      },
      [url, init] as const,
    )

  test('a page on a foreign site can read neither the control plane, nor the event stream, nor the API', async () => {
    await page.goto(`http://evil.example:${sitePort}/`)
    for (const path of ['/__emulator/state', '/__emulator/events', '/api/v3/system']) {
      expect(await fetchInPage(`${emulator.url}${path}`)).toEqual({ error: 'TypeError: Failed to fetch' })
    }
  })

  test('nor change anything, even with requests the browser sends without asking', async () => {
    await emulator.client.createUser({ username: 'kept' })
    const reset = await fetchInPage(`${emulator.url}/__emulator/reset`, { method: 'POST', mode: 'no-cors' })
    expect(reset).toEqual({ status: 0, body: '' })
    const json = await fetchInPage(`${emulator.url}/__emulator/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect(json).toEqual({ error: 'TypeError: Failed to fetch' })
    expect(await emulator.client.user('kept')).toMatchObject({ username: 'kept' })
  })

  test('a page of an H5 dev server on localhost logs in through the API, as the SDK does', async () => {
    await page.goto(`http://localhost:${sitePort}/`)
    const login = await fetchInPage(`${emulator.url}/api/v3/signin`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-authing-app-id': DEMO.appId,
        'x-authing-userpool-id': DEMO.userPoolId,
        'x-authing-request-from': 'sdk-miniapp',
        'x-authing-sdk-version': '1.0.0',
      },
      body: JSON.stringify({ connection: 'PASSWORD', passwordPayload: { account: DEMO_USER.username, password: DEMO_USER.password } }),
    })
    expect(login).toMatchObject({ status: 200 })
    expect(JSON.parse((login as { body: string }).body)).toMatchObject({ statusCode: 200, data: { access_token: expect.any(String) } })
    // The dev server is still another origin than the control plane.
    expect(await fetchInPage(`${emulator.url}/__emulator/state`)).toEqual({ error: 'TypeError: Failed to fetch' })
  })

  test('a name rebound to this machine is refused', async () => {
    const response = await page.goto(`http://evil.example:${emulator.port}/__emulator/state`)
    expect(response?.status()).toBe(403)
    expect(await page.textContent('body')).toContain('--allowed-host evil.example')
  })

  test('with a control token, the dashboard opens from its link and then works on its cookie', async () => {
    expect((await page.goto(`${locked.url}/__emulator/ui`))?.status()).toBe(401)
    await page.goto(`${locked.url}/__emulator/ui?token=browser-test-token`)
    expect(page.url()).toBe(`${locked.url}/__emulator/ui`)
    await page.waitForSelector('.live.on')
    await page.click('nav.tabs >> text=Users')
    await page.waitForSelector(`text=${DEMO_USER.email}`)
  })
})
