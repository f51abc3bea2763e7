/** @jsxRuntime automatic */
// (React's automatic JSX runtime, as Taro's babel preset compiles it; the pragma tells tools that default to the
// classic runtime, such as the SWC transform of this repository's jest, to do the same.)
import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import config from '../../config'
import { useAuthing } from './useAuthing'

type Field = 'account' | 'password' | 'phone' | 'passCode' | 'nickname' | 'address' | 'oldPassword' | 'newPassword'

export default function Index() {
  const auth = useAuthing()
  const [form, setForm] = useState<Record<Field, string>>({
    account: config.demo.account,
    password: config.demo.password,
    phone: config.demo.phone,
    passCode: '',
    nickname: '',
    address: '',
    oldPassword: '',
    newPassword: '',
  })

  /** The props that keep an <Input> and `form[name]` in step. */
  const field = (name: Field) => ({
    id: name,
    value: form[name],
    onInput: (e: { detail: { value: string } }) => setForm((current) => ({ ...current, [name]: e.detail.value })),
  })

  return (
    <View className="index">
      <View id="status" className="status">
        {auth.status === 'checking' ? 'Checking the session…' : auth.status === 'loggedIn' ? 'Logged in' : 'Logged out'}
      </View>

      <Button id="getLoginState" onClick={auth.getLoginState}>
        Get Login State
      </Button>

      {/* The login buttons show only once getLoginState has said there is no session */}
      {auth.status === 'loggedOut' && (
        <View id="login">
          <View className="section">WeChat</View>
          <Button id="loginByCode" type="primary" onClick={auth.loginByCode}>
            Login By Code
          </Button>
          <Button id="loginByPhone" openType="getPhoneNumber" onGetPhoneNumber={(e) => auth.loginByPhone(e.detail)}>
            Login By Phone
          </Button>

          <View className="section">Password</View>
          <Input placeholder="Username, phone or e-mail" {...field('account')} />
          <Input placeholder="Password" password {...field('password')} />
          <Button id="loginByPassword" onClick={() => auth.loginByPassword(form.account, form.password, 'none')}>
            Login By Password
          </Button>
          <Button id="loginByPasswordRsa" onClick={() => auth.loginByPassword(form.account, form.password, 'rsa')}>
            Login By Password (RSA)
          </Button>
          <Button id="loginByPasswordSm2" onClick={() => auth.loginByPassword(form.account, form.password, 'sm2')}>
            Login By Password (SM2)
          </Button>

          <View className="section">SMS code</View>
          <Input type="number" placeholder="Phone number" {...field('phone')} />
          <Button id="sendSms" onClick={() => auth.sendSms(form.phone)}>
            Send Sms
          </Button>
          <Input type="number" placeholder="Code" {...field('passCode')} />
          <Button id="loginByPassCode" onClick={() => auth.loginByPassCode(form.phone, form.passCode)}>
            Login By Pass Code
          </Button>
        </View>
      )}

      {auth.status === 'loggedIn' && (
        <View id="user">
          <View className="section">Session</View>
          <Button id="refreshToken" onClick={auth.refreshToken}>
            Refresh Token
          </Button>
          <Button id="logout" type="warn" onClick={auth.logout}>
            Logout
          </Button>

          <View className="section">Profile</View>
          <Button id="getUserInfo" onClick={auth.getUserInfo}>
            Get User Info
          </Button>
          <Button id="getPhone" openType="getPhoneNumber" onGetPhoneNumber={(e) => auth.getPhone(e.detail)}>
            Get Phone
          </Button>
          <Button id="updateAvatar" onClick={auth.updateAvatar}>
            Update Avatar
          </Button>
          <Input type="nickname" placeholder="Nickname" {...field('nickname')} />
          <Input placeholder="Address" {...field('address')} />
          <Button
            id="updateUserInfo"
            // Sends only the fields that were filled in
            onClick={() => auth.updateUserInfo({ nickname: form.nickname || undefined, address: form.address || undefined })}
          >
            Update User Info
          </Button>

          <View className="section">Password</View>
          <Input placeholder="Current password" password {...field('oldPassword')} />
          <Input placeholder="New password" password {...field('newPassword')} />
          <Button id="updatePassword" onClick={() => auth.updatePassword(form.oldPassword, form.newPassword)}>
            Update Password
          </Button>
        </View>
      )}

      {auth.result && (
        <View id="result" className={auth.result.ok ? 'result' : 'result result-error'}>
          <View className="result-title">{auth.result.title}</View>
          <Text className="result-text" userSelect>
            {auth.result.text}
          </Text>
        </View>
      )}
    </View>
  )
}
