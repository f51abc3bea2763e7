// @authing/miniapp-taro in a Taro H5 build. There `@tarojs/taro` is @tarojs/taro-h5: its default export carries
// Taro's helpers (`getEnv`, `ENV_TYPE`…) but no API functions, which are named exports; its `login` and
// `getRandomValues` are stubs that report "not supported" (and succeed, with nothing, in production builds).
// Here that module is given to the package, with named APIs from a simulated runtime, against the emulator.
import { createWx } from '@authing/miniapp-testing'
import { useEmulator } from '../../testing/test/platform-suite'
import { webSuite } from '../../testing/test/web-suite'

type Package = typeof import('@authing/miniapp-taro')

/** What the stubs of Taro H5's production build do: succeed with no result, after a console warning. */
const notSupported = (calls: string[], name: string) => (options: { success?: (result: object) => void }) => {
  calls.push(name)
  options.success?.({ errMsg: `${name}:ok 暂时不支持 API` })
  return Promise.resolve({ errMsg: `${name}:ok 暂时不支持 API` })
}

/** Where the H5 module has the API functions: Taro 4's named exports only, or (defensively) also its default export. */
type Shape = 'named' | 'default'

/** Loads the package with `@tarojs/taro` as Taro's H5 build resolves it, and `crypto` as the browser's. */
function loadOnH5(apis: object, crypto: unknown, shape: Shape = 'named') {
  const stubs: string[] = []
  const named = Object.assign({}, apis, { login: notSupported(stubs, 'login'), getRandomValues: notSupported(stubs, 'getRandomValues') })
  const helpers = { getEnv: () => 'WEB', ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' } }
  const h5 = Object.assign({ __esModule: true, default: shape == 'named' ? helpers : Object.assign({}, helpers, named) }, named)
  const saved = Object.getOwnPropertyDescriptor(globalThis, 'crypto')!
  Object.defineProperty(globalThis, 'crypto', { configurable: true, value: crypto })
  let Authing!: Package['Authing']
  jest.isolateModules(() => {
    jest.doMock('@tarojs/taro', () => h5)
    Authing = (require('@authing/miniapp-taro') as Package).Authing
  })
  return { Authing, stubs, restore: () => Object.defineProperty(globalThis, 'crypto', saved) }
}

/** The wx-shaped APIs Taro H5 exports by name (requests, storage, media, upload, app events). */
function namedApis(wx: ReturnType<typeof createWx>) {
  const { request, getStorage, setStorage, removeStorage, uploadFile, chooseMedia, chooseImage, onAppShow, offAppShow } = wx
  return { request, getStorage, setStorage, removeStorage, uploadFile, chooseMedia, chooseImage, onAppShow, offAppShow }
}

test('with the APIs only as named exports, a client builds, touches nothing, and never calls the login or random stubs', async () => {
  const wx = createWx()
  const { Authing, stubs, restore } = loadOnH5(namedApis(wx), globalThis.crypto)
  const authing = new Authing({ appId: 'a', userPoolId: 'p' })
  expect(wx.count()).toBe(0)
  expect((await authing.getLoginCode())[0]).toMatchObject({ code: 'platform' })
  expect(stubs).toEqual([])
  restore()
})

test('with neither default nor named APIs, building a client throws a clear TypeError', () => {
  const { Authing, restore } = loadOnH5({}, globalThis.crypto)
  expect(() => new Authing({ appId: 'a', userPoolId: 'p' })).toThrow(
    new TypeError('Authing: Taro.request is not available; @authing/miniapp-taro runs in a Taro app'),
  )
  restore()
})

describe.each<Shape>(['named', 'default'])('on a simulated Taro H5 build, APIs on the %s export(s)', (shape) => {
  webSuite(
    {
      install(emulator, crypto) {
        const wx = createWx({ emulator })
        const { Authing, stubs, restore } = loadOnH5(namedApis(wx), crypto, shape)
        return {
          Authing,
          runtime: wx,
          uninstall() {
            restore()
            expect(stubs).toEqual([])
          },
        }
      },
    },
    useEmulator(),
  )
})
