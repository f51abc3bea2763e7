import type { Adapter } from './adapter'
import type { AuthingError } from './errors'

/**
 * What every method resolves to: `[null, data]` on success, `[error, undefined]` on failure.
 * Methods never throw and never reject.
 *
 * @example
 * const [error, userInfo] = await authing.getUserInfo()
 * if (error) wx.showToast({ title: error.message })
 */
export type SDKResponse<T> = [null, T] | [AuthingError, undefined]

/** Options the SDK passes to an {@link EncryptFunction}. */
export interface EncryptOptions {
  /** Secure random bytes from the platform (`wx.getRandomValues`), present where the platform has them. */
  getRandomValues?: (length: number) => Promise<Uint8Array>
}

/**
 * Encrypts a password with the server's public key (PEM for RSA, `04…` hex for SM2).
 * `@authing/miniapp-jsencrypt` and `@authing/miniapp-sm2encrypt` provide one. It may return the ciphertext or a
 * promise of it, and should throw when it cannot encrypt.
 */
export type EncryptFunction = (plainText: string, publicKey: string, options?: EncryptOptions) => string | Promise<string>

/** How a password is protected on the wire. `none` sends it as typed (over HTTPS). */
export type PasswordEncryptType = 'none' | 'rsa' | 'sm2'

/** Options of `new Authing(options)`. */
export interface AuthingOptions {
  /** The Authing application ID (console → Applications → your mini program app). */
  appId: string
  /** The user pool ID (console → Settings → Basic settings). */
  userPoolId: string
  /**
   * The app's authentication address, e.g. `https://my-app.authing.cn`, or a private deployment.
   * Must be `https://`, except `http://localhost`, `http://127.x.x.x` and `http://[::1]` for a local emulator.
   * @defaultValue `https://core.authing.cn`
   */
  host?: string
  /** Password encryption, needed when a call asks for `passwordEncryptType` `rsa` or `sm2`. */
  encryptFunction?: EncryptFunction
  /**
   * Milliseconds before an API request is abandoned with a `timeout` error (avatar uploads get at least 60 s).
   * @defaultValue 10000
   */
  timeout?: number
  /**
   * Milliseconds before the access token expires at which it is renewed ahead of an authenticated call.
   * @defaultValue 60000
   */
  refreshMargin?: number
  /**
   * Replaces parts of the platform adapter, e.g. `{ storage: myStorage }` or a `request` that adds an interceptor
   * around the platform's own (get it from the platform package's adapter factory).
   */
  adapter?: Partial<Adapter>
  /** The clock, in epoch milliseconds; inject one in tests to move through token lifetimes. @defaultValue `Date.now` */
  now?: () => number
}

/**
 * The login state, stored under `authing:{appId}:login-state` with the same fields as the official SDK, so a
 * session survives an upgrade from it.
 */
export interface LoginState {
  /** Send to your own backend as proof of login. */
  access_token: string
  /** The OIDC ID token. */
  id_token?: string
  /** Present when the login asked for `offline_access`; the SDK uses it to renew the session. */
  refresh_token?: string
  /** Lifetime of the access token in seconds, as the server gave it. */
  expires_in: number
  /** When the access token expires, epoch milliseconds (device clock). */
  expires_at: number
  /** Granted scopes, space-separated. */
  scope?: string
  /** Usually `Bearer`. */
  token_type?: string
}

/** Why the login state changed. */
export type LoginStateEvent = 'login' | 'refresh' | 'logout' | 'expired'

/** Called with the new state (`null` when logged out) after every change. */
export type LoginStateListener = (state: LoginState | null, event: LoginStateEvent) => void

/**
 * Scopes, space-separated: `openid` (required), `profile`, `username`, `email`, `phone`, `roles`, `external_id`,
 * `extended_fields`, `tenant_id`, and `offline_access` to get a refresh token.
 */
export type Scope = string

/** Extra options of WeChat logins ({@link LoginByCodeParams}, {@link LoginByPhoneParams}). */
export interface WxLoginOptions {
  /** Requested scopes, e.g. `'openid profile offline_access'`. */
  scope?: Scope
  /** Extra context passed to the pipelines before and after authentication. */
  context?: Record<string, unknown>
  /** Tenant ID. */
  tenantId?: string
  /** Custom data (keys must be defined in the user pool). */
  customData?: Record<string, unknown>
}

/** Extra options of password and pass code logins. */
export interface NormalLoginOptions {
  /** How the password travels; `rsa` and `sm2` need an `encryptFunction`. @defaultValue `'none'` */
  passwordEncryptType?: PasswordEncryptType
  /** Requested scopes, e.g. `'openid profile offline_access'`. */
  scope?: Scope
  /** Create the user when it does not exist. @defaultValue false */
  autoRegister?: boolean
  /** The user's real IP, when the call is relayed by a backend. */
  clientIp?: string
  /** Extra context passed to the pipelines before and after authentication. */
  context?: string
  /** Tenant ID. */
  tenantId?: string
  /** Custom data (keys must be defined in the user pool). */
  customData?: Record<string, unknown>
}

/** Encrypted user data from a WeChat open API (`wx.getUserProfile`). */
export interface WechatMiniProgramCodePayload {
  encryptedData?: string
  iv?: string
}

/** Argument of `loginByCode`. */
export interface LoginByCodeParams {
  /** Identifier of the WeChat mini program identity source in the Authing console. */
  extIdpConnidentifier: string
  /** @defaultValue `'wechat_mini_program_code'` */
  connection?: string
  /** Legacy user-profile data; optional. */
  wechatMiniProgramCodePayload?: WechatMiniProgramCodePayload
  options?: WxLoginOptions
}

/** Phone and login data of a phone-number login. */
export interface WechatMiniProgramCodeAndPhonePayload {
  /** `code` from `<button open-type="getPhoneNumber">`. */
  wxPhoneInfo: { code: string }
  /** Legacy user-profile data; optional. */
  wxLoginInfo?: WechatMiniProgramCodePayload
}

/** Argument of `loginByPhone`. */
export interface LoginByPhoneParams {
  /** Identifier of the WeChat mini program identity source in the Authing console. */
  extIdpConnidentifier: string
  wechatMiniProgramCodeAndPhonePayload?: WechatMiniProgramCodeAndPhonePayload
  /** Same as `wechatMiniProgramCodeAndPhonePayload` (the newer name). */
  miniProgramCodeAndPhonePayload?: WechatMiniProgramCodeAndPhonePayload
  options?: WxLoginOptions
}

/** Credentials of a password login: the password and one identifier. */
export interface PasswordPayload {
  password: string
  /** Username, phone number or e-mail; the server decides which. */
  account?: string
  username?: string
  email?: string
  phone?: string
}

/** Argument of `loginByPassword`. */
export interface LoginByPasswordParams {
  passwordPayload: PasswordPayload
  options?: NormalLoginOptions
  /** @defaultValue `'PASSWORD'` */
  connection?: 'PASSWORD'
}

/** Credentials of a pass code login: the code and the phone or e-mail it was sent to. */
export interface PassCodePayload {
  passCode: string
  phone?: string
  email?: string
  /** @defaultValue `'+86'` when `phone` is given */
  phoneCountryCode?: string
}

/** Argument of `loginByPassCode`. */
export interface LoginByPassCodeParams {
  passCodePayload: PassCodePayload
  options?: NormalLoginOptions
  /** @defaultValue `'PASSCODE'` */
  connection?: 'PASSCODE'
}

/** What an SMS code is for. */
export type SmsChannel =
  | 'CHANNEL_LOGIN'
  | 'CHANNEL_REGISTER'
  | 'CHANNEL_RESET_PASSWORD'
  | 'CHANNEL_BIND_PHONE'
  | 'CHANNEL_UNBIND_PHONE'
  | 'CHANNEL_BIND_MFA'
  | 'CHANNEL_VERIFY_MFA'
  | 'CHANNEL_UNBIND_MFA'
  | 'CHANNEL_COMPLETE_PHONE'
  | 'CHANNEL_IDENTITY_VERIFICATION'
  | 'CHANNEL_DELETE_ACCOUNT'

/** What an e-mail code is for. */
export type EmailChannel =
  | 'CHANNEL_LOGIN'
  | 'CHANNEL_REGISTER'
  | 'CHANNEL_RESET_PASSWORD'
  | 'CHANNEL_VERIFY_EMAIL_LINK'
  | 'CHANNEL_UPDATE_EMAIL'
  | 'CHANNEL_BIND_EMAIL'
  | 'CHANNEL_UNBIND_EMAIL'
  | 'CHANNEL_VERIFY_MFA'
  | 'CHANNEL_UNLOCK_ACCOUNT'
  | 'CHANNEL_COMPLETE_EMAIL'
  | 'CHANNEL_DELETE_ACCOUNT'

/** Argument of `sendSms`. */
export interface SendSmsParams {
  /** Phone number without the country code. */
  phoneNumber: string
  channel: SmsChannel
  /** @defaultValue `'+86'` */
  phoneCountryCode?: string
}

/** Argument of `sendEmailCode`. */
export interface SendEmailCodeParams {
  email: string
  channel: EmailChannel
}

/** Argument of `updatePassword`. */
export interface UpdatePasswordParams {
  newPassword: string
  /** Required by the server when the user already has a password. */
  oldPassword?: string
  /** Both passwords are encrypted when this is `rsa` or `sm2`. @defaultValue `'none'` */
  passwordEncryptType?: PasswordEncryptType
}

/** Argument of `getUserInfo`: which extra parts of the profile to include. All default to false. */
export interface GetUserInfoParams {
  withCustomData?: boolean
  withIdentities?: boolean
  withDepartmentIds?: boolean
}

/** `M` male, `F` female, `U` unknown. */
export type Gender = 'M' | 'F' | 'U'

/** Profile fields that `updateUserInfo` can change (e-mail, phone and password have their own methods). */
export interface UpdateUserInfoParams {
  name?: string
  nickname?: string
  username?: string
  photo?: string
  externalId?: string
  birthdate?: string
  country?: string
  province?: string
  city?: string
  address?: string
  streetAddress?: string
  postalCode?: string
  gender?: Gender
  company?: string
  /** Keys must be defined as custom fields in the user pool. */
  customData?: Record<string, unknown>
}

/** An identity from an external identity provider linked to the user. */
export interface Identity {
  identityId: string
  extIdpId: string
  /** e.g. `wechat`. */
  provider: string
  /** e.g. `openid`, `unionid`. */
  type: string
  userIdInIdp: string
  originConnIds?: string[]
}

/** The user's profile. */
export interface UserInfo {
  userId: string
  createdAt?: string
  updatedAt?: string
  status?: 'Suspended' | 'Resigned' | 'Activated' | 'Archived' | 'Deactivated'
  email?: string | null
  emailVerified?: boolean
  phone?: string | null
  phoneCountryCode?: string | null
  phoneVerified?: boolean
  username?: string | null
  name?: string | null
  nickname?: string | null
  photo?: string | null
  externalId?: string | null
  birthdate?: string | null
  country?: string | null
  province?: string | null
  city?: string | null
  address?: string | null
  streetAddress?: string | null
  postalCode?: string | null
  gender?: Gender
  company?: string | null
  region?: string | null
  loginsCount?: number
  lastLogin?: string | null
  lastIp?: string | null
  passwordLastSetAt?: string | null
  resetPasswordOnNextLogin?: boolean
  browser?: string | null
  device?: string | null
  givenName?: string | null
  familyName?: string | null
  middleName?: string | null
  profile?: string | null
  preferredUsername?: string | null
  website?: string | null
  zoneinfo?: string | null
  locale?: string | null
  formatted?: string | null
  userSourceType?: 'excel' | 'register' | 'adminCreated' | 'syncTask'
  userSourceId?: string | null
  lastLoginApp?: string | null
  mainDepartmentId?: string | null
  lastMfaTime?: string | null
  passwordSecurityLevel?: number | null
  /** Only with `withCustomData: true`. */
  customData?: Record<string, unknown>
  /** Only with `withDepartmentIds: true`. */
  departmentIds?: string[]
  /** Only with `withIdentities: true`. */
  identities?: Identity[]
}

/** The envelope of a call whose success carries no data. */
export interface SimpleResponseData {
  message: string
  statusCode: number
  requestId?: string
}

/** Result of `updateAvatar`: the upload's answer; `data.url` is now the user's `photo`. */
export interface UploadFileResponseData {
  code: number
  message: string
  data: { key: string; url: string }
}

/** Argument of `getPhone`. */
export interface GetPhoneParams {
  /** Identifier of the WeChat mini program identity source in the Authing console. */
  extIdpConnidentifier: string
  /** `code` from `<button open-type="getPhoneNumber">`. */
  code: string
}

/** The user's WeChat phone number. */
export interface GetUserPhoneResponseData {
  /** Country code without `+`, e.g. `86`. */
  countryCode: string
  /** The number, with the country code for non-mainland numbers. */
  phoneNumber: string
  /** The number without country code. */
  purePhoneNumber: string
  watermark?: { appid: string; timestamp: number }
}

/** Argument of `bindPhone` (code from `sendSms` with `CHANNEL_BIND_PHONE`). */
export interface BindPhoneParams {
  phoneNumber: string
  passCode: string
  phoneCountryCode?: string
}

/** Argument of `updatePhoneRequest` (codes from `sendSms`). */
export interface UpdatePhoneRequestParams {
  /** @defaultValue `'PHONE_PASSCODE'` */
  verifyMethod?: 'PHONE_PASSCODE'
  phonePassCodePayload: {
    newPhoneNumber: string
    newPhonePassCode: string
    newPhoneCountryCode?: string
    /** Needed when the user pool asks to verify the old number. */
    oldPhoneNumber?: string
    oldPhonePassCode?: string
    oldPhoneCountryCode?: string
  }
}

/** Result of `updatePhoneRequest`; pass the token to `updatePhone` within `tokenExpiresIn` seconds. */
export interface UpdatePhoneRequestResult {
  updatePhoneToken: string
  tokenExpiresIn: number
}

/** Argument of `updatePhone`. */
export interface UpdatePhoneParams {
  updatePhoneToken: string
}

/** Argument of `bindEmail` (code from `sendEmailCode` with `CHANNEL_BIND_EMAIL`). */
export interface BindEmailParams {
  email: string
  passCode: string
}

/** Argument of `updateEmailRequest` (codes from `sendEmailCode` with `CHANNEL_UPDATE_EMAIL`). */
export interface UpdateEmailRequestParams {
  /** @defaultValue `'EMAIL_PASSCODE'` */
  verifyMethod?: 'EMAIL_PASSCODE'
  emailPassCodePayload: {
    newEmail: string
    newEmailPassCode: string
    /** Needed when the user pool asks to verify the old address. */
    oldEmail?: string
    oldEmailPassCode?: string
  }
}

/** Result of `updateEmailRequest`; pass the token to `updateEmail` within `tokenExpiresIn` seconds. */
export interface UpdateEmailRequestResult {
  updateEmailToken: string
  tokenExpiresIn: number
}

/** Argument of `updateEmail`. */
export interface UpdateEmailParams {
  updateEmailToken: string
}

/** Argument of `deleteAccountRequest`: prove the request with a code or (for users without phone and e-mail) the password. */
export interface DeleteAccountRequestParams {
  verifyMethod: 'PHONE_PASSCODE' | 'EMAIL_PASSCODE' | 'PASSWORD'
  /** Code from `sendSms` with `CHANNEL_DELETE_ACCOUNT`. */
  phonePassCodePayload?: { phoneNumber: string; passCode: string; phoneCountryCode?: string }
  /** Code from `sendEmailCode` with `CHANNEL_DELETE_ACCOUNT`. */
  emailPassCodePayload?: { email: string; passCode: string }
  /** The password is encrypted when `passwordEncryptType` is `rsa` or `sm2`. */
  passwordPayload?: { password: string; passwordEncryptType?: PasswordEncryptType }
}

/** Result of `deleteAccountRequest`; pass the token to `deleteAccount` within `tokenExpiresIn` seconds. */
export interface DeleteAccountRequestResult {
  deleteAccountToken: string
  tokenExpiresIn: number
}

/** Argument of `deleteAccount`. */
export interface DeleteAccountParams {
  deleteAccountToken: string
}

/** Outcome of `updatePhone`, `updateEmail` and `deleteAccount`. */
export interface SuccessResult {
  success: boolean
}

/** Argument of `decryptData`. */
export interface DecryptDataParams {
  /** Identifier of the WeChat mini program identity source in the Authing console. */
  extIdpConnidentifier: string
  encryptedData: string
  iv: string
  /** A login code obtained with `getLoginCode()` before the data was produced. */
  code: string
}

/** Argument of `bindWxByCode` (a fresh login code is added by the SDK). */
export interface BindWxByCodeParams {
  /** Identifier of the WeChat mini program identity source in the Authing console. */
  extIdpConnidentifier?: string
  iv?: string
  encryptedData?: string
  rawData?: string
}
