// Shared by @authing/miniapp-jsencrypt and @authing/miniapp-sm2encrypt: the call contract with the SDK core,
// input checks, UTF-8 and hex encoding, and where random bytes come from. Each package's build inlines it.

/** Options the Authing SDK core passes as the third argument of `encryptFunction`. */
export interface EncryptOptions {
  /**
   * Secure random bytes from the platform (`wx.getRandomValues`, uni-app, Taro), supplied by the SDK core through
   * its adapter. When given, `encryptFunction` returns a Promise.
   */
  getRandomValues?: (length: number) => Promise<Uint8Array>
}

/**
 * An `encryptFunction` for `new Authing({ encryptFunction })`. Called with two arguments it is synchronous and
 * returns the ciphertext; called with `{ getRandomValues }` it returns a Promise of the ciphertext. Failures throw
 * (or reject) an `Error`; it never returns an empty or `"false"` string.
 */
export interface EncryptFunction {
  (plainText: string, publicKey: string): string
  (plainText: string, publicKey: string, options?: EncryptOptions): string | Promise<string>
}

/** An encryption whose inputs are checked and that now only needs random bytes. */
export interface Plan {
  /** Random bytes consumed by one attempt. */
  randomLength: number
  /** Encrypts with `random`, or returns `undefined` to reject these bytes and be called again with fresh ones. */
  attempt(random: Uint8Array): string | undefined
}

// A rejected sample is rare (RSA: not enough non-zero bytes; SM2: an all-zero key stream), so repeated rejections
// mean the random source is broken, e.g. returns only zeros.
const MAX_ATTEMPTS = 8

let warned = false

// Platform globals (the packages compile against the plain ES2017 lib). `crypto` is absent in mini programs and is
// read only when called, never at import.
declare const crypto: { getRandomValues?: <T extends Uint8Array>(array: T) => T } | undefined
declare const console: { warn(message: string): void }

/** Random bytes for the two-argument call: `crypto.getRandomValues` where it exists, else `Math.random`. */
function fallbackRandom(length: number): Uint8Array {
  const bytes = new Uint8Array(length)
  if (typeof crypto !== 'undefined' && crypto && typeof crypto.getRandomValues === 'function') {
    return crypto.getRandomValues(bytes)
  }
  if (!warned) {
    warned = true
    console.warn(
      '[Authing password encryption] No secure random source: neither options.getRandomValues nor the crypto global ' +
        'is available, so Math.random is used. Its output can be predictable, which weakens the encryption of ' +
        'passwords. Pass the platform getRandomValues (the Authing SDK does so where the platform has one).',
    )
  }
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(Math.random() * 256)
  return bytes
}

/** Calls `plan.attempt` with `random`, after checking that the source delivered enough bytes. */
function attempt(plan: Plan, random: Uint8Array): string | undefined {
  if (!random || !(random.length >= plan.randomLength)) {
    const got = random && typeof random.length === 'number' ? `${random.length} bytes` : String(random)
    throw new Error(`getRandomValues returned ${got}, ${plan.randomLength} bytes expected`)
  }
  return plan.attempt(random)
}

const exhausted = () => new Error(`the random source returned unusable bytes ${MAX_ATTEMPTS} times`)

/** Lowercase hex of bytes. */
export function toHex(bytes: ArrayLike<number>): string {
  let hex = ''
  for (let i = 0; i < bytes.length; i++) hex += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16)
  return hex
}

/** UTF-8 bytes of `text`; throws on an unpaired surrogate instead of silently changing the password. */
function utf8(text: string): number[] {
  let binary: string
  try {
    binary = unescape(encodeURIComponent(text))
  } catch {
    throw new Error('plainText is not valid Unicode (unpaired surrogate)')
  }
  const bytes: number[] = []
  for (let i = 0; i < binary.length; i++) bytes.push(binary.charCodeAt(i))
  return bytes
}

/**
 * Builds an `EncryptFunction` from `prepare`, which checks the key and message (UTF-8 bytes) and returns a plan.
 * Every error is rethrown (or rejected) as an `Error` whose message starts with `label`.
 */
export function defineEncrypt(label: string, prepare: (message: number[], publicKey: string) => Plan): EncryptFunction {
  const fail = (error: unknown): never => {
    throw new Error(`${label}: ${error instanceof Error ? error.message : String(error)}`)
  }
  const plan = (plainText: unknown, publicKey: unknown): Plan => {
    if (typeof plainText !== 'string') throw new Error(`plainText must be a string, got ${typeof plainText}`)
    if (typeof publicKey !== 'string' || !publicKey.trim()) throw new Error('publicKey is missing or empty')
    return prepare(utf8(plainText), publicKey.trim())
  }
  const encryptAsync = async (plainText: unknown, publicKey: unknown, source: (length: number) => Promise<Uint8Array>) => {
    const p = plan(plainText, publicKey)
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      const result = attempt(p, await source(p.randomLength))
      if (result !== undefined) return result
    }
    throw exhausted()
  }
  const encryptSync = (plainText: unknown, publicKey: unknown): string => {
    const p = plan(plainText, publicKey)
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      const result = attempt(p, fallbackRandom(p.randomLength))
      if (result !== undefined) return result
    }
    throw exhausted()
  }
  return function encryptFunction(plainText: unknown, publicKey: unknown, options?: EncryptOptions) {
    const source = options && options.getRandomValues
    if (source) return encryptAsync(plainText, publicKey, source).catch(fail)
    try {
      return encryptSync(plainText, publicKey)
    } catch (error) {
      return fail(error)
    }
  } as EncryptFunction
}
