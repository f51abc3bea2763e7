// The shapes of the simulated `tt` where Douyin differs from WeChat; everything else has wx's shapes.
import type { AsyncApi, WxApi, WxOk } from '../wx/types'

/** Options of `tt.login`. */
export interface TtLoginOptions {
  /** When the user is not logged in to the Douyin app: `true` (default) opens the app's login dialog first. */
  force?: boolean
}

/** Result of `tt.login`: `code` only when the user is logged in to the Douyin app; `anonymousCode` always. */
export interface TtLoginSuccess extends WxOk {
  /** The login code, valid once (absent when `isLogin` is false). */
  code?: string
  /** Identifies the device; valid once. */
  anonymousCode: string
  /** Whether the user is logged in to the Douyin app. */
  isLogin: boolean
}

/** What a `<button open-type="getPhoneNumber" bindgetphonenumber>` handler receives in `e.detail` on Douyin. */
export interface TtEncryptedData {
  /** Base64 AES-128-CBC ciphertext, with the session key of the user's current login. */
  encryptedData: string
  /** Base64 initialisation vector. */
  iv: string
}

/** `tt.getEnvInfoSync()`: the mini program's identity and version. */
export interface TtEnvInfo {
  /** The mini program. */
  microapp: {
    /** Version of the uploaded code. */
    mpVersion: string
    /** `development`, `preview` or `production`. */
    envType: string
    /** The mini program's AppID. */
    appId: string
  }
  /** Information shared by every mini program. */
  common: {
    /** Root of the mini program's user data files. */
    USER_DATA_PATH: string
  }
}

/** The simulated `tt` API: wx's, with Douyin's `login`, and `getEnvInfoSync` instead of `getAccountInfoSync`. */
export type TtApi = Omit<WxApi, 'login' | 'getAccountInfoSync'> & {
  /** `tt.login`: a fresh code per call, with `anonymousCode` and `isLogin`. */
  login: AsyncApi<TtLoginOptions, TtLoginSuccess>
  /** `tt.getEnvInfoSync`. */
  getEnvInfoSync(): TtEnvInfo
}
