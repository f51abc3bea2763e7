// Requests and platform calls per SDK operation, counted on the simulated wx runtime (its per-API call counter)
// against an in-process emulator (whose request log names each HTTP request). Each operation states what the
// design says it may cost (docs/architecture.md §4), and what the official 5.x SDK was seen doing (docs/protocol.md §12).
import { DEMO, DEMO_USER } from '@authing/miniapp-emulator'
import { createWx, installWx } from '@authing/miniapp-testing'
import { encryptFunction as rsaEncrypt } from '@authing/miniapp-jsencrypt'
import { Authing } from '@authing/miniapp-wx'

const SCOPE = 'openid profile offline_access' // offline_access: a refresh token, so expiry can be survived
const CONCURRENT = 20
const STORAGE_APIS = ['getStorage', 'setStorage', 'removeStorage']

/** Fails the bench unless the SDK call succeeded; returns its data. */
function ok([error, data]) {
  if (error) throw new Error(`${error.code}: ${error.message}`)
  return data
}

/** Lets work the SDK started in the background (a storage read after the constructor, say) reach the counter. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20))

/** Which of the expected counts the measurement missed, as "getStorage 1 (expected 0)". */
function deviations(measured, expected) {
  return Object.entries(expected)
    .filter(([key, value]) => (measured[key] ?? 0) !== value)
    .map(([key, value]) => `${key} ${measured[key] ?? 0} (expected ${value})`)
}

/**
 * Runs the operations in order on one simulated device. `emulator` is a running in-process emulator.
 * @returns one record per operation
 */
export async function measureOperations(emulator) {
  const control = emulator.client
  const runtime = createWx({ emulator })
  const uninstall = installWx(runtime)
  let clockShift = 0
  const options = {
    appId: DEMO.appId,
    userPoolId: DEMO.userPoolId,
    host: emulator.url,
    encryptFunction: rsaEncrypt,
    now: () => Date.now() + clockShift,
  }
  const passwordLogin = (client) =>
    client.loginByPassword({
      passwordPayload: { username: DEMO_USER.username, password: DEMO_USER.password },
      options: { passwordEncryptType: 'rsa', scope: SCOPE },
    })

  /** Moves the emulator's clock and the SDK's past the expiry of the current access token (and the refresh margin). */
  async function expireAccessToken(client) {
    const { expires_in } = ok(await client.getLoginState())
    const jump = expires_in * 1000 + 2 * 60_000
    await control.shiftClock(jump)
    clockShift += jump
  }

  const records = []
  /**
   * Counts what `run` costs. `expected`: the counts the design allows; `target`: the target, where it sets
   * one; `official`: what the 5.x SDK was seen doing.
   */
  async function measure(name, run, { expected, target, official = '' }) {
    await settle()
    const since = (await control.requests({ limit: 1 })).at(-1)?.id ?? 0
    runtime.resetCounts()
    const extra = (await run()) || {}
    await settle()
    const http = (await control.requests({ since })).map((entry) => `${entry.method} ${entry.path}`)
    const calls = { ...runtime.calls }
    const record = {
      name,
      requests: (calls.request || 0) + (calls.uploadFile || 0),
      refreshRequests: http.filter((line) => line == 'POST /oidc/token').length,
      storage: STORAGE_APIS.reduce((sum, api) => sum + (calls[api] || 0), 0),
      platformCalls: runtime.count(),
      calls,
      http,
      ...extra,
    }
    const measured = { ...calls, ...record }
    record.expected = expected
    record.deviations = deviations(measured, expected)
    if (target) record.target = { counts: target, met: deviations(measured, target).length == 0 }
    record.official = official
    records.push(record)
    return record
  }

  let client
  try {
    await measure('new Authing()', () => void (client = new Authing(options)), {
      expected: { platformCalls: 0 },
      target: { platformCalls: 0 },
      official: '5 calls, incl. wx.login',
    })
    await measure('loginByPassword RSA, 1st', async () => void ok(await passwordLogin(client)), {
      expected: { requests: 2, setStorage: 1 },
      official: '2 requests (system, signin)',
    })
    await measure('loginByPassword RSA, 2nd', async () => void ok(await passwordLogin(client)), {
      expected: { requests: 1, getStorage: 0, setStorage: 1 },
      target: { requests: 1 },
      official: '2 requests (system again)',
    })
    await measure('getLoginState', async () => void ok(await client.getLoginState()), {
      expected: { platformCalls: 0 },
    })
    // An app start with a stored session: a new client over the same storage reads it once.
    client = new Authing(options)
    await measure('getUserInfo, 1st (app start)', async () => void ok(await client.getUserInfo()), {
      expected: { requests: 1, getStorage: 1, setStorage: 0 },
      official: '1 request + 1 getStorage',
    })
    await measure('getUserInfo, repeated', async () => void ok(await client.getUserInfo()), {
      expected: { requests: 1, storage: 0 },
      target: { requests: 1, storage: 0 },
      official: '1 request + 1 getStorage',
    })
    await measure('updateUserInfo', async () => void ok(await client.updateUserInfo({ nickname: 'Bench' })), {
      expected: { requests: 1, storage: 0 },
    })
    await measure('refreshToken', async () => void ok(await client.refreshToken()), {
      expected: { requests: 1, refreshRequests: 1, setStorage: 1 },
    })
    await measure('logout', async () => void ok(await client.logout()), {
      expected: { requests: 2, removeStorage: 1 },
      official: '1 request (access token)',
    })
    const codeLogin = () => client.loginByCode({ extIdpConnidentifier: DEMO.extIdpConnidentifier, options: { scope: SCOPE } })
    await measure('loginByCode', async () => void ok(await codeLogin()), {
      expected: { login: 1, requests: 1, setStorage: 1 },
    })
    await expireAccessToken(client)
    await measure('getUserInfo after expiry', async () => void ok(await client.getUserInfo()), {
      expected: { requests: 2, refreshRequests: 1, setStorage: 1 },
      official: 'fails ("Token has expired")',
    })
    await expireAccessToken(client)
    await measure(
      `${CONCURRENT} × getUserInfo after expiry`,
      async () => {
        const results = await Promise.all(Array.from({ length: CONCURRENT }, () => client.getUserInfo()))
        return { successes: results.filter(([error]) => !error).length, attempts: CONCURRENT }
      },
      {
        expected: { requests: CONCURRENT + 1, refreshRequests: 1, setStorage: 1, successes: CONCURRENT },
        target: { successes: CONCURRENT, refreshRequests: 1 },
        official: `${CONCURRENT} failures, no refresh`,
      },
    )
  } finally {
    uninstall()
    runtime.cleanup()
  }
  return records
}
