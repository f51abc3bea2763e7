// The control plane under /__emulator: inspect and drive the emulator from tests, scripts and the dashboard.
// Plain JSON in and out, real HTTP statuses, never subject to faults. The routes, their request schemas and answer
// types are declared in `contract.ts`; here is what each one does.
import { hashPassword } from '../crypto/hash'
import type { Emulator } from '../emulator'
import { ApiError } from '../errors'
import { pathParams, type Static, type TSchema, type TypedServer } from '../schema'
import type { UserRecord } from '../state'
import type { UserQuery } from '../types'
import { createUser, emulatorUser, normalizeEmail, patchUser } from '../services/users'
import { EMULATOR_VERSION } from '../version'
import { CONTROL_BASE, CONTROL_ROUTES, type ControlRoute, type ControlRoutes, type PathParams } from './contract'

type Infer<S> = S extends TSchema ? Static<S> : unknown

/** The handler of a route: gets the validated request, returns the answer (anything, when the client discards it). */
type Handler<R> =
  R extends ControlRoute<infer P, infer Q, infer B, infer Answer, infer _Args>
    ? (request: {
        params: Record<PathParams<P>, string>
        query: Infer<Q>
        body: Infer<B>
      }) => Promise<Answer extends void ? unknown : Answer>
    : never

type Handlers = { [K in keyof ControlRoutes]: Handler<ControlRoutes[K]> }

/** Registers every route of the contract with its handler, its schemas and its success status. */
function register(app: TypedServer, handlers: Handlers): void {
  for (const [name, route] of Object.entries(CONTROL_ROUTES) as [
    keyof ControlRoutes,
    ControlRoute<string, TSchema, TSchema, unknown, never>,
  ][]) {
    const handler = handlers[name] as (request: unknown) => Promise<unknown>
    const params = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1] as string)
    const schema = {
      ...(params.length > 0 && { params: pathParams(...params) }),
      ...(route.query && { querystring: route.query }),
      ...(route.body && { body: route.body }),
    }
    app.route({
      method: route.method,
      url: `${CONTROL_BASE}${route.path}`,
      schema,
      ...(route.bodyLimit && { bodyLimit: route.bodyLimit }),
      handler: async (request, reply) => reply.code(route.status ?? 200).send(await handler(request)),
    })
  }
}

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

  register(app, {
    info: async () => ({
      name: '@authing/miniapp-emulator',
      version: EMULATOR_VERSION,
      url: emu.url,
      controlUrl: `${emu.url}${CONTROL_BASE}`,
      userPools: [...emu.state.userPools.values()],
      apps: [...emu.state.apps.values()],
      connections: [...emu.state.connections.values()],
      config: { ...emu.config },
      clock: emu.clock.info(),
    }),

    // Verification codes
    codes: async ({ query }) => emu.codes.list(query),
    latestCode: async ({ query }) => {
      const latest = emu.codes.list(query)[0]
      if (!latest) throw new ApiError(404, `No code has been sent to "${query.target}"`)
      return latest
    },

    // Simulated WeChat
    mintLoginCode: async ({ body }) => emu.wechat.mintLoginCode(body),
    mintPhoneCode: async ({ body }) => emu.wechat.mintPhoneCode(body),
    wechatCodes: async () => emu.wechat.list(),
    // Encrypts for a WeChat or a Douyin login code, whichever platform knows it.
    encryptForCode: async ({ body }) => (emu.douyin.knows(body.code) ? emu.douyin : emu.wechat).encryptForCode(body.code, body.data),

    // Simulated Douyin
    mintDouyinLoginCode: async ({ body }) => emu.douyin.mintLoginCode(body),
    douyinCodes: async () => emu.douyin.list(),

    // Users
    users: async ({ query }) => [...emu.state.users.values()].filter((user) => matches(user, query)).map(emulatorUser),
    createUser: async ({ body }) => {
      const defaultPoolId = [...emu.state.userPools.keys()][0] ?? ''
      return emulatorUser(await createUser(body, { state: emu.state, nowIso: emu.clock.iso(), source: 'adminCreated', defaultPoolId }))
    },
    userByRef: async ({ params }) => emulatorUser(userByRef(params.ref)),
    updateUser: async ({ params, body }) => {
      const user = userByRef(params.ref)
      patchUser(emu.state, user, body, emu.clock.iso())
      return emulatorUser(user)
    },
    deleteUser: async ({ params }) => {
      const user = userByRef(params.ref)
      emu.state.users.delete(user.userId)
      emu.tokens.forgetUser(user.userId)
      return { deleted: user.userId }
    },
    setPassword: async ({ params, body }) => {
      const user = userByRef(params.ref)
      user.passwordHash = body.password === null ? null : await hashPassword(body.password)
      user.passwordLastSetAt = body.password === null ? null : emu.clock.iso()
      user.updatedAt = emu.clock.iso()
      return emulatorUser(user)
    },

    // Sessions
    sessions: async ({ query }) => emu.tokens.sessions(query),
    revokeSession: async ({ params }) => {
      const session = emu.state.sessions.get(params.id)
      if (!session) throw new ApiError(404, `No session "${params.id}"`)
      emu.tokens.revokeSession(session, 'revoked on the control plane')
      return emu.tokens.sessions().find((item) => item.id === session.id)!
    },

    // Request log
    requests: async ({ query }) => emu.requestLog.list(Number(query.since ?? 0), query.limit ? Number(query.limit) : undefined),
    clearRequests: async () => {
      emu.requestLog.clear()
      return { cleared: true }
    },

    // State
    reset: async () => {
      await emu.reset()
      return { reset: true }
    },
    exportState: async () => emu.exportState(),
    importState: async ({ body }) => {
      emu.importState(body)
      return { imported: true, users: emu.state.users.size }
    },
    uploads: async () =>
      [...emu.state.uploads.values()].map(({ data: _data, createdAt, ...file }) => ({
        ...file,
        path: `/uploads/${file.key}`,
        createdAt: emu.clock.iso(createdAt),
      })),

    // Clock
    clock: async () => emu.clock.info(),
    setClock: async ({ body }) => {
      if (body.offsetMs !== undefined) emu.clock.setOffset(body.offsetMs)
      if (body.shiftMs !== undefined) emu.clock.shift(body.shiftMs)
      return emu.clock.info()
    },

    // Faults
    faults: async () => emu.faults.list(),
    setFault: async ({ body }) => emu.faults.add(body, emu.clock.iso()),
    clearFaults: async () => {
      emu.faults.clear()
      return { cleared: true }
    },
    removeFault: async ({ params }) => {
      if (!emu.faults.remove(params.id)) throw new ApiError(404, `No fault "${params.id}"`)
      return { removed: params.id }
    },

    // Config
    readConfig: async () => ({ ...emu.config }),
    updateConfig: async ({ body }) => {
      Object.assign(emu.config, body)
      return { ...emu.config }
    },
  })
}
