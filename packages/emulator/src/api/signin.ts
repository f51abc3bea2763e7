// POST /api/v3/signin (PASSWORD, PASSCODE) and POST /api/v3/signin-by-mobile (WeChat and Douyin code, code + phone, phone).
import type { FastifyRequest } from 'fastify'
import { verifyPassword } from '../crypto/hash'
import { decryptPassword } from '../crypto/password'
import type { Emulator } from '../emulator'
import { errors, ok, required } from '../errors'
import { anyObject, anything, bool, obj, oneOf, str, type Static, type TypedServer } from '../schema'
import type { CodeTarget } from '../services/codes'
import { checkEmail, checkPhone, createUser, findUser, normalizeCountryCode, type UserLookup } from '../services/users'
import type { WechatPhone } from '../services/wechat'
import type { UserRecord } from '../state'
import type { AppInfo, NewUser } from '../types'
import { identifyApp } from './caller'
import { DOUYIN_CONNECTIONS, douyinLogin, douyinPhoneFields } from './douyin'

export const ENCRYPT_TYPES = ['none', 'rsa', 'sm2'] as const

/** The `options` object of the login endpoints. */
const loginOptions = obj({
  scope: str(),
  passwordEncryptType: oneOf(ENCRYPT_TYPES),
  autoRegister: bool(),
  clientIp: str(),
  tenantId: str(),
  customData: anyObject(),
  context: anything(),
  captchaCode: str(),
  captchaToken: str(),
})

const signinSchema = obj(
  {
    connection: oneOf(['PASSWORD', 'PASSCODE']),
    passwordPayload: obj({ password: str(), account: str(), username: str(), email: str(), phone: str() }),
    passCodePayload: obj({ passCode: str(), phone: str(), email: str(), phoneCountryCode: str() }),
    options: loginOptions,
    client_id: str(),
  },
  ['connection'],
)

type LoginOptions = Static<typeof loginOptions>
type SigninBody = Static<typeof signinSchema>

const codePayload = obj({ code: str(), encryptedData: str({ maxLength: 65536 }), iv: str() })
const codeAndPhonePayload = obj({ wxPhoneInfo: obj({ code: str() }), wxLoginInfo: codePayload, ...douyinPhoneFields })

const mobileSchema = obj(
  {
    connection: oneOf([
      'wechat_mini_program_code',
      'wechat_mini_program_code_and_phone',
      'wechat_mini_program_phone',
      ...DOUYIN_CONNECTIONS,
    ]),
    extIdpConnidentifier: str(),
    wechatMiniProgramCodePayload: codePayload,
    wechatMiniProgramCodeAndPhonePayload: codeAndPhonePayload,
    miniProgramCodeAndPhonePayload: codeAndPhonePayload,
    wechatMiniProgramPhonePayload: codePayload,
    douyinMiniProgramCodePayload: codePayload,
    douyinMiniProgramCodeAndPhonePayload: obj(douyinPhoneFields),
    options: loginOptions,
    client_id: str(),
  },
  ['connection', 'extIdpConnidentifier'],
)

type MobileBody = Static<typeof mobileSchema>

/** Registration through a login (`autoRegister`), subject to the registration switch. */
async function register(emu: Emulator, app: AppInfo, fields: NewUser): Promise<UserRecord> {
  if (!emu.config.allowRegistration) throw errors.registrationDisabled()
  return createUser(
    { ...fields, userPoolId: app.userPoolId },
    { state: emu.state, nowIso: emu.clock.iso(), source: 'register', defaultPoolId: app.userPoolId },
  )
}

async function passwordLogin(emu: Emulator, app: AppInfo, body: SigninBody): Promise<UserRecord> {
  const payload = required(body.passwordPayload, 'passwordPayload')
  const ciphertext = required(payload.password, 'passwordPayload.password')
  const type = body.options?.passwordEncryptType ?? 'none'
  const password = decryptPassword(ciphertext, type, emu.keys)
  if (password === undefined) throw errors.decryptFailed('passwordPayload.password', type)

  if (payload.account !== undefined) {
    // `account` is ambiguous (username, e-mail or phone), so the answer does not say which part was wrong.
    const user = findUser(emu.state, app.userPoolId, { account: payload.account })
    if (!user || !(await verifyPassword(password, user.passwordHash))) throw errors.accountOrPassword()
    return user
  }
  let lookup: UserLookup
  if (payload.username !== undefined) lookup = { username: payload.username }
  else if (payload.email !== undefined) lookup = { email: checkEmail(payload.email, 'passwordPayload.email') }
  else if (payload.phone !== undefined) lookup = { phone: checkPhone(payload.phone, 'passwordPayload.phone') }
  else throw errors.badRequest('passwordPayload.account (or username, email, phone) should not be empty')

  const user = findUser(emu.state, app.userPoolId, lookup)
  if (!user) {
    if (!body.options?.autoRegister) throw errors.userNotFound()
    return register(emu, app, { ...lookup, password })
  }
  if (!(await verifyPassword(password, user.passwordHash))) throw errors.wrongPassword()
  return user
}

/** Where a passcode was sent, how to find its user, and what to register when there is none. */
function passCodeTarget(
  userPoolId: string,
  payload: NonNullable<SigninBody['passCodePayload']>,
): { target: CodeTarget; lookup: UserLookup; registration: NewUser } {
  if (payload.phone !== undefined) {
    const phone = checkPhone(payload.phone, 'passCodePayload.phone')
    const phoneCountryCode = normalizeCountryCode(payload.phoneCountryCode, 'passCodePayload.phoneCountryCode')
    return {
      target: { userPoolId, kind: 'sms', target: phone, phoneCountryCode },
      lookup: { phone, phoneCountryCode },
      registration: { phone, phoneCountryCode, phoneVerified: true },
    }
  }
  if (payload.email !== undefined) {
    const email = checkEmail(payload.email, 'passCodePayload.email')
    return {
      target: { userPoolId, kind: 'email', target: email, phoneCountryCode: null },
      lookup: { email },
      registration: { email, emailVerified: true },
    }
  }
  throw errors.badRequest('passCodePayload.phone (or email) should not be empty')
}

async function passCodeLogin(emu: Emulator, app: AppInfo, body: SigninBody): Promise<UserRecord> {
  const payload = required(body.passCodePayload, 'passCodePayload')
  const passCode = required(payload.passCode, 'passCodePayload.passCode')
  const { target, lookup, registration } = passCodeTarget(app.userPoolId, payload)
  const code = emu.codes.check(target, ['CHANNEL_LOGIN'], passCode)
  const found = findUser(emu.state, app.userPoolId, lookup)
  if (!found && !body.options?.autoRegister) throw errors.userNotFound()
  const user = found ?? (await register(emu, app, registration))
  // Consumed only once the login succeeds, so a missing autoRegister does not cost the user a new code.
  emu.codes.consume(code)
  return user
}

async function wechatLogin(emu: Emulator, app: AppInfo, body: MobileBody): Promise<UserRecord> {
  if (body.connection === 'douyin_mini_program_code' || body.connection === 'douyin_mini_program_code_and_phone') {
    return douyinLogin(emu, app, { ...body, connection: body.connection })
  }
  const { wechat } = emu
  const connection = wechat.connection(app.userPoolId, body.extIdpConnidentifier)
  switch (body.connection) {
    case 'wechat_mini_program_code': {
      const payload = required(body.wechatMiniProgramCodePayload, 'wechatMiniProgramCodePayload')
      const session = wechat.exchangeLoginCode(required(payload.code, 'wechatMiniProgramCodePayload.code'))
      // Legacy wx.getUserProfile data; "" means none (already dropped).
      const userInfo = payload.encryptedData && payload.iv ? wechat.decrypt(session, payload.encryptedData, payload.iv) : undefined
      return wechat.findOrCreateUser(connection, session, userInfo)
    }
    case 'wechat_mini_program_code_and_phone': {
      const name = body.wechatMiniProgramCodeAndPhonePayload ? 'wechatMiniProgramCodeAndPhonePayload' : 'miniProgramCodeAndPhonePayload'
      const payload = required(body.wechatMiniProgramCodeAndPhonePayload ?? body.miniProgramCodeAndPhonePayload, name)
      const phoneCode = required(payload.wxPhoneInfo?.code, `${name}.wxPhoneInfo.code`)
      const loginCode = required(payload.wxLoginInfo?.code, `${name}.wxLoginInfo.code`)
      const session = wechat.exchangeLoginCode(loginCode)
      const phone = wechat.exchangePhoneCode(phoneCode)
      const user = await wechat.findOrCreateUser(connection, session)
      wechat.assignPhoneIfFree(user, phone)
      return user
    }
    case 'wechat_mini_program_phone': {
      const payload = required(body.wechatMiniProgramPhonePayload, 'wechatMiniProgramPhonePayload')
      const code = required(payload.code, 'wechatMiniProgramPhonePayload.code')
      const encryptedData = required(payload.encryptedData, 'wechatMiniProgramPhonePayload.encryptedData')
      const iv = required(payload.iv, 'wechatMiniProgramPhonePayload.iv')
      const session = wechat.exchangeLoginCode(code)
      const data = wechat.decrypt(session, encryptedData, iv)
      if (typeof data.purePhoneNumber !== 'string') throw errors.badRequest('encryptedData does not contain a phone number')
      const phone: WechatPhone = {
        phoneNumber: String(data.phoneNumber ?? data.purePhoneNumber),
        purePhoneNumber: data.purePhoneNumber,
        countryCode: String(data.countryCode ?? '86'),
      }
      const user = await wechat.findOrCreateUser(connection, session)
      wechat.assignPhoneIfFree(user, phone)
      return user
    }
  }
}

/** What every successful login does, whatever the method: status check, login statistics, a new session. */
async function completeLogin(
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

export function signinRoutes(app: TypedServer, emu: Emulator): void {
  const login = async (request: FastifyRequest, user: UserRecord, target: AppInfo, options: LoginOptions | undefined, connection: string) =>
    ok(request.id, await completeLogin(emu, request, user, target, options ?? {}, connection))

  app.post('/api/v3/signin', { schema: { body: signinSchema } }, async (request) => {
    const body = request.body
    const target = identifyApp(emu, request, body.client_id)
    const user = body.connection === 'PASSWORD' ? await passwordLogin(emu, target, body) : await passCodeLogin(emu, target, body)
    return login(request, user, target, body.options, body.connection)
  })

  app.post('/api/v3/signin-by-mobile', { schema: { body: mobileSchema } }, async (request) => {
    const body = request.body
    const target = identifyApp(emu, request, body.client_id)
    const user = await wechatLogin(emu, target, body)
    return login(request, user, target, body.options, body.connection)
  })
}
