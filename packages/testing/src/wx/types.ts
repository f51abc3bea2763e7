// The shapes of the simulated `wx`: options, results and errors as WeChat defines them (only the APIs simulated here).

/** A failed call, as wx reports it: `errMsg` is `'<api>:fail <reason>'`, e.g. `'request:fail timeout'`. */
export interface WxError {
  /** `'<api>:fail <reason>'`. */
  errMsg: string
}

/** Every successful result carries `errMsg: '<api>:ok'`. */
export interface WxOk {
  /** `'<api>:ok'`. */
  errMsg: string
}

/** The callbacks every asynchronous wx API accepts. */
export interface Callbacks<R> {
  /** Called with the result when the call succeeds. */
  success?: (result: R) => void
  /** Called with the {@link WxError} when the call fails. */
  fail?: (error: WxError) => void
  /** Called after `success` or `fail`, with the same argument. */
  complete?: (outcome: R | WxError) => void
}

/** At least one callback: then wx delivers through the callbacks and returns nothing. */
export type WithCallback<R> = Callbacks<R> &
  (
    | {
        /** Called with the result when the call succeeds. */
        success: (result: R) => void
      }
    | {
        /** Called with the {@link WxError} when the call fails. */
        fail: (error: WxError) => void
      }
    | {
        /** Called after `success` or `fail`, with the same argument. */
        complete: (outcome: R | WxError) => void
      }
  )

/**
 * A promisified wx API: with a callback the outcome goes to the callbacks; without one it returns a promise that
 * resolves with the result and rejects with the {@link WxError}.
 */
export interface AsyncApi<O, R> {
  (options: O & WithCallback<R>): void
  (...options: {} extends O ? [options?: O & Callbacks<R>] : [options: O & Callbacks<R>]): Promise<R>
}

/** A wx API that returns a task object (`request`, `uploadFile`): the outcome only ever goes to the callbacks. */
export type TaskApi<O, R, T> = (options: O & Callbacks<R>) => T

/** HTTP methods wx.request accepts (any other string fails with `request:fail invalid method`). */
export type RequestMethod = 'OPTIONS' | 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'TRACE' | 'CONNECT'

/** Options of `wx.request`. */
export interface RequestOptions {
  /** Absolute `http://` or `https://` URL. */
  url: string
  /** A string is sent as is; an object becomes JSON, a form (`x-www-form-urlencoded`) or, for GET, a query string. */
  data?: string | object | ArrayBuffer
  /** Request headers, sent as given; `content-type` defaults to `application/json`. */
  header?: Record<string, string>
  /** Default `GET`. */
  method?: RequestMethod | (string & {})
  /** `json` (default) parses a JSON body when it can; anything else leaves the text. */
  dataType?: 'json' | (string & {})
  /** `text` (default) or `arraybuffer`. */
  responseType?: 'text' | 'arraybuffer' | (string & {})
  /** Milliseconds; default 60000. */
  timeout?: number
}

/** Result of `wx.request`, for every HTTP status. */
export interface RequestSuccess extends WxOk {
  /** Parsed JSON, text, or an ArrayBuffer (`responseType: 'arraybuffer'`). */
  data: unknown
  /** HTTP status. */
  statusCode: number
  /** Response headers with their original names. */
  header: Record<string, string>
  /** The `Set-Cookie` headers. */
  cookies: string[]
}

/** The task `wx.request` returns. */
export interface RequestTask {
  /** Cancels the request: it fails with `request:fail abort`. */
  abort(): void
  /** Calls `listener` with the response headers and status as soon as they arrive. */
  onHeadersReceived(listener: (result: { header: Record<string, string>; statusCode: number }) => void): void
  /** Removes a listener of `onHeadersReceived`; without one, removes every listener. */
  offHeadersReceived(listener?: (result: { header: Record<string, string>; statusCode: number }) => void): void
}

/** Options of `wx.uploadFile`. */
export interface UploadFileOptions {
  /** Absolute `http://` or `https://` URL. */
  url: string
  /** Path of a local file, e.g. a `tempFilePath` from `chooseMedia`. */
  filePath: string
  /** Multipart field name of the file part. */
  name: string
  /** Request headers, sent as given. */
  header?: Record<string, string>
  /** Extra multipart fields. */
  formData?: Record<string, unknown>
  /** Milliseconds; default 60000. */
  timeout?: number
}

/** Result of `wx.uploadFile`: the body is always a string, whatever its content type. */
export interface UploadFileSuccess extends WxOk {
  /** The response body as text. */
  data: string
  /** HTTP status. */
  statusCode: number
}

/** Progress reported by an {@link UploadTask}. */
export interface UploadProgress {
  /** Percentage sent, 0–100. */
  progress: number
  /** Bytes sent so far. */
  totalBytesSent: number
  /** Bytes to send in all. */
  totalBytesExpectedToSend: number
}

/** The task `wx.uploadFile` returns. */
export interface UploadTask extends RequestTask {
  /** Calls `listener` as the upload progresses. */
  onProgressUpdate(listener: (progress: UploadProgress) => void): void
  /** Removes a listener of `onProgressUpdate`; without one, removes every listener. */
  offProgressUpdate(listener?: (progress: UploadProgress) => void): void
}

/** Result of `wx.getStorage`. */
export interface GetStorageSuccess extends WxOk {
  /** The stored value, as it was stored (objects stay objects). */
  data: unknown
}

/** Result of `wx.getStorageInfo` (sizes in KB). */
export interface StorageInfo {
  /** Every stored key. */
  keys: string[]
  /** Space used, in KB. */
  currentSize: number
  /** Space available, in KB (10240: 10 MB, as WeChat). */
  limitSize: number
}

/** Result of `wx.login`. */
export interface LoginSuccess extends WxOk {
  /** A fresh login code (the emulator's are single-use and valid for 5 minutes). */
  code: string
}

/** One picked file of `wx.chooseMedia`. */
export interface MediaFile {
  /** Local path of the picked file, to pass to `uploadFile`. */
  tempFilePath: string
  /** Size in bytes. */
  size: number
  /** Always `image` in the simulation. */
  fileType: 'image' | 'video'
  /** Width in pixels (read from a PNG header; 0 for other formats). */
  width: number
  /** Height in pixels (read from a PNG header; 0 for other formats). */
  height: number
  /** Seconds, 0 for images. */
  duration: number
  /** Local path of a video's thumbnail; empty for images. */
  thumbTempFilePath: string
}

/** Options of `wx.chooseMedia` (the simulated picker returns images whatever `mediaType` asks). */
export interface ChooseMediaOptions {
  /** How many files may be picked (default 9; the simulation has as many as its `images`). */
  count?: number
  /** `image`, `video` or `mix`. */
  mediaType?: string[]
  /** `album` and/or `camera`. */
  sourceType?: string[]
  /** `original` and/or `compressed`. */
  sizeType?: string[]
  /** Longest video in seconds. */
  maxDuration?: number
  /** `back` or `front`. */
  camera?: string
}

/** Result of `wx.chooseMedia`. */
export interface ChooseMediaSuccess extends WxOk {
  /** The picked files. */
  tempFiles: MediaFile[]
  /** What was picked. */
  type: 'image' | 'video' | 'mix'
}

/** Options of `wx.chooseImage`. */
export interface ChooseImageOptions {
  /** How many images may be picked (default 9). */
  count?: number
  /** `album` and/or `camera`. */
  sourceType?: string[]
  /** `original` and/or `compressed`. */
  sizeType?: string[]
}

/** Result of `wx.chooseImage`. */
export interface ChooseImageSuccess extends WxOk {
  /** Local paths of the picked images. */
  tempFilePaths: string[]
  /** The picked images with their sizes. */
  tempFiles: {
    /** Local path of the image. */
    path: string
    /** Size in bytes. */
    size: number
  }[]
}

/** Result of `wx.getRandomValues`. */
export interface RandomValuesSuccess extends WxOk {
  /** The random bytes. */
  randomValues: ArrayBuffer
}

/** Result of `wx.getUserProfile` (an anonymous profile, as WeChat now returns). */
export interface UserProfileSuccess extends WxOk {
  /** The profile. */
  userInfo: {
    /** `微信用户`, as WeChat now answers. */
    nickName: string
    /** Empty. */
    avatarUrl: string
    /** 0: unknown. */
    gender: number
    /** Empty. */
    country: string
    /** Empty. */
    province: string
    /** Empty. */
    city: string
    /** Empty. */
    language: string
  }
  /** `userInfo` as JSON text. */
  rawData: string
  /** SHA-1 signature of `rawData` with the session key (empty in the simulation). */
  signature: string
  /** Empty: see the fidelity notes in the README. */
  encryptedData: string
  /** Empty, like `encryptedData`. */
  iv: string
}

/** What `onAppShow` listeners receive. */
export interface AppShowOptions {
  /** Path of the page the app opened on. */
  path: string
  /** Query of that page. */
  query: Record<string, string>
  /** WeChat scene value: 1001 at launch, 1089 when `show()` brings the app back (unless given). */
  scene: number
  /** Where the app was opened from, when another mini program opened it. */
  referrerInfo: Record<string, unknown>
}

/** Result of `wx.getSystemInfoSync` (fixed, plausible values; override with the `systemInfo` option). */
export interface SystemInfo {
  /** Device brand. */
  brand: string
  /** Device model. */
  model: string
  /** Device pixel ratio. */
  pixelRatio: number
  /** Screen width in px. */
  screenWidth: number
  /** Screen height in px. */
  screenHeight: number
  /** Usable window width in px. */
  windowWidth: number
  /** Usable window height in px. */
  windowHeight: number
  /** Status bar height in px. */
  statusBarHeight: number
  /** WeChat's language. */
  language: string
  /** WeChat's version. */
  version: string
  /** Operating system and version. */
  system: string
  /** `ios`, `android`, `devtools`… */
  platform: string
  /** Base library version, e.g. `3.4.0`. */
  SDKVersion: string
  [field: string]: unknown
}

/** Options of `wx.showModal` and the like: whatever the page passes. */
export type UiOptions = Record<string, unknown>

/** Result of `wx.showModal`: the simulated user always confirms. */
export interface ModalSuccess extends WxOk {
  /** The user tapped the confirm button. */
  confirm: boolean
  /** The user tapped the cancel button. */
  cancel: boolean
  /** The text typed, for an editable modal. */
  content?: string
}

/** wx APIs that take callbacks or, without them, return a promise. */
export interface WxAsyncApis {
  /** Reads a key; fails with `getStorage:fail data not found` when it is missing. */
  getStorage: AsyncApi<
    {
      /** Storage key. */
      key: string
      /** Accepted and ignored (storage is in memory). */
      encrypt?: boolean
    },
    GetStorageSuccess
  >
  /** Stores a value; objects are stored as copies, not as JSON text. */
  setStorage: AsyncApi<
    {
      /** Storage key. */
      key: string
      /** The value to store. */
      data: unknown
      /** Accepted and ignored (storage is in memory). */
      encrypt?: boolean
    },
    WxOk
  >
  /** Removes a key; removing a missing key succeeds. */
  removeStorage: AsyncApi<
    {
      /** Storage key. */
      key: string
    },
    WxOk
  >
  /** Removes every key. */
  clearStorage: AsyncApi<{}, WxOk>
  /** The stored keys and the space they use. */
  getStorageInfo: AsyncApi<{}, StorageInfo & WxOk>
  /** A fresh login code: from the `loginCode` option, else minted by the emulator for this runtime's openid. */
  login: AsyncApi<
    {
      /** Milliseconds before the call fails with a timeout. */
      timeout?: number
    },
    LoginSuccess
  >
  /** Succeeds after a `login`; fails (`session time out`) before the first one and after `expireSession()`. */
  checkSession: AsyncApi<{}, WxOk>
  /** Returns fresh temp copies of the runtime's `images` (a 4×4 PNG by default), as if the user picked them. */
  chooseMedia: AsyncApi<ChooseMediaOptions, ChooseMediaSuccess>
  /** Like `chooseMedia`, in the older API's shape. */
  chooseImage: AsyncApi<ChooseImageOptions, ChooseImageSuccess>
  /** Absent when the runtime is created with `getRandomValues: false` (base library < 2.15.0). */
  getRandomValues?: AsyncApi<
    {
      /** How many bytes. */
      length: number
    },
    RandomValuesSuccess
  >
  /** Resolves with an anonymous profile, as WeChat now returns. */
  getUserProfile: AsyncApi<
    {
      /** Why the profile is needed (shown to the user by WeChat). */
      desc: string
      /** Language of the answer: `en`, `zh_CN` or `zh_TW`. */
      lang?: string
    },
    UserProfileSuccess
  >
  /** The device and WeChat information of {@link SystemInfo}. */
  getSystemInfo: AsyncApi<{}, SystemInfo & WxOk>
  /** Always `wifi`. */
  getNetworkType: AsyncApi<
    {},
    {
      /** `wifi`, `4g`, `none`… */
      networkType: string
    } & WxOk
  >
  /** UI call: counted, no effect. */
  showToast: AsyncApi<UiOptions, WxOk>
  /** UI call: counted, no effect. */
  hideToast: AsyncApi<UiOptions, WxOk>
  /** UI call: counted, no effect. */
  showLoading: AsyncApi<UiOptions, WxOk>
  /** UI call: counted, no effect. */
  hideLoading: AsyncApi<UiOptions, WxOk>
  /** UI call: the simulated user confirms. */
  showModal: AsyncApi<UiOptions, ModalSuccess>
  /** UI call: the simulated user taps the first item. */
  showActionSheet: AsyncApi<
    UiOptions,
    {
      /** Index of the tapped item. */
      tapIndex: number
    } & WxOk
  >
  /** UI call: counted, no effect. */
  setNavigationBarTitle: AsyncApi<UiOptions, WxOk>
  /** Navigation: counted, no effect. */
  navigateTo: AsyncApi<UiOptions, WxOk>
  /** Navigation: counted, no effect. */
  redirectTo: AsyncApi<UiOptions, WxOk>
  /** Navigation: counted, no effect. */
  reLaunch: AsyncApi<UiOptions, WxOk>
  /** Navigation: counted, no effect. */
  switchTab: AsyncApi<UiOptions, WxOk>
  /** Navigation: counted, no effect. */
  navigateBack: AsyncApi<UiOptions, WxOk>
  /** Counted, no effect. */
  setClipboardData: AsyncApi<UiOptions, WxOk>
  /** Counted, no effect. */
  vibrateShort: AsyncApi<UiOptions, WxOk>
  /** Counted, no effect. */
  stopPullDownRefresh: AsyncApi<UiOptions, WxOk>
}

/** wx APIs that return a task. */
export interface WxTaskApis {
  /** A real HTTP request; every HTTP status goes to `success`, transport failures to `fail` (`request:fail …`). */
  request: TaskApi<RequestOptions, RequestSuccess, RequestTask>
  /** A real multipart upload of a local file; `data` of the result is always a string. */
  uploadFile: TaskApi<UploadFileOptions, UploadFileSuccess, UploadTask>
}

/** Synchronous wx APIs and app events. */
export interface WxSyncApis {
  /** The stored value, or `''` for a missing key (as wx). */
  getStorageSync(key: string): unknown
  /** Stores a value. */
  setStorageSync(key: string, data: unknown): void
  /** Removes a key. */
  removeStorageSync(key: string): void
  /** Removes every key. */
  clearStorageSync(): void
  /** The stored keys and the space they use. */
  getStorageInfoSync(): StorageInfo
  /** The device and WeChat information of {@link SystemInfo}. */
  getSystemInfoSync(): SystemInfo
  /** The window part of {@link SystemInfo}. */
  getWindowInfo(): Pick<SystemInfo, 'pixelRatio' | 'screenWidth' | 'screenHeight' | 'windowWidth' | 'windowHeight' | 'statusBarHeight'>
  /** The mini program's account information. */
  getAccountInfoSync(): {
    /** The mini program. */
    miniProgram: {
      /** Its WeChat AppID. */
      appId: string
      /** `develop`, `trial` or `release`. */
      envVersion: string
      /** Its version string; empty outside a release. */
      version: string
    }
  }
  /** How the app was launched (the same shape `onAppShow` listeners get). */
  getLaunchOptionsSync(): AppShowOptions
  /** True for the APIs this runtime has (the first segment of the schema, e.g. `'getRandomValues'`). */
  canIUse(schema: string): boolean
  /** Calls `listener` whenever the app comes to the foreground (the runtime's `show()`). */
  onAppShow(listener: (options: AppShowOptions) => void): void
  /** Without a listener, removes every listener. */
  offAppShow(listener?: (options: AppShowOptions) => void): void
  /** Calls `listener` whenever the app goes to the background (the runtime's `hide()`). */
  onAppHide(listener: () => void): void
  /** Removes a listener of `onAppHide`; without one, removes every listener. */
  offAppHide(listener?: () => void): void
}

/** The simulated `wx`: every API listed here behaves like WeChat's, with real I/O underneath. */
export interface WxApi extends WxAsyncApis, WxTaskApis, WxSyncApis {}
