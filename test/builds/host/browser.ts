// An H5 build served over HTTP and driven in headless Chromium (Debian's, through playwright-core): the page may
// reach only its own server and the emulator, both on loopback.
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { SCREEN_TIMEOUT, type AppDriver } from './driver'

export const CHROMIUM = '/usr/bin/chromium'
/** Headless, and none of Chromium's own traffic (updates, sync, QUIC probes). */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
}

/** Serves the files of `root` on 127.0.0.1 (any free port); unknown paths get index.html, as an SPA host does. */
export async function serveStatic(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '')
    let file = join(root, path)
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html')
    if (!existsSync(file)) return response.writeHead(404).end()
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(response)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

// Counts the page's Math.random and crypto.getRandomValues calls, from before any of its scripts runs.
const COUNT_RANDOMNESS = `
  window.__randomness = { mathRandom: 0, secure: 0 }
  const random = Math.random
  Math.random = function () { window.__randomness.mathRandom++; return random.call(Math) }
  const getRandomValues = crypto.getRandomValues.bind(crypto)
  crypto.getRandomValues = function (array) { window.__randomness.secure++; return getRandomValues(array) }
`

/** A headless Chromium with one page open at `url`, and the page's script errors collected. */
export async function openInChromium(url: string): Promise<{
  page: Page
  driver: AppDriver
  errors: string[]
  randomness(): Promise<{ mathRandom: number; secure: number }>
  close(): Promise<void>
}> {
  const profile = mkdtempSync(join(tmpdir(), 'builds-chromium-'))
  const context: BrowserContext = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS })
  const page = context.pages()[0] ?? (await context.newPage())
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.setDefaultTimeout(SCREEN_TIMEOUT)
  await page.addInitScript(COUNT_RANDOMNESS)
  await page.goto(url)
  return {
    page,
    driver: browserDriver(page),
    errors,
    randomness: () => page.evaluate(() => (window as unknown as { __randomness: { mathRandom: number; secure: number } }).__randomness),
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** Taps and reads the page as a user does: clicks, and the text on screen. */
function browserDriver(page: Page): AppDriver {
  return {
    async tap(selector) {
      await page.locator(selector).first().click()
    },
    async waitForText(selector, text) {
      const handle = await page.waitForFunction(
        ([selector, text]) => {
          const shown = document.querySelector(selector)?.textContent
          return shown != null && shown.includes(text) ? shown : false
        },
        [selector, text] as const,
      )
      return (await handle.jsonValue()) as string
    },
    async read(selector) {
      return page.evaluate((selector) => {
        const element = document.querySelector(selector)
        return element ? { text: element.textContent ?? '', classes: Array.from(element.classList) } : undefined
      }, selector)
    },
  }
}
