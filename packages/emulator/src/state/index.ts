// Everything the emulator remembers, as JSON-friendly records (times are epoch milliseconds of the emulator clock),
// and the conversion to and from the exported snapshot.
import type { ExportedKeys } from '../crypto/keys'
import { ApiError } from '../errors'
import type { AppInfo, ConnectionInfo, EmulatorConfig, Identity, UserAccountFields, UserPoolInfo } from '../types'

/** A stored user: the account fields it shares with UserDto, plus pool, password hash, custom data, identities and departments. */
export interface UserRecord extends UserAccountFields {
  /** The user's pool. */
  userPoolId: string
  /** `scrypt$N$salt$hash`, or null for users without a password (e.g. created by a WeChat login). */
  passwordHash: string | null
  /** Custom field values. */
  customData: Record<string, unknown>
  /** WeChat identities. */
  identities: Identity[]
  /** Department IDs. */
  departmentIds: string[]
}

/** An SMS or e-mail code as stored. */
export interface VerificationCodeRecord {
  /** Record ID. */
  id: string
  /** The pool it was sent in. */
  userPoolId: string
  /** SMS or e-mail. */
  kind: 'sms' | 'email'
  /** Phone number (without country code) or e-mail address. */
  target: string
  /** Country code of an SMS target; null for e-mail. */
  phoneCountryCode: string | null
  /** What the code is for, e.g. `CHANNEL_LOGIN`. */
  channel: string
  /** The 6-digit code. */
  code: string
  /** When it was sent. */
  createdAt: number
  /** When it expires. */
  expiresAt: number
  /** When it was used; null while unused. */
  usedAt: number | null
}

/** A simulated WeChat login or phone code as stored. */
export interface WechatCodeRecord {
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
  /** The session key of a login code (base64). */
  sessionKey: string | null
  /** The phone number a phone code stands for. */
  phoneNumber: string | null
  /** Its country code, digits only. */
  countryCode: string | null
  /** When it was minted. */
  createdAt: number
  /** null: never expires (deterministic `mock:` codes). */
  expiresAt: number | null
  /** When it was exchanged; null while unused. */
  usedAt: number | null
}

/** One login; the family its access, ID and refresh tokens belong to. */
export interface SessionRecord {
  /** Session ID. */
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
  /** When the login happened. */
  createdAt: number
  /** When the tokens were last refreshed. */
  lastRefreshedAt: number | null
  /** How many times the tokens were refreshed. */
  refreshCount: number
  /** When the session was revoked; null while it lives. */
  revokedAt: number | null
  /** Why it was revoked. */
  revokedReason: string | null
}

/** An issued JWT (access or ID token), by `jti`. */
export interface IssuedTokenRecord {
  /** The JWT's `jti`. */
  jti: string
  /** The session it belongs to. */
  sessionId: string
  /** Access or ID token. */
  kind: 'access' | 'id'
  /** The other token of the same issuance (access ↔ id); revoking one revokes both. */
  pairJti: string
  /** When it was issued. */
  issuedAt: number
  /** When it expires. */
  expiresAt: number
  /** When it was revoked; null while valid. */
  revokedAt: number | null
}

/** An opaque refresh token of a session's rotation family. */
export interface RefreshTokenRecord {
  /** The opaque token. */
  token: string
  /** The session it belongs to. */
  sessionId: string
  /** When it was issued. */
  issuedAt: number
  /** When it expires. */
  expiresAt: number
  /** Set when rotated away; presenting it again is reuse. */
  usedAt: number | null
  /** When it was revoked; null while valid. */
  revokedAt: number | null
}

/** What an update / delete token allows. */
export type ActionPurpose = 'update-email' | 'update-phone' | 'delete-account'

/** A short-lived, single-use token of the update-email / update-phone / delete-account flows. */
export interface ActionTokenRecord {
  /** The token. */
  token: string
  /** What it allows. */
  purpose: ActionPurpose
  /** Whose account it is for. */
  userId: string
  /** The new e-mail address (update-email). */
  email: string | null
  /** The new phone number (update-phone). */
  phone: string | null
  /** Its country code. */
  phoneCountryCode: string | null
  /** When it was issued. */
  createdAt: number
  /** When it expires. */
  expiresAt: number
  /** When it was used; null while unused. */
  usedAt: number | null
}

/** A file stored by the upload endpoint. */
export interface UploadRecord {
  /** Storage key. */
  key: string
  /** File name as uploaded. */
  filename: string
  /** Content type as uploaded. */
  contentType: string
  /** Size in bytes. */
  size: number
  /** When it was uploaded. */
  createdAt: number
  /** The file's bytes. */
  data: Buffer
}

/** The whole in-memory state of one emulator. */
export interface State {
  userPools: Map<string, UserPoolInfo>
  apps: Map<string, AppInfo>
  connections: Map<string, ConnectionInfo>
  users: Map<string, UserRecord>
  codes: VerificationCodeRecord[]
  wechatCodes: Map<string, WechatCodeRecord>
  sessions: Map<string, SessionRecord>
  tokens: Map<string, IssuedTokenRecord>
  refreshTokens: Map<string, RefreshTokenRecord>
  actionTokens: Map<string, ActionTokenRecord>
  uploads: Map<string, UploadRecord>
}

export function emptyState(): State {
  return {
    userPools: new Map(),
    apps: new Map(),
    connections: new Map(),
    users: new Map(),
    codes: [],
    wechatCodes: new Map(),
    sessions: new Map(),
    tokens: new Map(),
    refreshTokens: new Map(),
    actionTokens: new Map(),
    uploads: new Map(),
  }
}

/** The exported state (`GET /__emulator/state`, the `--data` file): all records, the config, the clock and the keys. */
export interface StateSnapshot {
  /** Marks the file as an emulator export. */
  format: 'authing-emulator-state'
  /** Format version. */
  version: 1
  /** When it was exported (ISO 8601). */
  exportedAt: string
  /** The clock's offset from the wall clock, restored on import. */
  clockOffsetMs: number
  /** The runtime settings. */
  config: EmulatorConfig
  /** The private keys, so tokens and public keys stay valid across restarts. */
  keys: ExportedKeys
  /** User pools. */
  userPools: UserPoolInfo[]
  /** Apps. */
  apps: AppInfo[]
  /** WeChat connections. */
  connections: ConnectionInfo[]
  /** Users. */
  users: UserRecord[]
  /** SMS and e-mail codes. */
  codes: VerificationCodeRecord[]
  /** WeChat login and phone codes. */
  wechatCodes: WechatCodeRecord[]
  /** Sessions. */
  sessions: SessionRecord[]
  /** Issued access and ID tokens. */
  tokens: IssuedTokenRecord[]
  /** Refresh tokens. */
  refreshTokens: RefreshTokenRecord[]
  /** Update and delete tokens. */
  actionTokens: ActionTokenRecord[]
  /** Uploaded files, with their bytes in base64. */
  uploads: Array<
    Omit<UploadRecord, 'data'> & {
      /** The file's bytes, base64. */
      dataBase64: string
    }
  >
}

type SnapshotExtras = Pick<StateSnapshot, 'exportedAt' | 'clockOffsetMs' | 'config' | 'keys'>

export function snapshotOf(state: State, extras: SnapshotExtras): StateSnapshot {
  return {
    format: 'authing-emulator-state',
    version: 1,
    ...extras,
    userPools: [...state.userPools.values()],
    apps: [...state.apps.values()],
    connections: [...state.connections.values()],
    users: [...state.users.values()],
    codes: state.codes,
    wechatCodes: [...state.wechatCodes.values()],
    sessions: [...state.sessions.values()],
    tokens: [...state.tokens.values()],
    refreshTokens: [...state.refreshTokens.values()],
    actionTokens: [...state.actionTokens.values()],
    uploads: [...state.uploads.values()].map(({ data, ...rest }) => ({ ...rest, dataBase64: data.toString('base64') })),
  }
}

const COLLECTIONS = [
  'userPools',
  'apps',
  'connections',
  'users',
  'codes',
  'wechatCodes',
  'sessions',
  'tokens',
  'refreshTokens',
  'actionTokens',
  'uploads',
] as const

/** Checks the outer shape of an imported snapshot; records themselves are trusted (they come from an export). */
export function assertSnapshot(value: unknown): asserts value is StateSnapshot {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ApiError(400, 'state must be a JSON object')
  const snapshot = value as Record<string, unknown>
  if (snapshot.format !== 'authing-emulator-state' || snapshot.version !== 1) {
    throw new ApiError(400, 'state is not an emulator export (expected format "authing-emulator-state", version 1)')
  }
  for (const name of COLLECTIONS) {
    if (!Array.isArray(snapshot[name])) throw new ApiError(400, `state.${name} must be an array`)
  }
}

export function stateFrom(snapshot: StateSnapshot): State {
  const byKey = <T, K extends keyof T>(items: T[], key: K) => new Map(items.map((item) => [item[key] as string, item]))
  return {
    userPools: byKey(snapshot.userPools, 'id'),
    apps: byKey(snapshot.apps, 'id'),
    connections: byKey(snapshot.connections, 'id'),
    users: byKey(snapshot.users, 'userId'),
    codes: [...snapshot.codes],
    wechatCodes: byKey(snapshot.wechatCodes, 'code'),
    sessions: byKey(snapshot.sessions, 'id'),
    tokens: byKey(snapshot.tokens, 'jti'),
    refreshTokens: byKey(snapshot.refreshTokens, 'token'),
    actionTokens: byKey(snapshot.actionTokens, 'token'),
    uploads: new Map(snapshot.uploads.map(({ dataBase64, ...rest }) => [rest.key, { ...rest, data: Buffer.from(dataBase64, 'base64') }])),
  }
}
