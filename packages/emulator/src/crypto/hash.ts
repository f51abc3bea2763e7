// Password hashing with scrypt. The cost is modest on purpose: this is a development server and tests log in a lot.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

const COST = 1 << 10
const KEY_LENGTH = 32

function derive(password: string, salt: Buffer, cost: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, { N: cost }, (error, key) => (error ? reject(error) : resolve(key)))
  })
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, COST)
  return `scrypt$${COST}$${salt.toString('base64')}$${key.toString('base64')}`
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (!stored) return false
  const [scheme, cost, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || !cost || !salt || !key) return false
  const expected = Buffer.from(key, 'base64')
  const actual = await derive(password, Buffer.from(salt, 'base64'), Number(cost))
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}
