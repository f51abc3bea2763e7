// The emulator's key material: RSA-2048 and SM2 for password encryption (served by /api/v3/system) and an RSA key
// for signing JWTs (served as JWKS). Generating RSA keys takes a moment, so one set is made per process and shared
// by every emulator instance unless fresh keys are asked for.
import { createHash, createPrivateKey, createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto'
import { sm2 } from 'sm-crypto'

/** Keys as stored in an export: PKCS#8 PEM for RSA, hex for SM2. */
export interface ExportedKeys {
  /** RSA-2048 key that decrypts RSA passwords (PKCS#8 PEM). */
  rsaPrivateKeyPem: string
  /** SM2 public key served to clients (hex, `04…`). */
  sm2PublicKey: string
  /** SM2 key that decrypts SM2 passwords (hex). */
  sm2PrivateKey: string
  /** RSA key that signs the JWTs (PKCS#8 PEM); its public half is served as JWKS. */
  jwtPrivateKeyPem: string
}

/** A public signing key in JWK form, as served by the JWKS endpoint. */
export interface PublicJwk {
  kty: string
  n: string
  e: string
  kid: string
  alg: 'RS256'
  use: 'sig'
}

export interface KeyMaterial {
  exported: ExportedKeys
  rsaPrivateKey: KeyObject
  /** SubjectPublicKeyInfo PEM (what JSEncrypt accepts). */
  rsaPublicKeyPem: string
  /** Uncompressed point `04 || X || Y`, hex. */
  sm2PublicKey: string
  sm2PrivateKey: string
  jwtPrivateKey: KeyObject
  jwtPublicKey: KeyObject
  jwk: PublicJwk
}

/** RSA-2048 private key as PKCS#8 PEM, generated off the main thread. */
function rsaPem(): Promise<string> {
  return new Promise((resolve, reject) => {
    generateKeyPair('rsa', { modulusLength: 2048 }, (error, _publicKey, privateKey) => {
      if (error) reject(error)
      else resolve(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())
    })
  })
}

export async function generateKeys(): Promise<KeyMaterial> {
  // Both RSA keys at once: generation runs in the thread pool.
  const [rsaPrivateKeyPem, jwtPrivateKeyPem] = await Promise.all([rsaPem(), rsaPem()])
  const pair = sm2.generateKeyPairHex()
  return keysFrom({ rsaPrivateKeyPem, sm2PublicKey: pair.publicKey, sm2PrivateKey: pair.privateKey, jwtPrivateKeyPem })
}

export function keysFrom(exported: ExportedKeys): KeyMaterial {
  const rsaPrivateKey = createPrivateKey(exported.rsaPrivateKeyPem)
  const jwtPrivateKey = createPrivateKey(exported.jwtPrivateKeyPem)
  const jwtPublicKey = createPublicKey(jwtPrivateKey)
  const { n, e, kty } = jwtPublicKey.export({ format: 'jwk' }) as { n: string; e: string; kty: string }
  // RFC 7638 thumbprint: SHA-256 of the required members in lexicographic order.
  const kid = createHash('sha256').update(JSON.stringify({ e, kty, n })).digest('base64url')
  return {
    exported,
    rsaPrivateKey,
    rsaPublicKeyPem: createPublicKey(rsaPrivateKey).export({ type: 'spki', format: 'pem' }).toString(),
    sm2PublicKey: exported.sm2PublicKey,
    sm2PrivateKey: exported.sm2PrivateKey,
    jwtPrivateKey,
    jwtPublicKey,
    jwk: { kty, n, e, kid, alg: 'RS256', use: 'sig' },
  }
}

let shared: Promise<KeyMaterial> | undefined

/** The process-wide key set, generated on first use. */
export function sharedKeys(): Promise<KeyMaterial> {
  shared ??= generateKeys()
  return shared
}
