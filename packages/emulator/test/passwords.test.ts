// /api/v3/system and encrypted passwords: RSA (jsencrypt) and SM2 (sm-crypto) ciphertexts made with the keys the
// emulator serves, in every place a password is accepted.
import { constants, generateKeyPairSync, publicEncrypt } from 'node:crypto'
import JSEncrypt from 'jsencrypt'
import { sm2 } from 'sm-crypto'
import { APP, authed, call, DEMO_USER, expectError, post, signin, useEmulator } from './helpers'

const emulator = useEmulator()

async function publicKeys(): Promise<{ rsa: string; sm2: string }> {
  const { body } = await call(emulator(), 'GET', '/api/v3/system')
  return { rsa: body.rsa.publicKey, sm2: body.sm2.publicKey }
}

function rsaEncrypt(pem: string, text: string): string {
  const encryptor = new JSEncrypt()
  encryptor.setPublicKey(pem)
  const result = encryptor.encrypt(text)
  if (result === false) throw new Error('jsencrypt failed')
  return result
}

const PASSWORDS = {
  ascii: 'Str0ng-Passw0rd!',
  chinese: '我的密码是中文的',
  emoji: 'p@ss🔐word🎉',
}

describe('GET /api/v3/system', () => {
  test('answers a bare object with an RSA SPKI PEM key and an uncompressed SM2 key', async () => {
    const { status, body } = await call(emulator(), 'GET', '/api/v3/system')
    expect(status).toBe(200)
    expect(body.statusCode).toBeUndefined()
    expect(body.rsa.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n?$/)
    expect(body.sm2.publicKey).toMatch(/^04[0-9a-f]{128}$/)
    expect(body.version).toEqual({ server: expect.any(String), console: expect.any(String), login: expect.any(String) })
    expect(body.publicIps).toEqual(expect.any(Array))
  })
})

describe.each(Object.entries(PASSWORDS))('a %s password', (_name, password) => {
  let username: string
  beforeEach(async () => {
    username = `u${Math.random().toString(36).slice(2, 9)}`
    await emulator().client.createUser({ username, password })
  })

  const cases: Array<[string, 'rsa' | 'sm2', (keys: { rsa: string; sm2: string }) => string]> = [
    ['jsencrypt RSA', 'rsa', (keys) => rsaEncrypt(keys.rsa, password)],
    ['SM2 C1C3C2 without 04 (official)', 'sm2', (keys) => sm2.doEncrypt(password, keys.sm2, 1)],
    ['SM2 C1C3C2 with 04', 'sm2', (keys) => `04${sm2.doEncrypt(password, keys.sm2, 1)}`],
    ['SM2 C1C2C3', 'sm2', (keys) => sm2.doEncrypt(password, keys.sm2, 0)],
  ]
  test.each(cases)('logs in when encrypted with %s', async (_label, type, encrypt) => {
    const ciphertext = encrypt(await publicKeys())
    const answer = await signin(emulator(), { username, password: ciphertext }, { passwordEncryptType: type })
    expect(answer.body.statusCode).toBe(200)
    expect(answer.body.data.access_token).toEqual(expect.any(String))
  })

  test('the request log shows the ciphertext, not the password', async () => {
    const ciphertext = sm2.doEncrypt(password, (await publicKeys()).sm2, 1)
    await signin(emulator(), { username, password: ciphertext }, { passwordEncryptType: 'sm2' })
    const [entry] = (await emulator().client.requests()).filter((item) => item.path === '/api/v3/signin').slice(-1)
    expect(entry?.requestBody).toContain(ciphertext)
    expect(entry?.requestBody).not.toContain(password)
  })
})

describe('RSA details', () => {
  test('a ciphertext one byte shorter than the modulus (JSEncrypt drops a leading zero) still decrypts', async () => {
    const { rsa } = await publicKeys()
    let cipher: Buffer
    do {
      cipher = publicEncrypt({ key: rsa, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(DEMO_USER.password))
    } while (cipher[0] !== 0)
    const short = cipher.subarray(1).toString('base64')
    const answer = await signin(emulator(), { username: 'demo', password: short }, { passwordEncryptType: 'rsa' })
    expect(answer.body.statusCode).toBe(200)
  })

  test('a ciphertext for another key is a clear error, not a crash', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString()
    const answer = await signin(
      emulator(),
      { username: 'demo', password: rsaEncrypt(other, DEMO_USER.password) },
      { passwordEncryptType: 'rsa' },
    )
    expectError(answer, 400, undefined, /could not be decrypted as passwordEncryptType "rsa"/)
  })

  test.each([
    ['the string "false" (what the official RSA helper sends when encryption fails)', 'false'],
    ['not base64', '%%%not-base64%%%'],
    ['too long', Buffer.alloc(300, 7).toString('base64')],
    ['random bytes', Buffer.alloc(256, 0xff).toString('base64')],
  ])('rejects %s', async (_label, password) => {
    const answer = await signin(emulator(), { username: 'demo', password }, { passwordEncryptType: 'rsa' })
    expectError(answer, 400, undefined, /passwordPayload\.password could not be decrypted/)
  })

  test('a correctly encrypted wrong password is a wrong password', async () => {
    const answer = await signin(
      emulator(),
      { account: 'demo', password: rsaEncrypt((await publicKeys()).rsa, 'nope') },
      { passwordEncryptType: 'rsa' },
    )
    expectError(answer, 403, 2333)
  })
})

describe('SM2 details', () => {
  test.each([
    ['not hex', 'zz'.repeat(120)],
    ['too short', 'ab'.repeat(20)],
    ['a point that is not on the curve', '11'.repeat(120)],
  ])('rejects %s', async (_label, password) => {
    const answer = await signin(emulator(), { username: 'demo', password }, { passwordEncryptType: 'sm2' })
    expectError(answer, 400, undefined, /could not be decrypted as passwordEncryptType "sm2"/)
  })

  test('a ciphertext for another key is rejected', async () => {
    const other = sm2.generateKeyPairHex()
    const answer = await signin(
      emulator(),
      { username: 'demo', password: sm2.doEncrypt(DEMO_USER.password, other.publicKey, 1) },
      { passwordEncryptType: 'sm2' },
    )
    expectError(answer, 400)
  })

  test('a password in plain text flagged as sm2 is rejected', async () => {
    const answer = await signin(emulator(), { username: 'demo', password: DEMO_USER.password }, { passwordEncryptType: 'sm2' })
    expectError(answer, 400)
  })
})

describe('POST /api/v3/update-password with encryption', () => {
  async function demoToken(): Promise<string> {
    const answer = await signin(emulator(), { account: 'demo', password: DEMO_USER.password })
    return answer.body.data.access_token
  }

  test('newPassword encrypted, oldPassword in plain text (as the official SDK sends it)', async () => {
    const token = await demoToken()
    const { rsa } = await publicKeys()
    const answer = await post(
      emulator(),
      '/api/v3/update-password',
      {
        newPassword: rsaEncrypt(rsa, PASSWORDS.chinese),
        oldPassword: DEMO_USER.password,
        passwordEncryptType: 'rsa',
      },
      authed(token),
    )
    expect(answer.body).toEqual({ statusCode: 200, message: expect.any(String), requestId: expect.any(String) })
    expect((await signin(emulator(), { username: 'demo', password: PASSWORDS.chinese })).body.statusCode).toBe(200)
    expectError(await signin(emulator(), { username: 'demo', password: DEMO_USER.password }), 403, 2006)
  })

  test('both passwords encrypted with SM2', async () => {
    const token = await demoToken()
    const { sm2: key } = await publicKeys()
    const answer = await post(
      emulator(),
      '/api/v3/update-password',
      {
        newPassword: sm2.doEncrypt(PASSWORDS.emoji, key, 1),
        oldPassword: sm2.doEncrypt(DEMO_USER.password, key, 1),
        passwordEncryptType: 'sm2',
      },
      authed(token),
    )
    expect(answer.body.statusCode).toBe(200)
    expect((await signin(emulator(), { username: 'demo', password: PASSWORDS.emoji })).body.statusCode).toBe(200)
  })

  test('an undecryptable newPassword is an error and changes nothing', async () => {
    const token = await demoToken()
    const answer = await post(
      emulator(),
      '/api/v3/update-password',
      { newPassword: 'false', oldPassword: DEMO_USER.password, passwordEncryptType: 'rsa' },
      authed(token),
    )
    expectError(answer, 400, undefined, /newPassword could not be decrypted/)
    expect((await signin(emulator(), { username: 'demo', password: DEMO_USER.password })).body.statusCode).toBe(200)
  })
})

describe('verify-delete-account-request with an encrypted password', () => {
  test('decrypts passwordPayload.password (and accepts it in plain text too)', async () => {
    const username = 'nocontact'
    await emulator().client.createUser({ username, password: PASSWORDS.ascii })
    const token = (await signin(emulator(), { username, password: PASSWORDS.ascii })).body.data.access_token
    const { rsa } = await publicKeys()
    for (const password of [rsaEncrypt(rsa, PASSWORDS.ascii), PASSWORDS.ascii]) {
      const answer = await post(
        emulator(),
        '/api/v3/verify-delete-account-request',
        {
          verifyMethod: 'PASSWORD',
          passwordPayload: { password, passwordEncryptType: 'rsa' },
        },
        authed(token),
      )
      expect(answer.body.statusCode).toBe(200)
      expect(answer.body.data).toEqual({ deleteAccountToken: expect.any(String), tokenExpiresIn: 60 })
    }
  })
})

test('the app header is required for password login', async () => {
  const answer = await post(emulator(), '/api/v3/signin', { connection: 'PASSWORD', passwordPayload: { account: 'demo', password: 'x' } })
  expectError(answer, 400, undefined, 'x-authing-app-id should not be empty')
  expect(APP['x-authing-app-id']).toHaveLength(24)
})
