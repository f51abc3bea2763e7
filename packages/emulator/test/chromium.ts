// Debian's Chromium for the browser tests: headless, kept off the network, driven by playwright-core. When it is
// missing the browser tests are skipped with a warning, unless REQUIRE_BROWSER=1 (CI) turns that into a failure.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'

export const CHROMIUM = '/usr/bin/chromium'
/** Headless, and none of Chromium's own traffic (updates, sync, QUIC probes): pages may only reach what a test serves. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
]

const available = existsSync(CHROMIUM)
const required = process.env.REQUIRE_BROWSER === '1'

/** `describe` when Chromium can run (or must), else `describe.skip` with a warning naming what is missing. */
export function describeInChromium(name: string, tests: () => void): void {
  if (!available && !required) {
    console.warn(`Skipping "${name}": ${CHROMIUM} is missing (apt-get install -y chromium). Set REQUIRE_BROWSER=1 to fail instead.`)
  }
  ;(available || required ? describe : describe.skip)(name, tests)
}

/** A browser in a fresh profile; `close()` also removes the profile. */
export interface Chromium {
  context: BrowserContext
  close(): Promise<void>
}

/** Starts Chromium with a fresh profile, English locale and a laptop-sized window; `args` adds flags. */
export async function launchChromium(args: string[] = []): Promise<Chromium> {
  if (!available) throw new Error(`REQUIRE_BROWSER=1 but ${CHROMIUM} is missing: apt-get install -y chromium`)
  const profile = mkdtempSync(join(tmpdir(), 'emulator-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...FLAGS, ...args],
    viewport: { width: 1366, height: 768 },
    locale: 'en-US',
  })
  return {
    context,
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}
