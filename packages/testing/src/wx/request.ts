// wx.request: wx's data serialisation and response shaping over a real HTTP exchange.
import type { Define } from './define'
import { Failure } from './define'
import { parseUrl, timeoutOf, transmit, TransferControl, type Reply } from './http'
import type { RequestOptions, RequestSuccess, RequestTask, WxTaskApis } from './types'

const METHODS = ['OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'TRACE', 'CONNECT']

/** `k=v&…` with both sides URI-encoded, in insertion order; objects inside become JSON. */
function queryString(data: object): string {
  return Object.entries(data)
    .map(([key, value]) => {
      const text = value !== null && typeof value == 'object' ? JSON.stringify(value) : String(value)
      return `${encodeURIComponent(key)}=${encodeURIComponent(text)}`
    })
    .join('&')
}

/** The value of a header, whatever the case of its name. */
function headerValue(header: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(header).find((other) => other.toLowerCase() == name)
  return key === undefined ? undefined : String(header[key])
}

/** Builds the HTTP request wx would send for these options. */
function prepare(options: RequestOptions) {
  const method = String(options.method || 'GET').toUpperCase()
  if (METHODS.indexOf(method) < 0) throw new Failure(`invalid method "${String(options.method)}"`)
  const url = parseUrl(options.url)
  const headers = Object.assign({}, options.header)
  if (headerValue(headers, 'content-type') === undefined) headers['content-type'] = 'application/json'
  const { data } = options
  let body: Buffer | undefined
  if (data != null && method == 'GET') {
    // GET data goes into the query string: a string as is, an object as k=v pairs.
    const query = typeof data == 'string' ? data : data instanceof ArrayBuffer ? Buffer.from(data).toString() : queryString(data)
    if (query) url.search = url.search ? `${url.search}&${query}` : `?${query}`
  } else if (data != null) {
    const form = /application\/x-www-form-urlencoded/i.test(headerValue(headers, 'content-type') as string)
    body =
      data instanceof ArrayBuffer
        ? Buffer.from(data)
        : Buffer.from(typeof data == 'string' ? data : form ? queryString(data) : JSON.stringify(data))
  }
  if (body) headers['content-length'] = String(body.length)
  return { url, method, headers, body, timeout: timeoutOf(options.timeout) }
}

/** Shapes a reply as wx's success result: `dataType: 'json'` parses JSON when it can, anything else keeps the text. */
function resultOf(reply: Reply, options: RequestOptions): Omit<RequestSuccess, 'errMsg'> {
  const { statusCode, header, cookies, body } = reply
  let data: unknown
  if (options.responseType == 'arraybuffer') {
    data = body.buffer.slice(body.byteOffset, body.byteOffset + body.length)
  } else {
    data = body.toString('utf8')
    if ((options.dataType || 'json') == 'json') {
      try {
        data = JSON.parse(data as string)
      } catch {
        // not JSON: wx hands over the text
      }
    }
  }
  return { data, statusCode, header, cookies }
}

/** `wx.request`. */
export function requestApi(define: Define): Pick<WxTaskApis, 'request'> {
  return {
    request: define.task<RequestOptions, RequestSuccess, RequestTask>('request', (options) => {
      const control = new TransferControl()
      const task: RequestTask = {
        abort: () => control.abort(),
        onHeadersReceived: (listener) => control.onHeadersReceived(listener),
        offHeadersReceived: (listener) => control.offHeadersReceived(listener),
      }
      const given = options || ({} as RequestOptions)
      return { task, run: () => transmit(prepare(given), control).then((reply) => resultOf(reply, given)) }
    }),
  }
}
