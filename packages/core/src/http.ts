import type { Adapter } from './adapter'
import { authingError, describe, type AuthingError, type AuthingErrorCode } from './errors'
import { VERSION } from './version'

// Timers exist on every mini program platform; the ES2017 lib this package is checked against does not declare them.
declare function setTimeout<A>(callback: (argument: A) => void, ms: number, argument: A): number
declare function clearTimeout(id: number): void

export const SYSTEM_PATH = '/api/v3/system'
export const TOKEN_PATH = '/oidc/token'
export const REVOCATION_PATH = '/oidc/token/revocation'
const UPLOAD_PATH = '/api/v2/upload?folder=avatar'

/**
 * One API call as the client describes it: `path` is absolute, or relative to `/api/v3/`. POST with a JSON `body`
 * unless `query` (GET) or `form` is given.
 */
export interface ApiCall {
  path: string
  body?: object
  query?: Record<string, unknown>
  form?: Record<string, string>
  headers?: Record<string, string>
}

export type Http = ReturnType<typeof createHttp>

type Body = Record<string, unknown>

const encode = (fields: Record<string, unknown>) =>
  Object.keys(fields)
    .map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(String(fields[key]))}`)
    .join('&')

/**
 * The one request/response normaliser: builds every request, applies the time limit, and turns every answer into
 * data or an {@link AuthingError}.
 */
export function createHttp(host: string, adapter: Pick<Adapter, 'request' | 'uploadFile'>, timeout: number) {
  /** Runs a platform transfer under the time limit; a transport failure becomes `network` or `timeout`. */
  function transfer<T>(start: () => Promise<T>, limit: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      // Our own timer too: not every base library honours the request's timeout option.
      const timer = setTimeout(reject, limit, { errMsg: `timeout after ${limit} ms` })
      void new Promise<T>((started) => started(start())).then(resolve, reject).then(() => clearTimeout(timer))
    }).catch((reason: unknown) => {
      const text = describe(reason)
      const code: AuthingErrorCode = /time ?out/i.test(text) ? 'timeout' : 'network'
      throw authingError(code, `The request to Authing ${code == 'timeout' ? 'timed out' : 'failed'}: ${text}`)
    })
  }

  /** Sends a call and resolves with its data (V3 `data`, or the whole body where there is none). */
  async function send(call: ApiCall): Promise<unknown> {
    const { path, body, query, form } = call
    const search = query && encode(query)
    const response = await transfer(
      () =>
        adapter.request({
          url: host + (path[0] == '/' ? '' : '/api/v3/') + path + (search ? `?${search}` : ''),
          method: query ? 'GET' : 'POST',
          headers: Object.assign(
            {
              'x-authing-request-from': 'sdk-miniapp',
              'x-authing-sdk-version': VERSION,
              'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
            },
            call.headers,
          ),
          body: form ? encode(form) : body && JSON.stringify(body),
          timeout,
        }),
      timeout,
    )
    return interpret(path, response.status, parse(response.body))
  }

  /** Uploads a local image to Authing's file service and resolves with `{ code, message, data: { key, url } }`. */
  async function upload(filePath: string): Promise<unknown> {
    const limit = Math.max(timeout, 60000)
    const response = await transfer(() => adapter.uploadFile({ url: host + UPLOAD_PATH, filePath, name: 'file', timeout: limit }), limit)
    return interpret(UPLOAD_PATH, response.status, parse(response.body))
  }

  return { send, upload }
}

function parse(body: unknown): unknown {
  if (typeof body != 'string') return body
  try {
    return JSON.parse(body)
  } catch {
    return body // unreadable text (an HTML error page, a cut-off body): reported as a server failure
  }
}

/** Decides success by the rules of each kind of endpoint (protocol.md §1.5), fixing the official SDK's shortcuts. */
function interpret(path: string, status: number, parsed: unknown): unknown {
  const body: Body = parsed && typeof parsed == 'object' ? (parsed as Body) : {}
  const data = body.data as Body | undefined
  switch (path) {
    case SYSTEM_PATH:
      if (body.rsa || body.sm2) return body
      break
    case TOKEN_PATH:
      if (typeof body.access_token == 'string') return body
      break
    case REVOCATION_PATH:
      if (status < 300) return true
      break
    case UPLOAD_PATH:
      if (body.code === 200 && data && typeof data.url == 'string') return body
      break
    default:
      if (body.statusCode === 200) return data != null ? data : body
  }
  throw failure(status, body)
}

function failure(status: number, body: Body): AuthingError {
  // Only fields of the documented types are kept: the error stays plain, readable data whatever the server sent.
  const typed = (type: string, ...values: unknown[]): never =>
    values.filter((value) => typeof value == type && (type != 'string' || (value as string).trim()))[0] as never
  const statusCode: number = [body.statusCode, body.code, status].filter(Number.isInteger)[0] as number
  const text: string = typed('string', body.message, body.error_description)
  const error: string = typed('string', body.error)
  return authingError(
    error == 'invalid_grant' ? 'session_expired' : statusCode >= 500 || status >= 500 || !(text || error) ? 'server' : 'api',
    text || (error ? `Authing refused the request (${error})` : `Authing answered HTTP ${status} with an unreadable body`),
    { statusCode, apiCode: typed('number', body.apiCode), requestId: typed('string', body.requestId) },
  )
}
