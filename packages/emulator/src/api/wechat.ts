// WeChat helper endpoints: phone number from a phone code, decryption of encryptedData, the (deprecated) WeChat
// access token endpoints, and binding a WeChat identity to the logged-in user.
import { authenticate, identifyPool } from './caller'
import type { Emulator } from '../emulator'
import { errors, ok, required } from '../errors'
import { opaqueToken } from '../ids'
import { obj, str, type Static, type TypedServer } from '../schema'
import { emulatorUser, findConnection } from '../services/users'

export function wechatRoutes(app: TypedServer, emu: Emulator): void {
  const phoneSchema = obj({ extIdpConnidentifier: str(), code: str() }, ['extIdpConnidentifier', 'code'])
  app.post('/api/v3/get-wechat-miniprogram-phone', { schema: { body: phoneSchema } }, async (request) => {
    const pool = identifyPool(emu, request)
    const connection = findConnection(emu.state, pool.id, request.body.extIdpConnidentifier)
    const phone = emu.wechat.exchangePhoneCode(request.body.code)
    const watermark = { appid: connection.wechatAppId, timestamp: emu.clock.nowSeconds() }
    // Both shapes: the SDK reads data.phone_info, Authing's docs describe flat fields.
    return ok(request.id, { phone_info: { ...phone, watermark }, ...phone })
  })

  const decryptSchema = obj({ extIdpConnidentifier: str(), encryptedData: str({ maxLength: 65536 }), iv: str(), code: str() }, [
    'extIdpConnidentifier',
    'encryptedData',
    'iv',
    'code',
  ])
  app.post('/api/v3/decrypt-wechat-miniprogram-data', { schema: { body: decryptSchema } }, async (request) => {
    const pool = identifyPool(emu, request)
    findConnection(emu.state, pool.id, request.body.extIdpConnidentifier)
    const session = emu.wechat.exchangeLoginCode(request.body.code)
    return ok(request.id, emu.wechat.decrypt(session, request.body.encryptedData, request.body.iv))
  })

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

  // 5.1.11–5.1.13 nest the optional fields under `options`; 5.1.14+ send them flat.
  const bindFields = { iv: str(), encryptedData: str({ maxLength: 65536 }), rawData: str({ maxLength: 65536 }) }
  const bindSchema = obj({ code: str(), extIdpConnidentifier: str(), ...bindFields, options: obj(bindFields) }, ['code'])
  app.post('/connections/social/wechat-miniprogram/bind', { schema: { body: bindSchema } }, async (request) => {
    const { user } = await authenticate(emu, request)
    const body = request.body
    const connection = findConnection(emu.state, user.userPoolId, body.extIdpConnidentifier)
    const session = emu.wechat.exchangeLoginCode(required(body.code, 'code'))
    const encryptedData = body.encryptedData ?? body.options?.encryptedData
    const iv = body.iv ?? body.options?.iv
    const userInfo = encryptedData && iv ? emu.wechat.decrypt(session, encryptedData, iv) : undefined
    emu.wechat.linkIdentity(user, connection, session, userInfo)
    user.updatedAt = emu.clock.iso()
    // A legacy route: answer with both the V3 `statusCode` and the V2 `code`.
    const { hasPassword: _hasPassword, userPoolId: _userPoolId, ...dto } = emulatorUser(user)
    return { ...ok(request.id, dto), code: 200 }
  })
}
