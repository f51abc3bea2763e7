// The control plane under /__emulator: inspect and drive the emulator from tests, scripts and the dashboard.
// Plain JSON in and out, real HTTP statuses, never subject to faults. `createEmulatorClient` wraps every route.
import { hashPassword } from '../crypto/hash'
import type { Emulator } from '../emulator'
import { ApiError } from '../errors'
import { FAULT_KINDS } from '../server/faults'
import { anyObject, arrayOf, bool, each, int, nullable, obj, oneOf, pathParams, str, type Static, type TypedServer } from '../schema'
import type { UserRecord } from '../state'
import type { EmulatorConfig, EmulatorInfo, FaultSpec, NewUser, UserPatch, UserQuery } from '../types'
import { createUser, emulatorUser, GENDERS, normalizeEmail, PROFILE_FIELDS, patchUser, USER_STATUSES } from '../services/users'
import { EMULATOR_VERSION } from '../version'

const BASE = '/__emulator'

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

const hasOpenid = (user: UserRecord, openid: string) =>
  user.identities.some((identity) => identity.type === 'openid' && identity.userIdInIdp === openid)

function matches(user: UserRecord, query: UserQuery & { q?: string; userPoolId?: string }): boolean {
  if (query.userPoolId && user.userPoolId !== query.userPoolId) return false
  if (query.userId && user.userId !== query.userId) return false
  if (query.username && user.username !== query.username) return false
  if (query.email && user.email !== normalizeEmail(query.email)) return false
  if (query.phone && user.phone !== query.phone) return false
  if (query.openid && !hasOpenid(user, query.openid)) return false
  if (query.q) {
    const needle = query.q.toLowerCase()
    const haystack = [
      user.userId,
      user.username,
      user.email,
      user.phone,
      user.name,
      user.nickname,
      ...user.identities.map((i) => i.userIdInIdp),
    ]
    if (!haystack.some((value) => value?.toLowerCase().includes(needle))) return false
  }
  return true
}

export function controlRoutes(app: TypedServer, emu: Emulator): void {
  const userByRef = (ref: string): UserRecord => {
    const users = [...emu.state.users.values()]
    const user =
      emu.state.users.get(ref) ??
      users.find((item) => item.username === ref || item.email === normalizeEmail(ref) || item.phone === ref) ??
      users.find((item) => hasOpenid(item, ref))
    if (!user) throw new ApiError(404, `No user with id, username, e-mail, phone or openid "${ref}"`)
    return user
  }

  app.get(BASE, async (): Promise<EmulatorInfo> => ({
    name: '@authing/miniapp-emulator',
    version: EMULATOR_VERSION,
    url: emu.url,
    controlUrl: `${emu.url}${BASE}`,
    userPools: [...emu.state.userPools.values()],
    apps: [...emu.state.apps.values()],
    connections: [...emu.state.connections.values()],
    config: { ...emu.config },
    clock: emu.clock.info(),
  }))

  // Verification codes
  const codeQuery = obj({ target: str(), channel: str() })
  app.get(`${BASE}/codes`, { schema: { querystring: codeQuery } }, async (request) => emu.codes.list(request.query))
  app.get(`${BASE}/codes/latest`, { schema: { querystring: obj({ target: str(), channel: str() }, ['target']) } }, async (request) => {
    const latest = emu.codes.list(request.query)[0]
    if (!latest) throw new ApiError(404, `No code has been sent to "${request.query.target}"`)
    return latest
  })

  // Simulated WeChat
  app.post(`${BASE}/wechat/login-codes`, { schema: { body: obj({ openid: str(), unionid: str() }) } }, async (request, reply) =>
    reply.code(201).send(emu.wechat.mintLoginCode(request.body)),
  )
  app.post(
    `${BASE}/wechat/phone-codes`,
    { schema: { body: obj({ phoneNumber: str(), countryCode: str() }, ['phoneNumber']) } },
    async (request, reply) => reply.code(201).send(emu.wechat.mintPhoneCode(request.body)),
  )
  app.get(`${BASE}/wechat/codes`, async () => emu.wechat.list())
  // Encrypts for a WeChat or a Douyin login code, whichever platform knows it.
  app.post(`${BASE}/wechat/encrypt`, { schema: { body: obj({ code: str(), data: anyObject() }, ['code', 'data']) } }, async (request) => {
    const platform = emu.douyin.knows(request.body.code) ? emu.douyin : emu.wechat
    return platform.encryptForCode(request.body.code, request.body.data)
  })

  // Simulated Douyin
  app.post(`${BASE}/douyin/login-codes`, { schema: { body: obj({ openid: str(), unionid: str() }) } }, async (request, reply) =>
    reply.code(201).send(emu.douyin.mintLoginCode(request.body)),
  )
  app.get(`${BASE}/douyin/codes`, async () => emu.douyin.list())

  // Users
  app.get(`${BASE}/users`, { schema: { querystring: userQuerySchema } }, async (request) =>
    [...emu.state.users.values()].filter((user) => matches(user, request.query)).map(emulatorUser),
  )
  app.post(`${BASE}/users`, { schema: { body: newUserSchema } }, async (request, reply) => {
    const defaultPoolId = [...emu.state.userPools.keys()][0] ?? ''
    const user = await createUser(request.body, { state: emu.state, nowIso: emu.clock.iso(), source: 'adminCreated', defaultPoolId })
    return reply.code(201).send(emulatorUser(user))
  })
  app.get<{ Params: { ref: string } }>(`${BASE}/users/:ref`, async (request) => emulatorUser(userByRef(request.params.ref)))
  app.patch(`${BASE}/users/:ref`, { schema: { params: pathParams('ref'), body: patchSchema } }, async (request) => {
    const user = userByRef(request.params.ref)
    patchUser(emu.state, user, request.body, emu.clock.iso())
    return emulatorUser(user)
  })
  app.delete<{ Params: { ref: string } }>(`${BASE}/users/:ref`, async (request) => {
    const user = userByRef(request.params.ref)
    emu.state.users.delete(user.userId)
    emu.tokens.forgetUser(user.userId)
    return { deleted: user.userId }
  })
  app.put(
    `${BASE}/users/:ref/password`,
    { schema: { params: pathParams('ref'), body: obj({ password: nullable(str()) }, ['password']) } },
    async (request) => {
      const user = userByRef(request.params.ref)
      user.passwordHash = request.body.password === null ? null : await hashPassword(request.body.password)
      user.passwordLastSetAt = request.body.password === null ? null : emu.clock.iso()
      user.updatedAt = emu.clock.iso()
      return emulatorUser(user)
    },
  )

  // Sessions
  app.get(`${BASE}/sessions`, { schema: { querystring: obj({ userId: str() }) } }, async (request) => emu.tokens.sessions(request.query))
  app.post<{ Params: { id: string } }>(`${BASE}/sessions/:id/revoke`, async (request) => {
    const session = emu.state.sessions.get(request.params.id)
    if (!session) throw new ApiError(404, `No session "${request.params.id}"`)
    emu.tokens.revokeSession(session, 'revoked on the control plane')
    return emu.tokens.sessions().find((item) => item.id === session.id)
  })

  // Request log
  const logQuery = obj({ since: str({ pattern: '^\\d+$' }), limit: str({ pattern: '^\\d+$' }) })
  app.get(`${BASE}/requests`, { schema: { querystring: logQuery } }, async (request) =>
    emu.requestLog.list(Number(request.query.since ?? 0), request.query.limit ? Number(request.query.limit) : undefined),
  )
  app.delete(`${BASE}/requests`, async () => {
    emu.requestLog.clear()
    return { cleared: true }
  })

  // State
  app.post(`${BASE}/reset`, async () => {
    await emu.reset()
    return { reset: true }
  })
  app.get(`${BASE}/state`, async () => emu.exportState())
  app.put(`${BASE}/state`, { bodyLimit: 256 * 1024 * 1024 }, async (request) => {
    emu.importState(request.body)
    return { imported: true, users: emu.state.users.size }
  })
  app.get(`${BASE}/uploads`, async () =>
    [...emu.state.uploads.values()].map(({ data: _data, createdAt, ...file }) => ({
      ...file,
      path: `/uploads/${file.key}`,
      createdAt: emu.clock.iso(createdAt),
    })),
  )

  // Clock
  app.get(`${BASE}/clock`, async () => emu.clock.info())
  app.post(`${BASE}/clock`, { schema: { body: obj({ shiftMs: int(), offsetMs: int() }) } }, async (request) => {
    if (request.body.offsetMs !== undefined) emu.clock.setOffset(request.body.offsetMs)
    if (request.body.shiftMs !== undefined) emu.clock.shift(request.body.shiftMs)
    return emu.clock.info()
  })

  // Faults
  app.get(`${BASE}/faults`, async () => emu.faults.list())
  app.post(`${BASE}/faults`, { schema: { body: faultSchema } }, async (request, reply) =>
    reply.code(201).send(emu.faults.add(request.body, emu.clock.iso())),
  )
  app.delete(`${BASE}/faults`, async () => {
    emu.faults.clear()
    return { cleared: true }
  })
  app.delete<{ Params: { id: string } }>(`${BASE}/faults/:id`, async (request) => {
    if (!emu.faults.remove(request.params.id)) throw new ApiError(404, `No fault "${request.params.id}"`)
    return { removed: request.params.id }
  })

  // Config
  app.get(`${BASE}/config`, async () => ({ ...emu.config }))
  app.patch(`${BASE}/config`, { schema: { body: configSchema } }, async (request) => {
    Object.assign(emu.config, request.body)
    return { ...emu.config }
  })
}
