// Extracted verbatim from the 5.x API reference, section "修改用户信息" (wx).
declare const authing: import('@authing/miniapp-wx').Authing
export {}
// index.js
Page({
  async updateUserInfo () {
    const [error, res] = await authing.updateUserInfo({
      address: 'YOUR_ADDRESS'
    })
  }
})
