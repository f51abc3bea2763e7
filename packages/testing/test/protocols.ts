// What differs between WeChat and Douyin in the end-to-end suites: the identity source, the payload a code login
// sends, where a phone number comes from, and which codes the emulator minted.
import { DEMO, type RunningEmulator } from '@authing/miniapp-emulator'
import type { GetPhoneParams, LoginByPhoneParams } from '@authing/miniapp-core'
import type { BaseControls, RuntimeControls, TtControls } from '@authing/miniapp-testing'

/** The platform protocol a suite runs: WeChat's or Douyin's. */
export interface Protocol {
  /** `wx` or `tt`. */
  name: 'wx' | 'tt'
  /** The emulator's demo identity source for this platform. */
  extIdpConnidentifier: string
  /** The provider of the identities a login creates. */
  provider: 'wechat' | 'douyin'
  /** Where a code login puts the platform login code. */
  codeOf(body: Record<string, { code?: string }>): string | undefined
  /** The arguments of getPhone and loginByPhone for a phone number, from the runtime (what a button hands over). */
  phone(runtime: BaseControls, phoneNumber: string): Promise<{ getPhone: GetPhoneParams; loginByPhone: LoginByPhoneParams }>
  /** The login codes the emulator minted for this platform. */
  mintedCodes(emulator: RunningEmulator): Promise<{ code: string; openid: string | null; used: boolean }[]>
}

export const WECHAT: Protocol = {
  name: 'wx',
  extIdpConnidentifier: DEMO.extIdpConnidentifier,
  provider: 'wechat',
  codeOf: (body) => body.wechatMiniProgramCodePayload?.code,
  async phone(runtime, phoneNumber) {
    const phoneCode = (runtime as RuntimeControls).phoneCode
    return {
      getPhone: { extIdpConnidentifier: DEMO.extIdpConnidentifier, code: await phoneCode(phoneNumber) },
      loginByPhone: {
        extIdpConnidentifier: DEMO.extIdpConnidentifier,
        wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: { code: await phoneCode(phoneNumber) } },
      },
    }
  },
  mintedCodes: (emulator) => emulator.client.wechatCodes(),
}

export const DOUYIN: Protocol = {
  name: 'tt',
  extIdpConnidentifier: DEMO.douyinExtIdpConnidentifier,
  provider: 'douyin',
  codeOf: (body) => body.douyinMiniProgramCodePayload?.code,
  async phone(runtime, phoneNumber) {
    const tt = runtime as TtControls
    // The button's data is encrypted with the session key of a Douyin login: the page logs in to Douyin first.
    await (runtime as unknown as { login(): Promise<unknown> }).login()
    const phoneParams = await tt.phoneNumber(phoneNumber)
    return {
      getPhone: Object.assign({ extIdpConnidentifier: DEMO.douyinExtIdpConnidentifier }, phoneParams),
      loginByPhone: { extIdpConnidentifier: DEMO.douyinExtIdpConnidentifier, miniProgramCodeAndPhonePayload: { phoneParams } },
    }
  },
  mintedCodes: (emulator) => emulator.client.douyinCodes(),
}
