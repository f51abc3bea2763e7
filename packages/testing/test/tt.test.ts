// The simulated Douyin `tt`: Douyin's login shape and host-login behaviour, its storage wording, its app APIs, and
// the parts it shares with the simulated wx (forms, counter, failures, HTTP), seen through tt.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DEMO, startEmulator, type RunningEmulator } from '@authing/miniapp-emulator'
import { createTt, DEFAULT_DOUYIN_OPENID, installTt } from '@authing/miniapp-testing'

test('tt.login answers { code, anonymousCode, isLogin } with fresh codes; checkSession follows the session', async () => {
  const tt = createTt()
  expect(tt.openid).toBe(DEFAULT_DOUYIN_OPENID)
  await expect(tt.checkSession()).rejects.toEqual({ errMsg: 'checkSession:fail session expired' })
  const [a, b] = [await tt.login(), await tt.login()]
  expect(a).toEqual({
    code: expect.stringMatching(/^[0-9a-f]{32}$/),
    anonymousCode: expect.stringMatching(/^[0-9a-f]{16}$/),
    isLogin: true,
    errMsg: 'login:ok',
  })
  expect(a.code).not.toBe(b.code)
  expect(a.anonymousCode).not.toBe(b.anonymousCode)
  expect(await tt.checkSession()).toEqual({ errMsg: 'checkSession:ok' })
  tt.expireSession()
  await expect(tt.checkSession()).rejects.toEqual({ errMsg: 'checkSession:fail session expired' })
  expect(await createTt({ loginCode: () => 'my-code' }).login()).toMatchObject({ code: 'my-code', isLogin: true })
})

test('a user logged out of the Douyin app: force: false gives an anonymousCode only; the default logs the user in', async () => {
  const tt = createTt({ loggedIn: false, loginCode: () => 'code-1' })
  const anonymous = await tt.login({ force: false })
  expect(anonymous).toEqual({ anonymousCode: expect.any(String), isLogin: false, errMsg: 'login:ok' })
  expect('code' in anonymous).toBe(false)
  expect(await tt.login()).toMatchObject({ code: 'code-1', isLogin: true })
  expect(await tt.login({ force: false })).toMatchObject({ code: 'code-1', isLogin: true })
  // The user closes the app's login dialog.
  const other = createTt({ loggedIn: false })
  other.fail('login', 'host login fail', 1)
  await expect(other.login()).rejects.toEqual({ errMsg: 'login:fail host login fail' })
})

test('encrypted data needs a session, and the emulator', async () => {
  await expect(createTt().phoneNumber('13800000000')).rejects.toThrow(/needs the emulator/)
  const tt = createTt({ emulator: 'http://127.0.0.1:1' })
  await expect(tt.encrypt({ a: 1 })).rejects.toThrow(/call tt.login before/)
})

test('callback and promise forms, with Douyin wording for a missing storage key', async () => {
  const tt = createTt({ storage: { k: 'v' } })
  await expect(tt.getStorage({ key: 'k' })).resolves.toEqual({ data: 'v', errMsg: 'getStorage:ok' })
  await expect(tt.getStorage({ key: 'x' })).rejects.toEqual({ errMsg: 'getStorage:fail data not found, key == x' })
  const failed = await new Promise((complete) => tt.getStorage({ key: 'y', complete }))
  expect(failed).toEqual({ errMsg: 'getStorage:fail data not found, key == y' })
  expect(tt.getStorageSync('x')).toBe('')
  await tt.setStorage({ key: 'state', data: { a: 1 } })
  expect(tt.storage.get('state')).toEqual({ a: 1 })
  expect(tt.calls).toEqual({ getStorage: 3, getStorageSync: 1, setStorage: 1 })
})

test('Douyin app APIs: getEnvInfoSync instead of getAccountInfoSync, Douyin system info, getRandomValues', async () => {
  const tt = createTt({ appId: 'tt123', systemInfo: { platform: 'android' } })
  expect(tt.getEnvInfoSync().microapp).toMatchObject({ appId: 'tt123', envType: 'development' })
  expect('getAccountInfoSync' in tt).toBe(false)
  expect(tt.canIUse('getAccountInfoSync')).toBe(false)
  expect(tt.getSystemInfoSync()).toMatchObject({ appName: 'Douyin', platform: 'android' })
  const { randomValues } = await tt.getRandomValues!({ length: 8 })
  expect(randomValues.byteLength).toBe(8)
  expect('getRandomValues' in createTt({ getRandomValues: false })).toBe(false)
  const keys = Object.keys(tt)
  expect(keys).toEqual(expect.arrayContaining(['request', 'uploadFile', 'login', 'chooseImage', 'getEnvInfoSync']))
  expect(keys.filter((key) => ['count', 'storage', 'phoneNumber', 'encrypt', 'openid'].includes(key))).toEqual([])
})

test('tt.request does real HTTP: any status is a success, transport errors fail', async () => {
  const server = createServer((_request, response) =>
    response.writeHead(404, { 'content-type': 'application/json' }).end('{"missing":true}'),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`
  const tt = createTt()
  try {
    const answer = await new Promise((success) => tt.request({ url, success }))
    expect(answer).toMatchObject({ statusCode: 404, data: { missing: true }, errMsg: 'request:ok' })
  } finally {
    await new Promise((resolve) => server.close(resolve))
  }
  const failed = await new Promise((fail) => tt.request({ url, fail }))
  expect(failed).toEqual({ errMsg: expect.stringMatching(/^request:fail /) })
})

test('installTt makes it the global tt and puts back what was there', () => {
  expect('tt' in globalThis).toBe(false)
  const tt = createTt()
  const uninstall = installTt(tt)
  expect((globalThis as { tt?: unknown }).tt).toBe(tt)
  uninstall()
  expect('tt' in globalThis).toBe(false)
})

describe('with the emulator', () => {
  let emulator: RunningEmulator
  beforeAll(async () => (emulator = await startEmulator({ port: 0, logger: false })))
  afterAll(() => emulator.close())

  test("login codes are minted by the emulator for the runtime's Douyin openid; phoneNumber() is what a button hands over", async () => {
    const tt = createTt({ emulator, openid: '_000runtime' })
    const { code } = await tt.login()
    expect((await emulator.client.douyinCodes())[0]).toMatchObject({ code, openid: '_000runtime', used: false })
    const { encryptedData, iv } = await tt.phoneNumber('13800001111')
    // The server decrypts it with the session key of a later code of the same user.
    const answer = await fetch(`${emulator.url}/api/v3/decrypt-douyin-miniprogram-phone`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-authing-userpool-id': DEMO.userPoolId },
      body: JSON.stringify({ extIdpConnidentifier: DEMO.douyinExtIdpConnidentifier, code: (await tt.login()).code, encryptedData, iv }),
    })
    expect((await answer.json()).data).toMatchObject({ phoneNumber: '13800001111', countryCode: '86' })
  })
})
