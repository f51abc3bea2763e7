// Storage faults through the simulated wx (getStorage, setStorage, removeStorage failing, and corrupt stored values),
// with a real emulator behind. Each gives the `storage` code (or, for a corrupt value, `not_logged_in`) with a
// readable message, never a thrown error; the login state in memory and in storage is the old one or the new one; and
// once storage works again, the next call brings storage in line with memory, so a relaunched app loses nothing.
import type { Authing } from '@authing/miniapp-wx'
import { DAY, KEY, flush, logIn, memoryOf, outcome, useRig } from './helpers'

const rig = useRig()

/** An app relaunched on the same storage: it must be able to use whatever state it finds. */
async function expectRelaunchWorks(loggedIn: boolean) {
  const relaunched = rig.client({ now: Date.now })
  const [error] = await outcome(() => relaunched.getUserInfo())
  if (loggedIn) {
    expect(error).toBeNull()
    expect((await outcome(() => relaunched.refreshToken()))[0]).toBeNull()
  } else {
    expect(error).toMatchObject({ code: 'not_logged_in' })
  }
}

describe('getStorage failing', () => {
  test('an authenticated call says storage, keeps the stored state, and reads it again next time', async () => {
    const before = await logIn(rig.client())
    const authing = rig.client()
    rig.wx.fail('getStorage', 'system error', 1)
    const [error] = await outcome(() => authing.getUserInfo())
    expect(error).toMatchObject({ code: 'storage', message: expect.stringContaining('getStorage:fail') })
    expect(rig.stored()).toEqual(before)
    expect((await outcome(() => authing.getUserInfo()))[0]).toBeNull()
    await expectRelaunchWorks(true)
  })

  test('a refresh says storage and renews nothing', async () => {
    const before = await logIn(rig.client())
    const authing = rig.client()
    rig.wx.fail('getStorage')
    expect((await outcome(() => authing.refreshToken()))[0]).toMatchObject({ code: 'storage' })
    rig.wx.clearFaults()
    expect(rig.stored()).toEqual(before)
    expect((await outcome(() => authing.getLoginState()))[1]).toEqual(before)
  })

  test('a login needs no read: it succeeds and stores the new state', async () => {
    const before = await logIn(rig.client())
    const authing = rig.client()
    rig.wx.fail('getStorage')
    const after = await logIn(authing)
    expect(after.access_token).not.toBe(before.access_token)
    expect(rig.stored()).toEqual(after)
    rig.wx.clearFaults()
    await expectRelaunchWorks(true)
  })

  test('logout still clears the stored state (it cannot revoke tokens it could not read)', async () => {
    await logIn(rig.client())
    const authing = rig.client()
    rig.wx.fail('getStorage')
    expect(await outcome(() => authing.logout())).toEqual([null, true])
    expect(rig.stored()).toBeUndefined()
    rig.wx.clearFaults()
    await expectRelaunchWorks(false)
  })
})

describe('setStorage failing', () => {
  test('a login says storage and keeps the old state, in memory and in storage', async () => {
    const before = await logIn(rig.client())
    const authing = rig.client()
    const memory = memoryOf(authing, before)
    rig.wx.fail('setStorage', 'exceed storage max size')
    const [error] = await outcome(() => authing.loginByPassword({ passwordPayload: { username: 'demo', password: 'Demo-Passw0rd!' } }))
    expect(error).toMatchObject({ code: 'storage', message: expect.stringContaining('setStorage:fail exceed storage max size') })
    expect(memory()).toEqual(before)
    expect(rig.stored()).toEqual(before)
    rig.wx.clearFaults()
    await expectRelaunchWorks(true)
  })

  test.each<[string, (authing: Authing) => Promise<unknown>]>([
    ['asked for', (authing) => authing.refreshToken()],
    ['automatic', (authing) => authing.getUserInfo()],
  ])('a refresh (%s) succeeds, storage keeps the old state whole, and the next call stores the new one', async (_name, refresh) => {
    const before = await logIn(rig.client())
    const authing = rig.client()
    const memory = memoryOf(authing, before)
    rig.clock.now += 2 * DAY
    rig.wx.fail('setStorage', 'system error', 1)
    expect((await outcome(() => refresh(authing)))[0]).toBeNull()
    expect(memory()!.refresh_token).not.toBe(before.refresh_token) // the server rotated it: memory must have the new one
    expect(rig.stored()).toEqual(before)
    expect((await outcome(() => authing.getUserInfo()))[0]).toBeNull()
    await flush()
    expect(rig.stored()).toEqual(memory())
    await expectRelaunchWorks(true) // with the old, used-up refresh token this would end the session
  })
})

describe('removeStorage failing', () => {
  test('logout clears memory, says storage, and the next call removes the stored state', async () => {
    await logIn(rig.client())
    const authing = rig.client()
    const memory = memoryOf(authing, rig.stored())
    rig.wx.fail('removeStorage', 'system error', 1)
    const [error] = await outcome(() => authing.logout())
    expect(error).toMatchObject({ code: 'storage', message: expect.stringContaining('removeStorage:fail') })
    expect(memory()).toBeNull()
    expect((await outcome(() => authing.getLoginState()))[0]).toMatchObject({ code: 'not_logged_in' })
    await flush()
    expect(rig.stored()).toBeUndefined()
    await expectRelaunchWorks(false)
  })

  test('a session the server ended is cleared from memory, and from storage by the next call', async () => {
    const before = await logIn(rig.client())
    const authing = rig.client()
    await rig.emulator.client.revokeSession((await rig.emulator.client.sessions())[0]!.id)
    rig.clock.now += 2 * DAY
    rig.wx.fail('removeStorage', 'system error', 1)
    expect((await outcome(() => authing.getUserInfo()))[0]).toMatchObject({ code: 'session_expired' })
    expect(rig.stored()).toEqual(before)
    expect((await outcome(() => authing.getLoginState()))[0]).toMatchObject({ code: 'not_logged_in' })
    await flush()
    expect(rig.stored()).toBeUndefined()
  })
})

describe.each([
  ['broken JSON text', '{"access_token":"eyJ'],
  ['a number', 42],
  ['an array', [{ access_token: 'x' }]],
  ['null', null],
  ['a state without expiry', { access_token: 'x', refresh_token: 'y' }],
  ['a state with a non-string token', { access_token: 42, expires_at: Date.now() + DAY }],
  ['a state with an expiry of another type', { access_token: 'x', expires_at: '2030-01-01' }],
])('a corrupt stored value (%s)', (_name, value) => {
  test('counts as logged out, breaks nothing, and the next login replaces it', async () => {
    rig.wx.storage.set(KEY, value)
    const authing = rig.client()
    const [error] = await outcome(() => authing.getUserInfo())
    expect(error).toMatchObject({ code: 'not_logged_in' })
    expect((await outcome(() => authing.refreshToken()))[0]).toMatchObject({ code: 'not_logged_in' })
    const state = await logIn(authing)
    expect(rig.stored()).toEqual(state)
    await expectRelaunchWorks(true)
  })
})
