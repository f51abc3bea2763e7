// Binding and changing e-mail / phone, and deleting the account (docs/protocol.md §4.16–4.18). The change and delete
// flows verify first and hand out a short-lived single-use token that the second call redeems.
import { passwordMatches } from '../crypto/password'
import type { Emulator } from '../emulator'
import { errors, ok, required } from '../errors'
import { obj, oneOf, str, type Static, type TypedServer } from '../schema'
import type { CodeTarget } from '../services/codes'
import { assertUnique, checkEmail, checkPhone, normalizeCountryCode } from '../services/users'
import type { UserRecord, VerificationCodeRecord } from '../state'
import { authenticate } from './caller'
import { ENCRYPT_TYPES } from './signin'

const emailTarget = (user: UserRecord, email: string): CodeTarget => ({
  userPoolId: user.userPoolId,
  kind: 'email',
  target: email,
  phoneCountryCode: null,
})
const phoneTarget = (user: UserRecord, phone: string, phoneCountryCode: string): CodeTarget => ({
  userPoolId: user.userPoolId,
  kind: 'sms',
  target: phone,
  phoneCountryCode,
})

function setEmail(emu: Emulator, user: UserRecord, email: string): void {
  assertUnique(emu.state, user.userPoolId, { email }, user.userId)
  Object.assign(user, { email, emailVerified: true, updatedAt: emu.clock.iso() })
}

function setPhone(emu: Emulator, user: UserRecord, phone: string, phoneCountryCode: string): void {
  assertUnique(emu.state, user.userPoolId, { phone, phoneCountryCode }, user.userId)
  Object.assign(user, { phone, phoneCountryCode, phoneVerified: true, updatedAt: emu.clock.iso() })
}

function emailRoutes(app: TypedServer, emu: Emulator): void {
  const bindSchema = obj({ email: str(), passCode: str() }, ['email', 'passCode'])
  app.post('/api/v3/bind-email', { schema: { body: bindSchema } }, async (request) => {
    const { user } = await authenticate(emu, request)
    if (user.email) throw errors.badRequest('The user already has an e-mail address; change it with verify-update-email-request')
    const email = checkEmail(request.body.email, 'email')
    assertUnique(emu.state, user.userPoolId, { email }, user.userId)
    emu.codes.consume(emu.codes.check(emailTarget(user, email), ['CHANNEL_BIND_EMAIL'], request.body.passCode))
    setEmail(emu, user, email)
    return ok(request.id, undefined, 'E-mail bound')
  })

  const changeSchema = obj(
    {
      verifyMethod: oneOf(['EMAIL_PASSCODE']),
      emailPassCodePayload: obj({ newEmail: str(), newEmailPassCode: str(), oldEmail: str(), oldEmailPassCode: str() }, [
        'newEmail',
        'newEmailPassCode',
      ]),
    },
    ['verifyMethod', 'emailPassCodePayload'],
  )
  app.post('/api/v3/verify-update-email-request', { schema: { body: changeSchema } }, async (request) => {
    const { user } = await authenticate(emu, request)
    const payload = request.body.emailPassCodePayload
    const newEmail = checkEmail(payload.newEmail, 'emailPassCodePayload.newEmail')
    if (newEmail === user.email) throw errors.badRequest('emailPassCodePayload.newEmail is already the e-mail address of this user')
    assertUnique(emu.state, user.userPoolId, { email: newEmail }, user.userId)
    const codes = [emu.codes.check(emailTarget(user, newEmail), ['CHANNEL_UPDATE_EMAIL'], payload.newEmailPassCode)]
    if (payload.oldEmail !== undefined || (emu.config.verifyOldContact && user.email)) {
      const oldEmail = checkEmail(required(payload.oldEmail, 'emailPassCodePayload.oldEmail'), 'emailPassCodePayload.oldEmail')
      if (oldEmail !== user.email) throw errors.badRequest('emailPassCodePayload.oldEmail is not the e-mail address of this user')
      const oldCode = required(payload.oldEmailPassCode, 'emailPassCodePayload.oldEmailPassCode')
      codes.push(emu.codes.check(emailTarget(user, oldEmail), ['CHANNEL_UPDATE_EMAIL'], oldCode))
    }
    codes.forEach((code) => emu.codes.consume(code))
    const { token, expiresIn } = emu.actionTokens.issue('update-email', user.userId, { email: newEmail })
    return ok(request.id, { updateEmailToken: token, tokenExpiresIn: expiresIn })
  })

  const updateSchema = obj({ updateEmailToken: str() }, ['updateEmailToken'])
  app.post('/api/v3/update-email', { schema: { body: updateSchema } }, async (request) => {
    const { user } = await authenticate(emu, request)
    const record = emu.actionTokens.redeem('update-email', request.body.updateEmailToken, user.userId, 'updateEmailToken')
    setEmail(emu, user, record.email ?? '')
    return ok(request.id, { success: true })
  })
}

function phoneRoutes(app: TypedServer, emu: Emulator): void {
  const bindSchema = obj({ phoneNumber: str(), passCode: str(), phoneCountryCode: str() }, ['phoneNumber', 'passCode'])
  app.post('/api/v3/bind-phone', { schema: { body: bindSchema } }, async (request) => {
    const { user } = await authenticate(emu, request)
    if (user.phone) throw errors.badRequest('The user already has a phone number; change it with verify-update-phone-request')
    const phone = checkPhone(request.body.phoneNumber, 'phoneNumber')
    const phoneCountryCode = normalizeCountryCode(request.body.phoneCountryCode)
    assertUnique(emu.state, user.userPoolId, { phone, phoneCountryCode }, user.userId)
    emu.codes.consume(emu.codes.check(phoneTarget(user, phone, phoneCountryCode), ['CHANNEL_BIND_PHONE'], request.body.passCode))
    setPhone(emu, user, phone, phoneCountryCode)
    return ok(request.id, undefined, 'Phone bound')
  })

  const changeSchema = obj(
    {
      verifyMethod: oneOf(['PHONE_PASSCODE']),
      phonePassCodePayload: obj(
        {
          newPhoneNumber: str(),
          newPhonePassCode: str(),
          newPhoneCountryCode: str(),
          oldPhoneNumber: str(),
          oldPhonePassCode: str(),
          oldPhoneCountryCode: str(),
        },
        ['newPhoneNumber', 'newPhonePassCode'],
      ),
    },
    ['verifyMethod', 'phonePassCodePayload'],
  )
  app.post('/api/v3/verify-update-phone-request', { schema: { body: changeSchema } }, async (request) => {
    const { user } = await authenticate(emu, request)
    const payload = request.body.phonePassCodePayload
    const phone = checkPhone(payload.newPhoneNumber, 'phonePassCodePayload.newPhoneNumber')
    const phoneCountryCode = normalizeCountryCode(payload.newPhoneCountryCode, 'phonePassCodePayload.newPhoneCountryCode')
    if (phone === user.phone && phoneCountryCode === user.phoneCountryCode) {
      throw errors.badRequest('phonePassCodePayload.newPhoneNumber is already the phone number of this user')
    }
    assertUnique(emu.state, user.userPoolId, { phone, phoneCountryCode }, user.userId)
    // There is no "update phone" SMS channel; the new number is verified with a CHANNEL_BIND_PHONE code.
    const codes = [emu.codes.check(phoneTarget(user, phone, phoneCountryCode), ['CHANNEL_BIND_PHONE'], payload.newPhonePassCode)]
    if (payload.oldPhoneNumber !== undefined || (emu.config.verifyOldContact && user.phone)) {
      const oldPhone = checkPhone(
        required(payload.oldPhoneNumber, 'phonePassCodePayload.oldPhoneNumber'),
        'phonePassCodePayload.oldPhoneNumber',
      )
      const oldCountryCode = normalizeCountryCode(payload.oldPhoneCountryCode, 'phonePassCodePayload.oldPhoneCountryCode')
      if (oldPhone !== user.phone || oldCountryCode !== user.phoneCountryCode) {
        throw errors.badRequest('phonePassCodePayload.oldPhoneNumber is not the phone number of this user')
      }
      const oldCode = required(payload.oldPhonePassCode, 'phonePassCodePayload.oldPhonePassCode')
      codes.push(emu.codes.check(phoneTarget(user, oldPhone, oldCountryCode), ['CHANNEL_UNBIND_PHONE', 'CHANNEL_BIND_PHONE'], oldCode))
    }
    codes.forEach((code) => emu.codes.consume(code))
    const { token, expiresIn } = emu.actionTokens.issue('update-phone', user.userId, { phone, phoneCountryCode })
    return ok(request.id, { updatePhoneToken: token, tokenExpiresIn: expiresIn })
  })

  const updateSchema = obj({ updatePhoneToken: str() }, ['updatePhoneToken'])
  app.post('/api/v3/update-phone', { schema: { body: updateSchema } }, async (request) => {
    const { user } = await authenticate(emu, request)
    const record = emu.actionTokens.redeem('update-phone', request.body.updatePhoneToken, user.userId, 'updatePhoneToken')
    setPhone(emu, user, record.phone ?? '', record.phoneCountryCode ?? '+86')
    return ok(request.id, { success: true })
  })
}

/** Checks the proof of a delete-account request; codes come from CHANNEL_DELETE_ACCOUNT. */
const deleteRequestSchema = obj(
  {
    verifyMethod: oneOf(['PHONE_PASSCODE', 'EMAIL_PASSCODE', 'PASSWORD']),
    phonePassCodePayload: obj({ phoneNumber: str(), passCode: str(), phoneCountryCode: str() }),
    emailPassCodePayload: obj({ email: str(), passCode: str() }),
    passwordPayload: obj({ password: str(), passwordEncryptType: oneOf(ENCRYPT_TYPES) }),
  },
  ['verifyMethod'],
)

async function verifyDeletion(
  emu: Emulator,
  user: UserRecord,
  body: Static<typeof deleteRequestSchema>,
): Promise<VerificationCodeRecord | undefined> {
  switch (body.verifyMethod) {
    case 'PHONE_PASSCODE': {
      const payload = required(body.phonePassCodePayload, 'phonePassCodePayload')
      const phone = checkPhone(required(payload.phoneNumber, 'phonePassCodePayload.phoneNumber'), 'phonePassCodePayload.phoneNumber')
      const phoneCountryCode = normalizeCountryCode(payload.phoneCountryCode, 'phonePassCodePayload.phoneCountryCode')
      if (phone !== user.phone || phoneCountryCode !== user.phoneCountryCode) {
        throw errors.badRequest('phonePassCodePayload.phoneNumber is not the phone number of this user')
      }
      const passCode = required(payload.passCode, 'phonePassCodePayload.passCode')
      return emu.codes.check(phoneTarget(user, phone, phoneCountryCode), ['CHANNEL_DELETE_ACCOUNT'], passCode)
    }
    case 'EMAIL_PASSCODE': {
      const payload = required(body.emailPassCodePayload, 'emailPassCodePayload')
      const email = checkEmail(required(payload.email, 'emailPassCodePayload.email'), 'emailPassCodePayload.email')
      if (email !== user.email) throw errors.badRequest('emailPassCodePayload.email is not the e-mail address of this user')
      const passCode = required(payload.passCode, 'emailPassCodePayload.passCode')
      return emu.codes.check(emailTarget(user, email), ['CHANNEL_DELETE_ACCOUNT'], passCode)
    }
    case 'PASSWORD': {
      if (user.phone || user.email) {
        throw errors.badRequest('verifyMethod PASSWORD is only for users without phone and e-mail; use PHONE_PASSCODE or EMAIL_PASSCODE')
      }
      const payload = required(body.passwordPayload, 'passwordPayload')
      const password = required(payload.password, 'passwordPayload.password')
      if (user.passwordHash === null) throw errors.badRequest('This user has no password; PASSWORD verification is not possible')
      if (!(await passwordMatches(user.passwordHash, password, payload.passwordEncryptType ?? 'none', emu.keys)))
        throw errors.wrongPassword()
      return undefined
    }
  }
}

function deleteRoutes(app: TypedServer, emu: Emulator): void {
  app.post('/api/v3/verify-delete-account-request', { schema: { body: deleteRequestSchema } }, async (request) => {
    const { user } = await authenticate(emu, request)
    const code = await verifyDeletion(emu, user, request.body)
    if (code) emu.codes.consume(code)
    const { token, expiresIn } = emu.actionTokens.issue('delete-account', user.userId)
    return ok(request.id, { deleteAccountToken: token, tokenExpiresIn: expiresIn })
  })

  const deleteSchema = obj({ deleteAccountToken: str() }, ['deleteAccountToken'])
  app.post('/api/v3/delete-account', { schema: { body: deleteSchema } }, async (request) => {
    const { user } = await authenticate(emu, request)
    emu.actionTokens.redeem('delete-account', request.body.deleteAccountToken, user.userId, 'deleteAccountToken')
    emu.state.users.delete(user.userId)
    emu.tokens.forgetUser(user.userId)
    return ok(request.id, { success: true })
  })
}

export function accountRoutes(app: TypedServer, emu: Emulator): void {
  emailRoutes(app, emu)
  phoneRoutes(app, emu)
  deleteRoutes(app, emu)
}
