// Extracted verbatim from the 5.x API reference, section "修改用户信息" (uniapp).
declare const authing: import('@authing/miniapp-uniapp').Authing
export {}
export default {
  methods: {
    async updateUserInfo () {
      const [error, res] = await authing.updateUserInfo({
        address: 'YOUR_ADDRESS'
      })
    }
  }
}
