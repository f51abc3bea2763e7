// Extracted verbatim from the 5.x API reference, section "退出登录" (wx).
declare const authing: import('@authing/miniapp-wx').Authing
export {}
// index.js
Page({
  async logout () {
    const [error, res] = await authing.logout()
  }
})
