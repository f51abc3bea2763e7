// Generated malformed requests on every route of a real emulator: bodies that are not JSON, of the wrong content type,
// of the wrong shape or types, too long, too large or empty; missing, unknown or garbage app ids, pool ids and tokens;
// unknown routes and methods; broken multipart and query strings. Every request is wrong in at least one way, so:
// every answer is a 4xx in the format of its route (the Authing envelope, or { error, error_description } on /oidc/*,
// { code, message } for uploads, the control plane's own), never a 5xx or a dropped connection, and afterwards the
// emulator still serves a normal login. The generated requests are plain data, printed when a property fails.
import fc from 'fast-check'
import { runs, tally } from '../../core/test/properties/arbitraries'
import { sharedKeys } from '../src/crypto/keys'
import { Emulator } from '../src/emulator'
import { buildServer } from '../src/server'
import { accessRules } from '../src/server/access'
import { DEMO, loginDemo, UUID, useEmulator } from './helpers'

const emulator = useEmulator()

type Family = 'v3' | 'oauth' | 'upload' | 'control'
type Identity = 'app' | 'pool' | 'token' | 'client'

interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH'
  path: string
  family: Family
  /** Who the route needs to know; a request without it, or with an unknown one, fails. */
  identity?: Identity
  /**
   * A body of the right types (only ever sent with something else wrong). Its required fields and its string fields
   * are read from the route's schema.
   */
  body?: Record<string, unknown>
  /** Sent form-urlencoded rather than as JSON. */
  form?: boolean
  /** Other methods the path answers to (never "wrong"). */
  alsoAccepts?: string[]
}

const email = 'fuzz@example.com'
const ROUTES: Route[] = [
  {
    method: 'POST',
    path: '/api/v3/signin',
    family: 'v3',
    identity: 'app',
    body: { connection: 'PASSWORD', passwordPayload: { account: 'demo', password: 'x' } },
  },
  {
    method: 'POST',
    path: '/api/v3/signin-by-mobile',
    family: 'v3',
    identity: 'app',
    body: {
      connection: 'wechat_mini_program_code',
      extIdpConnidentifier: DEMO.extIdpConnidentifier,
      wechatMiniProgramCodePayload: { code: 'mock:o-fuzz' },
    },
  },
  {
    method: 'POST',
    path: '/api/v3/send-sms',
    family: 'v3',
    identity: 'pool',
    body: { phoneNumber: '13800000000', channel: 'CHANNEL_LOGIN' },
  },
  {
    method: 'POST',
    path: '/api/v3/send-email',
    family: 'v3',
    identity: 'pool',
    body: { email, channel: 'CHANNEL_LOGIN' },
  },
  {
    method: 'POST',
    path: '/api/v3/get-wechat-miniprogram-phone',
    family: 'v3',
    identity: 'pool',
    body: { extIdpConnidentifier: DEMO.extIdpConnidentifier, code: 'c' },
  },
  {
    method: 'POST',
    path: '/api/v3/decrypt-wechat-miniprogram-data',
    family: 'v3',
    identity: 'pool',
    body: { extIdpConnidentifier: DEMO.extIdpConnidentifier, encryptedData: 'e', iv: 'i', code: 'c' },
  },
  { method: 'GET', path: '/api/v3/get-profile', family: 'v3', identity: 'token' },
  {
    method: 'POST',
    path: '/api/v3/update-profile',
    family: 'v3',
    identity: 'token',
    body: { nickname: 'n', city: 'c' },
  },
  {
    method: 'POST',
    path: '/api/v3/update-password',
    family: 'v3',
    identity: 'token',
    body: { newPassword: 'x' },
  },
  {
    method: 'POST',
    path: '/api/v3/bind-email',
    family: 'v3',
    identity: 'token',
    body: { email, passCode: '1' },
  },
  {
    method: 'POST',
    path: '/api/v3/verify-update-email-request',
    family: 'v3',
    identity: 'token',
    body: { verifyMethod: 'EMAIL_PASSCODE', emailPassCodePayload: { newEmail: email, newEmailPassCode: '1' } },
  },
  {
    method: 'POST',
    path: '/api/v3/update-email',
    family: 'v3',
    identity: 'token',
    body: { updateEmailToken: 't' },
  },
  {
    method: 'POST',
    path: '/api/v3/bind-phone',
    family: 'v3',
    identity: 'token',
    body: { phoneNumber: '13900000000', passCode: '1' },
  },
  {
    method: 'POST',
    path: '/api/v3/verify-update-phone-request',
    family: 'v3',
    identity: 'token',
    body: { verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { newPhoneNumber: '13900000000', newPhonePassCode: '1' } },
  },
  {
    method: 'POST',
    path: '/api/v3/update-phone',
    family: 'v3',
    identity: 'token',
    body: { updatePhoneToken: 't' },
  },
  {
    method: 'POST',
    path: '/api/v3/verify-delete-account-request',
    family: 'v3',
    identity: 'token',
    body: { verifyMethod: 'EMAIL_PASSCODE', emailPassCodePayload: { email, passCode: '1' } },
  },
  {
    method: 'POST',
    path: '/api/v3/delete-account',
    family: 'v3',
    identity: 'token',
    body: { deleteAccountToken: 't' },
  },
  {
    method: 'POST',
    path: '/api/v3/get-wechat-access-token',
    family: 'v3',
    identity: 'token',
    body: { appId: 'wx', appSecret: 's' },
  },
  {
    method: 'POST',
    path: '/api/v3/get-wechat-access-token-info',
    family: 'v3',
    identity: 'token',
    body: { appId: 'wx', appSecret: 's' },
  },
  {
    method: 'POST',
    path: '/connections/social/wechat-miniprogram/bind',
    family: 'v3',
    identity: 'token',
    body: { code: 'c' },
  },
  { method: 'GET', path: '/api/v3/system', family: 'v3' },
  // A refresh token nobody issued: wrong whatever else is right.
  {
    method: 'POST',
    path: '/oidc/token',
    family: 'oauth',
    identity: 'client',
    body: { grant_type: 'refresh_token', refresh_token: 'never-issued' },
    form: true,
  },
  { method: 'POST', path: '/oidc/token/revocation', family: 'oauth', body: { token: 'x' }, form: true },
  { method: 'GET', path: '/oidc/.well-known/jwks.json', family: 'oauth' },
  { method: 'GET', path: '/oidc/.well-known/openid-configuration', family: 'oauth' },
  { method: 'POST', path: '/api/v2/upload?folder=avatar', family: 'upload' },
  // The control plane takes its input literally: only requests it cannot parse are wrong for sure.
  { method: 'POST', path: '/__emulator/users', family: 'control', alsoAccepts: ['GET'] },
  { method: 'POST', path: '/__emulator/wechat/login-codes', family: 'control' },
  { method: 'POST', path: '/__emulator/faults', family: 'control', alsoAccepts: ['GET', 'DELETE'] },
  { method: 'POST', path: '/__emulator/clock', family: 'control', alsoAccepts: ['GET'] },
  { method: 'POST', path: '/__emulator/reset', family: 'control' },
  { method: 'PATCH', path: '/__emulator/config', family: 'control', alsoAccepts: ['GET'] },
  { method: 'PUT', path: '/__emulator/state', family: 'control', alsoAccepts: ['GET'] },
]

/** How a request is wrong. Plain data: fast-check prints it when a property fails. */
type Wrong =
  | { kind: 'bad JSON'; text: string }
  | { kind: 'wrong content type'; contentType: string; text: string }
  | { kind: 'no content type'; text: string }
  | { kind: 'too large'; bytes: number }
  | { kind: 'not an object'; json: unknown }
  | { kind: 'required field missing'; field: string; empty: boolean }
  | { kind: 'wrong type'; field: string; value: unknown }
  | { kind: 'too long'; field: string; length: number }
  | { kind: 'empty body' }
  | { kind: 'caller'; how: 'missing' | 'unknown' | 'garbage'; value: string }
  | { kind: 'query'; query: string }
  | { kind: 'unknown route'; path: string }
  | { kind: 'wrong method'; method: string }
  | { kind: 'broken multipart'; text: string; boundary: string }

interface Case {
  route: number
  wrong: Wrong
  /** Headers of no consequence, added to every request. */
  noise: [string, string][]
  /** On routes that need a user, send the demo user's valid token (the request is wrong in another way). */
  validToken: boolean
}

const notJson = fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }).filter((text) => {
  try {
    JSON.parse(text)
    return false
  } catch {
    return true
  }
})
const text = fc.oneof(
  notJson,
  fc.jsonValue().map((value) => JSON.stringify(value)),
)
const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 60 })
const noise = fc.array(
  fc.tuple(
    fc.oneof(
      fc.constantFrom(
        'accept',
        'accept-language',
        'user-agent',
        'x-forwarded-for',
        'cookie',
        'origin',
        'referer',
        'x-authing-request-from',
        'x-authing-sdk-version',
      ),
      fc.stringMatching(/^x-[a-z0-9-]{1,20}$/),
    ),
    headerText.map((value) => value.trim()),
  ),
  { maxLength: 3 },
)
const wrongJsonType = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 2 }),
)

/** The part of a JSON schema the cases are read from. */
interface JsonSchema {
  type?: string | string[]
  enum?: unknown[]
  maxLength?: number
  properties?: Record<string, JsonSchema>
  required?: string[]
}

/** The body schema of every route (`POST /api/v3/signin` → schema), exactly as the server validates requests. */
async function bodySchemas(): Promise<Map<string, JsonSchema>> {
  const app = buildServer(new Emulator({ logger: false }, await sharedKeys()), accessRules({}))
  const schemas = new Map<string, JsonSchema>()
  app.addHook('onRoute', (route) => {
    const body = (route.schema as { body?: JsonSchema } | undefined)?.body
    for (const method of [route.method].flat()) if (body) schemas.set(`${method} ${route.url}`, body)
  })
  await app.ready()
  await app.close()
  return schemas
}

/** Dotted paths of the string fields limited to 4096 characters (or to fixed values) whose parents `body` has. */
function stringFields(schema: JsonSchema, body: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, field]) => {
    const path = `${prefix}${name}`
    if (field.type === 'string' && (field.enum !== undefined || field.maxLength === 4096)) return [path]
    const child = body[name]
    if (field.type !== 'object' || !child || typeof child !== 'object') return []
    return stringFields(field, child as Record<string, unknown>, `${path}.`)
  })
}

/** The ways a request to `route` can be wrong; `schema` is its body schema (required when it has a sample body). */
function wrongFor(route: Route, schema: JsonSchema | undefined): fc.Arbitrary<Wrong> {
  const ways: fc.Arbitrary<Wrong>[] = [
    fc
      .stringMatching(/^\/[a-z0-9/_-]{1,30}$/)
      .map((path) => ({ kind: 'unknown route' as const, path: `${route.path.split('?')[0]}${path}` })),
    fc
      .constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE')
      .filter((method) => method != route.method && !(route.alsoAccepts || []).includes(method))
      .map((method) => ({ kind: 'wrong method' as const, method })),
  ]
  if (route.method != 'GET') {
    const contentTypes = [
      'text/plain',
      'application/xml',
      'text/html',
      'application/octet-stream',
      'image/png',
      'application/jsonx',
      'multipart/form-data; boundary=x',
    ]
    ways.push(
      notJson.map((text) => ({ kind: 'bad JSON' as const, text })),
      fc
        .tuple(
          fc.constantFrom(
            ...contentTypes.concat(route.family == 'oauth' || route.family == 'upload' ? [] : ['application/x-www-form-urlencoded']),
          ),
          text,
        )
        .map(([contentType, text]) => ({ kind: 'wrong content type' as const, contentType, text })),
      text.map((text) => ({ kind: 'no content type' as const, text })),
    )
  }
  if (route.method != 'GET' && route.family != 'control') {
    ways.push(
      fc.integer({ min: 1024 * 1024 + 1, max: 1536 * 1024 }).map((bytes) => ({ kind: 'too large' as const, bytes })),
      fc
        .oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.string(), fc.array(fc.jsonValue(), { maxLength: 3 }))
        .map((json) => ({ kind: 'not an object' as const, json })),
    )
  }
  if (route.body && !schema) throw new Error(`${route.method} ${route.path} has a sample body but no body schema`)
  const required = route.body ? (schema?.required ?? []) : []
  const strings = route.body && schema ? stringFields(schema, route.body) : []
  if (required.length > 0) {
    ways.push(fc.record({ kind: fc.constant('required field missing' as const), field: fc.constantFrom(...required), empty: fc.boolean() }))
    if (!route.form) ways.push(fc.constant({ kind: 'empty body' as const }))
  }
  if (strings.length > 0) {
    ways.push(
      fc.record({ kind: fc.constant('wrong type' as const), field: fc.constantFrom(...strings), value: wrongJsonType }),
      fc.record({
        kind: fc.constant('too long' as const),
        field: fc.constantFrom(...strings),
        length: fc.integer({ min: 4097, max: 20_000 }),
      }),
    )
  }
  if (route.identity) {
    const value = fc.oneof(fc.stringMatching(/^[A-Za-z0-9._~+/=-]{1,200}$/), fc.constantFrom('Bearer', 'Bearer ', 'null', 'undefined', '0'))
    ways.push(fc.record({ kind: fc.constant('caller' as const), how: fc.constantFrom('missing', 'unknown', 'garbage'), value }))
  }
  if (route.path == '/api/v3/get-profile') {
    ways.push(
      fc
        .tuple(
          fc.constantFrom('withCustomData', 'withIdentities', 'withDepartmentIds'),
          fc.stringMatching(/^[A-Za-z0-9]{1,10}$/).filter((flag) => flag != 'true' && flag != 'false'),
        )
        .map(([name, flag]) => ({ kind: 'query' as const, query: `${name}=${flag}` })),
    )
  }
  if (route.family == 'upload') {
    ways.push(
      fc
        .stringMatching(/^[^A-Za-z0-9_-]{1,10}$/)
        .map((folder) => ({ kind: 'query' as const, query: `folder=${encodeURIComponent(folder)}` })),
      fc
        .tuple(text, fc.stringMatching(/^[a-z0-9]{1,20}$/))
        .map(([body, boundary]) => ({ kind: 'broken multipart' as const, text: body, boundary })),
    )
  }
  return fc.oneof(...ways)
}

let cases: fc.Arbitrary<Case>
beforeAll(async () => {
  const schemas = await bodySchemas()
  const wrong = ROUTES.map((route) => wrongFor(route, schemas.get(`${route.method} ${route.path.split('?')[0]}`)))
  cases = fc.oneof(
    ...ROUTES.map((_route, index) => fc.record({ route: fc.constant(index), wrong: wrong[index]!, noise, validToken: fc.boolean() })),
  )
})

/** Sets or removes the field at a dotted path of a copy of `body`. */
function withField(body: Record<string, unknown>, path: string, change: (parent: Record<string, unknown>, name: string) => void) {
  const copy = JSON.parse(JSON.stringify(body)) as Record<string, unknown>
  const names = path.split('.')
  const parent = names.slice(0, -1).reduce((node, name) => node[name] as Record<string, unknown>, copy)
  change(parent, names[names.length - 1]!)
  return copy
}

let token: Promise<string> | undefined
/** The demo user's access token, from one login per test. */
const demoToken = () => (token ||= loginDemo(emulator(), 'openid profile').then((tokens) => tokens.access_token))
beforeEach(() => (token = undefined))

/** The request of a case: method, URL, headers and body. */
async function requestOf({ route: index, wrong, noise: extra, validToken }: Case) {
  const route = ROUTES[index]!
  const headers: Record<string, string> = Object.fromEntries(extra)
  if (route.identity == 'app' || route.identity == 'client') headers['x-authing-app-id'] = DEMO.appId
  if (route.identity == 'pool' || route.identity == 'token') headers['x-authing-userpool-id'] = DEMO.userPoolId
  if (route.identity == 'token') headers.authorization = validToken ? await demoToken() : 'not-a-token'
  let method: string = route.method
  let path = route.path
  let body: string | Blob | undefined
  let fields = route.body
  const encode = (value: unknown) => {
    if (route.form && value && typeof value == 'object' && !Array.isArray(value)) {
      headers['content-type'] = 'application/x-www-form-urlencoded'
      return new URLSearchParams(value as Record<string, string>).toString()
    }
    headers['content-type'] = 'application/json'
    return JSON.stringify(value)
  }
  switch (wrong.kind) {
    case 'bad JSON':
      headers['content-type'] = 'application/json'
      body = wrong.text
      break
    case 'wrong content type':
      headers['content-type'] = wrong.contentType
      body = wrong.text
      break
    case 'no content type':
      body = new Blob([wrong.text])
      break
    case 'too large':
      headers['content-type'] = 'application/json'
      body = JSON.stringify({ ...fields, pad: 'x'.repeat(wrong.bytes) })
      break
    case 'not an object':
      headers['content-type'] = 'application/json'
      body = JSON.stringify(wrong.json)
      break
    case 'required field missing':
      fields = withField(fields!, wrong.field, (parent, name) => (wrong.empty ? (parent[name] = '') : delete parent[name]))
      break
    case 'wrong type':
      headers['content-type'] = 'application/json' // form fields are always strings: a wrong type needs JSON
      body = JSON.stringify(withField(fields!, wrong.field, (parent, name) => (parent[name] = wrong.value)))
      break
    case 'too long':
      fields = withField(fields!, wrong.field, (parent, name) => (parent[name] = 'x'.repeat(wrong.length)))
      break
    case 'empty body':
      headers['content-type'] = 'application/json'
      body = ''
      break
    case 'caller': {
      const name = { app: 'x-authing-app-id', client: 'x-authing-app-id', pool: 'x-authing-userpool-id', token: 'authorization' }[
        route.identity!
      ]
      if (wrong.how == 'missing') delete headers[name]
      else headers[name] = wrong.how == 'garbage' && route.identity == 'token' ? `Bearer ${wrong.value}` : `fuzz-${wrong.value}`
      break
    }
    case 'query':
      path = `${path.split('?')[0]}?${wrong.query}`
      break
    case 'unknown route':
      path = wrong.path
      break
    case 'wrong method':
      method = wrong.method
      break
    case 'broken multipart':
      headers['content-type'] = `multipart/form-data; boundary=${wrong.boundary}`
      body = wrong.text
      break
  }
  if (body === undefined && fields && method != 'GET' && method != 'HEAD') body = encode(fields)
  if (route.family == 'upload' && body === undefined && method == 'POST') {
    headers['content-type'] = 'multipart/form-data; boundary=b0undary'
    body =
      '--b0undary\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nPNG\r\n--b0undary--\r\n'
  }
  return { method, url: `${emulator().url}${path}`, headers, body: method == 'GET' || method == 'HEAD' ? undefined : body }
}

/** The family of the route a path belongs to, as the emulator decides it. */
function familyOf(path: string): Family {
  if (path.startsWith('/__emulator')) return 'control'
  if (/^(\/[^/]+)?\/oidc\//.test(path)) return 'oauth'
  if (path.startsWith('/api/v2/upload') || path.startsWith('/uploads/')) return 'upload'
  return 'v3'
}

/** Throws unless the answer is a 4xx in the format of its route family. */
function expectRefusal(family: Family, status: number, text: string) {
  expect(status).toBeGreaterThanOrEqual(200)
  expect(status).toBeLessThan(500)
  if (status == 204 || text == '') throw new Error(`an empty ${status} answer`)
  const body = JSON.parse(text) as Record<string, unknown>
  const message = (value: unknown) => expect(typeof value == 'string' && value.trim() != '').toBe(true)
  let inner: unknown = status
  switch (family) {
    case 'v3':
      expect(Object.keys(body).sort()).toEqual(expect.arrayContaining(['message', 'requestId', 'statusCode']))
      expect(body.requestId).toMatch(UUID)
      message(body.message)
      inner = body.statusCode
      if (status != 200) expect(body.statusCode).toBe(status) // unparsable requests: the envelope says what HTTP says
      break
    case 'oauth':
      expect(Object.keys(body).sort()).toEqual(['error', 'error_description'])
      expect(body.error).toMatch(/^[a-z_]+$/)
      message(body.error_description)
      break
    case 'upload':
      expect(Object.keys(body).sort()).toEqual(['code', 'message'])
      message(body.message)
      inner = body.code
      break
    case 'control':
      expect(Object.keys(body).sort()).toEqual(['message', 'statusCode'])
      message(body.message)
      inner = body.statusCode
      break
  }
  expect(inner).toBeGreaterThanOrEqual(400)
  expect(inner).toBeLessThan(500)
}

const seen = tally()
const FUZZ_RUNS = runs(500)

test(`${FUZZ_RUNS} generated malformed requests on ${ROUTES.length} routes: each a 4xx in its route's format`, async () => {
  await fc.assert(
    fc.asyncProperty(cases, async (generated) => {
      const request = await requestOf(generated)
      const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body })
      seen.add(generated.wrong.kind)
      expectRefusal(familyOf(new URL(request.url).pathname), response.status, await response.text())
    }),
    { numRuns: FUZZ_RUNS },
  )
  expect(Object.keys(seen.counts).length).toBeGreaterThanOrEqual(12)
})

test('malformed requests arriving together are answered the same way', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(cases, { minLength: 10, maxLength: 30 }), async (batch) => {
      const requests = await Promise.all(batch.map(requestOf))
      const answers = await Promise.all(
        requests.map(async (request) => {
          const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body })
          return { family: familyOf(new URL(request.url).pathname), status: response.status, text: await response.text() }
        }),
      )
      for (const { family, status, text } of answers) expectRefusal(family, status, text)
      for (const generated of batch) seen.add(generated.wrong.kind)
    }),
    { numRuns: runs(8) },
  )
})

test('the emulator kept serving: nothing in its log failed with a 5xx, and a normal login works', async () => {
  console.log(`emulator fuzz: ${seen.total()} malformed requests, all refused with a 4xx`, seen.counts)
  const log = await emulator().client.requests({ limit: 1000 })
  expect(
    log.filter((entry) => entry.status >= 500 || entry.status == 0).map((entry) => `${entry.method} ${entry.path}: ${entry.error}`),
  ).toEqual([])
  const tokens = await loginDemo(emulator())
  expect(tokens.access_token).toEqual(expect.any(String))
  expect((await fetch(`${emulator().url}/api/v3/system`)).status).toBe(200)
})
