/**
 * @packageDocumentation
 * Authing for uni-app projects (WeChat mini program and H5 builds): `import { Authing } from '@authing/miniapp-uniapp'`.
 * Re-exports everything of `@authing/miniapp-core`.
 *
 * Guide: [README](https://github.com/authing/miniapp-sdk/tree/main/packages/uniapp#readme).
 *
 * @module \@authing/miniapp-uniapp
 */
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

// Globals of a uni-app build, read only when a client is built (`uni` may be missing).
// `process.env.UNI_PLATFORM` is replaced by uni-app's bundler with the build target (`mp-weixin`, `mp-toutiao`, `h5`…); the
// browser's `crypto` exists only in H5 builds.
declare const uni: MiniProgramApi
declare const process: { env: { UNI_PLATFORM?: string } }
declare const crypto: WebCrypto | undefined

/**
 * Reads what may be missing: uni-app's H5 build turns `uni.<api>` into imports and may define no global `uni`;
 * `process` exists only where a bundler replaced `process.env.UNI_PLATFORM`, or in Node.
 */
function optional<T>(read: () => T): T | undefined {
  try {
    return read()
  } catch {
    return undefined // a missing global (ReferenceError), so no such API
  }
}

/** The build target uni-app compiled in; outside a uni-app build nothing replaces it, and a mini program has no Node `process`. */
const buildTarget = () => optional(() => process.env.UNI_PLATFORM)

/** Whether uni-app built this code for the web (H5), where there is no WeChat login. */
function isWebBuild(): boolean {
  const target = buildTarget()
  return target == 'h5' || target == 'web'
}

/**
 * The global `uni`'s APIs, each named statically (`uni.request`, never `uni[name]` nor through an alias): uni-app's
 * H5 build tree-shakes its API and keeps only the functions that the code names this way. uni's APIs are plain
 * functions (no `this`); optional ones are absent where `uni` lacks them.
 */
function globalUni(): MiniProgramApi {
  return {
    request: uni.request,
    getStorage: uni.getStorage,
    setStorage: uni.setStorage,
    removeStorage: uni.removeStorage,
    uploadFile: uni.uploadFile,
    login: optional(() => uni.login),
    chooseMedia: optional(() => uni.chooseMedia),
    chooseImage: optional(() => uni.chooseImage),
    getRandomValues: optional(() => uni.getRandomValues),
    onAppShow: optional(() => uni.onAppShow),
    offAppShow: optional(() => uni.offAppShow),
  }
}

/**
 * The uni-app adapter. Looks up the global `uni` when called (never at import time) and uses only the callback forms,
 * so it behaves the same under Vue 2 (`[err, res]` promises) and Vue 3. Built for Douyin (`mp-toutiao`), it speaks
 * Douyin's protocol. In an H5 build it has no login code (the
 * WeChat methods fail with `platform`) and takes random bytes from the browser's `crypto`.
 * @param api - a `uni`-shaped object to use instead of the global, e.g. a simulated runtime in tests
 */
export function createUniAdapter(api?: MiniProgramApi): Adapter {
  if (!api && typeof optional(() => uni.request) != 'function') {
    throw new TypeError('Authing: the global `uni` was not found; @authing/miniapp-uniapp runs in a uni-app project')
  }
  const platform = api || globalUni()
  // A Douyin build (mp-toutiao) speaks Douyin's protocol.
  if (!isWebBuild()) return createMiniProgramAdapter(platform, buildTarget() == 'mp-toutiao' ? 'tt' : 'wx')
  return createWebAdapter(platform, typeof crypto == 'object' ? crypto : undefined)
}

/**
 * The Authing client bound to uni-app.
 * @example
 * const authing = new Authing({ appId: 'AUTHING_APP_ID', host: 'https://my-app.authing.cn', userPoolId: 'USER_POOL_ID' })
 */
export class Authing extends Client {
  /** @throws TypeError when an option is missing or malformed, or when there is no `uni` */
  constructor(options: AuthingOptions) {
    super(options, createUniAdapter())
  }
}
