/**
 * @packageDocumentation
 * Authing for Douyin (抖音) mini programs: `import { Authing } from '@authing/miniapp-tt'`.
 * Re-exports everything of `@authing/miniapp-core`.
 *
 * Guide: [README](https://github.com/authing/miniapp-sdk/tree/main/packages/tt#readme).
 *
 * @module \@authing/miniapp-tt
 */
import { Authing as Client, createMiniProgramAdapter, type Adapter, type AuthingOptions, type MiniProgramApi } from '@authing/miniapp-core'

export * from '@authing/miniapp-core'

declare const tt: MiniProgramApi | undefined

/**
 * The Douyin adapter: Douyin's protocol (connections, payloads, endpoints) over the global `tt`, looked up when
 * called (never at import time).
 * @param api - a `tt`-shaped object to use instead of the global, e.g. a simulated runtime in tests
 * @example
 * // keep the platform's request but add a header
 * const base = createTtAdapter()
 * const authing = new Authing({ appId, userPoolId, host, adapter: { request: (r) => base.request({ ...r, headers: { ...r.headers, 'x-trace': id } }) } })
 */
export function createTtAdapter(api?: MiniProgramApi): Adapter {
  if (!api && typeof tt != 'object') {
    throw new TypeError('Authing: the global `tt` was not found; @authing/miniapp-tt runs in a Douyin mini program')
  }
  return createMiniProgramAdapter(api || (tt as MiniProgramApi), 'tt')
}

/**
 * The Authing client bound to Douyin.
 * @example
 * const authing = new Authing({ appId: 'AUTHING_APP_ID', host: 'https://my-app.authing.cn', userPoolId: 'USER_POOL_ID' })
 */
export class Authing extends Client {
  /** @throws TypeError when an option is missing or malformed, or when there is no `tt` */
  constructor(options: AuthingOptions) {
    super(options, createTtAdapter())
  }
}
