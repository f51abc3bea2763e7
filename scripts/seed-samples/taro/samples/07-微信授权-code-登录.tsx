// Extracted verbatim from the 5.x API reference, section "微信授权 code 登录" (taro).
import { Component, PropsWithChildren } from 'react'
import { View, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
declare const authing: import('@authing/miniapp-taro').Authing
export {}
export default class Index extends Component<PropsWithChildren> {
  render () {
    return (
      <View className='index'>
        <Button onClick={() => this.loginByCode()}>Login By Code</Button>
      </View>
    )
  }
  async loginByCode () {    
    // 微信小程序限制：wx.getUserProfile 必须使用 button 触发
    // 为了防止用户频繁触发登录按钮
    // 建议使用 const [error, loginState] = await authing.getLoginState() 方法获取登录态
    // 如果 loginState 为 undefined，说明用户未登录，或登录态已过期，则显示登录按钮
    // 如果 loginState 不为 undefined，说明用户已登录，且登录态未过期，则无需再显示登录按钮
    const { encryptedData, iv } = await Taro.getUserProfile({
      desc: 'getUserProfile'
    })

    // 由于微信小程序 wx.login() 获取 code 、 session_key 有效期及相关数据解密的机制
    // 偶然情况下 res 会是 undefined
    // 所以需要判断 res 是否为 undefined 再进一步处理剩余业务逻辑
    // 如果 res 是 undefined，则提示用户再点击一次按钮重新登录即可
    const [error, res] = await authing.loginByCode({
      // 你的小程序身份源唯一标识
      extIdpConnidentifier: 'AUTHING_EXT_IDP_CONN_IDENTIFIER',
      wechatMiniProgramCodePayload: {
        encryptedData,
        iv
      },
      options: {
        scope: 'openid profile offline_access'
      }
    })
  }
}
