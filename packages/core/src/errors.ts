import { firstText } from './value-checks'

/**
 * Every code the SDK reports, with the sentence its message starts with. A message may go on after a colon with what
 * is known of the particular failure (which argument, the platform's `errMsg`…); an error the server explained
 * carries the server's own words instead.
 */
export const ERROR_MESSAGES = {
  /** A required argument or option is missing or malformed; nothing was sent. Fix the call. */
  invalid_argument: 'Invalid argument',
  /** There is no login state. Show the login page. */
  not_logged_in: 'Not logged in',
  /** The session ended (refresh token rejected, access token expired with no refresh token, or revoked); local state was cleared. Show the login page. */
  session_expired: 'Session ended, log in again',
  /** The request did not reach the server (offline, DNS, TLS, domain not whitelisted). Retry later; the login state is kept. */
  network: 'Request failed',
  /** The server did not answer in time. Retry later; the login state is kept. */
  timeout: 'Request timed out',
  /** The server failed (5xx), answered something unreadable, or a success without the data asked for. Retry later; the login state is kept. */
  server: 'Unusable server answer',
  /** The server refused the request with a 4xx and said why (wrong password or code, throttled, conflict…); see `statusCode`, `apiCode`. Show `message`. */
  api: 'Request refused',
  /** The password could not be encrypted; nothing was sent. Check the encryption plugin and the public key. */
  encrypt_failed: 'Password encryption failed',
  /**
   * A platform API failed or was cancelled (login code, image picker, upload), or a WeChat-only method was called on
   * H5, where there is no WeChat login (nothing was sent). Show `message`, let the user retry.
   */
  platform: 'Platform call failed',
  /** Reading or writing the login state in storage failed. Show `message`. */
  storage: 'Storage failed',
  /** A failure the SDK cannot classify (e.g. an adapter that broke its contract); `cause` holds what was thrown. Report it. */
  unknown: 'Unexpected error',
} as const

/** A stable, machine-readable reason: one of the keys of {@link ERROR_MESSAGES}. */
export type AuthingErrorCode = keyof typeof ERROR_MESSAGES

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
  /**
   * For `unknown` only: what was thrown, as it was. Not enumerable (like `Error.prototype.cause`), so serialising
   * the error leaves it out.
   */
  cause?: unknown
}

/** What the server said about a failure: kept on the error; its own explanation, if any, is the whole message. */
export type ServerDetails = Pick<AuthingError, 'message' | 'statusCode' | 'apiCode' | 'requestId'>

/** The errors this SDK made: anything else that was thrown is described, never passed on as it is. */
const made = new WeakSet<object>()

/** The one error constructor: the catalogue's sentence for `code`, then `detail` (or the server's own words). */
export function authingError(code: AuthingErrorCode, detail?: string, server?: Partial<ServerDetails>): AuthingError {
  const lead = ERROR_MESSAGES[code]
  const error: AuthingError = Object.assign({ message: detail ? `${lead}: ${detail}` : lead, code }, server)
  made.add(error)
  return error
}

/** Readable text of anything thrown or rejected (platform errors carry `errMsg`), even of a value that cannot be read. */
export function describe(reason: unknown): string {
  try {
    // An object's own String() is "[object Object]": only its errMsg or message says something.
    const isObject = reason && (typeof reason == 'object' || typeof reason == 'function')
    const { errMsg, message } = (isObject ? reason : {}) as { errMsg?: unknown; message?: unknown }
    const text = firstText([errMsg, message, isObject || reason == null ? '' : String(reason)])
    if (text) return text
  } catch {
    // a value that cannot even be read (a proxy that throws): nothing to say about it
  }
  return 'unknown error'
}

/** Turns anything caught into an {@link AuthingError}: what the SDK did not raise itself is `unknown`, with its `cause`. */
export function toAuthingError(reason: unknown): AuthingError {
  // An error this SDK made is returned as it is.
  if (made.has(reason as object)) return reason as AuthingError
  const error = authingError('unknown', describe(reason))
  Object.defineProperty(error, 'cause', { value: reason })
  return error
}

/** Runs a platform call so that its failure (thrown or rejected) becomes an {@link AuthingError} of the given code. */
export async function callPlatform<T>(code: 'platform' | 'storage', what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (reason) {
    throw authingError(code, `${what}: ${describe(reason)}`)
  }
}
