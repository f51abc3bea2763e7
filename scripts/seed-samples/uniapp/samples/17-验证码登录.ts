// Extracted verbatim from the 5.x API reference, section "验证码登录" (uniapp).
declare const authing: import('@authing/miniapp-uniapp').Authing
export {}
export default {
  methods: {
    async loginByPassCode () {
      const [error, res] = await authing.loginByPassCode({
        passCodePayload: {
          // 手机收到的短信验证码
          passCode: 'xxxx',
          phone: '188xxxx8888',
          phoneCountryCode: '+86'
        }
      })
    }
  }
}
