// Extracted verbatim from the 5.x API reference, section "错误处理" (wx).
declare const authing: import('@authing/miniapp-wx').Authing
export {}
async function handleErrors () {
const [error, userInfo] = await authing.getUserInfo()

if (error) {
  wx.showToast({
    title: error.message
  })
} else {
  console.log(userInfo)
}
}

