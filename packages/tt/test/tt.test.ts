// @authing/miniapp-tt end to end: the package's Authing on a simulated tt installed as the global, against the
// emulator, speaking Douyin's protocol.
import { DEMO } from '@authing/miniapp-emulator'
import { createTt, installTt } from '@authing/miniapp-testing'
import { Authing, createTtAdapter } from '@authing/miniapp-tt'
import { platformSuite, useEmulator } from '../../testing/test/platform-suite'
import { DOUYIN } from '../../testing/test/protocols'

const options = { appId: DEMO.appId, userPoolId: DEMO.userPoolId, host: 'http://127.0.0.1:1' }

test('importing the package with no global tt does not throw; building a client then throws a clear TypeError', () => {
  expect('tt' in globalThis).toBe(false)
  jest.isolateModules(() => {
    const fresh = require('@authing/miniapp-tt') as typeof import('@authing/miniapp-tt')
    expect(() => new fresh.Authing(options)).toThrow(
      new TypeError('Authing: the global `tt` was not found; @authing/miniapp-tt runs in a Douyin mini program'),
    )
  })
})

test('the platform is looked up when the client is built, not at import', () => {
  const uninstall = installTt(createTt())
  expect(() => new Authing(options)).not.toThrow()
  uninstall()
  expect(() => new Authing(options)).toThrow(TypeError)
})

test('createTtAdapter(api) drives the given tt-shaped object instead of the global', async () => {
  const tt = createTt({ storage: { k: 'v' }, loginCode: () => 'tt-code' })
  const adapter = createTtAdapter(tt)
  expect(await adapter.storage.getItem('k')).toBe('v')
  expect(await adapter.storage.getItem('missing')).toBeUndefined()
  expect(await adapter.login!()).toBe('tt-code')
  expect(tt.calls).toEqual({ getStorage: 2, login: 1 })
})

describe('on a simulated tt', () => {
  platformSuite(
    {
      Authing,
      install(emulator) {
        const tt = createTt({ emulator })
        return { runtime: tt, uninstall: installTt(tt) }
      },
      protocol: DOUYIN,
    },
    useEmulator(),
  )
})
