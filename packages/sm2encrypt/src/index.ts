/**
 * SM2 password encryption for the Authing mini program SDK: pass {@link encryptFunction} to `new Authing({ encryptFunction })`
 * and log in with `passwordEncryptType: 'sm2'`. C1C3C2 ciphertext with the user pool's SM2 key; the ephemeral key comes
 * from the platform's `getRandomValues` when the SDK passes it.
 *
 * Guide: [README](https://github.com/authing/miniapp-sdk/tree/main/packages/sm2encrypt#readme).
 *
 * @packageDocumentation
 * @module \@authing/miniapp-sm2encrypt
 */
// sm-crypto's doEncrypt draws its ephemeral key from jsbn's Math.random-seeded generator, so the encryption is
// assembled here from its curve, key-pair and SM3 modules. Importing those modules directly also leaves out the
// package entry's SM3/SM4 APIs and SM2 signatures.
import {
  generateKeyPairHex,
  getGlobalCurve,
  hexToArray,
  verifyPublicKey,
  type BigInteger,
  type FieldElement,
  type Point,
} from 'sm-crypto/src/sm2/utils'
import { sm3 } from 'sm-crypto/src/sm2/sm3'
// One copy of the SDK contract and the random-source handling, shared with the RSA package.
import { defineEncrypt, toHex, type EncryptFunction, type Plan } from '../../jsencrypt/src/common'

export type { EncryptFunction, EncryptOptions } from '../../jsencrypt/src/common'

/** Options of {@link createEncryptFunction}, for back ends that expect another SM2 ciphertext layout than Authing. */
export interface Sm2Options {
  /**
   * Order of the ciphertext parts: `'C1C3C2'` (default, what Authing expects; sm-crypto's cipherMode 1) or
   * `'C1C2C3'` (sm-crypto's cipherMode 0, the order of the older draft standard).
   */
  cipherMode?: 'C1C3C2' | 'C1C2C3'
  /** Keep the `04` (uncompressed point) prefix on C1. Default `false`: Authing expects C1 without it. */
  prefix04?: boolean
}

const PUBLIC_KEY = /^(04[0-9a-f]{128}|0[23][0-9a-f]{64})$/i
// 40 random bytes reduced mod (n − 1) give an ephemeral key in [1, n − 1] with a bias below 2^-64.
const RANDOM_LENGTH = 40

/** A jsbn BigInteger from hex; the class is reached through the curve because sm-crypto does not export it. */
function bigInteger(hex: string): BigInteger {
  const BigIntegerClass = getGlobalCurve().q.constructor as new (value: string, radix: number) => BigInteger
  return new BigIntegerClass(hex, 16)
}

/** The 32 big-endian bytes of a point coordinate. */
function coordinateBytes(coordinate: FieldElement): number[] {
  return hexToArray(coordinate.toBigInteger().toString(16).padStart(64, '0'))
}

/** Key stream t = KDF(z, length): SM3(z || counter) blocks, 32-bit big-endian counter from 1 (GB/T 32918.4). */
function kdf(z: number[], length: number): number[] {
  let t: number[] = []
  for (let counter = 1; t.length < length; counter++) {
    t = t.concat(sm3(z.concat([counter >>> 24, (counter >> 16) & 255, (counter >> 8) & 255, counter & 255])))
  }
  return t.slice(0, length)
}

function decodePublicKey(publicKey: string): Point {
  const point = PUBLIC_KEY.test(publicKey) ? getGlobalCurve().decodePointHex(publicKey) : null
  if (!point) throw new Error('publicKey must be SM2 hex: 04||X||Y (130 characters) or compressed 02/03||X (66)')
  if (!verifyPublicKey(publicKey)) throw new Error('publicKey is not a point on the SM2 curve')
  return point
}

/**
 * Creates an SM2 `encryptFunction` (GB/T 32918.4 public key encryption of the UTF-8 password) with the given
 * ciphertext layout. The output is lowercase hex.
 *
 * @throws Error if `options.cipherMode` is not `'C1C3C2'` or `'C1C2C3'`.
 */
export function createEncryptFunction(options: Sm2Options = {}): EncryptFunction {
  const { cipherMode = 'C1C3C2', prefix04 = false } = options
  if (cipherMode !== 'C1C3C2' && cipherMode !== 'C1C2C3') {
    throw new Error(`SM2 encryption: unknown cipherMode "${cipherMode}"`)
  }
  return defineEncrypt('SM2 encryption failed', (message, publicKey): Plan => {
    const point = decodePublicKey(publicKey.toLowerCase())
    return {
      randomLength: RANDOM_LENGTH,
      attempt(random) {
        // k = random mod (n − 1) + 1, and C1 = k·G as "04" || X || Y.
        const { privateKey: k, publicKey: c1 } = generateKeyPairHex(toHex(random), 16)
        const shared = point.multiply(bigInteger(k))
        const x2 = coordinateBytes(shared.getX())
        const y2 = coordinateBytes(shared.getY())
        const t = kdf(x2.concat(y2), message.length)
        // The standard asks for a new k when the key stream is all zeros.
        if (message.length > 0 && t.every((byte) => byte === 0)) return undefined
        const c2 = toHex(message.map((byte, i) => byte ^ t[i]))
        const c3 = toHex(sm3(x2.concat(message, y2)))
        return (prefix04 ? c1 : c1.slice(2)) + (cipherMode === 'C1C3C2' ? c3 + c2 : c2 + c3)
      },
    }
  })
}

/**
 * SM2 `encryptFunction` for `new Authing({ encryptFunction })`: lowercase hex C1‖C3‖C2, C1 without the `04` prefix.
 * Synchronous when called with two arguments; returns a Promise when the SDK passes `{ getRandomValues }`.
 */
export const encryptFunction: EncryptFunction = /* @__PURE__ */ createEncryptFunction()
