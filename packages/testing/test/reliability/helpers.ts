// The rig of the reliability tests: one real emulator per test file, a fresh simulated wx installed as the global for
// every test, clients of @authing/miniapp-wx built the way an app builds them, and the checks every scenario makes.
//
// Unhandled rejections: Jest 30 replaces the process's `unhandledRejection` listeners with its own while a test runs
// and fails that test on any rejection nobody handled (a listener added from a test file never hears of one). Every
// test here ends by letting the event loop turn twice, so that a rejection raised late by the SDK is still charged to
// the scenario that caused it.
import { createServer } from 'node:net'
import { DEMO, DEMO_USER, startEmulator, type FaultSpec, type RunningEmulator } from '@authing/miniapp-emulator'
import { createWx, installWx, type SimulatedWx } from '@authing/miniapp-testing'
import { Authing, type AuthingError, type AuthingOptions, type LoginState } from '@authing/miniapp-wx'
import { expectResult, settle } from '../../../core/test/contract'

export { DEMO, DEMO_USER, expectResult, settle }

export const KEY = `authing:${DEMO.appId}:login-state`
export const SCOPE = 'openid profile offline_access'
export const DAY = 24 * 3600 * 1000

/** Lets the event loop turn twice: whatever the SDK left running settles (or rejects) inside the current test. */
export const flush = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)))

/**
 * Holds the wx requests to paths ending with `path` in the client: they are sent only at `release()`. `held` resolves
 * once `count` of them wait. A way to have calls "in flight" without betting on how long a server delay lasts.
 */
export function holdRequests(wx: SimulatedWx, path: string, count: number) {
  const send = wx.request
  const waiting: (() => void)[] = []
  let allHeld: () => void = () => {}
  const held = new Promise<void>((resolve) => (allHeld = resolve))
  wx.request = ((options: Parameters<SimulatedWx['request']>[0]) => {
    if (!new URL(options.url).pathname.endsWith(path)) return send.call(wx, options)
    waiting.push(() => send.call(wx, options))
    if (waiting.length == count) allHeld()
    return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} }
  }) as SimulatedWx['request']
  return {
    held,
    release() {
      wx.request = send
      for (const sendNow of waiting.splice(0)) sendNow()
    },
  }
}

/**
 * Loses the answer of the next wx request to a path ending with `path`: it is sent and handled by the server as
 * usual, but when its answer arrives the caller is told what wx says when its time limit passes
 * (`request:fail timeout`) — a timeout whose request the server did handle, with no timer to race. `answered`
 * resolves once the server has answered.
 */
export function loseAnswer(wx: SimulatedWx, path: string) {
  const send = wx.request
  let serverAnswered: () => void = () => {}
  const answered = new Promise<void>((resolve) => (serverAnswered = resolve))
  wx.request = ((options: Parameters<SimulatedWx['request']>[0]) => {
    if (!new URL(options.url).pathname.endsWith(path)) return send.call(wx, options)
    wx.request = send // the next requests are answered as usual
    const timedOut = () => {
      serverAnswered()
      const error = { errMsg: 'request:fail timeout' }
      if (options.fail) options.fail(error)
      if (options.complete) options.complete(error)
    }
    return send.call(wx, {
      url: options.url,
      method: options.method,
      header: options.header,
      data: options.data,
      success: timedOut,
      fail: timedOut,
    })
  }) as SimulatedWx['request']
  return { answered }
}

/** The base URL of a port nothing listens on: a connection there is refused. */
export async function closedPort(): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return `http://127.0.0.1:${port}`
}

export interface Rig {
  readonly emulator: RunningEmulator
  readonly wx: SimulatedWx
  /** The SDK's clock (the `now` option of every client built here), in epoch ms. */
  clock: { now: number }
  /** A client of @authing/miniapp-wx on this test's wx; the emulator is the host unless options say otherwise. */
  client(options?: Partial<AuthingOptions>): Authing
  /** The login state in the runtime's storage, as stored. */
  stored(): LoginState | undefined
}

/** Registers the hooks of a reliability test file and returns its rig. */
export function useRig(): Rig {
  let emulator: RunningEmulator
  let wx: SimulatedWx
  let uninstall: () => void
  const rig: Rig = {
    get emulator() {
      return emulator
    },
    get wx() {
      return wx
    },
    clock: { now: Date.now() },
    client: (options = {}) =>
      new Authing({ appId: DEMO.appId, userPoolId: DEMO.userPoolId, host: emulator.url, now: () => rig.clock.now, ...options }),
    stored: () => wx.storage.get(KEY) as LoginState | undefined,
  }
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, logger: false })
  })
  afterAll(() => emulator.close())
  beforeEach(async () => {
    await emulator.client.reset()
    await emulator.client.clearRequests()
    rig.clock.now = Date.now()
    wx = createWx({ emulator: emulator.url })
    uninstall = installWx(wx)
  })
  afterEach(async () => {
    await flush()
    wx.cleanup()
    uninstall()
  })
  return rig
}

/** Logs the demo user in (with a refresh token) and returns the state; fails the test if that does not work. */
export async function logIn(
  authing: Authing,
  username: string = DEMO_USER.username,
  password: string = DEMO_USER.password,
): Promise<LoginState> {
  const [error, state] = await authing.loginByPassword({ passwordPayload: { username, password }, options: { scope: SCOPE } })
  expect(error).toBeNull()
  return state!
}

/** The client's login state in memory, as its listeners are told (starting from what it will read from storage). */
export function memoryOf(authing: Authing, initial: LoginState | null | undefined): () => LoginState | null {
  let memory = initial || null
  authing.onLoginStateChange((state) => (memory = state))
  return () => memory
}

/** Runs a call that must resolve (never throw or reject) to a documented result, and returns it as a tuple. */
export async function outcome<T>(call: () => Promise<T>): Promise<[AuthingError | null, unknown]> {
  const result = await settle(call)
  expectResult(result)
  return result as [AuthingError | null, unknown]
}

/** A network or server fault, and the error code it must produce (null: the call succeeds). */
export interface Fault {
  code: 'network' | 'timeout' | 'server' | null
  /** The emulator's fault on the operation's route. */
  spec?: Omit<FaultSpec, 'route'>
  /** The client's request timeout. */
  timeout?: number
  /** The client's host is a port where nothing listens. */
  refused?: boolean
  /** The server handles the request but its answer never reaches the client (see {@link loseAnswer}). */
  answerLost?: boolean
}

export const FAULTS: Record<string, Fault> = {
  'connection refused': { code: 'network', refused: true },
  'dropped connection': { code: 'network', spec: { kind: 'drop' } },
  // The server handles the request, and the client's wx then reports a timeout instead of the answer. (A small
  // time limit and a server delay instead would race the timer against the request's arrival on a busy machine.)
  timeout: { code: 'timeout', answerLost: true },
  'HTTP 500': { code: 'server', spec: { kind: 'status', status: 500 } },
  '502 with an HTML page': { code: 'server', spec: { kind: 'html' } },
  'truncated JSON': { code: 'server', spec: { kind: 'truncated' } },
  'empty body': { code: 'server', spec: { kind: 'empty' } },
  // Slow, but far from the client's limit (the test's own 20 s timeout would end it first).
  'very slow response': { code: null, spec: { kind: 'latency', ms: 120 }, timeout: 60000 },
}
