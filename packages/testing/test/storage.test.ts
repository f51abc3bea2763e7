// wx storage semantics: copies, missing keys, sync forms, info, limits, and the control for inspecting and corrupting.
import { createWx } from '@authing/miniapp-testing'

test('a missing key fails getStorage with wx\'s message; the sync form answers ""', async () => {
  const wx = createWx()
  await expect(wx.getStorage({ key: 'nope' })).rejects.toEqual({ errMsg: 'getStorage:fail data not found' })
  expect(wx.getStorageSync('nope')).toBe('')
})

test('values are deep copies, stored as wx serialises them', async () => {
  const wx = createWx()
  const value = { a: { b: [1, 2] }, gone: undefined, when: new Date(0) }
  await wx.setStorage({ key: 'k', data: value })
  value.a.b.push(3)
  const { data } = await wx.getStorage({ key: 'k' })
  expect(data).toEqual({ a: { b: [1, 2] }, when: '1970-01-01T00:00:00.000Z' })
  ;(data as { a: { b: number[] } }).a.b.push(4)
  expect(wx.getStorageSync('k')).toEqual({ a: { b: [1, 2] }, when: '1970-01-01T00:00:00.000Z' })
  wx.setStorageSync('n', 5)
  expect(wx.getStorageSync('n')).toBe(5)
})

test('remove, clear and info; removing a missing key succeeds', async () => {
  const wx = createWx({ storage: { a: 1, b: 'x' } })
  expect(await wx.getStorageInfo()).toMatchObject({ keys: ['a', 'b'], currentSize: 1, limitSize: 10240, errMsg: 'getStorageInfo:ok' })
  expect(await wx.removeStorage({ key: 'a' })).toEqual({ errMsg: 'removeStorage:ok' })
  expect(await wx.removeStorage({ key: 'a' })).toEqual({ errMsg: 'removeStorage:ok' })
  expect(wx.getStorageInfoSync().keys).toEqual(['b'])
  wx.removeStorageSync('b')
  wx.setStorageSync('c', 1)
  expect(await wx.clearStorage()).toEqual({ errMsg: 'clearStorage:ok' })
  expect(wx.storage.dump()).toEqual({})
  wx.setStorageSync('d', 1)
  wx.clearStorageSync()
  expect(wx.storage.dump()).toEqual({})
})

test('an entry over 1 MB is refused', async () => {
  const wx = createWx()
  await expect(wx.setStorage({ key: 'big', data: 'x'.repeat(1024 * 1024) })).rejects.toEqual({
    errMsg: 'setStorage:fail entry size limit reached',
  })
  expect(() => wx.setStorageSync('big', 'x'.repeat(1024 * 1024))).toThrow('setStorageSync:fail entry size limit reached')
})

test('the control inspects, plants corrupted entries and removes them, bypassing wx', async () => {
  const wx = createWx({ storage: { state: { token: 't' } } })
  expect(wx.storage.dump()).toEqual({ state: { token: 't' } })
  wx.storage.set('state', '{broken')
  expect(await wx.getStorage({ key: 'state' })).toEqual({ data: '{broken', errMsg: 'getStorage:ok' })
  expect(wx.storage.get('state')).toBe('{broken')
  wx.storage.delete('state')
  expect(wx.storage.get('state')).toBeUndefined()
  wx.storage.set('x', 1)
  wx.storage.clear()
  expect(wx.storage.dump()).toEqual({})
  expect(wx.count('getStorage')).toBe(1) // the control is not a platform call
})

test('storage can be made to fail, for a number of calls or until cleared', async () => {
  const wx = createWx({ storage: { k: 1 } })
  wx.fail('getStorage', 'system error', 1)
  await expect(wx.getStorage({ key: 'k' })).rejects.toEqual({ errMsg: 'getStorage:fail system error' })
  expect(await wx.getStorage({ key: 'k' })).toEqual({ data: 1, errMsg: 'getStorage:ok' })
  wx.fail('setStorage', 'quota')
  await expect(wx.setStorage({ key: 'k', data: 2 })).rejects.toEqual({ errMsg: 'setStorage:fail quota' })
  await expect(wx.setStorage({ key: 'k', data: 2 })).rejects.toEqual({ errMsg: 'setStorage:fail quota' })
  wx.fail('removeStorageSync')
  expect(() => wx.removeStorageSync('k')).toThrow(new Error('removeStorageSync:fail system error'))
  wx.clearFaults()
  await wx.setStorage({ key: 'k', data: 2 })
  expect(wx.storage.dump()).toEqual({ k: 2 })
})
