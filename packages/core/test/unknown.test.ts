// Failures the SDK cannot classify are `unknown`, with what was thrown kept as `cause`; they never blame the caller.
import { setup } from './harness'

test('an adapter whose request resolves undefined gives unknown, not invalid_argument', async () => {
  const { authing } = setup({ adapter: { request: () => Promise.resolve(undefined as never) } })
  const [error] = await authing.sendSms({ phoneNumber: '13800000000', channel: 'CHANNEL_LOGIN' })
  expect(error).toMatchObject({ code: 'unknown', message: expect.stringMatching(/^Unexpected error: .*status/) })
  expect(error!.cause).toBeInstanceOf(TypeError)
  // plain data: the cause is kept but not enumerable, so the error serialises as before
  expect(Object.keys(error!).sort()).toEqual(['code', 'message'])
  expect(JSON.parse(JSON.stringify(error))).toEqual({ code: 'unknown', message: error!.message })
})

test('a failure inside the SDK keeps the original value as cause', async () => {
  const thrown = { weird: true }
  const { authing } = setup({
    adapter: {
      request: () =>
        Promise.resolve({
          status: 200,
          get body(): unknown {
            throw thrown
          },
        }),
    },
  })
  const [error] = await authing.getPublicKey('rsa')
  expect(error).toMatchObject({ code: 'unknown', message: 'Unexpected error: unknown error' })
  expect(error!.cause).toBe(thrown)
})

test('an argument that cannot be read is still invalid_argument', async () => {
  const { authing } = setup()
  const unreadable = Object.defineProperty({}, 'phoneNumber', {
    enumerable: true,
    get: () => {
      throw new Error('getter exploded')
    },
  })
  const [error] = await authing.sendSms(unreadable as never)
  expect(error).toEqual({ code: 'invalid_argument', message: 'Invalid argument: getter exploded' })
})
