// Wall-clock figures: password encryption per call for each plugin, and a whole login → profile → logout session
// against the emulator on loopback. Both are reported as median and p95 after a warm-up.
import { getRandomValues } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { DEMO, DEMO_USER } from '@authing/miniapp-emulator'
import { encryptFunction as rsaEncrypt } from '@authing/miniapp-jsencrypt'
import { encryptFunction as sm2Encrypt } from '@authing/miniapp-sm2encrypt'
import { createWx, installWx } from '@authing/miniapp-testing'
import { Authing } from '@authing/miniapp-wx'

const PASSWORD = 'P@ssw0rd-密码-🔑' // ASCII, CJK and an astral-plane character: every UTF-8 length
const ENCRYPTIONS = [
  { name: 'RSA-2048 (@authing/miniapp-jsencrypt)', type: 'rsa', encrypt: rsaEncrypt, runs: 500 },
  { name: 'SM2 (@authing/miniapp-sm2encrypt)', type: 'sm2', encrypt: sm2Encrypt, runs: 200 },
]
const SESSIONS = [
  { name: 'password login → getUserInfo → logout', passwordEncryptType: 'none' },
  { name: 'RSA password login → getUserInfo → logout', passwordEncryptType: 'rsa' },
]
const SESSION_RUNS = 30
const WARM_UP = 3

/** Nearest-rank percentile. */
const percentile = (sorted, q) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]
const round = (ms) => Math.round(ms * 1000) / 1000

/**
 * Runs `task` `warmUp` times unmeasured, then `runs` times; returns the summary in milliseconds. `prepare` runs
 * before each untimed, and its result is handed to `task`.
 */
async function time(task, runs, warmUp, prepare = () => {}) {
  for (let i = 0; i < warmUp; i++) await task(await prepare())
  const times = []
  for (let i = 0; i < runs; i++) {
    const context = await prepare()
    const start = performance.now()
    await task(context)
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return {
    runs,
    medianMs: round(percentile(times, 0.5)),
    p95Ms: round(percentile(times, 0.95)),
    minMs: round(times[0]),
    maxMs: round(times.at(-1)),
  }
}

/** The plugins as the SDK calls them: the emulator's public keys, and a secure random source injected. */
export async function measureEncryption(emulator) {
  const keys = await (await fetch(`${emulator.url}/api/v3/system`)).json()
  const options = { getRandomValues: async (length) => getRandomValues(new Uint8Array(length)) }
  const results = []
  for (const { name, type, encrypt, runs } of ENCRYPTIONS) {
    const publicKey = keys[type].publicKey
    results.push({ name, ...(await time(() => encrypt(PASSWORD, publicKey, options), runs, 20)) })
  }
  return results
}

/** A whole session on a fresh device each run (not timed: the simulated wx): construct, log in, read the profile, log out. */
export async function measureSessions(emulator) {
  const results = []
  const device = () => installWx(createWx({ emulator }))
  for (const { name, passwordEncryptType } of SESSIONS) {
    const session = async (uninstall) => {
      try {
        const authing = new Authing({ appId: DEMO.appId, userPoolId: DEMO.userPoolId, host: emulator.url, encryptFunction: rsaEncrypt })
        const steps = [
          await authing.loginByPassword({
            passwordPayload: { username: DEMO_USER.username, password: DEMO_USER.password },
            options: { passwordEncryptType, scope: 'openid profile offline_access' },
          }),
          await authing.getUserInfo(),
          await authing.logout(),
        ]
        const failed = steps.find(([error]) => error)
        if (failed) throw new Error(`${name}: ${failed[0].code}: ${failed[0].message}`)
      } finally {
        uninstall()
      }
    }
    results.push({ name, ...(await time(session, SESSION_RUNS, WARM_UP, device)) })
  }
  return results
}
