// Extracted verbatim from the 5.x API reference, section "发送短信验证码" (uniapp).
declare const authing: import('@authing/miniapp-uniapp').Authing
export {}
export default {
  methods: {
    async sendSms () {
      const [error, res] = await authing.sendSms({
        phoneNumber: '188xxxx8888',
        phoneCountryCode: '+86',
        // 指定 channel 为 CHANNEL_LOGIN，发送登录所用的验证码
        channel: 'CHANNEL_LOGIN'
      })
    },
  }
}
