/**
 * RSA password encryption for the Authing mini program SDK: pass {@link encryptFunction} to `new Authing({ encryptFunction })`
 * and log in with `passwordEncryptType: 'rsa'`. PKCS#1 v1.5 with the user pool's public key; padding bytes come from the
 * platform's `getRandomValues` when the SDK passes it.
 *
 * Guide: [README](https://github.com/authing/miniapp-sdk/tree/main/packages/jsencrypt#readme).
 *
 * @packageDocumentation
 * @module \@authing/miniapp-jsencrypt
 */
// Only jsencrypt's big-number and base64 modules are bundled, not its JSEncrypt class: the class drags in key
// generation, signing, OAEP and key export (about 19 KB gzip instead of 7 KB). jsencrypt's `exports` map hides
// these modules from bare imports, hence the paths through this package's node_modules.
import { BigInteger } from '../node_modules/jsencrypt/lib/lib/jsbn/jsbn.js'
import { hex2b64 } from '../node_modules/jsencrypt/lib/lib/jsbn/base64.js'
import { Base64 } from '../node_modules/jsencrypt/lib/lib/asn1js/base64.js'
import { defineEncrypt, toHex, type EncryptFunction, type Plan } from './common'

export type { EncryptFunction, EncryptOptions } from './common'

/** Options of {@link createEncryptFunction}. */
export interface RsaOptions {
  /** Encoding of the ciphertext: `'base64'` (standard, with `=` padding; the default and what Authing expects) or lowercase `'hex'`. */
  encoding?: 'base64' | 'hex'
}

// Authing serves 1024- or 2048-bit keys; anything shorter is a parsing accident or too weak to use.
const MIN_BITS = 1024
// Zero bytes are skipped when drawing the padding, so each attempt asks for some spare bytes: with 16 spares a
// second attempt is needed about once in 10^15 encryptions.
const SPARE = 16
// DER content of the rsaEncryption object identifier, 1.2.840.113549.1.1.1.
const RSA_ENCRYPTION = '2a864886f70d010101'
const NOT_SPKI = 'publicKey is not an RSA public key ("-----BEGIN PUBLIC KEY-----" PEM or its base64 DER)'

/** Finds the DER element with `tag` at `at` and returns where its content starts and ends. */
function element(der: number[], at: number, tag: number): { start: number; end: number } {
  if (der[at] !== tag) throw new Error(NOT_SPKI)
  let start = at + 2
  let length = der[at + 1]
  if (length >= 0x80) {
    // Long form: the low bits give how many length bytes follow (0x80 alone, "indefinite", is not DER).
    const count = length - 0x80
    if (count < 1 || count > 3) throw new Error(NOT_SPKI)
    length = 0
    for (let i = 0; i < count; i++) length = length * 256 + der[start++]
  }
  const end = start + length
  if (!(end <= der.length)) throw new Error(NOT_SPKI)
  return { start, end }
}

/** Reads the modulus and public exponent of an SPKI public key (PEM or bare base64 DER). */
function parsePublicKey(publicKey: string): { n: BigInteger; e: number } {
  let der: number[]
  try {
    der = Base64.unarmor(publicKey)
  } catch {
    throw new Error(NOT_SPKI)
  }
  // SubjectPublicKeyInfo ::= SEQUENCE { SEQUENCE { OID, params }, BIT STRING { SEQUENCE { INTEGER n, INTEGER e } } }
  const spki = element(der, 0, 0x30)
  const algorithm = element(der, spki.start, 0x30)
  const oid = element(der, algorithm.start, 0x06)
  const bits = element(der, algorithm.end, 0x03)
  if (spki.end !== der.length || toHex(der.slice(oid.start, oid.end)) !== RSA_ENCRYPTION || der[bits.start] !== 0) {
    throw new Error(NOT_SPKI)
  }
  const rsaKey = element(der, bits.start + 1, 0x30)
  const modulus = element(der, rsaKey.start, 0x02)
  const exponent = element(der, modulus.end, 0x02)
  const n = new BigInteger(toHex(der.slice(modulus.start, modulus.end)), 16)
  const e = parseInt(toHex(der.slice(exponent.start, exponent.end)), 16)
  // An exponent beyond 32 bits would lose precision as a JS number; real keys use 65537.
  if (exponent.end - exponent.start > 4 || !(e > 1) || e % 2 === 0) throw new Error('publicKey has an invalid RSA exponent')
  if (n.bitLength() < MIN_BITS) throw new Error(`publicKey has a ${n.bitLength()}-bit modulus, at least ${MIN_BITS} needed`)
  return { n, e }
}

/** The first `count` non-zero bytes of `random` (for PKCS#1 v1.5 padding), or undefined if there are fewer. */
function nonZeroBytes(random: Uint8Array, count: number): number[] | undefined {
  const bytes: number[] = []
  for (let i = 0; i < random.length && bytes.length < count; i++) if (random[i] !== 0) bytes.push(random[i])
  return bytes.length === count ? bytes : undefined
}

/**
 * Creates an RSA `encryptFunction`: PKCS#1 v1.5 (type 2) encryption of the UTF-8 password with the SPKI public key
 * that Authing serves at `/api/v3/system`. The ciphertext is always exactly as long as the modulus.
 *
 * @throws Error if `options.encoding` is not `'base64'` or `'hex'`.
 */
export function createEncryptFunction(options: RsaOptions = {}): EncryptFunction {
  const { encoding = 'base64' } = options
  if (encoding !== 'base64' && encoding !== 'hex') throw new Error(`RSA encryption: unknown encoding "${encoding}"`)
  return defineEncrypt('RSA encryption failed', (message, publicKey): Plan => {
    const { n, e } = parsePublicKey(publicKey)
    const size = (n.bitLength() + 7) >> 3
    if (message.length > size - 11) {
      throw new Error(`plainText is ${message.length} UTF-8 bytes; a ${n.bitLength()}-bit key takes at most ${size - 11}`)
    }
    const paddingLength = size - 3 - message.length
    return {
      randomLength: paddingLength + SPARE,
      attempt(random) {
        const padding = nonZeroBytes(random, paddingLength)
        if (!padding) return undefined
        // EM = 00 02 PS 00 M (RFC 8017, 7.2.1), then c = EM^e mod n.
        const block = new BigInteger(toHex([0, 2, ...padding, 0, ...message]), 16)
        // toString drops leading zero bytes; the server expects exactly `size` bytes.
        const hex = block
          .modPowInt(e, n)
          .toString(16)
          .padStart(size * 2, '0')
        return encoding === 'hex' ? hex : hex2b64(hex)
      },
    }
  })
}

/**
 * RSA `encryptFunction` for `new Authing({ encryptFunction })`: standard base64 of the PKCS#1 v1.5 ciphertext.
 * Synchronous when called with two arguments; returns a Promise when the SDK passes `{ getRandomValues }`.
 */
export const encryptFunction: EncryptFunction = /* @__PURE__ */ createEncryptFunction()
