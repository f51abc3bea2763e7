// Douyin (抖音) mini program endpoints: code and code + phone logins (through /api/v3/signin-by-mobile), the phone
// number and data decryption, and binding a Douyin identity to the logged-in user. On Douyin the phone number arrives
// encrypted (`{ encryptedData, iv }` from a getPhoneNumber button) and is decrypted with a login code's session key.
import { identifyPool } from './caller'
import type { Emulator } from '../emulator'
import { ok, required } from '../errors'
import { obj, str, type Static, type TypedServer } from '../schema'
import type { UserRecord } from '../state'
import type { AppInfo } from '../types'
import { bindRoute, decryptRoute } from './wechat'

export const DOUYIN_CONNECTIONS = ['douyin_mini_program_code', 'douyin_mini_program_code_and_phone'] as const
export type DouyinConnection = (typeof DOUYIN_CONNECTIONS)[number]

const loginParams = obj({ code: str(), encryptedData: str({ maxLength: 65536 }), iv: str() })
/** `loginParams` (the login code, with optional user data) and `phoneParams` (the button's encrypted phone). */
export const douyinPhoneFields = {
  loginParams,
  phoneParams: obj({ encryptedData: str({ maxLength: 65536 }), iv: str() }),
}
const phonePayload = obj(douyinPhoneFields)

/** The Douyin fields of a /api/v3/signin-by-mobile body. */
export interface DouyinMobileBody {
  connection: DouyinConnection
  extIdpConnidentifier: string
  douyinMiniProgramCodePayload?: Static<typeof loginParams>
  douyinMiniProgramCodeAndPhonePayload?: Static<typeof phonePayload>
  miniProgramCodeAndPhonePayload?: Static<typeof phonePayload>
}

/** The user of a Douyin code login or code + phone login (created when new, if registration is allowed). */
export async function douyinLogin(emu: Emulator, app: AppInfo, body: DouyinMobileBody): Promise<UserRecord> {
  const { douyin } = emu
  const connection = douyin.connection(app.userPoolId, body.extIdpConnidentifier)
  if (body.connection === 'douyin_mini_program_code') {
    const payload = required(body.douyinMiniProgramCodePayload, 'douyinMiniProgramCodePayload')
    const session = douyin.exchangeLoginCode(required(payload.code, 'douyinMiniProgramCodePayload.code'))
    // "" means no user data (already dropped).
    const userInfo = payload.encryptedData && payload.iv ? douyin.decrypt(session, payload.encryptedData, payload.iv) : undefined
    return douyin.findOrCreateUser(connection, session, userInfo)
  }
  const name = body.douyinMiniProgramCodeAndPhonePayload ? 'douyinMiniProgramCodeAndPhonePayload' : 'miniProgramCodeAndPhonePayload'
  const payload = required(body.douyinMiniProgramCodeAndPhonePayload ?? body.miniProgramCodeAndPhonePayload, name)
  const encryptedData = required(payload.phoneParams?.encryptedData, `${name}.phoneParams.encryptedData`)
  const iv = required(payload.phoneParams?.iv, `${name}.phoneParams.iv`)
  const session = douyin.exchangeLoginCode(required(payload.loginParams?.code, `${name}.loginParams.code`))
  const phone = douyin.decryptPhone(session, encryptedData, iv)
  const user = await douyin.findOrCreateUser(connection, session)
  douyin.assignPhoneIfFree(user, phone)
  return user
}

export function douyinRoutes(app: TypedServer, emu: Emulator): void {
  const phoneSchema = obj({ extIdpConnidentifier: str(), code: str(), encryptedData: str({ maxLength: 65536 }), iv: str() }, [
    'extIdpConnidentifier',
    'code',
    'encryptedData',
    'iv',
  ])
  app.post('/api/v3/decrypt-douyin-miniprogram-phone', { schema: { body: phoneSchema } }, async (request) => {
    const pool = identifyPool(emu, request)
    const connection = emu.douyin.connection(pool.id, request.body.extIdpConnidentifier)
    const session = emu.douyin.exchangeLoginCode(request.body.code)
    const phone = emu.douyin.decryptPhone(session, request.body.encryptedData, request.body.iv)
    const watermark = { appid: connection.wechatAppId, timestamp: emu.clock.nowSeconds() }
    // Both shapes, as for WeChat: the SDK reads data.phone_info, Authing's docs describe flat fields.
    return ok(request.id, { phone_info: { ...phone, watermark }, ...phone })
  })
  decryptRoute(app, emu, emu.douyin, '/api/v3/decrypt-douyin-miniprogram-data')
  bindRoute(app, emu, emu.douyin, '/connections/social/douyin-miniprogram/bind')
}
