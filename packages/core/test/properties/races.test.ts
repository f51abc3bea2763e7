// Concurrency, explored by fast-check's scheduler: a few operations started at once on a client whose stored session
// has not been read yet, with every storage answer and every server answer delivered in a generated order. Whatever the
// interleaving:
// - every operation resolves to a documented result, and none says session_expired (nothing here ends the session);
// - a refresh token is never presented twice (the server rotates them: a second use would revoke the session);
// - at the end memory and storage hold the same state, and a state that is kept is one the server still accepts;
// - the refresh token of every session a logout ended is no longer valid on the server;
// - with storage operations failing as well, memory and storage agree again once the next call has run.
import fc from 'fast-check'
import { Authing, type LoginState } from '@authing/miniapp-core'
import { expectResult, settle } from '../contract'
import { APP_ID, createAdapter, createServer, HOST, POOL_ID } from '../harness'
import { runs, tally } from './arbitraries'

const HOUR = 3600 * 1000
const OPERATIONS = {
  getUserInfo: (a: Authing) => a.getUserInfo(),
  updateUserInfo: (a: Authing) => a.updateUserInfo({ nickname: 'n' }),
  getLoginState: (a: Authing) => a.getLoginState(),
  refreshToken: (a: Authing) => a.refreshToken(),
  login: (a: Authing) => a.loginByPassword({ passwordPayload: { account: 'bob', password: 'pw' } }),
  logout: (a: Authing) => a.logout(),
}
type Operation = keyof typeof OPERATIONS
const outcomes = tally()

/**
 * A client whose storage and server answer when the scheduler says so; the stored session expires `expiresIn` from now.
 * `failures` says which storage operations fail, in order (a failed one changes nothing).
 */
function scheduledClient(s: fc.Scheduler, expiresIn: number, failures: boolean[] = []) {
  const clock = { now: 1_700_000_000_000 }
  const server = createServer(clock)
  const { adapter } = createAdapter(server)
  const key = `authing:${APP_ID}:login-state`
  const stored = new Map<string, unknown>()
  const copy = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)))
  // Storage applies each operation in call order (as wx does); only its answer is delivered late.
  const operate = <T>(label: string, effect: () => T): Promise<T> => {
    if (!failures.shift()) return s.schedule(Promise.resolve(effect()), label)
    outcomes.add('storage failure injected')
    return s.schedule(Promise.reject({ errMsg: `${label}:fail system error` }), `${label} fails`)
  }
  adapter.storage = {
    getItem: (name) => operate('getStorage', () => copy(stored.get(name))),
    setItem: (name, value) => operate(`setStorage ${(value as LoginState).access_token}`, () => void stored.set(name, copy(value))),
    removeItem: (name) => operate('removeStorage', () => void stored.delete(name)),
  }
  // The server handles a request when the scheduler delivers it.
  const request = adapter.request
  adapter.request = (sent) => s.schedule(Promise.resolve(), `request ${new URL(sent.url).pathname}`).then(() => request(sent))
  // A refresh token presented again after it was rotated away is a reuse the real server punishes.
  const rotated = new Set<string>()
  const reused: string[] = []
  const refresh = server.handlers['POST /oidc/token']!
  server.handlers['POST /oidc/token'] = (seen) => {
    const token = seen.form!.refresh_token!
    if (rotated.has(token)) reused.push(token)
    if (server.refreshTokens.has(token)) rotated.add(token)
    return refresh(seen)
  }
  const initial = { ...server.issue(), expires_at: clock.now + expiresIn }
  stored.set(key, initial)
  const authing = new Authing({ appId: APP_ID, userPoolId: POOL_ID, host: HOST, now: () => clock.now }, adapter)
  return { authing, server, stored: () => stored.get(key) as LoginState | undefined, reused, initial }
}

test('operations started together, in any interleaving, leave one consistent login state the server accepts', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.scheduler(),
      fc.array(fc.constantFrom(...(Object.keys(OPERATIONS) as Operation[])), { minLength: 2, maxLength: 6 }),
      fc.constantFrom(-HOUR, 30 * 1000, HOUR), // expired, inside the refresh margin, fresh
      async (s, operations, expiresIn) => {
        const { authing, server, stored, reused, initial } = scheduledClient(s, expiresIn)
        let memory: LoginState | null = initial
        const endedByLogout: string[] = []
        authing.onLoginStateChange((state, event) => {
          if (event == 'logout' && memory) endedByLogout.push(memory.refresh_token!)
          memory = state
        })

        const results = await s.waitFor(Promise.all(operations.map((name) => settle(() => OPERATIONS[name](authing)))))
        await s.waitIdle()

        for (const result of results) {
          expectResult(result)
          const [error] = result as [{ code: string } | null]
          outcomes.add(error ? error.code : 'ok')
          expect(error && error.code).not.toBe('session_expired')
        }
        expect(reused).toEqual([])
        expect(stored()).toEqual(memory || undefined)
        const kept = memory as LoginState | null
        if (kept) {
          expect(server.valid.has(kept.access_token)).toBe(true)
          expect(server.refreshTokens.has(kept.refresh_token!)).toBe(true)
        }
        expect(endedByLogout.filter((token) => server.refreshTokens.has(token))).toEqual([])
      },
    ),
    { numRuns: runs(150) },
  )
})

test('with storage operations failing too, memory and storage agree again after the next call', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.scheduler(),
      fc.array(fc.constantFrom(...(Object.keys(OPERATIONS) as Operation[])), { minLength: 2, maxLength: 5 }),
      fc.constantFrom(-HOUR, HOUR),
      fc.array(fc.boolean(), { maxLength: 8 }),
      async (s, operations, expiresIn, failures) => {
        const { authing, server, stored, reused } = scheduledClient(s, expiresIn, failures)
        const results = await s.waitFor(Promise.all(operations.map((name) => settle(() => OPERATIONS[name](authing)))))
        await s.waitIdle()
        for (const result of results) {
          expectResult(result)
          const [error] = result as [{ code: string } | null]
          outcomes.add(error ? error.code : 'ok')
          expect(error && error.code).not.toBe('session_expired')
        }
        expect(reused).toEqual([])

        failures.length = 0 // storage works again: the next call settles it
        const [error, memory] = (await s.waitFor(authing.getLoginState())) as [{ code: string } | null, LoginState | undefined]
        await s.waitIdle()
        if (error) expect(error.code).toBe('not_logged_in')
        expect(stored()).toEqual(memory)
        if (memory) expect(server.refreshTokens.has(memory.refresh_token!)).toBe(true)
      },
    ),
    { numRuns: runs(150) },
  )
})

test('the interleavings ended in successes and in refusals', () => {
  console.log('races:', outcomes.counts)
  expect(outcomes.counts.ok).toBeGreaterThan(0)
  expect(outcomes.counts.not_logged_in).toBeGreaterThan(0)
  expect(outcomes.counts.storage).toBeGreaterThan(0)
})
