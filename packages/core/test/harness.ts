import { Authing, type Adapter, type AuthingOptions, type HttpRequest, type HttpResponse, type Platform } from '@authing/miniapp-core'

/** A request as the fake server saw it, with its body decoded. */
export interface Seen {
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string>
  json?: Record<string, any>
  form?: Record<string, string>
}

export type Handler = (request: Seen) => HttpResponse | Promise<HttpResponse>

export const APP_ID = 'app-1'
export const POOL_ID = 'pool-1'
export const HOST = 'https://auth.example.com'

export const envelope = (data?: unknown, statusCode = 200, extra: object = {}): HttpResponse => ({
  status: 200,
  body: JSON.stringify({ statusCode, message: statusCode == 200 ? 'ok' : 'failed', ...extra, ...(data === undefined ? {} : { data }) }),
})

/**
 * A small token server: logins hand out tokens, refresh rotates them, user APIs accept only the current access
 * token. Tests override single routes through `handlers`.
 */
export function createServer(clock: { now: number }) {
  let serial = 0
  const valid = new Set<string>()
  const refreshTokens = new Set<string>()
  const issue = (lifetime = 3600) => {
    serial++
    const access = `at-${serial}`
    const refresh = `rt-${serial}`
    valid.add(access)
    refreshTokens.add(refresh)
    return {
      access_token: access,
      id_token: `id-${serial}`,
      refresh_token: refresh,
      expires_in: lifetime,
      token_type: 'Bearer',
      scope: 'openid offline_access',
    }
  }
  const authorized = (request: Seen) => valid.has(request.headers.authorization)
  const handlers: Record<string, Handler> = {
    'GET /api/v3/system': () => ({ status: 200, body: { rsa: { publicKey: 'RSA-KEY' }, sm2: { publicKey: '04SM2KEY' } } }),
    'POST /api/v3/signin': () => envelope(issue()),
    'POST /api/v3/signin-by-mobile': () => envelope(issue()),
    'POST /oidc/token': (request) => {
      const token = request.form!.refresh_token
      if (!refreshTokens.delete(token)) {
        return { status: 400, body: JSON.stringify({ error: 'invalid_grant', error_description: 'refresh token is invalid' }) }
      }
      const tokens = issue()
      return { status: 200, body: JSON.stringify(tokens) }
    },
    'POST /oidc/token/revocation': (request) => {
      valid.delete(request.form!.token)
      refreshTokens.delete(request.form!.token)
      return { status: 200, body: '' }
    },
    'POST /api/v2/upload': () => ({
      status: 200,
      body: JSON.stringify({ code: 200, message: 'ok', data: { key: 'k', url: 'https://files/k.png' } }),
    }),
  }
  const userRoute = (request: Seen) =>
    authorized(request) ? envelope({ userId: 'u1', path: request.path, json: request.json }) : envelope(undefined, 401, { apiCode: 2020 })

  return {
    handlers,
    valid,
    refreshTokens,
    issue,
    handle(request: Seen): HttpResponse | Promise<HttpResponse> {
      const handler = handlers[`${request.method} ${request.path}`]
      if (handler) return handler(request)
      if (request.headers.authorization !== undefined) return userRoute(request)
      return envelope({ path: request.path, json: request.json })
    },
    clock,
  }
}

function decode(request: HttpRequest): Seen {
  const url = new URL(request.url)
  const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]))
  const seen: Seen = { method: request.method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers }
  if (request.body !== undefined) {
    if (headers['content-type'] == 'application/x-www-form-urlencoded') seen.form = Object.fromEntries(new URLSearchParams(request.body))
    else seen.json = JSON.parse(request.body)
  }
  return seen
}

/** An in-memory adapter that records every platform call. */
export function createAdapter(server: ReturnType<typeof createServer>) {
  const calls: string[] = []
  const requests: Seen[] = []
  const storage = new Map<string, unknown>()
  const faults: { request?: unknown; storage?: unknown } = {}
  let codes = 0
  const clone = (value: unknown) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)))
  const adapter: Adapter = {
    async request(request) {
      calls.push('request')
      const seen = decode(request)
      requests.push(seen)
      await Promise.resolve()
      if (faults.request) throw faults.request
      return server.handle(seen)
    },
    storage: {
      async getItem(key) {
        calls.push('getItem')
        if (faults.storage) throw faults.storage
        return clone(storage.get(key))
      },
      async setItem(key, value) {
        calls.push('setItem')
        if (faults.storage) throw faults.storage
        storage.set(key, clone(value))
      },
      async removeItem(key) {
        calls.push('removeItem')
        if (faults.storage) throw faults.storage
        storage.delete(key)
      },
    },
    async login() {
      calls.push('login')
      return `code-${++codes}`
    },
    async chooseImage() {
      calls.push('chooseImage')
      return '/tmp/avatar.png'
    },
    async uploadFile(upload) {
      calls.push('uploadFile')
      const url = new URL(upload.url)
      requests.push({ method: 'POST', path: url.pathname, query: Object.fromEntries(url.searchParams), headers: {} })
      return server.handle({ method: 'POST', path: url.pathname, query: {}, headers: {} })
    },
    async getRandomValues(length) {
      calls.push('getRandomValues')
      return new Uint8Array(length).fill(7)
    },
  }
  return { adapter, calls, requests, storage, faults }
}

/** A client on a fake server with a controllable clock; `protocol`: the platform the adapter says it is. */
export function setup(options: Partial<AuthingOptions> = {}, protocol?: Platform) {
  const clock = { now: 1_700_000_000_000 }
  const server = createServer(clock)
  const platform = createAdapter(server)
  platform.adapter.platform = protocol
  const authing = new Authing({ appId: APP_ID, userPoolId: POOL_ID, host: HOST, now: () => clock.now, ...options }, platform.adapter)
  const key = `authing:${APP_ID}:login-state`
  const login = async () => {
    const [error, state] = await authing.loginByPassword({ passwordPayload: { account: 'alice', password: 'pw' } })
    if (error) throw new Error(error.message)
    platform.calls.length = 0
    platform.requests.length = 0
    return state
  }
  return { authing, clock, server, ...platform, key, login }
}

/** A promise the test settles by hand, to hold an answer until the test has changed something meanwhile. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<T>((settleWith, failWith) => ((resolve = settleWith), (reject = failWith)))
  return { promise, resolve, reject }
}

/**
 * Holds the server's answer to the next request on `route` (e.g. `POST /oidc/token`): `reached` resolves when the
 * request arrives; `release()` lets the route answer as it would have, or with `answer` when given. Later requests
 * on the route are answered at once.
 */
export function holdNext(server: ReturnType<typeof createServer>, route: string, answer?: HttpResponse) {
  const reached = deferred()
  const released = deferred()
  const original = server.handlers[route]
  server.handlers[route] = async (request) => {
    if (original) server.handlers[route] = original
    else delete server.handlers[route]
    reached.resolve()
    await released.promise
    return answer || server.handle(request)
  }
  return { reached: reached.promise, release: () => released.resolve() }
}
