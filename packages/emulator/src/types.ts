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
  now: number
  iso: string
  offsetMs: number
}

/** `M`ale, `F`emale, `U`nknown. */
export type Gender = 'M' | 'F' | 'U'
/** Account status; only `Activated` users can log in. */
export type UserStatus = 'Activated' | 'Suspended' | 'Deactivated' | 'Resigned' | 'Archived'

/** An external identity of a user (here: WeChat openid / unionid), as in Authing's `IdentityDto`. */
export interface Identity {
  identityId: string
  extIdpId: string
  provider: string
  type: string
  userIdInIdp: string
  userInfoInIdp: Record<string, unknown>
  originConnIds: string[]
}

/** Editable string profile fields (Authing's UserDto names). */
export interface UserProfileFields {
  name: string | null
  nickname: string | null
  photo: string | null
  externalId: string | null
  birthdate: string | null
  country: string | null
  province: string | null
  city: string | null
  address: string | null
  streetAddress: string | null
  postalCode: string | null
  company: string | null
  identityNumber: string | null
  givenName: string | null
  familyName: string | null
  middleName: string | null
  profile: string | null
  preferredUsername: string | null
  website: string | null
  zoneinfo: string | null
  locale: string | null
  formatted: string | null
  region: string | null
}

/** The user object of `GET /api/v3/get-profile` (Authing's UserDto). */
export interface UserDto extends UserProfileFields {
  userId: string
  createdAt: string
  updatedAt: string
  status: UserStatus
  workStatus: string | null
  username: string | null
  email: string | null
  emailVerified: boolean
  phone: string | null
  phoneCountryCode: string | null
  phoneVerified: boolean
  gender: Gender
  loginsCount: number
  lastLogin: string | null
  lastIp: string | null
  lastLoginApp: string | null
  passwordLastSetAt: string | null
  browser: string | null
  device: string | null
  userSourceType: string
  userSourceId: string | null
  mainDepartmentId: string | null
  lastMfaTime: string | null
  passwordSecurityLevel: number | null
  resetPasswordOnNextLogin: boolean
  registerSource: string[]
  statusChangedAt: string | null
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
  userPoolId: string
  hasPassword: boolean
  customData: Record<string, unknown>
  identities: Identity[]
  departmentIds: string[]
}

/** A WeChat mini program identity to attach to a user. */
export interface WechatIdentityInput {
  openid: string
  unionid?: string
  /** The IdP connection; default: the pool's first WeChat mini program connection. */
  extIdpConnidentifier?: string
}

/** Input for creating a user (control plane and seed files). Every field is optional. */
export interface NewUser extends Partial<UserProfileFields> {
  userId?: string
  userPoolId?: string
  username?: string
  email?: string
  phone?: string
  /** Default `+86` when `phone` is set. */
  phoneCountryCode?: string
  /** Plain-text password; stored hashed. */
  password?: string
  gender?: Gender
  status?: UserStatus
  emailVerified?: boolean
  phoneVerified?: boolean
  customData?: Record<string, unknown>
  departmentIds?: string[]
  wechat?: WechatIdentityInput
}

/** Fields the control plane may change on a user. `null` clears a field. */
export interface UserPatch extends Partial<UserProfileFields> {
  username?: string | null
  email?: string | null
  phone?: string | null
  phoneCountryCode?: string | null
  gender?: Gender
  status?: UserStatus
  emailVerified?: boolean
  phoneVerified?: boolean
  customData?: Record<string, unknown>
  departmentIds?: string[]
}

/** How to find one user: by id, username, e-mail, phone or WeChat openid. */
export interface UserQuery {
  userId?: string
  username?: string
  email?: string
  phone?: string
  openid?: string
}

/** A user pool of the seed / state. */
export interface UserPoolInfo {
  id: string
  name: string
}

/** An application: `allowRefreshToken` mirrors the console's "refresh_token grant" switch. */
export interface AppInfo {
  id: string
  name: string
  userPoolId: string
  secret: string
  allowRefreshToken: boolean
}

/** A WeChat mini program identity-provider connection (`extIdpConnidentifier` = `identifier`). */
export interface ConnectionInfo {
  id: string
  identifier: string
  type: 'wechat:miniprogram'
  name: string
  userPoolId: string
  wechatAppId: string
  wechatAppSecret: string
}

/** Initial data: added to the built-in demo data (or replacing it with `includeDefaults: false`), at start and on reset. */
export interface EmulatorSeed {
  /** Keep the built-in demo pool, app, connection and user. Default true. */
  includeDefaults?: boolean
  userPools?: UserPoolInfo[]
  apps?: Array<Partial<AppInfo> & { id: string; userPoolId: string }>
  connections?: Array<Partial<ConnectionInfo> & { identifier: string; userPoolId: string }>
  users?: NewUser[]
}

/** An SMS or e-mail verification code as the control plane shows it. */
export interface VerificationCodeInfo {
  id: string
  kind: 'sms' | 'email'
  userPoolId: string
  /** Phone number (without country code) or e-mail address. */
  target: string
  phoneCountryCode: string | null
  channel: string
  code: string
  createdAt: string
  expiresAt: string
  remainingSeconds: number
  used: boolean
  expired: boolean
}

/** A simulated WeChat code (login or phone). */
export interface WechatCodeInfo {
  code: string
  kind: 'login' | 'phone'
  /** `minted` on the control plane, `mock` for `mock:` / `mockphone:` codes, `dev` when mapped by the dev identity. */
  source: 'minted' | 'mock' | 'dev'
  openid: string | null
  unionid: string | null
  sessionKey: string | null
  phoneNumber: string | null
  countryCode: string | null
  createdAt: string
  expiresAt: string | null
  used: boolean
  expired: boolean
}

/** Result of minting a `wx.login` code. */
export interface MintedLoginCode {
  code: string
  openid: string
  unionid: string | null
  /** Base64 AES-128 key, as WeChat's `session_key`. */
  sessionKey: string
  expiresAt: string
}

/** Result of minting a `getPhoneNumber` code. */
export interface MintedPhoneCode {
  code: string
  phoneNumber: string
  /** Digits only, e.g. `86`. */
  countryCode: string
  expiresAt: string
}

/** WeChat-style encrypted data (AES-128-CBC with the session key, base64). */
export interface EncryptedWechatData {
  encryptedData: string
  iv: string
}

/** An issued access or ID token (JWT) of a session. */
export interface TokenInfo {
  jti: string
  kind: 'access' | 'id'
  issuedAt: string
  expiresAt: string
  expired: boolean
  revoked: boolean
}

/** A refresh token of a session's rotation family. */
export interface RefreshTokenInfo {
  token: string
  issuedAt: string
  expiresAt: string
  status: 'active' | 'used' | 'revoked' | 'expired'
}

/** One login: its tokens and its refresh-token family. Revoking it revokes them all. */
export interface SessionInfo {
  id: string
  userId: string
  appId: string
  userPoolId: string
  scope: string
  /** How the session started, e.g. `PASSWORD`, `PASSCODE`, `wechat_mini_program_code`. */
  connection: string
  createdAt: string
  lastRefreshedAt: string | null
  refreshCount: number
  revoked: boolean
  revokedAt: string | null
  revokedReason: string | null
  tokens: TokenInfo[]
  refreshTokens: RefreshTokenInfo[]
}

/** One request as the emulator received it and answered it. */
export interface RequestLogEntry {
  /** Increasing number; pass the last one seen as `since` to poll for new entries. */
  id: number
  requestId: string
  time: string
  method: string
  path: string
  query: Record<string, string | string[]>
  /** HTTP status; 0 when the connection was dropped by a fault. */
  status: number
  durationMs: number
  requestHeaders: Record<string, string>
  /** The raw body as received (text, cut at 64 KiB); a short description for multipart uploads. */
  requestBody: string | null
  responseBody: string | null
  /** The failure, when there was one: envelope `statusCode`/`apiCode`/`message`, or the OAuth error. */
  error: string | null
  fault: FaultKind | null
  /** Extra information, e.g. the SMS code that was sent. */
  note: string | null
}

/** `latency` delays; `status` answers a 5xx JSON body; `html` a 502 page; `truncated` cut-off JSON; `empty` no body; `drop` closes the connection. */
export type FaultKind = 'latency' | 'status' | 'html' | 'truncated' | 'empty' | 'drop'

/** A fault to inject into the answers of one route (exact path, e.g. `/api/v3/signin`) or of every route (`*`). */
export interface FaultSpec {
  route: string
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
  id: string
  hits: number
  createdAt: string
}

/** A file stored by `/api/v2/upload`. */
export interface UploadInfo {
  key: string
  /** Path on the emulator (`/uploads/<key>`). */
  path: string
  filename: string
  contentType: string
  size: number
  createdAt: string
}

/** Overview of a running emulator. */
export interface EmulatorInfo {
  name: string
  version: string
  url: string
  controlUrl: string
  userPools: UserPoolInfo[]
  apps: AppInfo[]
  connections: ConnectionInfo[]
  config: EmulatorConfig
  clock: ClockInfo
}
