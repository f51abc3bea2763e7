// createWx: the simulated `wx`, put together from its parts, with the test controls beside the wx APIs.
import { createCounter, type CallCounter } from '../counter'
import { createFaults, type FaultControls } from '../faults'
import { createApp, type AppOptions } from './app'
import { createDefine, type Define } from './define'
import { createIdentity, type IdentityOptions } from './login'
import { createMedia, type ImageSource } from './media'
import { requestApi } from './request'
import { createStorage, type StorageControl } from './storage'
import type { AppShowOptions, WxApi } from './types'
import { uploadApi } from './upload'

/** Options of {@link createWx} (and of `createTaro` / `createUni`). */
export interface WxOptions extends IdentityOptions, AppOptions {
  /** Initial storage contents, by key (copied as wx would store them). */
  storage?: Record<string, unknown>
  /**
   * What the image picker returns: PNG bytes or paths of existing files; each pick writes fresh temp copies.
   * Default: one small PNG ({@link SAMPLE_PNG}).
   */
  images?: readonly ImageSource[]
}

/**
 * The test controls every simulated runtime has (`wx` and `tt`). They are not enumerable, so `Object.keys(wx)`
 * lists only platform APIs (Taro copies every key of `wx` onto its own API).
 */
export interface BaseControls extends CallCounter, FaultControls {
  /** The openid that `login` codes stand for. */
  readonly openid: string
  /** The storage, read and written directly. */
  readonly storage: StorageControl
  /** Brings the app to the foreground: calls the `onAppShow` listeners. */
  show(options?: Partial<AppShowOptions>): void
  /** Sends the app to the background: calls the `onAppHide` listeners. */
  hide(): void
  /** Ends the platform session: `checkSession` fails until the next `login`. */
  expireSession(): void
  /** Deletes the temp files the image picker wrote. */
  cleanup(): void
}

/** The test controls of a simulated `wx`. */
export interface RuntimeControls extends BaseControls {
  /**
   * A `getPhoneNumber` code for a phone number, minted by the emulator: what a page receives in `e.detail.code`.
   * @param countryCode - digits, default `86`
   */
  phoneCode(phoneNumber: string, countryCode?: string): Promise<string>
}

/** A simulated `wx`: the wx APIs plus the {@link RuntimeControls}. */
export type SimulatedWx = WxApi & RuntimeControls

const CONTROLS = new WeakMap<object, BaseControls>()

/** Gives an API object (a wx or tt, or a Taro or uni built on one) the controls, as non-enumerable properties. */
export function withControls<T extends object, C extends BaseControls>(api: T, controls: C): T & C {
  const descriptors = Object.getOwnPropertyDescriptors(controls)
  for (const descriptor of Object.values(descriptors)) descriptor.enumerable = false
  CONTROLS.set(api, controls)
  return Object.defineProperties(api, descriptors) as T & C
}

/** The controls of a simulated runtime (`C`: those of the platform it was created for). */
export function controlsOf<C extends BaseControls = RuntimeControls>(api: object): C {
  const controls = CONTROLS.get(api)
  if (!controls) throw new TypeError('Not a simulated runtime: create it with createWx, createTt, createTaro or createUni')
  return controls as C
}

/** The runtime parts every platform shares, put together: counter, failures, storage, picker and app APIs. */
export function createParts(options: WxOptions, notFound?: (key: string) => string) {
  const { counter, record } = createCounter()
  const faults = createFaults()
  const define = createDefine(record, faults.take)
  const storage = createStorage(define, options.storage, notFound)
  const media = createMedia(define, options.images)
  const app = createApp(define, options)
  const apis = Object.assign({}, requestApi(define), uploadApi(define), storage.apis, media.apis, app.apis)
  /** The controls of these parts; `identity` adds the platform's login side. */
  const controls = (identity: { openid: string; expireSession(): void }): BaseControls => ({
    get calls() {
      return counter.calls
    },
    get log() {
      return counter.log
    },
    count: counter.count,
    resetCounts: counter.resetCounts,
    fail: faults.controls.fail,
    clearFaults: faults.controls.clearFaults,
    openid: identity.openid,
    storage: storage.control,
    show: app.show,
    hide: app.hide,
    expireSession: identity.expireSession,
    cleanup: media.cleanup,
  })
  return { define, apis, controls }
}

/** Adds `canIUse`, which answers for the APIs the runtime has. */
export function addCanIUse<T extends { canIUse(schema: string): boolean }>(api: T, define: Define): T {
  api.canIUse = define.sync('canIUse', (schema: string) => typeof schema == 'string' && schema.split('.')[0] in api)
  return api
}

/**
 * Creates a simulated `wx` that behaves like WeChat's for everything the SDK and typical pages use: callback and
 * promise forms, wx's result and error shapes, real HTTP to any host, storage in memory, login codes from the emulator.
 * @example
 * const emulator = await startEmulator({ port: 0, logger: false })
 * const wx = createWx({ emulator: emulator.url })
 * const { code } = await wx.login()
 */
export function createWx(options: WxOptions = {}): SimulatedWx {
  const { define, apis, controls } = createParts(options)
  const identity = createIdentity(define, options)
  const wx = addCanIUse(Object.assign(apis, identity.apis) as WxApi, define)
  return withControls(wx, Object.assign(controls(identity), { phoneCode: identity.phoneCode }))
}
