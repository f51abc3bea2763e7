/**
 * @packageDocumentation
 * Authing for WeChat native mini programs: `import { Authing } from '@authing/miniapp-wx'`.
 * Re-exports everything of `@authing/miniapp-core`.
 *
 * Guide: [README](https://github.com/authing/miniapp-sdk/tree/main/packages/wx#readme).
 *
 * @module \@authing/miniapp-wx
 */
import { Authing as Client, createMiniProgramAdapter, type Adapter, type AuthingOptions, type MiniProgramApi } from '@authing/miniapp-core'

export * from '@authing/miniapp-core'

declare const wx: MiniProgramApi | undefined

/**
 * The WeChat adapter. Looks up the global `wx` when called (never at import time).
 * @param api - a `wx`-shaped object to use instead of the global, e.g. a simulated runtime in tests
 * @example
 * // keep the platform's request but add a header
 * const base = createWxAdapter()
 * const authing = new Authing({ appId, userPoolId, host, adapter: { request: (r) => base.request({ ...r, headers: { ...r.headers, 'x-trace': id } }) } })
 */
export function createWxAdapter(api?: MiniProgramApi): Adapter {
  if (!api && typeof wx != 'object') {
    throw new TypeError(
      'Authing: the global `wx` was not found; @authing/miniapp-wx runs in a WeChat mini program (in tests: installWx of @authing/miniapp-testing)',
    )
  }
  return createMiniProgramAdapter(api || (wx as MiniProgramApi))
}

/**
 * The Authing client bound to WeChat.
 * @example
 * const authing = new Authing({ appId: 'AUTHING_APP_ID', host: 'https://my-app.authing.cn', userPoolId: 'USER_POOL_ID' })
 */
export class Authing extends Client {
  /** @throws TypeError when an option is missing or malformed, or when there is no `wx` */
  constructor(options: AuthingOptions) {
    super(options, createWxAdapter())
  }
}
