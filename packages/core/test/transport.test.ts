// The transport's own rules: its timer (set for every transfer, cleared when the answer comes), the longer limit of
// uploads, and what a timeout is.
import type { Adapter } from '@authing/miniapp-core'
import { isTimedOut, withTimeout } from '../src/timeout'
import { setup } from './harness'

afterEach(() => jest.useRealTimers())

test('withTimeout settles like the transfer and clears its timer', async () => {
  jest.useFakeTimers()
  await expect(withTimeout(() => Promise.resolve('answer'), 1000)).resolves.toBe('answer')
  expect(jest.getTimerCount()).toBe(0)
  await expect(withTimeout(() => Promise.reject(new Error('refused')), 1000)).rejects.toThrow('refused')
  expect(jest.getTimerCount()).toBe(0)
})

test('withTimeout rejects with a timeout mark when the limit passes first', async () => {
  jest.useFakeTimers()
  const pending = withTimeout(() => new Promise<never>(() => {}), 250)
  jest.advanceTimersByTime(249)
  let settled = false
  pending.catch(() => (settled = true))
  await Promise.resolve()
  expect(settled).toBe(false)
  jest.advanceTimersByTime(1)
  await expect(pending).rejects.toEqual({ timeout: true, errMsg: 'no answer after 250 ms' })
})

test('a start that throws is a rejection of the transfer, not an exception', async () => {
  await expect(
    withTimeout(() => {
      throw new Error('no network API')
    }, 1000),
  ).rejects.toThrow('no network API')
})

test.each([
  [{ timeout: true }, true],
  [{ timeout: 'true' }, false],
  [{ timeout: 1 }, false],
  [{ errMsg: 'request:fail timeout' }, false],
  [null, false],
  [undefined, false],
])('isTimedOut(%j) is %s', (reason, expected) => {
  expect(isTimedOut(reason)).toBe(expected)
})

test('requests get the client timeout; uploads at least 60 s, or the client timeout when longer', async () => {
  const limits: number[] = []
  const spy = (timeout: number) => limits.push(timeout)
  for (const timeout of [5000, 90000]) {
    const platform: { adapter?: Adapter } = {} // the harness's adapter, known once set up
    const { authing, adapter, login } = setup({
      timeout,
      adapter: {
        request: (request) => (spy(request.timeout), platform.adapter!.request(request)),
        uploadFile: (upload) => (spy(upload.timeout), platform.adapter!.uploadFile(upload)),
      },
    })
    platform.adapter = adapter
    await login()
    limits.length = 0
    expect((await authing.updateAvatar())[0]).toBeNull()
    expect(limits).toEqual([Math.max(timeout, 60000), timeout])
  }
})

test('JSON bodies and forms say what they are; the version headers go with every request', async () => {
  const { authing, requests, login } = setup()
  await login()
  await authing.logout()
  const revocations = requests.filter((request) => request.path == '/oidc/token/revocation')
  expect(revocations).toHaveLength(2)
  for (const revocation of revocations) {
    expect(revocation.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(revocation.headers['x-authing-request-from']).toBe('sdk-miniapp')
  }
})

test('V3 calls go under /api/v3/, other paths as given; only a GET has a query; an upload sends the field `file`', async () => {
  const urls: string[] = []
  const platform: { adapter?: Adapter } = {}
  const { authing, adapter, login } = setup({
    adapter: {
      request: (request) => (urls.push(`${request.method} ${request.url}`), platform.adapter!.request(request)),
      uploadFile: (upload) => (urls.push(`upload ${upload.name} ${upload.url}`), platform.adapter!.uploadFile(upload)),
    },
  })
  platform.adapter = adapter
  await login()
  urls.length = 0
  await authing.getUserInfo({ withIdentities: true })
  await authing.updateAvatar()
  await authing.logout()
  expect(urls).toEqual([
    'GET https://auth.example.com/api/v3/get-profile?withCustomData=false&withDepartmentIds=false&withIdentities=true',
    'upload file https://auth.example.com/api/v2/upload?folder=avatar',
    'POST https://auth.example.com/api/v3/update-profile',
    'POST https://auth.example.com/oidc/token/revocation',
    'POST https://auth.example.com/oidc/token/revocation',
  ])
})
