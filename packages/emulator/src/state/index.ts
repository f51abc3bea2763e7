// Everything the emulator remembers, as JSON-friendly records (times are epoch milliseconds of the emulator clock),
// and the conversion to and from the exported snapshot.
import type { ExportedKeys } from '../crypto/keys'
import { ApiError } from '../errors'
import type {
  AppInfo,
  ConnectionInfo,
  EmulatorConfig,
  Identity,
  SessionFields,
  UserAccountFields,
  UserPoolInfo,
  VerificationCodeFields,
  WechatCodeFields,
} from '../types'

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
export interface VerificationCodeRecord extends VerificationCodeFields {
  /** When it was sent. */
  createdAt: number
  /** When it expires. */
  expiresAt: number
  /** When it was used; null while unused. */
  usedAt: number | null
}

/** A simulated WeChat login or phone code as stored. */
export interface WechatCodeRecord extends WechatCodeFields {
  /** When it was minted. */
  createdAt: number
  /** null: never expires (deterministic `mock:` codes). */
  expiresAt: number | null
  /** When it was exchanged; null while unused. */
  usedAt: number | null
}

/** One login; the family its access, ID and refresh tokens belong to. */
export interface SessionRecord extends SessionFields {
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

/** An uploaded file as exported: its bytes in base64. */
type ExportedUpload = Omit<UploadRecord, 'data'> & {
  /** The file's bytes, base64. */
  dataBase64: string
}

/** How one collection of the state is held in memory, written to a snapshot and read back. */
interface Collection<Held, Exported> {
  empty(): Held
  export(held: Held): Exported[]
  restore(records: Exported[]): Held
}

/** Records held in a map by one of their fields; `encode` / `decode` convert a record for the snapshot, if needed. */
function keyed<T, Exported = T>(
  key: keyof T & string,
  encode: (record: T) => Exported = (record) => record as unknown as Exported,
  decode: (record: Exported) => T = (record) => record as unknown as T,
): Collection<Map<string, T>, Exported> {
  return {
    empty: () => new Map(),
    export: (held) => [...held.values()].map(encode),
    restore: (records) =>
      new Map(
        records.map((exported) => {
          const record = decode(exported)
          return [record[key] as string, record]
        }),
      ),
  }
}

/** Records kept in order, newest last. */
function list<T>(): Collection<T[], T> {
  return { empty: () => [], export: (held) => held, restore: (records) => [...records] }
}

/**
 * Every collection of the state, in snapshot order: the one place that empty state, export and import read. Adding
 * a collection here adds it to all three (and to the snapshot type).
 */
const COLLECTIONS = {
  /** User pools. */
  userPools: keyed<UserPoolInfo>('id'),
  /** Apps. */
  apps: keyed<AppInfo>('id'),
  /** WeChat connections. */
  connections: keyed<ConnectionInfo>('id'),
  /** Users. */
  users: keyed<UserRecord>('userId'),
  /** SMS and e-mail codes. */
  codes: list<VerificationCodeRecord>(),
  /** WeChat login and phone codes. */
  wechatCodes: keyed<WechatCodeRecord>('code'),
  /** Douyin login codes (the same records: Douyin's codes work like WeChat's). */
  douyinCodes: keyed<WechatCodeRecord>('code'),
  /** Sessions. */
  sessions: keyed<SessionRecord>('id'),
  /** Issued access and ID tokens. */
  tokens: keyed<IssuedTokenRecord>('jti'),
  /** Refresh tokens. */
  refreshTokens: keyed<RefreshTokenRecord>('token'),
  /** Update and delete tokens. */
  actionTokens: keyed<ActionTokenRecord>('token'),
  /** Uploaded files, with their bytes in base64. */
  uploads: keyed<UploadRecord, ExportedUpload>(
    'key',
    ({ data, ...rest }) => ({ ...rest, dataBase64: data.toString('base64') }),
    ({ dataBase64, ...rest }) => ({ ...rest, data: Buffer.from(dataBase64, 'base64') }),
  ),
}

type Collections = typeof COLLECTIONS
type CollectionName = keyof Collections
const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[]
/** Collections added after the first exports: an export made before them has none, which reads as empty. */
const ADDED_LATER = new Set<CollectionName>(['douyinCodes'])

/** The whole in-memory state of one emulator. */
export type State = { [K in CollectionName]: ReturnType<Collections[K]['empty']> }

/** The records of every collection, as exported. */
type SnapshotCollections = { [K in CollectionName]: ReturnType<Collections[K]['export']> }

/** One value per collection, made by `make` (the table's entries differ in type; `make` sees each one as generic). */
function perCollection<T extends Record<CollectionName, unknown>>(
  make: (name: CollectionName, collection: Collection<unknown, unknown>) => unknown,
): T {
  return Object.fromEntries(COLLECTION_NAMES.map((name) => [name, make(name, COLLECTIONS[name] as Collection<unknown, unknown>)])) as T
}

export function emptyState(): State {
  return perCollection<State>((_name, collection) => collection.empty())
}

/** The exported state (`GET /__emulator/state`, the `--data` file): all records, the config, the clock and the keys. */
export interface StateSnapshot extends SnapshotCollections {
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
}

type SnapshotExtras = Pick<StateSnapshot, 'exportedAt' | 'clockOffsetMs' | 'config' | 'keys'>

export function snapshotOf(state: State, extras: SnapshotExtras): StateSnapshot {
  return {
    format: 'authing-emulator-state',
    version: 1,
    ...extras,
    ...perCollection<SnapshotCollections>((name, collection) => collection.export(state[name])),
  }
}

/** Checks the outer shape of an imported snapshot; records themselves are trusted (they come from an export). */
export function assertSnapshot(value: unknown): asserts value is StateSnapshot {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ApiError(400, 'state must be a JSON object')
  const snapshot = value as Record<string, unknown>
  if (snapshot.format !== 'authing-emulator-state' || snapshot.version !== 1) {
    throw new ApiError(400, 'state is not an emulator export (expected format "authing-emulator-state", version 1)')
  }
  for (const name of COLLECTION_NAMES) {
    if (snapshot[name] === undefined && ADDED_LATER.has(name)) continue
    if (!Array.isArray(snapshot[name])) throw new ApiError(400, `state.${name} must be an array`)
  }
}

export function stateFrom(snapshot: StateSnapshot): State {
  return perCollection<State>((name, collection) => collection.restore(snapshot[name] ?? []))
}
