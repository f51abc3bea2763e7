// Network and server faults on the four things a session does — log in, make an authenticated call, refresh
// (asked for, or automatic before a call) and log out — through @authing/miniapp-wx on a simulated wx and a real
// emulator. Under a refused or dropped connection, a timeout, HTTP 500, a 502 HTML page, truncated JSON, an empty body
// or a very slow answer, each one:
// - resolves to the documented error code (network, timeout, server) with a readable message, or succeeds when slow;
// - leaves the login state in memory and in storage either the old one or the new one, never a mix or nothing —
//   except logout, which clears it whatever happens;
// - leaves a state that still works: a client started afresh on the same storage (an app relaunched) can use it.
import type { Authing } from '@authing/miniapp-wx'
import { DAY, FAULTS, closedPort, logIn, memoryOf, outcome, useRig, type Fault } from './helpers'

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

  const [error, data] = await outcome(() => operation.run(authing))
  await rig.emulator.client.clearFaults()

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

  // Nothing was lost: an app relaunched on this storage can use the session.
  const relaunched = rig.client()
  expect((await outcome(() => relaunched.getUserInfo()))[0]).toBeNull()
  // The refresh token survived too, unless the server did refresh but its answer was lost (see the test below).
  const refreshLost = fault.code == 'timeout' && operation.route == '/oidc/token'
  if (!refreshLost) expect((await outcome(() => relaunched.refreshToken()))[0]).toBeNull()
})

test('a refresh whose answer is lost keeps the old state; the server has rotated its refresh token, so the next refresh ends the session cleanly', async () => {
  const before = await logIn(rig.client())
  await rig.emulator.client.setFault({ route: '/oidc/token', kind: 'latency', ms: 40, times: 1 })
  const authing = rig.client({ timeout: 10 })
  expect((await outcome(() => authing.refreshToken()))[0]).toMatchObject({ code: 'timeout' })
  expect(rig.stored()).toEqual(before)
  await waitForRefreshHandled() // the emulator answers the refresh nobody waits for any more, rotating the token
  const [error] = await outcome(() => authing.refreshToken())
  expect(error).toMatchObject({ code: 'session_expired' })
  expect(rig.stored()).toBeUndefined()
})

/** Waits (briefly, polling the emulator's sessions) until the emulator has rotated the session's refresh token. */
async function waitForRefreshHandled() {
  for (let attempt = 0; attempt < 100; attempt++) {
    if ((await rig.emulator.client.sessions()).some((session) => session.refreshCount > 0)) return
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  throw new Error('the emulator never handled the refresh')
}
