// Shared test helpers: one emulator per test file, reset before each test, and small HTTP helpers.
import { DEMO, DEMO_USER, startEmulator, type EmulatorOptions, type RunningEmulator } from '@authing/miniapp-emulator'

export { DEMO, DEMO_USER }

export const APP = { 'x-authing-app-id': DEMO.appId }
export const POOL = { 'x-authing-userpool-id': DEMO.userPoolId }
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** Starts an emulator for the file (quiet, free port) and resets it before every test. */
export function useEmulator(options: EmulatorOptions = {}): () => RunningEmulator {
  let running: RunningEmulator | undefined
  beforeAll(async () => {
    running = await startEmulator({ port: 0, logger: false, ...options })
  })
  beforeEach(async () => {
    await running?.client.reset()
  })
  afterAll(async () => {
    await running?.close()
  })
  return () => {
    if (!running) throw new Error('emulator not started')
    return running
  }
}

export interface Answer<T = Record<string, any>> {
  status: number
  headers: Headers
  text: string
  body: T
}

export interface CallOptions {
  headers?: Record<string, string>
  /** JSON-encoded unless it is a string. */
  json?: unknown
  /** Sent form-urlencoded. */
  form?: Record<string, string>
  /** Sent as is. */
  raw?: string | FormData
}

/** One HTTP call; `body` is the parsed JSON answer (or the text when it is not JSON). */
export async function call<T = Record<string, any>>(
  emu: RunningEmulator,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...options.headers }
  let body: string | FormData | undefined = options.raw
  if (options.json !== undefined) {
    headers['content-type'] ??= 'application/json'
    body = typeof options.json === 'string' ? options.json : JSON.stringify(options.json)
  }
  if (options.form) {
    headers['content-type'] ??= 'application/x-www-form-urlencoded'
    body = new URLSearchParams(options.form).toString()
  }
  const response = await fetch(`${emu.url}${path}`, { method, headers, body })
  const text = await response.text()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {
    // not JSON
  }
  return { status: response.status, headers: response.headers, text, body: parsed as T }
}

export const post = (emu: RunningEmulator, path: string, json: unknown, headers: Record<string, string> = {}) =>
  call(emu, 'POST', path, { json, headers })

export interface Tokens {
  access_token: string
  id_token: string
  refresh_token?: string
  scope: string
  token_type: string
  expires_in: number
}

/** Password login; returns the whole answer. */
export function signin(emu: RunningEmulator, passwordPayload: Record<string, unknown>, options: Record<string, unknown> = {}) {
  return post(emu, '/api/v3/signin', { connection: 'PASSWORD', passwordPayload, options }, APP)
}

/** Logs the demo user in (with a refresh token by default) and returns the tokens. */
export async function loginDemo(emu: RunningEmulator, scope = 'openid profile offline_access'): Promise<Tokens> {
  const answer = await signin(emu, { account: DEMO_USER.username, password: DEMO_USER.password }, { scope })
  if (answer.body.statusCode !== 200) throw new Error(`demo login failed: ${answer.text}`)
  return answer.body.data as Tokens
}

/** Creates a user with a password on the control plane and logs in; returns its id and tokens. */
export async function loginNewUser(
  emu: RunningEmulator,
  fields: Record<string, unknown> = {},
  scope = 'openid profile offline_access',
): Promise<{ userId: string; tokens: Tokens }> {
  const username = `user${Math.random().toString(36).slice(2, 10)}`
  const user = await emu.client.createUser({ username, password: 'Passw0rd!', ...fields })
  const answer = await signin(emu, { username, password: 'Passw0rd!' }, { scope })
  if (answer.body.statusCode !== 200) throw new Error(`login failed: ${answer.text}`)
  return { userId: user.userId, tokens: answer.body.data as Tokens }
}

/** Headers of an authenticated user call, as the mini program SDK sends them (bare token). */
export const authed = (token: string): Record<string, string> => ({ ...POOL, authorization: token })

/** Expects a V3 business error: HTTP 200, envelope statusCode / apiCode, requestId, message. */
export function expectError(answer: Answer, statusCode: number, apiCode?: number, message?: string | RegExp): void {
  expect(answer.status).toBe(200)
  expect(answer.body.statusCode).toBe(statusCode)
  if (apiCode === undefined) expect(answer.body.apiCode).toBeUndefined()
  else expect(answer.body.apiCode).toBe(apiCode)
  expect(answer.body.requestId).toMatch(UUID)
  if (message !== undefined) expect(answer.body.message).toMatch(message)
}

/** Decodes a JWT payload without verifying it. */
export function claimsOf(jwt: string): Record<string, any> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'))
}
