// A typed client for the control plane, so tests, scripts and the demo never write control-plane URLs by hand.
import type { StateSnapshot } from './state'
import type {
  ClockInfo,
  EmulatorConfig,
  EmulatorInfo,
  EmulatorUser,
  EncryptedWechatData,
  Fault,
  FaultSpec,
  MintedLoginCode,
  MintedPhoneCode,
  NewUser,
  RequestLogEntry,
  SessionInfo,
  UploadInfo,
  UserPatch,
  UserQuery,
  VerificationCodeInfo,
  WechatCodeInfo,
} from './types'

/** A control-plane call failed; `status` is the HTTP status, `body` the parsed answer. */
export class EmulatorClientError extends Error {
  /**
   * @param message - what failed, with the server's message
   * @param status - the HTTP status of the answer (0 when nothing answered)
   * @param body - the parsed answer (JSON, or text when it was not JSON)
   */
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(message)
    this.name = 'EmulatorClientError'
  }
}

/** Every control-plane operation of a running emulator. Methods throw {@link EmulatorClientError} on failure. */
export interface EmulatorClient {
  /** The emulator's base URL. */
  readonly url: string
  /** Pools, apps, connections, config and clock. */
  info(): Promise<EmulatorInfo>
  /** SMS / e-mail codes, newest first, optionally for one target (phone number or e-mail) and channel. */
  codes(filter?: { target?: string; channel?: string }): Promise<VerificationCodeInfo[]>
  /** The newest code sent to a target (phone number without country code, or e-mail). Throws when there is none. */
  latestCode(target: string, channel?: string): Promise<VerificationCodeInfo>
  /** A fresh `wx.login` code for an openid (random when omitted), valid 5 minutes, single use. */
  mintLoginCode(input?: { openid?: string; unionid?: string }): Promise<MintedLoginCode>
  /** A fresh `getPhoneNumber` code for a phone number (country code default `86`). */
  mintPhoneCode(input: { phoneNumber: string; countryCode?: string }): Promise<MintedPhoneCode>
  /** Every simulated WeChat code, newest first. */
  wechatCodes(): Promise<WechatCodeInfo[]>
  /** Encrypts data with a WeChat or Douyin login code's session key the way the platform does (decryptData, user info, Douyin phone numbers). */
  encryptForCode(code: string, data: Record<string, unknown>): Promise<EncryptedWechatData>
  /** Mints a `tt.login` code (Douyin) for an openid (random when omitted); a Douyin user keeps one session key. */
  mintDouyinLoginCode(input?: { openid?: string; unionid?: string }): Promise<MintedLoginCode>
  /** The simulated Douyin login codes, newest first. */
  douyinCodes(): Promise<WechatCodeInfo[]>
  /** Creates a user (password, phone, e-mail, WeChat identity, profile fields). */
  createUser(input: NewUser): Promise<EmulatorUser>
  /** Users matching a query (`q` searches ids, names, e-mail, phone and openids). */
  users(query?: UserQuery & { q?: string; userPoolId?: string }): Promise<EmulatorUser[]>
  /** One user by id / username / e-mail / phone / openid string, or by query object; null when not found. */
  user(idOrQuery: string | UserQuery): Promise<EmulatorUser | null>
  /** Changes fields of a user (`null` clears). */
  updateUser(ref: string, patch: UserPatch): Promise<EmulatorUser>
  /** Deletes a user with its sessions and tokens. */
  deleteUser(ref: string): Promise<void>
  /** Sets (or, with null, removes) a user's password. */
  setPassword(ref: string, password: string | null): Promise<EmulatorUser>
  /** Sessions (logins) with their tokens and refresh-token families, newest first. */
  sessions(filter?: { userId?: string }): Promise<SessionInfo[]>
  /** Revokes a session: all its access, ID and refresh tokens. */
  revokeSession(id: string): Promise<SessionInfo>
  /** The request log; pass the last seen `id` as `since` to get only newer entries. */
  requests(filter?: { since?: number; limit?: number }): Promise<RequestLogEntry[]>
  /** Empties the request log. */
  clearRequests(): Promise<void>
  /** Back to the seeded state, initial config and clock, no faults. */
  reset(): Promise<void>
  /** All state as JSON, including the keys. */
  exportState(): Promise<StateSnapshot>
  /** Replaces all state with an export (object or JSON text). */
  importState(state: StateSnapshot | string): Promise<void>
  /** The emulator clock. */
  clock(): Promise<ClockInfo>
  /** Moves the emulator clock forward (or back, with a negative value). */
  shiftClock(ms: number): Promise<ClockInfo>
  /** Sets the clock offset from wall-clock time. */
  setClockOffset(ms: number): Promise<ClockInfo>
  /** Active faults. */
  faults(): Promise<Fault[]>
  /** Injects a fault into a route (exact path) or every route (`*`). */
  setFault(spec: FaultSpec): Promise<Fault>
  /** Removes one fault. */
  removeFault(id: string): Promise<void>
  /** Removes every fault. */
  clearFaults(): Promise<void>
  /** Reads the runtime config, or changes part of it and returns the result. */
  config(partial?: Partial<EmulatorConfig>): Promise<EmulatorConfig>
  /** Files stored by `/api/v2/upload`. */
  uploads(): Promise<UploadInfo[]>
}

type Query = Record<string, string | number | undefined>

function queryString(query: Query = {}): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value))
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** Options of {@link createEmulatorClient}. */
export interface EmulatorClientOptions {
  /** The control token printed in the banner of an emulator listening off loopback (sent as a bearer token). */
  token?: string
}

/** Creates a control-plane client for the emulator at `url` (e.g. `http://127.0.0.1:3000`). Uses global `fetch`. */
export function createEmulatorClient(url: string, options: EmulatorClientOptions = {}): EmulatorClient {
  const base = `${url.replace(/\/+$/, '')}/__emulator`
  const authorization: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {}

  async function call<T>(method: string, path: string, options: { body?: unknown; query?: Query } = {}): Promise<T> {
    let response: Response
    try {
      response = await fetch(`${base}${path}${queryString(options.query)}`, {
        method,
        headers: options.body === undefined ? authorization : { ...authorization, 'content-type': 'application/json' },
        body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
      })
    } catch (error) {
      // fetch reports a refused connection as "fetch failed"; the likely cause is an emulator that is not running.
      const refused = ((error as Error).cause as NodeJS.ErrnoException | undefined)?.code === 'ECONNREFUSED'
      if (!refused) throw error
      throw new EmulatorClientError(
        `${method} ${path || '/'}: nothing answers at ${url} (connection refused); is the emulator running?`,
        0,
        undefined,
      )
    }
    const text = await response.text()
    let body: unknown = text
    try {
      body = text ? JSON.parse(text) : undefined
    } catch {
      // keep the text
    }
    if (!response.ok) {
      const message = (body as { message?: string } | undefined)?.message ?? text
      throw new EmulatorClientError(`${method} ${path} failed (HTTP ${response.status}): ${message}`, response.status, body)
    }
    return body as T
  }

  const ref = (value: string) => `/users/${encodeURIComponent(value)}`
  const done = () => undefined

  return {
    url: url.replace(/\/+$/, ''),
    info: () => call('GET', ''),
    codes: (filter = {}) => call('GET', '/codes', { query: filter }),
    latestCode: (target, channel) => call('GET', '/codes/latest', { query: { target, channel } }),
    mintLoginCode: (input = {}) => call('POST', '/wechat/login-codes', { body: input }),
    mintPhoneCode: (input) => call('POST', '/wechat/phone-codes', { body: input }),
    wechatCodes: () => call('GET', '/wechat/codes'),
    encryptForCode: (code, data) => call('POST', '/wechat/encrypt', { body: { code, data } }),
    mintDouyinLoginCode: (input = {}) => call('POST', '/douyin/login-codes', { body: input }),
    douyinCodes: () => call('GET', '/douyin/codes'),
    createUser: (input) => call('POST', '/users', { body: input }),
    users: (query = {}) => call('GET', '/users', { query: { ...query } }),
    async user(idOrQuery) {
      if (typeof idOrQuery !== 'string') {
        const found = await call<EmulatorUser[]>('GET', '/users', { query: { ...idOrQuery } })
        return found[0] ?? null
      }
      try {
        return await call<EmulatorUser>('GET', ref(idOrQuery))
      } catch (error) {
        if (error instanceof EmulatorClientError && error.status === 404) return null
        throw error
      }
    },
    updateUser: (id, patch) => call('PATCH', ref(id), { body: patch }),
    deleteUser: (id) => call('DELETE', ref(id)).then(done),
    setPassword: (id, password) => call('PUT', `${ref(id)}/password`, { body: { password } }),
    sessions: (filter = {}) => call('GET', '/sessions', { query: filter }),
    revokeSession: (id) => call('POST', `/sessions/${encodeURIComponent(id)}/revoke`, { body: {} }),
    requests: (filter = {}) => call('GET', '/requests', { query: filter }),
    clearRequests: () => call('DELETE', '/requests').then(done),
    reset: () => call('POST', '/reset', { body: {} }).then(done),
    exportState: () => call('GET', '/state'),
    importState: (state) => call('PUT', '/state', { body: state }).then(done),
    clock: () => call('GET', '/clock'),
    shiftClock: (ms) => call('POST', '/clock', { body: { shiftMs: ms } }),
    setClockOffset: (ms) => call('POST', '/clock', { body: { offsetMs: ms } }),
    faults: () => call('GET', '/faults'),
    setFault: (spec) => call('POST', '/faults', { body: spec }),
    removeFault: (id) => call('DELETE', `/faults/${encodeURIComponent(id)}`).then(done),
    clearFaults: () => call('DELETE', '/faults').then(done),
    config: (partial) => (partial ? call('PATCH', '/config', { body: partial }) : call('GET', '/config')),
    uploads: () => call('GET', '/uploads'),
  }
}
