// The picker writes real temp files; uploadFile sends them as multipart and hands back the body as a string.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createWx, SAMPLE_PNG, type UploadFileSuccess, type WxError } from '@authing/miniapp-testing'

test("chooseMedia writes a fresh temp PNG for each pick, in wx's result shape", async () => {
  const wx = createWx()
  const first = await wx.chooseMedia({ count: 1, mediaType: ['image'] })
  const second = await wx.chooseMedia({ count: 1, mediaType: ['image'] })
  expect(first).toMatchObject({ type: 'image', errMsg: 'chooseMedia:ok' })
  expect(first.tempFiles).toEqual([
    {
      tempFilePath: expect.stringMatching(/\.png$/),
      size: SAMPLE_PNG.length,
      fileType: 'image',
      width: 4,
      height: 4,
      duration: 0,
      thumbTempFilePath: '',
    },
  ])
  const [a, b] = [first.tempFiles[0]!.tempFilePath, second.tempFiles[0]!.tempFilePath]
  expect(a).not.toBe(b)
  expect(readFileSync(a)).toEqual(Buffer.from(SAMPLE_PNG))
  wx.cleanup()
  expect(existsSync(a)).toBe(false)
})

test('chooseImage, and images of our own (bytes or file paths)', async () => {
  const path = join(tmpdir(), `miniapp-testing-source-${process.pid}.jpg`)
  writeFileSync(path, 'jpeg bytes')
  const wx = createWx({ images: [path, new Uint8Array([1, 2, 3])] })
  const result = await wx.chooseImage({ count: 2 })
  expect(result.tempFilePaths).toHaveLength(2)
  expect(result.tempFilePaths[0]).toMatch(/\.jpg$/)
  expect(result.tempFiles).toEqual([
    { path: result.tempFilePaths[0], size: 10 },
    { path: result.tempFilePaths[1], size: 3 },
  ])
  expect((await wx.chooseMedia({ count: 1 })).tempFiles).toHaveLength(1)
  wx.cleanup()
})

test('the user cancelling the picker', async () => {
  const wx = createWx()
  wx.fail('chooseMedia', 'cancel', 1)
  await expect(wx.chooseMedia({ count: 1 })).rejects.toEqual({ errMsg: 'chooseMedia:fail cancel' })
  await expect(wx.chooseMedia({ count: 1 })).resolves.toMatchObject({ errMsg: 'chooseMedia:ok' })
  wx.cleanup()
})

describe('uploadFile', () => {
  let url: string
  let seen: { headers: Record<string, unknown>; body: Buffer }[] = []
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      seen.push({ headers: request.headers, body: Buffer.concat(chunks) })
      response.writeHead(request.url == '/fail' ? 500 : 200, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ code: 200, data: { url: 'https://files/x.png' } }))
    })
  })
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise((resolve) => server.close(resolve)))
  beforeEach(() => (seen = []))

  function upload(options: {
    url: string
    filePath: string
    name: string
    header?: Record<string, string>
    formData?: Record<string, unknown>
  }) {
    return new Promise<UploadFileSuccess | WxError>((resolve) => {
      const wx = createWx()
      wx.uploadFile({ ...options, complete: resolve })
    })
  }

  test('sends a real multipart body (fields, file part) and resolves data as a string', async () => {
    const wx = createWx()
    const { tempFiles } = await wx.chooseMedia({ count: 1 })
    const filePath = tempFiles[0]!.tempFilePath
    const result = await upload({
      url: `${url}/up`,
      filePath,
      name: 'file',
      header: { 'x-a': '1', 'Content-Type': 'text/plain' },
      formData: { folder: 'avatar' },
    })
    expect(result).toEqual({ data: '{"code":200,"data":{"url":"https://files/x.png"}}', statusCode: 200, errMsg: 'uploadFile:ok' })
    const { headers, body } = seen[0]!
    expect(headers['x-a']).toBe('1')
    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(String(headers['content-type']))![1]!
    const text = body.toString('latin1')
    expect(text).toContain(`--${boundary}\r\nContent-Disposition: form-data; name="folder"\r\n\r\navatar\r\n`)
    expect(text).toContain(
      `Content-Disposition: form-data; name="file"; filename="${filePath.split('/').pop()}"\r\nContent-Type: image/png\r\n\r\n`,
    )
    expect(body.includes(Buffer.from(SAMPLE_PNG))).toBe(true)
    expect(text.endsWith(`--${boundary}--\r\n`)).toBe(true)
    wx.cleanup()
  })

  test('HTTP errors are answers; a missing file and a refused connection fail', async () => {
    const wx = createWx()
    const filePath = (await wx.chooseImage({ count: 1 })).tempFilePaths[0]!
    expect(await upload({ url: `${url}/fail`, filePath, name: 'file' })).toMatchObject({ statusCode: 500, errMsg: 'uploadFile:ok' })
    expect(await upload({ url: `${url}/up`, filePath: '/no/such/file.png', name: 'file' })).toEqual({
      errMsg: 'uploadFile:fail file not found: /no/such/file.png',
    })
    expect(((await upload({ url: 'http://127.0.0.1:1/', filePath, name: 'file' })) as WxError).errMsg).toMatch(
      /^uploadFile:fail .*ECONNREFUSED/,
    )
    wx.cleanup()
  })

  test('the task reports progress and can be aborted', async () => {
    const wx = createWx()
    const filePath = (await wx.chooseImage({ count: 1 })).tempFilePaths[0]!
    const progress: number[] = []
    await new Promise((complete) =>
      wx.uploadFile({ url: `${url}/up`, filePath, name: 'file', complete }).onProgressUpdate((p) => progress.push(p.progress)),
    )
    expect(progress).toEqual([100])
    const aborted = new Promise((fail) => wx.uploadFile({ url: `${url}/up`, filePath, name: 'file', fail }).abort())
    expect(await aborted).toEqual({ errMsg: 'uploadFile:fail abort' })
    wx.cleanup()
  })
})
