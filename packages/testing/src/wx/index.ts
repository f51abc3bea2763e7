// createWx: the simulated `wx`, put together from its parts, with the test controls beside the wx APIs.
import { createCounter, type CallCounter } from '../counter'
import { createFaults, type FaultControls } from '../faults'
import { createApp, type AppOptions } from './app'
import { createDefine } from './define'
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
 * The test controls of a simulated runtime. They are not enumerable, so `Object.keys(wx)` lists only wx APIs
 * (Taro copies every key of `wx` onto its own API).
 */
export interface RuntimeControls extends CallCounter, FaultControls {
  /** The openid that `login` codes stand for. */
  readonly openid: string
  /** The storage, read and written directly. */
  readonly storage: StorageControl
  /** Brings the app to the foreground: calls the `onAppShow` listeners. */
  show(options?: Partial<AppShowOptions>): void
  /** Sends the app to the background: calls the `onAppHide` listeners. */
  hide(): void
  /** Ends the WeChat session: `checkSession` fails until the next `login`. */
  expireSession(): void
  /**
   * A `getPhoneNumber` code for a phone number, minted by the emulator: what a page receives in `e.detail.code`.
   * @param countryCode - digits, default `86`
   */
  phoneCode(phoneNumber: string, countryCode?: string): Promise<string>
  /** Deletes the temp files the image picker wrote. */
  cleanup(): void
}

/** A simulated `wx`: the wx APIs plus the {@link RuntimeControls}. */
export type SimulatedWx = WxApi & RuntimeControls

const CONTROLS = new WeakMap<object, RuntimeControls>()

/** Gives an API object (a wx, or a Taro or uni built on it) the controls, as non-enumerable properties. */
export function withControls<T extends object>(api: T, controls: RuntimeControls): T & RuntimeControls {
  const descriptors = Object.getOwnPropertyDescriptors(controls)
  for (const descriptor of Object.values(descriptors)) descriptor.enumerable = false
  CONTROLS.set(api, controls)
  return Object.defineProperties(api, descriptors) as T & RuntimeControls
}

/** The controls of a simulated runtime. */
export function controlsOf(api: object): RuntimeControls {
  const controls = CONTROLS.get(api)
  if (!controls) throw new TypeError('Not a simulated runtime: create it with createWx, createTaro or createUni')
  return controls
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
  const { counter, record } = createCounter()
  const faults = createFaults()
  const define = createDefine(record, faults.take)
  const storage = createStorage(define, options.storage)
  const identity = createIdentity(define, options)
  const media = createMedia(define, options.images)
  const app = createApp(define, options)

  const wx = Object.assign({}, requestApi(define), uploadApi(define), storage.apis, identity.apis, media.apis, app.apis) as WxApi
  wx.canIUse = define.sync('canIUse', (schema: string) => typeof schema == 'string' && schema.split('.')[0] in wx)

  const controls: RuntimeControls = {
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
    phoneCode: identity.phoneCode,
    cleanup: media.cleanup,
  }
  return withControls(wx, controls)
}
