// wx.uploadFile: a real multipart/form-data upload of a local file; the answer's body is always a string.
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import type { Define } from './define'
import { Failure } from './define'
import { parseUrl, timeoutOf, transmit, TransferControl } from './http'
import type { UploadFileOptions, UploadFileSuccess, UploadProgress, UploadTask, WxTaskApis } from './types'

const TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.mp4': 'video/mp4',
}

/** The multipart body: the `formData` fields, then the file part. */
function multipart(boundary: string, fields: Record<string, unknown>, name: string, path: string, file: Buffer): Buffer {
  const part = (disposition: string, extra = '') => `--${boundary}\r\nContent-Disposition: form-data; ${disposition}\r\n${extra}\r\n`
  const quoted = (text: string) => text.replace(/"/g, '%22')
  const parts: Buffer[] = Object.entries(fields).map(([key, value]) =>
    Buffer.from(`${part(`name="${quoted(key)}"`)}${typeof value == 'object' ? JSON.stringify(value) : String(value)}\r\n`),
  )
  const type = TYPES[extname(path).toLowerCase()] || 'application/octet-stream'
  parts.push(Buffer.from(part(`name="${quoted(name)}"; filename="${quoted(basename(path))}"`, `Content-Type: ${type}\r\n`)))
  parts.push(file, Buffer.from(`\r\n--${boundary}--\r\n`))
  return Buffer.concat(parts)
}

/** `wx.uploadFile`. */
export function uploadApi(define: Define): Pick<WxTaskApis, 'uploadFile'> {
  return {
    uploadFile: define.task<UploadFileOptions, UploadFileSuccess, UploadTask>('uploadFile', (options) => {
      const control = new TransferControl()
      let listeners: ((progress: UploadProgress) => void)[] = []
      const task: UploadTask = {
        abort: () => control.abort(),
        onHeadersReceived: (listener) => control.onHeadersReceived(listener),
        offHeadersReceived: (listener) => control.offHeadersReceived(listener),
        onProgressUpdate: (listener) => void listeners.push(listener),
        offProgressUpdate: (listener) => void (listeners = listener ? listeners.filter((other) => other !== listener) : []),
      }
      async function run(): Promise<Omit<UploadFileSuccess, 'errMsg'>> {
        const { url, filePath, name, header, formData, timeout } = options || ({} as UploadFileOptions)
        const target = parseUrl(url)
        if (typeof name != 'string' || !name) throw new Failure('parameter error: name should be a non-empty string')
        const file = await readFile(String(filePath)).catch(() => {
          throw new Failure(`file not found: ${String(filePath)}`)
        })
        const boundary = `----WxSimulatedFormBoundary${randomBytes(8).toString('hex')}`
        const body = multipart(boundary, formData || {}, name, String(filePath), file)
        // wx sets the multipart content type itself, whatever the header option says.
        const headers = Object.assign({}, header)
        for (const key of Object.keys(headers)) if (key.toLowerCase() == 'content-type') delete headers[key]
        headers['content-type'] = `multipart/form-data; boundary=${boundary}`
        headers['content-length'] = String(body.length)
        const reply = await transmit({ url: target, method: 'POST', headers, body, timeout: timeoutOf(timeout) }, control)
        const total = body.length
        for (const listener of listeners.slice()) listener({ progress: 100, totalBytesSent: total, totalBytesExpectedToSend: total })
        return { data: reply.body.toString('utf8'), statusCode: reply.statusCode }
      }
      return { task, run }
    }),
  }
}
