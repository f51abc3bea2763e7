// One H5 target: an example app built for the browser by its framework's CLI, served over HTTP and driven in
// headless Chromium against an in-process emulator.
import { existsSync, rmSync } from 'node:fs'
import { startEmulator, type RunningEmulator } from '@authing/miniapp-emulator'
import { prepareApp, type Layout } from './app'
import { report } from './build'
import { CHROMIUM, openInChromium, serveStatic } from './host/browser'
import { declareOutputCheck } from './output-check'
import { declareSteps, type StepContext } from './steps'

export interface H5Target {
  /** The name in the build report, e.g. `taro-h5`. */
  name: string
  /** The folder under `examples/`, what of it the build needs, and how the SDK's packages are installed. */
  example: string
  files: string[]
  layout: Layout
  /** Builds the app in `app` with `host` as the Authing host; resolves with the build's time and the site's folder. */
  build(app: string, host: string): Promise<{ ms: number; output: string }>
}

/** Declares the target's build (in `beforeAll`), the check of its output and its steps. */
export function describeH5(title: string, target: H5Target): void {
  describe(title, () => {
    let emulator: RunningEmulator
    let site: Awaited<ReturnType<typeof serveStatic>> | undefined
    let browser: Awaited<ReturnType<typeof openInChromium>> | undefined
    let context: StepContext
    let output: string
    let app: string | undefined

    beforeAll(async () => {
      if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`)
      emulator = await startEmulator({ port: 0, logger: false })
      app = prepareApp(target.example, target.files, target.layout)
      const built = await target.build(app, emulator.url)
      output = built.output
      report(target.name, output, built.ms)
      site = await serveStatic(output)
      browser = await openInChromium(site.url)
      context = { emulator, driver: browser.driver, randomness: browser.randomness }
    }, 300000)

    afterAll(async () => {
      await browser?.close()
      await site?.close()
      await emulator?.close()
      if (app) rmSync(app, { recursive: true, force: true })
    }, 60000)

    afterEach(() => {
      // A script error on the page fails the step it happened in.
      const errors = browser?.errors.splice(0) ?? []
      if (errors.length) throw new Error(`script errors on the page:\n${errors.join('\n')}`)
    })

    declareOutputCheck(() => output)
    declareSteps(() => context, {})
  })
}
