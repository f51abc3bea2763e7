// Shapes that cross the emulator's boundary: options, runtime config and the control-plane payloads.
// Everything here is plain JSON so the typed client and the server share one definition.

/** Runtime settings. Start values come from {@link EmulatorOptions}; change them live with `client.config(partial)`. */
export interface EmulatorConfig {
  /** Access token lifetime in seconds (`expires_in`). Default 86400; old clients need more than 7200. */
  accessTokenLifetime: number
  /** ID token lifetime in seconds. Default: same as the access token. */
  idTokenLifetime: number
  /** Refresh token lifetime in seconds, renewed on every rotation. Default 30 days. */
  refreshTokenLifetime: number
  /** Whether logins may create users (WeChat logins, `autoRegister`). Default true; when false, error apiCode 2031. */
  allowRegistration: boolean
  /** Body of `/oidc/token/revocation`: `'empty'` (RFC 7009, default) or `'json'` (a non-empty envelope, as newer servers send). */
  revocationResponse: 'empty' | 'json'
  /**
   * HTTP status of V3 business errors: `'always-200'` (as Authing does; the envelope's `statusCode` carries the result)
   * or `'mirror'` (the HTTP status equals the envelope's `statusCode` when it is a valid HTTP error status).
   */
  errorHttpStatus: 'always-200' | 'mirror'
  /** Also send `expire_in` next to `expires_in` in V3 login responses (Authing's docs spell it that way). Default true. */
  mirrorExpireIn: boolean
  /** Opt-in: map unknown `wx.login` codes (e.g. real ones from WeChat DevTools) to this openid. Default null (off). */
  wechatDevIdentity: string | null
  /** Opt-in: map unknown `tt.login` codes (e.g. real ones from Douyin DevTools) to this Douyin openid. Default null (off). */
  douyinDevIdentity: string | null
  /** Opt-in: map unknown phone codes (real `getPhoneNumber` codes) to this mainland phone number. Default null (off). */
  wechatDevPhone: string | null
  /** Validity of SMS / e-mail codes and WeChat codes, in seconds. Default 300. */
  codeLifetime: number
  /** Minimum interval between two SMS / e-mail codes to the same target and channel, in seconds. Default 60. */
  resendInterval: number
  /** Validity of update-email / update-phone / delete-account tokens, in seconds. Default 60. */
  actionTokenLifetime: number
  /** Require the old e-mail / phone and its code when changing them (a user pool security option). Default false. */
  verifyOldContact: boolean
}

/** The emulator clock: `now` is epoch milliseconds (wall clock + offset). */
export interface ClockInfo {
  /** Emulator time, epoch milliseconds. */
  now: number
  /** The same instant, ISO 8601. */
  iso: string
  /** How far the clock was moved from the wall clock, in milliseconds. */
  offsetMs: number
}

/** `M`ale, `F`emale, `U`nknown. */
export type Gender = 'M' | 'F' | 'U'
/** Account status; only `Activated` users can log in. */
export type UserStatus = 'Activated' | 'Suspended' | 'Deactivated' | 'Resigned' | 'Archived'

/** An external identity of a user (here: WeChat or Douyin openid / unionid), as in Authing's `IdentityDto`. */
export interface Identity {
  /** ID of the identity record. */
  identityId: string
  /** ID of the mini program connection it came through. */
  extIdpId: string
  /** `wechat` or `douyin`. */
  provider: string
  /** `openid` or `unionid`. */
  type: string
  /** The openid or unionid. */
  userIdInIdp: string
  /** What the provider said about the user (empty for WeChat mini programs). */
  userInfoInIdp: Record<string, unknown>
  /** IDs of the connections the identity was seen through. */
  originConnIds: string[]
}

/** Editable string profile fields (Authing's UserDto names). */
export interface UserProfileFields {
  /** Full name. */
  name: string | null
  /** Nickname. */
  nickname: string | null
  /** Avatar URL. */
  photo: string | null
  /** The user's ID in the app's own system. */
  externalId: string | null
  /** Date of birth, `YYYY-MM-DD`. */
  birthdate: string | null
  /** Country. */
  country: string | null
  /** Province or state. */
  province: string | null
  /** City. */
  city: string | null
  /** Address. */
  address: string | null
  /** Street address. */
  streetAddress: string | null
  /** Postal code. */
  postalCode: string | null
  /** Company. */
  company: string | null
  /** ID card number. */
  identityNumber: string | null
  /** Given name. */
  givenName: string | null
  /** Family name. */
  familyName: string | null
  /** Middle name. */
  middleName: string | null
  /** Profile page URL. */
  profile: string | null
  /** Preferred username. */
  preferredUsername: string | null
  /** Website URL. */
  website: string | null
  /** Time zone, e.g. `Asia/Shanghai`. */
  zoneinfo: string | null
  /** Locale, e.g. `zh-CN`. */
  locale: string | null
  /** Full postal address as one string. */
  formatted: string | null
  /** Region. */
  region: string | null
}

/** The fields a stored user and the API's user object share. */
export interface UserAccountFields extends UserProfileFields {
  /** The user's ID (24 hex digits). */
  userId: string
  /** When the user was created (ISO 8601, emulator clock). */
  createdAt: string
  /** When the user last changed (ISO 8601, emulator clock). */
  updatedAt: string
  /** Account status; only `Activated` users can log in. */
  status: UserStatus
  /** Username, unique in the pool. */
  username: string | null
  /** E-mail address, unique in the pool. */
  email: string | null
  /** Whether the e-mail address is verified. */
  emailVerified: boolean
  /** Phone number without the country code, unique in the pool. */
  phone: string | null
  /** Country code of `phone`, e.g. `+86`. */
  phoneCountryCode: string | null
  /** Whether the phone number is verified. */
  phoneVerified: boolean
  /** Gender. */
  gender: Gender
  /** Number of logins. */
  loginsCount: number
  /** When the user last logged in (ISO 8601). */
  lastLogin: string | null
  /** IP address of the last login. */
  lastIp: string | null
  /** App ID of the last login. */
  lastLoginApp: string | null
  /** When the password was last set (ISO 8601). */
  passwordLastSetAt: string | null
  /** How the user came to exist: `register` (a login created it) or `adminCreated` (seeded or created on the control plane). */
  registerSource: string[]
  /** `register` or `adminCreated`, as `registerSource`. */
  userSourceType: string
}

/** The user object of `GET /api/v3/get-profile` (Authing's UserDto). */
export interface UserDto extends UserAccountFields {
  /** Employment status; always null here. */
  workStatus: string | null
  /** Browser of the last login; null here. */
  browser: string | null
  /** Device of the last login; null here. */
  device: string | null
  /** ID of what created the user; null here. */
  userSourceId: string | null
  /** Main department; null here. */
  mainDepartmentId: string | null
  /** Last multi-factor authentication; null here (no MFA). */
  lastMfaTime: string | null
  /** Password strength rating; null here. */
  passwordSecurityLevel: number | null
  /** Whether the user must change the password at the next login; always false here. */
  resetPasswordOnNextLogin: boolean
  /** When `status` last changed; null here. */
  statusChangedAt: string | null
  /** Tenant; always null here. */
  tenantId: string | null
  /** Only with `withCustomData=true`. */
  customData?: Record<string, unknown>
  /** Only with `withIdentities=true`. */
  identities?: Identity[]
  /** Only with `withDepartmentIds=true`. */
  departmentIds?: string[]
}

/** A user as the control plane shows it: the full DTO plus pool, password presence and all optional parts. */
export interface EmulatorUser extends UserDto {
  /** The user's pool. */
  userPoolId: string
  /** Whether the user has a password (users created by a WeChat login have none). */
  hasPassword: boolean
  customData: Record<string, unknown>
  identities: Identity[]
  departmentIds: string[]
}

/** A WeChat mini program identity to attach to a user. */
export interface WechatIdentityInput {
  /** The WeChat openid (what `wx.login` codes stand for). */
  openid: string
  /** The WeChat unionid, for mini programs bound to an Open Platform account. */
  unionid?: string
  /** The IdP connection; default: the pool's first WeChat mini program connection. */
  extIdpConnidentifier?: string
}

/** Profile fields as a new user's input: strings (there is nothing to clear yet). */
type ProfileInput = { [K in keyof UserProfileFields]?: Exclude<UserProfileFields[K], null> }

/** Fields a user is created with and the control plane may change later. */
export interface UserSettings {
  /** Gender (a new user: `U`). */
  gender?: Gender
  /** Account status, e.g. `Suspended` to block logins (a new user: `Activated`). */
  status?: UserStatus
  /** Whether the e-mail address is verified (a new user: false). */
  emailVerified?: boolean
  /** Whether the phone number is verified (a new user: false). */
  phoneVerified?: boolean
  /** Custom field values (a change replaces them). */
  customData?: Record<string, unknown>
  /** Department IDs (a change replaces them). */
  departmentIds?: string[]
}

/** Input for creating a user (control plane and seed files). Every field is optional. */
export interface NewUser extends ProfileInput, UserSettings {
  /** 24 hex digits; generated when absent. */
  userId?: string
  /** Default: the first pool. */
  userPoolId?: string
  /** Username, unique in the pool. */
  username?: string
  /** E-mail address, unique in the pool. */
  email?: string
  /** Phone number without the country code, unique in the pool. */
  phone?: string
  /** Default `+86` when `phone` is set. */
  phoneCountryCode?: string
  /** Plain-text password; stored hashed. */
  password?: string
  /** A WeChat identity, so that `wx.login` codes for this openid log this user in. */
  wechat?: WechatIdentityInput
}

/** Fields the control plane may change on a user. `null` clears a field. */
export interface UserPatch extends Partial<UserProfileFields>, UserSettings {
  /** New username; `null` clears it. */
  username?: string | null
  /** New e-mail address; `null` clears it. */
  email?: string | null
  /** New phone number; `null` clears it. */
  phone?: string | null
  /** Country code of `phone`. */
  phoneCountryCode?: string | null
}

/** How to find one user: by id, username, e-mail, phone or WeChat openid. */
export interface UserQuery {
  /** The user's ID. */
  userId?: string
  /** Username. */
  username?: string
  /** E-mail address. */
  email?: string
  /** Phone number without the country code. */
  phone?: string
  /** WeChat openid of one of the user's identities. */
  openid?: string
}

/** A user pool of the seed / state. */
export interface UserPoolInfo {
  /** The user pool ID (`userPoolId` of the SDK). */
  id: string
  /** Display name. */
  name: string
}

/** An application: `allowRefreshToken` mirrors the console's "refresh_token grant" switch. */
export interface AppInfo {
  /** The app ID (`appId` of the SDK). */
  id: string
  /** Display name. */
  name: string
  /** The pool the app belongs to. */
  userPoolId: string
  /** The app secret (for server-side OIDC clients). */
  secret: string
  /** Whether the app may use the refresh_token grant; when false, refreshing fails with `unauthorized_client`. */
  allowRefreshToken: boolean
}

/** A WeChat or Douyin mini program identity-provider connection (`extIdpConnidentifier` = `identifier`). */
export interface ConnectionInfo {
  /** The connection's ID. */
  id: string
  /** What the SDK passes as `extIdpConnidentifier`. */
  identifier: string
  /** `wechat:miniprogram` (the default) or `douyin:miniprogram`. */
  type: 'wechat:miniprogram' | 'douyin:miniprogram'
  /** Display name. */
  name: string
  /** The pool the connection belongs to. */
  userPoolId: string
  /** The mini program's AppID (WeChat's `wx…`, or Douyin's `tt…`). */
  wechatAppId: string
  /** The mini program's AppSecret. */
  wechatAppSecret: string
}

/** Initial data: added to the built-in demo data (or replacing it with `includeDefaults: false`), at start and on reset. */
export interface EmulatorSeed {
  /** Keep the built-in demo pool, app, connection and user. Default true. */
  includeDefaults?: boolean
  /** Extra user pools. */
  userPools?: UserPoolInfo[]
  /** Extra apps; `id` and `userPoolId` are required, the rest has defaults. */
  apps?: Array<
    Partial<AppInfo> & {
      /** The app ID. */
      id: string
      /** The pool it belongs to. */
      userPoolId: string
    }
  >
  /** Extra WeChat connections; `identifier` and `userPoolId` are required, the rest has defaults. */
  connections?: Array<
    Partial<ConnectionInfo> & {
      /** The `extIdpConnidentifier`. */
      identifier: string
      /** The pool it belongs to. */
      userPoolId: string
    }
  >
  /** Extra users. */
  users?: NewUser[]
}

/** What an SMS or e-mail code is, as stored and as the control plane shows it. */
export interface VerificationCodeFields {
  /** The code's record ID. */
  id: string
  /** SMS or e-mail. */
  kind: 'sms' | 'email'
  /** The pool it was sent in. */
  userPoolId: string
  /** Phone number (without country code) or e-mail address. */
  target: string
  /** Country code of an SMS target, e.g. `+86`; null for e-mail. */
  phoneCountryCode: string | null
  /** What the code is for, e.g. `CHANNEL_LOGIN`. */
  channel: string
  /** The 6-digit code. */
  code: string
}

/** An SMS or e-mail verification code as the control plane shows it. */
export interface VerificationCodeInfo extends VerificationCodeFields {
  /** When it was sent (ISO 8601). */
  createdAt: string
  /** When it expires (ISO 8601). */
  expiresAt: string
  /** Seconds until it expires; 0 once used. */
  remainingSeconds: number
  /** Whether it has been used (codes are single-use). */
  used: boolean
  /** Whether it has expired. */
  expired: boolean
}

/** What a simulated WeChat code (login or phone) stands for, as stored and as the control plane shows it. */
export interface WechatCodeFields {
  /** The code. */
  code: string
  /** A `wx.login` code or a `getPhoneNumber` code. */
  kind: 'login' | 'phone'
  /** `minted` on the control plane, `mock` for `mock:` / `mockphone:` codes, `dev` when mapped by the dev identity. */
  source: 'minted' | 'mock' | 'dev'
  /** The openid a login code stands for. */
  openid: string | null
  /** The unionid a login code stands for, if any. */
  unionid: string | null
  /** The session key of a login code (base64 AES-128 key). */
  sessionKey: string | null
  /** The phone number a phone code stands for. */
  phoneNumber: string | null
  /** Its country code, digits only. */
  countryCode: string | null
}

/** A simulated WeChat code (login or phone). */
export interface WechatCodeInfo extends WechatCodeFields {
  /** When it was minted (ISO 8601). */
  createdAt: string
  /** When it expires (ISO 8601); null for `mock:` codes, which never expire. */
  expiresAt: string | null
  /** Whether it has been exchanged (codes are single-use). */
  used: boolean
  /** Whether it has expired. */
  expired: boolean
}

/** Result of minting a `wx.login` code. */
export interface MintedLoginCode {
  /** The code to return from `wx.login`. */
  code: string
  /** The openid it stands for. */
  openid: string
  /** The unionid it stands for, if any. */
  unionid: string | null
  /** Base64 AES-128 key, as WeChat's `session_key`. */
  sessionKey: string
  /** When it expires (ISO 8601; 5 minutes by default). */
  expiresAt: string
}

/** Result of minting a `getPhoneNumber` code. */
export interface MintedPhoneCode {
  /** The code to put in `e.detail.code` of a `getPhoneNumber` button. */
  code: string
  /** The phone number it stands for. */
  phoneNumber: string
  /** Digits only, e.g. `86`. */
  countryCode: string
  /** When it expires (ISO 8601; 5 minutes by default). */
  expiresAt: string
}

/** WeChat-style encrypted data (AES-128-CBC with the session key, base64). */
export interface EncryptedWechatData {
  /** The ciphertext, base64. */
  encryptedData: string
  /** The initialisation vector, base64. */
  iv: string
}

/** An issued access or ID token (JWT) of a session. */
export interface TokenInfo {
  /** The JWT's `jti`. */
  jti: string
  /** Access or ID token. */
  kind: 'access' | 'id'
  /** When it was issued (ISO 8601). */
  issuedAt: string
  /** When it expires (ISO 8601). */
  expiresAt: string
  /** Whether it has expired. */
  expired: boolean
  /** Whether it was revoked (logout, revocation, reuse detection). */
  revoked: boolean
}

/** A refresh token of a session's rotation family. */
export interface RefreshTokenInfo {
  /** The opaque refresh token. */
  token: string
  /** When it was issued (ISO 8601). */
  issuedAt: string
  /** When it expires (ISO 8601). */
  expiresAt: string
  /** `active`, `used` (rotated away: presenting it again is reuse), `revoked` or `expired`. */
  status: 'active' | 'used' | 'revoked' | 'expired'
}

/** What a login is, as stored and as the control plane shows it. */
export interface SessionFields {
  /** The session's ID. */
  id: string
  /** Whose session it is. */
  userId: string
  /** The app it was created for. */
  appId: string
  /** The user's pool. */
  userPoolId: string
  /** Granted scopes, space-separated. */
  scope: string
  /** How the session started, e.g. `PASSWORD`, `PASSCODE`, `wechat_mini_program_code`. */
  connection: string
}

/** One login: its tokens and its refresh-token family. Revoking it revokes them all. */
export interface SessionInfo extends SessionFields {
  /** When the login happened (ISO 8601). */
  createdAt: string
  /** When the tokens were last refreshed (ISO 8601). */
  lastRefreshedAt: string | null
  /** How many times the tokens were refreshed. */
  refreshCount: number
  /** Whether the session was revoked. */
  revoked: boolean
  /** When it was revoked (ISO 8601). */
  revokedAt: string | null
  /** Why, e.g. `refresh token reuse detected`, `refresh token revoked` or `revoked on the control plane`. */
  revokedReason: string | null
  /** Its access and ID tokens. */
  tokens: TokenInfo[]
  /** Its refresh tokens, oldest first. */
  refreshTokens: RefreshTokenInfo[]
}

/** One request as the emulator received it and answered it. */
export interface RequestLogEntry {
  /** Increasing number; pass the last one seen as `since` to poll for new entries. */
  id: number
  /** The request ID the emulator gave the request (also in its answer). */
  requestId: string
  /** When it arrived (ISO 8601, emulator clock). */
  time: string
  /** HTTP method. */
  method: string
  /** Path, without the query. */
  path: string
  /** Query parameters. */
  query: Record<string, string | string[]>
  /** HTTP status; 0 when no answer was sent: the connection was dropped by a fault, or the client gave up first. */
  status: number
  /** Time to answer, in milliseconds. */
  durationMs: number
  /** Request headers (lower-case names). */
  requestHeaders: Record<string, string>
  /** The raw body as received (text, cut at 64 KiB); a short description for multipart uploads. */
  requestBody: string | null
  /** The answer's body (cut at 64 KiB). */
  responseBody: string | null
  /** The failure, when there was one: envelope `statusCode`/`apiCode`/`message`, or the OAuth error. */
  error: string | null
  /** The injected fault that shaped the answer, if any. */
  fault: FaultKind | null
  /** Extra information, e.g. the SMS code that was sent. */
  note: string | null
}

/** `latency` delays; `status` answers a 5xx JSON body; `html` a 502 page; `truncated` cut-off JSON; `empty` no body; `drop` closes the connection. */
export type FaultKind = 'latency' | 'status' | 'html' | 'truncated' | 'empty' | 'drop'

/** A fault to inject into the answers of one route (exact path, e.g. `/api/v3/signin`) or of every route (`*`). */
export interface FaultSpec {
  /** Exact path, e.g. `/api/v3/signin`, or `*` for every route. */
  route: string
  /** What the fault does. */
  kind: FaultKind
  /** Only for this HTTP method. */
  method?: string
  /** Delay before the fault (or, for `latency`, before normal handling), in milliseconds. */
  ms?: number
  /** HTTP status for `status` faults (500–599, default 500). */
  status?: number
  /** Apply this many times, then remove the fault. Default: until cleared. */
  times?: number
}

/** An active fault. */
export interface Fault extends FaultSpec {
  /** The fault's ID, to remove it. */
  id: string
  /** How many answers it has shaped so far. */
  hits: number
  /** When it was added (ISO 8601). */
  createdAt: string
}

/** A file stored by `/api/v2/upload`. */
export interface UploadInfo {
  /** Storage key. */
  key: string
  /** Path on the emulator (`/uploads/<key>`). */
  path: string
  /** File name as uploaded. */
  filename: string
  /** Content type as uploaded. */
  contentType: string
  /** Size in bytes. */
  size: number
  /** When it was uploaded (ISO 8601). */
  createdAt: string
}

/** Overview of a running emulator. */
export interface EmulatorInfo {
  /** `@authing/miniapp-emulator`. */
  name: string
  /** The emulator's version. */
  version: string
  /** Base URL: the SDK's `host`. */
  url: string
  /** Base URL of the control plane (`<url>/__emulator`). */
  controlUrl: string
  /** The user pools. */
  userPools: UserPoolInfo[]
  /** The apps. */
  apps: AppInfo[]
  /** The WeChat connections. */
  connections: ConnectionInfo[]
  /** The runtime settings. */
  config: EmulatorConfig
  /** The emulator clock. */
  clock: ClockInfo
}
