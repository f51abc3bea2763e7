// A mini program's JavaScript runtime, as WeChat (or Douyin) gives it to a built app: one module per file with
// `require`, `module` and `exports`, `require` resolving only inside the app (relative paths, then `miniprogram_npm/`),
// and the globals `wx` (Douyin: `tt`), `App`, `Page`, `Component`, `getApp`, `getCurrentPages` and WeChat's `global` (an object of its own,
// not Node's). Nothing of Node is reachable: the code runs in its own `vm` context, so `process`, `Buffer` and Node's
// `require` are simply not defined.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import vm from 'node:vm'
import { PageInstance, type Registration } from './page'

/** What the sandbox gives a mini program. */
export interface MiniProgramOptions {
  /** The platform API: a simulated `wx` or `tt` from `@authing/miniapp-testing`. */
  api: object
  /** The global the platform API is under: `wx` on WeChat (the default), `tt` on Douyin. */
  platform?: 'wx' | 'tt'
  /**
   * Turns a source file into what WeChat runs, where the build leaves that to WeChat DevTools (a native app's ES
   * modules are compiled to CommonJS when DevTools builds it). Default: files run as they are.
   */
  compile?(file: string, code: string): string
}

/** A built mini program, loaded and launched: its app instance and its pages. */
export interface MiniProgram {
  /** The object `App()` registered. */
  app: Record<string, unknown>
  /** How many times the app's code has called `Math.random` so far (secure code must not need it). */
  readonly mathRandomCalls: number
  /** Opens a page of `app.json` by route (`pages/index/index`): loads its code, creates it and runs its lifecycle. */
  open(route: string, query?: Record<string, string>): PageInstance
}

/** Errors of the app's code that nothing caught (unhandled rejections inside the sandbox are reported here too). */
export type ErrorSink = (error: unknown) => void

/**
 * Loads the built mini program in `root` (the folder with `app.json`) and launches it: runs `app.js`, then the app's
 * `onLaunch` and `onShow`.
 */
export function launchMiniProgram(root: string, options: MiniProgramOptions): MiniProgram {
  root = resolve(root)
  const pages: PageInstance[] = []
  let app: Record<string, unknown> | undefined
  let registering: Registration | undefined

  const context = vm.createContext({
    [options.platform ?? 'wx']: options.api,
    App: (options: Record<string, unknown>) => {
      app = options
    },
    Page: (options: Record<string, unknown>) => {
      registering = { kind: 'page', options }
    },
    Component: (options: Record<string, unknown>) => {
      registering = { kind: 'component', options }
    },
    Behavior: (options: object) => options,
    getApp: () => app,
    getCurrentPages: () => pages.slice(),
    requirePlugin: (name: string) => {
      throw new Error(`plugin "${name}" is not defined`)
    },
    global: {},
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
  })

  // Counts Math.random calls: a secure random source must come from the platform's getRandomValues instead.
  let mathRandomCalls = 0
  const math = vm.runInContext('Math', context) as Math
  const random = math.random
  math.random = () => {
    mathRandomCalls++
    return random()
  }

  const modules = new Map<string, { exports: unknown }>()

  /** WeChat's resolution: relative to the file (or to the root for `/…`), then `miniprogram_npm/` folders upwards. */
  function resolveModule(from: string, request: string): string {
    const candidates = (base: string) => [base, `${base}.js`, join(base, 'index.js')]
    const inside = (file: string) => !relative(root, file).startsWith('..') && existsSync(file) && statSync(file).isFile()
    if (request.startsWith('.') || request.startsWith('/')) {
      const base = request.startsWith('/') ? join(root, request) : resolve(dirname(from), request)
      const found = candidates(base).find(inside)
      if (found) return found
    } else {
      for (let dir = dirname(from); ; dir = dirname(dir)) {
        const found = candidates(join(dir, 'miniprogram_npm', request)).find(inside)
        if (found) return found
        if (dir == root || !dir.startsWith(root + sep)) break
      }
    }
    // WeChat's own message for a module it cannot find.
    throw new Error(`module "${relative(root, join(dirname(from), request))}" is not defined`)
  }

  function load(file: string): unknown {
    const cached = modules.get(file)
    if (cached) return cached.exports
    const module = { exports: {} }
    modules.set(file, module)
    const code = readFileSync(file, 'utf8')
    const wrapper = `(function (require, module, exports) {${options.compile ? options.compile(file, code) : code}\n})`
    const run = new vm.Script(wrapper, { filename: file }).runInContext(context) as (...args: unknown[]) => void
    run((request: string) => load(resolveModule(file, request)), module, module.exports)
    return module.exports
  }

  load(join(root, 'app.js'))
  if (!app) throw new Error('app.js did not call App()')
  const launched = app
  const launchOptions = { path: '', query: {}, scene: 1001, referrerInfo: {} }
  call(launched, 'onLaunch', launchOptions)
  call(launched, 'onShow', launchOptions)

  return {
    app: launched,
    get mathRandomCalls() {
      return mathRandomCalls
    },
    open(route, query = {}) {
      registering = undefined
      load(join(root, `${route}.js`))
      if (!registering) throw new Error(`${route}.js did not call Page() or Component()`)
      const page = new PageInstance(route, registering)
      // Douyin's page instance is node 0 of its webview: frameworks (uni-app) tell a page from a component by it.
      if (options.platform == 'tt') Object.assign(page.instance, { __nodeId__: 0, __webviewId__: pages.length + 1 })
      pages.push(page)
      page.launch(query)
      return page
    },
  }
}

function call(target: Record<string, unknown>, name: string, ...args: unknown[]): void {
  const method = target[name]
  if (typeof method == 'function') method.apply(target, args)
}
