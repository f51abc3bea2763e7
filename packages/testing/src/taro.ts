// createTaro: the real @tarojs/taro API on a simulated wx. Taro has no platform APIs of its own: on WeChat its
// platform plugin runs `processApis(taro, wx)` (from @tarojs/shared) when the app starts; here we do the same with a
// simulated wx. @tarojs/* are optional peer dependencies, loaded on first use so that wx- and uni-only users never
// need them; they ship as ES modules, so this runs under a test runner that transforms them (see the README).
import { controlsOf, createWx, withControls, type RuntimeControls, type SimulatedWx, type WxOptions } from './wx'
import type { Callbacks, RequestOptions, RequestSuccess, UploadFileOptions, UploadFileSuccess, UploadProgress, WxApi } from './wx/types'

/** A Taro request or upload: a promise with the task's methods. */
export type TaroTaskPromise<R> = Promise<R> & {
  abort(): void
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
  request(options: RequestOptions & Callbacks<RequestSuccess>): TaroTaskPromise<RequestSuccess>
  uploadFile(options: UploadFileOptions & Callbacks<UploadFileSuccess>): TaroTaskPromise<UploadFileSuccess>
  addInterceptor(interceptor: TaroInterceptor): void
  cleanInterceptors(): void
}

/** A simulated Taro: the Taro API, the runtime controls, and the simulated wx underneath. */
export type SimulatedTaro = TaroApi & RuntimeControls & { readonly wx: SimulatedWx }

type TaroModule = Record<string, unknown>
type Shared = { processApis(taro: object, global: object, config?: object): void }

let pristine: PropertyDescriptorMap | undefined

/** `require` of the caller's module system: Taro's packages cannot be loaded as native ES modules. */
function load<T>(id: string): T {
  if (typeof require != 'function') {
    throw new Error(`createTaro needs a CommonJS test runner such as jest (with @tarojs/* transformed) to load ${id}`)
  }
  return require(id) as T
}

/** The @tarojs/taro module object; the first call also remembers its state before any simulated API was added. */
export function taroModule(): TaroModule {
  const taro = load<TaroModule>('@tarojs/taro')
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
export function createTaro(options: WxOptions = {}): SimulatedTaro {
  const wx = createWx(options)
  taroModule()
  const taro = Object.defineProperties({}, pristine as PropertyDescriptorMap)
  load<Shared>('@tarojs/shared').processApis(taro, wx)
  Object.defineProperty(taro, 'wx', { value: wx })
  return withControls(taro as SimulatedTaro, controlsOf(wx))
}
