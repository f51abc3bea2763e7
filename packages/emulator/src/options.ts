import type { EmulatorConfig, EmulatorSeed } from './types'

/** Options of {@link startEmulator}. All optional. */
export interface EmulatorOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number
  /** Interface to listen on. Default `127.0.0.1`; use `0.0.0.0` to reach it from other devices. */
  host?: string
  /** Receives one line per request (and notes such as sent codes); `false` for silence. Default: stdout. */
  logger?: false | ((line: string) => void)
  /** Extra users, pools, apps and connections, applied at start and on every reset. */
  seed?: EmulatorSeed
  /** A JSON state file: loaded at start when it exists, written on `close()`. */
  data?: string
  /** Access token lifetime in seconds (default 86400). */
  accessTokenLifetime?: number
  /** ID token lifetime in seconds (default: the access token lifetime). */
  idTokenLifetime?: number
  /** Refresh token lifetime in seconds (default 30 days). */
  refreshTokenLifetime?: number
  /** Opt-in: map unknown `wx.login` codes (real ones from WeChat DevTools) to this openid. */
  wechatDevIdentity?: string
  /** Opt-in: map unknown phone codes (real `getPhoneNumber` codes) to this mainland phone number. */
  wechatDevPhone?: string
  /** Opt-in: map unknown `tt.login` codes (real ones from Douyin DevTools) to this Douyin openid. */
  douyinDevIdentity?: string
  /** Start the emulator clock this many milliseconds away from the wall clock. */
  clock?: number
  /** Generate new keys for this instance instead of sharing the process-wide ones. */
  freshKeys?: boolean
  /** Any other runtime setting. */
  config?: Partial<EmulatorConfig>
  /** How many requests the request log keeps (default 1000). */
  requestLogSize?: number
  /**
   * Origins (`scheme://host[:port]`) whose web pages may call the Authing API routes, besides loopback origins such
   * as `http://localhost:5173`; `'*'` allows every origin. The control plane never answers another origin.
   */
  corsOrigins?: string[]
  /**
   * Host names requests may be addressed to, besides loopback names, IP addresses and `host` (others get 403, against
   * DNS rebinding). A leading dot allows every subdomain: `.example.test`.
   */
  allowedHosts?: string[]
  /** Token the control plane requires (`Authorization: Bearer <token>`). Default: generated when `host` is not loopback. */
  controlToken?: string
}

const DAY = 24 * 60 * 60

export function initialConfig(options: EmulatorOptions): EmulatorConfig {
  const accessTokenLifetime = options.accessTokenLifetime ?? options.config?.accessTokenLifetime ?? DAY
  return {
    accessTokenLifetime,
    idTokenLifetime: accessTokenLifetime,
    refreshTokenLifetime: 30 * DAY,
    allowRegistration: true,
    revocationResponse: 'empty',
    errorHttpStatus: 'always-200',
    mirrorExpireIn: true,
    wechatDevIdentity: null,
    wechatDevPhone: null,
    douyinDevIdentity: null,
    codeLifetime: 300,
    resendInterval: 60,
    actionTokenLifetime: 60,
    verifyOldContact: false,
    ...options.config,
    ...(options.idTokenLifetime !== undefined ? { idTokenLifetime: options.idTokenLifetime } : {}),
    ...(options.refreshTokenLifetime !== undefined ? { refreshTokenLifetime: options.refreshTokenLifetime } : {}),
    ...(options.wechatDevIdentity ? { wechatDevIdentity: options.wechatDevIdentity } : {}),
    ...(options.wechatDevPhone ? { wechatDevPhone: options.wechatDevPhone } : {}),
    ...(options.douyinDevIdentity ? { douyinDevIdentity: options.douyinDevIdentity } : {}),
  }
}
