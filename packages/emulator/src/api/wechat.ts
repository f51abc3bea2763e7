// WeChat helper endpoints: phone number from a phone code, decryption of encryptedData, the (deprecated) WeChat
// access token endpoints, and binding a WeChat identity to the logged-in user. Douyin has the same decryption and
// binding endpoints under its own paths (api/douyin.ts registers them with decryptRoute and bindRoute).
import type { Emulator } from '../emulator'
import { errors, ok, required } from '../errors'
import { opaqueToken } from '../ids'
import { obj, str, type Static, type TypedServer } from '../schema'
import { emulatorUser } from '../services/users'
import type { Wechat } from '../services/wechat'
import { authenticate, identifyPool } from './caller'

export function wechatRoutes(app: TypedServer, emu: Emulator): void {
  const phoneSchema = obj({ extIdpConnidentifier: str(), code: str() }, ['extIdpConnidentifier', 'code'])
  app.post('/api/v3/get-wechat-miniprogram-phone', { schema: { body: phoneSchema } }, async (request) => {
    const pool = identifyPool(emu, request)
    const connection = emu.wechat.connection(pool.id, request.body.extIdpConnidentifier)
    const phone = emu.wechat.exchangePhoneCode(request.body.code)
    const watermark = { appid: connection.wechatAppId, timestamp: emu.clock.nowSeconds() }
    // Both shapes: the SDK reads data.phone_info, Authing's docs describe flat fields.
    return ok(request.id, { phone_info: { ...phone, watermark }, ...phone })
  })

  decryptRoute(app, emu, emu.wechat, '/api/v3/decrypt-wechat-miniprogram-data')

  const accessTokenSchema = obj({ appId: str(), appSecret: str() }, ['appId', 'appSecret'])
  const accessToken = async (request: { body: Static<typeof accessTokenSchema> }, userPoolId: string) => {
    const connection = [...emu.state.connections.values()].find(
      (item) => item.userPoolId === userPoolId && item.wechatAppId === request.body.appId,
    )
    if (!connection) throw errors.wechat(40013, 'invalid appid')
    if (connection.wechatAppSecret !== request.body.appSecret) throw errors.wechat(40125, 'invalid appsecret')
    return { accessToken: opaqueToken(48), expiresAt: emu.clock.nowSeconds() + 7200 }
  }
  for (const path of ['/api/v3/get-wechat-access-token', '/api/v3/get-wechat-access-token-info']) {
    app.post(path, { schema: { body: accessTokenSchema } }, async (request) => {
      const { user } = await authenticate(emu, request)
      return ok(request.id, await accessToken(request, user.userPoolId))
    })
  }

  bindRoute(app, emu, emu.wechat, '/connections/social/wechat-miniprogram/bind')
}

/** The decryption endpoint of a platform (WeChat or Douyin): `encryptedData` with the session key of a login code. */
export function decryptRoute(app: TypedServer, emu: Emulator, platform: Wechat, path: string): void {
  const decryptSchema = obj({ extIdpConnidentifier: str(), encryptedData: str({ maxLength: 65536 }), iv: str(), code: str() }, [
    'extIdpConnidentifier',
    'encryptedData',
    'iv',
    'code',
  ])
  app.post(path, { schema: { body: decryptSchema } }, async (request) => {
    const pool = identifyPool(emu, request)
    platform.connection(pool.id, request.body.extIdpConnidentifier)
    const session = platform.exchangeLoginCode(request.body.code)
    return ok(request.id, platform.decrypt(session, request.body.encryptedData, request.body.iv))
  })
}

/** The bind endpoint of a platform: links the identity of a login code to the logged-in user. */
export function bindRoute(app: TypedServer, emu: Emulator, platform: Wechat, path: string): void {
  // 5.1.11–5.1.13 nest the optional fields under `options`; 5.1.14+ send them flat.
  const bindFields = { iv: str(), encryptedData: str({ maxLength: 65536 }), rawData: str({ maxLength: 65536 }) }
  const bindSchema = obj({ code: str(), extIdpConnidentifier: str(), ...bindFields, options: obj(bindFields) }, ['code'])
  app.post(path, { schema: { body: bindSchema } }, async (request) => {
    const { user } = await authenticate(emu, request)
    const body = request.body
    const connection = platform.connection(user.userPoolId, body.extIdpConnidentifier)
    const session = platform.exchangeLoginCode(required(body.code, 'code'))
    const encryptedData = body.encryptedData ?? body.options?.encryptedData
    const iv = body.iv ?? body.options?.iv
    const userInfo = encryptedData && iv ? platform.decrypt(session, encryptedData, iv) : undefined
    platform.linkIdentity(user, connection, session, userInfo)
    user.updatedAt = emu.clock.iso()
    // A legacy route: answer with both the V3 `statusCode` and the V2 `code`.
    const { hasPassword: _hasPassword, userPoolId: _userPoolId, ...dto } = emulatorUser(user)
    return { ...ok(request.id, dto), code: 200 }
  })
}
