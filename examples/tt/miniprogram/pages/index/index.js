import { authing } from '../../authing'
import config from '../../config'

// Asked for on every login: `offline_access` returns a refresh token, with which the SDK renews the session by itself
// and `refreshToken()` works.
const scope = 'openid profile offline_access'

/**
 * Besides its data, the page keeps the function that stops its login-state listener.
 * @typedef {{ data: any, setData(data: object): void, stopWatching: () => void }} IndexPage
 */

// The page is built with Component() (a page may be), so that its logic can also be loaded and tested as a component.
Component({
  data: {
    /** 'checking' until getLoginState answers, then 'loggedOut' or 'loggedIn' */
    status: 'checking',
    /** what the last call returned */
    result: /** @type {{ title: string, ok: boolean, text: string } | null} */ (null),
    form: {
      account: config.demo.account,
      password: config.demo.password,
      phone: config.demo.phone,
      passCode: '',
      nickname: '',
      address: '',
      oldPassword: '',
      newPassword: '',
    },
  },

  lifetimes: {
    /** @this {IndexPage} */
    async attached() {
      // Every login, refresh, logout or expiry (a session the server ended) switches the view.
      this.stopWatching = authing.onLoginStateChange((loginState) => {
        this.setData({ status: loginState ? 'loggedIn' : 'loggedOut' })
      })

      // 为了防止用户频繁触发登录按钮
      // 建议使用 const [error, loginState] = await authing.getLoginState() 方法获取登录态
      // 如果 loginState 为 undefined，说明用户未登录，或登录态已过期，则显示登录按钮
      // 如果 loginState 不为 undefined，说明用户已登录，且登录态未过期，则无需再显示登录按钮
      const [, loginState] = await authing.getLoginState()
      this.setData({ status: loginState ? 'loggedIn' : 'loggedOut' })

      // Douyin encrypts what a getPhoneNumber button hands over with the session key of the user's current Douyin
      // login: make sure there is one before a button can be tapped.
      tt.checkSession({ fail: () => tt.login({ force: false }) })
    },
    /** @this {IndexPage} */
    detached() {
      this.stopWatching()
    },
  },

  methods: {
    /**
     * Shows what a call returned: the data on the page, or the error as a toast and on the page.
     * @param {string} title
     * @param {{ message: string } | null} error an SDK error, or a platform failure
     * @param {unknown} [data]
     */
    show(title, error, data) {
      if (error) {
        tt.showToast({ title: error.message, icon: 'none' })
        this.setData({ result: { title, ok: false, text: error.message } })
      } else {
        this.setData({ result: { title, ok: true, text: JSON.stringify(data, null, 2) } })
      }
    },

    /** Keeps `form` in step with the inputs: `<input data-field="phone" bindinput="onInput">`. */
    onInput(/** @type {{ currentTarget: { dataset: { field: string } }, detail: { value: string } }} */ e) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value })
    },

    async getLoginState() {
      const [error, loginState] = await authing.getLoginState()

      // error: 用户未登录，或登录态已过期; loginState: 用户已登录，且登录态未过期
      this.show('getLoginState', error, loginState)
    },

    async loginByCode() {
      // The SDK calls tt.login for a fresh code and logs in (or signs up) the Douyin user
      const [error, loginState] = await authing.loginByCode({
        // 你的抖音小程序身份源唯一标识
        extIdpConnidentifier: config.extIdpConnidentifier,
        options: {
          scope,
        },
      })
      this.show('loginByCode', error, loginState)
    },

    /**
     * `<button open-type="getPhoneNumber">`: logs in (or signs up) with the Douyin user's phone number.
     * Douyin hands over the number encrypted: `e.detail` is `{ encryptedData, iv }` (no code as on WeChat).
     * @param {{ detail: { encryptedData?: string, iv?: string, errMsg: string } }} e
     */
    async loginByPhone(e) {
      const { encryptedData, iv, errMsg } = e.detail
      // No data: the user declined (getPhoneNumber:fail auth deny)
      if (!encryptedData || !iv) return this.show('loginByPhone', { message: errMsg })

      const [error, loginState] = await authing.loginByPhone({
        extIdpConnidentifier: config.extIdpConnidentifier,
        miniProgramCodeAndPhonePayload: {
          phoneParams: { encryptedData, iv },
        },
        options: {
          scope,
        },
      })
      this.show('loginByPhone', error, loginState)
    },

    /** Three buttons, one per `data-encrypt`: none (plain), rsa, sm2. */
    async loginByPassword(/** @type {{ currentTarget: { dataset: { encrypt: 'none' | 'rsa' | 'sm2' } } }} */ e) {
      /** @type {'none' | 'rsa' | 'sm2'} */
      const passwordEncryptType = e.currentTarget.dataset.encrypt
      const { account, password } = this.data.form

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
      this.show(`loginByPassword (${passwordEncryptType})`, error, loginState)
    },

    async sendSms() {
      const [error, res] = await authing.sendSms({
        phoneNumber: this.data.form.phone,
        phoneCountryCode: '+86',
        // 指定 channel 为 CHANNEL_LOGIN，发送登录所用的验证码
        channel: 'CHANNEL_LOGIN',
      })
      this.show('sendSms', error, res)
    },

    async loginByPassCode() {
      const [error, loginState] = await authing.loginByPassCode({
        passCodePayload: {
          // 手机收到的短信验证码
          passCode: this.data.form.passCode,
          phone: this.data.form.phone,
          phoneCountryCode: '+86',
        },
        options: {
          scope,
        },
      })
      this.show('loginByPassCode', error, loginState)
    },

    async refreshToken() {
      // 刷新 Token 需要用到登录接口返回的 refresh_token 字段：登录时 scope 需包含 offline_access
      const [error, loginState] = await authing.refreshToken()
      this.show('refreshToken', error, loginState)
    },

    /**
     * `<button open-type="getPhoneNumber">`: reads the Douyin user's phone number (the SDK adds a fresh login code,
     * whose session key decrypts it).
     * @param {{ detail: { encryptedData?: string, iv?: string, errMsg: string } }} e
     */
    async getPhone(e) {
      const { encryptedData, iv, errMsg } = e.detail
      if (!encryptedData || !iv) return this.show('getPhone', { message: errMsg })

      const [error, res] = await authing.getPhone({
        // 你的抖音小程序身份源唯一标识
        extIdpConnidentifier: config.extIdpConnidentifier,
        encryptedData,
        iv,
      })
      this.show('getPhone', error, res)
    },

    async updatePassword() {
      const [error, res] = await authing.updatePassword({
        newPassword: this.data.form.newPassword,
        oldPassword: this.data.form.oldPassword,
        // 如果使用 rsa，则需要安装 @authing/miniapp-jsencrypt 并在初始化 SDK 时传入 encryptFunction
        // 如果使用 sm2，则需要安装 @authing/miniapp-sm2encrypt 并在初始化 SDK 时传入 encryptFunction
        passwordEncryptType: 'sm2',
      })
      this.show('updatePassword', error, res)
    },

    async getUserInfo() {
      const [error, userInfo] = await authing.getUserInfo()
      this.show('getUserInfo', error, userInfo)
    },

    async updateAvatar() {
      // Lets the user pick an image (tt.chooseMedia, or tt.chooseImage on older base libraries), uploads it and makes it the user's photo
      const [error, res] = await authing.updateAvatar()
      this.show('updateAvatar', error, res)
    },

    async updateUserInfo() {
      // Sends only the fields that were filled in
      const { nickname, address } = this.data.form
      const [error, userInfo] = await authing.updateUserInfo({
        nickname: nickname || undefined,
        address: address || undefined,
      })
      this.show('updateUserInfo', error, userInfo)
    },

    async logout() {
      // Revokes the tokens and clears the login state (even offline); onLoginStateChange then shows the login buttons
      const [error, res] = await authing.logout()
      this.show('logout', error, res)
    },
  },
})
