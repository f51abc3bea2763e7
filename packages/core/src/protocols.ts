// What differs on the wire between the mini program platforms: WeChat's and Douyin's login connections, payloads and
// endpoints. Both follow one naming scheme (`wechat…` / `douyin…`); only the phone number travels differently: a
// phone code on WeChat, the button's `{ encryptedData, iv }` on Douyin.
import type { Platform } from './adapter'

/** The protocol of one platform. */
export interface Protocol {
  /** `connection` and payload field of a code login. */
  codeConnection: string
  codePayload: string
  /** `connection` and payload field of a code + phone login. */
  phoneConnection: string
  phonePayload: string
  /** In the phone payload: where the phone goes and the fields it needs, and where the login code goes. */
  phoneKey: string
  phoneFields: string[]
  loginKey: string
  /** getPhone's endpoint (it takes the phone fields too), and whether the server needs a fresh login code to decrypt. */
  getPhonePath: string
  getPhoneWithCode: boolean
  /** decryptData's endpoint and the bind endpoint. */
  decryptPath: string
  bindPath: string
}

/** The protocol of a platform: WeChat's unless it is Douyin (`tt`). */
export function protocolOf(platform: Platform | undefined): Protocol {
  const douyin = platform == 'tt'
  const name = douyin ? 'douyin' : 'wechat'
  return {
    codeConnection: `${name}_mini_program_code`,
    codePayload: `${name}MiniProgramCodePayload`,
    phoneConnection: `${name}_mini_program_code_and_phone`,
    phonePayload: `${name}MiniProgramCodeAndPhonePayload`,
    phoneKey: douyin ? 'phoneParams' : 'wxPhoneInfo',
    phoneFields: douyin ? ['encryptedData', 'iv'] : ['code'],
    loginKey: douyin ? 'loginParams' : 'wxLoginInfo',
    getPhonePath: douyin ? 'decrypt-douyin-miniprogram-phone' : 'get-wechat-miniprogram-phone',
    getPhoneWithCode: douyin,
    decryptPath: `decrypt-${name}-miniprogram-data`,
    bindPath: `/connections/social/${name}-miniprogram/bind`,
  }
}
