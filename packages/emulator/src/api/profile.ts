// GET /api/v3/get-profile, POST /api/v3/update-profile, POST /api/v3/update-password.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { hashPassword } from '../crypto/hash'
import { decryptPassword, passwordMatches } from '../crypto/password'
import type { Emulator } from '../emulator'
import { errors, ok } from '../errors'
import { anyObject, each, flag, obj, oneOf, str, type TypedServer } from '../schema'
import { assertUnique, GENDERS, PROFILE_FIELDS, userDto } from '../services/users'
import { authenticate } from './caller'
import { ENCRYPT_TYPES } from './signin'

const profileSchema = obj({
  ...each(PROFILE_FIELDS, str),
  username: str(),
  gender: oneOf(GENDERS),
  customData: anyObject(),
})

export function profileRoutes(server: TypedServer, emu: Emulator): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  const querySchema = obj({ withCustomData: flag(), withIdentities: flag(), withDepartmentIds: flag() })
  app.get('/api/v3/get-profile', { schema: { querystring: querySchema } }, async (request) => {
    const { user } = await authenticate(emu, request)
    const query = request.query
    return ok(
      request.id,
      userDto(user, {
        withCustomData: query.withCustomData === 'true',
        withIdentities: query.withIdentities === 'true',
        withDepartmentIds: query.withDepartmentIds === 'true',
      }),
    )
  })

  app.post('/api/v3/update-profile', { schema: { body: profileSchema } }, async (request) => {
    const { user } = await authenticate(emu, request)
    const body = request.body
    // Only profile fields change here; e-mail, phone and password have their own endpoints.
    if (body.username !== undefined) {
      const username = body.username.trim()
      assertUnique(emu.state, user.userPoolId, { username }, user.userId)
      user.username = username
    }
    for (const field of PROFILE_FIELDS) if (body[field] !== undefined) user[field] = body[field] ?? null
    if (body.gender !== undefined) user.gender = body.gender
    if (body.customData !== undefined) user.customData = { ...user.customData, ...body.customData }
    user.updatedAt = emu.clock.iso()
    return ok(request.id, userDto(user, { withCustomData: body.customData !== undefined }))
  })

  const passwordSchema = obj({ newPassword: str(), oldPassword: str(), passwordEncryptType: oneOf(ENCRYPT_TYPES) }, ['newPassword'])
  app.post('/api/v3/update-password', { schema: { body: passwordSchema } }, async (request) => {
    const { user } = await authenticate(emu, request)
    const { newPassword: ciphertext, oldPassword, passwordEncryptType: type = 'none' } = request.body
    const newPassword = decryptPassword(ciphertext, type, emu.keys)
    if (newPassword === undefined) throw errors.decryptFailed('newPassword', type)
    if (user.passwordHash !== null) {
      if (oldPassword === undefined) throw errors.empty('oldPassword')
      if (!(await passwordMatches(user.passwordHash, oldPassword, type, emu.keys))) throw errors.wrongOldPassword()
    }
    user.passwordHash = await hashPassword(newPassword)
    user.passwordLastSetAt = emu.clock.iso()
    user.updatedAt = user.passwordLastSetAt
    return ok(request.id, undefined, 'Password updated')
  })
}
