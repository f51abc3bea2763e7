// The runtime against the emulator: login and phone codes minted for the runtime's identity, and real HTTP to it.
import { readFileSync } from 'node:fs'
import { DEMO, startEmulator, type RunningEmulator } from '@authing/miniapp-emulator'
import { createUni, createWx } from '@authing/miniapp-testing'

let emulator: RunningEmulator
beforeAll(async () => (emulator = await startEmulator({ port: 0, logger: false })))
afterAll(() => emulator.close())

test("every login is a fresh code minted for the runtime's openid (and unionid)", async () => {
  const wx = createWx({ emulator: emulator.url, openid: 'o-login-test', unionid: 'u-login-test' })
  const [a, b] = [await wx.login(), await wx.login()]
  expect(a.errMsg).toBe('login:ok')
  expect(a.code).not.toBe(b.code)
  const minted = (await emulator.client.wechatCodes()).filter((code) => code.code == a.code || code.code == b.code)
  expect(minted).toHaveLength(2)
  for (const code of minted)
    expect(code).toMatchObject({ kind: 'login', source: 'minted', openid: 'o-login-test', unionid: 'u-login-test', used: false })
})

test('the emulator option also takes the running emulator itself', async () => {
  const wx = createWx({ emulator })
  const { code } = await wx.login()
  expect((await emulator.client.wechatCodes()).find((minted) => minted.code == code)).toMatchObject({ openid: wx.openid })
})

test('phoneCode mints a getPhoneNumber code, which the emulator exchanges for the number', async () => {
  const wx = createWx({ emulator: emulator.url })
  const code = await wx.phoneCode('13900000001')
  expect((await emulator.client.wechatCodes()).find((minted) => minted.code == code)).toMatchObject({
    kind: 'phone',
    phoneNumber: '13900000001',
    countryCode: '86',
  })
  const response = await new Promise<{ statusCode: number; data: unknown }>((success) =>
    wx.request({
      url: `${emulator.url}/api/v3/get-wechat-miniprogram-phone`,
      method: 'POST',
      header: { 'x-authing-userpool-id': DEMO.userPoolId },
      data: { extIdpConnidentifier: DEMO.extIdpConnidentifier, code },
      success,
    }),
  )
  expect(response.statusCode).toBe(200)
  expect(JSON.stringify(response.data)).toContain('13900000001')
})

test('an upload to the emulator stores the picked file byte for byte', async () => {
  const uni = createUni({ emulator: emulator.url })
  const { tempFilePaths } = await uni.chooseImage({ count: 1 })
  const result = await uni.uploadFile({ url: `${emulator.url}/api/v2/upload?folder=avatar`, filePath: tempFilePaths[0]!, name: 'file' })
  expect(typeof result.data).toBe('string')
  const { url } = (JSON.parse(result.data) as { data: { url: string } }).data
  const fetched = await new Promise<ArrayBuffer>((success) =>
    uni.request({ url, responseType: 'arraybuffer', success: (response) => success(response.data as ArrayBuffer) }),
  )
  expect(Buffer.from(fetched).equals(readFileSync(tempFilePaths[0]!))).toBe(true)
  uni.cleanup()
})
