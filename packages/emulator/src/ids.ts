import { randomBytes, randomInt, randomUUID } from 'node:crypto'

/** A request id / generic unique id. */
export const uuid = (): string => randomUUID()

/** A Mongo-style 24-hex id (4-byte timestamp + 8 random bytes), the shape Authing uses for users, apps and pools. */
export function objectId(nowMs: number = Date.now()): string {
  const seconds = Math.floor(nowMs / 1000) >>> 0
  return seconds.toString(16).padStart(8, '0') + randomBytes(8).toString('hex')
}

/** `n` random decimal digits, e.g. a 6-digit SMS code. */
export function randomDigits(n: number): string {
  let out = ''
  for (let i = 0; i < n; i++) out += String(randomInt(10))
  return out
}

/** An opaque, URL-safe secret (refresh tokens, update/delete tokens). */
export const opaqueToken = (bytes = 32): string => randomBytes(bytes).toString('base64url')

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** A 32-character code that looks like the ones `wx.login` returns. */
export function wechatStyleCode(): string {
  let out = ''
  for (let i = 0; i < 32; i++) out += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]
  return out
}
