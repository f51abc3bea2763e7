// One mini program target: an example app built by its framework's CLI, launched in the sandbox with a simulated
// wx that talks to an in-process emulator, and taken through the steps.
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { startEmulator, type RunningEmulator } from '@authing/miniapp-emulator'
import { createWx, type SimulatedWx } from '@authing/miniapp-testing'
import { prepareApp, type Layout } from './app'
import { report } from './build'
import { miniProgramDriver } from './host/driver'
import type { PageInstance } from './host/page'
import { launchMiniProgram } from './host/sandbox'
import { taroView, wxmlView, type View } from './host/view'
import { declareOutputCheck } from './output-check'
import { declareSteps, type StepContext } from './steps'

/** The page every example opens on. */
const PAGE = 'pages/index/index'

export interface MiniProgramTarget {
  /** The name in the build report, e.g. `taro-weapp`. */
  name: string
  /** The folder under `examples/`, and what of it the build needs. */
  example: string
  files: string[]
  /** How the SDK's packages are installed: npm's layout or pnpm's. */
  layout: Layout
  /**
   * Builds the app in `app` with the emulator's URL as the Authing host; resolves with the build's time in
   * milliseconds and the built mini program's folder.
   */
  build(app: string, host: string): Promise<{ ms: number; output: string }>
  /** How the page's screen is read: from its own WXML, or from Taro's rendered tree. */
  view: 'wxml' | 'taro'
  /** What WeChat DevTools would still compile (see `MiniProgramOptions.compile`). */
  compile?(file: string, code: string): string
}

/** Declares the target's build (in `beforeAll`) and its steps. */
export function describeMiniProgram(title: string, target: MiniProgramTarget): void {
  describe(title, () => {
    let emulator: RunningEmulator
    let wx: SimulatedWx
    let context: StepContext
    let output: string
    let app: string | undefined

    beforeAll(async () => {
      emulator = await startEmulator({ port: 0, logger: false })
      app = prepareApp(target.example, target.files, target.layout)
      const built = await target.build(app, emulator.url)
      output = built.output
      report(target.name, output, built.ms)
      wx = createWx({ emulator })
      const program = launchMiniProgram(output, { wx, compile: target.compile })
      const page = program.open(PAGE)
      context = {
        emulator,
        driver: miniProgramDriver(page, viewOf(target.view, page, output)),
        randomness: async () => ({ mathRandom: program.mathRandomCalls, secure: wx.count('getRandomValues') }),
      }
    }, 300000)

    afterAll(async () => {
      wx?.cleanup()
      await emulator?.close()
      if (app) rmSync(app, { recursive: true, force: true })
    })

    declareOutputCheck(() => output)
    declareSteps(() => context, { wechat: true })
  })
}

function viewOf(kind: MiniProgramTarget['view'], page: PageInstance, output: string): View {
  return kind == 'taro' ? taroView(page) : wxmlView(page, readFileSync(join(output, `${PAGE}.wxml`), 'utf8'))
}
