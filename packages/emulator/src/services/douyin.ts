// Simulated Douyin (抖音): `tt.login` codes work like WeChat's login codes (minted on the control plane, `mock:`
// codes, the opt-in dev identity, single use, AES-128-CBC `encryptedData` with the code's session key) — what differs
// is below: Douyin's errors, its own code store, a session key that lasts as long as the user's Douyin session, and
// phone numbers that arrive encrypted instead of as a phone code.
import type { ServiceContext } from './context'
import { errors } from '../errors'
import { newSessionKey } from '../crypto/wechat-aes'
import { Wechat, type PlatformTraits, type WechatPhone, type WechatSession } from './wechat'

const DOUYIN: PlatformTraits = {
  name: 'Douyin',
  loginApi: 'tt.login',
  connectionType: 'douyin:miniprogram',
  // code2session answers a bad, expired or used code alike (codes are single use).
  invalidCode: () => errors.douyin(40018, 'bad code'),
  usedCode: () => errors.douyin(40018, 'bad code: the code has been used'),
  devIdentity: (config) => config.douyinDevIdentity,
  // Douyin has no phone codes: the phone number comes encrypted with the session key.
  devPhone: () => null,
  codes: (state) => state.douyinCodes,
}

export class Douyin extends Wechat {
  constructor(context: ServiceContext) {
    super(context, DOUYIN)
  }

  /**
   * One session key per user while the Douyin session lasts, shared by its login codes: a page encrypts a
   * getPhoneNumber button's data with the session it has, and the SDK then sends a fresh code whose session key must
   * decrypt it.
   */
  protected override sessionKeyFor(openid: string): string {
    const latest = [...this.traits.codes(this.context.state).values()]
      .reverse()
      .find((record) => record.openid === openid && record.sessionKey)
    return latest?.sessionKey ?? newSessionKey()
  }

  /** The phone number in data a getPhoneNumber button handed over, decrypted with a login code's session key. */
  decryptPhone(session: WechatSession, encryptedData: string, iv: string): WechatPhone {
    const data = this.decrypt(session, encryptedData, iv)
    const pure = data.purePhoneNumber ?? data.phoneNumber
    if (typeof pure !== 'string' || !pure) throw errors.badRequest('encryptedData does not contain a phone number')
    const countryCode = String(data.countryCode ?? '86')
    return { phoneNumber: String(data.phoneNumber ?? pure), purePhoneNumber: pure, countryCode }
  }
}
