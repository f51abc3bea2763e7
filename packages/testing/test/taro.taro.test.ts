// The real @tarojs/taro API (promisification, request chain and interceptors) running on a simulated wx.
import { createTaro, installTaro, type SimulatedTaro } from '@authing/miniapp-testing'
import Taro from '@tarojs/taro'
import { startServer } from './server'

let server: Awaited<ReturnType<typeof startServer>>
beforeAll(async () => (server = await startServer()))
afterAll(() => server.close())

test('Taro promisifies wx: a promise even with callbacks, rejected with the wx error', async () => {
  const taro = createTaro({ storage: { k: 1 } })
  const success = jest.fn()
  await expect(taro.getStorage({ key: 'k', success })).resolves.toEqual({ data: 1, errMsg: 'getStorage:ok' })
  expect(success).toHaveBeenCalledWith({ data: 1, errMsg: 'getStorage:ok' })
  await expect(taro.getStorage({ key: 'x' })).rejects.toEqual({ errMsg: 'getStorage:fail data not found' })
  expect(taro.count('getStorage')).toBe(2) // each Taro call is one wx call
})

test("Taro.request goes through Taro's interceptor chain to wx.request", async () => {
  const taro = createTaro()
  const seen: string[] = []
  taro.addInterceptor((chain) => {
    seen.push(chain.requestParams.url)
    return chain.proceed(chain.requestParams)
  })
  const request = taro.request({ url: `${server.url}/status/503` })
  expect(typeof request.abort).toBe('function')
  await expect(request).resolves.toMatchObject({ statusCode: 503, errMsg: 'request:ok' })
  await expect(taro.request({ url: 'http://127.0.0.1:1/' })).rejects.toMatchObject({ errMsg: expect.stringMatching(/^request:fail /) })
  expect(seen).toEqual([`${server.url}/status/503`, 'http://127.0.0.1:1/'])
  expect(taro.wx.count('request')).toBe(2)
})

test('each runtime is its own Taro API; getRandomValues only where the wx has it', () => {
  const [a, b] = [createTaro(), createTaro({ getRandomValues: false })]
  expect(typeof a.getRandomValues).toBe('function')
  expect('getRandomValues' in b).toBe(false)
  expect(a.wx).not.toBe(b.wx)
})

describe('installTaro', () => {
  let taro: SimulatedTaro
  let uninstall: () => void
  beforeEach(() => {
    taro = createTaro({ storage: { k: 'v' } })
    uninstall = installTaro(taro)
  })

  test('the @tarojs/taro module gets the APIs, and wx becomes the global', async () => {
    expect(await Taro.getStorage({ key: 'k' })).toEqual({ data: 'v', errMsg: 'getStorage:ok' })
    expect((globalThis as { wx?: unknown }).wx).toBe(taro.wx)
    expect(Taro.request).toBe(taro.request)
    uninstall()
  })

  test('uninstalling leaves the module as it was: no platform APIs, no global wx', () => {
    uninstall()
    expect((Taro as unknown as Record<string, unknown>).request).toBeUndefined()
    expect((Taro as unknown as Record<string, unknown>).getStorage).toBeUndefined()
    expect('wx' in globalThis).toBe(false)
  })
})

test('built for Douyin (env tt): Taro over a simulated tt; installed, Taro.getEnv() is TT and the global is tt', async () => {
  const taro = createTaro({ env: 'tt', loginCode: () => 'tt-code' })
  expect(await taro.login()).toMatchObject({ code: 'tt-code', anonymousCode: expect.any(String), isLogin: true })
  const uninstall = installTaro(taro)
  try {
    expect(Taro.getEnv()).toBe(Taro.ENV_TYPE.TT)
    expect((globalThis as { tt?: unknown }).tt).toBe(taro.tt)
    expect('wx' in globalThis).toBe(false)
  } finally {
    uninstall()
  }
  expect(Taro.getEnv()).toBe(Taro.ENV_TYPE.WEAPP)
  expect('tt' in globalThis).toBe(false)
})
