import type { Adapter } from './adapter'
import { body, optionalFields, text, type Fields } from './arguments'
import { checkEncryptType, createEncryption, type Encryption } from './encryption'
import { authingError, platformCall, toAuthingError } from './errors'
import { createHttp, REVOCATION_PATH, type Http } from './http'
import { createSession, type Session } from './session'
import type {
  AuthingOptions,
  BindEmailParams,
  BindPhoneParams,
  BindWxByCodeParams,
  DecryptDataParams,
  DeleteAccountParams,
  DeleteAccountRequestParams,
  DeleteAccountRequestResult,
  GetPhoneParams,
  GetUserInfoParams,
  GetUserPhoneResponseData,
  LoginByCodeParams,
  LoginByPassCodeParams,
  LoginByPasswordParams,
  LoginByPhoneParams,
  NormalLoginOptions,
  PasswordEncryptType,
  LoginState,
  LoginStateListener,
  SDKResponse,
  SendEmailCodeParams,
  SendSmsParams,
  SimpleResponseData,
  SuccessResult,
  UpdateEmailParams,
  UpdateEmailRequestParams,
  UpdateEmailRequestResult,
  UpdatePasswordParams,
  UpdatePhoneParams,
  UpdatePhoneRequestParams,
  UpdatePhoneRequestResult,
  UpdateUserInfoParams,
  UploadFileResponseData,
  UserInfo,
  WechatMiniProgramCodeAndPhonePayload,
} from './types'

const noop = () => {}
const copy = <T>(value: T): T => Object.assign({}, value)
const LOOPBACK = /^http:\/\/(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?(\/|$)/i

/** Throws a TypeError naming the first missing or malformed option; returns the adapter with the app's overrides. */
function checkOptions(options: AuthingOptions, platform: Adapter): Adapter {
  const fail = (name: string, expected: string): never => {
    throw new TypeError(`Authing: ${name} must be ${expected}`)
  }
  const isText = (value: unknown) => typeof value == 'string' && value != ''
  const isFunction = (value: unknown) => typeof value == 'function'
  const given = options || ({} as AuthingOptions)
  const check = <K extends keyof AuthingOptions>(
    name: K,
    ok: (value: NonNullable<AuthingOptions[K]>) => boolean,
    expected: string,
    required?: 1,
  ) => {
    try {
      if (given[name] == null ? !required : ok(given[name]!)) return
    } catch {
      // an option that cannot even be read (a throwing getter, a hostile proxy) is malformed too
    }
    fail(name, expected)
  }
  if (typeof options != 'object' || !options) fail('options', 'an object with appId and userPoolId')
  check('appId', isText, 'a non-empty string', 1)
  check('userPoolId', isText, 'a non-empty string', 1)
  check(
    'host',
    (host) => isText(host) && (/^https:\/\/[^/]/i.test(host) || LOOPBACK.test(host)),
    'an https:// URL (http:// only for localhost, 127.x.x.x or [::1])',
  )
  check('encryptFunction', isFunction, 'a function')
  // A platform timer fires at once when asked to wait 2^31 ms or more.
  check('timeout', (ms) => typeof ms == 'number' && ms > 0 && ms < 2 ** 31, 'a positive number of milliseconds below 2^31')
  check('refreshMargin', (ms) => typeof ms == 'number' && ms >= 0 && ms < Infinity, 'a number of milliseconds')
  check('now', isFunction, 'a function returning epoch milliseconds')
  let adapter = platform
  check('adapter', (parts) => typeof parts == 'object' && !!(adapter = Object.assign({}, platform, parts)), 'an object')
  const storage = adapter && adapter.storage
  if (!storage || !isFunction(adapter.request) || ![storage.getItem, storage.setItem, storage.removeItem].every(isFunction)) {
    fail('adapter', 'a platform adapter (use the Authing class of @authing/miniapp-wx, -taro or -uniapp)')
  }
  return adapter
}

/** What proves an account deletion request: the fields each `verifyMethod` needs. */
const DELETE_PROOFS: Fields = {
  PHONE_PASSCODE: 'phonePassCodePayload.phoneNumber phonePassCodePayload.passCode',
  EMAIL_PASSCODE: 'emailPassCodePayload.email emailPassCodePayload.passCode',
  PASSWORD: 'passwordPayload.password',
}

/**
 * The Authing client for mini programs. Platform packages export it bound to their platform:
 * `import { Authing } from '@authing/miniapp-wx'`.
 *
 * Every method resolves to `[null, data]` or `[error, undefined]` and never throws or rejects. Calls that need the
 * user's session renew an expiring access token first (one renewal shared by all callers) and retry once after a 401.
 * Argument objects are copied, never changed.
 *
 * @example
 * const authing = new Authing({ appId: 'AUTHING_APP_ID', host: 'https://my-app.authing.cn', userPoolId: 'USER_POOL_ID' })
 * const [error, loginState] = await authing.getLoginState()
 */
export class Authing {
  private readonly adapter: Adapter
  private readonly http: Http
  private readonly session: Session
  private readonly encryption: Encryption
  private readonly appId: string
  private readonly pool: Record<string, string>

  /**
   * Creates a client. Does no I/O: storage is first read by the first call that needs the login state.
   * @param options - app, user pool, host and behaviour options
   * @param adapter - the platform adapter (platform packages pass their own)
   * @throws TypeError naming the option, when one is missing or malformed (e.g. no appId, or a non-https host)
   */
  constructor(options: AuthingOptions, adapter: Adapter) {
    this.adapter = checkOptions(options, adapter)
    const { appId, userPoolId, host, encryptFunction, timeout = 10000, refreshMargin = 60000, now = Date.now } = options
    this.appId = appId
    this.pool = { 'x-authing-userpool-id': userPoolId }
    this.http = createHttp((host || 'https://core.authing.cn').replace(/\/+$/, ''), this.adapter, timeout)
    this.session = createSession({ appId, adapter: this.adapter, http: this.http, now, margin: refreshMargin })
    this.encryption = createEncryption(this.http, this.adapter, now, encryptFunction)
  }

  /**
   * Resolves with a usable login state: the stored one, renewed first when its access token has expired (or is about
   * to) and a refresh token exists. Fails with `not_logged_in` or `session_expired` when there is none.
   * @example
   * const [error, loginState] = await authing.getLoginState()
   * if (error) showLoginButton()
   */
  getLoginState(): Promise<SDKResponse<LoginState>> {
    return this.run(() => this.session.current().then(copy))
  }

  /** Forgets the login state on this device without contacting the server. Resolves with `true`. */
  clearLoginState(): Promise<SDKResponse<true>> {
    return this.run(() => this.session.clear('logout').then(() => true as const))
  }

  /**
   * Resolves with the server's public key for password encryption (cached for 10 minutes).
   * @param type - `rsa` (PEM) or `sm2` (hex)
   */
  getPublicKey(type: 'rsa' | 'sm2'): Promise<SDKResponse<string>> {
    return this.run(() => this.encryption.publicKey(type))
  }

  /** Resolves with a fresh platform login code (`wx.login`), e.g. to pass to `decryptData`. */
  getLoginCode(): Promise<SDKResponse<string>> {
    return this.run(() => this.loginCode())
  }

  /**
   * Logs in with a fresh WeChat login code (always asks the server, even when a session exists).
   * @example
   * const [error, loginState] = await authing.loginByCode({
   *   extIdpConnidentifier: 'AUTHING_EXT_IDP_CONN_IDENTIFIER',
   *   options: { scope: 'openid profile offline_access' },
   * })
   */
  loginByCode(params: LoginByCodeParams): Promise<SDKResponse<LoginState>> {
    return this.run(async (params) => {
      const request = body(params, 'extIdpConnidentifier', { connection: 'wechat_mini_program_code' })
      request.wechatMiniProgramCodePayload = await this.codePayload(request.wechatMiniProgramCodePayload)
      return this.login(request)
    }, params)
  }

  /**
   * Logs in with the phone number the user shares through `<button open-type="getPhoneNumber">`, plus a fresh login code.
   * @example
   * const [error, loginState] = await authing.loginByPhone({
   *   extIdpConnidentifier: 'AUTHING_EXT_IDP_CONN_IDENTIFIER',
   *   wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: { code: e.detail.code } },
   * })
   */
  loginByPhone(params: LoginByPhoneParams): Promise<SDKResponse<LoginState>> {
    return this.run(async (params) => {
      const name = 'wechatMiniProgramCodeAndPhonePayload'
      const request = body(params, 'extIdpConnidentifier', { [name]: (params || {}).miniProgramCodeAndPhonePayload })
      const payload = body(request[name], 'wxPhoneInfo.code') as unknown as WechatMiniProgramCodeAndPhonePayload
      delete request.miniProgramCodeAndPhonePayload
      request.connection = 'wechat_mini_program_code_and_phone'
      request[name] = {
        wxPhoneInfo: { code: payload.wxPhoneInfo.code },
        wxLoginInfo: await this.codePayload(payload.wxLoginInfo),
      }
      return this.login(request)
    }, params)
  }

  /**
   * Logs in with a password and an account, username, e-mail or phone. With `options.passwordEncryptType` `rsa` or
   * `sm2` the password is encrypted (the call fails with `encrypt_failed` rather than send it in clear).
   * @example
   * const [error, loginState] = await authing.loginByPassword({
   *   passwordPayload: { password: 'USER_PASSWORD', username: 'USER_NAME' },
   *   options: { passwordEncryptType: 'rsa', scope: 'openid profile offline_access' },
   * })
   */
  loginByPassword(params: LoginByPasswordParams): Promise<SDKResponse<LoginState>> {
    return this.run(async (params) => {
      const request = body(params, 'passwordPayload.password', { connection: 'PASSWORD' })
      const payload = body(request.passwordPayload, '')
      text(payload.account || payload.username || payload.email || payload.phone, 'passwordPayload.account (or username, email, phone)')
      const type = (request.options && (request.options as NormalLoginOptions).passwordEncryptType) as PasswordEncryptType
      payload.password = await this.encryption.encrypt(payload.password as string, type)
      request.passwordPayload = payload
      return this.login(request, 'signin')
    }, params)
  }

  /**
   * Logs in with a code sent by `sendSms` or `sendEmailCode` (channel `CHANNEL_LOGIN`).
   * @example
   * const [error, loginState] = await authing.loginByPassCode({ passCodePayload: { passCode: '123456', phone: '188xxxx8888' } })
   */
  loginByPassCode(params: LoginByPassCodeParams): Promise<SDKResponse<LoginState>> {
    return this.run((params) => {
      const request = body(params, 'passCodePayload.passCode', { connection: 'PASSCODE' })
      const payload = body(request.passCodePayload, '')
      text(payload.phone || payload.email, 'passCodePayload.phone (or email)')
      if (payload.phone) payload.phoneCountryCode = payload.phoneCountryCode || '+86'
      request.passCodePayload = payload
      return this.login(request, 'signin')
    }, params)
  }

  /**
   * Sends a verification code by SMS (one per number and channel per minute).
   * @example
   * const [error] = await authing.sendSms({ phoneNumber: '188xxxx8888', phoneCountryCode: '+86', channel: 'CHANNEL_LOGIN' })
   */
  sendSms(params: SendSmsParams): Promise<SDKResponse<SimpleResponseData>> {
    return this.call('send-sms', params, 'phoneNumber channel', { phoneCountryCode: '+86' })
  }

  /**
   * Sends a verification code by e-mail (one per address and channel per minute).
   * @example
   * const [error] = await authing.sendEmailCode({ email: 'user@example.com', channel: 'CHANNEL_LOGIN' })
   */
  sendEmailCode(params: SendEmailCodeParams): Promise<SDKResponse<SimpleResponseData>> {
    return this.call('send-email', params, 'email channel')
  }

  /**
   * Renews the session now with the refresh token (works after the access token has expired). Authenticated calls
   * do this by themselves when needed. A rejected refresh token ends the session (`session_expired`).
   */
  refreshToken(): Promise<SDKResponse<LoginState>> {
    return this.run(async () => {
      const state = await this.session.peek()
      if (!state) throw authingError('not_logged_in', 'Not logged in')
      if (!state.refresh_token) {
        throw authingError('invalid_argument', 'This session has no refresh token: log in with the scope offline_access')
      }
      return copy(await this.session.refresh(state))
    })
  }

  /**
   * Logs out: clears the login state on this device (always, even offline) and revokes the access and refresh
   * tokens on the server where it can. Resolves with `true`.
   */
  logout(): Promise<SDKResponse<true>> {
    return this.run(async () => {
      const state = await this.session.peek().catch(noop)
      const revoke = (token: string | undefined, hint: string) =>
        token && this.http.send({ path: REVOCATION_PATH, form: { client_id: this.appId, token, token_type_hint: hint } }).catch(noop)
      await Promise.all([
        this.session.clear('logout'),
        state && revoke(state.access_token, 'access_token'),
        state && revoke(state.refresh_token, 'refresh_token'),
      ])
      return true as const
    })
  }

  /**
   * Changes the password. With `passwordEncryptType` `rsa` or `sm2` both passwords are encrypted.
   * @example
   * const [error] = await authing.updatePassword({ newPassword: 'NEW', oldPassword: 'OLD', passwordEncryptType: 'sm2' })
   */
  updatePassword(params: UpdatePasswordParams): Promise<SDKResponse<SimpleResponseData>> {
    return this.run(async (params) => {
      const request = body(params, 'newPassword')
      const type = request.passwordEncryptType as PasswordEncryptType
      if (request.oldPassword != null) text(request.oldPassword, 'oldPassword')
      checkEncryptType(type)
      await this.session.current()
      const encrypt = (password: unknown) => password && this.encryption.encrypt(password as string, type)
      ;[request.newPassword, request.oldPassword] = await Promise.all([encrypt(request.newPassword), encrypt(request.oldPassword)])
      return this.user('update-password', request)
    }, params)
  }

  /**
   * Resolves with the user's profile; custom data, identities and department ids only when asked for.
   * @example
   * const [error, userInfo] = await authing.getUserInfo({ withIdentities: true })
   */
  getUserInfo(params?: GetUserInfoParams): Promise<SDKResponse<UserInfo>> {
    return this.run((params) => {
      const flags = optionalFields(params, 'params') || {}
      return this.user('get-profile', undefined, {
        withCustomData: !!flags.withCustomData,
        withDepartmentIds: !!flags.withDepartmentIds,
        withIdentities: !!flags.withIdentities,
      })
    }, params)
  }

  /**
   * Updates profile fields and resolves with the updated profile.
   * @example
   * const [error, userInfo] = await authing.updateUserInfo({ nickname: 'Alice', address: 'YOUR_ADDRESS' })
   */
  updateUserInfo(params: UpdateUserInfoParams): Promise<SDKResponse<UserInfo>> {
    return this.userCall('update-profile', params, '')
  }

  /**
   * Lets the user pick an image, uploads it and makes it the user's photo. Resolves with the upload's answer
   * (`data.url` is the new photo); fails if the picker is cancelled, the upload fails or the profile is not updated.
   */
  updateAvatar(): Promise<SDKResponse<UploadFileResponseData>> {
    return this.run(async () => {
      await this.session.current()
      const filePath = await platformCall('platform', 'Choosing an image', () => this.adapter.chooseImage())
      const uploaded = (await this.http.upload(filePath)) as UploadFileResponseData
      await this.user('update-profile', { photo: uploaded.data.url })
      return uploaded
    })
  }

  /**
   * Resolves with the phone number the user shares through `<button open-type="getPhoneNumber">` (no login needed).
   * @example
   * const [error, phone] = await authing.getPhone({ extIdpConnidentifier: 'AUTHING_EXT_IDP_CONN_IDENTIFIER', code: e.detail.code })
   */
  getPhone(params: GetPhoneParams): Promise<SDKResponse<GetUserPhoneResponseData>> {
    return this.run(async (params) => {
      const data: Fields = await this.api('get-wechat-miniprogram-phone', body(params, 'extIdpConnidentifier code'))
      return ((data && data.phone_info) || data) as GetUserPhoneResponseData
    }, params)
  }

  /**
   * Binds a phone number to a user who has none, with a code from `sendSms` (`CHANNEL_BIND_PHONE`).
   * @example
   * const [error] = await authing.bindPhone({ phoneNumber: '188xxxx8888', passCode: '123456' })
   */
  bindPhone(params: BindPhoneParams): Promise<SDKResponse<SimpleResponseData>> {
    return this.userCall('bind-phone', params, 'phoneNumber passCode')
  }

  /**
   * Verifies a phone number change with codes sent to the new (and, if the pool asks, the old) number, and resolves
   * with the token for `updatePhone`.
   */
  updatePhoneRequest(params: UpdatePhoneRequestParams): Promise<SDKResponse<UpdatePhoneRequestResult>> {
    const required = 'phonePassCodePayload.newPhoneNumber phonePassCodePayload.newPhonePassCode'
    return this.userCall('verify-update-phone-request', params, required, { verifyMethod: 'PHONE_PASSCODE' })
  }

  /** Completes a phone number change with the token from `updatePhoneRequest`. */
  updatePhone(params: UpdatePhoneParams): Promise<SDKResponse<SuccessResult>> {
    return this.userCall('update-phone', params, 'updatePhoneToken')
  }

  /**
   * Binds an e-mail address to a user who has none, with a code from `sendEmailCode` (`CHANNEL_BIND_EMAIL`).
   * @example
   * const [error] = await authing.bindEmail({ email: 'user@example.com', passCode: '123456' })
   */
  bindEmail(params: BindEmailParams): Promise<SDKResponse<SimpleResponseData>> {
    return this.userCall('bind-email', params, 'email passCode')
  }

  /**
   * Verifies an e-mail change with codes sent to the new (and, if the pool asks, the old) address, and resolves with
   * the token for `updateEmail`.
   */
  updateEmailRequest(params: UpdateEmailRequestParams): Promise<SDKResponse<UpdateEmailRequestResult>> {
    const required = 'emailPassCodePayload.newEmail emailPassCodePayload.newEmailPassCode'
    return this.userCall('verify-update-email-request', params, required, { verifyMethod: 'EMAIL_PASSCODE' })
  }

  /** Completes an e-mail change with the token from `updateEmailRequest`. */
  updateEmail(params: UpdateEmailParams): Promise<SDKResponse<SuccessResult>> {
    return this.userCall('update-email', params, 'updateEmailToken')
  }

  /**
   * Verifies an account deletion with a phone or e-mail code (`CHANNEL_DELETE_ACCOUNT`) or, for users with neither,
   * the password (encrypted when `passwordPayload.passwordEncryptType` asks), and resolves with the token for
   * `deleteAccount`.
   */
  deleteAccountRequest(params: DeleteAccountRequestParams): Promise<SDKResponse<DeleteAccountRequestResult>> {
    return this.run(async (params) => {
      const request = body(params, 'verifyMethod')
      const method = request.verifyMethod as string
      if (!Object.prototype.hasOwnProperty.call(DELETE_PROOFS, method)) {
        throw authingError('invalid_argument', 'verifyMethod must be PHONE_PASSCODE, EMAIL_PASSCODE or PASSWORD')
      }
      body(request, DELETE_PROOFS[method] as string)
      if (method == 'PASSWORD') {
        const payload = body(request.passwordPayload, '')
        checkEncryptType(payload.passwordEncryptType)
        await this.session.current()
        payload.password = await this.encryption.encrypt(payload.password as string, payload.passwordEncryptType as PasswordEncryptType)
        request.passwordPayload = payload
      }
      return this.user('verify-delete-account-request', request)
    }, params)
  }

  /** Deletes the account with the token from `deleteAccountRequest`, then clears the login state on this device. */
  deleteAccount(params: DeleteAccountParams): Promise<SDKResponse<SuccessResult>> {
    return this.run(async (params) => {
      const result = await this.user('delete-account', body(params, 'deleteAccountToken'))
      await this.session.clear('logout').catch(noop) // the account is gone either way
      return result
    }, params)
  }

  /**
   * Decrypts data from a WeChat open API (`encryptedData` + `iv`) with the session of `code`, a login code obtained
   * with `getLoginCode()` before the data was produced.
   */
  decryptData(params: DecryptDataParams): Promise<SDKResponse<Record<string, unknown>>> {
    return this.call('decrypt-wechat-miniprogram-data', params, 'extIdpConnidentifier encryptedData iv code')
  }

  /** Links the WeChat identity of a fresh login code to the logged-in user. */
  bindWxByCode(params?: BindWxByCodeParams): Promise<SDKResponse<unknown>> {
    return this.run(async (params) => {
      const request = body(params == null ? {} : params, '')
      await this.session.current()
      request.code = await this.loginCode()
      return this.user('/connections/social/wechat-miniprogram/bind', request)
    }, params)
  }

  /**
   * Calls `listener(state, event)` after every change of the login state: `login`, `refresh`, `logout` and `expired`
   * (the session ended). Returns a function that unsubscribes.
   * @example
   * const unsubscribe = authing.onLoginStateChange((state) => this.setData({ loggedIn: !!state }))
   */
  onLoginStateChange(listener: LoginStateListener): () => void {
    return typeof listener == 'function' ? this.session.subscribe(listener) : noop
  }

  /**
   * Runs a method body so that it resolves to a result tuple whatever happens, unserialisable arguments included.
   * The body gets a copy of the argument, read once as JSON: what is checked is what is sent, and a getter, proxy or
   * `toJSON` of the caller's that fails, or answers differently the second time, is an invalid argument before any I/O.
   */
  private run<T, P = undefined>(task: (input: P) => T | Promise<T>, input?: P): Promise<SDKResponse<T>> {
    return new Promise<T>((resolve) => {
      resolve(task(input && typeof input == 'object' ? JSON.parse(JSON.stringify(input)) : input))
    }).then(
      (data): SDKResponse<T> => [null, data],
      (error): SDKResponse<T> => [toAuthingError(error), undefined],
    )
  }

  /** A call identified by the user pool, no login needed. */
  private api(path: string, request: object, headers = this.pool): Promise<never> {
    return this.http.send({ path, body: request, headers }) as Promise<never>
  }

  /** The one authenticated call: the access token is current, and renewed once on a 401. */
  private user(path: string, request?: object, query?: Fields): Promise<never> {
    const headers = (token: string) => Object.assign({ Authorization: token }, this.pool)
    return this.session.authorized((token) => this.http.send({ path, body: request, query, headers: headers(token) })) as Promise<never>
  }

  private call<T>(path: string, params: unknown, required: string, defaults?: Fields): Promise<SDKResponse<T>> {
    return this.run((params) => this.api(path, body(params, required, defaults)), params)
  }

  private userCall<T>(path: string, params: unknown, required: string, defaults?: Fields): Promise<SDKResponse<T>> {
    return this.run((params) => this.user(path, body(params, required, defaults)), params)
  }

  private async login(request: Fields, path = 'signin-by-mobile'): Promise<LoginState> {
    const tokens = await this.api(path, request, { 'x-authing-app-id': this.appId })
    return copy(await this.session.login(tokens))
  }

  /** The WeChat code payload: the caller's optional profile data plus a fresh login code. */
  private async codePayload(given: unknown) {
    const profile = optionalFields(given as Fields, 'the encryptedData/iv payload') || {}
    return { encryptedData: profile.encryptedData || '', iv: profile.iv || '', code: await this.loginCode() }
  }

  private async loginCode(): Promise<string> {
    const code = await platformCall('platform', 'Getting a login code', () => this.adapter.login())
    if (typeof code != 'string' || !code) throw authingError('platform', 'The platform returned no login code')
    return code
  }
}
