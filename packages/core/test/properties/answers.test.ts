// Whatever the network or the server does — a transport failure, a timeout, any HTTP status with any body (envelopes
// with odd fields, OAuth errors, HTML, cut-off or empty text, JSON that is not an object) — every operation resolves to a
// documented result, a failure carries the right code, and the login state in memory and in storage is the old one or
// the new one, never a mix, and is only cleared by logout or a refused refresh token.
import fc from 'fast-check'
import type { Authing, HttpResponse, LoginState } from '@authing/miniapp-core'
import { expectResult, settle } from '../contract'
import { setup } from '../harness'
import { awkwardString, runs, tally } from './arbitraries'

type Answer = { reject: string } | { plausible: keyof typeof PLAUSIBLE } | HttpResponse

const json = fc.jsonValue({ maxDepth: 3 })
const anyField = fc.oneof(json, fc.constant(undefined))

/** A body of any shape: Authing envelopes with any field values, OAuth errors, text, JSON that is not an object. */
const body = fc.oneof(
  fc.record(
    {
      statusCode: fc.oneof(fc.integer({ min: 100, max: 700 }), json),
      message: fc.oneof(awkwardString, json),
      apiCode: anyField,
      requestId: anyField,
      data: anyField,
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      error: fc.oneof(fc.constantFrom('invalid_grant', 'invalid_request', 'server_error'), json),
      error_description: fc.oneof(awkwardString, json),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    { code: fc.oneof(fc.integer({ min: 100, max: 700 }), json), message: fc.oneof(awkwardString, json), data: anyField },
    { requiredKeys: [] },
  ),
  fc.constantFrom('', ' ', '<html><body><h1>502 Bad Gateway</h1></body></html>', '{"statusCode":200,"da', 'null', '[]', '"ok"', '42'),
  awkwardString,
  json,
)

/** Answers a real server gives, built when the request arrives (tokens are issued by the fake server). */
const PLAUSIBLE = {
  tokens: (server: Server) => ({ status: 200, body: { statusCode: 200, message: 'ok', data: server.issue() } }),
  oauthTokens: (server: Server) => ({ status: 200, body: JSON.stringify(server.issue()) }),
  user: () => ({ status: 200, body: { statusCode: 200, message: 'ok', data: { userId: 'u1' } } }),
  uploaded: () => ({ status: 200, body: JSON.stringify({ code: 200, message: 'ok', data: { key: 'k', url: 'https://files/k.png' } }) }),
  keys: () => ({ status: 200, body: { rsa: { publicKey: 'RSA' }, sm2: { publicKey: '04SM2' } } }),
  invalidGrant: () => ({ status: 400, body: { error: 'invalid_grant', error_description: 'refresh token is invalid' } }),
  unauthorized: () => ({ status: 200, body: { statusCode: 401, apiCode: 2020, message: 'Not logged in' } }),
  refused: () => ({ status: 200, body: { statusCode: 403, apiCode: 2333, message: 'Account not exists or password is incorrect.' } }),
}
type Server = ReturnType<typeof setup>['server']

/** What the network and the server do with one request. */
const answer: fc.Arbitrary<Answer> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('request:fail timeout', 'request:fail net::ERR_CONNECTION_REFUSED', 'request:fail socket hang up')
      .map((reject) => ({ reject })),
  },
  { weight: 2, arbitrary: fc.constantFrom(...(Object.keys(PLAUSIBLE) as (keyof typeof PLAUSIBLE)[])).map((plausible) => ({ plausible })) },
  {
    weight: 5,
    arbitrary: fc.record({
      status: fc.oneof(fc.constantFrom(200, 400, 401, 404, 500, 502, 503), fc.integer({ min: 100, max: 599 })),
      body: fc.tuple(body, fc.boolean()).map(([value, asText]) => (asText && typeof value != 'string' ? JSON.stringify(value) : value)),
    }),
  },
)

interface Operation {
  route: string
  loggedIn: boolean
  run(authing: Authing): Promise<unknown>
  /** Whether an answer of the operation's route may change the state (and to what). */
  changes: 'no' | 'login' | 'refresh' | 'logout'
  expired?: boolean
}

const OPERATIONS: Record<string, Operation> = {
  login: {
    route: 'POST /api/v3/signin',
    loggedIn: true,
    changes: 'login',
    run: (a) => a.loginByPassword({ passwordPayload: { account: 'b', password: 'p' } }),
  },
  call: { route: 'GET /api/v3/get-profile', loggedIn: true, changes: 'refresh', run: (a) => a.getUserInfo() },
  refresh: { route: 'POST /oidc/token', loggedIn: true, changes: 'refresh', run: (a) => a.refreshToken() },
  automaticRefresh: {
    route: 'POST /oidc/token',
    loggedIn: true,
    changes: 'refresh',
    expired: true,
    run: (a) => a.updateUserInfo({ nickname: 'n' }),
  },
  logout: { route: 'POST /oidc/token/revocation', loggedIn: true, changes: 'logout', run: (a) => a.logout() },
  sendSms: {
    route: 'POST /api/v3/send-sms',
    loggedIn: false,
    changes: 'no',
    run: (a) => a.sendSms({ phoneNumber: '1', channel: 'CHANNEL_LOGIN' }),
  },
  publicKey: { route: 'GET /api/v3/system', loggedIn: false, changes: 'no', run: (a) => a.getPublicKey('sm2') },
  avatar: { route: 'POST /api/v2/upload', loggedIn: true, changes: 'no', run: (a) => a.updateAvatar() },
}

/** The body as the SDK reads it: an object, or JSON text of one. */
function parsed(body: unknown): Record<string, unknown> {
  try {
    const value = typeof body == 'string' ? JSON.parse(body) : body
    return value && typeof value == 'object' ? value : {}
  } catch {
    return {}
  }
}

const isReadable = (text: unknown) => typeof text == 'string' && text.trim() != ''
const outcomes = tally()

test.each(Object.keys(OPERATIONS))('%s: any answer gives a documented result and a whole login state', async (name) => {
  const operation = OPERATIONS[name]!
  await fc.assert(
    fc.asyncProperty(answer, async (given) => {
      const { authing, server, login, clock, storage, key } = setup({ timeout: 50 })
      const before = operation.loggedIn ? await login() : undefined
      let memory: LoginState | null | undefined = before // the state in memory, as the listeners are told
      authing.onLoginStateChange((state) => (memory = state))
      if (operation.expired) clock.now += 2 * 3600 * 1000
      let response: HttpResponse | undefined
      server.handlers[operation.route] = () => {
        // rejected as an adapter must: a timeout flagged as one
        if ('reject' in given) throw /timeout/.test(given.reject) ? { errMsg: given.reject, timeout: true } : { errMsg: given.reject }
        return (response = 'plausible' in given ? PLAUSIBLE[given.plausible](server) : given)
      }

      const result = await settle(() => operation.run(authing))

      const sent = parsed(response && response.body)
      expectResult(result, [sent.message, sent.error_description])
      const [error] = result as [Record<string, any> | null]
      outcomes.add(error ? error.code : 'ok')
      if (error && 'reject' in given && operation.changes != 'logout') {
        expect(error.code).toBe(/timeout/.test(given.reject) ? 'timeout' : 'network')
      }
      if (error && response && response.status >= 500 && error.code != 'session_expired') expect(error.code).toBe('server')
      if (error && error.code == 'api') {
        expect(error.statusCode).toEqual(expect.any(Number))
        expect(isReadable(error.message)).toBe(true)
      }
      if (error && error.code == 'session_expired') expect(sent.error).toBe('invalid_grant') // only a refused refresh token ends it
      if (operation.changes == 'logout') expect(result).toEqual([null, true])

      // The state: memory and storage agree, and it is the old one, a new one, or gone only when that is meant.
      const state = memory || undefined
      expect(storage.get(key)).toEqual(state)
      if (!state) {
        expect(operation.changes == 'logout' || (error && error.code == 'session_expired') || !before).toBeTruthy()
      } else if (state.access_token != before?.access_token) {
        expect(operation.changes).not.toBe('no')
        expect(server.valid.has(state.access_token)).toBe(true) // a new state is always one the server issued
      } else {
        expect(state).toEqual(before)
      }
    }),
    { numRuns: runs(60) },
  )
})

test('the answers were of every kind', () => {
  console.log('answers:', outcomes.counts)
  for (const code of ['ok', 'network', 'timeout', 'server', 'api', 'session_expired'])
    expect([code, outcomes.counts[code] || 0]).not.toEqual([code, 0])
})
