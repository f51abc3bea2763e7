// POST /api/v3/send-sms and POST /api/v3/send-email — issue a verification code (read it on the control plane).
import type { Emulator } from '../emulator'
import { ok } from '../errors'
import { obj, oneOf, str, type TypedServer } from '../schema'
import { checkEmail, checkPhone, normalizeCountryCode } from '../services/users'
import { identifyPool } from './caller'

export const SMS_CHANNELS = [
  'CHANNEL_LOGIN',
  'CHANNEL_REGISTER',
  'CHANNEL_RESET_PASSWORD',
  'CHANNEL_BIND_PHONE',
  'CHANNEL_UNBIND_PHONE',
  'CHANNEL_BIND_MFA',
  'CHANNEL_VERIFY_MFA',
  'CHANNEL_UNBIND_MFA',
  'CHANNEL_COMPLETE_PHONE',
  'CHANNEL_IDENTITY_VERIFICATION',
  'CHANNEL_DELETE_ACCOUNT',
] as const

export const EMAIL_CHANNELS = [
  'CHANNEL_LOGIN',
  'CHANNEL_REGISTER',
  'CHANNEL_RESET_PASSWORD',
  'CHANNEL_VERIFY_EMAIL_LINK',
  'CHANNEL_UPDATE_EMAIL',
  'CHANNEL_BIND_EMAIL',
  'CHANNEL_UNBIND_EMAIL',
  'CHANNEL_VERIFY_MFA',
  'CHANNEL_UNLOCK_ACCOUNT',
  'CHANNEL_COMPLETE_EMAIL',
  'CHANNEL_DELETE_ACCOUNT',
] as const

export function sendCodeRoutes(app: TypedServer, emu: Emulator): void {
  const smsSchema = obj({ phoneNumber: str(), channel: oneOf(SMS_CHANNELS), phoneCountryCode: str() }, ['phoneNumber', 'channel'])
  app.post('/api/v3/send-sms', { schema: { body: smsSchema } }, async (request) => {
    const pool = identifyPool(emu, request)
    const phone = checkPhone(request.body.phoneNumber, 'phoneNumber')
    const phoneCountryCode = normalizeCountryCode(request.body.phoneCountryCode)
    const record = emu.codes.send({ userPoolId: pool.id, kind: 'sms', target: phone, phoneCountryCode }, request.body.channel)
    emu.requestLog.note(
      request,
      `SMS code ${record.code} for ${phoneCountryCode} ${phone} (${record.channel}), valid ${emu.config.codeLifetime}s`,
    )
    return ok(request.id, undefined, 'SMS sent')
  })

  const emailSchema = obj({ email: str(), channel: oneOf(EMAIL_CHANNELS) }, ['email', 'channel'])
  app.post('/api/v3/send-email', { schema: { body: emailSchema } }, async (request) => {
    const pool = identifyPool(emu, request)
    const email = checkEmail(request.body.email, 'email')
    const record = emu.codes.send({ userPoolId: pool.id, kind: 'email', target: email, phoneCountryCode: null }, request.body.channel)
    emu.requestLog.note(request, `E-mail code ${record.code} for ${email} (${record.channel}), valid ${emu.config.codeLifetime}s`)
    return ok(request.id, undefined, 'E-mail sent')
  })
}
