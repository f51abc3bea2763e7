// Extracted verbatim from the 5.x API reference, section "获取用户信息" (wx).
declare const authing: import('@authing/miniapp-wx').Authing
export {}
// index.js
Page({
  async getUserInfo () {
    const [error, res] = await authing.getUserInfo()
  }
})
