// Table-driven robustness check: malformed requests of every kind, on every route family, must get a 4xx answer
// in the route's own format with a clear message — never a crash or a 500 — and the server must keep serving.
import { DEMO, DEMO_USER, loginDemo, UUID, useEmulator } from './helpers'

const emulator = useEmulator()

type Family = 'v3' | 'oauth' | 'upload' | 'control'

interface Row {
  name: string
  path: string
  method?: string
  /** A string is sent as is, anything else JSON-encoded; a Blob goes without a content-type. */
  body?: unknown
  contentType?: string
  headers?: Record<string, string>
  /** Send the demo user's access token. */
  auth?: boolean
  /** Expected HTTP status, and the status inside the answer (V3 `statusCode`, upload `code`). */
  http: number
  status?: number
  family?: Family
  message?: string | RegExp
}

const JSON_TYPE = 'application/json'
const signin = '/api/v3/signin'
const mobile = '/api/v3/signin-by-mobile'
const app = { 'x-authing-app-id': DEMO.appId }
const pool = { 'x-authing-userpool-id': DEMO.userPoolId }
const login = (extra: Record<string, unknown>) => ({
  connection: 'PASSWORD',
  passwordPayload: { account: 'demo', password: 'x' },
  ...extra,
})
const multipart = (parts: string, boundary = 'b0undary') => `--${boundary}\r\n${parts}\r\n--${boundary}--\r\n`
const deep = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`

/** Business-level validation: HTTP 200 with the envelope carrying 400 (as Authing answers). */
const invalid = (name: string, path: string, body: unknown, message: string | RegExp, extra: Partial<Row> = {}): Row => ({
  name,
  path,
  body,
  headers: path === signin || path === mobile ? app : pool,
  http: 200,
  status: 400,
  message,
  ...extra,
})

const ROWS: Row[] = [
  // Bodies that cannot be parsed: a real HTTP 4xx with the same envelope.
  { name: 'invalid JSON', path: signin, body: '{bad', http: 400, status: 400, message: 'Request body is not valid JSON' },
  { name: 'cut-off JSON', path: signin, body: '{"connection":"PASS', http: 400, status: 400, message: /not valid JSON/ },
  { name: 'prototype pollution', path: signin, body: '{"__proto__":{"admin":true}}', http: 400, status: 400 },
  {
    name: 'text/plain',
    path: signin,
    body: 'connection=PASSWORD',
    contentType: 'text/plain',
    http: 415,
    status: 415,
    message: 'Unsupported content type "text/plain"',
  },
  {
    name: 'form-urlencoded on a JSON route',
    path: signin,
    body: 'connection=PASSWORD',
    contentType: 'application/x-www-form-urlencoded',
    http: 415,
    status: 415,
  },
  {
    name: 'multipart on a JSON route',
    path: signin,
    body: multipart('Content-Disposition: form-data; name="a"\r\n\r\nb'),
    contentType: 'multipart/form-data; boundary=b0undary',
    http: 415,
    status: 415,
  },
  {
    name: 'a body without content-type',
    path: signin,
    body: new Blob(['{"connection":"PASSWORD"}']),
    http: 415,
    status: 415,
    message: /\(none\)/,
  },
  {
    name: 'a 2 MiB body',
    path: signin,
    body: JSON.stringify({ connection: 'PASSWORD', pad: 'x'.repeat(2 * 1024 * 1024) }),
    http: 413,
    status: 413,
    message: /too large/,
  },
  {
    name: 'JSON nested 100000 deep',
    path: signin,
    body: deep(100000),
    http: 200,
    status: 400,
    message: 'connection should not be empty',
    headers: app,
  },
  { name: 'charset in the content type', path: signin, body: '{', contentType: 'application/json; charset=utf-8', http: 400, status: 400 },

  // Parsed, but the wrong shape or types: HTTP 200, envelope 400 naming the field.
  invalid('a JSON array', signin, [1, 2], 'request body must be an object'),
  invalid('JSON null', signin, 'null', 'request body must be an object'),
  invalid('a JSON string', signin, '"PASSWORD"', 'request body must be an object'),
  invalid('a JSON number', signin, '42', 'request body must be an object'),
  invalid('an empty object', signin, {}, 'connection should not be empty'),
  invalid('an empty body', signin, '', 'connection should not be empty'),
  invalid('a number for a string', signin, { connection: 7 }, 'connection must be a string'),
  invalid('an unknown enum value', signin, { connection: 'MAGIC' }, 'connection must be one of: PASSWORD, PASSCODE'),
  invalid('null for an object', signin, login({ passwordPayload: null }), 'passwordPayload must be an object'),
  invalid('an array for an object', signin, login({ passwordPayload: [] }), 'passwordPayload must be an object'),
  invalid(
    'a nested number for a string',
    signin,
    login({ passwordPayload: { account: 'demo', password: 123 } }),
    'passwordPayload.password must be a string',
  ),
  invalid(
    'a nested object for a string',
    signin,
    login({ passwordPayload: { account: {}, password: 'x' } }),
    'passwordPayload.account must be a string',
  ),
  invalid('a string for options', signin, login({ options: 'scope' }), 'options must be an object'),
  invalid('a string for a boolean', signin, login({ options: { autoRegister: 'yes' } }), 'options.autoRegister must be a boolean'),
  invalid(
    'an unknown encrypt type',
    signin,
    login({ options: { passwordEncryptType: 'aes' } }),
    'options.passwordEncryptType must be one of: none, rsa, sm2',
  ),
  invalid('an array for scope', signin, login({ options: { scope: ['openid'] } }), 'options.scope must be a string'),
  invalid(
    'a 5000-character password',
    signin,
    login({ passwordPayload: { account: 'demo', password: 'x'.repeat(5000) } }),
    /passwordPayload\.password is too long/,
  ),
  invalid('no app header', signin, login({}), 'x-authing-app-id should not be empty', { headers: {} }),
  {
    name: 'an unknown app (header name in capitals)',
    path: signin,
    body: login({}),
    headers: { 'X-AUTHING-APP-ID': 'nope' },
    http: 200,
    status: 404,
    message: /App "nope" does not exist/,
  },
  invalid(
    'no extIdpConnidentifier',
    mobile,
    { connection: 'wechat_mini_program_code', wechatMiniProgramCodePayload: { code: 'mock:o' } },
    'extIdpConnidentifier should not be empty',
  ),
  invalid(
    'a string for the code payload',
    mobile,
    { connection: 'wechat_mini_program_code', extIdpConnidentifier: 'wechat-miniprogram', wechatMiniProgramCodePayload: 'mock:o' },
    'wechatMiniProgramCodePayload must be an object',
  ),
  invalid(
    'an unsupported mobile connection',
    mobile,
    { connection: 'alipay_mini_program_code', extIdpConnidentifier: 'x' },
    /connection must be one of: wechat_mini_program_code/,
  ),
  invalid(
    'a number for phoneNumber',
    '/api/v3/send-sms',
    { phoneNumber: 13800000000, channel: 'CHANNEL_LOGIN' },
    'phoneNumber must be a string',
  ),
  invalid(
    'letters for phoneNumber',
    '/api/v3/send-sms',
    { phoneNumber: 'call me', channel: 'CHANNEL_LOGIN' },
    /phoneNumber is not a valid phone number/,
  ),
  invalid(
    'a bad country code',
    '/api/v3/send-sms',
    { phoneNumber: '13800000000', channel: 'CHANNEL_LOGIN', phoneCountryCode: 'china' },
    /phoneCountryCode is not a valid country code/,
  ),
  invalid('an array for email', '/api/v3/send-email', { email: ['a@b.co'], channel: 'CHANNEL_LOGIN' }, 'email must be a string'),
  invalid(
    'no pool header',
    '/api/v3/send-email',
    { email: 'a@b.co', channel: 'CHANNEL_LOGIN' },
    'x-authing-userpool-id should not be empty',
    { headers: {} },
  ),
  invalid(
    'null for code',
    '/api/v3/get-wechat-miniprogram-phone',
    { extIdpConnidentifier: 'wechat-miniprogram', code: null },
    'code must be a string',
  ),
  invalid(
    'no iv',
    '/api/v3/decrypt-wechat-miniprogram-data',
    { extIdpConnidentifier: 'wechat-miniprogram', code: 'c', encryptedData: 'e' },
    'iv should not be empty',
  ),
  {
    name: 'a user route without a token',
    method: 'GET',
    path: '/api/v3/get-profile',
    headers: pool,
    http: 200,
    status: 401,
    message: /Authorization header is missing/,
  },
  invalid(
    'a flag that is not true/false',
    '/api/v3/get-profile?withIdentities=yes',
    undefined,
    'withIdentities must be one of: true, false',
    { method: 'GET', auth: true },
  ),
  invalid(
    'a flag given twice',
    '/api/v3/get-profile?withCustomData=true&withCustomData=false',
    undefined,
    'withCustomData must be a string',
    { method: 'GET', auth: true },
  ),
  invalid('an unknown gender', '/api/v3/update-profile', { gender: 'X' }, 'gender must be one of: M, F, U', { auth: true }),
  invalid('an array as profile', '/api/v3/update-profile', [{ nickname: 'x' }], 'request body must be an object', { auth: true }),
  invalid('no newPassword', '/api/v3/update-password', { oldPassword: DEMO_USER.password }, 'newPassword should not be empty', {
    auth: true,
  }),
  invalid(
    'an unknown encrypt type for update-password',
    '/api/v3/update-password',
    { newPassword: 'a', passwordEncryptType: 'md5' },
    /passwordEncryptType must be one of/,
    { auth: true },
  ),
  invalid('a number for email (bind-email)', '/api/v3/bind-email', { email: 1, passCode: '1' }, 'email must be a string', { auth: true }),
  invalid(
    'an unknown verifyMethod',
    '/api/v3/verify-delete-account-request',
    { verifyMethod: 'FACE' },
    /verifyMethod must be one of: PHONE_PASSCODE/,
    { auth: true },
  ),
  invalid(
    'a bind without code',
    '/connections/social/wechat-miniprogram/bind',
    { extIdpConnidentifier: 'wechat-miniprogram' },
    'code should not be empty',
    { auth: true },
  ),

  // Unknown routes.
  { name: 'an unknown route', path: '/api/v3/nope', body: {}, http: 404, status: 404, message: 'Route POST /api/v3/nope does not exist' },
  { name: 'the wrong method', method: 'GET', path: signin, http: 404, status: 404, message: /accepts POST/ },

  // OAuth endpoints answer { error, error_description } with real statuses.
  { name: 'token: invalid JSON', path: '/oidc/token', body: '{', family: 'oauth', http: 400, message: /not valid JSON/ },
  {
    name: 'token: text/plain',
    path: '/oidc/token',
    body: 'grant_type=refresh_token',
    contentType: 'text/plain',
    family: 'oauth',
    http: 415,
  },
  {
    name: 'token: no grant_type',
    path: '/oidc/token',
    body: 'refresh_token=x',
    contentType: 'application/x-www-form-urlencoded',
    headers: app,
    family: 'oauth',
    http: 400,
    message: 'grant_type should not be empty',
  },
  {
    name: 'token: grant_type twice',
    path: '/oidc/token',
    body: 'grant_type=a&grant_type=b',
    contentType: 'application/x-www-form-urlencoded',
    headers: app,
    family: 'oauth',
    http: 400,
    message: 'grant_type must be a string',
  },
  {
    name: 'revocation: no token',
    path: '/oidc/token/revocation',
    body: `client_id=${DEMO.appId}`,
    contentType: 'application/x-www-form-urlencoded',
    family: 'oauth',
    http: 400,
    message: 'token should not be empty',
  },
  {
    name: 'revocation: a 2 MiB form',
    path: '/oidc/token/revocation',
    body: `token=${'x'.repeat(2 * 1024 * 1024)}`,
    contentType: 'application/x-www-form-urlencoded',
    family: 'oauth',
    http: 413,
  },

  // Upload answers { code, message } with real statuses.
  { name: 'upload: a JSON body', path: '/api/v2/upload?folder=avatar', body: { file: 'x' }, family: 'upload', http: 415, status: 415 },
  {
    name: 'upload: no file part',
    path: '/api/v2/upload?folder=avatar',
    body: multipart('Content-Disposition: form-data; name="note"\r\n\r\nhello'),
    contentType: 'multipart/form-data; boundary=b0undary',
    family: 'upload',
    http: 400,
    status: 400,
    message: /file should not be empty/,
  },
  {
    name: 'upload: multipart without boundary',
    path: '/api/v2/upload?folder=avatar',
    body: 'garbage',
    contentType: 'multipart/form-data',
    family: 'upload',
    http: 400,
    status: 400,
  },
  {
    name: 'upload: a broken multipart body',
    path: '/api/v2/upload?folder=avatar',
    body: '--b0undary\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc',
    contentType: 'multipart/form-data; boundary=b0undary',
    family: 'upload',
    http: 400,
    status: 400,
  },

  // The control plane answers real statuses with { statusCode, message }.
  {
    name: 'control: import garbage',
    method: 'PUT',
    path: '/__emulator/state',
    body: '{"format":"x"}',
    family: 'control',
    http: 400,
    status: 400,
    message: /not an emulator export/,
  },
  { name: 'control: a bad e-mail', path: '/__emulator/users', body: { email: 'nope' }, family: 'control', http: 400, status: 400 },
  {
    name: 'control: a string for shiftMs',
    path: '/__emulator/clock',
    body: { shiftMs: 'soon' },
    family: 'control',
    http: 400,
    status: 400,
    message: 'shiftMs must be an integer',
  },
  { name: 'control: an unknown route', method: 'GET', path: '/__emulator/nope', family: 'control', http: 404, status: 404 },
]

async function send(row: Row): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { ...row.headers }
  if (row.auth) headers.authorization = (await loginDemo(emulator())).access_token
  if (row.auth && !headers['x-authing-userpool-id']) headers['x-authing-userpool-id'] = DEMO.userPoolId
  let body: string | Blob | undefined
  if (row.body instanceof Blob || typeof row.body === 'string') body = row.body
  else if (row.body !== undefined) body = JSON.stringify(row.body)
  if (typeof body === 'string') headers['content-type'] = row.contentType ?? JSON_TYPE
  const response = await fetch(`${emulator().url}${row.path}`, { method: row.method ?? 'POST', headers, body })
  return { status: response.status, text: await response.text() }
}

test('the table covers at least 30 malformed requests', () => {
  expect(ROWS.length).toBeGreaterThanOrEqual(30)
})

test.each(ROWS.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
  const answer = await send(row)
  expect(answer.status).toBe(row.http)
  const body = JSON.parse(answer.text) as Record<string, unknown>
  switch (row.family ?? 'v3') {
    case 'v3':
      expect(body.statusCode).toBe(row.status)
      expect(body.requestId).toMatch(UUID)
      expect(body.message).toEqual(expect.any(String))
      if (row.message) expect(body.message).toMatch(row.message)
      break
    case 'oauth':
      expect(body).toEqual({ error: expect.stringMatching(/^[a-z_]+$/), error_description: expect.any(String) })
      if (row.message) expect(body.error_description).toMatch(row.message)
      break
    case 'upload':
      expect(body).toEqual({ code: row.status, message: expect.any(String) })
      if (row.message) expect(body.message).toMatch(row.message)
      break
    case 'control':
      expect(body).toEqual({ statusCode: row.status, message: expect.any(String) })
      if (row.message) expect(body.message).toMatch(row.message)
      break
  }
  const status = (body.statusCode ?? body.code ?? answer.status) as number
  expect(status).toBeGreaterThanOrEqual(400)
  expect(status).toBeLessThan(500)
  // Still serving, and still correct.
  const health = await fetch(`${emulator().url}/api/v3/system`)
  expect(health.status).toBe(200)
})

test('after all of that, a normal login still works', async () => {
  for (const row of ROWS.filter((item) => !item.auth)) await send(row)
  const tokens = await loginDemo(emulator())
  expect(tokens.access_token).toEqual(expect.any(String))
  const log = await emulator().client.requests()
  expect(log.filter((entry) => entry.status >= 500).map((entry) => `${entry.path}: ${entry.error}`)).toEqual([])
})
