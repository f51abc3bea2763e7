import { onScopeDispose, ref } from 'vue'
import type { PasswordEncryptType, UpdateUserInfoParams } from '@authing/miniapp-uniapp'
import { authing } from '../../authing'
import config from '../../config'

/** 'checking' until getLoginState answers, then 'loggedOut' or 'loggedIn'. */
export type Status = 'checking' | 'loggedOut' | 'loggedIn'

/** What the last call returned, as the page shows it. */
export interface Result {
  title: string
  ok: boolean
  text: string
}

/** What a `<button open-type="getPhoneNumber">` hands its handler: a `code` when the user allowed it. */
export interface PhoneNumberDetail {
  code?: string
  errMsg: string
}

// Asked for on every login: `offline_access` returns a refresh token, with which the SDK renews the session by itself
// and `refreshToken()` works.
const scope = 'openid profile offline_access'

/**
 * `uni.getUserProfile` through its callbacks. (Its promise form resolves `[err, res]` on Vue 2 — the reference's
 * `const [, { encryptedData, iv }] = await uni.getUserProfile(…)` — but `res` on Vue 3; callbacks are the same on both.)
 * The profile is optional (since base library 2.27.1 WeChat returns an anonymous one; users then set their avatar and
 * nickname with updateAvatar / updateUserInfo): without it the login goes on.
 */
function getUserProfile(): Promise<{ encryptedData: string; iv: string }> {
  const none = { encryptedData: '', iv: '' }
  return new Promise((resolve) => {
    // Only WeChat mini programs have it (on H5 the call throws): the login then goes on without the profile.
    try {
      uni.getUserProfile({
        desc: '用于完善会员资料',
        success: ({ encryptedData, iv }) => resolve({ encryptedData, iv }),
        fail: () => resolve(none),
      })
    } catch {
      resolve(none)
    }
  })
}

/**
 * The page's logic: the login state, and one function per SDK call that shows what the call returned.
 * Call it in the page's `<script setup>`; its login-state listener stops with the page.
 */
export function useAuthing() {
  const status = ref<Status>('checking')
  const result = ref<Result | null>(null)

  // Every login, refresh, logout or expiry (a session the server ended) switches the view.
  onScopeDispose(authing.onLoginStateChange((loginState) => (status.value = loginState ? 'loggedIn' : 'loggedOut')))

  // 为了防止用户频繁触发登录按钮
  // 建议使用 const [error, loginState] = await authing.getLoginState() 方法获取登录态
  // 如果 loginState 为 undefined，说明用户未登录，或登录态已过期，则显示登录按钮
  // 如果 loginState 不为 undefined，说明用户已登录，且登录态未过期，则无需再显示登录按钮
  authing.getLoginState().then(([, loginState]) => (status.value = loginState ? 'loggedIn' : 'loggedOut'))

  /** Shows what a call returned: the data on the page, or the error as a toast and on the page. */
  function show(title: string, error: { message: string } | null, data?: unknown): void {
    if (error) {
      uni.showToast({ title: error.message, icon: 'none' })
      result.value = { title, ok: false, text: error.message }
    } else {
      result.value = { title, ok: true, text: JSON.stringify(data, null, 2) }
    }
  }

  async function getLoginState() {
    const [error, loginState] = await authing.getLoginState()

    // error: 用户未登录，或登录态已过期; loginState: 用户已登录，且登录态未过期
    show('getLoginState', error, loginState)
  }

  async function loginByCode() {
    // 微信小程序限制：uni.getUserProfile 必须使用 button 触发
    const { encryptedData, iv } = await getUserProfile()

    // 由于微信小程序 wx.login() 获取 code 、 session_key 有效期及相关数据解密的机制，偶然情况下登录会失败：
    // the error is then shown, and the user taps the button again (提示用户再点击一次按钮重新登录即可)
    const [error, loginState] = await authing.loginByCode({
      // 你的小程序身份源唯一标识
      extIdpConnidentifier: config.extIdpConnidentifier,
      wechatMiniProgramCodePayload: {
        encryptedData,
        iv,
      },
      options: {
        scope,
      },
    })
    show('loginByCode', error, loginState)
  }

  /**
   * `<button open-type="getPhoneNumber">`: logs in (or signs up) with the WeChat user's phone number.
   * 需要在真机上测试，微信开发者工具不会返回 code
   */
  async function loginByPhone({ code, errMsg }: PhoneNumberDetail) {
    // No code: the user declined (getPhoneNumber:fail user deny)
    if (!code) return show('loginByPhone', { message: errMsg })

    const [error, loginState] = await authing.loginByPhone({
      extIdpConnidentifier: config.extIdpConnidentifier,
      wechatMiniProgramCodeAndPhonePayload: {
        wxPhoneInfo: { code },
      },
      options: {
        scope,
      },
    })
    show('loginByPhone', error, loginState)
  }

  async function loginByPassword(account: string, password: string, passwordEncryptType: PasswordEncryptType) {
    const [error, loginState] = await authing.loginByPassword({
      passwordPayload: {
        // 你的用户密码
        password,
        // 用户账号（用户名/手机号/邮箱）
        account,
      },
      options: {
        // 如果使用 rsa，则需要安装 @authing/miniapp-jsencrypt 并在初始化 SDK 时传入 encryptFunction
        // 如果使用 sm2，则需要安装 @authing/miniapp-sm2encrypt 并在初始化 SDK 时传入 encryptFunction
        passwordEncryptType,
        scope,
      },
    })
    show(`loginByPassword (${passwordEncryptType})`, error, loginState)
  }

  async function sendSms(phoneNumber: string) {
    const [error, res] = await authing.sendSms({
      phoneNumber,
      phoneCountryCode: '+86',
      // 指定 channel 为 CHANNEL_LOGIN，发送登录所用的验证码
      channel: 'CHANNEL_LOGIN',
    })
    show('sendSms', error, res)
  }

  async function loginByPassCode(phone: string, passCode: string) {
    const [error, loginState] = await authing.loginByPassCode({
      passCodePayload: {
        // 手机收到的短信验证码
        passCode,
        phone,
        phoneCountryCode: '+86',
      },
      options: {
        scope,
      },
    })
    show('loginByPassCode', error, loginState)
  }

  async function refreshToken() {
    // 刷新 Token 需要用到登录接口返回的 refresh_token 字段：登录时 scope 需包含 offline_access
    const [error, loginState] = await authing.refreshToken()
    show('refreshToken', error, loginState)
  }

  /**
   * `<button open-type="getPhoneNumber">`: reads the WeChat user's phone number.
   * 需要在真机上测试，微信开发者工具不会返回 code
   */
  async function getPhone({ code, errMsg }: PhoneNumberDetail) {
    if (!code) return show('getPhone', { message: errMsg })

    const [error, res] = await authing.getPhone({
      // 你的小程序身份源唯一标识
      extIdpConnidentifier: config.extIdpConnidentifier,
      code,
    })
    show('getPhone', error, res)
  }

  async function updatePassword(oldPassword: string, newPassword: string) {
    const [error, res] = await authing.updatePassword({
      newPassword,
      oldPassword,
      // 如果使用 rsa，则需要安装 @authing/miniapp-jsencrypt 并在初始化 SDK 时传入 encryptFunction
      // 如果使用 sm2，则需要安装 @authing/miniapp-sm2encrypt 并在初始化 SDK 时传入 encryptFunction
      passwordEncryptType: 'sm2',
    })
    show('updatePassword', error, res)
  }

  async function getUserInfo() {
    const [error, userInfo] = await authing.getUserInfo()
    show('getUserInfo', error, userInfo)
  }

  async function updateAvatar() {
    // Lets the user pick an image (uni.chooseMedia, or uni.chooseImage where there is none), uploads it and makes it the user's photo
    const [error, res] = await authing.updateAvatar()
    show('updateAvatar', error, res)
  }

  async function updateUserInfo(profile: UpdateUserInfoParams) {
    const [error, userInfo] = await authing.updateUserInfo(profile)
    show('updateUserInfo', error, userInfo)
  }

  async function logout() {
    // Revokes the tokens and clears the login state (even offline); onLoginStateChange then shows the login buttons
    const [error, res] = await authing.logout()
    show('logout', error, res)
  }

  return {
    status,
    result,
    getLoginState,
    loginByCode,
    loginByPhone,
    loginByPassword,
    sendSms,
    loginByPassCode,
    refreshToken,
    getPhone,
    updatePassword,
    getUserInfo,
    updateAvatar,
    updateUserInfo,
    logout,
  }
}
