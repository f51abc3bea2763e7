// The parts every wx API shares: callback and promise forms, errMsg, the call counter, failure injection; and the
// app-level APIs (random bytes, app events, device information, UI calls).
import { createWx, DEFAULT_OPENID, type AppShowOptions } from '@authing/miniapp-testing'

describe('callback and promise forms', () => {
  test('without callbacks a promise resolves with the result and rejects with the error', async () => {
    const wx = createWx({ storage: { k: 'v' } })
    await expect(wx.getStorage({ key: 'k' })).resolves.toEqual({ data: 'v', errMsg: 'getStorage:ok' })
    await expect(wx.getStorage({ key: 'x' })).rejects.toEqual({ errMsg: 'getStorage:fail data not found' })
  })

  test('with a callback nothing is returned; success or fail, then complete, run later with the same object', async () => {
    const wx = createWx({ storage: { k: 'v' } })
    const order: string[] = []
    const returned = wx.getStorage({
      key: 'k',
      success: (result) => order.push(`success ${String(result.data)}`),
      fail: () => order.push('fail'),
      complete: (result) => order.push(`complete ${result.errMsg}`),
    })
    expect(returned).toBeUndefined()
    expect(order).toEqual([]) // asynchronous, as on the device
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(order).toEqual(['success v', 'complete getStorage:ok'])
    const failed = await new Promise((complete) => wx.getStorage({ key: 'x', complete }))
    expect(failed).toEqual({ errMsg: 'getStorage:fail data not found' })
  })

  test('a complete callback alone also selects the callback form', async () => {
    const wx = createWx()
    expect(await new Promise((complete) => expect(wx.showToast({ title: 'hi', complete })).toBeUndefined())).toEqual({
      errMsg: 'showToast:ok',
    })
  })
})

describe('call counter', () => {
  test('counts and logs every platform call with its arguments, callbacks left out', async () => {
    const wx = createWx()
    await wx.setStorage({ key: 'a', data: 1 })
    await new Promise((success) => wx.getStorage({ key: 'a', success }))
    wx.getStorageSync('a')
    await wx.showToast({ title: 'Saved' })
    expect(wx.calls).toEqual({ setStorage: 1, getStorage: 1, getStorageSync: 1, showToast: 1 })
    expect(wx.count('getStorage')).toBe(1)
    expect(wx.count('login')).toBe(0)
    expect(wx.count()).toBe(4)
    expect(wx.log).toEqual([
      { api: 'setStorage', args: [{ key: 'a', data: 1 }] },
      { api: 'getStorage', args: [{ key: 'a' }] },
      { api: 'getStorageSync', args: ['a'] },
      { api: 'showToast', args: [{ title: 'Saved' }] },
    ])
    wx.resetCounts()
    expect(wx.count()).toBe(0)
    expect(wx.log).toEqual([])
  })

  test('the controls are not enumerable: Object.keys lists wx APIs only', () => {
    const keys = Object.keys(createWx())
    expect(keys).toEqual(expect.arrayContaining(['request', 'uploadFile', 'getStorage', 'login', 'chooseMedia', 'onAppShow']))
    expect(keys).not.toEqual(expect.arrayContaining(['count']))
    expect(keys.filter((key) => ['count', 'calls', 'log', 'storage', 'fail', 'show', 'hide', 'openid', 'cleanup'].includes(key))).toEqual(
      [],
    )
  })
})

test('any API can be made to fail with its own errMsg', async () => {
  const wx = createWx()
  wx.fail('login', 'system error', 2)
  await expect(wx.login()).rejects.toEqual({ errMsg: 'login:fail system error' })
  await expect(wx.login()).rejects.toEqual({ errMsg: 'login:fail system error' })
  await expect(wx.login()).resolves.toMatchObject({ errMsg: 'login:ok' })
  wx.fail('request', 'interrupted')
  expect(await new Promise((fail) => wx.request({ url: 'http://127.0.0.1:1/', fail }))).toEqual({ errMsg: 'request:fail interrupted' })
})

describe('getRandomValues', () => {
  test('present by default: secure random bytes as an ArrayBuffer', async () => {
    const wx = createWx()
    const { randomValues, errMsg } = await wx.getRandomValues!({ length: 16 })
    expect(errMsg).toBe('getRandomValues:ok')
    expect(randomValues).toBeInstanceOf(ArrayBuffer)
    expect(randomValues.byteLength).toBe(16)
    const other = (await wx.getRandomValues!({ length: 16 })).randomValues
    expect(Buffer.from(other).equals(Buffer.from(randomValues))).toBe(false)
    await expect(wx.getRandomValues!({ length: 0 })).rejects.toEqual({ errMsg: 'getRandomValues:fail invalid length' })
    expect(wx.canIUse('getRandomValues')).toBe(true)
  })

  test('absent with getRandomValues: false (base library < 2.15.0)', () => {
    const wx = createWx({ getRandomValues: false })
    expect('getRandomValues' in wx).toBe(false)
    expect(wx.canIUse('getRandomValues')).toBe(false)
  })
})

test('onAppShow / onAppHide listeners run when the test shows or hides the app; off removes them', () => {
  const wx = createWx()
  const seen: string[] = []
  const onShow = (options: AppShowOptions) => seen.push(`show ${options.scene} ${options.path}`)
  const onHide = () => seen.push('hide')
  wx.onAppShow(onShow)
  wx.onAppHide(onHide)
  wx.hide()
  wx.show({ path: 'pages/me/me' })
  wx.offAppShow(onShow)
  wx.offAppHide()
  wx.show()
  wx.hide()
  expect(seen).toEqual(['hide', 'show 1089 pages/me/me'])
})

test('login without an emulator gives fresh codes no server knows; checkSession follows the session', async () => {
  const wx = createWx()
  expect(wx.openid).toBe(DEFAULT_OPENID)
  await expect(wx.checkSession()).rejects.toEqual({ errMsg: 'checkSession:fail session time out' })
  const [a, b] = [await wx.login(), await wx.login()]
  expect(a.code).toMatch(/^[A-Za-z0-9]{32}$/)
  expect(a.code).not.toBe(b.code)
  expect(await wx.checkSession()).toEqual({ errMsg: 'checkSession:ok' })
  wx.expireSession()
  await expect(wx.checkSession()).rejects.toEqual({ errMsg: 'checkSession:fail session time out' })
  await expect(wx.phoneCode('13800000000')).rejects.toThrow(/needs the emulator/)
  const custom = createWx({ loginCode: () => 'my-code' })
  expect(await custom.login()).toEqual({ code: 'my-code', errMsg: 'login:ok' })
})

test('device information, account, profile and UI calls', async () => {
  const wx = createWx({ appId: 'wx123', systemInfo: { platform: 'android' } })
  expect(wx.getSystemInfoSync()).toMatchObject({ platform: 'android', SDKVersion: '3.4.0', windowWidth: 375 })
  expect(await wx.getSystemInfo()).toMatchObject({ platform: 'android', errMsg: 'getSystemInfo:ok' })
  expect(wx.getWindowInfo()).toMatchObject({ windowHeight: 812, pixelRatio: 2 })
  expect(wx.getAccountInfoSync().miniProgram.appId).toBe('wx123')
  expect(wx.getLaunchOptionsSync()).toMatchObject({ scene: 1001 })
  expect(await wx.getNetworkType()).toEqual({ networkType: 'wifi', errMsg: 'getNetworkType:ok' })
  expect(await wx.showModal({ content: 'Sure?' })).toEqual({ confirm: true, cancel: false, errMsg: 'showModal:ok' })
  expect(await wx.showActionSheet({ itemList: ['a'] })).toEqual({ tapIndex: 0, errMsg: 'showActionSheet:ok' })
  expect(await wx.navigateTo({ url: '/pages/me/me' })).toEqual({ errMsg: 'navigateTo:ok' })
  const profile = await wx.getUserProfile({ desc: 'login' })
  expect(profile).toMatchObject({ userInfo: { nickName: '微信用户' }, encryptedData: '', iv: '', errMsg: 'getUserProfile:ok' })
  expect(wx.log.filter((call) => call.api == 'navigateTo')).toEqual([{ api: 'navigateTo', args: [{ url: '/pages/me/me' }] }])
})
