import { constants, generateKeyPairSync, privateDecrypt, type KeyObject } from 'node:crypto'
import { describeContract, seededSource } from './contract'
import { createEncryptFunction, encryptFunction } from '@authing/miniapp-jsencrypt'

type Package = typeof import('@authing/miniapp-jsencrypt')

/** A fresh copy of the package, so module state such as the one-time warning starts over. */
function loadPackage(): Package {
  let fresh: Package | undefined
  jest.isolateModules(() => {
    fresh = require('@authing/miniapp-jsencrypt')
  })
  return fresh!
}

function rsaKeys(modulusLength: number) {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength })
  return { pem: publicKey.export({ type: 'spki', format: 'pem' }) as string, publicKey, privateKey }
}

const keys = rsaKeys(2048)
const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * The encoded message EM = 00 02 PS 00 M, checked strictly. Node 20 refuses PKCS#1 v1.5 decryption
 * (CVE-2023-46809), so this decrypts without padding and removes it here.
 */
function decryptBlock(cipher: Buffer, privateKey: KeyObject = keys.privateKey) {
  const block = privateDecrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, cipher)
  const separator = block.indexOf(0, 2)
  if (block[0] !== 0 || block[1] !== 2 || separator < 10) throw new Error('invalid PKCS#1 v1.5 type 2 padding')
  return { padding: block.subarray(2, separator), message: utf8.decode(block.subarray(separator + 1)) }
}

/** Decrypts standard base64, insisting on a full-length ciphertext. */
function decrypt(cipherText: string, privateKey: KeyObject = keys.privateKey): string {
  expect(cipherText).toMatch(/^[A-Za-z0-9+/]+={0,2}$/)
  const cipher = Buffer.from(cipherText, 'base64')
  expect(cipher.length * 8).toBe(privateKey.asymmetricKeyDetails?.modulusLength)
  return decryptBlock(cipher, privateKey).message
}

describeContract('RSA', {
  load: loadPackage,
  publicKey: keys.pem,
  decrypt,
  wrongKey: generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }) as string,
})

describe('RSA round trips (2048-bit key)', () => {
  it.each([
    ['ASCII', 'correct horse battery staple'],
    ['Chinese', '我的密码是安全的'],
    ['emoji', '🔐 pass 👩‍💻 word 🎉'],
    ['empty', ''],
    ['the longest ASCII (245 bytes)', 'a'.repeat(245)],
    ['the longest with multi-byte characters (245 bytes)', '密'.repeat(81) + 'ab'],
  ])('%s', (_, password) => {
    const cipherText = encryptFunction(password, keys.pem)
    expect(Buffer.from(cipherText, 'base64')).toHaveLength(256)
    expect(decrypt(cipherText)).toBe(password)
  })

  it('refuses 246 UTF-8 bytes with a clear error', () => {
    expect(() => encryptFunction('a'.repeat(246), keys.pem)).toThrow(
      'RSA encryption failed: plainText is 246 UTF-8 bytes; a 2048-bit key takes at most 245',
    )
    expect(() => encryptFunction('密'.repeat(82), keys.pem)).toThrow(/plainText is 246 UTF-8 bytes/)
  })

  it('keeps a leading zero byte: the ciphertext is always 256 bytes', async () => {
    // Search the deterministic seeds for a ciphertext below 2^2040 (about 1 in 256), the case jsencrypt shortens.
    let seed = 1
    let cipher = Buffer.alloc(0)
    do cipher = Buffer.from(await encryptFunction('pw', keys.pem, seededSource(seed++)), 'base64')
    while (cipher[0] !== 0 && seed < 5000)
    expect(cipher[0]).toBe(0)
    expect(cipher).toHaveLength(256)
    expect(decryptBlock(cipher).message).toBe('pw')
  })

  it('pads with the injected bytes, skipping zeros', async () => {
    const source = seededSource(9)
    const cipherText = await encryptFunction('pw', keys.pem, source)
    const replay = await seededSource(9).getRandomValues(source.calls[0])
    const { padding } = decryptBlock(Buffer.from(cipherText, 'base64'))
    expect(padding).toHaveLength(256 - 3 - 2)
    expect([...padding]).toEqual([...replay].filter((byte) => byte !== 0).slice(0, padding.length))
  })

  it('rejects a source that only returns zeros', async () => {
    const getRandomValues = async (length: number) => new Uint8Array(length)
    await expect(encryptFunction('pw', keys.pem, { getRandomValues })).rejects.toThrow(/unusable bytes 8 times/)
  })
})

describe('RSA keys', () => {
  it('accepts the bare base64 DER of the key', () => {
    const der = keys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64')
    expect(decrypt(encryptFunction('secret', der))).toBe('secret')
  })

  it('works with a 1024-bit key (at most 117 bytes)', () => {
    const small = rsaKeys(1024)
    const cipherText = encryptFunction('b'.repeat(117), small.pem)
    expect(Buffer.from(cipherText, 'base64')).toHaveLength(128)
    expect(decrypt(cipherText, small.privateKey)).toBe('b'.repeat(117))
    expect(() => encryptFunction('b'.repeat(118), small.pem)).toThrow(/at most 117/)
  })

  it.each([
    ['a private key', keys.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string],
    ['a PKCS#1 RSAPublicKey', keys.publicKey.export({ type: 'pkcs1', format: 'pem' }) as string],
    ['a truncated key', keys.pem.slice(0, 200) + '\n-----END PUBLIC KEY-----'],
    ['an SM2 hex key', '04' + 'ab'.repeat(64)],
  ])('refuses %s', (_, key) => {
    expect(() => encryptFunction('secret', key)).toThrow(/^RSA encryption failed: publicKey is not an RSA public key/)
  })

  it('refuses a modulus below 1024 bits', () => {
    expect(() => encryptFunction('secret', rsaKeys(768).pem)).toThrow(/768-bit modulus, at least 1024 needed/)
  })
})

describe('createEncryptFunction', () => {
  it('encodes as lowercase hex on request', () => {
    const cipherText = createEncryptFunction({ encoding: 'hex' })('secret', keys.pem)
    expect(cipherText).toMatch(/^[0-9a-f]{512}$/)
    expect(decryptBlock(Buffer.from(cipherText, 'hex')).message).toBe('secret')
  })

  it('refuses an unknown encoding', () => {
    expect(() => createEncryptFunction({ encoding: 'base32' as 'hex' })).toThrow('RSA encryption: unknown encoding "base32"')
  })
})
