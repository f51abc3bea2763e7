// uni over the simulated wx: Vue 3 and Vue 2 promise shapes; the callback forms are the same in both.
import { createUni } from '@authing/miniapp-testing'
import { startServer } from './server'

let server: Awaited<ReturnType<typeof startServer>>
beforeAll(async () => (server = await startServer()))
afterAll(() => server.close())

test('Vue 3 (the default): promises resolve the result and reject with the error', async () => {
  const uni = createUni({ storage: { k: 1 } })
  await expect(uni.getStorage({ key: 'k' })).resolves.toEqual({ data: 1, errMsg: 'getStorage:ok' })
  await expect(uni.getStorage({ key: 'x' })).rejects.toEqual({ errMsg: 'getStorage:fail data not found' })
  await expect(uni.request({ url: `${server.url}/status/500` })).resolves.toMatchObject({ statusCode: 500, errMsg: 'request:ok' })
  await expect(uni.request({ url: 'http://127.0.0.1:1/' })).rejects.toMatchObject({ errMsg: expect.stringMatching(/^request:fail /) })
})

test('Vue 2: promises always resolve, to [null, result] or [error]', async () => {
  const uni = createUni({ storage: { k: 1 }, vue: 2 })
  expect(await uni.getStorage({ key: 'k' })).toEqual([null, { data: 1, errMsg: 'getStorage:ok' }])
  expect(await uni.getStorage({ key: 'x' })).toEqual([{ errMsg: 'getStorage:fail data not found' }])
  const [error, response] = await uni.request({ url: `${server.url}/status/404` })
  expect(error).toBeNull()
  expect(response).toMatchObject({ statusCode: 404 })
  expect(await uni.login()).toEqual([null, { code: expect.any(String), errMsg: 'login:ok' }])
})

test.each([2, 3] as const)('Vue %i: callbacks behave like wx, request returns its task', async (vue) => {
  const uni = createUni({ storage: { k: 1 }, vue })
  const outcome = await new Promise((resolve) => expect(uni.getStorage({ key: 'x', fail: resolve })).toBeUndefined())
  expect(outcome).toEqual({ errMsg: 'getStorage:fail data not found' })
  const done = new Promise((success) => {
    const task = uni.request({ url: `${server.url}/echo`, success })
    expect(typeof task.abort).toBe('function')
  })
  expect(await done).toMatchObject({ statusCode: 200 })
})

test('synchronous APIs and events are not promisified; controls and counter work as on wx', () => {
  const uni = createUni({ vue: 2 })
  uni.setStorageSync('a', { b: 1 })
  expect(uni.getStorageSync('a')).toEqual({ b: 1 })
  const listener = jest.fn()
  uni.onAppShow(listener)
  uni.show()
  expect(listener).toHaveBeenCalledTimes(1)
  expect(uni.calls).toEqual({ setStorageSync: 1, getStorageSync: 1, onAppShow: 1 })
  expect(uni.storage.dump()).toEqual({ a: { b: 1 } })
  expect(Object.keys(uni)).not.toContain('count')
})

test('built for Douyin (mp-toutiao): uni over a simulated tt, and getSystemInfoSync().uniPlatform says so', async () => {
  const uni = createUni({ platform: 'mp-toutiao', loginCode: () => 'tt-code' })
  expect(uni.getSystemInfoSync().uniPlatform).toBe('mp-toutiao')
  expect(createUni().getSystemInfoSync().uniPlatform).toBe('mp-weixin')
  expect(await uni.login()).toEqual({ code: 'tt-code', anonymousCode: expect.any(String), isLogin: true, errMsg: 'login:ok' })
  await expect(uni.getStorage({ key: 'x' })).rejects.toEqual({ errMsg: 'getStorage:fail data not found, key == x' })
  expect(typeof uni.phoneNumber).toBe('function')
})
