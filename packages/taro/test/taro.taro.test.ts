// @authing/miniapp-taro end to end: the package's Authing on the real @tarojs/taro API, whose platform APIs come from
// a simulated wx (installTaro), against the emulator.
import { DEMO } from '@authing/miniapp-emulator'
import { createTaro, installTaro } from '@authing/miniapp-testing'
import { Authing, createTaroAdapter } from '@authing/miniapp-taro'
import { platformSuite, useEmulator } from '../../testing/test/platform-suite'
import { DOUYIN } from '../../testing/test/protocols'

const options = { appId: DEMO.appId, userPoolId: DEMO.userPoolId, host: 'http://127.0.0.1:1' }

test('importing the package before Taro has platform APIs does not throw; building a client then throws a clear TypeError', () => {
  jest.isolateModules(() => {
    const fresh = require('@authing/miniapp-taro') as typeof import('@authing/miniapp-taro')
    expect(() => new fresh.Authing(options)).toThrow(
      new TypeError('Authing: Taro.request is not available; @authing/miniapp-taro runs in a Taro app'),
    )
  })
})

test('the Taro API is looked up when the client is built, not at import', () => {
  expect(() => new Authing(options)).toThrow(TypeError)
  const uninstall = installTaro(createTaro())
  expect(() => new Authing(options)).not.toThrow()
  uninstall()
})

test('createTaroAdapter(api) drives the given Taro-shaped object', async () => {
  const taro = createTaro({ storage: { k: 'v' } })
  expect(await createTaroAdapter(taro).storage.getItem('k')).toBe('v')
  expect(taro.calls).toEqual({ getStorage: 1 })
})

describe('on the real Taro API over a simulated wx', () => {
  platformSuite(
    {
      Authing,
      install(emulator) {
        const taro = createTaro({ emulator })
        return { runtime: taro, uninstall: installTaro(taro) }
      },
    },
    useEmulator(),
  )
})

describe('on the real Taro API built for Douyin (TARO_ENV tt) over a simulated tt: Douyin protocol', () => {
  platformSuite(
    {
      Authing,
      install(emulator) {
        const taro = createTaro({ emulator, env: 'tt' })
        return { runtime: taro, uninstall: installTaro(taro) }
      },
      protocol: DOUYIN,
    },
    useEmulator(),
  )
})
