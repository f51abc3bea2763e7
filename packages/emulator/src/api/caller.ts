// Who is calling: the app (login and token endpoints), the user pool (anonymous endpoints) and the user
// (every user endpoint goes through authenticate()).
import type { FastifyRequest } from 'fastify'
import type { Emulator } from '../emulator'
import { errors } from '../errors'
import type { VerifiedToken } from '../services/tokens'
import type { UserRecord } from '../state'
import type { AppInfo, UserPoolInfo } from '../types'

/** A header value, trimmed; `""` counts as absent. */
export function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()]
  const first = Array.isArray(value) ? value[0] : value
  return first?.trim() || undefined
}

function poolById(emu: Emulator, id: string): UserPoolInfo {
  const pool = emu.state.userPools.get(id)
  if (!pool) throw errors.poolNotFound(id)
  return pool
}

/** A user pool header, when present, must name the pool the app (or token) belongs to. */
function checkPoolHeader(emu: Emulator, request: FastifyRequest, app: AppInfo): void {
  const poolId = header(request, 'x-authing-userpool-id')
  if (poolId === undefined || poolId === app.userPoolId) return
  poolById(emu, poolId)
  throw errors.badRequest(`x-authing-userpool-id "${poolId}" is not the user pool of app "${app.id}"`)
}

/** The app from `x-authing-app-id`, else the body's `client_id`. */
export function identifyApp(emu: Emulator, request: FastifyRequest, clientId?: string): AppInfo {
  const appId = header(request, 'x-authing-app-id') ?? clientId
  if (!appId) throw errors.empty('x-authing-app-id')
  const app = emu.state.apps.get(appId)
  if (!app) throw errors.appNotFound(appId)
  checkPoolHeader(emu, request, app)
  return app
}

/** The user pool from `x-authing-userpool-id`, else from `x-authing-app-id`. */
export function identifyPool(emu: Emulator, request: FastifyRequest): UserPoolInfo {
  const poolId = header(request, 'x-authing-userpool-id')
  if (poolId) return poolById(emu, poolId)
  const appId = header(request, 'x-authing-app-id')
  if (appId) return poolById(emu, identifyApp(emu, request).userPoolId)
  throw errors.empty('x-authing-userpool-id')
}

export interface Caller extends VerifiedToken {
  user: UserRecord
  app: AppInfo
}

/**
 * The one authentication check of user endpoints. `Authorization` holds the bare token or `Bearer <token>`
 * (any case); access and ID tokens are accepted. 401 (apiCode 2020, or 2206 when expired) otherwise.
 */
export async function authenticate(emu: Emulator, request: FastifyRequest): Promise<Caller> {
  const authorization = header(request, 'authorization')
  if (!authorization) throw errors.notLoggedIn('Not logged in: the Authorization header is missing')
  const token = authorization.replace(/^bearer(\s+|$)/i, '').trim()
  if (!token) throw errors.notLoggedIn('Not logged in: the Authorization header has no token')
  const verified = await emu.tokens.verify(token)
  const app = emu.state.apps.get(verified.session.appId)
  if (!app) throw errors.notLoggedIn('The app of this token no longer exists')
  const user = emu.state.users.get(verified.session.userId)
  if (!user) throw errors.notLoggedIn('The user of this token no longer exists')
  checkPoolHeader(emu, request, app)
  return { ...verified, user, app }
}
