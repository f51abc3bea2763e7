// The one place where error outcomes are defined. Route code throws these; the server's error handler renders
// them in the response format of the route family (V3 envelope, OAuth error, V2 upload, control plane).

/** A V3 business error: rendered as `{ statusCode, message, apiCode?, requestId }`. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly apiCode?: number,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export type OAuthErrorCode =
  'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unauthorized_client' | 'unsupported_grant_type' | 'invalid_scope'

/** An OAuth 2.0 error (RFC 6749 §5.2): rendered as `{ error, error_description }` with a real HTTP status. */
export class OAuthError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    description: string,
    readonly httpStatus = 400,
  ) {
    super(description)
    this.name = 'OAuthError'
  }
}

/** The error catalogue of docs/protocol.md §9.4 (statusCode / apiCode / message). */
export const errors = {
  empty: (field: string) => new ApiError(400, `${field} should not be empty`),
  invalid: (field: string, problem: string) => new ApiError(400, `${field} ${problem}`),
  badRequest: (message: string) => new ApiError(400, message),
  notLoggedIn: (reason: string) => new ApiError(401, reason, 2020),
  tokenExpired: () => new ApiError(401, 'Token has expired, please log in again', 2206),
  accountOrPassword: () => new ApiError(403, 'Account not exists or password is incorrect.', 2333),
  userNotFound: () => new ApiError(404, 'User does not exist', 2004),
  wrongPassword: () => new ApiError(403, 'Password is incorrect', 2006),
  wrongOldPassword: () => new ApiError(403, 'Old password is incorrect', 2203),
  userLocked: (status: string) => new ApiError(403, `User is ${status} and cannot log in`, 2005),
  wrongCode: () => new ApiError(403, 'Verification code is incorrect or has already been used', 2001),
  codeExpired: () => new ApiError(403, 'Verification code has expired', 2300),
  throttled: (seconds: number) => new ApiError(429, `Codes are sent at most once a minute to the same target; try again in ${seconds}s`),
  registrationDisabled: () => new ApiError(403, 'Registration is disabled for this app and the user does not exist', 2031),
  appNotFound: (id: string) => new ApiError(404, `App "${id}" does not exist`, 2011),
  poolNotFound: (id: string) => new ApiError(404, `User pool "${id}" does not exist`, 2224),
  connectionNotFound: (identifier: string) =>
    new ApiError(404, `Identity provider connection "${identifier}" does not exist in this user pool`, 2011),
  conflict: (message: string, apiCode?: number) => new ApiError(409, message, apiCode),
  forbidden: (message: string) => new ApiError(403, message),
  /** WeChat's own error, relayed in Authing's envelope (third-party response error, statusCode 602). */
  wechat: (errcode: number, errmsg: string) => new ApiError(602, `WeChat returned an error: {"errcode":${errcode},"errmsg":"${errmsg}"}`),
  /** Douyin's own error (code2session's `err_no` / `err_tips`), relayed like WeChat's. */
  douyin: (errNo: number, errTips: string) => new ApiError(602, `Douyin returned an error: {"err_no":${errNo},"err_tips":"${errTips}"}`),
  decryptFailed: (field: string, type: string) =>
    new ApiError(
      400,
      `${field} could not be decrypted as passwordEncryptType "${type}"; encrypt it with the public key from /api/v3/system`,
    ),
}

/** A successful V3 envelope. `data` is omitted for "simple" endpoints. */
export function ok(requestId: string, data?: unknown, message = 'success'): Record<string, unknown> {
  return data === undefined ? { statusCode: 200, message, requestId } : { statusCode: 200, message, requestId, data }
}

/** A failed V3 envelope. */
export function failure(requestId: string, statusCode: number, message: string, apiCode?: number): Record<string, unknown> {
  return apiCode === undefined ? { statusCode, message, requestId } : { statusCode, message, apiCode, requestId }
}

/** Throws `<field> should not be empty` when a required value is absent. */
export function required<T>(value: T | undefined | null, field: string): T {
  if (value === undefined || value === null || value === '') throw errors.empty(field)
  return value
}
