// @authing/miniapp-uniapp end to end: the package's Authing on a simulated uni installed as the global, under both
// uni-app promise shapes (the adapter uses callbacks, so both must behave the same), against the emulator.
import { DEMO } from '@authing/miniapp-emulator'
import { createUni, installUni } from '@authing/miniapp-testing'
import { Authing, createUniAdapter } from '@authing/miniapp-uniapp'
import { platformSuite, useEmulator } from '../../testing/test/platform-suite'
import { DOUYIN } from '../../testing/test/protocols'

const options = { appId: DEMO.appId, userPoolId: DEMO.userPoolId, host: 'http://127.0.0.1:1' }

test('importing the package with no global uni does not throw; building a client then throws a clear TypeError', () => {
  expect('uni' in globalThis).toBe(false)
  jest.isolateModules(() => {
    const fresh = require('@authing/miniapp-uniapp') as typeof import('@authing/miniapp-uniapp')
    expect(() => new fresh.Authing(options)).toThrow(
      new TypeError('Authing: the global `uni` was not found; @authing/miniapp-uniapp runs in a uni-app project'),
    )
  })
})

test('createUniAdapter(api) drives the given uni-shaped object instead of the global', async () => {
  const uni = createUni({ vue: 2, storage: { k: 'v' } })
  expect(await createUniAdapter(uni).storage.getItem('k')).toBe('v')
  expect(await createUniAdapter(uni).storage.getItem('missing')).toBeUndefined()
})

const emulator = useEmulator()
describe.each([2, 3] as const)('on a simulated uni, Vue %i', (vue) => {
  platformSuite(
    {
      Authing,
      install(url) {
        const uni = createUni({ emulator: url, vue })
        return { runtime: uni, uninstall: installUni(uni) }
      },
    },
    emulator,
  )
})

/** Sets what uni-app's bundler compiles in for a build target; returns the function that puts the old value back. */
function buildTarget(target: string): () => void {
  const previous = process.env.UNI_PLATFORM
  process.env.UNI_PLATFORM = target
  return () => {
    if (previous === undefined) delete process.env.UNI_PLATFORM
    else process.env.UNI_PLATFORM = previous
  }
}

describe('on a simulated uni built for Douyin (mp-toutiao): Douyin protocol', () => {
  platformSuite(
    {
      Authing,
      install(url) {
        const uni = createUni({ emulator: url, platform: 'mp-toutiao' })
        const undo = [buildTarget('mp-toutiao'), installUni(uni)]
        return { runtime: uni, uninstall: () => undo.forEach((step) => step()) }
      },
      protocol: DOUYIN,
    },
    emulator,
  )
})
