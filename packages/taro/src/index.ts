/**
 * @packageDocumentation
 * Authing for Taro apps (Taro 3 and 4; WeChat, Douyin and H5 builds): `import { Authing } from '@authing/miniapp-taro'`.
 * Re-exports everything of `@authing/miniapp-core`.
 *
 * Guide: [README](https://github.com/authing/miniapp-sdk/tree/main/packages/taro#readme).
 *
 * @module \@authing/miniapp-taro
 */
import Taro, { chooseImage, getStorage, removeStorage, request, setStorage, uploadFile } from '@tarojs/taro'
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
 * The APIs an H5 build uses, as named imports. Taro compiles this package with its own Babel preset, whose
 * `transform-taroapi` plugin keeps a named import of an API that Taro's web library implements and rewrites any
 * other use of `Taro` to its default export, which on H5 carries helpers (`getEnv`, `ENV_TYPE`) but no API functions.
 * So the web path must name each API it uses, and only APIs that every supported Taro H5 build has (no `chooseMedia`,
 * no `onAppShow`; the picker is `chooseImage`).
 */
function webApis(): MiniProgramApi {
  return { request, getStorage, setStorage, removeStorage, uploadFile, chooseImage }
}

/**
 * Whether Taro built this code for `env`: `WEB` (H5), where there is no WeChat login and `getRandomValues` is a stub,
 * or `TT` (Douyin, `taro build --type tt`), where the client speaks Douyin's protocol.
 */
function isBuildFor(env: 'WEB' | 'TT'): boolean {
  return !!Taro && typeof Taro.getEnv == 'function' && Taro.getEnv() == Taro.ENV_TYPE[env]
}

/**
 * The Taro adapter: Taro's APIs (which Taro maps to the mini program platform at run time), looked up when a client
 * is built — the default export in mini program builds, the named imports in H5 builds. In a Douyin build it speaks
 * Douyin's protocol. In an H5 build it has no login code (the WeChat methods fail with `platform`) and takes random
 * bytes from the browser's `crypto`.
 * @param api - a Taro-shaped object to use instead of `@tarojs/taro`
 */
export function createTaroAdapter(api?: MiniProgramApi): Adapter {
  const web = isBuildFor('WEB')
  // In mini program builds the default export is the API object Taro filled in at start-up (wx's or tt's).
  const taro = api || (web ? webApis() : (Taro as unknown as MiniProgramApi))
  if (!taro || typeof taro.request != 'function') {
    throw new TypeError('Authing: Taro.request is not available; @authing/miniapp-taro runs in a Taro app')
  }
  if (web) return createWebAdapter(taro, typeof crypto == 'object' ? crypto : undefined)
  return createMiniProgramAdapter(taro, isBuildFor('TT') ? 'tt' : 'wx')
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
