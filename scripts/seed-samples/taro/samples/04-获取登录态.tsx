// Extracted verbatim from the 5.x API reference, section "获取登录态" (taro).
import { Component, PropsWithChildren } from 'react'
import { View, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
declare const authing: import('@authing/miniapp-taro').Authing
export {}
export default class Index extends Component<PropsWithChildren> {
  render () {
    return (
      <View className='index'>
        <Button onClick={() => this.getLoginState()}>Get Login State</Button>
      </View>
    )
  }
  async getLoginState () {    
    const [error, loginState] = await authing.getLoginState()

    if (error) {
      // 用户未登录，或登录态已过期
    } else {
      // 用户已登录，且登录态未过期
      console.log(loginState)
    }
  }
}
