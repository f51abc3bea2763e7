// The control plane through the typed client: users, request log, state export / import / data file, clock,
// config, seeds and keys.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createEmulatorClient, EmulatorClientError, startEmulator } from '@authing/miniapp-emulator'
import { APP, authed, call, claimsOf, DEMO, DEMO_USER, loginDemo, post, signin, useEmulator } from './helpers'

const emulator = useEmulator()

describe('info', () => {
  test('lists pools, apps, connections, config and clock', async () => {
    const info = await emulator().client.info()
    expect(info).toMatchObject({
      name: '@authing/miniapp-emulator',
      url: emulator().url,
      controlUrl: `${emulator().url}/__emulator`,
      userPools: [{ id: DEMO.userPoolId }],
      apps: [{ id: DEMO.appId, userPoolId: DEMO.userPoolId, allowRefreshToken: true }],
      connections: [
        { identifier: DEMO.extIdpConnidentifier, wechatAppId: DEMO.wechatAppId, type: 'wechat:miniprogram' },
        { identifier: DEMO.douyinExtIdpConnidentifier, wechatAppId: DEMO.douyinAppId, type: 'douyin:miniprogram' },
      ],
      config: {
        accessTokenLifetime: 86400,
        allowRegistration: true,
        revocationResponse: 'empty',
        wechatDevIdentity: null,
        douyinDevIdentity: null,
      },
    })
    expect(createEmulatorClient(`${emulator().url}/`).url).toBe(emulator().url)
  })

  test('a refused connection suggests that the emulator is not running', async () => {
    const stopped = await startEmulator({ port: 0, logger: false })
    await stopped.close()
    const error = await createEmulatorClient(stopped.url)
      .info()
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(EmulatorClientError)
    expect((error as EmulatorClientError).message).toBe(
      `GET /: nothing answers at ${stopped.url} (connection refused); is the emulator running?`,
    )
  })
})

describe('users', () => {
  test('create, find by id / username / e-mail / phone / openid / query, update, set password, delete', async () => {
    const { client } = emulator()
    const created = await client.createUser({
      username: 'zoe',
      email: 'Zoe@Example.com',
      phone: '13300000000',
      password: 'Zoe-pass1',
      nickname: 'Zoe',
      customData: { tier: 'gold' },
      wechat: { openid: 'o-zoe', unionid: 'u-zoe' },
    })
    expect(created).toMatchObject({
      userId: expect.stringMatching(/^[0-9a-f]{24}$/),
      userPoolId: DEMO.userPoolId,
      email: 'zoe@example.com',
      phoneCountryCode: '+86',
      hasPassword: true,
      customData: { tier: 'gold' },
      status: 'Activated',
      gender: 'U',
      userSourceType: 'adminCreated',
    })
    expect(created.identities.map((identity) => identity.type)).toEqual(['openid', 'unionid'])
    for (const ref of [created.userId, 'zoe', 'zoe@example.com', '13300000000', 'o-zoe']) {
      expect((await client.user(ref))?.userId).toBe(created.userId)
    }
    expect((await client.user({ openid: 'o-zoe' }))?.userId).toBe(created.userId)
    expect(await client.user('nobody')).toBeNull()
    expect(await client.user({ username: 'nobody' })).toBeNull()
    expect((await client.users({ q: 'ZOE' })).map((user) => user.username)).toEqual(['zoe'])
    expect(await client.users()).toHaveLength(2)

    const updated = await client.updateUser('zoe', { nickname: null, phone: '13300000001', status: 'Suspended' })
    expect(updated).toMatchObject({ nickname: null, phone: '13300000001', status: 'Suspended' })
    await client.updateUser('zoe', { status: 'Activated' })
    await client.setPassword('zoe', 'Other-pass2')
    expect((await signin(emulator(), { username: 'zoe', password: 'Other-pass2' })).body.statusCode).toBe(200)
    expect((await client.setPassword('zoe', null)).hasPassword).toBe(false)

    await client.deleteUser('zoe')
    expect(await client.user('zoe')).toBeNull()
  })

  test('refuses duplicates, bad identifiers and unknown pools with a clear error', async () => {
    const { client } = emulator()
    const attempts: Array<[Parameters<typeof client.createUser>[0], number, RegExp]> = [
      [{ username: 'demo' }, 409, /Username "demo" already exists/],
      [{ email: 'DEMO@example.com' }, 409, /E-mail .* already bound/],
      [{ phone: DEMO_USER.phone }, 409, /Phone .* already bound/],
      [{ email: 'not-an-email' }, 400, /email is not a valid e-mail address/],
      [{ userPoolId: 'nope' }, 404, /User pool "nope" does not exist/],
      [{ wechat: { openid: 'o', extIdpConnidentifier: 'nope' } }, 404, /"nope" does not exist/],
    ]
    for (const [input, status, message] of attempts) {
      const error = await client.createUser(input).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(EmulatorClientError)
      expect((error as EmulatorClientError).status).toBe(status)
      expect((error as Error).message).toMatch(message)
    }
    await expect(client.updateUser('nobody', {})).rejects.toThrow(/HTTP 404/)
    await expect(client.updateUser('demo', { gender: 'Q' as never })).rejects.toThrow(/gender must be one of/)
  })
})

describe('request log', () => {
  test('records each request as received and answered, without control-plane calls', async () => {
    const { client } = emulator()
    await client.clearRequests()
    await call(emulator(), 'POST', '/api/v3/signin', {
      raw: '{"connection":"PASSWORD","passwordPayload":{"account":"demo","password":"wrong"}}',
      headers: { 'content-type': 'application/json', 'X-Authing-App-Id': DEMO.appId, 'x-authing-sdk-version': '5.1.21' },
    })
    await call(emulator(), 'GET', '/api/v3/get-profile?withCustomData=false')
    await client.users()
    const entries = await client.requests()
    expect(entries).toHaveLength(2)
    const [signinEntry, profileEntry] = entries
    expect(signinEntry).toMatchObject({
      id: expect.any(Number),
      requestId: expect.any(String),
      method: 'POST',
      path: '/api/v3/signin',
      status: 200,
      requestBody: '{"connection":"PASSWORD","passwordPayload":{"account":"demo","password":"wrong"}}',
      error: '403/2333 Account not exists or password is incorrect.',
      fault: null,
    })
    expect(signinEntry?.requestHeaders).toMatchObject({ 'x-authing-app-id': DEMO.appId, 'x-authing-sdk-version': '5.1.21' })
    expect(JSON.parse(signinEntry?.responseBody ?? '')).toMatchObject({ statusCode: 403, apiCode: 2333 })
    expect(profileEntry).toMatchObject({
      path: '/api/v3/get-profile',
      query: { withCustomData: 'false' },
      error: expect.stringMatching(/^401\/2020/),
    })
    expect(await client.requests({ since: signinEntry?.id })).toEqual([profileEntry])
    expect(await client.requests({ limit: 1 })).toEqual([profileEntry])
  })

  test('the logger gets one line per request, with the failure and notes such as the sent code', async () => {
    const lines: string[] = []
    const running = await startEmulator({ logger: (line) => lines.push(line) })
    try {
      await call(running, 'GET', '/api/v3/system')
      await post(
        running,
        '/api/v3/send-sms',
        { phoneNumber: '13800000000', channel: 'CHANNEL_LOGIN' },
        { 'x-authing-userpool-id': DEMO.userPoolId },
      )
      await call(running, 'POST', '/api/v3/signin', { raw: '{', headers: { 'content-type': 'application/json' } })
      await running.client.info()
    } finally {
      await running.close()
    }
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(/^GET \/api\/v3\/system 200 \d+ms$/)
    expect(lines[1]).toMatch(
      /^POST \/api\/v3\/send-sms 200 \d+ms\n {4}↳ SMS code \d{6} for \+86 13800000000 \(CHANNEL_LOGIN\), valid 300s$/,
    )
    expect(lines[2]).toMatch(/^POST \/api\/v3\/signin 400 \d+ms — 400 Request body is not valid JSON$/)
  })
})

describe('state', () => {
  test('export → reset → import restores users, sessions and keys (old tokens keep working)', async () => {
    const { client } = emulator()
    await client.createUser({ username: 'keeper', password: 'Keep-1' })
    const tokens = await loginDemo(emulator())
    await client.shiftClock(1000)
    const snapshot = await client.exportState()
    expect(snapshot).toMatchObject({
      format: 'authing-emulator-state',
      version: 1,
      keys: { rsaPrivateKeyPem: expect.stringMatching(/PRIVATE KEY/) },
    })
    expect(JSON.stringify(snapshot)).not.toContain('Keep-1')

    await client.reset()
    expect(await client.user('keeper')).toBeNull()
    expect((await client.clock()).offsetMs).toBe(0)
    await client.importState(JSON.stringify(snapshot))
    expect((await client.user('keeper'))?.username).toBe('keeper')
    expect((await client.clock()).offsetMs).toBe(1000)
    const profile = await call(emulator(), 'GET', '/api/v3/get-profile', { headers: authed(tokens.access_token) })
    expect(profile.body.data.userId).toBe(DEMO_USER.userId)
    const refreshed = await call(emulator(), 'POST', '/oidc/token', {
      form: { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! },
      headers: APP,
    })
    expect(refreshed.status).toBe(200)
  })

  test('import into another emulator with its own keys', async () => {
    const tokens = await loginDemo(emulator())
    const snapshot = await emulator().client.exportState()
    const other = await startEmulator({ logger: false, freshKeys: true })
    try {
      const before = (await call(other, 'GET', '/api/v3/system')).body.rsa.publicKey
      expect(before).not.toBe((await call(emulator(), 'GET', '/api/v3/system')).body.rsa.publicKey)
      await other.client.importState(snapshot)
      expect((await call(other, 'GET', '/api/v3/system')).body.rsa.publicKey).toBe(
        (await call(emulator(), 'GET', '/api/v3/system')).body.rsa.publicKey,
      )
      expect((await call(other, 'GET', '/api/v3/get-profile', { headers: authed(tokens.access_token) })).body.statusCode).toBe(200)
    } finally {
      await other.close()
    }
  })

  test('a bad import is refused and changes nothing', async () => {
    const { client } = emulator()
    await expect(client.importState({ format: 'nope' } as never)).rejects.toThrow(/not an emulator export/)
    await expect(client.importState('{"format":"authing-emulator-state","version":1}')).rejects.toThrow(/state.userPools must be an array/)
    await expect(client.importState('not json')).rejects.toThrow(/HTTP 400/)
    expect(await client.user('demo')).not.toBeNull()
  })

  test('the data file is loaded at start and saved on close', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'emulator-')), 'state.json')
    const first = await startEmulator({ logger: false, data: file })
    await first.client.createUser({ username: 'persisted', password: 'Persist-1' })
    await first.close()
    await first.close()
    expect(JSON.parse(readFileSync(file, 'utf8')).users.map((user: { username: string }) => user.username)).toContain('persisted')
    const second = await startEmulator({ logger: false, data: file })
    try {
      expect((await second.client.user('persisted'))?.username).toBe('persisted')
      const answer = await signin(second, { username: 'persisted', password: 'Persist-1' })
      expect(answer.body.statusCode).toBe(200)
    } finally {
      await second.close()
    }
  })

  test('a broken data file is a clear start-up error', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'emulator-')), 'state.json')
    writeFileSync(file, '{oops')
    await expect(startEmulator({ logger: false, data: file })).rejects.toThrow(/Cannot read the emulator data file/)
  })
})

describe('clock and config', () => {
  test('shift forward and back, set an offset', async () => {
    const { client } = emulator()
    const start = await client.clock()
    expect(start.offsetMs).toBe(0)
    expect((await client.shiftClock(60_000)).offsetMs).toBe(60_000)
    expect((await client.shiftClock(-10_000)).offsetMs).toBe(50_000)
    const set = await client.setClockOffset(3_600_000)
    expect(set.offsetMs).toBe(3_600_000)
    expect(set.now - Date.now()).toBeGreaterThan(3_590_000)
    expect(new Date(set.iso).getTime()).toBe(set.now)
  })

  test('tokens are issued on the emulator clock', async () => {
    await emulator().client.setClockOffset(10 * 24 * 3600 * 1000)
    const tokens = await loginDemo(emulator())
    expect(claimsOf(tokens.access_token).iat * 1000 - Date.now()).toBeGreaterThan(9 * 24 * 3600 * 1000)
  })

  test('config changes part of the settings, rejects bad values, and reset restores them', async () => {
    const { client } = emulator()
    expect(await client.config({ accessTokenLifetime: 7300, allowRegistration: false })).toMatchObject({
      accessTokenLifetime: 7300,
      allowRegistration: false,
      refreshTokenLifetime: 2592000,
    })
    await expect(client.config({ accessTokenLifetime: 0 })).rejects.toThrow(/accessTokenLifetime must be >= 1/)
    await expect(client.config({ revocationResponse: 'maybe' as never })).rejects.toThrow(/must be one of: empty, json/)
    await client.reset()
    expect((await client.config()).accessTokenLifetime).toBe(86400)
  })

  test('start options: token lifetimes, clock offset, dev identity, seed', async () => {
    const running = await startEmulator({
      logger: false,
      accessTokenLifetime: 7201,
      refreshTokenLifetime: 3600,
      clock: 5000,
      wechatDevIdentity: 'o-dev',
      seed: {
        userPools: [{ id: 'pool-b', name: 'B' }],
        apps: [{ id: 'app-b', userPoolId: 'pool-b' }],
        connections: [{ identifier: 'wx-b', userPoolId: 'pool-b', wechatAppId: 'wxb' }],
        users: [{ userPoolId: 'pool-b', username: 'bob', password: 'Bob-pass1' }],
      },
    })
    try {
      expect(await running.client.config()).toMatchObject({
        accessTokenLifetime: 7201,
        idTokenLifetime: 7201,
        refreshTokenLifetime: 3600,
        wechatDevIdentity: 'o-dev',
      })
      expect((await running.client.clock()).offsetMs).toBe(5000)
      const answer = await call(running, 'POST', '/api/v3/signin', {
        json: { connection: 'PASSWORD', passwordPayload: { username: 'bob', password: 'Bob-pass1' } },
        headers: { 'x-authing-app-id': 'app-b' },
      })
      expect(answer.body.data.expires_in).toBe(7201)
      expect((await running.client.info()).connections.map((connection) => connection.identifier)).toEqual([
        'wechat-miniprogram',
        'douyin-miniprogram',
        'wx-b',
      ])
      const wrongPool = await call(running, 'POST', '/api/v3/signin', {
        json: { connection: 'PASSWORD', passwordPayload: { username: 'bob', password: 'Bob-pass1' } },
        headers: APP,
      })
      expect(wrongPool.body.apiCode).toBe(2004)
      await running.client.reset()
      expect((await running.client.user('bob'))?.userPoolId).toBe('pool-b')
    } finally {
      await running.close()
    }
  })

  test('a seed without the defaults', async () => {
    const running = await startEmulator({
      logger: false,
      seed: { includeDefaults: false, userPools: [{ id: 'p', name: 'p' }], users: [{ username: 'solo' }] },
    })
    try {
      expect((await running.client.users()).map((user) => user.username)).toEqual(['solo'])
      expect((await running.client.info()).apps).toEqual([])
    } finally {
      await running.close()
    }
  })

  test('listens on 127.0.0.1 by default and on the given host', async () => {
    expect(emulator().url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const running = await startEmulator({ logger: false, host: 'localhost' })
    try {
      expect(running.url).toBe(`http://localhost:${running.port}`)
      expect((await call(running, 'GET', '/api/v3/system')).status).toBe(200)
    } finally {
      await running.close()
    }
  })
})

test('CORS: a loopback origin (an H5 dev server) gets preflight and responses', async () => {
  const preflight = await fetch(`${emulator().url}/api/v3/signin`, {
    method: 'OPTIONS',
    headers: {
      origin: 'http://localhost:5173',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,x-authing-app-id',
    },
  })
  expect(preflight.status).toBe(204)
  expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
  expect(preflight.headers.get('access-control-allow-headers')).toMatch(/x-authing-app-id/)
  const response = await fetch(`${emulator().url}/api/v3/system`, { headers: { origin: 'http://localhost:5173' } })
  expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
})
