// Extracted verbatim from the 5.x API reference, section "验证码登录" (wx).
declare const authing: import('@authing/miniapp-wx').Authing
export {}
// index.js
Page({
  async loginByPassCode () {
    const [error, res] = await authing.loginByPassCode({
      passCodePayload: {
        // 手机收到的短信验证码
        passCode: 'xxxx',
        phone: '188xxxx8888',
        phoneCountryCode: '+86'
      },
      options: {
        scope: 'openid profile offline_access'
      }
    })
  }
})
