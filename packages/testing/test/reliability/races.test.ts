// Races through @authing/miniapp-wx and a real emulator, which rotates refresh tokens and revokes the whole session
// when a used one comes back (reuse detection). The behaviour each test pins is the documented one:
// - calls that need a renewal at the same moment share one refresh request, whichever way they learn of the expiry;
// - a login that ends while a refresh is in flight wins: the refresh's answer is dropped;
// - a logout while calls are in flight wins: those calls end with not_logged_in, nothing renews or restores the session;
// - two clients on one storage keep separate memories; when both must renew, the second presents a refresh token
//   the first already used, the server ends the session, and both end logged out, with storage cleared.
import { createWxAdapter, type Authing } from '@authing/miniapp-wx'
import { DAY, holdRequests, logIn, memoryOf, outcome, useRig } from './helpers'

const rig = useRig()

/** The refresh requests the emulator received. */
const refreshes = async () => (await rig.emulator.client.requests()).filter((entry) => entry.path == '/oidc/token')

/** Runs `count` authenticated calls at once and returns their results. */
const together = (authing: Authing, count: number) => Promise.all(Array.from({ length: count }, () => outcome(() => authing.getUserInfo())))

describe('100 concurrent authenticated calls across a refresh', () => {
  test('the client sees the expiry: one refresh request, every call succeeds with the new token', async () => {
    const authing = rig.client()
    const before = await logIn(authing)
    rig.clock.now += 2 * DAY
    const results = await together(authing, 100)
    expect(results.map(([error]) => error && error.code)).toEqual(Array(100).fill(null))
    expect(await refreshes()).toHaveLength(1)
    const profiles = (await rig.emulator.client.requests()).filter((entry) => entry.path == '/api/v3/get-profile')
    const [, renewed] = await outcome(() => authing.getLoginState())
    expect(profiles.map((entry) => entry.requestHeaders.authorization)).toEqual(
      Array(100).fill((renewed as { access_token: string }).access_token),
    )
    expect((renewed as { refresh_token: string }).refresh_token).not.toBe(before.refresh_token)
  })

  test('only the server sees the expiry: 100 answers 401, one refresh request, every call retried once and successful', async () => {
    const authing = rig.client()
    await logIn(authing)
    await rig.emulator.client.shiftClock(2 * DAY) // the access token expired on the server; the device clock disagrees
    const results = await together(authing, 100)
    expect(results.map(([error]) => error && error.code)).toEqual(Array(100).fill(null))
    expect(await refreshes()).toHaveLength(1)
    const profiles = (await rig.emulator.client.requests()).filter((entry) => entry.path == '/api/v3/get-profile')
    expect(profiles.filter((entry) => entry.error == null)).toHaveLength(100) // 401 is a V3 business error: HTTP 200
    expect(profiles).toHaveLength(200) // each call: one 401, one retry
  })
})

test('a login that ends while a refresh is in flight wins; the refresh answer is dropped', async () => {
  const authing = rig.client()
  const memory = memoryOf(authing, await logIn(authing))
  await rig.emulator.client.createUser({ username: 'bob', password: 'Bob-passw0rd' })
  rig.clock.now += 2 * DAY
  const refreshRequest = holdRequests(rig.wx, '/oidc/token', 1)
  const refreshing = outcome(() => authing.refreshToken())
  await refreshRequest.held
  const bob = await logIn(authing, 'bob', 'Bob-passw0rd')
  refreshRequest.release() // the refresh is answered after the login ended
  const [refreshError, refreshed] = await refreshing

  expect(refreshError).toBeNull()
  expect(refreshed).toEqual(bob) // the newer state is what the refresh caller gets
  expect(memory()).toEqual(bob)
  expect(rig.stored()).toEqual(bob)
  const [, user] = await outcome(() => authing.getUserInfo())
  expect(user).toMatchObject({ username: 'bob' })
})

test('a refresh that answers while that login is being written to storage: memory and storage both end with the login', async () => {
  // The app's storage is the wx one, with writes that wait for a gate (the adapter option apps use for their own storage).
  const wxStorage = createWxAdapter(rig.wx).storage
  let open = () => {}
  const gate = new Promise<void>((resolve) => (open = resolve))
  let gated = false
  let writing = false
  let writeHeld = () => {}
  const heldWrite = new Promise<void>((resolve) => (writeHeld = resolve))
  const storage = {
    ...wxStorage,
    async setItem(key: string, value: unknown) {
      await wxStorage.setItem(key, value)
      if (!gated) return
      writing = true
      writeHeld()
      await gate
    },
  }
  const authing = rig.client({ adapter: { storage } })
  const memory = memoryOf(authing, await logIn(authing))
  await rig.emulator.client.createUser({ username: 'bob', password: 'Bob-passw0rd' })
  rig.clock.now += 2 * DAY
  const refreshRequest = holdRequests(rig.wx, '/oidc/token', 1)
  const refreshing = outcome(() => authing.refreshToken())
  await refreshRequest.held
  gated = true
  const loggingIn = logIn(authing, 'bob', 'Bob-passw0rd')
  await heldWrite // the login's state is being written
  refreshRequest.release()
  expect((await refreshing)[0]).toBeNull()
  expect(writing).toBe(true) // the refresh was answered while the login's state was being written
  open()
  const bob = await loggingIn
  await new Promise((resolve) => setImmediate(resolve))
  expect(memory()).toEqual(bob)
  expect(rig.stored()).toEqual(bob)
})

test('a logout while calls are in flight wins: they end with not_logged_in, nothing renews or restores the session', async () => {
  const authing = rig.client()
  const memory = memoryOf(authing, await logIn(authing))
  const profileRequests = holdRequests(rig.wx, '/api/v3/get-profile', 10)
  const calls = together(authing, 10)
  await profileRequests.held // the ten calls are on the wire (held in the client until released)
  expect(await outcome(() => authing.logout())).toEqual([null, true])
  profileRequests.release() // they reach the server after the logout
  const results = await calls

  expect(results.map(([error]) => error && error.code)).toEqual(Array(10).fill('not_logged_in'))
  expect(memory()).toBeNull()
  expect(rig.stored()).toBeUndefined()
  expect(await refreshes()).toHaveLength(0)
  const sessions = await rig.emulator.client.sessions()
  expect(sessions.every((session) => session.revokedAt !== null)).toBe(true)
})

describe('two clients sharing one storage', () => {
  test('one after the other: the second refresh is a reuse, the server ends the session, both end logged out', async () => {
    const first = rig.client()
    const second = rig.client()
    const state = await logIn(first)
    expect((await outcome(() => second.getLoginState()))[1]).toEqual(state) // read from the shared storage
    rig.clock.now += 2 * DAY

    expect((await outcome(() => first.getUserInfo()))[0]).toBeNull() // renews, stores the rotated state
    expect((await outcome(() => second.getUserInfo()))[0]).toMatchObject({ code: 'session_expired' }) // presents the used token
    expect(rig.stored()).toBeUndefined()
    expect((await outcome(() => first.getUserInfo()))[0]).toMatchObject({ code: 'session_expired' }) // its session was revoked
    expect((await outcome(() => first.getLoginState()))[0]).toMatchObject({ code: 'not_logged_in' })
    expect((await outcome(() => second.getLoginState()))[0]).toMatchObject({ code: 'not_logged_in' })
  })

  test('at the same moment: whatever the order of answers, both end logged out with storage cleared', async () => {
    const first = rig.client()
    const second = rig.client()
    await logIn(first)
    await outcome(() => second.getLoginState())
    rig.clock.now += 2 * DAY
    const results = (await Promise.all([together(first, 3), together(second, 3)])).flat()
    // A call succeeds, or learns that the session ended (session_expired), or that it ended meanwhile (not_logged_in).
    for (const [error] of results) if (error) expect(error.code).toMatch(/^(session_expired|not_logged_in)$/)
    expect(results.some(([error]) => error && error.code == 'session_expired')).toBe(true)
    // Once each client has made one more call, the outcome is the same whichever refresh the server took first.
    for (const client of [first, second]) {
      const [error] = await outcome(() => client.getUserInfo())
      expect(error && error.code).toMatch(/^(session_expired|not_logged_in)$/)
    }
    expect(rig.stored()).toBeUndefined()
  })
})
