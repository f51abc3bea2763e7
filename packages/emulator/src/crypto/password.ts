// Decryption of passwords sent with `passwordEncryptType` rsa / sm2 (docs/protocol.md §6), and checking a password that
// may or may not have been encrypted against a stored hash.
import { constants, privateDecrypt } from 'node:crypto'
import { sm2 } from 'sm-crypto'
import { verifyPassword } from './hash'
import type { KeyMaterial } from './keys'

export type PasswordEncryptType = 'none' | 'rsa' | 'sm2'

const utf8 = new TextDecoder('utf-8', { fatal: true })

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * CESU-8: UTF-8 applied to UTF-16 code units. JSEncrypt encodes characters outside the BMP (emoji) this way, one
 * 3-byte sequence per surrogate, which strict UTF-8 rejects.
 */
function decodeCesu8(bytes: Uint8Array): string | undefined {
  const units: number[] = []
  const continuation = (index: number) => ((bytes[index] ?? 0) & 0xc0) === 0x80
  for (let i = 0; i < bytes.length;) {
    const byte = bytes[i] ?? 0
    if (byte < 0x80) {
      units.push(byte)
      i += 1
    } else if ((byte & 0xe0) === 0xc0 && continuation(i + 1)) {
      units.push(((byte & 0x1f) << 6) | ((bytes[i + 1] ?? 0) & 0x3f))
      i += 2
    } else if ((byte & 0xf0) === 0xe0 && continuation(i + 1) && continuation(i + 2)) {
      units.push(((byte & 0x0f) << 12) | (((bytes[i + 1] ?? 0) & 0x3f) << 6) | ((bytes[i + 2] ?? 0) & 0x3f))
      i += 3
    } else {
      return undefined
    }
  }
  const text = String.fromCharCode(...units)
  return LONE_SURROGATE.test(text) ? undefined : text
}

/** Strict UTF-8, else CESU-8; undefined for anything else (a wrong key yields random bytes). */
function decodeText(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes)
  } catch {
    return decodeCesu8(bytes)
  }
}

/**
 * RSA PKCS#1 v1.5, base64 ciphertext. Node 20 refuses RSA_PKCS1_PADDING for private decryption (CVE-2023-46809),
 * so the raw block is decrypted with RSA_NO_PADDING and the `00 02 <≥8 non-zero bytes> 00 <message>` layout is
 * checked here. JSEncrypt sometimes drops a leading zero byte, hence the left-padding to the modulus length.
 */
export function rsaDecrypt(ciphertext: string, keys: KeyMaterial): string | undefined {
  const compact = ciphertext.replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined
  const size = (keys.rsaPrivateKey.asymmetricKeyDetails?.modulusLength ?? 2048) / 8
  const raw = Buffer.from(compact, 'base64')
  if (raw.length === 0 || raw.length > size) return undefined
  const block = Buffer.concat([Buffer.alloc(size - raw.length), raw])
  let decrypted: Buffer
  try {
    decrypted = privateDecrypt({ key: keys.rsaPrivateKey, padding: constants.RSA_NO_PADDING }, block)
  } catch {
    return undefined // e.g. the number is not smaller than the modulus
  }
  if (decrypted[0] !== 0x00 || decrypted[1] !== 0x02) return undefined
  const separator = decrypted.indexOf(0x00, 2)
  if (separator < 10) return undefined // fewer than 8 padding bytes, or no separator at all
  return decodeText(decrypted.subarray(separator + 1))
}

/**
 * SM2 (GB/T 32918.4), hex ciphertext. The official encryptor sends C1C3C2 without the `04` prefix; other encoders
 * add the prefix or use C1C2C3. sm-crypto returns an empty result when the C3 hash check fails, so each variant is
 * tried until one verifies.
 */
export function sm2Decrypt(ciphertext: string, keys: KeyMaterial): string | undefined {
  const hex = ciphertext.replace(/\s+/g, '').toLowerCase()
  if (!/^[0-9a-f]+$/.test(hex) || hex.length % 2 !== 0 || hex.length < 194) return undefined
  const bodies = hex.startsWith('04') && hex.length >= 196 ? [hex, hex.slice(2)] : [hex]
  for (const body of bodies) {
    for (const mode of [1, 0] as const) {
      try {
        const bytes = sm2.doDecrypt(body, keys.sm2PrivateKey, mode, { output: 'array' }) as unknown as number[]
        if (bytes.length > 0) return decodeText(Uint8Array.from(bytes))
      } catch {
        // malformed point or similar: try the next variant
      }
    }
  }
  return undefined
}

/** The plain password, or undefined when the ciphertext does not decrypt. `none` returns the input. */
export function decryptPassword(value: string, type: PasswordEncryptType, keys: KeyMaterial): string | undefined {
  if (type === 'rsa') return rsaDecrypt(value, keys)
  if (type === 'sm2') return sm2Decrypt(value, keys)
  return value
}

/**
 * Whether a password matches a stored hash. Clients flag `passwordEncryptType` but the official SDK leaves some
 * passwords in plain text (oldPassword, delete-account), so the input itself is tried after its decryption.
 */
export async function passwordMatches(
  passwordHash: string | null,
  value: string,
  type: PasswordEncryptType,
  keys: KeyMaterial,
): Promise<boolean> {
  const decrypted = type === 'none' ? undefined : decryptPassword(value, type, keys)
  for (const candidate of decrypted === undefined ? [value] : [decrypted, value]) {
    if (await verifyPassword(candidate, passwordHash)) return true
  }
  return false
}
