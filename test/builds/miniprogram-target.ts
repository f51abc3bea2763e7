// One mini program target: an example app built by its framework's CLI, launched in the sandbox with a simulated
// wx (or Douyin's tt) that talks to an in-process emulator, and taken through the steps.
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { startEmulator, type RunningEmulator } from '@authing/miniapp-emulator'
import { createTt, createWx, type SimulatedTt, type SimulatedWx } from '@authing/miniapp-testing'
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
  /** The platform the build is for: WeChat (`wx`, WXML templates; the default) or Douyin (`tt`, TTML templates). */
  platform?: 'wx' | 'tt'
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
  const platform = target.platform ?? 'wx'
  describe(title, () => {
    let emulator: RunningEmulator
    let api: SimulatedWx | SimulatedTt
    let context: StepContext
    let output: string
    let app: string | undefined

    beforeAll(async () => {
      emulator = await startEmulator({ port: 0, logger: false })
      app = prepareApp(target.example, target.files, target.layout)
      const built = await target.build(app, emulator.url)
      output = built.output
      report(target.name, output, built.ms)
      api = platform == 'tt' ? createTt({ emulator }) : createWx({ emulator })
      const program = launchMiniProgram(output, { api, platform, compile: target.compile })
      const page = program.open(PAGE)
      context = {
        emulator,
        driver: miniProgramDriver(page, viewOf(target, page, output)),
        randomness: async () => ({ mathRandom: program.mathRandomCalls, secure: api.count('getRandomValues') }),
      }
    }, 300000)

    afterAll(async () => {
      api?.cleanup()
      await emulator?.close()
      if (app) rmSync(app, { recursive: true, force: true })
    })

    declareOutputCheck(() => output)
    declareSteps(() => context, { codeLogin: platform })
  })
}

function viewOf(target: MiniProgramTarget, page: PageInstance, output: string): View {
  if (target.view == 'taro') return taroView(page)
  const platform = target.platform ?? 'wx'
  const template = join(output, `${PAGE}.${platform == 'tt' ? 'ttml' : 'wxml'}`)
  return wxmlView(page, readFileSync(template, 'utf8'), platform)
}
