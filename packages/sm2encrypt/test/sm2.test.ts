import { sm2 as sm2Typed } from 'sm-crypto'
import { encryptFunction, createEncryptFunction } from '@authing/miniapp-sm2encrypt'
import { describeContract, seededSource } from '../../jsencrypt/test/contract'

type Package = typeof import('@authing/miniapp-sm2encrypt')

// Both functions exist in sm-crypto 0.3 but are missing from @types/sm-crypto.
const sm2 = sm2Typed as typeof sm2Typed & {
  compressPublicKeyHex(publicKey: string): string
  getPublicKeyFromPrivateKey(privateKey: string): string
}

const keys = sm2.generateKeyPairHex()

/** Checks the default format (lowercase hex, C1 without 04, C1C3C2) and decrypts with sm-crypto, which checks C3. */
function decrypt(cipherText: string, mode: 0 | 1 = 1, privateKey = keys.privateKey): string {
  expect(cipherText).toMatch(/^[0-9a-f]+$/)
  expect(cipherText.length).toBeGreaterThanOrEqual(128 + 64)
  const plainText = sm2.doDecrypt(cipherText, privateKey, mode)
  // sm-crypto returns '' when the C3 check fails; the contract's messages are never empty.
  if (plainText === '' && cipherText.length > 128 + 64) throw new Error('SM2 ciphertext does not decrypt')
  return plainText
}

describeContract('SM2', {
  load() {
    let fresh: Package | undefined
    jest.isolateModules(() => {
      fresh = require('@authing/miniapp-sm2encrypt')
    })
    return fresh as Package
  },
  publicKey: keys.publicKey,
  decrypt,
  wrongKey: '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAE\n-----END PUBLIC KEY-----',
})

describe('SM2 round trips', () => {
  it.each([
    ['ASCII', 'correct horse battery staple'],
    ['Chinese', '我的密码是安全的'],
    ['emoji', '🔐 pass 👩‍💻 word 🎉'],
    ['longer than one KDF block (32 bytes)', '长密码'.repeat(40)],
    ['empty', ''],
  ])('%s', (_, password) => {
    const cipherText = encryptFunction(password, keys.publicKey)
    const length = new TextEncoder().encode(password).length
    expect(cipherText).toHaveLength(128 + 64 + 2 * length)
    expect(decrypt(cipherText)).toBe(password)
  })

  it('accepts a compressed (02/03) and an upper-case key', () => {
    const compressed = sm2.compressPublicKeyHex(keys.publicKey)
    expect(decrypt(encryptFunction('secret', compressed))).toBe('secret')
    expect(decrypt(encryptFunction('secret', keys.publicKey.toUpperCase()))).toBe('secret')
  })

  it('derives k from the injected bytes: C1 = (random mod (n − 1) + 1)·G', async () => {
    const source = seededSource(5)
    const cipherText = await encryptFunction('secret', keys.publicKey, source)
    const random = await seededSource(5).getRandomValues(40)
    const n = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123')
    const k = (BigInt('0x' + Buffer.from(random).toString('hex')) % (n - 1n)) + 1n
    expect('04' + cipherText.slice(0, 128)).toBe(sm2.getPublicKeyFromPrivateKey(k.toString(16).padStart(64, '0')))
  })
})

describe('SM2 layouts', () => {
  it('C1C2C3 decrypts with cipherMode 0', () => {
    const cipherText = createEncryptFunction({ cipherMode: 'C1C2C3' })('secret', keys.publicKey)
    expect(decrypt(cipherText, 0)).toBe('secret')
    expect(sm2.doDecrypt(cipherText, keys.privateKey, 1)).toBe('')
  })

  it.each([
    ['C1C3C2', 1],
    ['C1C2C3', 0],
  ] as const)('prefix04 keeps the 04 on C1 (%s)', (cipherMode, mode) => {
    const cipherText = createEncryptFunction({ cipherMode, prefix04: true })('secret', keys.publicKey)
    expect(cipherText).toHaveLength(2 + 128 + 64 + 12)
    expect(cipherText.startsWith('04')).toBe(true)
    expect(decrypt(cipherText.slice(2), mode)).toBe('secret')
  })

  it('the same random bytes give the same C1, C3 and C2 in every layout', async () => {
    const c1c3c2 = await encryptFunction('secret', keys.publicKey, seededSource(3))
    const c1c2c3 = await createEncryptFunction({ cipherMode: 'C1C2C3', prefix04: true })('secret', keys.publicKey, seededSource(3))
    const [c1, c3, c2] = [c1c3c2.slice(0, 128), c1c3c2.slice(128, 192), c1c3c2.slice(192)]
    expect(c1c2c3).toBe('04' + c1 + c2 + c3)
  })

  it('refuses an unknown cipherMode', () => {
    expect(() => createEncryptFunction({ cipherMode: 'C2C1C3' as 'C1C2C3' })).toThrow('SM2 encryption: unknown cipherMode "C2C1C3"')
  })
})

describe('SM2 keys', () => {
  it.each([
    ['X||Y without the 04 prefix', keys.publicKey.slice(2), /must be SM2 hex/],
    ['a truncated key', keys.publicKey.slice(0, 100), /must be SM2 hex/],
    ['a non-hex key', '04' + 'zz'.repeat(64), /must be SM2 hex/],
    ['the point at infinity', '00', /must be SM2 hex/],
    ['a point off the curve', keys.publicKey.slice(0, -1) + (keys.publicKey.endsWith('0') ? '1' : '0'), /not a point on the SM2 curve/],
    ['an RSA PEM', '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----', /must be SM2 hex/],
  ])('refuses %s', (_, key, message) => {
    expect(() => encryptFunction('secret', key)).toThrow(message)
    expect(() => encryptFunction('secret', key)).toThrow(/^SM2 encryption failed: publicKey/)
  })
})
