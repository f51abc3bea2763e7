// The login state store and the refresh engine.
import type { LoginState, LoginStateEvent } from '@authing/miniapp-core'
import { deferred, envelope, holdNext, setup } from './harness'

const HOUR = 3600 * 1000

test('the constructor touches nothing', () => {
  const { calls } = setup()
  expect(calls).toEqual([])
})

test('storage is read once, then served from memory; written only on change', async () => {
  const { authing, calls, login } = setup()
  await login()
  await authing.getLoginState()
  await authing.getUserInfo()
  await authing.getUserInfo()
  expect(calls).toEqual(['request', 'request'])
})

test('a login writes storage once', async () => {
  const { authing, calls } = setup()
  await authing.loginByPassword({ passwordPayload: { account: 'alice', password: 'pw' } })
  expect(calls).toEqual(['request', 'setItem'])
})

test('a stored official login state is picked up (upgrade keeps users logged in)', async () => {
  const { authing, storage, key, clock, calls } = setup()
  const official = {
    access_token: 'at-x',
    id_token: 'id',
    expires_in: 7200,
    expires_at: clock.now + HOUR,
    scope: 'openid',
    token_type: 'Bearer',
  }
  storage.set(key, official)
  expect(await authing.getLoginState()).toEqual([null, official])
  expect(await authing.getLoginState()).toEqual([null, official])
  expect(calls).toEqual(['getItem'])
})

test.each([
  ['a number', 42],
  ['a string', 'garbage{'],
  ['an array', [1, 2]],
  ['an object without tokens', { foo: 1 }],
  ['NaN expiry', { access_token: 'a', expires_at: NaN }],
  ['null', null],
])('corrupt stored state (%s) counts as logged out', async (_name, value) => {
  const { authing, storage, key } = setup()
  storage.set(key, value)
  const [error, data] = await authing.getLoginState()
  expect(data).toBeUndefined()
  expect(error).toMatchObject({ code: 'not_logged_in' })
})

test('a login state stored as JSON text is understood', async () => {
  const { authing, storage, key, clock } = setup()
  storage.set(key, JSON.stringify({ access_token: 'a', expires_in: 60, expires_at: clock.now + HOUR }))
  expect((await authing.getLoginState())[1]).toMatchObject({ access_token: 'a' })
})

test('expires_at is epoch ms from the injected clock', async () => {
  const { storage, key, clock, login } = setup()
  const state = await login()
  expect(state!.expires_at).toBe(clock.now + 3600 * 1000)
  expect((storage.get(key) as LoginState).expires_at).toBe(clock.now + 3600 * 1000)
})

test.each([
  ['no access token', { refresh_token: 'rt', expires_in: 3600 }],
  ['an empty access token', { access_token: '', expires_in: 3600 }],
  ['an access token that is not a string', { access_token: 42, expires_in: 3600 }],
])('a login answer with %s fails and keeps the old state', async (_name, tokens) => {
  const { authing, server, storage, key, login } = setup()
  const before = await login()
  server.handlers['POST /api/v3/signin'] = () => envelope(tokens)
  const [error] = await authing.loginByPassword({ passwordPayload: { account: 'bob', password: 'pw' } })
  expect(error).toEqual({ code: 'server', message: 'Unusable server answer: no access token' })
  expect((await authing.getLoginState())[1]).toEqual(before)
  expect(storage.get(key)).toEqual(before)
})

describe('automatic refresh', () => {
  test('an authenticated call after expiry refreshes first, then proceeds', async () => {
    const { authing, clock, requests, login } = setup()
    await login()
    clock.now += 2 * HOUR
    const [error, user] = await authing.getUserInfo()
    expect(error).toBeNull()
    expect(user).toMatchObject({ userId: 'u1' })
    expect(requests.map((r) => r.path)).toEqual(['/oidc/token', '/api/v3/get-profile'])
    expect(requests[1].headers.authorization).toBe('at-2')
  })

  test('inside the refresh margin the token is renewed ahead of time', async () => {
    const { authing, clock, requests, login } = setup({ refreshMargin: 5 * 60 * 1000 })
    await login()
    clock.now += HOUR - 4 * 60 * 1000
    await authing.getUserInfo()
    expect(requests.map((r) => r.path)).toEqual(['/oidc/token', '/api/v3/get-profile'])
  })

  test('the margin counts from its first millisecond: at expires_at - margin the token is renewed', async () => {
    const margin = 5 * 60 * 1000
    const { authing, clock, requests, login } = setup({ refreshMargin: margin })
    const state = await login()
    clock.now = state!.expires_at - margin - 1
    await authing.getUserInfo()
    expect(requests.map((r) => r.path)).toEqual(['/api/v3/get-profile'])
    clock.now += 1
    await authing.getUserInfo()
    expect(requests.map((r) => r.path)).toEqual(['/api/v3/get-profile', '/oidc/token', '/api/v3/get-profile'])
  })

  test('20 concurrent calls after expiry share exactly one refresh and all succeed', async () => {
    const { authing, clock, requests, login } = setup()
    await login()
    clock.now += 2 * HOUR
    const results = await Promise.all(Array.from({ length: 20 }, () => authing.getUserInfo()))
    expect(results.every(([error]) => error === null)).toBe(true)
    expect(requests.filter((r) => r.path == '/oidc/token')).toHaveLength(1)
    expect(requests.filter((r) => r.path == '/api/v3/get-profile').every((r) => r.headers.authorization == 'at-2')).toBe(true)
  })

  test('refreshToken() works after the access token has expired and keeps what the server did not resend', async () => {
    const { authing, clock, server, login, storage, key } = setup()
    await login()
    clock.now += 5 * HOUR
    server.handlers['POST /oidc/token'] = () => ({
      status: 200,
      body: JSON.stringify({ access_token: 'at-new', expires_in: 60, token_type: 'Bearer' }),
    })
    const [error, state] = await authing.refreshToken()
    expect(error).toBeNull()
    expect(state).toMatchObject({
      access_token: 'at-new',
      refresh_token: 'rt-1',
      id_token: 'id-1',
      expires_in: 60,
      expires_at: clock.now + 60000,
    })
    expect(storage.get(key)).toEqual(state)
  })

  test('invalid_grant ends the session: state cleared, listeners told, session_expired', async () => {
    const { authing, clock, server, login, storage, key } = setup()
    await login()
    const events: [LoginState | null, LoginStateEvent][] = []
    authing.onLoginStateChange((state, event) => events.push([state, event]))
    server.refreshTokens.clear()
    clock.now += 2 * HOUR
    const [error] = await authing.getUserInfo()
    expect(error).toMatchObject({ code: 'session_expired', statusCode: 400 })
    expect(error!.message).toMatch(/log in again/)
    expect(events).toEqual([[null, 'expired']])
    expect(storage.has(key)).toBe(false)
    expect((await authing.getLoginState())[0]).toMatchObject({ code: 'not_logged_in' })
  })

  test.each([
    ['network', { errMsg: 'request:fail net::ERR_CONNECTION_REFUSED' }],
    ['timeout', { errMsg: 'request:fail timeout', timeout: true }],
  ])('a transport failure during refresh (%s) keeps the state', async (code, fault) => {
    const { authing, clock, faults, login, storage, key } = setup()
    const state = await login()
    clock.now += 2 * HOUR
    faults.request = fault
    const [error] = await authing.getUserInfo()
    expect(error).toMatchObject({ code })
    expect(error!.message).toContain(fault.errMsg)
    expect(storage.get(key)).toEqual(state)
    faults.request = undefined
    expect((await authing.getUserInfo())[0]).toBeNull()
  })

  test('a 5xx during refresh keeps the state', async () => {
    const { authing, clock, server, login, storage, key } = setup()
    const state = await login()
    clock.now += 2 * HOUR
    server.handlers['POST /oidc/token'] = () => ({ status: 502, body: '<html>Bad Gateway</html>' })
    const [error] = await authing.getLoginState()
    expect(error).toMatchObject({ code: 'server', statusCode: 502 })
    expect(storage.get(key)).toEqual(state)
  })

  test('a 401 from a user API triggers one refresh and one retry', async () => {
    const { authing, server, requests, login } = setup()
    await login()
    server.valid.clear() // the server revoked the access token
    const [error, user] = await authing.getUserInfo()
    expect(error).toBeNull()
    expect(user).toMatchObject({ userId: 'u1' })
    expect(requests.map((r) => r.path)).toEqual(['/api/v3/get-profile', '/oidc/token', '/api/v3/get-profile'])
  })

  test('a user call refused otherwise than with 401 is reported as it is: no refresh, no retry', async () => {
    const { authing, server, requests, login } = setup()
    const state = await login()
    server.handlers['GET /api/v3/get-profile'] = () => envelope(undefined, 403, { apiCode: 2001 })
    const [error] = await authing.getUserInfo()
    expect(error).toMatchObject({ code: 'api', statusCode: 403, apiCode: 2001 })
    expect(requests.map((r) => r.path)).toEqual(['/api/v3/get-profile'])
    expect((await authing.getLoginState())[1]).toEqual(state)
  })

  test('a second 401 after the retry is reported, not looped', async () => {
    const { authing, server, requests, login } = setup()
    await login()
    server.handlers['GET /api/v3/get-profile'] = () => envelope(undefined, 401, { apiCode: 2020 })
    const [error] = await authing.getUserInfo()
    expect(error).toMatchObject({ code: 'api', statusCode: 401, apiCode: 2020 })
    expect(requests.map((r) => r.path)).toEqual(['/api/v3/get-profile', '/oidc/token', '/api/v3/get-profile'])
  })

  test('a 401 without a refresh token ends the session at once, with the refusal as the reason', async () => {
    const { authing, server, requests, login } = setup()
    server.handlers['POST /api/v3/signin'] = () => envelope({ access_token: 'only', expires_in: 3600 })
    await login()
    server.handlers['GET /api/v3/get-profile'] = () => envelope(undefined, 401, { apiCode: 2020, message: 'token revoked' })
    const [error] = await authing.getUserInfo()
    expect(error).toEqual({ code: 'session_expired', message: 'Session ended, log in again: token revoked', statusCode: 401 })
    expect(requests.map((r) => r.path)).toEqual(['/api/v3/get-profile']) // no refresh attempted without a refresh token
    expect((await authing.getLoginState())[0]).toMatchObject({ code: 'not_logged_in' })
  })

  test('without a refresh token, a state inside the margin is used until its last millisecond, then ends', async () => {
    const { authing, server, clock, requests, storage, key, login } = setup()
    server.handlers['POST /api/v3/signin'] = () => envelope({ access_token: 'only', expires_in: 3600 })
    const state = await login()
    clock.now = state!.expires_at - 1 // inside the one-minute margin, not yet expired
    expect(await authing.getLoginState()).toEqual([null, state])
    clock.now += 1
    expect((await authing.getLoginState())[0]).toEqual({
      code: 'session_expired',
      message: 'Session ended, log in again: the access token has expired and there is no refresh token',
    })
    expect(requests).toHaveLength(0)
    expect(storage.has(key)).toBe(false)
  })

  test('an expired state without refresh token ends with session_expired, no request', async () => {
    const { authing, server, clock, requests, login } = setup()
    server.handlers['POST /api/v3/signin'] = () => envelope({ access_token: 'only', expires_in: 3600 })
    await login()
    clock.now += 2 * HOUR
    expect((await authing.getUserInfo())[0]).toMatchObject({ code: 'session_expired' })
    expect(requests).toHaveLength(0)
  })

  /** An adapter whose app-show listeners the test calls; `registered` counts the subscriptions. */
  function foreground() {
    const listeners: (() => void)[] = []
    const onAppShow = (listener: () => void) => (listeners.push(listener), () => {})
    return { onAppShow, show: () => listeners.forEach((listener) => listener()), registered: () => listeners.length }
  }

  test('the app coming back to the foreground renews an expiring session in the background', async () => {
    const { onAppShow, show } = foreground()
    const { authing, clock, server, requests, login } = setup({ adapter: { onAppShow } })
    await login()
    await authing.getLoginState()
    show()
    expect(requests).toHaveLength(0) // not expiring yet (a renewal sends its request before its first await)
    clock.now += 2 * HOUR
    const { reached, release } = holdNext(server, 'POST /oidc/token')
    show()
    await reached
    const renewing = authing.getLoginState() // shares the renewal in flight
    release()
    expect((await renewing)[1]!.access_token).toBe('at-2')
    expect(requests.map((r) => r.path)).toEqual(['/oidc/token'])
  })

  test('the foreground is watched once, however many calls load or change the state', async () => {
    const { onAppShow, registered } = foreground()
    const { authing, clock, login } = setup({ adapter: { onAppShow } })
    await authing.getLoginState()
    await login()
    clock.now += 2 * HOUR
    await authing.getUserInfo()
    await authing.logout()
    expect(registered()).toBe(1)
  })

  test('the foreground renews nothing when logged out or when the session has no refresh token', async () => {
    const { onAppShow, show } = foreground()
    const { authing, server, clock, requests, login } = setup({ adapter: { onAppShow } })
    await authing.getLoginState() // loaded: logged out
    expect(show).not.toThrow()
    server.handlers['POST /api/v3/signin'] = () => envelope({ access_token: 'only', expires_in: 3600 })
    const state = await login()
    clock.now = state!.expires_at - 1 // inside the margin
    show()
    expect(requests).toHaveLength(0)
    expect(await authing.getLoginState()).toEqual([null, state])
  })
})

describe('listeners', () => {
  test('login, refresh, logout in order; unsubscribe stops them', async () => {
    const { authing, clock } = setup()
    const events: string[] = []
    const unsubscribe = authing.onLoginStateChange((state, event) => events.push(`${event}:${state ? state.access_token : null}`))
    await authing.loginByPassword({ passwordPayload: { account: 'a', password: 'p' } })
    clock.now += 2 * HOUR
    await authing.getUserInfo()
    await authing.logout()
    unsubscribe()
    await authing.loginByPassword({ passwordPayload: { account: 'a', password: 'p' } })
    expect(events).toEqual(['login:at-1', 'refresh:at-2', 'logout:null'])
  })

  test('a throwing listener breaks nothing', async () => {
    const { authing } = setup()
    const seen: string[] = []
    authing.onLoginStateChange(() => {
      throw new Error('boom')
    })
    authing.onLoginStateChange((_s, event) => seen.push(event))
    const [error] = await authing.loginByPassword({ passwordPayload: { account: 'a', password: 'p' } })
    expect(error).toBeNull()
    expect(seen).toEqual(['login'])
  })

  test('listeners get copies: changing one does not change the session', async () => {
    const { authing } = setup()
    authing.onLoginStateChange((state) => {
      if (state) state.access_token = 'tampered'
    })
    const [, state] = await authing.loginByPassword({ passwordPayload: { account: 'a', password: 'p' } })
    state!.access_token = 'tampered too'
    expect((await authing.getLoginState())[1]!.access_token).toBe('at-1')
  })

  test('unsubscribing twice removes no other listener', async () => {
    const { authing } = setup()
    const seen: string[] = []
    const unsubscribe = authing.onLoginStateChange(() => seen.push('first'))
    authing.onLoginStateChange(() => seen.push('second'))
    unsubscribe()
    unsubscribe()
    await authing.loginByPassword({ passwordPayload: { account: 'a', password: 'p' } })
    expect(seen).toEqual(['second'])
  })

  test('a listener that unsubscribes while being told does not make the next one miss the change', async () => {
    const { authing } = setup()
    const seen: string[] = []
    const unsubscribe = authing.onLoginStateChange((_state, event) => (seen.push(`first:${event}`), unsubscribe()))
    authing.onLoginStateChange((_state, event) => seen.push(`second:${event}`))
    await authing.loginByPassword({ passwordPayload: { account: 'a', password: 'p' } })
    await authing.logout()
    expect(seen).toEqual(['first:login', 'second:login', 'second:logout'])
  })

  test('logging out or clearing when already logged out tells the listeners nothing', async () => {
    const { authing, login } = setup()
    await login()
    const events: string[] = []
    authing.onLoginStateChange((_state, event) => events.push(event))
    await authing.logout()
    await authing.logout()
    await authing.clearLoginState()
    expect(events).toEqual(['logout'])
  })

  test('a non-function listener gives a harmless unsubscribe', () => {
    const { authing } = setup()
    expect(() => (authing.onLoginStateChange as (x: unknown) => () => void)(42)()).not.toThrow()
  })
})

describe('logout', () => {
  test('clears local state even when the network is down', async () => {
    const { authing, faults, login, storage, key } = setup()
    await login()
    faults.request = { errMsg: 'request:fail' }
    expect(await authing.logout()).toEqual([null, true])
    expect(storage.has(key)).toBe(false)
    expect((await authing.getLoginState())[0]).toMatchObject({ code: 'not_logged_in' })
  })

  test('after logout the old refresh token is rejected by the server', async () => {
    const { authing, server, login } = setup()
    await login()
    await authing.logout()
    expect(server.refreshTokens.has('rt-1')).toBe(false)
    expect(server.valid.has('at-1')).toBe(false)
  })

  test('a refresh that finishes after logout does not bring the session back', async () => {
    const { authing, clock, server, login } = setup()
    await login()
    clock.now += 2 * HOUR
    const { reached, release } = holdNext(server, 'POST /oidc/token')
    const pending = authing.getUserInfo()
    await reached
    await authing.logout()
    release()
    expect((await pending)[0]).toEqual({
      code: 'not_logged_in',
      message: 'Not logged in: logged out while the session was being renewed',
    })
    expect((await authing.getLoginState())[0]).toMatchObject({ code: 'not_logged_in' })
  })

  test('a login while a refresh is in flight wins', async () => {
    const { authing, clock, server, login } = setup()
    await login()
    clock.now += 2 * HOUR
    const { reached, release } = holdNext(server, 'POST /oidc/token')
    const pending = authing.getLoginState()
    await reached
    const [, fresh] = await authing.loginByPassword({ passwordPayload: { account: 'a', password: 'p' } })
    release()
    expect((await pending)[1]!.access_token).toBe(fresh!.access_token)
    expect((await authing.getLoginState())[1]!.access_token).toBe(fresh!.access_token)
  })

  /**
   * A storage that can hold the answer to its next setItem (the value is written at once, as wx does) until the test
   * releases it, and tells when every write started so far has ended.
   */
  function slowNextWrite() {
    const saved = new Map<string, unknown>()
    const writes = new Set<Promise<void>>()
    let held: { written: ReturnType<typeof deferred<void>>; released: ReturnType<typeof deferred<void>> } | undefined
    async function write(key: string, value: unknown) {
      saved.set(key, JSON.parse(JSON.stringify(value)))
      const hold = held
      held = undefined
      if (hold) {
        hold.written.resolve()
        await hold.released.promise
      }
    }
    const storage = {
      getItem: async (key: string) => saved.get(key),
      setItem: (key: string, value: unknown) => {
        const writing = write(key, value)
        writes.add(writing)
        return writing.finally(() => writes.delete(writing))
      },
      removeItem: async (key: string) => void saved.delete(key),
    }
    /** Holds the next write's answer: `written` resolves once its value is stored, `release()` lets it answer. */
    const holdNextWrite = () => {
      const hold = { written: deferred(), released: deferred() }
      held = hold
      return { written: hold.written.promise, release: () => hold.released.resolve() }
    }
    /** Resolves when the writes started so far (a background write included) have ended. */
    const writesEnded = () => Promise.all([...writes])
    return { storage, saved, holdNextWrite, writesEnded }
  }

  test('a refresh that answers while a login is being saved leaves memory and storage with the login', async () => {
    const { storage, saved, holdNextWrite, writesEnded } = slowNextWrite()
    const { authing, clock, server, login, key } = setup({ adapter: { storage } })
    await login()
    clock.now += 2 * HOUR
    const refresh = holdNext(server, 'POST /oidc/token')
    const refreshing = authing.refreshToken()
    await refresh.reached
    const write = holdNextWrite()
    const loggingIn = authing.loginByPassword({ passwordPayload: { account: 'bob', password: 'pw' } })
    await write.written // the login's state is written, the answer of that write held
    refresh.release()
    await refreshing
    write.release()
    const [, state] = await loggingIn
    expect((await authing.getLoginState())[1]).toEqual(state)
    await writesEnded()
    expect(saved.get(key)).toEqual(state)
  })

  test('a logout while a login is being saved: the login, which ends last, is in memory and in storage', async () => {
    const { storage, saved, holdNextWrite, writesEnded } = slowNextWrite()
    const { authing, login, key } = setup({ adapter: { storage } })
    await login()
    const write = holdNextWrite()
    const loggingIn = authing.loginByPassword({ passwordPayload: { account: 'bob', password: 'pw' } })
    await write.written
    expect(await authing.logout()).toEqual([null, true])
    write.release()
    const [, state] = await loggingIn
    expect((await authing.getLoginState())[1]).toEqual(state)
    await writesEnded()
    expect(saved.get(key)).toEqual(state)
  })

  test('clearLoginState forgets the session without any request', async () => {
    const { authing, requests, login } = setup()
    await login()
    expect(await authing.clearLoginState()).toEqual([null, true])
    expect(requests).toHaveLength(0)
    expect((await authing.getLoginState())[0]).toMatchObject({ code: 'not_logged_in' })
  })

  test('deleteAccount clears the local session, which listeners see as a logout', async () => {
    const { authing, login } = setup()
    await login()
    const events: unknown[] = []
    authing.onLoginStateChange((state, event) => events.push([state, event]))
    const [error] = await authing.deleteAccount({ deleteAccountToken: 't' })
    expect(error).toBeNull()
    expect(events).toEqual([[null, 'logout']])
    expect((await authing.getLoginState())[0]).toMatchObject({ code: 'not_logged_in' })
  })
})

describe('storage failures', () => {
  test('a failing read is a storage error, and is tried again next time', async () => {
    const { authing, faults } = setup()
    faults.storage = { errMsg: 'getStorage:fail internal error' }
    expect((await authing.getLoginState())[0]).toMatchObject({ code: 'storage', message: expect.stringContaining('getStorage:fail') })
    faults.storage = undefined
    expect((await authing.getLoginState())[0]).toMatchObject({ code: 'not_logged_in' })
  })

  /** A storage whose next write or removal fails once. */
  function failingOnce() {
    const saved = new Map<string, unknown>()
    let failNext = false
    const maybeFail = () => {
      if (failNext) {
        failNext = false
        throw { errMsg: 'setStorage:fail system error' }
      }
    }
    const storage = {
      getItem: async (key: string) => saved.get(key),
      setItem: async (key: string, value: unknown) => (maybeFail(), void saved.set(key, JSON.parse(JSON.stringify(value)))),
      removeItem: async (key: string) => (maybeFail(), void saved.delete(key)),
    }
    return { storage, saved, failNext: () => (failNext = true) }
  }

  test('a refreshed state that storage refused is written by the next call, so a restart does not lose it', async () => {
    const { storage, saved, failNext } = failingOnce()
    const { authing, clock, login, key } = setup({ adapter: { storage } })
    const before = await login()
    clock.now += 2 * HOUR
    failNext()
    const [error, renewed] = await authing.refreshToken()
    expect(error).toBeNull() // the server rotated the refresh token: memory must keep the new one
    expect(saved.get(key)).toEqual(before) // the old one, whole
    expect((await authing.getUserInfo())[0]).toBeNull()
    expect(saved.get(key)).toEqual(renewed)
  })

  test('a logout whose removal storage refused says storage, and the next call removes it', async () => {
    const { storage, saved, failNext } = failingOnce()
    const { authing, login, key } = setup({ adapter: { storage } })
    await login()
    failNext()
    expect((await authing.logout())[0]).toMatchObject({ code: 'storage' })
    expect((await authing.getLoginState())[0]).toMatchObject({ code: 'not_logged_in' })
    expect(saved.has(key)).toBe(false)
  })

  test('a failing write fails the login and keeps the old state', async () => {
    const { authing, faults, login } = setup()
    const before = await login()
    faults.storage = { errMsg: 'setStorage:fail exceed storage max size' }
    const [error] = await authing.loginByPassword({ passwordPayload: { account: 'a', password: 'p' } })
    expect(error).toMatchObject({ code: 'storage' })
    faults.storage = undefined
    expect((await authing.getLoginState())[1]).toEqual(before)
  })
})
