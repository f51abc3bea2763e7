// What every successful login does, whatever the method: status check, login statistics, a new session.
import type { FastifyRequest } from 'fastify'
import type { Emulator } from './emulator'
import { errors } from './errors'
import type { UserRecord } from './state'
import type { AppInfo } from './types'

/** The `options` object of the login endpoints (fields the emulator uses). */
export interface LoginOptions {
  scope?: string
  clientIp?: string
  autoRegister?: boolean
  passwordEncryptType?: 'none' | 'rsa' | 'sm2'
}

export async function completeLogin(
  emu: Emulator,
  request: FastifyRequest,
  user: UserRecord,
  app: AppInfo,
  options: LoginOptions,
  connection: string,
): Promise<Record<string, unknown>> {
  if (user.status !== 'Activated') throw errors.userLocked(user.status)
  const now = emu.clock.iso()
  user.loginsCount += 1
  user.lastLogin = now
  user.lastIp = options.clientIp ?? request.ip
  user.lastLoginApp = app.id
  const tokens = await emu.tokens.startSession(user, app, options.scope, connection)
  // Authing's docs call the field expire_in while the SDK reads expires_in: send both unless told otherwise.
  return emu.config.mirrorExpireIn ? { ...tokens, expire_in: tokens.expires_in } : { ...tokens }
}
