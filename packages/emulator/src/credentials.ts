// Checking a password that may or may not have been encrypted: clients flag `passwordEncryptType` but the official
// SDK leaves some passwords in plain text (oldPassword, delete-account), so decryption falls back to the input.
import { verifyPassword } from './crypto/hash'
import type { KeyMaterial } from './crypto/keys'
import { decryptPassword, type PasswordEncryptType } from './crypto/password'
import type { UserRecord } from './state'

export async function passwordMatches(user: UserRecord, value: string, type: PasswordEncryptType, keys: KeyMaterial): Promise<boolean> {
  const decrypted = type === 'none' ? undefined : decryptPassword(value, type, keys)
  for (const candidate of decrypted === undefined ? [value] : [decrypted, value]) {
    if (await verifyPassword(candidate, user.passwordHash)) return true
  }
  return false
}
