// createTaro: the real @tarojs/taro API on a simulated wx (or tt, for a Douyin build). Taro has no platform APIs of
// its own: on WeChat its platform plugin runs `processApis(taro, wx)` (from @tarojs/shared) when the app starts, on
// Douyin `processApis(taro, tt)`; here we do the same with a simulated runtime. @tarojs/* are optional peer dependencies, loaded on first use so that wx- and uni-only users never
// need them.
import { createRequire } from 'node:module'
import { createTt, type SimulatedTt, type TtControls, type TtOptions } from './tt'
import { controlsOf, createWx, withControls, type BaseControls, type RuntimeControls, type SimulatedWx, type WxOptions } from './wx'
import type { Callbacks, RequestOptions, RequestSuccess, UploadFileOptions, UploadFileSuccess, UploadProgress, WxApi } from './wx/types'

/** A Taro request or upload: a promise with the task's methods. */
export type TaroTaskPromise<R> = Promise<R> & {
  /** Cancels the request or upload: the promise rejects. */
  abort(): void
  /** Uploads only: calls `listener` as the upload progresses. */
  progress?(listener: (progress: UploadProgress) => void): TaroTaskPromise<R>
}

/** A Taro request interceptor (`Taro.addInterceptor`). */
export type TaroInterceptor = (chain: { requestParams: RequestOptions; proceed(params: RequestOptions): Promise<unknown> }) => unknown

/**
 * The Taro API as it is typed here: wx's APIs (Taro promisifies the asynchronous ones, so they also return a promise
 * when given callbacks), Taro's promise-returning `request` and `uploadFile`, and its interceptors. For Taro's full
 * typings, use `Taro` from `@tarojs/taro` after {@link installTaro}.
 */
export type TaroApi = Omit<WxApi, 'request' | 'uploadFile'> & {
  /** `Taro.request`: wx's request through Taro's interceptors, as a promise with `abort()`. */
  request(options: RequestOptions & Callbacks<RequestSuccess>): TaroTaskPromise<RequestSuccess>
  /** `Taro.uploadFile`: wx's upload as a promise with `abort()` and `progress()`. */
  uploadFile(options: UploadFileOptions & Callbacks<UploadFileSuccess>): TaroTaskPromise<UploadFileSuccess>
  /** Adds a request interceptor (`Taro.addInterceptor`). */
  addInterceptor(interceptor: TaroInterceptor): void
  /** Removes every request interceptor. */
  cleanInterceptors(): void
}

/** A simulated Taro built for WeChat: the Taro API, the runtime controls, and the simulated wx underneath. */
export type SimulatedTaro = TaroApi &
  RuntimeControls & {
    /** The simulated wx that Taro's APIs run on. */
    readonly wx: SimulatedWx
  }

/** A simulated Taro built for Douyin (`taro build --type tt`): the Taro API over a simulated tt, and its controls. */
export type SimulatedTaroTt = TaroApi &
  TtControls & {
    /** The simulated tt that Taro's APIs run on. */
    readonly tt: SimulatedTt
  }

/** Options of {@link createTaro}. */
export interface TaroOptions extends WxOptions, TtOptions {
  /** The build type: `'weapp'` (default) or `'tt'` (Douyin); `Taro.getEnv()` answers accordingly once installed. */
  env?: 'weapp' | 'tt'
}

type TaroModule = Record<string, unknown>
type Shared = { processApis(taro: object, global: object, config?: object): void }

let pristine: PropertyDescriptorMap | undefined

// Under a CommonJS runner (jest) its own `require`, so Taro goes through the runner's module registry and transforms.
const load = typeof require == 'function' ? require : createRequire(import.meta.url)

/** The @tarojs/taro module object; the first call also remembers its state before any simulated API was added. */
export function taroModule(): TaroModule {
  // Taro's build-time constants and the mini program globals it reads (unless a test setup defined them already).
  load('../taro-setup.js')
  const taro = load('@tarojs/taro') as TaroModule
  pristine = pristine || Object.getOwnPropertyDescriptors(taro)
  return taro
}

/**
 * Creates the real Taro API (from `@tarojs/taro`, as its WeChat platform plugin sets it up) over a new simulated wx.
 * The result is a Taro API object of its own; {@link installTaro} makes it the one `import Taro from '@tarojs/taro'`
 * returns.
 * @example
 * const taro = createTaro({ emulator: emulator.url })
 * const { code } = await taro.login()
 */
export function createTaro(options: TaroOptions & { env: 'tt' }): SimulatedTaroTt
export function createTaro(options?: TaroOptions): SimulatedTaro
export function createTaro(options: TaroOptions = {}): SimulatedTaro | SimulatedTaroTt {
  const douyin = options.env == 'tt'
  const native = douyin ? createTt(options) : createWx(options)
  taroModule()
  const taro = Object.defineProperties({}, pristine as PropertyDescriptorMap)
  const shared = load('@tarojs/shared') as Shared
  shared.processApis(taro, native)
  Object.defineProperty(taro, douyin ? 'tt' : 'wx', { value: native })
  return withControls(taro, controlsOf<BaseControls>(native)) as SimulatedTaro | SimulatedTaroTt
}
