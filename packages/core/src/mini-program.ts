import type { Adapter } from './adapter'
import { describe } from './errors'

type Callbacks<T> = { success?: (result: T) => void; fail?: (error: { errMsg: string }) => void }
type Api<O, T> = (options: O & Callbacks<T>) => unknown
type Result<K extends keyof MiniProgramApi> = NonNullable<MiniProgramApi[K]> extends Api<infer _, infer T> ? T : never

/**
 * The callback-style API that WeChat defined and Taro and uni-app mirror (`wx`, `Taro`, `uni`): only the functions
 * the SDK uses. Optional members are used where the platform has them.
 */
export interface MiniProgramApi {
  // Option types are the literal values the adapter passes, so the platforms' own typings (unions) fit.
  request: Api<
    {
      url: string
      method: 'GET' | 'POST'
      header: Record<string, string>
      data?: string
      timeout: number
      dataType: 'text'
      responseType: 'text'
    },
    { statusCode: number; data: unknown }
  >
  getStorage: Api<{ key: string }, { data: unknown }>
  setStorage: Api<{ key: string; data: unknown }, unknown>
  removeStorage: Api<{ key: string }, unknown>
  login: Api<object, { code: string }>
  uploadFile: Api<{ url: string; filePath: string; name: string; timeout: number }, { statusCode: number; data: unknown }>
  chooseMedia?: Api<
    { count: number; mediaType: 'image'[]; sourceType: ('album' | 'camera')[]; sizeType: 'compressed'[] },
    { tempFiles: { tempFilePath: string }[] }
  >
  chooseImage?: Api<{ count: number; sourceType: ('album' | 'camera')[]; sizeType: 'compressed'[] }, { tempFilePaths: string[] }>
  getRandomValues?: Api<{ length: number }, { randomValues: ArrayBuffer }>
  onAppShow?: (listener: () => void) => void
  offAppShow?: (listener: () => void) => void
}

const noop = () => {}

/**
 * Maps a wx-style callback API to the core's {@link Adapter}. Only the callback forms are used, so it behaves the same
 * on uni-app Vue 2 and Vue 3 and on every Taro version.
 * @param api - `wx`, `Taro`, `uni`, or an object of the same shape (a simulated runtime in tests)
 */
export function createMiniProgramAdapter(api: MiniProgramApi): Adapter {
  function call<K extends keyof MiniProgramApi>(name: K, options: object): Promise<Result<K>> {
    return new Promise<Result<K>>((success, fail) => {
      const task = (api[name] as Api<object, Result<K>>)(Object.assign({ success, fail }, options))
      // Taro also returns a promise that rejects on failure; the callbacks already carry the outcome.
      if (task && typeof (task as Promise<unknown>).then == 'function') (task as Promise<unknown>).then(undefined, noop)
    })
  }
  const response = (result: { statusCode: number; data: unknown }) => ({ status: result.statusCode, body: result.data })
  const picker = { count: 1, sourceType: ['album', 'camera'] as ('album' | 'camera')[], sizeType: ['compressed'] as 'compressed'[] }

  return {
    // dataType 'text': the core parses the body itself, so broken JSON is reported, not silently passed on.
    request: ({ url, method, headers, body, timeout }) =>
      call('request', { url, method, header: headers, data: body, timeout, dataType: 'text', responseType: 'text' }).then(response),
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
    login: () => call('login', {}).then((result) => result.code),
    chooseImage: () =>
      api.chooseMedia
        ? call('chooseMedia', Object.assign({ mediaType: ['image'] }, picker)).then(
            (result) => result.tempFiles[0].tempFilePath,
          )
        : call('chooseImage', picker).then((result) => result.tempFilePaths[0]),
    uploadFile: ({ url, filePath, name, timeout }) => call('uploadFile', { url, filePath, name, timeout }).then(response),
    getRandomValues:
      api.getRandomValues &&
      ((length) =>
        call('getRandomValues', { length }).then(
          (result) => new Uint8Array(result.randomValues),
        )),
    onAppShow:
      api.onAppShow &&
      ((listener) => {
        api.onAppShow!(listener)
        return () => api.offAppShow && api.offAppShow(listener)
      }),
  }
}
