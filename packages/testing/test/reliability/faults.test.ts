// Network and server faults on the four things a session does — log in, make an authenticated call, refresh
// (asked for, or automatic before a call) and log out — through @authing/miniapp-wx on a simulated wx and a real
// emulator. Under a refused or dropped connection, a timeout, HTTP 500, a 502 HTML page, truncated JSON, an empty body
// or a very slow answer, each one:
// - resolves to the documented error code (network, timeout, server) with a readable message, or succeeds when slow;
// - leaves the login state in memory and in storage either the old one or the new one, never a mix or nothing —
//   except logout, which clears it whatever happens;
// - leaves a state that still works: a client started afresh on the same storage (an app relaunched) can use it.
import type { Authing } from '@authing/miniapp-wx'
import { DAY, FAULTS, closedPort, logIn, loseAnswer, memoryOf, outcome, useRig, type Fault } from './helpers'

const rig = useRig()

interface Operation {
  /** The route the fault is put on. */
  route: string
  run(authing: Authing): Promise<unknown>
  /** What a success does to the state. */
  success: 'keeps it' | 'renews it' | 'clears it'
  /** Move the SDK's clock past the access token's lifetime first (the call then refreshes by itself). */
  expire?: boolean
}

const OPERATIONS: Record<string, Operation> = {
  login: { route: '/api/v3/signin', success: 'renews it', run: (a) => logInAgain(a) },
  'authenticated call': { route: '/api/v3/get-profile', success: 'keeps it', run: (a) => a.getUserInfo() },
  refresh: { route: '/oidc/token', success: 'renews it', run: (a) => a.refreshToken() },
  'automatic refresh': { route: '/oidc/token', success: 'renews it', expire: true, run: (a) => a.updateUserInfo({ nickname: 'Faulty' }) },
  logout: { route: '/oidc/token/revocation', success: 'clears it', run: (a) => a.logout() },
}

const logInAgain = (authing: Authing) =>
  authing.loginByPassword({
    passwordPayload: { username: 'demo', password: 'Demo-Passw0rd!' },
    options: { scope: 'openid profile offline_access' },
  })

const cases = Object.entries(OPERATIONS).flatMap(([operation, spec]) =>
  Object.entries(FAULTS).map(([fault, how]) => [operation, fault, spec, how] as [string, string, Operation, Fault]),
)

test.each(cases)('%s under %s', async (_operation, _fault, operation, fault) => {
  const before = await logIn(rig.client())
  if (fault.spec) await rig.emulator.client.setFault({ route: operation.route, ...fault.spec })
  const authing = rig.client({ host: fault.refused ? await closedPort() : rig.emulator.url, timeout: fault.timeout })
  const memory = memoryOf(authing, before)
  if (operation.expire) rig.clock.now += 2 * DAY
  const lost = fault.answerLost ? loseAnswer(rig.wx, operation.route) : undefined

  const [error, data] = await outcome(() => operation.run(authing))
  await rig.emulator.client.clearFaults()
  // The server handles the request whose answer is lost: what follows sees it done, whatever the machine's speed.
  if (lost) await lost.answered

  if (operation.success == 'clears it') {
    expect([error, data]).toEqual([null, true]) // logout succeeds whatever the network does
    expect(memory()).toBeNull()
    expect(rig.stored()).toBeUndefined()
    return
  }
  if (fault.code) {
    expect(error).toMatchObject({ code: fault.code })
    expect(memory()).toEqual(before)
    expect(rig.stored()).toEqual(before)
  } else {
    expect(error).toBeNull()
    expect(rig.stored()).toEqual(memory())
    if (operation.success == 'renews it') expect(memory()!.access_token).not.toBe(before.access_token)
    else expect(memory()).toEqual(before)
  }

  // Nothing was lost: an app relaunched on this storage can use the session, and its refresh token — unless the
  // server did refresh but its answer was lost: then the next refresh ends the session cleanly (see the test below).
  const refreshLost = !!fault.answerLost && operation.route == '/oidc/token'
  const relaunched = rig.client()
  const [callError] = await outcome(() => relaunched.getUserInfo())
  if (refreshLost && operation.expire)
    expect(callError).toMatchObject({ code: 'session_expired' }) // the call had to refresh
  else expect(callError).toBeNull()
  if (!refreshLost) expect((await outcome(() => relaunched.refreshToken()))[0]).toBeNull()
})

test('a refresh whose answer is lost keeps the old state; the server has rotated its refresh token, so the next refresh ends the session cleanly', async () => {
  const before = await logIn(rig.client())
  const lost = loseAnswer(rig.wx, '/oidc/token')
  const authing = rig.client()
  expect((await outcome(() => authing.refreshToken()))[0]).toMatchObject({ code: 'timeout' })
  expect(rig.stored()).toEqual(before)
  await lost.answered // the emulator has handled the refresh nobody waits for any more, rotating the token
  const [error] = await outcome(() => authing.refreshToken())
  expect(error).toMatchObject({ code: 'session_expired' })
  expect(rig.stored()).toBeUndefined()
})
