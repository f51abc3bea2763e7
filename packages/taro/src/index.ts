/**
 * @packageDocumentation
 * Authing for Taro apps (Taro 3 and 4): `import { Authing } from '@authing/miniapp-taro'`.
 * Re-exports everything of `@authing/miniapp-core`.
 *
 * Guide: [README](https://github.com/authing/miniapp-sdk/tree/main/packages/taro#readme).
 *
 * @module \@authing/miniapp-taro
 */
import Taro from '@tarojs/taro'
import { Authing as Client, createMiniProgramAdapter, type Adapter, type AuthingOptions, type MiniProgramApi } from '@authing/miniapp-core'

export * from '@authing/miniapp-core'

/**
 * The Taro adapter: Taro's APIs (which Taro maps to the mini program platform at run time), looked up when called.
 * @param api - a Taro-shaped object to use instead of `@tarojs/taro`
 */
export function createTaroAdapter(api?: MiniProgramApi): Adapter {
  const taro = api || (Taro as unknown as MiniProgramApi)
  if (!taro || typeof taro.request != 'function') {
    throw new TypeError('Authing: Taro.request is not available; @authing/miniapp-taro runs in a Taro app')
  }
  return createMiniProgramAdapter(taro)
}

/**
 * The Authing client bound to Taro.
 * @example
 * const authing = new Authing({ appId: 'AUTHING_APP_ID', host: 'https://my-app.authing.cn', userPoolId: 'USER_POOL_ID' })
 */
export class Authing extends Client {
  /** @throws TypeError when an option is missing or malformed, or when Taro's APIs are not available */
  constructor(options: AuthingOptions) {
    super(options, createTaroAdapter())
  }
}
