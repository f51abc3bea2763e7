// The shapes of the simulated `wx`: options, results and errors as WeChat defines them (only the APIs simulated here).

/** A failed call, as wx reports it: `errMsg` is `'<api>:fail <reason>'`, e.g. `'request:fail timeout'`. */
export interface WxError {
  errMsg: string
}

/** Every successful result carries `errMsg: '<api>:ok'`. */
export interface WxOk {
  errMsg: string
}

/** The callbacks every asynchronous wx API accepts. */
export interface Callbacks<R> {
  success?: (result: R) => void
  fail?: (error: WxError) => void
  /** Called after `success` or `fail`, with the same argument. */
  complete?: (outcome: R | WxError) => void
}

/** At least one callback: then wx delivers through the callbacks and returns nothing. */
export type WithCallback<R> = Callbacks<R> & ({ success: (result: R) => void } | { fail: (error: WxError) => void } | { complete: (outcome: R | WxError) => void })

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
  onHeadersReceived(listener: (result: { header: Record<string, string>; statusCode: number }) => void): void
  offHeadersReceived(listener?: (result: { header: Record<string, string>; statusCode: number }) => void): void
}

/** Options of `wx.uploadFile`. */
export interface UploadFileOptions {
  url: string
  /** Path of a local file, e.g. a `tempFilePath` from `chooseMedia`. */
  filePath: string
  /** Multipart field name of the file part. */
  name: string
  header?: Record<string, string>
  /** Extra multipart fields. */
  formData?: Record<string, unknown>
  /** Milliseconds; default 60000. */
  timeout?: number
}

/** Result of `wx.uploadFile`: the body is always a string, whatever its content type. */
export interface UploadFileSuccess extends WxOk {
  data: string
  statusCode: number
}

/** Progress reported by an {@link UploadTask}. */
export interface UploadProgress {
  progress: number
  totalBytesSent: number
  totalBytesExpectedToSend: number
}

/** The task `wx.uploadFile` returns. */
export interface UploadTask extends RequestTask {
  onProgressUpdate(listener: (progress: UploadProgress) => void): void
  offProgressUpdate(listener?: (progress: UploadProgress) => void): void
}

/** Result of `wx.getStorage`. */
export interface GetStorageSuccess extends WxOk {
  data: unknown
}

/** Result of `wx.getStorageInfo` (sizes in KB). */
export interface StorageInfo {
  keys: string[]
  currentSize: number
  limitSize: number
}

/** Result of `wx.login`. */
export interface LoginSuccess extends WxOk {
  code: string
}

/** One picked file of `wx.chooseMedia`. */
export interface MediaFile {
  tempFilePath: string
  size: number
  fileType: 'image' | 'video'
  width: number
  height: number
  /** Seconds, 0 for images. */
  duration: number
  thumbTempFilePath: string
}

/** Options of `wx.chooseMedia` (the simulated picker returns images whatever `mediaType` asks). */
export interface ChooseMediaOptions {
  count?: number
  mediaType?: string[]
  sourceType?: string[]
  sizeType?: string[]
  maxDuration?: number
  camera?: string
}

/** Result of `wx.chooseMedia`. */
export interface ChooseMediaSuccess extends WxOk {
  tempFiles: MediaFile[]
  type: 'image' | 'video' | 'mix'
}

/** Options of `wx.chooseImage`. */
export interface ChooseImageOptions {
  count?: number
  sourceType?: string[]
  sizeType?: string[]
}

/** Result of `wx.chooseImage`. */
export interface ChooseImageSuccess extends WxOk {
  tempFilePaths: string[]
  tempFiles: { path: string; size: number }[]
}

/** Result of `wx.getRandomValues`. */
export interface RandomValuesSuccess extends WxOk {
  randomValues: ArrayBuffer
}

/** Result of `wx.getUserProfile` (an anonymous profile, as WeChat now returns). */
export interface UserProfileSuccess extends WxOk {
  userInfo: { nickName: string; avatarUrl: string; gender: number; country: string; province: string; city: string; language: string }
  rawData: string
  signature: string
  /** Empty: see the fidelity notes in the README. */
  encryptedData: string
  iv: string
}

/** What `onAppShow` listeners receive. */
export interface AppShowOptions {
  path: string
  query: Record<string, string>
  scene: number
  referrerInfo: Record<string, unknown>
}

/** Result of `wx.getSystemInfoSync` (fixed, plausible values; override with the `systemInfo` option). */
export interface SystemInfo {
  brand: string
  model: string
  pixelRatio: number
  screenWidth: number
  screenHeight: number
  windowWidth: number
  windowHeight: number
  statusBarHeight: number
  language: string
  version: string
  system: string
  platform: string
  SDKVersion: string
  [field: string]: unknown
}

/** Options of `wx.showModal` and the like: whatever the page passes. */
export type UiOptions = Record<string, unknown>

/** Result of `wx.showModal`: the simulated user always confirms. */
export interface ModalSuccess extends WxOk {
  confirm: boolean
  cancel: boolean
  content?: string
}

/** wx APIs that take callbacks or, without them, return a promise. */
export interface WxAsyncApis {
  getStorage: AsyncApi<{ key: string; encrypt?: boolean }, GetStorageSuccess>
  setStorage: AsyncApi<{ key: string; data: unknown; encrypt?: boolean }, WxOk>
  removeStorage: AsyncApi<{ key: string }, WxOk>
  clearStorage: AsyncApi<{}, WxOk>
  getStorageInfo: AsyncApi<{}, StorageInfo & WxOk>
  login: AsyncApi<{ timeout?: number }, LoginSuccess>
  checkSession: AsyncApi<{}, WxOk>
  chooseMedia: AsyncApi<ChooseMediaOptions, ChooseMediaSuccess>
  chooseImage: AsyncApi<ChooseImageOptions, ChooseImageSuccess>
  /** Absent when the runtime is created with `getRandomValues: false` (base library < 2.15.0). */
  getRandomValues?: AsyncApi<{ length: number }, RandomValuesSuccess>
  getUserProfile: AsyncApi<{ desc: string; lang?: string }, UserProfileSuccess>
  getSystemInfo: AsyncApi<{}, SystemInfo & WxOk>
  getNetworkType: AsyncApi<{}, { networkType: string } & WxOk>
  showToast: AsyncApi<UiOptions, WxOk>
  hideToast: AsyncApi<UiOptions, WxOk>
  showLoading: AsyncApi<UiOptions, WxOk>
  hideLoading: AsyncApi<UiOptions, WxOk>
  showModal: AsyncApi<UiOptions, ModalSuccess>
  showActionSheet: AsyncApi<UiOptions, { tapIndex: number } & WxOk>
  setNavigationBarTitle: AsyncApi<UiOptions, WxOk>
  navigateTo: AsyncApi<UiOptions, WxOk>
  redirectTo: AsyncApi<UiOptions, WxOk>
  reLaunch: AsyncApi<UiOptions, WxOk>
  switchTab: AsyncApi<UiOptions, WxOk>
  navigateBack: AsyncApi<UiOptions, WxOk>
  setClipboardData: AsyncApi<UiOptions, WxOk>
  vibrateShort: AsyncApi<UiOptions, WxOk>
  stopPullDownRefresh: AsyncApi<UiOptions, WxOk>
}

/** wx APIs that return a task. */
export interface WxTaskApis {
  request: TaskApi<RequestOptions, RequestSuccess, RequestTask>
  uploadFile: TaskApi<UploadFileOptions, UploadFileSuccess, UploadTask>
}

/** Synchronous wx APIs and app events. */
export interface WxSyncApis {
  /** The stored value, or `''` for a missing key (as wx). */
  getStorageSync(key: string): unknown
  setStorageSync(key: string, data: unknown): void
  removeStorageSync(key: string): void
  clearStorageSync(): void
  getStorageInfoSync(): StorageInfo
  getSystemInfoSync(): SystemInfo
  getWindowInfo(): Pick<SystemInfo, 'pixelRatio' | 'screenWidth' | 'screenHeight' | 'windowWidth' | 'windowHeight' | 'statusBarHeight'>
  getAccountInfoSync(): { miniProgram: { appId: string; envVersion: string; version: string } }
  getLaunchOptionsSync(): AppShowOptions
  /** True for the APIs this runtime has (the first segment of the schema, e.g. `'getRandomValues'`). */
  canIUse(schema: string): boolean
  onAppShow(listener: (options: AppShowOptions) => void): void
  /** Without a listener, removes every listener. */
  offAppShow(listener?: (options: AppShowOptions) => void): void
  onAppHide(listener: () => void): void
  offAppHide(listener?: () => void): void
}

/** The simulated `wx`: every API listed here behaves like WeChat's, with real I/O underneath. */
export interface WxApi extends WxAsyncApis, WxTaskApis, WxSyncApis {}
