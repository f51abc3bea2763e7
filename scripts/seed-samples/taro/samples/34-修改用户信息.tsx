// Extracted verbatim from the 5.x API reference, section "修改用户信息" (taro).
import { Component, PropsWithChildren } from 'react'
import { View, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
declare const authing: import('@authing/miniapp-taro').Authing
export {}
export default class Index extends Component<PropsWithChildren> {
  render () {
    return (
      <View className='index'>
        <Button onClick={() => this.updateUserInfo()}>Update User Info</Button>
      </View>
    )
  }
  
  async updateUserInfo () {
    const [error, res] = await authing.updateUserInfo({
      address: 'YOUR_ADDRESS'
    })
  }
}
