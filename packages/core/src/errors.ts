/**
 * Every failure of the SDK is an {@link AuthingError} with one of these codes.
 *
 * | code | meaning | what the app should do |
 * |---|---|---|
 * | `invalid_argument` | a required argument or option is missing or malformed; nothing was sent | fix the call |
 * | `not_logged_in` | there is no login state | show the login page |
 * | `session_expired` | the session ended (refresh token rejected, access token expired with no refresh token, or revoked); local state was cleared | show the login page |
 * | `network` | the request did not reach the server (offline, DNS, TLS, domain not whitelisted) | retry later; the login state is kept |
 * | `timeout` | the server did not answer in time | retry later; the login state is kept |
 * | `server` | the server failed (5xx) or answered something unreadable | retry later; the login state is kept |
 * | `api` | the server refused the request (wrong password or code, throttled, conflict…); see `statusCode`, `apiCode`, `message` | show `message` |
 * | `encrypt_failed` | the password could not be encrypted; nothing was sent | check the encryption plugin and the public key |
 * | `platform` | a platform API failed or was cancelled (login code, image picker, upload) | show `message`, let the user retry |
 * | `storage` | reading or writing the login state in storage failed | show `message` |
 */
export type AuthingErrorCode =
  | 'invalid_argument'
  | 'not_logged_in'
  | 'session_expired'
  | 'network'
  | 'timeout'
  | 'server'
  | 'api'
  | 'encrypt_failed'
  | 'platform'
  | 'storage'

/** The error half of every result. Plain data: safe to log, show or serialise. */
export interface AuthingError {
  /** A readable sentence. Never contains tokens, passwords or codes. */
  message: string
  /** Stable, machine-readable reason. */
  code: AuthingErrorCode
  /** The server's status (envelope `statusCode`, or the HTTP status), when the server answered. */
  statusCode?: number
  /** Authing's `apiCode`, when the server gave one (e.g. 2333 for a wrong account or password). */
  apiCode?: number
  /** Authing's request id, when the server gave one; quote it when asking Authing for support. */
  requestId?: string
}

/** The errors this SDK made: anything else that was thrown is described, never passed on as it is. */
const made = new WeakSet<object>()

/** The one error constructor. */
export function authingError(code: AuthingErrorCode, message: string, details?: Partial<AuthingError>): AuthingError {
  const error = Object.assign({}, details, { message, code })
  made.add(error)
  return error
}

/** Readable text of anything thrown or rejected (platform errors carry `errMsg`), even of a value that cannot be read. */
export function describe(reason: unknown): string {
  try {
    const r = Object(reason) // primitives have no errMsg or message: they are their own text
    for (const text of [r.errMsg, r.message, r === reason ? '' : String(reason)]) if (typeof text == 'string' && text.trim()) return text
  } catch {
    // a value that cannot even be read (a proxy that throws): nothing to say about it
  }
  return 'unknown error'
}

/** Turns anything caught into an {@link AuthingError}; something we did not throw ourselves came from the arguments. */
export function toAuthingError(reason: unknown): AuthingError {
  return made.has(reason as object) ? (reason as AuthingError) : authingError('invalid_argument', `Invalid argument: ${describe(reason)}`)
}

/** Wraps a platform call so that its failure becomes an {@link AuthingError} of the given code. */
export function platformCall<T>(code: 'platform' | 'storage', what: string, call: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve) => resolve(call())).catch((reason: unknown) => {
    throw authingError(code, `${what} failed: ${describe(reason)}`)
  })
}
