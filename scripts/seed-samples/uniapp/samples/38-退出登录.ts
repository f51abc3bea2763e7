// Extracted verbatim from the 5.x API reference, section "退出登录" (uniapp).
declare const authing: import('@authing/miniapp-uniapp').Authing
export {}
export default {
  methods: {
    async logout () {
      const [error, res] = await authing.logout()
    }
  }
}
