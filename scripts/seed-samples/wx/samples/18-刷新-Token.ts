// Extracted verbatim from the 5.x API reference, section "刷新 Token" (wx).
declare const authing: import('@authing/miniapp-wx').Authing
export {}
// index.js
Page({
  async refreshToken () {
    const [error, res] = await authing.refreshToken()
  }
})
