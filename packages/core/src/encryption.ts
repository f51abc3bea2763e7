import type { Adapter } from './adapter'
import { authingError, describe } from './errors'
import { SYSTEM_PATH, type Http } from './http'
import type { EncryptFunction, PasswordEncryptType } from './types'

/** Public keys are fetched once and reused for this long, so a second encrypted login costs one request, not two. */
const KEY_LIFETIME = 10 * 60 * 1000

export type Encryption = ReturnType<typeof createEncryption>

type SystemInfo = Partial<Record<'rsa' | 'sm2', { publicKey?: unknown }>>

/** Throws `invalid_argument` unless `type` is a known encryption type (or absent). */
export function checkEncryptType(type: unknown): void {
  if (type != null && type != 'none' && type != 'rsa' && type != 'sm2') {
    throw authingError('invalid_argument', 'passwordEncryptType must be "none", "rsa" or "sm2"')
  }
}

/** Password encryption: the public-key cache and the call to the configured `encryptFunction`. */
export function createEncryption(
  http: Http,
  adapter: Pick<Adapter, 'getRandomValues'>,
  now: () => number,
  encryptFunction?: EncryptFunction,
) {
  let keys: Promise<SystemInfo> | undefined
  let fetchedAt = 0

  async function publicKey(type: string): Promise<string> {
    if (type != 'rsa' && type != 'sm2') throw authingError('invalid_argument', 'The key type must be "rsa" or "sm2"')
    if (!keys || now() - fetchedAt > KEY_LIFETIME) {
      fetchedAt = now()
      keys = http.send({ path: SYSTEM_PATH, query: {} }) as Promise<SystemInfo>
      keys.catch(() => (keys = undefined)) // a failed fetch is not cached
    }
    const entry = (await keys)[type]
    const key = entry && entry.publicKey
    if (typeof key != 'string' || !key) throw authingError('server', `The server has no ${type} public key`)
    return key
  }

  /** Returns the password as it must travel: unchanged for `none`, otherwise ciphertext, or throws before any send. */
  async function encrypt(password: string, type: PasswordEncryptType | undefined): Promise<string> {
    checkEncryptType(type)
    if (!type || type == 'none') return password
    if (typeof encryptFunction != 'function') {
      throw authingError('invalid_argument', 'encryptFunction is required when passwordEncryptType is not "none"')
    }
    const key = await publicKey(type)
    let cipher: unknown
    try {
      const options = adapter.getRandomValues && { getRandomValues: (length: number) => adapter.getRandomValues!(length) }
      cipher = await encryptFunction(password, key, options)
    } catch (error) {
      // A plugin's message may quote what it was given: the password never reaches an error message.
      throw authingError('encrypt_failed', `Password encryption failed: ${describe(error).split(password).join('***')}`)
    }
    // The official RSA helper returned "false" on failure and the SDK sent it as the password; a plugin that does
    // nothing would send it in clear.
    if (typeof cipher != 'string' || !cipher || cipher == 'false' || cipher == password) {
      throw authingError('encrypt_failed', 'Password encryption produced no ciphertext')
    }
    return cipher
  }

  return { publicKey, encrypt }
}
