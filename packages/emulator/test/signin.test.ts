// POST /api/v3/signin with PASSWORD: identifiers, the login response, real JWTs verified against the JWKS, and the
// error mapping of docs/protocol.md §9.4.
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose'
import { APP, authed, call, claimsOf, DEMO, DEMO_USER, expectError, post, signin, UUID, useEmulator } from './helpers'

const emulator = useEmulator()

describe('successful password login', () => {
  test.each([
    ['account = username', { account: DEMO_USER.username }],
    ['account = e-mail', { account: DEMO_USER.email }],
    ['account = phone', { account: DEMO_USER.phone }],
    ['username', { username: DEMO_USER.username }],
    ['email (any case)', { email: 'Demo@Example.COM' }],
    ['phone', { phone: DEMO_USER.phone }],
  ])('by %s', async (_label, identifier) => {
    const answer = await signin(emulator(), { ...identifier, password: DEMO_USER.password })
    expect(answer.status).toBe(200)
    expect(answer.body.statusCode).toBe(200)
    expect(claimsOf(answer.body.data.access_token).sub).toBe(DEMO_USER.userId)
  })

  test('answers the token set in the V3 envelope; refresh_token only with offline_access', async () => {
    const withRefresh = await signin(
      emulator(),
      { account: 'demo', password: DEMO_USER.password },
      { scope: 'openid profile offline_access' },
    )
    expect(withRefresh.body).toEqual({
      statusCode: 200,
      message: expect.any(String),
      requestId: expect.stringMatching(UUID),
      data: {
        access_token: expect.any(String),
        id_token: expect.any(String),
        refresh_token: expect.any(String),
        scope: 'openid profile offline_access',
        token_type: 'Bearer',
        expires_in: 86400,
        expire_in: 86400,
      },
    })
    const defaultScope = await signin(emulator(), { account: 'demo', password: DEMO_USER.password })
    expect(defaultScope.body.data.scope).toBe('openid profile')
    expect(defaultScope.body.data.refresh_token).toBeUndefined()
  })

  test('tokens are RS256 JWTs that verify against both JWKS endpoints', async () => {
    const answer = await signin(
      emulator(),
      { account: 'demo', password: DEMO_USER.password },
      { scope: 'openid profile email phone username offline_access' },
    )
    const { access_token: accessToken, id_token: idToken } = answer.body.data
    const url = emulator().url
    for (const jwksPath of ['/oidc/.well-known/jwks.json', `/${DEMO.appId}/oidc/.well-known/jwks.json`]) {
      const jwks = createRemoteJWKSet(new URL(`${url}${jwksPath}`))
      const access = await jwtVerify(accessToken, jwks, { issuer: `${url}/oidc`, audience: DEMO.appId, algorithms: ['RS256'] })
      expect(access.protectedHeader).toEqual({ alg: 'RS256', kid: expect.any(String), typ: 'JWT' })
      expect(access.payload).toEqual({
        jti: expect.any(String),
        sub: DEMO_USER.userId,
        iat: expect.any(Number),
        exp: access.payload.iat! + 86400,
        scope: 'openid profile email phone username offline_access',
        iss: `${url}/oidc`,
        aud: DEMO.appId,
      })
      const id = await jwtVerify(idToken, jwks, { audience: DEMO.appId })
      expect(id.payload).toMatchObject({
        sub: DEMO_USER.userId,
        name: DEMO_USER.name,
        nickname: DEMO_USER.nickname,
        gender: 'U',
        picture: expect.stringMatching(/^https:/),
        birthdate: null,
        updated_at: expect.any(String),
        email: DEMO_USER.email,
        email_verified: true,
        phone_number: DEMO_USER.phone,
        phone_number_verified: true,
        username: DEMO_USER.username,
        at_hash: expect.any(String),
      })
    }
    const { keys } = (await call(emulator(), 'GET', '/oidc/.well-known/jwks.json')).body
    expect(keys).toEqual([
      { kty: 'RSA', n: expect.any(String), e: 'AQAB', kid: decodeProtectedHeader(accessToken).kid, alg: 'RS256', use: 'sig' },
    ])
  })

  test('the discovery document points at the JWKS and token endpoints', async () => {
    const { body } = await call(emulator(), 'GET', '/oidc/.well-known/openid-configuration')
    expect(body.issuer).toBe(`${emulator().url}/oidc`)
    expect(body.jwks_uri).toBe(`${emulator().url}/oidc/.well-known/jwks.json`)
    expect(body.token_endpoint).toBe(`${emulator().url}/oidc/token`)
    expect((await call(emulator(), 'GET', '/nope0000/oidc/.well-known/jwks.json')).status).toBe(404)
  })

  test('counts logins', async () => {
    await signin(emulator(), { account: 'demo', password: DEMO_USER.password })
    await signin(emulator(), { account: 'demo', password: DEMO_USER.password })
    const user = await emulator().client.user('demo')
    expect(user?.loginsCount).toBe(2)
    expect(user?.lastLogin).toEqual(expect.any(String))
    expect(user?.lastLoginApp).toBe(DEMO.appId)
  })

  test('client_id in the body identifies the app when the header is missing', async () => {
    const answer = await post(emulator(), '/api/v3/signin', {
      connection: 'PASSWORD',
      client_id: DEMO.appId,
      passwordPayload: { account: 'demo', password: DEMO_USER.password },
    })
    expect(answer.body.statusCode).toBe(200)
  })

  test('unknown fields are ignored and "" counts as absent', async () => {
    const answer = await signin(
      emulator(),
      { account: 'demo', password: DEMO_USER.password, username: '', extra: 1 },
      { scope: '', tenantId: '', whatever: true },
    )
    expect(answer.body.statusCode).toBe(200)
    expect(answer.body.data.scope).toBe('openid profile')
  })
})

describe('autoRegister', () => {
  test.each([
    ['username', { username: 'newbie' }],
    ['email', { email: 'new@example.com' }],
    ['phone', { phone: '13911112222' }],
  ])('creates the missing user for %s + password', async (_label, identifier) => {
    const answer = await signin(emulator(), { ...identifier, password: 'Fresh-1' }, { autoRegister: true })
    expect(answer.body.statusCode).toBe(200)
    const user = await emulator().client.user(Object.values(identifier)[0] as string)
    expect(user?.userId).toBe(claimsOf(answer.body.data.access_token).sub)
    expect(user?.hasPassword).toBe(true)
    expect((await signin(emulator(), { ...identifier, password: 'Fresh-1' })).body.statusCode).toBe(200)
  })

  test('does not apply to account', async () => {
    expectError(await signin(emulator(), { account: 'nobody', password: 'x' }, { autoRegister: true }), 403, 2333)
  })

  test('is refused with 2031 when registration is disabled', async () => {
    await emulator().client.config({ allowRegistration: false })
    expectError(await signin(emulator(), { username: 'nobody', password: 'x' }, { autoRegister: true }), 403, 2031)
  })
})

describe('error mapping', () => {
  test('unknown account or wrong password (account) → 403 / 2333', async () => {
    const unknown = await signin(emulator(), { account: 'nobody', password: 'x' })
    expectError(unknown, 403, 2333, 'Account not exists or password is incorrect.')
    expectError(await signin(emulator(), { account: 'demo', password: 'wrong' }), 403, 2333)
  })

  test('unknown user by explicit identifier → 404 / 2004', async () => {
    expectError(await signin(emulator(), { username: 'nobody', password: 'x' }), 404, 2004)
    expectError(await signin(emulator(), { email: 'nobody@example.com', password: 'x' }), 404, 2004)
  })

  test('wrong password by explicit identifier → 403 / 2006', async () => {
    expectError(await signin(emulator(), { username: 'demo', password: 'wrong' }), 403, 2006)
  })

  test('a user without a password cannot log in with one', async () => {
    await emulator().client.createUser({ username: 'nopass' })
    expectError(await signin(emulator(), { username: 'nopass', password: 'anything' }), 403, 2006)
  })

  test('suspended user → 403 / 2005', async () => {
    await emulator().client.updateUser('demo', { status: 'Suspended' })
    expectError(await signin(emulator(), { account: 'demo', password: DEMO_USER.password }), 403, 2005)
  })

  test('unknown app → 404 / 2011; unknown pool → 404 / 2224; pool of another app → 400', async () => {
    expectError(await post(emulator(), '/api/v3/signin', { connection: 'PASSWORD' }, { 'x-authing-app-id': 'nope' }), 404, 2011)
    const body = { connection: 'PASSWORD', passwordPayload: { account: 'demo', password: DEMO_USER.password } }
    expectError(await post(emulator(), '/api/v3/signin', body, { ...APP, 'x-authing-userpool-id': 'nope' }), 404, 2224)
    await emulator().client.importState({
      ...(await emulator().client.exportState()),
      userPools: [
        { id: DEMO.userPoolId, name: 'a' },
        { id: 'pool2', name: 'b' },
      ],
    })
    expectError(
      await post(emulator(), '/api/v3/signin', body, { ...APP, 'x-authing-userpool-id': 'pool2' }),
      400,
      undefined,
      /not the user pool/,
    )
  })

  test('missing payload fields name the field', async () => {
    expectError(
      await post(emulator(), '/api/v3/signin', { connection: 'PASSWORD' }, APP),
      400,
      undefined,
      'passwordPayload should not be empty',
    )
    expectError(await signin(emulator(), { account: 'demo', password: '' }), 400, undefined, 'passwordPayload.password should not be empty')
    expectError(await signin(emulator(), { password: 'x' }), 400, undefined, /passwordPayload\.account .* should not be empty/)
    expectError(await post(emulator(), '/api/v3/signin', {}, APP), 400, undefined, 'connection should not be empty')
  })

  test('errorHttpStatus "mirror" puts the envelope status on the HTTP status line', async () => {
    await emulator().client.config({ errorHttpStatus: 'mirror' })
    const answer = await signin(emulator(), { account: 'demo', password: 'wrong' })
    expect(answer.status).toBe(403)
    expect(answer.body.apiCode).toBe(2333)
  })

  test('the token works on a user endpoint right away', async () => {
    const answer = await signin(emulator(), { account: 'demo', password: DEMO_USER.password })
    const profile = await call(emulator(), 'GET', '/api/v3/get-profile', { headers: authed(answer.body.data.access_token) })
    expect(profile.body.data.userId).toBe(DEMO_USER.userId)
  })
})
