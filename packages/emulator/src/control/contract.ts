// The control-plane contract, declared once: every route under /__emulator with its request schemas and answer type.
// The server registers its handlers from this table (`control/index.ts`) and the typed client builds its methods from
// it (`client.ts`), so a path, a method or a request shape cannot differ between the two.
import { FAULT_KINDS } from '../server/faults'
import { GENDERS, PROFILE_FIELDS, USER_STATUSES } from '../services/users'
import { anyObject, arrayOf, bool, each, int, nullable, obj, oneOf, str, type Static, type TSchema } from '../schema'
import type { StateSnapshot } from '../state'
import type {
  ClockInfo,
  EmulatorConfig,
  EmulatorInfo,
  EmulatorUser,
  EncryptedWechatData,
  Fault,
  FaultSpec,
  MintedLoginCode,
  MintedPhoneCode,
  NewUser,
  RequestLogEntry,
  SessionInfo,
  UploadInfo,
  UserPatch,
  UserQuery,
  VerificationCodeInfo,
  WechatCodeInfo,
} from '../types'

export const CONTROL_BASE = '/__emulator'

/** The fields of UserSettings, settable at creation and by a patch. */
const settings = {
  gender: oneOf(GENDERS),
  status: oneOf(USER_STATUSES),
  emailVerified: bool(),
  phoneVerified: bool(),
  customData: anyObject(),
  departmentIds: arrayOf(str()),
}

const newUserSchema = obj({
  ...each(PROFILE_FIELDS, str),
  userId: str(),
  userPoolId: str(),
  username: str(),
  email: str(),
  phone: str(),
  phoneCountryCode: str(),
  password: str(),
  ...settings,
  wechat: obj({ openid: str(), unionid: str(), extIdpConnidentifier: str() }, ['openid']),
})

const patchSchema = obj({
  ...each(PROFILE_FIELDS, () => nullable(str())),
  username: nullable(str()),
  email: nullable(str()),
  phone: nullable(str()),
  phoneCountryCode: nullable(str()),
  ...settings,
})

const seconds = () => int({ minimum: 1 })
const configSchema = obj({
  accessTokenLifetime: seconds(),
  idTokenLifetime: seconds(),
  refreshTokenLifetime: seconds(),
  allowRegistration: bool(),
  revocationResponse: oneOf(['empty', 'json']),
  errorHttpStatus: oneOf(['always-200', 'mirror']),
  mirrorExpireIn: bool(),
  wechatDevIdentity: nullable(str()),
  wechatDevPhone: nullable(str()),
  douyinDevIdentity: nullable(str()),
  codeLifetime: seconds(),
  resendInterval: int({ minimum: 0 }),
  actionTokenLifetime: seconds(),
  verifyOldContact: bool(),
})

const faultSchema = obj(
  {
    route: str(),
    kind: oneOf(FAULT_KINDS),
    method: str(),
    ms: int({ minimum: 0, maximum: 600000 }),
    status: int({ minimum: 500, maximum: 599 }),
    times: int({ minimum: 1 }),
  },
  ['route', 'kind'],
)

const userQuerySchema = obj({ q: str(), userId: str(), username: str(), email: str(), phone: str(), openid: str(), userPoolId: str() })
const loginCodeSchema = obj({ openid: str(), unionid: str() })
const digits = () => str({ pattern: '^\\d+$' })

/** True when two types accept exactly the same values. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false

// The client's documented input types and the schemas that validate them cannot drift apart: this fails to compile
// when a field is added to, removed from or retyped in only one of them.
const schemasMatchTypes: [
  Same<Static<typeof newUserSchema>, NewUser>,
  Same<Static<typeof patchSchema>, UserPatch>,
  Same<Static<typeof configSchema>, Partial<EmulatorConfig>>,
  Same<Static<typeof faultSchema>, FaultSpec>,
] = [true, true, true, true]
void schemasMatchTypes

/** The names in a route path's `:name` segments. */
export type PathParams<P extends string> = P extends `${string}:${infer N}/${infer Rest}`
  ? N | PathParams<`/${Rest}`>
  : P extends `${string}:${infer N}`
    ? N
    : never

export type Query = Record<string, string | number | undefined>

/** What the client sends for one call: path parameters, query string and JSON body. */
export interface ControlRequest<P extends string = string, B = unknown> {
  params?: Record<PathParams<P>, string>
  query?: Query
  body?: B
}

type Infer<S> = S extends TSchema ? Static<S> : unknown

/** One control-plane route: its HTTP side and the client method that calls it. */
export interface ControlRoute<P extends string, Q, B, Answer, Args extends unknown[]> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Below /__emulator; `:name` segments are path parameters. */
  path: P
  query?: Q
  body?: B
  /** HTTP status of a success (default 200). */
  status?: number
  bodyLimit?: number
  /** The client's arguments turned into the request. */
  request: (...args: Args) => ControlRequest<P, Infer<B>>
  /** True when the client's method resolves to nothing (the server's answer only confirms). */
  discard?: boolean
  /** Phantom: the answer type; never set. */
  answer?: Answer
}

/** A route entry; the answer type is given explicitly, the rest is inferred from the entry. */
const route =
  <Answer>() =>
  <
    const P extends string,
    Args extends unknown[] = [],
    Q extends TSchema | undefined = undefined,
    B extends TSchema | undefined = undefined,
  >(
    entry: ControlRoute<P, Q, B, Answer, Args>,
  ) =>
    entry

const none = () => ({})
const loginCodeRequest = (input?: { openid?: string; unionid?: string }) => ({ body: input ?? {} })

/** Every route of the control plane, keyed by the client method that calls it. */
export const CONTROL_ROUTES = {
  /** Pools, apps, connections, config and clock. */
  info: route<EmulatorInfo>()({ method: 'GET', path: '', request: none }),
  /** SMS / e-mail codes, newest first, optionally for one target (phone number or e-mail) and channel. */
  codes: route<VerificationCodeInfo[]>()({
    method: 'GET',
    path: '/codes',
    query: obj({ target: str(), channel: str() }),
    request: (filter?: { target?: string; channel?: string }) => ({ query: filter }),
  }),
  /** The newest code sent to a target (phone number without country code, or e-mail). Throws when there is none. */
  latestCode: route<VerificationCodeInfo>()({
    method: 'GET',
    path: '/codes/latest',
    query: obj({ target: str(), channel: str() }, ['target']),
    request: (target: string, channel?: string) => ({ query: { target, channel } }),
  }),
  /** A fresh `wx.login` code for an openid (random when omitted), valid 5 minutes, single use. */
  mintLoginCode: route<MintedLoginCode>()({
    method: 'POST',
    path: '/wechat/login-codes',
    body: loginCodeSchema,
    status: 201,
    request: loginCodeRequest,
  }),
  /** A fresh `getPhoneNumber` code for a phone number (country code default `86`). */
  mintPhoneCode: route<MintedPhoneCode>()({
    method: 'POST',
    path: '/wechat/phone-codes',
    body: obj({ phoneNumber: str(), countryCode: str() }, ['phoneNumber']),
    status: 201,
    request: (input: { phoneNumber: string; countryCode?: string }) => ({ body: input }),
  }),
  /** Every simulated WeChat code, newest first. */
  wechatCodes: route<WechatCodeInfo[]>()({ method: 'GET', path: '/wechat/codes', request: none }),
  /** Encrypts data with a WeChat or Douyin login code's session key the way the platform does (decryptData, user info, Douyin phone numbers). */
  encryptForCode: route<EncryptedWechatData>()({
    method: 'POST',
    path: '/wechat/encrypt',
    body: obj({ code: str(), data: anyObject() }, ['code', 'data']),
    request: (code: string, data: Record<string, unknown>) => ({ body: { code, data } }),
  }),
  /** Mints a `tt.login` code (Douyin) for an openid (random when omitted); a Douyin user keeps one session key. */
  mintDouyinLoginCode: route<MintedLoginCode>()({
    method: 'POST',
    path: '/douyin/login-codes',
    body: loginCodeSchema,
    status: 201,
    request: loginCodeRequest,
  }),
  /** The simulated Douyin login codes, newest first. */
  douyinCodes: route<WechatCodeInfo[]>()({ method: 'GET', path: '/douyin/codes', request: none }),
  /** Creates a user (password, phone, e-mail, WeChat identity, profile fields). */
  createUser: route<EmulatorUser>()({
    method: 'POST',
    path: '/users',
    body: newUserSchema,
    status: 201,
    request: (input: NewUser) => ({ body: input }),
  }),
  /** Users matching a query (`q` searches ids, names, e-mail, phone and openids). */
  users: route<EmulatorUser[]>()({
    method: 'GET',
    path: '/users',
    query: userQuerySchema,
    request: (query?: UserQuery & { q?: string; userPoolId?: string }) => ({ query: { ...query } }),
  }),
  /** One user by id, username, e-mail, phone or openid (HTTP 404 when none); the client's `user` wraps it. */
  userByRef: route<EmulatorUser>()({ method: 'GET', path: '/users/:ref', request: (ref: string) => ({ params: { ref } }) }),
  /** Changes fields of a user (`null` clears). */
  updateUser: route<EmulatorUser>()({
    method: 'PATCH',
    path: '/users/:ref',
    body: patchSchema,
    request: (ref: string, patch: UserPatch) => ({ params: { ref }, body: patch }),
  }),
  /** Deletes a user with its sessions and tokens. */
  deleteUser: route<void>()({ method: 'DELETE', path: '/users/:ref', discard: true, request: (ref: string) => ({ params: { ref } }) }),
  /** Sets (or, with null, removes) a user's password. */
  setPassword: route<EmulatorUser>()({
    method: 'PUT',
    path: '/users/:ref/password',
    body: obj({ password: nullable(str()) }, ['password']),
    request: (ref: string, password: string | null) => ({ params: { ref }, body: { password } }),
  }),
  /** Sessions (logins) with their tokens and refresh-token families, newest first. */
  sessions: route<SessionInfo[]>()({
    method: 'GET',
    path: '/sessions',
    query: obj({ userId: str() }),
    request: (filter?: { userId?: string }) => ({ query: filter }),
  }),
  /** Revokes a session: all its access, ID and refresh tokens. */
  revokeSession: route<SessionInfo>()({
    method: 'POST',
    path: '/sessions/:id/revoke',
    request: (id: string) => ({ params: { id }, body: {} }),
  }),
  /** The request log; pass the last seen `id` as `since` to get only newer entries. */
  requests: route<RequestLogEntry[]>()({
    method: 'GET',
    path: '/requests',
    query: obj({ since: digits(), limit: digits() }),
    request: (filter?: { since?: number; limit?: number }) => ({ query: filter }),
  }),
  /** Empties the request log. */
  clearRequests: route<void>()({ method: 'DELETE', path: '/requests', discard: true, request: none }),
  /** Back to the seeded state, initial config and clock, no faults. */
  reset: route<void>()({ method: 'POST', path: '/reset', discard: true, request: () => ({ body: {} }) }),
  /** All state as JSON, including the keys. */
  exportState: route<StateSnapshot>()({ method: 'GET', path: '/state', request: none }),
  /** Replaces all state with an export (object or JSON text). */
  importState: route<void>()({
    method: 'PUT',
    path: '/state',
    bodyLimit: 256 * 1024 * 1024,
    discard: true,
    request: (state: StateSnapshot | string) => ({ body: state }),
  }),
  /** Files stored by `/api/v2/upload`. */
  uploads: route<UploadInfo[]>()({ method: 'GET', path: '/uploads', request: none }),
  /** The emulator clock. */
  clock: route<ClockInfo>()({ method: 'GET', path: '/clock', request: none }),
  /** Shifts the clock and / or sets its offset from wall-clock time; the client's `shiftClock` and `setClockOffset` wrap it. */
  setClock: route<ClockInfo>()({
    method: 'POST',
    path: '/clock',
    body: obj({ shiftMs: int(), offsetMs: int() }),
    request: (change: { shiftMs?: number; offsetMs?: number }) => ({ body: change }),
  }),
  /** Active faults. */
  faults: route<Fault[]>()({ method: 'GET', path: '/faults', request: none }),
  /** Injects a fault into a route (exact path) or every route (`*`). */
  setFault: route<Fault>()({
    method: 'POST',
    path: '/faults',
    body: faultSchema,
    status: 201,
    request: (spec: FaultSpec) => ({ body: spec }),
  }),
  /** Removes every fault. */
  clearFaults: route<void>()({ method: 'DELETE', path: '/faults', discard: true, request: none }),
  /** Removes one fault. */
  removeFault: route<void>()({ method: 'DELETE', path: '/faults/:id', discard: true, request: (id: string) => ({ params: { id } }) }),
  /** The runtime config; the client's `config` wraps it and `updateConfig`. */
  readConfig: route<EmulatorConfig>()({ method: 'GET', path: '/config', request: none }),
  /** Changes part of the runtime config and returns the result. */
  updateConfig: route<EmulatorConfig>()({
    method: 'PATCH',
    path: '/config',
    body: configSchema,
    request: (partial: Partial<EmulatorConfig>) => ({ body: partial }),
  }),
}

export type ControlRoutes = typeof CONTROL_ROUTES
