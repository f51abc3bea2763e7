// @authing/miniapp-wx end to end: the package's Authing on a simulated wx installed as the global, against the emulator.
import { DEMO } from '@authing/miniapp-emulator'
import { createWx, installWx } from '@authing/miniapp-testing'
import { Authing, createWxAdapter } from '@authing/miniapp-wx'
import { platformSuite, useEmulator } from '../../testing/test/platform-suite'

const options = { appId: DEMO.appId, userPoolId: DEMO.userPoolId, host: 'http://127.0.0.1:1' }

test('importing the package with no global wx does not throw; building a client then throws a clear TypeError', () => {
  expect('wx' in globalThis).toBe(false)
  jest.isolateModules(() => {
    const fresh = require('@authing/miniapp-wx') as typeof import('@authing/miniapp-wx')
    expect(() => new fresh.Authing(options)).toThrow(
      new TypeError(
        'Authing: the global `wx` was not found; @authing/miniapp-wx runs in a WeChat mini program (in tests: installWx of @authing/miniapp-testing)',
      ),
    )
  })
})

test('the platform is looked up when the client is built, not at import', () => {
  const uninstall = installWx(createWx())
  expect(() => new Authing(options)).not.toThrow()
  uninstall()
  expect(() => new Authing(options)).toThrow(TypeError)
})

test('createWxAdapter(api) drives the given wx-shaped object instead of the global', async () => {
  const wx = createWx({ storage: { k: 'v' } })
  expect(await createWxAdapter(wx).storage.getItem('k')).toBe('v')
  expect(wx.calls).toEqual({ getStorage: 1 })
})

describe('on a simulated wx', () => {
  platformSuite(
    {
      Authing,
      install(emulator) {
        const wx = createWx({ emulator })
        return { runtime: wx, uninstall: installWx(wx) }
      },
    },
    useEmulator(),
  )
})
