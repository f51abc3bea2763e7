// The app around the page: show/hide events, device information, secure random bytes, and the UI calls pages make
// (toasts, modals, navigation), which do nothing here but are counted and logged like every call.
import { randomBytes } from 'node:crypto'
import type { Define } from './define'
import { Failure } from './define'
import type { AppShowOptions, ModalSuccess, RandomValuesSuccess, SystemInfo, UiOptions, WxAsyncApis, WxOk, WxSyncApis } from './types'

/** What the app-level APIs can be told. */
export interface AppOptions {
  /** The mini program's AppID (`getAccountInfoSync`). Default `wx0000000000000000`. */
  appId?: string
  /** Fields of `getSystemInfoSync` to override. */
  systemInfo?: Partial<SystemInfo>
  /** `false`: the runtime has no `getRandomValues` (base library older than 2.15.0). Default `true`. */
  getRandomValues?: boolean
}

const LAUNCH: AppShowOptions = { path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} }

const UI = [
  'showToast',
  'hideToast',
  'showLoading',
  'hideLoading',
  'setNavigationBarTitle',
  'navigateTo',
  'redirectTo',
  'reLaunch',
  'switchTab',
  'navigateBack',
  'setClipboardData',
  'vibrateShort',
  'stopPullDownRefresh',
] as const

type UiName = (typeof UI)[number]
type AppApis = Pick<WxAsyncApis, UiName | 'showModal' | 'showActionSheet' | 'getSystemInfo' | 'getNetworkType' | 'getRandomValues'> &
  Pick<
    WxSyncApis,
    | 'getSystemInfoSync'
    | 'getWindowInfo'
    | 'getAccountInfoSync'
    | 'getLaunchOptionsSync'
    | 'onAppShow'
    | 'offAppShow'
    | 'onAppHide'
    | 'offAppHide'
  >

/** The app-level APIs of one runtime, and the functions that bring the app to the foreground or background. */
export function createApp(define: Define, options: AppOptions) {
  let showListeners: ((options: AppShowOptions) => void)[] = []
  let hideListeners: (() => void)[] = []
  const system: SystemInfo = Object.assign(
    {
      brand: 'devtools',
      model: 'Simulated',
      pixelRatio: 2,
      screenWidth: 375,
      screenHeight: 812,
      windowWidth: 375,
      windowHeight: 812,
      statusBarHeight: 44,
      language: 'zh_CN',
      version: '8.0.50',
      system: 'iOS 17.0',
      platform: 'devtools',
      SDKVersion: '3.4.0',
    },
    options.systemInfo,
  )

  const ui = Object.fromEntries(UI.map((name) => [name, define.async<UiOptions, WxOk>(name, () => ({}))])) as Pick<WxAsyncApis, UiName>
  const apis: AppApis = Object.assign(ui, {
    getSystemInfo: define.async<{}, SystemInfo & WxOk>('getSystemInfo', () => Object.assign({}, system)),
    getNetworkType: define.async<{}, { networkType: string } & WxOk>('getNetworkType', () => ({ networkType: 'wifi' })),
    showModal: define.async<UiOptions, ModalSuccess>('showModal', () => ({ confirm: true, cancel: false })),
    showActionSheet: define.async<UiOptions, { tapIndex: number } & WxOk>('showActionSheet', () => ({ tapIndex: 0 })),
    getSystemInfoSync: define.sync('getSystemInfoSync', () => Object.assign({}, system)),
    getWindowInfo: define.sync('getWindowInfo', () => {
      const { pixelRatio, screenWidth, screenHeight, windowWidth, windowHeight, statusBarHeight } = system
      return { pixelRatio, screenWidth, screenHeight, windowWidth, windowHeight, statusBarHeight }
    }),
    getAccountInfoSync: define.sync('getAccountInfoSync', () => ({
      miniProgram: { appId: options.appId || 'wx0000000000000000', envVersion: 'develop', version: '' },
    })),
    getLaunchOptionsSync: define.sync('getLaunchOptionsSync', () => Object.assign({}, LAUNCH)),
    onAppShow: define.event('onAppShow', (listener: (options: AppShowOptions) => void) => void showListeners.push(listener)),
    offAppShow: define.event('offAppShow', (listener?: (options: AppShowOptions) => void) => {
      showListeners = listener ? showListeners.filter((other) => other !== listener) : []
    }),
    onAppHide: define.event('onAppHide', (listener: () => void) => void hideListeners.push(listener)),
    offAppHide: define.event('offAppHide', (listener?: () => void) => {
      hideListeners = listener ? hideListeners.filter((other) => other !== listener) : []
    }),
  })
  if (options.getRandomValues !== false) {
    apis.getRandomValues = define.async<{ length: number }, RandomValuesSuccess>('getRandomValues', ({ length }) => {
      if (!Number.isInteger(length) || length < 1 || length > 1048576) throw new Failure('invalid length')
      const bytes = randomBytes(length)
      return { randomValues: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + length) }
    })
  }

  return {
    apis,
    /** Brings the app to the foreground: calls the `onAppShow` listeners. */
    show(show: Partial<AppShowOptions> = {}) {
      for (const listener of showListeners.slice()) listener(Object.assign({}, LAUNCH, { scene: 1089 }, show))
    },
    /** Sends the app to the background: calls the `onAppHide` listeners. */
    hide() {
      for (const listener of hideListeners.slice()) listener()
    },
  }
}
