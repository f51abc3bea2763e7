import type { Adapter, HttpResponse, Platform } from './adapter'
import { describe } from './errors'
import { noop } from './noop'
import type { TimedOut } from './timeout'

type Callbacks<T> = { success?: (result: T) => void; fail?: (error: { errMsg: string }) => void }
type Api<O, T> = (options: O & Callbacks<T>) => unknown
type Result<K extends keyof MiniProgramApi> = NonNullable<MiniProgramApi[K]> extends Api<infer _, infer T> ? T : never

/**
 * The callback-style API that WeChat defined and Taro and uni-app mirror (`wx`, `Taro`, `uni`): only the functions
 * the SDK uses. Optional members are used where the platform has them.
 */
export interface MiniProgramApi {
  // Option types are the literal values the adapter passes, so the platforms' own typings (unions) fit.
  /** `wx.request`: an HTTP request; every HTTP status arrives in `success`, only transport failures in `fail`. */
  request: Api<
    {
      /** Absolute URL. */
      url: string
      /** HTTP method. */
      method: 'GET' | 'POST'
      /** Request headers. */
      header: Record<string, string>
      /** The serialised body. */
      data?: string
      /** Milliseconds before the platform abandons the request. */
      timeout: number
      /** `text`: the core parses the body itself. */
      dataType: 'text'
      /** `text`: the body arrives as a string. */
      responseType: 'text'
    },
    {
      /** HTTP status. */
      statusCode: number
      /** The response body. */
      data: unknown
    }
  >
  /** `wx.getStorage`: reads a key; fails when the key does not exist. */
  getStorage: Api<
    {
      /** Storage key. */
      key: string
    },
    {
      /** The stored value. */
      data: unknown
    }
  >
  /** `wx.setStorage`: stores a value (objects as objects). */
  setStorage: Api<
    {
      /** Storage key. */
      key: string
      /** The value to store. */
      data: unknown
    },
    unknown
  >
  /** `wx.removeStorage`: removes a key. */
  removeStorage: Api<
    {
      /** Storage key. */
      key: string
    },
    unknown
  >
  /**
   * `wx.login` / `tt.login`: a fresh, single-use login code. Absent on the web, where the mini program methods fail with
   * `platform`.
   */
  login?: Api<
    object,
    {
      /** The login code, valid for 5 minutes; Douyin gives none to a user not logged in to its app. */
      code?: string
    }
  >
  /** `wx.uploadFile`: uploads a local file as multipart/form-data. */
  uploadFile: Api<
    {
      /** Absolute URL. */
      url: string
      /** Local path of the file. */
      filePath: string
      /** Multipart field name of the file part. */
      name: string
      /** Milliseconds before the platform abandons the upload. */
      timeout: number
    },
    {
      /** HTTP status. */
      statusCode: number
      /** The response body (a string on WeChat). */
      data: unknown
    }
  >
  /** `wx.chooseMedia` (base library 2.10.0+): lets the user pick an image; preferred over `chooseImage`. */
  chooseMedia?: Api<
    {
      /** How many files may be picked. */
      count: number
      /** Images only. */
      mediaType: 'image'[]
      /** Where the image may come from. */
      sourceType: ('album' | 'camera')[]
      /** Compressed images only. */
      sizeType: 'compressed'[]
    },
    {
      /** The picked files. */
      tempFiles: {
        /** Local path of the picked file. */
        tempFilePath: string
      }[]
    }
  >
  /** `wx.chooseImage`: lets the user pick an image where `chooseMedia` is missing. */
  chooseImage?: Api<
    {
      /** How many images may be picked. */
      count: number
      /** Where the image may come from. */
      sourceType: ('album' | 'camera')[]
      /** Compressed images only. */
      sizeType: 'compressed'[]
    },
    {
      /** Local paths of the picked images. */
      tempFilePaths: string[]
    }
  >
  /** `wx.getRandomValues` (base library 2.15.0+): cryptographically secure random bytes. */
  getRandomValues?: Api<
    {
      /** How many bytes. */
      length: number
    },
    {
      /** The random bytes. */
      randomValues: ArrayBuffer
    }
  >
  /** `wx.onAppShow`: subscribes to the app coming back to the foreground. */
  onAppShow?: (listener: () => void) => void
  /** `wx.offAppShow`: unsubscribes a listener of `onAppShow`. */
  offAppShow?: (listener: () => void) => void
}

/**
 * Maps a wx-style callback API to the core's {@link Adapter}. Only the callback forms are used, so it behaves the same
 * on uni-app Vue 2 and Vue 3 and on every Taro version.
 * @param api - `wx`, `tt`, `Taro`, `uni`, or an object of the same shape (a simulated runtime in tests)
 * @param platform - whose login protocol to speak: `wx` (default) or `tt` (Douyin's `tt` has wx's shape)
 */
export function createMiniProgramAdapter(api: MiniProgramApi, platform: Platform = 'wx'): Adapter {
  function call<K extends keyof MiniProgramApi>(name: K, options: object): Promise<Result<K>> {
    return new Promise<Result<K>>((success, fail) => {
      const task = (api[name] as Api<object, Result<K>>)(Object.assign({ success, fail }, options))
      // Taro also returns a promise that rejects on failure; the callbacks already carry the outcome, so whatever the call
      // returns is left to settle unheard.
      void Promise.resolve(task).catch(noop)
    })
  }
  /**
   * A request or an upload: every HTTP status is a response; a failure whose errMsg says so (wx: "request:fail
   * timeout") is reported as a timeout, the one place where the platforms' wording is read.
   */
  function transfer(name: 'request' | 'uploadFile', options: object): Promise<HttpResponse> {
    return call(name, options).then(
      (result) => ({ status: result.statusCode, body: result.data }),
      (error: unknown) => {
        const errMsg = describe(error)
        throw /time ?out/i.test(errMsg) ? ({ timeout: true, errMsg } satisfies TimedOut) : error
      },
    )
  }
  const picker = { count: 1, sourceType: ['album', 'camera'] as ('album' | 'camera')[], sizeType: ['compressed'] as 'compressed'[] }

  return {
    // dataType 'text': the core parses the body itself, so broken JSON is reported, not silently passed on.
    request: ({ url, method, headers, body, timeout }) =>
      transfer('request', { url, method, header: headers, data: body, timeout, dataType: 'text', responseType: 'text' }),
    storage: {
      getItem: (key) =>
        call('getStorage', { key }).then(
          (result) => result.data,
          (error) => {
            // A missing key is a failure on these platforms ("getStorage:fail data not found"), not an error for us.
            if (/not found|not exist/i.test(describe(error))) return undefined
            throw error
          },
        ),
      setItem: (key, data) => call('setStorage', { key, data }).then(noop),
      removeItem: (key) => call('removeStorage', { key }).then(noop),
    },
    // No code (Douyin, user not logged in) is '', which the core refuses before sending anything.
    login: api.login && (() => call('login', {}).then((result) => result.code || '')),
    chooseImage: () =>
      api.chooseMedia
        ? call('chooseMedia', Object.assign({ mediaType: ['image'] }, picker)).then((result) => result.tempFiles[0].tempFilePath)
        : call('chooseImage', picker).then((result) => result.tempFilePaths[0]),
    // The upload request's fields are wx.uploadFile's own.
    uploadFile: (upload) => transfer('uploadFile', upload),
    getRandomValues:
      api.getRandomValues && ((length) => call('getRandomValues', { length }).then((result) => new Uint8Array(result.randomValues))),
    onAppShow:
      api.onAppShow &&
      ((listener) => {
        api.onAppShow!(listener)
        return () => api.offAppShow && api.offAppShow(listener)
      }),
    platform,
  }
}

/** The browser's Web Crypto (`crypto`): only what the SDK uses. */
export interface WebCrypto {
  /** Fills the array with cryptographically secure random values. */
  getRandomValues(array: Uint8Array): Uint8Array
}

/**
 * Maps the wx-shaped API of a framework's web build (Taro or uni-app H5) to an {@link Adapter}: the same mapping as
 * {@link createMiniProgramAdapter}, without a login code (a web page has no `wx.login`, so the WeChat methods fail
 * with `platform`) and with random bytes from the browser's `crypto` (the frameworks' own `getRandomValues` is
 * missing or a stub there).
 * @param api - the framework's web APIs (`request`, storage, `chooseImage`, `uploadFile`…); `login` and
 *   `getRandomValues` are ignored
 * @param crypto - the browser's `crypto` global (the core reads no globals itself)
 */
export function createWebAdapter(api: MiniProgramApi, crypto: WebCrypto | undefined): Adapter {
  const adapter = createMiniProgramAdapter(Object.assign({}, api, { login: undefined, getRandomValues: undefined }))
  if (crypto) adapter.getRandomValues = (length) => new Promise((resolve) => resolve(crypto.getRandomValues(new Uint8Array(length))))
  return adapter
}
