// Time per password encryption of the built RSA and SM2 packages, with a secure random source injected the way the
// SDK core passes it: median and p95 over many calls.
// Usage: PKG=jsencrypt,sm2encrypt pnpm build && node scripts/bench-encrypt.mjs
import { generateKeyPairSync, getRandomValues } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { encryptFunction as rsaEncrypt } from '../packages/jsencrypt/dist/index.mjs'
import { encryptFunction as sm2Encrypt } from '../packages/sm2encrypt/dist/index.mjs'

const PASSWORD = 'P@ssw0rd-密码-🔑'
const WARM_UP = 20
const options = { getRandomValues: async (length) => getRandomValues(new Uint8Array(length)) }

const rsaKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' })
// The last 65 bytes of an SM2 SubjectPublicKeyInfo are the point 04 || X || Y.
const sm2Key = generateKeyPairSync('ec', { namedCurve: 'SM2' })
  .publicKey.export({ type: 'spki', format: 'der' })
  .subarray(-65)
  .toString('hex')

/** Nearest-rank percentile of sorted times. */
const percentile = (sorted, q) => sorted[Math.ceil(q * sorted.length) - 1]

async function bench(name, encrypt, publicKey, runs) {
  for (let i = 0; i < WARM_UP; i++) await encrypt(PASSWORD, publicKey, options)
  const times = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await encrypt(PASSWORD, publicKey, options)
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const ms = (q) => percentile(times, q).toFixed(2)
  console.log(`${name.padEnd(18)} median ${ms(0.5)} ms  p95 ${ms(0.95)} ms  (${runs} calls)`)
}

console.log(`Node ${process.version}, injected crypto.getRandomValues, password "${PASSWORD}"`)
await bench('RSA-2048 (base64)', rsaEncrypt, rsaKey, 500)
await bench('SM2 (C1C3C2 hex)', sm2Encrypt, sm2Key, 200)
