import type { Adapter } from './adapter'
import { readEnvelope, type ReadAnswer } from './answer'
import { checkParams, copyArgument, fillDefaults, optionalObject, requireText, type Fields } from './arguments'
import { createEncryption, type Encryption } from './encryption'
import { authingError, callPlatform, toAuthingError } from './errors'
import { createHttp, type Http } from './http'
import { noop } from './noop'
import { checkOptions, mergeAdapter } from './options'
import { protocolOf, type Protocol } from './protocols'
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
} from './types'
import { isFunction, isText } from './value-checks'

const shallowCopy = <T>(value: T): T => Object.assign({}, value)

const REVOCATION_PATH = '/oidc/token/revocation'
const UPLOAD_PATH = '/api/v2/upload?folder=avatar'

/** Revocation is done as far as it can be: whatever the server answers, logout goes on (see `revoke`). */
const ignoreAnswer: ReadAnswer<true> = () => true

/** The file service answers `{ code, message, data: { key, url } }`: a success carries the file's URL. */
const readUpload: ReadAnswer<UploadFileResponseData> = ({ body }) => {
  const data = body.data as Fields | undefined
  return body.code === 200 && data && typeof data.url == 'string' ? (body as unknown as UploadFileResponseData) : undefined
}

/** What proves an account deletion request: the fields each `verifyMethod` needs. */
const DELETE_PROOFS: Record<string, string> = {
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
  private readonly poolHeaders: Record<string, string>
  private readonly protocol: Protocol

  /**
   * Creates a client. Does no I/O: storage is first read by the first call that needs the login state.
   * @param options - app, user pool, host and behaviour options
   * @param platform - the platform adapter (platform packages pass their own); `options.adapter` replaces parts of it
   * @throws TypeError naming the option, when one is missing or malformed (e.g. no appId, or a non-https host)
   */
  constructor(options: AuthingOptions, platform: Adapter) {
    checkOptions(options)
    this.adapter = mergeAdapter(platform, options.adapter)
    const { appId, userPoolId, host, encryptFunction, timeout = 10000, refreshMargin = 60000, now = Date.now } = options
    this.appId = appId
    this.poolHeaders = { 'x-authing-userpool-id': userPoolId }
    this.http = createHttp((host || 'https://core.authing.cn').replace(/\/+$/, ''), this.adapter, timeout)
    this.session = createSession({ appId, adapter: this.adapter, http: this.http, now, margin: refreshMargin })
    this.encryption = createEncryption(this.http, this.adapter, now, encryptFunction)
    // The platform package decides the protocol; the official option `platform` overrides it.
    this.protocol = protocolOf(options.platform || this.adapter.platform)
  }

  /**
   * Resolves with a usable login state: the stored one, renewed first when its access token has expired (or is about
   * to) and a refresh token exists. Fails with `not_logged_in` or `session_expired` when there is none.
   * @example
   * const [error, loginState] = await authing.getLoginState()
   * if (error) showLoginButton()
   */
  getLoginState(): Promise<SDKResponse<LoginState>> {
    return this.settle(async () => shallowCopy(await this.session.current()))
  }

  /** Forgets the login state on this device without contacting the server. Resolves with `true`. */
  clearLoginState(): Promise<SDKResponse<true>> {
    return this.settle(async () => {
      await this.session.clear('logout')
      return true as const
    })
  }

  /**
   * Resolves with the server's public key for password encryption (cached for 10 minutes).
   * @param type - `rsa` (PEM) or `sm2` (hex)
   */
  getPublicKey(type: 'rsa' | 'sm2'): Promise<SDKResponse<string>> {
    return this.settle((type) => this.encryption.publicKey(type), type)
  }

  /** Resolves with a fresh platform login code (`wx.login`), e.g. to pass to `decryptData`. */
  getLoginCode(): Promise<SDKResponse<string>> {
    return this.settle(() => this.freshLoginCode())
  }

  /**
   * Logs in with a fresh platform login code, WeChat's or Douyin's (always asks the server, even when a session exists).
   * @example
   * const [error, loginState] = await authing.loginByCode({
   *   extIdpConnidentifier: 'AUTHING_EXT_IDP_CONN_IDENTIFIER',
   *   options: { scope: 'openid profile offline_access' },
   * })
   */
  loginByCode(params: LoginByCodeParams): Promise<SDKResponse<LoginState>> {
    return this.settle(async (params) => {
      const { codeConnection, codePayload } = this.protocol
      const request = fillDefaults(checkParams(params, 'extIdpConnidentifier'), { connection: codeConnection })
      const payload = await this.codePayload(request[codePayload])
      // Only this platform's payload travels.
      delete request.wechatMiniProgramCodePayload
      delete request.douyinMiniProgramCodePayload
      request[codePayload] = payload
      return this.logIn('signin-by-mobile', request)
    }, params)
  }

  /**
   * Logs in with the phone number the user shares through `<button open-type="getPhoneNumber">`, plus a fresh login code.
   * On WeChat the button gives a phone code; on Douyin its `{ encryptedData, iv }`.
   * @example
   * const [error, loginState] = await authing.loginByPhone({
   *   extIdpConnidentifier: 'AUTHING_EXT_IDP_CONN_IDENTIFIER',
   *   wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: { code: e.detail.code } },
   * })
   * // Douyin
   * const [error, loginState] = await authing.loginByPhone({
   *   extIdpConnidentifier: 'AUTHING_EXT_IDP_CONN_IDENTIFIER',
   *   miniProgramCodeAndPhonePayload: { phoneParams: { encryptedData: e.detail.encryptedData, iv: e.detail.iv } },
   * })
   */
  loginByPhone(params: LoginByPhoneParams): Promise<SDKResponse<LoginState>> {
    return this.settle(async (params) => {
      const { phoneConnection, phonePayload, phoneKey, phoneFields, loginKey } = this.protocol
      const request = checkParams(params, 'extIdpConnidentifier')
      // Older apps name the payload miniProgramCodeAndPhonePayload; the request carries the platform's name only.
      const given = request[phonePayload] || request.miniProgramCodeAndPhonePayload
      delete request.miniProgramCodeAndPhonePayload
      delete request.wechatMiniProgramCodeAndPhonePayload
      delete request.douyinMiniProgramCodeAndPhonePayload
      const phone = checkParams(given, phoneFields.map((field) => `${phoneKey}.${field}`).join(' '))
      const phoneData: Fields = {}
      for (const field of phoneFields) phoneData[field] = (phone[phoneKey] as Fields)[field]
      request.connection = phoneConnection
      request[phonePayload] = { [phoneKey]: phoneData, [loginKey]: await this.codePayload(phone[loginKey]) }
      return this.logIn('signin-by-mobile', request)
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
    return this.settle(async (params) => {
      const request = fillDefaults(checkParams(params, 'passwordPayload.password'), { connection: 'PASSWORD' })
      const payload = request.passwordPayload as Fields
      requireText(
        payload.account || payload.username || payload.email || payload.phone,
        'passwordPayload.account (or username, email, phone)',
      )
      const options = request.options as NormalLoginOptions | undefined
      const encode = this.encryption.encoderFor(options && options.passwordEncryptType)
      payload.password = await encode(payload.password as string)
      return this.logIn('signin', request)
    }, params)
  }

  /**
   * Logs in with a code sent by `sendSms` or `sendEmailCode` (channel `CHANNEL_LOGIN`).
   * @example
   * const [error, loginState] = await authing.loginByPassCode({ passCodePayload: { passCode: '123456', phone: '188xxxx8888' } })
   */
  loginByPassCode(params: LoginByPassCodeParams): Promise<SDKResponse<LoginState>> {
    return this.settle((params) => {
      const request = fillDefaults(checkParams(params, 'passCodePayload.passCode'), { connection: 'PASSCODE' })
      const payload = request.passCodePayload as Fields
      requireText(payload.phone || payload.email, 'passCodePayload.phone (or email)')
      if (payload.phone) fillDefaults(payload, { phoneCountryCode: '+86' })
      return this.logIn('signin', request)
    }, params)
  }

  /**
   * Sends a verification code by SMS (one per number and channel per minute).
   * @example
   * const [error] = await authing.sendSms({ phoneNumber: '188xxxx8888', phoneCountryCode: '+86', channel: 'CHANNEL_LOGIN' })
   */
  sendSms(params: SendSmsParams): Promise<SDKResponse<SimpleResponseData>> {
    return this.poolMethod('send-sms', params, 'phoneNumber channel', { phoneCountryCode: '+86' })
  }

  /**
   * Sends a verification code by e-mail (one per address and channel per minute).
   * @example
   * const [error] = await authing.sendEmailCode({ email: 'user@example.com', channel: 'CHANNEL_LOGIN' })
   */
  sendEmailCode(params: SendEmailCodeParams): Promise<SDKResponse<SimpleResponseData>> {
    return this.poolMethod('send-email', params, 'email channel')
  }

  /**
   * Renews the session now with the refresh token (works after the access token has expired). Authenticated calls
   * do this by themselves when needed. A rejected refresh token ends the session (`session_expired`).
   */
  refreshToken(): Promise<SDKResponse<LoginState>> {
    return this.settle(async () => {
      const state = await this.session.peek()
      if (!state) throw authingError('not_logged_in')
      if (!state.refresh_token) {
        throw authingError('invalid_argument', 'this session has no refresh token: log in with the scope offline_access')
      }
      return shallowCopy(await this.session.refresh(state))
    })
  }

  /**
   * Logs out: clears the login state on this device (always, even offline) and revokes the access and refresh
   * tokens on the server where it can. Resolves with `true`.
   */
  logout(): Promise<SDKResponse<true>> {
    return this.settle(async () => {
      const state = await this.session.peek().catch(noop)
      await Promise.all([
        this.session.clear('logout'),
        state && this.revoke(state.access_token, 'access_token'),
        state && this.revoke(state.refresh_token, 'refresh_token'),
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
    return this.settle(async (params) => {
      const request = checkParams(params, 'newPassword')
      if (request.oldPassword != null) requireText(request.oldPassword, 'oldPassword')
      const encode = this.encryption.encoderFor(request.passwordEncryptType)
      await this.session.current()
      request.newPassword = await encode(request.newPassword as string)
      if (request.oldPassword != null) request.oldPassword = await encode(request.oldPassword as string)
      return this.sendAsUser<SimpleResponseData>('update-password', request)
    }, params)
  }

  /**
   * Resolves with the user's profile; custom data, identities and department ids only when asked for.
   * @example
   * const [error, userInfo] = await authing.getUserInfo({ withIdentities: true })
   */
  getUserInfo(params?: GetUserInfoParams): Promise<SDKResponse<UserInfo>> {
    return this.settle((params) => {
      const flags = optionalObject(params, 'params')
      return this.sendAsUser<UserInfo>('get-profile', undefined, {
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
    return this.userMethod('update-profile', params)
  }

  /**
   * Lets the user pick an image, uploads it and makes it the user's photo. Resolves with the upload's answer
   * (`data.url` is the new photo); fails if the picker is cancelled, the upload fails or the profile is not updated.
   */
  updateAvatar(): Promise<SDKResponse<UploadFileResponseData>> {
    return this.settle(async () => {
      await this.session.current()
      const filePath = await callPlatform('platform', 'choosing an image', () => this.adapter.chooseImage())
      const uploaded = await this.http.upload({ path: UPLOAD_PATH, filePath, read: readUpload })
      await this.sendAsUser('update-profile', { photo: uploaded.data.url })
      return uploaded
    })
  }

  /**
   * Resolves with the phone number the user shares through `<button open-type="getPhoneNumber">` (no login needed):
   * on WeChat from the button's phone code, on Douyin from its `{ encryptedData, iv }` (the SDK adds a fresh login code).
   * @example
   * const [error, phone] = await authing.getPhone({ extIdpConnidentifier: 'AUTHING_EXT_IDP_CONN_IDENTIFIER', code: e.detail.code })
   * // Douyin
   * const [error, phone] = await authing.getPhone({ extIdpConnidentifier, encryptedData: e.detail.encryptedData, iv: e.detail.iv })
   */
  getPhone(params: GetPhoneParams): Promise<SDKResponse<GetUserPhoneResponseData>> {
    return this.settle(async (params) => {
      this.needsMiniProgram('getPhone')
      const { getPhonePath, phoneFields, getPhoneWithCode } = this.protocol
      const request = checkParams(params, `extIdpConnidentifier ${phoneFields.join(' ')}`)
      // Douyin's number arrives encrypted: the server decrypts it with the session key of a fresh login code.
      if (getPhoneWithCode) request.code = await this.freshLoginCode()
      const data = await this.sendToPool<Fields | undefined>(getPhonePath, request)
      // Some servers wrap the phone in phone_info.
      return ((data && data.phone_info) || data) as GetUserPhoneResponseData
    }, params)
  }

  /**
   * Binds a phone number to a user who has none, with a code from `sendSms` (`CHANNEL_BIND_PHONE`).
   * @example
   * const [error] = await authing.bindPhone({ phoneNumber: '188xxxx8888', passCode: '123456' })
   */
  bindPhone(params: BindPhoneParams): Promise<SDKResponse<SimpleResponseData>> {
    return this.userMethod('bind-phone', params, 'phoneNumber passCode')
  }

  /**
   * Verifies a phone number change with codes sent to the new (and, if the pool asks, the old) number, and resolves
   * with the token for `updatePhone`.
   */
  updatePhoneRequest(params: UpdatePhoneRequestParams): Promise<SDKResponse<UpdatePhoneRequestResult>> {
    const required = 'phonePassCodePayload.newPhoneNumber phonePassCodePayload.newPhonePassCode'
    return this.userMethod('verify-update-phone-request', params, required, { verifyMethod: 'PHONE_PASSCODE' })
  }

  /** Completes a phone number change with the token from `updatePhoneRequest`. */
  updatePhone(params: UpdatePhoneParams): Promise<SDKResponse<SuccessResult>> {
    return this.userMethod('update-phone', params, 'updatePhoneToken')
  }

  /**
   * Binds an e-mail address to a user who has none, with a code from `sendEmailCode` (`CHANNEL_BIND_EMAIL`).
   * @example
   * const [error] = await authing.bindEmail({ email: 'user@example.com', passCode: '123456' })
   */
  bindEmail(params: BindEmailParams): Promise<SDKResponse<SimpleResponseData>> {
    return this.userMethod('bind-email', params, 'email passCode')
  }

  /**
   * Verifies an e-mail change with codes sent to the new (and, if the pool asks, the old) address, and resolves with
   * the token for `updateEmail`.
   */
  updateEmailRequest(params: UpdateEmailRequestParams): Promise<SDKResponse<UpdateEmailRequestResult>> {
    const required = 'emailPassCodePayload.newEmail emailPassCodePayload.newEmailPassCode'
    return this.userMethod('verify-update-email-request', params, required, { verifyMethod: 'EMAIL_PASSCODE' })
  }

  /** Completes an e-mail change with the token from `updateEmailRequest`. */
  updateEmail(params: UpdateEmailParams): Promise<SDKResponse<SuccessResult>> {
    return this.userMethod('update-email', params, 'updateEmailToken')
  }

  /**
   * Verifies an account deletion with a phone or e-mail code (`CHANNEL_DELETE_ACCOUNT`) or, for users with neither,
   * the password (encrypted when `passwordPayload.passwordEncryptType` asks), and resolves with the token for
   * `deleteAccount`.
   */
  deleteAccountRequest(params: DeleteAccountRequestParams): Promise<SDKResponse<DeleteAccountRequestResult>> {
    return this.settle(async (params) => {
      const request = checkParams(params, 'verifyMethod')
      const proofs = DELETE_PROOFS[request.verifyMethod as string]
      // (an inherited name such as "constructor" finds no string)
      if (!isText(proofs)) {
        throw authingError('invalid_argument', 'verifyMethod must be PHONE_PASSCODE, EMAIL_PASSCODE or PASSWORD')
      }
      checkParams(request, proofs)
      if (request.verifyMethod == 'PASSWORD') {
        const payload = request.passwordPayload as Fields
        const encode = this.encryption.encoderFor(payload.passwordEncryptType)
        await this.session.current()
        payload.password = await encode(payload.password as string)
      }
      return this.sendAsUser<DeleteAccountRequestResult>('verify-delete-account-request', request)
    }, params)
  }

  /** Deletes the account with the token from `deleteAccountRequest`, then clears the login state on this device. */
  deleteAccount(params: DeleteAccountParams): Promise<SDKResponse<SuccessResult>> {
    return this.settle(async (params) => {
      const result = await this.sendAsUser<SuccessResult>('delete-account', checkParams(params, 'deleteAccountToken'))
      await this.session.clear('logout').catch(noop) // the account is gone either way
      return result
    }, params)
  }

  /**
   * Decrypts data from a WeChat open API (`encryptedData` + `iv`) with the session of `code`, a login code obtained
   * with `getLoginCode()` before the data was produced.
   */
  decryptData(params: DecryptDataParams): Promise<SDKResponse<Record<string, unknown>>> {
    return this.poolMethod(this.protocol.decryptPath, params, 'extIdpConnidentifier encryptedData iv code')
  }

  /** Links the platform identity (WeChat's, or Douyin's) of a fresh login code to the logged-in user. */
  bindWxByCode(params?: BindWxByCodeParams): Promise<SDKResponse<unknown>> {
    return this.settle(async (params) => {
      this.needsMiniProgram('bindWxByCode')
      const request = checkParams(params == null ? {} : params)
      await this.session.current()
      request.code = await this.freshLoginCode()
      return this.sendAsUser(this.protocol.bindPath, request)
    }, params)
  }

  /**
   * Calls `listener(state, event)` after every change of the login state: `login`, `refresh`, `logout` and `expired`
   * (the session ended). Returns a function that unsubscribes.
   * @example
   * const unsubscribe = authing.onLoginStateChange((state) => this.setData({ loggedIn: !!state }))
   */
  onLoginStateChange(listener: LoginStateListener): () => void {
    return isFunction(listener) ? this.session.subscribe(listener) : noop
  }

  /**
   * Runs a method's body on its own copy of the argument (see `copyArgument`) and resolves with the result tuple,
   * whatever happens.
   */
  private settle<T, P = undefined>(body: (params: P) => T | Promise<T>, params?: P): Promise<SDKResponse<T>> {
    return new Promise<T>((resolve) => resolve(body(copyArgument(params) as P))).then(
      (data): SDKResponse<T> => [null, data],
      (error: unknown): SDKResponse<T> => [toAuthingError(error), undefined],
    )
  }

  /** Sends a V3 call identified by the user pool; no login needed. */
  private sendToPool<T>(path: string, body: object): Promise<T> {
    return this.http.send({ path, body, headers: this.poolHeaders, read: readEnvelope<T> })
  }

  /** The one authenticated V3 call: the access token is current, and renewed once on a 401. */
  private sendAsUser<T>(path: string, body?: object, query?: Fields): Promise<T> {
    return this.session.authorized((accessToken) => {
      const headers = Object.assign({ Authorization: accessToken }, this.poolHeaders)
      return this.http.send({ path, body, query, headers, read: readEnvelope<T> })
    })
  }

  /** A public method that checks its argument and sends it as a pool call. */
  private poolMethod<T>(path: string, params: unknown, required: string, defaults: Fields = {}): Promise<SDKResponse<T>> {
    return this.settle((params) => this.sendToPool<T>(path, fillDefaults(checkParams(params, required), defaults)), params)
  }

  /** A public method that checks its argument and sends it as an authenticated call. */
  private userMethod<T>(path: string, params: unknown, required?: string, defaults: Fields = {}): Promise<SDKResponse<T>> {
    return this.settle((params) => this.sendAsUser<T>(path, fillDefaults(checkParams(params, required), defaults)), params)
  }

  /** Revokes a token on the server, as far as it can: logout goes on whatever happens. */
  private revoke(token: string | undefined, hint: string): Promise<unknown> | undefined {
    if (!token) return undefined
    const form = { client_id: this.appId, token, token_type_hint: hint }
    return this.http.send({ path: REVOCATION_PATH, form, read: ignoreAnswer }).catch(noop)
  }

  /** Sends a login (identified by the app) and stores the state it returns. */
  private async logIn(path: 'signin' | 'signin-by-mobile', request: Fields): Promise<LoginState> {
    const tokens = await this.http.send({ path, body: request, headers: { 'x-authing-app-id': this.appId }, read: readEnvelope<unknown> })
    return shallowCopy(await this.session.login(tokens))
  }

  /** The WeChat code payload: the caller's optional profile data plus a fresh login code. */
  private async codePayload(given: unknown) {
    const profile = optionalObject(given, 'the encryptedData/iv payload')
    return { encryptedData: profile.encryptedData || '', iv: profile.iv || '', code: await this.freshLoginCode() }
  }

  /** Throws `platform` where the adapter has no login code: WeChat's login, phone and binding need a mini program. */
  private needsMiniProgram(what: string): void {
    if (!this.adapter.login) {
      throw authingError('platform', `${what} needs a WeChat mini program (there is none here, e.g. on H5)`)
    }
  }

  private async freshLoginCode(): Promise<string> {
    this.needsMiniProgram('WeChat login')
    const code = await callPlatform('platform', 'getting a login code', () => this.adapter.login!())
    if (!isText(code)) throw authingError('platform', 'no login code')
    return code
  }
}
