/**
 * @packageDocumentation
 * Authing for uni-app projects (Vue 2 and Vue 3): `import { Authing } from '@authing/miniapp-uniapp'`.
 * Re-exports everything of `@authing/miniapp-core`.
 *
 * Guide: [README](https://github.com/authing/miniapp-sdk/tree/main/packages/uniapp#readme).
 *
 * @module \@authing/miniapp-uniapp
 */
import { Authing as Client, createMiniProgramAdapter, type Adapter, type AuthingOptions, type MiniProgramApi } from '@authing/miniapp-core'

export * from '@authing/miniapp-core'

declare const uni: MiniProgramApi | undefined

/**
 * The uni-app adapter. Looks up the global `uni` when called (never at import time) and uses only the callback forms,
 * so it behaves the same under Vue 2 (`[err, res]` promises) and Vue 3.
 * @param api - a `uni`-shaped object to use instead of the global, e.g. a simulated runtime in tests
 */
export function createUniAdapter(api?: MiniProgramApi): Adapter {
  if (!api && typeof uni != 'object') {
    throw new TypeError('Authing: the global `uni` was not found; @authing/miniapp-uniapp runs in a uni-app project')
  }
  return createMiniProgramAdapter(api || (uni as MiniProgramApi))
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
