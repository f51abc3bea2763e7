// createUni: `uni` as uni-app builds it for WeChat or Douyin (every wx / tt API under `uni`), over a simulated wx or
// tt, with the promise shape of Vue 2 or Vue 3. Callback forms are the same in both.
import type { AsyncApi, Callbacks, TaskApi, WithCallback, WxAsyncApis, WxError, WxSyncApis, WxTaskApis } from './wx/types'
import { createTt, type TtControls, type TtOptions } from './tt'
import { controlsOf, createWx, withControls, type BaseControls, type RuntimeControls, type WxOptions } from './wx'
import { hasCallback } from './wx/define'

/** The uni-app generation whose promise shape to simulate. */
export type VueVersion = 2 | 3

/** What a uni API returns without callbacks: Vue 3 resolves the result and rejects with the error; Vue 2 always resolves, with `[error]` or `[null, result]`. */
export type UniPromise<R, V extends VueVersion> = V extends 2 ? Promise<[WxError] | [null, R]> : Promise<R>

/** A promisified uni API. */
export interface UniAsyncApi<O, R, V extends VueVersion> {
  (options: O & WithCallback<R>): void
  (...options: {} extends O ? [options?: O & Callbacks<R>] : [options: O & Callbacks<R>]): UniPromise<R, V>
}

/** A uni API that returns a task when given callbacks, and a promise otherwise. */
export interface UniTaskApi<O, R, T, V extends VueVersion> {
  (options: O & WithCallback<R>): T
  (options: O & Callbacks<R>): UniPromise<R, V>
}

/** The simulated `uni` API. */
export type UniApi<V extends VueVersion> = {
  [K in keyof WxAsyncApis]: NonNullable<WxAsyncApis[K]> extends AsyncApi<infer O, infer R> ? UniAsyncApi<O, R, V> : never
} & {
  [K in keyof WxTaskApis]: WxTaskApis[K] extends TaskApi<infer O, infer R, infer T> ? UniTaskApi<O, R, T, V> : never
} & WxSyncApis

/** Options of {@link createUni}. */
export interface UniOptions<V extends VueVersion = 3> extends WxOptions, TtOptions {
  /** Promise shape of the simulated uni-app: `2` resolves `[err, res]`, `3` (default) resolves `res` and rejects. */
  vue?: V
  /**
   * The platform the app is built for: `'mp-weixin'` (default, over a simulated wx) or `'mp-toutiao'` (Douyin, over a
   * simulated tt). `getSystemInfoSync().uniPlatform` says which, as uni-app does.
   */
  platform?: 'mp-weixin' | 'mp-toutiao'
}

/** A simulated `uni`: the uni APIs plus the runtime controls (a Douyin build's are the simulated tt's). */
export type SimulatedUni<V extends VueVersion = 3> = UniApi<V> & RuntimeControls & Partial<Pick<TtControls, 'phoneNumber' | 'encrypt'>>

// uni-app leaves synchronous APIs, events and canIUse alone and promisifies the rest.
const NOT_PROMISIFIED = /Sync$|^on|^off|^canIUse$|^getWindowInfo$/

type Api = (options?: Record<string, unknown>) => unknown

function promisify(api: Api, vue: VueVersion): Api {
  return (options = {}) => {
    if (hasCallback(options)) return api(options)
    const settled = new Promise((success, fail) => api(Object.assign({}, options, { success, fail })))
    // Vue 2's uni-app turns every promise into [err, res] and never rejects.
    return vue == 2
      ? settled.then(
          (result) => [null, result],
          (error: unknown) => [error],
        )
      : settled
  }
}

/**
 * Creates a simulated `uni` (uni-app on WeChat, or on Douyin with `platform: 'mp-toutiao'`) over a new simulated wx
 * or tt.
 * @example
 * const uni = createUni({ emulator: emulator.url, vue: 2 })
 * const [error, result] = await uni.login()
 */
export function createUni<V extends VueVersion = 3>(options: UniOptions<V> = {}): SimulatedUni<V> {
  const uniPlatform = options.platform || 'mp-weixin'
  const systemInfo = Object.assign({ uniPlatform }, options.systemInfo)
  const settings = Object.assign({}, options, { systemInfo })
  const base = uniPlatform == 'mp-toutiao' ? createTt(settings) : createWx(settings)
  const vue = options.vue || 3
  const uni: Record<string, unknown> = {}
  for (const [name, api] of Object.entries(base as unknown as Record<string, Api>)) {
    uni[name] = NOT_PROMISIFIED.test(name) ? api : promisify(api, vue)
  }
  return withControls(uni as unknown as UniApi<V>, controlsOf<BaseControls>(base)) as SimulatedUni<V>
}
