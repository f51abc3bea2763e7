import type { Adapter } from './adapter'
import type { ReadAnswer } from './answer'
import { authingError, describe } from './errors'
import type { Http } from './http'
import type { EncryptFunction } from './types'
import { isFunction, isText } from './value-checks'

/** Public keys are fetched once and reused for this long, so a second encrypted login costs one request, not two. */
const KEY_LIFETIME = 10 * 60 * 1000

const SYSTEM_PATH = '/api/v3/system'

type KeyType = 'rsa' | 'sm2'
type SystemInfo = Partial<Record<KeyType, { publicKey?: unknown }>>

/** `/api/v3/system` answers without an envelope: it succeeded when it lists a key. */
const readSystemInfo: ReadAnswer<SystemInfo> = ({ body }) => (body.rsa || body.sm2 ? (body as SystemInfo) : undefined)

const isKeyType = (type: unknown): type is KeyType => type == 'rsa' || type == 'sm2'

/** Turns a password into what is sent: the password itself, or its ciphertext. */
export type PasswordEncoder = (password: string) => Promise<string>

export type Encryption = ReturnType<typeof createEncryption>

/** Password encryption: the public-key cache and the call to the configured `encryptFunction`. */
export function createEncryption(
  http: Http,
  adapter: Pick<Adapter, 'getRandomValues'>,
  now: () => number,
  encryptFunction?: EncryptFunction,
) {
  let keys: Promise<SystemInfo> | undefined
  let fetchedAt = 0

  async function publicKey(type: unknown): Promise<string> {
    if (!isKeyType(type)) throw authingError('invalid_argument', 'the key type must be "rsa" or "sm2"')
    if (!keys || now() - fetchedAt > KEY_LIFETIME) {
      fetchedAt = now()
      keys = http.send({ path: SYSTEM_PATH, query: {}, read: readSystemInfo })
      keys.catch(() => {
        keys = undefined // a failed fetch is not cached
      })
    }
    const entry = (await keys)[type]
    const key = entry && entry.publicKey
    if (!isText(key)) throw authingError('server', `no ${type} public key`)
    return key
  }

  async function encrypt(password: string, type: KeyType, encryptWith: EncryptFunction): Promise<string> {
    const key = await publicKey(type)
    let cipher: unknown
    try {
      const getRandomValues = adapter.getRandomValues
      const options = getRandomValues && { getRandomValues: (length: number) => getRandomValues.call(adapter, length) }
      cipher = await encryptWith(password, key, options)
    } catch (error) {
      // A plugin's message may quote what it was given: the password never reaches an error message.
      throw authingError('encrypt_failed', describe(error).split(password).join('***'))
    }
    // The official RSA helper returned "false" on failure and the SDK sent it as the password; a plugin that does
    // nothing would send it in clear.
    if (!isText(cipher) || cipher == 'false' || cipher == password) {
      throw authingError('encrypt_failed', 'no ciphertext')
    }
    return cipher
  }

  /**
   * Checks a `passwordEncryptType` (once, before any I/O) and returns how passwords are encoded for it: unchanged for
   * none, otherwise encrypted or the call fails before anything is sent.
   */
  function encoderFor(type: unknown): PasswordEncoder {
    if (type == null || type == 'none') return (password) => Promise.resolve(password)
    if (!isKeyType(type)) throw authingError('invalid_argument', 'passwordEncryptType must be "none", "rsa" or "sm2"')
    const encryptWith = encryptFunction
    if (!isFunction(encryptWith)) {
      throw authingError('invalid_argument', 'passwordEncryptType needs the option encryptFunction')
    }
    return (password) => encrypt(password, type, encryptWith)
  }

  return { publicKey, encoderFor }
}
