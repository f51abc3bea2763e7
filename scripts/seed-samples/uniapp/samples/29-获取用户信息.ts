// Extracted verbatim from the 5.x API reference, section "获取用户信息" (uniapp).
declare const authing: import('@authing/miniapp-uniapp').Authing
export {}
export default {
  methods: {
    async getUserInfo () {
      const [error, res] = await authing.getUserInfo()
    }
  }
}
