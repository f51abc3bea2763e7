// Extracted verbatim from the 5.x API reference, section "获取登录态" (wx).
declare const authing: import('@authing/miniapp-wx').Authing
export {}
// index.js
Page({
  async getLoginState () {    
    const [error, loginState] = await authing.getLoginState()

    if (error) {
      // 用户未登录，或登录态已过期
    } else {
      // 用户已登录，且登录态未过期
      console.log(loginState)
    }
  }
})
