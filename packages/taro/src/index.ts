/**
 * @packageDocumentation
 * Authing for Taro apps (Taro 3 and 4; WeChat, Douyin and H5 builds): `import { Authing } from '@authing/miniapp-taro'`.
 * Re-exports everything of `@authing/miniapp-core`.
 *
 * Guide: [README](https://github.com/authing/miniapp-sdk/tree/main/packages/taro#readme).
 *
 * @module \@authing/miniapp-taro
 */
import Taro, * as TaroExports from '@tarojs/taro'
import {
  Authing as Client,
  createMiniProgramAdapter,
  createWebAdapter,
  type Adapter,
  type AuthingOptions,
  type MiniProgramApi,
  type WebCrypto,
} from '@authing/miniapp-core'

export * from '@authing/miniapp-core'

// The browser's `crypto`, present in H5 builds; read only when a client is built.
declare const crypto: WebCrypto | undefined

/**
 * Taro's APIs as named exports, each named statically (`TaroExports.request`): in Taro's H5 build the default export
 * carries no API functions, and webpack keeps only the named exports that the code names this way. Only APIs that
 * every supported Taro version's H5 build exports are named: webpack fails the build on a missing named export of an
 * ES module imported from ours (so no `chooseMedia` or `onAppShow`; the picker is `chooseImage`).
 */
function namedExports(): MiniProgramApi {
  return {
    request: TaroExports.request,
    getStorage: TaroExports.getStorage,
    setStorage: TaroExports.setStorage,
    removeStorage: TaroExports.removeStorage,
    uploadFile: TaroExports.uploadFile,
    chooseImage: TaroExports.chooseImage,
  }
}

/** Whether Taro built this code for the web (H5), where there is no WeChat login and `getRandomValues` is a stub. */
function isWebBuild(): boolean {
  return !!Taro && typeof Taro.getEnv == 'function' && Taro.getEnv() == Taro.ENV_TYPE.WEB
}

/** Whether Taro built this code for Douyin (`taro build --type tt`): the client then speaks Douyin's protocol. */
function isDouyinBuild(): boolean {
  return !!Taro && typeof Taro.getEnv == 'function' && Taro.getEnv() == Taro.ENV_TYPE.TT
}

/**
 * The Taro adapter: Taro's APIs (which Taro maps to the mini program platform at run time), looked up when called —
 * on the default export, or on the named exports where the default export has none (H5). In a Douyin build it speaks
 * Douyin's protocol. In an H5 build it has no login code (the WeChat methods fail with `platform`) and takes random
 * bytes from the browser's `crypto`.
 * @param api - a Taro-shaped object to use instead of `@tarojs/taro`
 */
export function createTaroAdapter(api?: MiniProgramApi): Adapter {
  const taro = api || (Taro && typeof Taro.request == 'function' ? (Taro as MiniProgramApi) : namedExports())
  if (typeof taro.request != 'function') {
    throw new TypeError('Authing: Taro.request is not available; @authing/miniapp-taro runs in a Taro app')
  }
  if (!isWebBuild()) return createMiniProgramAdapter(taro, isDouyinBuild() ? 'tt' : 'wx')
  return createWebAdapter(taro, typeof crypto == 'object' ? crypto : undefined)
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
