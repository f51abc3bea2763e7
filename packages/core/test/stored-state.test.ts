// What the store accepts from storage: the official SDK's object or its JSON; anything else is logged out.
import { setup } from './harness'

const future = 1_700_000_000_000 + 3600 * 1000

test.each([
  ['an object', { access_token: 'at-x', expires_at: future }],
  ['its JSON', JSON.stringify({ access_token: 'at-x', expires_at: future })],
])('a stored state as %s is read', async (_name, stored) => {
  const { authing, storage, key } = setup()
  storage.set(key, stored)
  const [error, state] = await authing.getLoginState()
  expect(error).toBeNull()
  expect(state).toMatchObject({ access_token: 'at-x', expires_at: future })
})

test.each([
  ['broken JSON', '{"access_token":'],
  ['an empty token', { access_token: '', expires_at: future }],
  ['a token that is not a string', { access_token: 7, expires_at: future }],
  ['no expiry', { access_token: 'at-x' }],
  ['an expiry that is not a number', { access_token: 'at-x', expires_at: String(future) }],
  ['an infinite expiry', { access_token: 'at-x', expires_at: Infinity }],
  ['null', null],
  ['a number', 42],
])('a stored state with %s counts as logged out', async (_name, stored) => {
  const { authing, storage, key } = setup()
  storage.set(key, stored)
  expect((await authing.getLoginState())[0]).toEqual({ code: 'not_logged_in', message: 'Not logged in' })
})

test('a stored value that is not an object counts as logged out, even a function carrying the fields', async () => {
  // A custom adapter's storage may keep values as they are, without serialising them.
  const tokens = Object.assign(() => {}, { access_token: 'at-x', expires_at: future })
  const storage = { getItem: async () => tokens, setItem: async () => {}, removeItem: async () => {} }
  const { authing } = setup({ adapter: { storage } })
  expect((await authing.getLoginState())[0]).toEqual({ code: 'not_logged_in', message: 'Not logged in' })
})
