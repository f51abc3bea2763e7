// Everything the emulator remembers, as JSON-friendly records (times are epoch milliseconds of the emulator clock),
// and the conversion to and from the exported snapshot.
import type { ExportedKeys } from './crypto/keys'
import { ApiError } from './errors'
import type {
  AppInfo,
  ConnectionInfo,
  EmulatorConfig,
  Gender,
  Identity,
  UserPoolInfo,
  UserProfileFields,
  UserStatus,
} from './types'

/** A stored user: the UserDto fields plus pool, password hash, custom data, identities and departments. */
export interface UserRecord extends UserProfileFields {
  userId: string
  userPoolId: string
  createdAt: string
  updatedAt: string
  status: UserStatus
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
  registerSource: string[]
  userSourceType: string
  /** `scrypt$N$salt$hash`, or null for users without a password (e.g. created by a WeChat login). */
  passwordHash: string | null
  customData: Record<string, unknown>
  identities: Identity[]
  departmentIds: string[]
}

/** An SMS or e-mail code as stored. */
export interface VerificationCodeRecord {
  id: string
  userPoolId: string
  kind: 'sms' | 'email'
  target: string
  phoneCountryCode: string | null
  channel: string
  code: string
  createdAt: number
  expiresAt: number
  usedAt: number | null
}

/** A simulated WeChat login or phone code as stored. */
export interface WechatCodeRecord {
  code: string
  kind: 'login' | 'phone'
  source: 'minted' | 'mock' | 'dev'
  openid: string | null
  unionid: string | null
  sessionKey: string | null
  phoneNumber: string | null
  countryCode: string | null
  createdAt: number
  /** null: never expires (deterministic `mock:` codes). */
  expiresAt: number | null
  usedAt: number | null
}

/** One login; the family its access, ID and refresh tokens belong to. */
export interface SessionRecord {
  id: string
  userId: string
  appId: string
  userPoolId: string
  scope: string
  connection: string
  createdAt: number
  lastRefreshedAt: number | null
  refreshCount: number
  revokedAt: number | null
  revokedReason: string | null
}

/** An issued JWT (access or ID token), by `jti`. */
export interface IssuedTokenRecord {
  jti: string
  sessionId: string
  kind: 'access' | 'id'
  /** The other token of the same issuance (access ↔ id); revoking one revokes both. */
  pairJti: string
  issuedAt: number
  expiresAt: number
  revokedAt: number | null
}

/** An opaque refresh token of a session's rotation family. */
export interface RefreshTokenRecord {
  token: string
  sessionId: string
  issuedAt: number
  expiresAt: number
  /** Set when rotated away; presenting it again is reuse. */
  usedAt: number | null
  revokedAt: number | null
}

/** What an update / delete token allows. */
export type ActionPurpose = 'update-email' | 'update-phone' | 'delete-account'

/** A short-lived, single-use token of the update-email / update-phone / delete-account flows. */
export interface ActionTokenRecord {
  token: string
  purpose: ActionPurpose
  userId: string
  email: string | null
  phone: string | null
  phoneCountryCode: string | null
  createdAt: number
  expiresAt: number
  usedAt: number | null
}

/** A file stored by the upload endpoint. */
export interface UploadRecord {
  key: string
  filename: string
  contentType: string
  size: number
  createdAt: number
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
  format: 'authing-emulator-state'
  version: 1
  exportedAt: string
  clockOffsetMs: number
  config: EmulatorConfig
  keys: ExportedKeys
  userPools: UserPoolInfo[]
  apps: AppInfo[]
  connections: ConnectionInfo[]
  users: UserRecord[]
  codes: VerificationCodeRecord[]
  wechatCodes: WechatCodeRecord[]
  sessions: SessionRecord[]
  tokens: IssuedTokenRecord[]
  refreshTokens: RefreshTokenRecord[]
  actionTokens: ActionTokenRecord[]
  uploads: Array<Omit<UploadRecord, 'data'> & { dataBase64: string }>
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
  'userPools', 'apps', 'connections', 'users', 'codes', 'wechatCodes',
  'sessions', 'tokens', 'refreshTokens', 'actionTokens', 'uploads',
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
    uploads: new Map(
      snapshot.uploads.map(({ dataBase64, ...rest }) => [rest.key, { ...rest, data: Buffer.from(dataBase64, 'base64') }]),
    ),
  }
}
