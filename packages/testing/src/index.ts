/**
 * @packageDocumentation
 * Simulated `wx`, `tt` (Douyin), `Taro` and `uni` runtimes for testing mini program code in Node: the platforms'
 * callback and promise forms and result shapes over real HTTP, storage in memory, login and phone codes from the
 * Authing emulator.
 *
 * Guide: [README](https://github.com/authing/miniapp-sdk/tree/main/packages/testing#readme).
 *
 * @module \@authing/miniapp-testing
 */
export { createWx, type BaseControls, type RuntimeControls, type SimulatedWx, type WxOptions } from './wx'
export { createTt, type SimulatedTt, type TtControls, type TtOptions } from './tt'
export { DEFAULT_DOUYIN_OPENID, type TtIdentityOptions } from './tt/login'
export type * from './tt/types'
export {
  createUni,
  type SimulatedUni,
  type UniApi,
  type UniAsyncApi,
  type UniOptions,
  type UniPromise,
  type UniTaskApi,
  type VueVersion,
} from './uni'
export {
  createTaro,
  type SimulatedTaro,
  type SimulatedTaroTt,
  type TaroApi,
  type TaroInterceptor,
  type TaroOptions,
  type TaroTaskPromise,
} from './taro'
export { installTaro, installTt, installUni, installWx, type Uninstall } from './globals'
export { DEFAULT_OPENID, type IdentityOptions } from './wx/login'
export { SAMPLE_PNG, type ImageSource } from './wx/media'
export type { AppOptions } from './wx/app'
export type { StorageControl } from './wx/storage'
export type { CallCounter, PlatformCall } from './counter'
export type { FaultControls } from './faults'
export type * from './wx/types'
export {
  loadPage,
  type Dataset,
  type EventElement,
  type EventOptions,
  type PageData,
  type PageDefinition,
  type PageEvent,
  type PageHost,
  type PageInstance,
  type SentEvent,
} from './page'
