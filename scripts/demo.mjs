// The demo: a scripted mini program session on the SDK against the local Authing emulator, one line per step.
//
//   pnpm demo                                   # wx, with an emulator started in-process
//   pnpm demo --platform uniapp              # the same session on uni-app (or taro, or tt: Douyin's protocol)
//   pnpm demo --host http://127.0.0.1:3000   # against an emulator started with `pnpm emulator` (left as it was)
//
// It exits 0 only when every step behaved as expected.
import { parseArgs } from 'node:util'
import { createEmulatorClient, DEMO, DEMO_USER, startEmulator } from '@authing/miniapp-emulator'
import {
  createTaro,
  createTt,
  createUni,
  createWx,
  installTaro,
  installTt,
  installUni,
  installWx,
  SAMPLE_PNG,
} from '@authing/miniapp-testing'
import { encryptFunction as rsaEncrypt } from '@authing/miniapp-jsencrypt'
import { encryptFunction as sm2Encrypt } from '@authing/miniapp-sm2encrypt'

const USAGE = 'usage: pnpm demo [--platform wx|tt|taro|uniapp] [--host http://127.0.0.1:3000]'

/** Ends the demo with a message and the usage, without a stack trace. */
function usageError(message) {
  console.error(`${message}\n${USAGE}`)
  process.exit(2)
}

let args
try {
  ;({ values: args } = parseArgs({
    // `pnpm demo -- --host …` passes the `--` through.
    args: process.argv[2] === '--' ? process.argv.slice(3) : process.argv.slice(2),
    options: { platform: { type: 'string', default: 'wx' }, host: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  }))
} catch (error) {
  usageError(error.message)
}
if (args.help) {
  console.log(USAGE)
  process.exit(0)
}

const SCOPE = 'openid profile phone email offline_access'
const PHONE = '13900000001'

// The platform: a simulated runtime installed where the platform package looks for it, then the package itself.
const PLATFORMS = {
  wx: { create: createWx, install: installWx, module: '@authing/miniapp-wx' },
  tt: { create: createTt, install: installTt, module: '@authing/miniapp-tt', douyin: true },
  taro: { create: createTaro, install: installTaro, module: '@authing/miniapp-taro' },
  uniapp: { create: (options) => createUni({ ...options, vue: 3 }), install: installUni, module: '@authing/miniapp-uniapp' },
}
const platform = PLATFORMS[args.platform]
if (!platform) usageError(`--platform must be one of ${Object.keys(PLATFORMS).join(', ')}, got "${args.platform}"`)

// What differs on Douyin: the identity source, the provider and login API, and the phone number, which a
// getPhoneNumber button hands over encrypted with the session key of the user's Douyin login (no phone code).
const DOUYIN = {
  extIdpConnidentifier: DEMO.douyinExtIdpConnidentifier,
  name: 'Douyin',
  provider: 'douyin',
  login: 'tt.login',
  openid: '_000demo-douyin-user',
  async phone() {
    await runtime.login()
    const phoneParams = await runtime.phoneNumber(PHONE)
    return { getPhone: phoneParams, loginByPhone: { miniProgramCodeAndPhonePayload: { phoneParams } } }
  },
}
const WECHAT = {
  extIdpConnidentifier: DEMO.extIdpConnidentifier,
  name: 'WeChat',
  provider: 'wechat',
  login: 'wx.login',
  openid: 'o-demo-wechat-user',
  async phone() {
    return {
      getPhone: { code: await runtime.phoneCode(PHONE) },
      loginByPhone: { wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: { code: await runtime.phoneCode(PHONE) } } },
    }
  },
}
const protocol = platform.douyin ? DOUYIN : WECHAT
const OPENID = protocol.openid

const emulator = args.host ? null : await startEmulator({ port: 0, logger: false })
const host = args.host || emulator.url
const control = createEmulatorClient(host)

// An emulator started by someone else is left as it was found: its state is saved now and put back at the end, so the
// demo passes on every run (SMS codes are throttled per number; the profile edit would change nothing the second time).
let saved
try {
  saved = emulator ? null : await control.exportState()
} catch (error) {
  // The control-plane client reports a refused connection with status 0 and asks whether the emulator runs.
  const hint = error.status === 0 ? ' Start it with `pnpm emulator` in another terminal, or run `pnpm demo` without --host.' : ''
  console.error(`Cannot use the emulator at ${host}: ${error.message}${hint}`)
  process.exit(1)
}
const runtime = platform.create({ emulator: host, openid: OPENID })
const uninstall = platform.install(runtime)
const { Authing } = await import(platform.module)

// The device clock, moved forward with the emulator's to skip past token expiry (the SDK's `now` option).
let clockShift = 0
const now = () => Date.now() + clockShift

// Two apps' worth of configuration: one encrypts with RSA, one with SM2 (an app picks one plugin).
const options = { appId: DEMO.appId, userPoolId: DEMO.userPoolId, host, now }
const authing = new Authing({ ...options, encryptFunction: rsaEncrypt })
const authingSm2 = new Authing({ ...options, encryptFunction: sm2Encrypt })
const events = []
authing.onLoginStateChange((state, event) => events.push(event))

/** Fails the step unless the SDK call succeeded; returns its data. */
function ok([error, data]) {
  if (error) throw new Error(`${error.code}: ${error.message}`)
  return data
}

/** The password field of the last sign-in the emulator received, exactly as it travelled. */
async function lastSentPassword() {
  const [entry] = (await control.requests({ limit: 50 })).filter((r) => r.path == '/api/v3/signin').slice(-1)
  return JSON.parse(entry.requestBody).passwordPayload.password
}

const steps = []
const step = (title, run) => steps.push({ title, run })

step('loginByPassword (plain)', async () => {
  const state = ok(
    await authing.loginByPassword({
      passwordPayload: { username: DEMO_USER.username, password: DEMO_USER.password },
      options: { scope: SCOPE },
    }),
  )
  return `logged in as "${DEMO_USER.username}", token valid for ${state.expires_in} s`
})

step('loginByPassword (RSA)', async () => {
  ok(
    await authing.loginByPassword({
      passwordPayload: { account: DEMO_USER.email, password: DEMO_USER.password },
      options: { passwordEncryptType: 'rsa', scope: SCOPE },
    }),
  )
  const sent = await lastSentPassword()
  if (sent.includes(DEMO_USER.password) || !/^[A-Za-z0-9+/]{300,}=*$/.test(sent))
    throw new Error('the password did not travel RSA-encrypted')
  return `server decrypted a ${sent.length}-char base64 ciphertext`
})

step('loginByPassword (SM2)', async () => {
  ok(
    await authingSm2.loginByPassword({
      passwordPayload: { phone: DEMO_USER.phone, password: DEMO_USER.password },
      options: { passwordEncryptType: 'sm2', scope: SCOPE },
    }),
  )
  const sent = await lastSentPassword()
  if (sent.includes(DEMO_USER.password) || !/^[0-9a-f]{200,}$/.test(sent)) throw new Error('the password did not travel SM2-encrypted')
  return `server decrypted a ${sent.length}-char C1C3C2 hex ciphertext`
})

step('sendSms + loginByPassCode', async () => {
  ok(await authing.sendSms({ phoneNumber: DEMO_USER.phone, channel: 'CHANNEL_LOGIN' }))
  const { code } = await control.latestCode(DEMO_USER.phone, 'CHANNEL_LOGIN')
  ok(await authing.loginByPassCode({ passCodePayload: { phone: DEMO_USER.phone, passCode: code }, options: { scope: SCOPE } }))
  return `code ${code} read from the emulator, logged in`
})

step(`loginByCode (${protocol.name})`, async () => {
  ok(await authing.loginByCode({ extIdpConnidentifier: protocol.extIdpConnidentifier, options: { scope: SCOPE } }))
  const user = ok(await authing.getUserInfo({ withIdentities: true }))
  const identity = user.identities.find((i) => i.provider == protocol.provider)
  if (!identity || identity.userIdInIdp != OPENID) throw new Error(`no ${protocol.name} identity on the user`)
  return `fresh ${protocol.login} code exchanged; user ${user.userId} has openid ${OPENID}`
})

step('getPhone + loginByPhone', async () => {
  const { extIdpConnidentifier } = protocol
  const { getPhone, loginByPhone } = await protocol.phone()
  const phone = ok(await authing.getPhone({ extIdpConnidentifier, ...getPhone }))
  ok(await authing.loginByPhone({ extIdpConnidentifier, ...loginByPhone, options: { scope: SCOPE } }))
  const user = ok(await authing.getUserInfo())
  if (user.phone != PHONE) throw new Error(`expected phone ${PHONE}, got ${user.phone}`)
  return `phone ${phone.phoneNumber} shared; logged in with it`
})

step('getUserInfo + updateUserInfo', async () => {
  ok(
    await authing.loginByPassword({
      passwordPayload: { username: DEMO_USER.username, password: DEMO_USER.password },
      options: { scope: SCOPE },
    }),
  )
  const before = ok(await authing.getUserInfo())
  const after = ok(await authing.updateUserInfo({ nickname: 'Demo 2', city: 'Hangzhou' }))
  if (after.nickname != 'Demo 2' || after.city != 'Hangzhou') throw new Error('the profile did not change')
  return `nickname "${before.nickname}" → "${after.nickname}", city ${after.city}`
})

step('updateAvatar', async () => {
  const upload = ok(await authing.updateAvatar())
  const served = new Uint8Array(await (await fetch(upload.data.url)).arrayBuffer())
  if (served.length != SAMPLE_PNG.length || served.some((b, i) => b != SAMPLE_PNG[i]))
    throw new Error('the served file differs from the picked one')
  const user = ok(await authing.getUserInfo())
  if (user.photo != upload.data.url) throw new Error('the photo was not set')
  return `${served.length}-byte image uploaded, served back, set as photo`
})

step('automatic refresh after a clock jump', async () => {
  const before = ok(await authing.getLoginState())
  const jump = before.expires_in * 1000 + 60_000
  await control.shiftClock(jump)
  clockShift += jump
  const requestsBefore = runtime.count('request')
  // Five taps at once after expiry: they share one refresh.
  const results = await Promise.all([1, 2, 3, 4, 5].map(() => authing.getUserInfo()))
  results.forEach(ok)
  const used = runtime.count('request') - requestsBefore
  const after = ok(await authing.getLoginState())
  if (used != 6 || after.access_token == before.access_token) throw new Error(`expected 1 refresh + 5 calls, saw ${used} requests`)
  return 'token expired; 5 concurrent calls shared 1 refresh and all succeeded'
})

step('logout', async () => {
  const { refresh_token: old } = ok(await authing.getLoginState())
  ok(await authing.logout())
  const [error] = await authing.getUserInfo()
  if (!error || error.code != 'not_logged_in') throw new Error('still logged in')
  const reuse = await fetch(`${host}/oidc/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-authing-app-id': DEMO.appId },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: old }),
  })
  const body = await reuse.json()
  if (body.error != 'invalid_grant') throw new Error('the old refresh token still works')
  return 'tokens revoked; the old refresh token is rejected'
})

const width = Math.max(...steps.map((s) => s.title.length)) + 2
console.log(`Authing mini program SDK demo — ${args.platform} runtime against ${host}\n`)
let failures = 0
const started = Date.now()
for (const [index, { title, run }] of steps.entries()) {
  const requests = runtime.count('request') + runtime.count('uploadFile')
  const begin = Date.now()
  let outcome
  let detail
  try {
    detail = await run()
    outcome = 'ok  '
  } catch (error) {
    failures++
    outcome = 'FAIL'
    detail = error.message
  }
  const used = runtime.count('request') + runtime.count('uploadFile') - requests
  const stats = `${String(used).padStart(2)} req ${String(Date.now() - begin).padStart(4)} ms`
  console.log(`${String(index + 1).padStart(2)}. ${title.padEnd(width)}${outcome} ${stats}  ${detail}`)
}
console.log(
  `\n${steps.length - failures}/${steps.length} steps as expected, ${runtime.count('request') + runtime.count('uploadFile')} requests, ` +
    `${Date.now() - started} ms; login-state events: ${events.join(', ')}`,
)

if (saved) {
  await control.importState(saved)
  console.log(
    `The emulator at ${host} is back as it was before the demo (users, codes, tokens, uploads, clock); only its request log grew.`,
  )
}
uninstall()
runtime.cleanup()
if (emulator) await emulator.close()
process.exit(failures ? 1 : 0)
