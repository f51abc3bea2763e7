// wx.request over real HTTP: result and error shapes, data serialisation, dataType / responseType, the task.
import { createWx, type RequestOptions, type RequestSuccess, type WxError } from '@authing/miniapp-testing'
import { closedPort, startServer, type Echo } from './server'

let server: Awaited<ReturnType<typeof startServer>>
beforeAll(async () => (server = await startServer()))
afterAll(() => server.close())

const wx = createWx()

/** Runs wx.request with callbacks and resolves with what reached them (and checks `complete` got the same). */
function request(options: RequestOptions): Promise<{ success?: RequestSuccess; fail?: WxError }> {
  return new Promise((resolve) => {
    let outcome: { success?: RequestSuccess; fail?: WxError } = {}
    wx.request({
      ...options,
      success: (success) => void (outcome = { success }),
      fail: (fail) => void (outcome = { fail }),
      complete: (result) => {
        expect(result).toBe(outcome.success || outcome.fail)
        resolve(outcome)
      },
    })
  })
}

async function echo(options: Omit<RequestOptions, 'url'>, path = '/echo'): Promise<Echo> {
  const { success } = await request({ url: server.url + path, ...options })
  return success!.data as Echo
}

describe('results', () => {
  test('success carries data, statusCode, header (original case), cookies and errMsg', async () => {
    const { success } = await request({ url: `${server.url}/echo` })
    expect(success).toMatchObject({ statusCode: 200, errMsg: 'request:ok', cookies: ['a=1', 'b=2'] })
    expect(success!.header['X-Custom']).toBe('Yes')
    expect((success!.data as Echo).method).toBe('GET')
  })

  test.each([400, 401, 404, 500, 503])('HTTP %i is delivered to success', async (status) => {
    const { success, fail } = await request({ url: `${server.url}/status/${status}`, method: 'POST' })
    expect(fail).toBeUndefined()
    expect(success).toMatchObject({ statusCode: status, data: { status }, errMsg: 'request:ok' })
  })

  test('returns a RequestTask, never a promise', () => {
    const task = wx.request({ url: `${server.url}/echo`, success() {} })
    expect(typeof task.abort).toBe('function')
    expect(typeof (task as unknown as Promise<unknown>).then).toBe('undefined')
  })

  test('onHeadersReceived sees the status and headers before the body', async () => {
    const seen: number[] = []
    await new Promise((complete) =>
      wx.request({ url: `${server.url}/status/201`, complete }).onHeadersReceived((r) => seen.push(r.statusCode)),
    )
    expect(seen).toEqual([201])
  })
})

describe('transport failures go to fail with request:fail', () => {
  test('connection refused', async () => {
    const { fail } = await request({ url: `http://127.0.0.1:${await closedPort()}/` })
    expect(fail!.errMsg).toMatch(/^request:fail .*ECONNREFUSED/)
  })

  test('connection dropped before an answer, and in the middle of the body', async () => {
    expect((await request({ url: `${server.url}/drop` })).fail!.errMsg).toMatch(/^request:fail /)
    expect((await request({ url: `${server.url}/half` })).fail!.errMsg).toMatch(/^request:fail /)
  })

  test('unknown host', async () => {
    const { fail } = await request({ url: 'http://no-such-host.invalid/' })
    expect(fail!.errMsg).toMatch(/^request:fail .*ENOTFOUND/)
  })

  test('timeout', async () => {
    // the server never answers: only the 30 ms limit can end the request
    expect(await request({ url: `${server.url}/stall`, timeout: 30 })).toEqual({ fail: { errMsg: 'request:fail timeout' } })
  })

  test('abort', async () => {
    const outcome = new Promise<WxError>((fail) => wx.request({ url: `${server.url}/stall`, fail }).abort())
    expect(await outcome).toEqual({ errMsg: 'request:fail abort' })
  })

  test('invalid URL and method', async () => {
    expect((await request({ url: 'ftp://x/' })).fail).toEqual({ errMsg: 'request:fail invalid url "ftp://x/"' })
    expect((await request({ url: `${server.url}/echo`, method: 'FETCH' })).fail).toEqual({ errMsg: 'request:fail invalid method "FETCH"' })
  })
})

describe('data is serialised like wx', () => {
  test('a string is sent as is, with content-type application/json by default', async () => {
    const seen = await echo({ method: 'POST', data: 'a=1&b' })
    expect(seen.body).toBe('a=1&b')
    expect(seen.headers['content-type']).toBe('application/json')
  })

  test('an object becomes JSON for POST (undefined fields vanish, empty strings stay)', async () => {
    const seen = await echo({ method: 'POST', data: { a: 1, b: undefined, c: '', d: [true] } })
    expect(seen.body).toBe('{"a":1,"c":"","d":[true]}')
  })

  test('an object becomes k=v pairs when the content type is form-urlencoded (any header case)', async () => {
    const seen = await echo({
      method: 'POST',
      header: { 'Content-Type': 'application/x-www-form-urlencoded' },
      data: { grant_type: 'refresh_token', redirect_uri: '', token: 'a b&c' },
    })
    expect(seen.body).toBe('grant_type=refresh_token&redirect_uri=&token=a%20b%26c')
    expect(seen.headers['content-type']).toBe('application/x-www-form-urlencoded')
  })

  test('GET data becomes the query string, after any existing query', async () => {
    const seen = await echo({ data: { withCustomData: false, q: 'x y' } }, '/echo?a=1')
    expect(seen.url).toBe('/echo?a=1&withCustomData=false&q=x%20y')
    expect(seen.body).toBe('')
  })

  test('an ArrayBuffer is sent as bytes', async () => {
    const seen = await echo({ method: 'PUT', data: new Uint8Array([104, 105]).buffer })
    expect(seen.body).toBe('hi')
  })

  test('headers are sent as given', async () => {
    const seen = await echo({ header: { Authorization: 'token', 'x-authing-app-id': 'app' } })
    expect(seen.headers).toMatchObject({ authorization: 'token', 'x-authing-app-id': 'app' })
  })
})

describe('dataType and responseType', () => {
  test("'json' (the default) parses JSON whatever the content type, and leaves text that is not JSON", async () => {
    expect((await request({ url: `${server.url}/json-as-text` })).success!.data).toEqual({ a: 1 })
    expect((await request({ url: `${server.url}/text` })).success!.data).toBe('{not json')
  })

  test('any other dataType leaves the text', async () => {
    expect((await request({ url: `${server.url}/json-as-text`, dataType: 'text' })).success!.data).toBe('{"a":1}')
  })

  test("responseType 'arraybuffer' gives the bytes", async () => {
    const data = (await request({ url: `${server.url}/bytes`, responseType: 'arraybuffer' })).success!.data
    expect(data).toBeInstanceOf(ArrayBuffer)
    expect(Array.from(new Uint8Array(data as ArrayBuffer))).toEqual([0, 1, 2, 255])
  })
})
