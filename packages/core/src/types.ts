import type { Adapter, Platform } from './adapter'
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
  /**
   * Whose login protocol to speak: WeChat's (`wx`) or Douyin's (`tt`): connections, payloads and endpoints of the code
   * and phone logins, getPhone, decryptData and bindWxByCode. By default the platform package decides
   * (`@authing/miniapp-tt`: `tt`; Taro and uni-app: the platform the app was built for).
   */
  platform?: Platform
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
  /** `encryptedData` of the WeChat open API's result (base64). */
  encryptedData?: string
  /** `iv` of the WeChat open API's result: the initialisation vector that decrypts `encryptedData`. */
  iv?: string
}

/** Argument of `loginByCode`. */
export interface LoginByCodeParams {
  /** Identifier of the WeChat (or Douyin) mini program identity source in the Authing console. */
  extIdpConnidentifier: string
  /** @defaultValue `'wechat_mini_program_code'` (Douyin: `'douyin_mini_program_code'`) */
  connection?: string
  /** Legacy user-profile data; optional. */
  wechatMiniProgramCodePayload?: WechatMiniProgramCodePayload
  /** Douyin: encrypted user data to log in with; optional. */
  douyinMiniProgramCodePayload?: WechatMiniProgramCodePayload
  /** Scopes, context, tenant and custom data of the login. */
  options?: WxLoginOptions
}

/** Phone and login data of a phone-number login. */
export interface WechatMiniProgramCodeAndPhonePayload {
  /** `code` from `<button open-type="getPhoneNumber">`. */
  wxPhoneInfo: {
    /** The phone code (`e.detail.code`); single-use, valid for 5 minutes. */
    code: string
  }
  /** Legacy user-profile data; optional. */
  wxLoginInfo?: WechatMiniProgramCodePayload
}

/** Douyin: the phone data of a phone-number login. */
export interface DouyinMiniProgramCodeAndPhonePayload {
  /** What `<button open-type="getPhoneNumber">` hands over on Douyin (`e.detail`). */
  phoneParams: {
    /** The encrypted phone number (base64). */
    encryptedData: string
    /** Its initialisation vector (base64). */
    iv: string
  }
  /** Encrypted user data to log in with; optional (the SDK adds a fresh login code). */
  loginParams?: WechatMiniProgramCodePayload
}

/** Argument of `loginByPhone`. */
export interface LoginByPhoneParams {
  /** Identifier of the WeChat (or Douyin) mini program identity source in the Authing console. */
  extIdpConnidentifier: string
  /** The phone code from `<button open-type="getPhoneNumber">`; the SDK adds a fresh login code. */
  wechatMiniProgramCodeAndPhonePayload?: WechatMiniProgramCodeAndPhonePayload
  /** Douyin: the button's encrypted phone number; the SDK adds a fresh login code. */
  douyinMiniProgramCodeAndPhonePayload?: DouyinMiniProgramCodeAndPhonePayload
  /** The platform's payload under its newer name: WeChat's or Douyin's. */
  miniProgramCodeAndPhonePayload?: WechatMiniProgramCodeAndPhonePayload | DouyinMiniProgramCodeAndPhonePayload
  /** Scopes, context, tenant and custom data of the login. */
  options?: WxLoginOptions
}

/** Credentials of a password login: the password and one identifier. */
export interface PasswordPayload {
  /** The password as the user typed it; the SDK encrypts a copy when `passwordEncryptType` asks for it. */
  password: string
  /** Username, phone number or e-mail; the server decides which. */
  account?: string
  /** The username. */
  username?: string
  /** The e-mail address. */
  email?: string
  /** The phone number (mainland China numbers without `+86`). */
  phone?: string
}

/** Argument of `loginByPassword`. */
export interface LoginByPasswordParams {
  /** The password and one of `account`, `username`, `email` or `phone`. */
  passwordPayload: PasswordPayload
  /** Encryption, scopes, auto-registration and context of the login. */
  options?: NormalLoginOptions
  /** @defaultValue `'PASSWORD'` */
  connection?: 'PASSWORD'
}

/** Credentials of a pass code login: the code and the phone or e-mail it was sent to. */
export interface PassCodePayload {
  /** The code received by SMS (`sendSms`) or e-mail (`sendEmailCode`) with `CHANNEL_LOGIN`. */
  passCode: string
  /** The phone number the code was sent to, without the country code. */
  phone?: string
  /** The e-mail address the code was sent to. */
  email?: string
  /** @defaultValue `'+86'` when `phone` is given */
  phoneCountryCode?: string
}

/** Argument of `loginByPassCode`. */
export interface LoginByPassCodeParams {
  /** The code and the phone number or e-mail address it was sent to. */
  passCodePayload: PassCodePayload
  /** Scopes, auto-registration and context of the login. */
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
  /** What the code is for; a login code needs `CHANNEL_LOGIN`. */
  channel: SmsChannel
  /** @defaultValue `'+86'` */
  phoneCountryCode?: string
}

/** Argument of `sendEmailCode`. */
export interface SendEmailCodeParams {
  /** The address to send the code to. */
  email: string
  /** What the code is for; a login code needs `CHANNEL_LOGIN`. */
  channel: EmailChannel
}

/** Argument of `updatePassword`. */
export interface UpdatePasswordParams {
  /** The new password; the user pool's password policy applies. */
  newPassword: string
  /** Required by the server when the user already has a password. */
  oldPassword?: string
  /** Both passwords are encrypted when this is `rsa` or `sm2`. @defaultValue `'none'` */
  passwordEncryptType?: PasswordEncryptType
}

/** Argument of `getUserInfo`: which extra parts of the profile to include. All default to false. */
export interface GetUserInfoParams {
  /** Include `customData` (the user pool's custom fields). */
  withCustomData?: boolean
  /** Include `identities` (linked WeChat and other external accounts). */
  withIdentities?: boolean
  /** Include `departmentIds`. */
  withDepartmentIds?: boolean
}

/** `M` male, `F` female, `U` unknown. */
export type Gender = 'M' | 'F' | 'U'

/** Profile fields that `updateUserInfo` can change (e-mail, phone and password have their own methods). */
export interface UpdateUserInfoParams {
  /** Full name. */
  name?: string
  /** Nickname. */
  nickname?: string
  /** Username; unique in the user pool. */
  username?: string
  /** Avatar URL (`updateAvatar` uploads an image and sets this). */
  photo?: string
  /** The user's ID in your own system. */
  externalId?: string
  /** Date of birth, `YYYY-MM-DD`. */
  birthdate?: string
  /** Country. */
  country?: string
  /** Province or state. */
  province?: string
  /** City. */
  city?: string
  /** Address. */
  address?: string
  /** Street address. */
  streetAddress?: string
  /** Postal code. */
  postalCode?: string
  /** Gender. */
  gender?: Gender
  /** Company. */
  company?: string
  /** Keys must be defined as custom fields in the user pool. */
  customData?: Record<string, unknown>
}

/** An identity from an external identity provider linked to the user. */
export interface Identity {
  /** ID of this identity record. */
  identityId: string
  /** ID of the external identity provider in the user pool. */
  extIdpId: string
  /** e.g. `wechat`. */
  provider: string
  /** e.g. `openid`, `unionid`. */
  type: string
  /** The user's ID at the provider, e.g. the WeChat openid or unionid. */
  userIdInIdp: string
  /** IDs of the identity source connections the identity came through. */
  originConnIds?: string[]
}

/** The user's profile. */
export interface UserInfo {
  /** The user's ID in the user pool. */
  userId: string
  /** When the user was created (ISO 8601). */
  createdAt?: string
  /** When the profile last changed (ISO 8601). */
  updatedAt?: string
  /** Account status; only `Activated` users can log in. */
  status?: 'Suspended' | 'Resigned' | 'Activated' | 'Archived' | 'Deactivated'
  /** E-mail address. */
  email?: string | null
  /** Whether the e-mail address has been verified. */
  emailVerified?: boolean
  /** Phone number, without the country code. */
  phone?: string | null
  /** Country code of `phone`, e.g. `+86`. */
  phoneCountryCode?: string | null
  /** Whether the phone number has been verified. */
  phoneVerified?: boolean
  /** Username. */
  username?: string | null
  /** Full name. */
  name?: string | null
  /** Nickname. */
  nickname?: string | null
  /** Avatar URL. */
  photo?: string | null
  /** The user's ID in your own system. */
  externalId?: string | null
  /** Date of birth, `YYYY-MM-DD`. */
  birthdate?: string | null
  /** Country. */
  country?: string | null
  /** Province or state. */
  province?: string | null
  /** City. */
  city?: string | null
  /** Address. */
  address?: string | null
  /** Street address. */
  streetAddress?: string | null
  /** Postal code. */
  postalCode?: string | null
  /** Gender. */
  gender?: Gender
  /** Company. */
  company?: string | null
  /** Region. */
  region?: string | null
  /** How many times the user has logged in. */
  loginsCount?: number
  /** When the user last logged in (ISO 8601). */
  lastLogin?: string | null
  /** IP address of the last login. */
  lastIp?: string | null
  /** When the password was last set (ISO 8601). */
  passwordLastSetAt?: string | null
  /** Whether the user must change the password at the next login. */
  resetPasswordOnNextLogin?: boolean
  /** Browser of the last login. */
  browser?: string | null
  /** Device of the last login. */
  device?: string | null
  /** Given name (OIDC `given_name`). */
  givenName?: string | null
  /** Family name (OIDC `family_name`). */
  familyName?: string | null
  /** Middle name (OIDC `middle_name`). */
  middleName?: string | null
  /** Profile page URL (OIDC `profile`). */
  profile?: string | null
  /** Preferred username (OIDC `preferred_username`). */
  preferredUsername?: string | null
  /** Website URL. */
  website?: string | null
  /** Time zone (OIDC `zoneinfo`), e.g. `Asia/Shanghai`. */
  zoneinfo?: string | null
  /** Locale (OIDC `locale`), e.g. `zh-CN`. */
  locale?: string | null
  /** Full postal address as one string (OIDC `address.formatted`). */
  formatted?: string | null
  /** How the user was created. */
  userSourceType?: 'excel' | 'register' | 'adminCreated' | 'syncTask'
  /** ID of the application, import or sync task that created the user. */
  userSourceId?: string | null
  /** ID of the application of the last login. */
  lastLoginApp?: string | null
  /** ID of the user's main department. */
  mainDepartmentId?: string | null
  /** When the user last passed multi-factor authentication (ISO 8601). */
  lastMfaTime?: string | null
  /** Strength of the current password as rated by the server. */
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
  /** The server's message, e.g. `success`. */
  message: string
  /** Authing's status, `200` on success. */
  statusCode: number
  /** Authing's request id; quote it when asking Authing for support. */
  requestId?: string
}

/** Result of `updateAvatar`: the upload's answer; `data.url` is now the user's `photo`. */
export interface UploadFileResponseData {
  /** The upload's status, `200` on success. */
  code: number
  /** The server's message. */
  message: string
  /** Where the uploaded image is stored. */
  data: {
    /** Storage key of the image. */
    key: string
    /** Public URL of the image (now the user's `photo`). */
    url: string
  }
}

/** Argument of `getPhone`: the phone code on WeChat, the encrypted phone number on Douyin. */
export type GetPhoneParams = WechatGetPhoneParams | DouyinGetPhoneParams

/** Argument of `getPhone` on WeChat. */
export interface WechatGetPhoneParams {
  /** Identifier of the WeChat mini program identity source in the Authing console. */
  extIdpConnidentifier: string
  /** `code` from `<button open-type="getPhoneNumber">`. */
  code: string
}

/** Argument of `getPhone` on Douyin: what `<button open-type="getPhoneNumber">` hands over (`e.detail`). */
export interface DouyinGetPhoneParams {
  /** Identifier of the Douyin mini program identity source in the Authing console. */
  extIdpConnidentifier: string
  /** The encrypted phone number (base64). */
  encryptedData: string
  /** Its initialisation vector (base64). */
  iv: string
}

/** The user's WeChat phone number. */
export interface GetUserPhoneResponseData {
  /** Country code without `+`, e.g. `86`. */
  countryCode: string
  /** The number, with the country code for non-mainland numbers. */
  phoneNumber: string
  /** The number without country code. */
  purePhoneNumber: string
  /** WeChat's watermark: which mini program asked for the number, and when. */
  watermark?: {
    /** The mini program's WeChat AppID. */
    appid: string
    /** When the number was obtained, epoch seconds. */
    timestamp: number
  }
}

/** Argument of `bindPhone` (code from `sendSms` with `CHANNEL_BIND_PHONE`). */
export interface BindPhoneParams {
  /** The phone number to bind, without the country code. */
  phoneNumber: string
  /** The code sent to that number. */
  passCode: string
  /** Country code of `phoneNumber`, e.g. `+86`. */
  phoneCountryCode?: string
}

/** Argument of `updatePhoneRequest` (codes from `sendSms`). */
export interface UpdatePhoneRequestParams {
  /** @defaultValue `'PHONE_PASSCODE'` */
  verifyMethod?: 'PHONE_PASSCODE'
  /** The new number and its code (and the old ones when the user pool asks for them). */
  phonePassCodePayload: {
    /** The new phone number, without the country code. */
    newPhoneNumber: string
    /** The code sent to the new number. */
    newPhonePassCode: string
    /** Country code of the new number, e.g. `+86`. */
    newPhoneCountryCode?: string
    /** Needed when the user pool asks to verify the old number. */
    oldPhoneNumber?: string
    /** The code sent to the old number. */
    oldPhonePassCode?: string
    /** Country code of the old number. */
    oldPhoneCountryCode?: string
  }
}

/** Result of `updatePhoneRequest`; pass the token to `updatePhone` within `tokenExpiresIn` seconds. */
export interface UpdatePhoneRequestResult {
  /** Pass to `updatePhone` to make the change. */
  updatePhoneToken: string
  /** Seconds the token stays valid. */
  tokenExpiresIn: number
}

/** Argument of `updatePhone`. */
export interface UpdatePhoneParams {
  /** The token from `updatePhoneRequest`. */
  updatePhoneToken: string
}

/** Argument of `bindEmail` (code from `sendEmailCode` with `CHANNEL_BIND_EMAIL`). */
export interface BindEmailParams {
  /** The e-mail address to bind. */
  email: string
  /** The code sent to that address. */
  passCode: string
}

/** Argument of `updateEmailRequest` (codes from `sendEmailCode` with `CHANNEL_UPDATE_EMAIL`). */
export interface UpdateEmailRequestParams {
  /** @defaultValue `'EMAIL_PASSCODE'` */
  verifyMethod?: 'EMAIL_PASSCODE'
  /** The new address and its code (and the old ones when the user pool asks for them). */
  emailPassCodePayload: {
    /** The new e-mail address. */
    newEmail: string
    /** The code sent to the new address. */
    newEmailPassCode: string
    /** Needed when the user pool asks to verify the old address. */
    oldEmail?: string
    /** The code sent to the old address. */
    oldEmailPassCode?: string
  }
}

/** Result of `updateEmailRequest`; pass the token to `updateEmail` within `tokenExpiresIn` seconds. */
export interface UpdateEmailRequestResult {
  /** Pass to `updateEmail` to make the change. */
  updateEmailToken: string
  /** Seconds the token stays valid. */
  tokenExpiresIn: number
}

/** Argument of `updateEmail`. */
export interface UpdateEmailParams {
  /** The token from `updateEmailRequest`. */
  updateEmailToken: string
}

/** Argument of `deleteAccountRequest`: prove the request with a code or (for users without phone and e-mail) the password. */
export interface DeleteAccountRequestParams {
  /** Which proof is given: a phone code, an e-mail code or the password. */
  verifyMethod: 'PHONE_PASSCODE' | 'EMAIL_PASSCODE' | 'PASSWORD'
  /** Code from `sendSms` with `CHANNEL_DELETE_ACCOUNT`. */
  phonePassCodePayload?: {
    /** The user's phone number, without the country code. */
    phoneNumber: string
    /** The code sent to it. */
    passCode: string
    /** Country code of the number, e.g. `+86`. */
    phoneCountryCode?: string
  }
  /** Code from `sendEmailCode` with `CHANNEL_DELETE_ACCOUNT`. */
  emailPassCodePayload?: {
    /** The user's e-mail address. */
    email: string
    /** The code sent to it. */
    passCode: string
  }
  /** The password is encrypted when `passwordEncryptType` is `rsa` or `sm2`. */
  passwordPayload?: {
    /** The user's password. */
    password: string
    /** How the password travels; `rsa` and `sm2` need an `encryptFunction`. */
    passwordEncryptType?: PasswordEncryptType
  }
}

/** Result of `deleteAccountRequest`; pass the token to `deleteAccount` within `tokenExpiresIn` seconds. */
export interface DeleteAccountRequestResult {
  /** Pass to `deleteAccount` to delete the account. */
  deleteAccountToken: string
  /** Seconds the token stays valid. */
  tokenExpiresIn: number
}

/** Argument of `deleteAccount`. */
export interface DeleteAccountParams {
  /** The token from `deleteAccountRequest`. */
  deleteAccountToken: string
}

/** Outcome of `updatePhone`, `updateEmail` and `deleteAccount`. */
export interface SuccessResult {
  /** Whether the change was made. */
  success: boolean
}

/** Argument of `decryptData`. */
export interface DecryptDataParams {
  /** Identifier of the WeChat mini program identity source in the Authing console. */
  extIdpConnidentifier: string
  /** `encryptedData` of the WeChat open API's result (base64). */
  encryptedData: string
  /** `iv` of the WeChat open API's result. */
  iv: string
  /** A login code obtained with `getLoginCode()` before the data was produced. */
  code: string
}

/** Argument of `bindWxByCode` (a fresh login code is added by the SDK). */
export interface BindWxByCodeParams {
  /** Identifier of the WeChat mini program identity source in the Authing console. */
  extIdpConnidentifier?: string
  /** `iv` of `wx.getUserProfile`'s result, to bind the profile too. */
  iv?: string
  /** `encryptedData` of `wx.getUserProfile`'s result. */
  encryptedData?: string
  /** `rawData` of `wx.getUserProfile`'s result (the profile as JSON text). */
  rawData?: string
}
