// WeChat's encrypted-data scheme: AES-128-CBC, PKCS#7 padding, base64 session key / iv / ciphertext.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { EncryptedWechatData } from '../types'

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

function key16(base64: string): Buffer | undefined {
  if (!BASE64.test(base64)) return undefined
  const bytes = Buffer.from(base64, 'base64')
  return bytes.length === 16 ? bytes : undefined
}

/** A fresh random session key (16 bytes, base64). */
export const newSessionKey = (): string => randomBytes(16).toString('base64')

export function wechatEncrypt(sessionKey: string, payload: unknown): EncryptedWechatData {
  const key = key16(sessionKey)
  if (!key) throw new Error('session key must be 16 bytes of base64')
  const iv = randomBytes(16)
  const cipher = createCipheriv('aes-128-cbc', key, iv)
  const encrypted = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()])
  return { encryptedData: encrypted.toString('base64'), iv: iv.toString('base64') }
}

/** The decrypted JSON object, or undefined when anything is off (bad base64, key, padding or JSON). */
export function wechatDecrypt(sessionKey: string, encryptedData: string, iv: string): Record<string, unknown> | undefined {
  const key = key16(sessionKey)
  const ivBytes = key16(iv.replace(/\s+/g, ''))
  const data = encryptedData.replace(/\s+/g, '')
  if (!key || !ivBytes || !BASE64.test(data) || data.length === 0) return undefined
  try {
    const decipher = createDecipheriv('aes-128-cbc', key, ivBytes)
    const text = Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8')
    const parsed: unknown = JSON.parse(text)
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}
