// Refresh-token rotation and reuse detection, revocation, expiry on the emulator clock, and the token check that
// every user endpoint shares.
import { startEmulator, type RunningEmulator } from '@authing/miniapp-emulator'
import { APP, authed, call, claimsOf, DEMO, DEMO_USER, expectError, loginDemo, signin, useEmulator } from './helpers'

const emulator = useEmulator()

/** What the official SDK sends to refresh. */
const refresh = (refreshToken: string, headers: Record<string, string> = APP, emu: RunningEmulator = emulator()) =>
  call(emu, 'POST', '/oidc/token', { form: { grant_type: 'refresh_token', redirect_uri: '', refresh_token: refreshToken }, headers })

/** What the official SDK sends to log out. */
const revoke = (token: string, extra: Record<string, string> = {}) =>
  call(emulator(), 'POST', '/oidc/token/revocation', { form: { client_id: DEMO.appId, token, ...extra } })

const profile = (token: string) => call(emulator(), 'GET', '/api/v3/get-profile', { headers: authed(token) })

describe('POST /oidc/token (refresh_token grant)', () => {
  test('answers a bare token response with a new, rotated refresh token', async () => {
    const tokens = await loginDemo(emulator())
    const answer = await refresh(tokens.refresh_token!)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('cache-control')).toBe('no-store')
    expect(answer.body).toEqual({
      access_token: expect.any(String),
      id_token: expect.any(String),
      refresh_token: expect.any(String),
      scope: 'openid profile offline_access',
      token_type: 'Bearer',
      expires_in: 86400,
    })
    expect(answer.body.refresh_token).not.toBe(tokens.refresh_token)
    expect(answer.body.access_token).not.toBe(tokens.access_token)
    expect((await profile(answer.body.access_token)).body.data.userId).toBe(DEMO_USER.userId)
    expect((await refresh(answer.body.refresh_token)).status).toBe(200)
  })

  test('reusing a rotated-away refresh token revokes the whole family', async () => {
    const tokens = await loginDemo(emulator())
    const rotated = (await refresh(tokens.refresh_token!)).body
    const reuse = await refresh(tokens.refresh_token!)
    expect(reuse.status).toBe(400)
    expect(reuse.body).toEqual({ error: 'invalid_grant', error_description: expect.stringMatching(/reuse detection/) })
    expect((await refresh(rotated.refresh_token)).body.error).toBe('invalid_grant')
    expectError(await profile(rotated.access_token), 401, 2020, 'Token has been revoked')
    expectError(await profile(tokens.access_token), 401, 2020)
    const [session] = await emulator().client.sessions()
    expect(session).toMatchObject({ revoked: true, revokedReason: 'refresh token reuse detected', refreshCount: 1 })
    expect(session?.refreshTokens.map((item) => item.status)).toEqual(['revoked', 'revoked'])
  })

  test('unknown and expired refresh tokens → invalid_grant', async () => {
    expect((await refresh('nope')).body.error).toBe('invalid_grant')
    const tokens = await loginDemo(emulator())
    await emulator().client.shiftClock(30 * 24 * 3600 * 1000)
    const expired = await refresh(tokens.refresh_token!)
    expect(expired.status).toBe(400)
    expect(expired.body).toEqual({ error: 'invalid_grant', error_description: 'refresh token has expired' })
  })

  test('the refresh token of a deleted user → invalid_grant', async () => {
    const tokens = await loginDemo(emulator())
    await emulator().client.deleteUser(DEMO_USER.userId)
    expect((await refresh(tokens.refresh_token!)).body.error).toBe('invalid_grant')
  })

  test.each([
    ['no client at all', {}, { grant_type: 'refresh_token', refresh_token: 'x' }, 401, 'invalid_client'],
    ['an unknown client', { 'x-authing-app-id': 'nope' }, { grant_type: 'refresh_token', refresh_token: 'x' }, 401, 'invalid_client'],
    ['a wrong client secret', APP, { grant_type: 'refresh_token', refresh_token: 'x', client_secret: 'nope' }, 401, 'invalid_client'],
    ['another grant type', APP, { grant_type: 'password', username: 'demo' }, 400, 'unsupported_grant_type'],
    ['no grant type', APP, { refresh_token: 'x' }, 400, 'invalid_request'],
    ['no refresh token', APP, { grant_type: 'refresh_token' }, 400, 'invalid_request'],
  ])('%s', async (_label, headers, form, status, error) => {
    const answer = await call(emulator(), 'POST', '/oidc/token', { form: form as Record<string, string>, headers })
    expect(answer.status).toBe(status)
    expect(answer.body).toEqual({ error, error_description: expect.any(String) })
  })

  test('client_id in the body and a JSON body work too', async () => {
    const tokens = await loginDemo(emulator())
    const answer = await call(emulator(), 'POST', '/oidc/token', {
      json: { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: DEMO.appId },
    })
    expect(answer.status).toBe(200)
  })

  test('a narrower scope is allowed, a wider one is invalid_scope', async () => {
    const tokens = await loginDemo(emulator())
    const narrow = await call(emulator(), 'POST', '/oidc/token', {
      form: { grant_type: 'refresh_token', refresh_token: tokens.refresh_token!, scope: 'openid' },
      headers: APP,
    })
    expect(narrow.body.scope).toBe('openid')
    const wide = await call(emulator(), 'POST', '/oidc/token', {
      form: { grant_type: 'refresh_token', refresh_token: narrow.body.refresh_token, scope: 'openid email' },
      headers: APP,
    })
    expect(wide.body.error).toBe('invalid_scope')
  })
})

describe('apps', () => {
  let other: RunningEmulator
  beforeAll(async () => {
    other = await startEmulator({
      logger: false,
      seed: {
        apps: [
          { id: 'app-no-refresh', userPoolId: DEMO.userPoolId, allowRefreshToken: false },
          { id: 'app-two', userPoolId: DEMO.userPoolId },
        ],
      },
    })
  })
  afterAll(() => other.close())

  test('an app without the refresh grant gives no refresh token', async () => {
    const answer = await call(other, 'POST', '/api/v3/signin', {
      json: {
        connection: 'PASSWORD',
        passwordPayload: { account: 'demo', password: DEMO_USER.password },
        options: { scope: 'openid offline_access' },
      },
      headers: { 'x-authing-app-id': 'app-no-refresh' },
    })
    expect(answer.body.data.refresh_token).toBeUndefined()
    expect(answer.body.data.scope).toBe('openid')
  })

  test('a refresh token only works for its own app, and tokens carry the app as aud', async () => {
    const answer = await call(other, 'POST', '/api/v3/signin', {
      json: {
        connection: 'PASSWORD',
        passwordPayload: { account: 'demo', password: DEMO_USER.password },
        options: { scope: 'openid offline_access' },
      },
      headers: { 'x-authing-app-id': 'app-two' },
    })
    expect(claimsOf(answer.body.data.access_token).aud).toBe('app-two')
    const wrongApp = await refresh(answer.body.data.refresh_token, APP, other)
    expect(wrongApp.body).toEqual({ error: 'invalid_grant', error_description: 'refresh token was issued to another client' })
  })
})

describe('POST /oidc/token/revocation', () => {
  test('revoking the access token: 200 with an empty body; user endpoints then refuse it; the refresh token lives on', async () => {
    const tokens = await loginDemo(emulator())
    const answer = await revoke(tokens.access_token)
    expect(answer.status).toBe(200)
    expect(answer.text).toBe('')
    expectError(await profile(tokens.access_token), 401, 2020, 'Token has been revoked')
    expectError(await profile(tokens.id_token), 401, 2020)
    expect((await refresh(tokens.refresh_token!)).status).toBe(200)
  })

  test('revoking the refresh token revokes its family', async () => {
    const tokens = await loginDemo(emulator())
    expect((await revoke(tokens.refresh_token!, { token_type_hint: 'refresh_token' })).status).toBe(200)
    expect((await refresh(tokens.refresh_token!)).body.error).toBe('invalid_grant')
    expectError(await profile(tokens.access_token), 401, 2020)
  })

  test('unknown tokens and tokens of another client: 200, nothing revoked', async () => {
    const tokens = await loginDemo(emulator())
    expect((await revoke('garbage')).status).toBe(200)
    await emulator().client.importState({
      ...(await emulator().client.exportState()),
      apps: [
        ...(await emulator().client.info()).apps,
        { id: 'app-x', name: 'x', userPoolId: DEMO.userPoolId, secret: 's', allowRefreshToken: true },
      ],
    })
    const foreign = await call(emulator(), 'POST', '/oidc/token/revocation', { form: { client_id: 'app-x', token: tokens.access_token } })
    expect(foreign.status).toBe(200)
    expect((await profile(tokens.access_token)).body.statusCode).toBe(200)
  })

  test('a non-empty body when configured (newer servers)', async () => {
    await emulator().client.config({ revocationResponse: 'json' })
    const tokens = await loginDemo(emulator())
    const answer = await revoke(tokens.access_token)
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({ statusCode: 200, message: 'success' })
  })

  test('no token → 400 invalid_request; unknown client → 401 invalid_client', async () => {
    const noToken = await call(emulator(), 'POST', '/oidc/token/revocation', { form: { client_id: DEMO.appId } })
    expect(noToken.status).toBe(400)
    expect(noToken.body).toEqual({ error: 'invalid_request', error_description: 'token should not be empty' })
    expect((await call(emulator(), 'POST', '/oidc/token/revocation', { form: { client_id: 'nope', token: 'x' } })).status).toBe(401)
  })
})

describe('the token check of user endpoints', () => {
  test('accepts the bare token, "Bearer", any case, and the ID token', async () => {
    const tokens = await loginDemo(emulator())
    for (const authorization of [
      tokens.access_token,
      `Bearer ${tokens.access_token}`,
      `bearer ${tokens.access_token}`,
      `BEARER  ${tokens.id_token}`,
    ]) {
      const answer = await call(emulator(), 'GET', '/api/v3/get-profile', { headers: { authorization } })
      expect(answer.body.statusCode).toBe(200)
    }
  })

  test('an expired access token → 401 / 2206; refreshing still works afterwards', async () => {
    const tokens = await loginDemo(emulator())
    await emulator().client.shiftClock(86400 * 1000 + 1000)
    expectError(await profile(tokens.access_token), 401, 2206, /expired/)
    const renewed = await refresh(tokens.refresh_token!)
    expect((await profile(renewed.body.access_token)).body.statusCode).toBe(200)
  })

  test('configured lifetimes apply to new tokens', async () => {
    await emulator().client.config({ accessTokenLifetime: 60 })
    const tokens = await loginDemo(emulator())
    expect(tokens.expires_in).toBe(60)
    await emulator().client.shiftClock(61_000)
    expectError(await profile(tokens.access_token), 401, 2206)
  })

  test.each([
    ['no Authorization header', undefined, /Authorization header is missing/],
    ['"Bearer" and nothing else', 'Bearer ', /Authorization header/],
    ['garbage', 'not-a-jwt', /Invalid token/],
    ['a JWT signed by someone else', 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl', /Invalid token/],
  ])('%s → 401 / 2020', async (_label, authorization, message) => {
    const headers: Record<string, string> = { 'x-authing-userpool-id': DEMO.userPoolId }
    if (authorization !== undefined) headers.authorization = authorization
    expectError(await call(emulator(), 'GET', '/api/v3/get-profile', { headers }), 401, 2020, message)
  })

  test('a deleted user or a revoked session → 401; a pool header of another pool → 400', async () => {
    const tokens = await loginDemo(emulator())
    const [session] = await emulator().client.sessions({ userId: DEMO_USER.userId })
    await emulator().client.revokeSession(session!.id)
    expectError(await profile(tokens.access_token), 401, 2020)
    const again = await loginDemo(emulator())
    expectError(
      await call(emulator(), 'GET', '/api/v3/get-profile', {
        headers: { authorization: again.access_token, 'x-authing-userpool-id': 'nope' },
      }),
      404,
      2224,
    )
    await emulator().client.deleteUser('demo')
    expectError(await profile(again.access_token), 401, 2020, /Token is unknown|no longer exists/)
  })

  test('tokens of a reset emulator are unknown', async () => {
    const tokens = await loginDemo(emulator())
    await emulator().client.reset()
    expectError(await profile(tokens.access_token), 401, 2020, /unknown to this emulator/)
  })

  test('sessions show tokens and the refresh family', async () => {
    const tokens = await loginDemo(emulator())
    await refresh(tokens.refresh_token!)
    const [session] = await emulator().client.sessions()
    expect(session).toMatchObject({ userId: DEMO_USER.userId, appId: DEMO.appId, connection: 'PASSWORD', refreshCount: 1, revoked: false })
    expect(session?.tokens.map((token) => token.kind)).toEqual(['access', 'id', 'access', 'id'])
    expect(session?.refreshTokens.map((token) => token.status)).toEqual(['used', 'active'])
  })

  test('a login without offline_access has no refresh token', async () => {
    const answer = await signin(emulator(), { account: 'demo', password: DEMO_USER.password }, { scope: 'openid' })
    expect(answer.body.data.refresh_token).toBeUndefined()
  })
})
