// The shared mapping of wx-style callback APIs to the adapter contract.
import { createMiniProgramAdapter, createWebAdapter, type MiniProgramApi } from '@authing/miniapp-core'
import { setup } from './harness'

type Options = { success: (r: unknown) => void; fail: (e: unknown) => void } & Record<string, unknown>

function fakeApi(overrides: Partial<Record<keyof MiniProgramApi, (o: Options) => unknown>> = {}) {
  const seen: [string, Record<string, unknown>][] = []
  const store = new Map<string, unknown>()
  const record = (name: string, result: (o: Options) => unknown) => (o: Options) => {
    const { success, fail, ...rest } = o
    seen.push([name, rest])
    try {
      success(result(o))
    } catch (error) {
      fail(error)
    }
  }
  const api: Record<string, unknown> = {
    request: record('request', () => ({ statusCode: 500, data: '{"x":1}' })),
    getStorage: record('getStorage', (o) => {
      if (!store.has(o.key as string)) throw { errMsg: 'getStorage:fail data not found' }
      return { data: store.get(o.key as string) }
    }),
    setStorage: record('setStorage', (o) => store.set(o.key as string, o.data)),
    removeStorage: record('removeStorage', (o) => store.delete(o.key as string)),
    login: record('login', () => ({ code: 'wx-code' })),
    uploadFile: record('uploadFile', () => ({ statusCode: 200, data: '{"code":200}' })),
    chooseMedia: record('chooseMedia', () => ({ tempFiles: [{ tempFilePath: 'wxfile://a.jpg' }] })),
    chooseImage: record('chooseImage', () => ({ tempFilePaths: ['wxfile://b.jpg'] })),
    getRandomValues: record('getRandomValues', (o) => ({ randomValues: new Uint8Array(o.length as number).fill(9).buffer })),
    ...Object.fromEntries(Object.entries(overrides).map(([name, fn]) => [name, record(name, fn)])),
  }
  return { api: api as unknown as MiniProgramApi, seen, store }
}

test('request maps to wx.request, text in and out; HTTP errors are responses', async () => {
  const { api, seen } = fakeApi()
  const adapter = createMiniProgramAdapter(api)
  const response = await adapter.request({ url: 'https://x/y', method: 'POST', headers: { a: 'b' }, body: '{}', timeout: 5 })
  expect(response).toEqual({ status: 500, body: '{"x":1}' })
  expect(seen[0]).toEqual([
    'request',
    { url: 'https://x/y', method: 'POST', header: { a: 'b' }, data: '{}', timeout: 5, dataType: 'text', responseType: 'text' },
  ])
})

test('a transport failure rejects with the platform error', async () => {
  const { api } = fakeApi({
    request: () => {
      throw { errMsg: 'request:fail net::ERR_CONNECTION_REFUSED' }
    },
  })
  await expect(createMiniProgramAdapter(api).request({ url: 'u', method: 'GET', headers: {}, timeout: 1 })).rejects.toEqual({
    errMsg: 'request:fail net::ERR_CONNECTION_REFUSED',
  })
})

test.each([
  ['request', 'request:fail timeout'],
  ['request', 'request:fail socket time out'],
  ['uploadFile', 'uploadFile:fail Timeout'],
] as const)('a %s failure saying "%s" is marked as a timeout', async (name, errMsg) => {
  const { api } = fakeApi({
    [name]: () => {
      throw { errMsg }
    },
  })
  const adapter = createMiniProgramAdapter(api)
  const transfer =
    name == 'request'
      ? adapter.request({ url: 'u', method: 'GET', headers: {}, timeout: 1 })
      : adapter.uploadFile({ url: 'u', filePath: 'f', name: 'file', timeout: 1 })
  await expect(transfer).rejects.toEqual({ timeout: true, errMsg })
})

test('storage: a missing key reads as undefined; other failures reject', async () => {
  const { api } = fakeApi()
  const { storage } = createMiniProgramAdapter(api)
  expect(await storage.getItem('k')).toBeUndefined()
  await storage.setItem('k', { a: 1 })
  expect(await storage.getItem('k')).toEqual({ a: 1 })
  await storage.removeItem('k')
  expect(await storage.getItem('k')).toBeUndefined()
  const broken = createMiniProgramAdapter(
    fakeApi({
      getStorage: () => {
        throw { errMsg: 'getStorage:fail system error' }
      },
    }).api,
  )
  await expect(broken.storage.getItem('k')).rejects.toEqual({ errMsg: 'getStorage:fail system error' })
})

test('login, upload, random bytes', async () => {
  const { api, seen } = fakeApi()
  const adapter = createMiniProgramAdapter(api)
  expect(await adapter.login!()).toBe('wx-code')
  expect(await adapter.uploadFile({ url: 'u', filePath: 'f', name: 'file', timeout: 9 })).toEqual({ status: 200, body: '{"code":200}' })
  expect(seen.find(([n]) => n == 'uploadFile')![1]).toEqual({ url: 'u', filePath: 'f', name: 'file', timeout: 9 })
  expect(Array.from(await adapter.getRandomValues!(4))).toEqual([9, 9, 9, 9])
})

test('chooseMedia (images only) where it exists, else chooseImage', async () => {
  const withMedia = fakeApi()
  expect(await createMiniProgramAdapter(withMedia.api).chooseImage()).toBe('wxfile://a.jpg')
  expect(withMedia.seen[0]).toEqual([
    'chooseMedia',
    { count: 1, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] },
  ])
  const old = fakeApi()
  delete (old.api as Partial<MiniProgramApi>).chooseMedia
  expect(await createMiniProgramAdapter(old.api).chooseImage()).toBe('wxfile://b.jpg')
})

test('optional capabilities are absent when the platform lacks them', () => {
  const { api } = fakeApi()
  delete (api as Partial<MiniProgramApi>).getRandomValues
  const adapter = createMiniProgramAdapter(api)
  expect(adapter.getRandomValues).toBeUndefined()
  expect(adapter.onAppShow).toBeUndefined()
})

test('onAppShow subscribes and unsubscribes', () => {
  const listeners = new Set<() => void>()
  const { api } = fakeApi()
  Object.assign(api, { onAppShow: (l: () => void) => listeners.add(l), offAppShow: (l: () => void) => listeners.delete(l) })
  const off = createMiniProgramAdapter(api).onAppShow!(() => {})
  expect(listeners.size).toBe(1)
  off()
  expect(listeners.size).toBe(0)
})

/** As on the real platforms: the callback runs after the API has returned (`returned`, whatever the platform gives). */
const later =
  (returned: unknown, outcome: (o: Options) => void) =>
  (o: Options): unknown => {
    void Promise.resolve().then(() => outcome(o))
    return returned
  }

/** One turn of the event loop: Node reports the rejections left unhandled by then before it runs the next. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve))

test.each([
  ["a task object without then (wx.request's RequestTask)", { abort() {}, onHeadersReceived() {} }],
  ['nothing', undefined],
  ['a promise of the same outcome (Taro)', Promise.resolve({ statusCode: 201, data: '{}' })],
])('an API that returns %s and answers later: the callback gives the result', async (_name, returned) => {
  const api = fakeApi().api
  ;(api as unknown as Record<string, unknown>).request = later(returned, (o) => o.success({ statusCode: 201, data: '{}' }))
  expect(await createMiniProgramAdapter(api).request({ url: 'u', method: 'GET', headers: {}, timeout: 1 })).toEqual({
    status: 201,
    body: '{}',
  })
})

test('a Taro-style API that also returns a rejecting promise causes no unhandled rejection', async () => {
  const unhandled: unknown[] = []
  const onUnhandled = (reason: unknown) => unhandled.push(reason)
  process.on('unhandledRejection', onUnhandled)
  try {
    const api = fakeApi().api
    ;(api as unknown as Record<string, unknown>).login = later(Promise.reject({ errMsg: 'login:fail' }), (o) =>
      o.fail({ errMsg: 'login:fail' }),
    )
    await expect(createMiniProgramAdapter(api).login!()).rejects.toEqual({ errMsg: 'login:fail' })
    await nextTurn()
  } finally {
    process.off('unhandledRejection', onUnhandled)
  }
  expect(unhandled).toEqual([])
})

test('the platform is wx unless the platform package says tt', () => {
  expect(createMiniProgramAdapter(fakeApi().api).platform).toBe('wx')
  expect(createMiniProgramAdapter(fakeApi().api, 'tt').platform).toBe('tt')
})

test('a login that succeeds without a code gives "", which the client refuses as platform "no login code"', async () => {
  const { api } = fakeApi({ login: () => ({ errMsg: 'login:ok' }) })
  const login = createMiniProgramAdapter(api).login!
  expect(await login()).toBe('')
  const { authing, requests } = setup({ adapter: { login } })
  const noCode = { code: 'platform', message: 'Platform call failed: no login code' }
  expect((await authing.getLoginCode())[0]).toEqual(noCode)
  expect((await authing.loginByCode({ extIdpConnidentifier: 'c' }))[0]).toEqual(noCode)
  expect(requests).toEqual([])
})

test('createWebAdapter: no login code, random bytes from the given crypto, the rest mapped as on a mini program', async () => {
  const { api, seen } = fakeApi()
  const filled: number[] = []
  const crypto = {
    getRandomValues(array: Uint8Array) {
      filled.push(array.length)
      return array.fill(5)
    },
  }
  const adapter = createWebAdapter(api, crypto)
  expect(adapter.login).toBeUndefined()
  expect(Array.from(await adapter.getRandomValues!(3))).toEqual([5, 5, 5])
  expect(filled).toEqual([3])
  await adapter.storage.setItem('k', 1)
  expect(await adapter.storage.getItem('k')).toBe(1)
  expect(await adapter.chooseImage()).toBe('wxfile://a.jpg')
  // the framework's own login and getRandomValues (stubs on H5) are never called
  expect(seen.map(([name]) => name)).toEqual(['setStorage', 'getStorage', 'chooseMedia'])
})

test('createWebAdapter without a crypto has no getRandomValues; a failing crypto rejects', async () => {
  expect(createWebAdapter(fakeApi().api, undefined).getRandomValues).toBeUndefined()
  const quota = new Error('QuotaExceededError')
  const failing = createWebAdapter(fakeApi().api, {
    getRandomValues() {
      throw quota
    },
  })
  await expect(failing.getRandomValues!(70000)).rejects.toBe(quota)
})

test('an API without login gives an adapter without login', () => {
  const { api } = fakeApi()
  delete (api as Partial<MiniProgramApi>).login
  expect(createMiniProgramAdapter(api).login).toBeUndefined()
})
