// Extracted verbatim from the 5.x API reference, section "验证码登录" (taro).
import { Component, PropsWithChildren } from 'react'
import { View, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
declare const authing: import('@authing/miniapp-taro').Authing
export {}
export default class Index extends Component<PropsWithChildren> {
  render () {
    return (
      <View className='index'>
        <Button onClick={() => this.loginByPassCode()}>Login By Pass Code</Button>
      </View>
    )
  }
  async loginByPassCode () {
    const [error, res] = await authing.loginByPassCode({
      passCodePayload: {
        // 手机收到的短信验证码
        passCode: 'xxxx',
        phone: '188xxxx8888',
        phoneCountryCode: '+86'
      }
    })
  }
}
