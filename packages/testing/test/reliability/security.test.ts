// Security, through @authing/miniapp-wx on a simulated wx and a real emulator (which records every request it
// receives, raw body included):
// - with an encryptFunction and an encryption type, no password is ever sent in clear: every password-bearing request
//   (sign-in, both passwords of update-password, the account deletion password) carries ciphertext the emulator can
//   decrypt, for generated passwords; a plugin that fails sends nothing;
// - the randomness of encryption comes from the platform's getRandomValues;
// - passwords, codes and tokens never appear in the SDK's error messages or console output, for generated secrets;
// - a non-https host other than loopback is refused at construction; Authorization goes only to the configured host.
import fc from 'fast-check'
import { encryptFunction as rsa } from '@authing/miniapp-jsencrypt'
import { encryptFunction as sm2 } from '@authing/miniapp-sm2encrypt'
import { Authing, type AuthingError, type EncryptFunction } from '@authing/miniapp-wx'
import { allowedHost, refusedHost, runs, secret, tally } from '../../../core/test/properties/arbitraries'
import { DEMO, DEMO_USER, SCOPE, closedPort, logIn, loseAnswer, outcome, useRig } from './helpers'

const rig = useRig()
const PLUGINS: Record<'rsa' | 'sm2', EncryptFunction> = { rsa, sm2 }
const PASSWORD_ROUTES = ['/api/v3/signin', '/api/v3/update-password', '/api/v3/verify-delete-account-request']
let users = 0

/** Passwords users type: any Unicode, short enough for RSA-2048 with PKCS#1 padding (245 bytes). */
const password = secret.filter((text) => Buffer.byteLength(text) <= 200)

/** Every way a text could appear in a request body: as typed, and escaped as JSON would escape it. */
const forms = (text: string) => [text, JSON.stringify(text).slice(1, -1)]

describe.each(['rsa', 'sm2'] as const)('passwords with %s encryption', (type) => {
  test('no password-bearing request carries a password in clear, and the emulator decrypts every one', async () => {
    await fc.assert(
      fc.asyncProperty(password, password, async (first, second) => {
        fc.pre(first != second)
        await rig.emulator.client.clearRequests()
        const username = `user${++users}`
        await rig.emulator.client.createUser({ username, password: first }) // no phone, no e-mail: deletion asks the password
        const authing = rig.client({ encryptFunction: PLUGINS[type] })

        const login = await outcome(() =>
          authing.loginByPassword({ passwordPayload: { username, password: first }, options: { passwordEncryptType: type, scope: SCOPE } }),
        )
        expect(login[0]).toBeNull()
        expect(
          (await outcome(() => authing.updatePassword({ oldPassword: first, newPassword: second, passwordEncryptType: type })))[0],
        ).toBeNull()
        const deletion = await outcome(() =>
          authing.deleteAccountRequest({ verifyMethod: 'PASSWORD', passwordPayload: { password: second, passwordEncryptType: type } }),
        )
        expect(deletion[0]).toBeNull() // the emulator decrypted the new password and found it right

        const log = await rig.emulator.client.requests()
        expect(log.filter((entry) => PASSWORD_ROUTES.includes(entry.path)).map((entry) => entry.path)).toEqual(PASSWORD_ROUTES)
        for (const entry of log) {
          for (const text of [...forms(first), ...forms(second)]) expect(entry.requestBody || '').not.toContain(text)
        }
        const body = (path: string) => JSON.parse(log.find((entry) => entry.path == path)!.requestBody!)
        expect(body('/api/v3/update-password')).toMatchObject({
          oldPassword: expect.any(String),
          newPassword: expect.any(String),
          passwordEncryptType: type,
        })
      }),
      { numRuns: runs(4) },
    )
  })

  test.each<[string, EncryptFunction]>([
    [
      'throws',
      () => {
        throw new Error('no key')
      },
    ],
    ['returns "false"', () => 'false'],
    ['returns an empty string', () => ''],
    ['returns the password unchanged', (text) => text],
  ])('a plugin that %s: encrypt_failed, and nothing password-bearing is sent', async (_name, plugin) => {
    const authing = rig.client({ encryptFunction: plugin })
    await logIn(rig.client())
    const attempts: (() => Promise<unknown>)[] = [
      () =>
        authing.loginByPassword({
          passwordPayload: { username: 'demo', password: DEMO_USER.password },
          options: { passwordEncryptType: type },
        }),
      () => authing.updatePassword({ oldPassword: DEMO_USER.password, newPassword: 'Another-passw0rd', passwordEncryptType: type }),
      () =>
        authing.deleteAccountRequest({
          verifyMethod: 'PASSWORD',
          passwordPayload: { password: DEMO_USER.password, passwordEncryptType: type },
        }),
    ]
    for (const attempt of attempts) expect((await outcome(attempt))[0]).toMatchObject({ code: 'encrypt_failed' })
    const log = await rig.emulator.client.requests()
    expect(
      log
        .filter((entry) => PASSWORD_ROUTES.includes(entry.path) && entry.requestBody?.includes('password'))
        .map((entry) => entry.requestBody),
    ).toEqual([
      expect.stringContaining('Demo-Passw0rd!'), // the plain login of logIn() above, with no encryption asked
    ])
  })
})

test('a sign-in the client gave up on (timeout) is in the emulator log too, and not in clear', async () => {
  const lost = loseAnswer(rig.wx, '/api/v3/signin') // handled by the emulator, but the answer never reaches the client
  const authing = rig.client({ encryptFunction: rsa })
  const attempt = () =>
    authing.loginByPassword({
      passwordPayload: { username: 'demo', password: DEMO_USER.password },
      options: { passwordEncryptType: 'rsa' },
    })
  expect((await outcome(attempt))[0]).toMatchObject({ code: 'timeout' })
  await lost.answered
  const signins = (await rig.emulator.client.requests()).filter((entry) => entry.path == '/api/v3/signin')
  expect(signins).toHaveLength(1)
  expect(signins[0]!.requestBody).toContain('passwordPayload')
  expect(signins[0]!.requestBody).not.toContain(DEMO_USER.password)
})

describe('randomness for encryption', () => {
  test.each(['rsa', 'sm2'] as const)('%s: drawn from the platform getRandomValues, and from nothing else', async (type) => {
    const encryptedLogins = async () => {
      const authing = rig.client({ encryptFunction: PLUGINS[type] })
      for (let i = 0; i < 2; i++) {
        const [error] = await outcome(() =>
          authing.loginByPassword({
            passwordPayload: { username: 'demo', password: DEMO_USER.password },
            options: { passwordEncryptType: type },
          }),
        )
        expect(error).toBeNull()
      }
      const log = await rig.emulator.client.requests()
      await rig.emulator.client.clearRequests()
      return log
        .filter((entry) => entry.path == '/api/v3/signin')
        .map((entry) => JSON.parse(entry.requestBody!).passwordPayload.password as string)
    }
    // The platform's CSPRNG: every encryption asks it, and two encryptions differ.
    const [one, two] = await encryptedLogins()
    expect(rig.wx.count('getRandomValues')).toBeGreaterThanOrEqual(2)
    expect(one).not.toBe(two)
    // A platform whose getRandomValues always answers the same bytes: the ciphertexts are then identical, so no
    // other source of randomness (Math.random, a fallback) took part.
    rig.wx.getRandomValues = ((options: { length: number; success?: (result: { randomValues: ArrayBuffer }) => void }) => {
      setTimeout(() => options.success!({ randomValues: new Uint8Array(options.length).fill(7).buffer }))
    }) as typeof rig.wx.getRandomValues
    const [three, four] = await encryptedLogins()
    expect(three).toBe(four)
  })
})

describe('secrets never appear in error messages or console output', () => {
  const SCENARIOS: Record<string, (secret: string) => Promise<AuthingError[]>> = {
    async 'a wrong password'(text) {
      return errors(rig.client().loginByPassword({ passwordPayload: { username: 'demo', password: text } }))
    },
    async 'a wrong SMS code'(text) {
      return errors(rig.client().loginByPassCode({ passCodePayload: { phone: DEMO_USER.phone, passCode: text } }))
    },
    async 'an unknown WeChat phone code'(text) {
      return errors(rig.client().getPhone({ extIdpConnidentifier: DEMO.extIdpConnidentifier, code: text }))
    },
    async 'data that does not decrypt'(text) {
      return errors(
        rig.client().decryptData({ extIdpConnidentifier: DEMO.extIdpConnidentifier, encryptedData: text, iv: text, code: text }),
      )
    },
    async 'an unknown update or deletion token'(text) {
      const authing = rig.client()
      await logIn(authing)
      return errors(
        authing.updateEmail({ updateEmailToken: text }),
        authing.updatePhone({ updatePhoneToken: text }),
        authing.deleteAccount({ deleteAccountToken: text }),
      )
    },
    async 'a plugin that fails on the password'(text) {
      const failing: EncryptFunction = (plain) => {
        throw new Error(`cannot encrypt ${plain}`)
      }
      const authing = rig.client({ encryptFunction: failing })
      return errors(
        authing.loginByPassword({ passwordPayload: { username: 'demo', password: text }, options: { passwordEncryptType: 'rsa' } }),
      )
    },
    async 'a password too long for RSA'(text) {
      const authing = rig.client({ encryptFunction: rsa })
      return errors(
        authing.loginByPassword({
          passwordPayload: { username: 'demo', password: text.repeat(40) },
          options: { passwordEncryptType: 'rsa' },
        }),
      )
    },
  }

  /** Error halves of the results of some calls (which must all fail). */
  async function errors(...calls: Promise<[AuthingError | null, unknown]>[]): Promise<AuthingError[]> {
    const results = await Promise.all(calls)
    for (const [error] of results) expect(error).not.toBeNull()
    return results.map(([error]) => error!)
  }

  /** Console output during `run`. */
  async function consoleDuring(run: () => Promise<void>): Promise<string[]> {
    const lines: string[] = []
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' '))),
    )
    try {
      await run()
    } finally {
      for (const spy of spies) spy.mockRestore()
    }
    return lines
  }

  const seen = tally()

  test('passwords and codes, generated', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(SCENARIOS)), secret, async (scenario, text) => {
        let messages: string[] = []
        const printed = await consoleDuring(async () => {
          messages = (await SCENARIOS[scenario]!(text)).map((error) => error.message)
        })
        seen.add(scenario)
        for (const line of [...messages, ...printed]) for (const form of forms(text)) expect(line).not.toContain(form)
      }),
      { numRuns: runs(30) },
    )
    expect(Object.keys(seen.counts)).toHaveLength(Object.keys(SCENARIOS).length)
  })

  test.each([
    ['the token route answers 500', { route: '/oidc/token', kind: 'status' as const }],
    ['the token route answers HTML', { route: '/oidc/token', kind: 'html' as const }],
    ['a user route answers truncated JSON', { route: '/api/v3/get-profile', kind: 'truncated' as const }],
    ['a user route drops the connection', { route: '/api/v3/get-profile', kind: 'drop' as const }],
  ])('tokens, when %s, when the session is revoked, when storage fails, when the network is down', async (_name, fault) => {
    const authing = rig.client()
    const state = await logIn(authing)
    const tokens = [state.access_token, state.id_token, state.refresh_token!]
    const messages: string[] = []
    const collect = async (call: () => Promise<unknown>) => {
      const [error] = await outcome(call)
      if (error) messages.push(error.message)
    }
    const printed = await consoleDuring(async () => {
      await rig.emulator.client.setFault(fault)
      rig.clock.now += 2 * 24 * 3600 * 1000
      await collect(() => authing.getUserInfo())
      await collect(() => authing.refreshToken())
      await rig.emulator.client.clearFaults()
      rig.wx.fail('setStorage', 'system error', 1)
      await collect(() => authing.loginByPassword({ passwordPayload: { username: 'demo', password: DEMO_USER.password } }))
      const offline = rig.client({ host: await closedPort() })
      await collect(() => offline.getUserInfo())
      for (const session of await rig.emulator.client.sessions()) await rig.emulator.client.revokeSession(session.id)
      rig.clock.now += 2 * 24 * 3600 * 1000
      await collect(() => authing.getUserInfo())
    })
    expect(messages.length).toBeGreaterThanOrEqual(4)
    for (const line of [...messages, ...printed]) {
      for (const token of tokens) expect(line).not.toContain(token)
      expect(line).not.toMatch(/eyJ[\w-]{8,}/) // nor any other JWT (the tokens of the login storage refused)
    }
  })
})

describe('hosts', () => {
  test('a non-https host other than loopback is refused at construction', () => {
    fc.assert(
      fc.property(refusedHost, (host) => {
        expect(() => new Authing({ appId: DEMO.appId, userPoolId: DEMO.userPoolId, host })).toThrow(
          /^Authing: host must be an https:\/\/ URL/,
        )
      }),
      { numRuns: runs(100) },
    )
    fc.assert(
      fc.property(allowedHost, (host) => {
        expect(() => new Authing({ appId: DEMO.appId, userPoolId: DEMO.userPoolId, host })).not.toThrow()
      }),
      { numRuns: runs(100) },
    )
    expect(rig.wx.count()).toBe(0) // construction does no I/O
  })

  test.each([
    ['as printed by the emulator', (url: string) => url],
    ['with a trailing slash', (url: string) => `${url}/`],
    ['as localhost', (url: string) => url.replace('127.0.0.1', 'localhost')],
  ])('Authorization goes to the configured host only (%s), and never with an upload', async (_name, hostOf) => {
    const host = hostOf(rig.emulator.url)
    const authing = rig.client({ host })
    await logIn(authing)
    for (const call of [
      () => authing.getUserInfo({ withIdentities: true }),
      () => authing.updateUserInfo({ nickname: 'Secure' }),
      () => authing.updateAvatar(),
      () => authing.bindWxByCode(),
      () => authing.refreshToken(),
      () => authing.getPhone({ extIdpConnidentifier: DEMO.extIdpConnidentifier, code: 'mockphone:13900000000' }),
      () => authing.logout(),
    ]) {
      expect((await outcome(call))[0]).toBeNull()
    }
    const base = host.replace(/\/+$/, '')
    const sent = rig.wx.log.filter((call) => call.api == 'request' || call.api == 'uploadFile')
    const authorized = sent.filter((call) =>
      Object.keys((call.args[0] as { header?: object }).header || {}).some((name) => name.toLowerCase() == 'authorization'),
    )
    expect(sent.length).toBeGreaterThanOrEqual(9)
    expect(authorized.length).toBeGreaterThanOrEqual(4)
    for (const call of sent) expect((call.args[0] as { url: string }).url.startsWith(`${base}/`)).toBe(true)
    for (const call of authorized) expect(call.api).toBe('request')
  })
})
