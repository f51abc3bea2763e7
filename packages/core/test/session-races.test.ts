// The session's race guards, one interleaving each: an answer (of storage or of the server) is held, or the injected
// clock marks the moment, the state changes meanwhile, and the newer state must win.
import type { LoginState, LoginStateEvent } from '@authing/miniapp-core'
import { deferred, envelope, holdNext, setup } from './harness'

const HOUR = 3600 * 1000

/** A storage whose reads answer when the test settles `answer`; writes and removals answer at once. */
function heldRead() {
  const saved = new Map<string, unknown>()
  const answer = deferred()
  const reached = deferred()
  let reads = 0
  const copy = (value: unknown) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)))
  const storage = {
    getItem: (key: string) => {
      reads++
      const value = copy(saved.get(key)) // storage answers with what it held when asked
      reached.resolve()
      return answer.promise.then(() => value)
    },
    setItem: async (key: string, value: unknown) => void saved.set(key, copy(value)),
    removeItem: async (key: string) => void saved.delete(key),
  }
  return { storage, saved, reached: reached.promise, answer, reads: () => reads }
}

test('a read of storage that answers after a login does not bring the stored state back', async () => {
  const { storage, saved, reached, answer } = heldRead()
  const { authing, clock, key } = setup({ adapter: { storage } })
  saved.set(key, { access_token: 'at-stored', refresh_token: 'rt-stored', expires_at: clock.now + HOUR })
  const reading = authing.getLoginState()
  await reached
  const [, loggedIn] = await authing.loginByPassword({ passwordPayload: { account: 'bob', password: 'pw' } })
  answer.resolve()
  expect(await reading).toEqual([null, loggedIn])
  expect((await authing.getLoginState())[1]).toEqual(loggedIn)
  expect(saved.get(key)).toEqual(loggedIn)
})

test('a read of storage that fails after a login is not tried again: memory keeps the login', async () => {
  const { storage, saved, reached, answer, reads } = heldRead()
  const { authing, clock, key } = setup({ adapter: { storage } })
  saved.set(key, { access_token: 'at-stored', refresh_token: 'rt-stored', expires_at: clock.now + HOUR })
  const reading = authing.getLoginState()
  await reached
  const [, loggedIn] = await authing.loginByPassword({ passwordPayload: { account: 'bob', password: 'pw' } })
  answer.reject({ errMsg: 'getStorage:fail internal error' })
  expect((await reading)[0]).toEqual({
    code: 'storage',
    message: 'Storage failed: reading the login state: getStorage:fail internal error',
  })
  expect((await authing.getLoginState())[1]).toEqual(loggedIn)
  expect(reads()).toBe(1)
})

test('a 401 to a call made with a state that was renewed meanwhile is retried with the new token, without a second refresh', async () => {
  const { authing, server, requests, login } = setup()
  await login()
  const { reached, release } = holdNext(server, 'GET /api/v3/get-profile', envelope(undefined, 401, { apiCode: 2020 }))
  const calling = authing.getUserInfo()
  await reached
  const [, renewed] = await authing.refreshToken()
  release()
  const [error, user] = await calling
  expect(error).toBeNull()
  expect(user).toMatchObject({ userId: 'u1' })
  expect(requests.map((r) => `${r.path} ${r.headers.authorization || r.form!.refresh_token}`)).toEqual([
    '/api/v3/get-profile at-1',
    '/oidc/token rt-1',
    `/api/v3/get-profile ${renewed!.access_token}`,
  ])
})

test('a logout between reading an expired session and ending it: the session ends once, as the logout', async () => {
  // The injected clock is read after the state was: a logout made there lands between the read and the end.
  let time = 1_700_000_000_000
  let onClockRead = () => {}
  const { authing, server, storage, key } = setup({ now: () => (onClockRead(), time) })
  server.handlers['POST /api/v3/signin'] = () => envelope({ access_token: 'only', expires_in: 3600 })
  await authing.loginByPassword({ passwordPayload: { account: 'alice', password: 'pw' } })
  const events: [LoginState | null, LoginStateEvent][] = []
  authing.onLoginStateChange((state, event) => events.push([state, event]))
  time += 2 * HOUR
  onClockRead = () => {
    onClockRead = () => {}
    void authing.clearLoginState()
  }
  const [error] = await authing.getLoginState()
  expect(error).toMatchObject({ code: 'session_expired' })
  expect(events).toEqual([[null, 'logout']])
  expect(storage.has(key)).toBe(false)
})
