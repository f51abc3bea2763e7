import type { HttpResponse } from './adapter'
import { authingError, type AuthingError, type ServerDetails } from './errors'
import { parseIfJson } from './json'
import { firstText } from './value-checks'

/** An HTTP answer with its body parsed: JSON as an object, anything else as an empty one. */
export interface Answer {
  status: number
  body: Record<string, unknown>
}

/**
 * How one endpoint's answer is read: returns the call's data when the answer is a success, or `undefined` when it is
 * a failure (then {@link answerError} explains it). Each caller passes the reader of its endpoint.
 */
export type ReadAnswer<T> = (answer: Answer) => T | undefined

/**
 * The V3 API's envelope `{ statusCode, message, data }`: success is `statusCode` 200, and its data is `data` (or the
 * whole body where there is none), of the type the endpoint documents.
 */
export function readEnvelope<T>({ body }: Answer): T | undefined {
  if (body.statusCode !== 200) return undefined
  return (body.data != null ? body.data : body) as T
}

/** Parses the response the platform delivered: text is parsed as JSON; what is not an object reads as an empty body. */
export function toAnswer({ status, body: delivered }: HttpResponse): Answer {
  // Unreadable text stays text, which reads as no body: a server failure.
  const body = parseIfJson(delivered)
  return { status, body: body && typeof body == 'object' ? (body as Record<string, unknown>) : {} }
}

/**
 * The error of a failed answer, whatever its kind of endpoint. Only fields of the documented types
 * are kept: the error stays plain, readable data whatever the server sent.
 */
export function answerError({ status, body }: Answer): AuthingError {
  const statusCode = [body.statusCode, body.code, status].filter(Number.isInteger)[0] as number
  const said = firstText([body.message, body.error_description])
  const oauthError = firstText([body.error])
  const details: Partial<ServerDetails> = {
    statusCode,
    apiCode: typeof body.apiCode == 'number' ? body.apiCode : undefined,
    requestId: firstText([body.requestId]),
  }
  if (said) details.message = said
  if (oauthError == 'invalid_grant') return authingError('session_expired', oauthError, details)
  // A refusal is a 4xx the server explained. Anything else that could not be read (a 5xx, an answer without words, a
  // success without what was asked for) is the server's failure.
  const refused = statusCode >= 400 && statusCode < 500 && status < 500 && (said || oauthError)
  return refused ? authingError('api', oauthError, details) : authingError('server', `HTTP ${status}`, details)
}
