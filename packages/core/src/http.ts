import type { Adapter, HttpResponse } from './adapter'
import { answerError, toAnswer, type ReadAnswer } from './answer'
import { authingError, describe } from './errors'
import { isTimedOut, withTimeout } from './timeout'
import { VERSION } from './version'

/**
 * One API call as the client describes it. `path` is absolute, or relative to `/api/v3/`. The call is a POST with a
 * JSON `body`, a POST with a `form`, or a GET with a `query`; `read` says how its endpoint's answer is read.
 */
export interface ApiCall<T> {
  path: string
  body?: object
  form?: Record<string, string>
  query?: Record<string, unknown>
  headers?: Record<string, string>
  read: ReadAnswer<T>
}

/** A file upload as the client describes it: the absolute `path` with its query, and how its answer is read. */
export interface UploadCall<T> {
  path: string
  filePath: string
  read: ReadAnswer<T>
}

export type Http = ReturnType<typeof createHttp>

/** Avatar uploads get at least this long: a photo on a mobile network takes longer than an API call. */
const MIN_UPLOAD_TIMEOUT = 60000

const SDK_HEADERS = { 'x-authing-request-from': 'sdk-miniapp', 'x-authing-sdk-version': VERSION }

const urlEncode = (fields: Record<string, unknown>): string =>
  Object.keys(fields)
    .map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(String(fields[key]))}`)
    .join('&')

/**
 * The transport: builds every request, applies the time limit, and turns every answer into data (as the call's
 * reader says) or an {@link AuthingError}.
 */
export function createHttp(host: string, adapter: Pick<Adapter, 'request' | 'uploadFile'>, timeout: number) {
  /**
   * Runs a platform transfer under a time limit (its failure becomes `timeout` or `network`) and resolves with what
   * `read` makes of the answer.
   */
  async function transfer<T>(start: () => Promise<HttpResponse>, limit: number, read: ReadAnswer<T>): Promise<T> {
    let response: HttpResponse
    try {
      response = await withTimeout(start, limit)
    } catch (reason) {
      throw authingError(isTimedOut(reason) ? 'timeout' : 'network', describe(reason))
    }
    const answer = toAnswer(response)
    const data = read(answer)
    if (data === undefined) throw answerError(answer)
    return data
  }

  /** Sends a call and resolves with what its reader makes of the answer. */
  function send<T>(call: ApiCall<T>): Promise<T> {
    const { path, body, form, query } = call
    const queryString = query ? urlEncode(query) : ''
    const headers: Record<string, string> = Object.assign({}, SDK_HEADERS)
    // A GET has no body, so no content-type: on H5 that header would cost a CORS preflight per call.
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded'
    else if (!query) headers['content-type'] = 'application/json'
    return transfer(
      () =>
        adapter.request({
          url: host + (path[0] == '/' ? '' : '/api/v3/') + path + (queryString ? `?${queryString}` : ''),
          method: query ? 'GET' : 'POST',
          headers: Object.assign(headers, call.headers),
          body: form ? urlEncode(form) : body && JSON.stringify(body),
          timeout,
        }),
      timeout,
      call.read,
    )
  }

  /** Uploads a local file as the multipart field `file` and resolves with what the reader makes of the answer. */
  function upload<T>({ path, filePath, read }: UploadCall<T>): Promise<T> {
    const limit = Math.max(timeout, MIN_UPLOAD_TIMEOUT)
    return transfer(() => adapter.uploadFile({ url: host + path, filePath, name: 'file', timeout: limit }), limit, read)
  }

  return { send, upload }
}
