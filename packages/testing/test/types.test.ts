// The simulated runtimes fit the SDK's structural platform type, so the adapters accept them (checked by tsc).
import { createMiniProgramAdapter, type MiniProgramApi } from '@authing/miniapp-core'
import { createUni, createWx, type SimulatedUni, type SimulatedWx } from '@authing/miniapp-testing'

const fits: MiniProgramApi[] = [createWx(), createUni(), createUni({ vue: 2 })]

test('createWx and createUni (both Vue shapes) are MiniProgramApi objects the adapter can drive', async () => {
  for (const api of fits) {
    const adapter = createMiniProgramAdapter(api)
    await adapter.storage.setItem('k', { a: 1 })
    expect(await adapter.storage.getItem('k')).toEqual({ a: 1 })
    expect(await adapter.storage.getItem('missing')).toBeUndefined()
    expect(typeof (await adapter.login!())).toBe('string')
    expect((await adapter.getRandomValues!(8)).length).toBe(8)
  }
})

test('the promise shapes are typed by Vue version', async () => {
  const vue2: SimulatedUni<2> = createUni({ vue: 2 })
  const [error, result] = await vue2.getStorageInfo()
  const keys: string[] | undefined = result && result.keys
  expect([error, keys]).toEqual([null, []])
  const vue3 = createUni()
  const info: { keys: string[] } = await vue3.getStorageInfo()
  const wx: SimulatedWx = createWx()
  const code: string = (await wx.login()).code
  expect([info.keys, typeof code]).toEqual([[], 'string'])
})
