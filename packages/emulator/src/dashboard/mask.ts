// Masking of secrets in request-log entries, so the dashboard (and a screenshot of it) never shows a usable password,
// token, code or secret: each is cut to its first characters and "…".
import type { RequestLogEntry } from '../types'

/** Field, header and query names whose values are secret. */
const SECRET_NAME = /(password|secret|token|passcode|session_?key)$|^(code|authorization|cookie)$/i

const isSecretName = (name: string): boolean => SECRET_NAME.test(name)

/** First characters (at most 4, and never more than a quarter of the value) followed by "…". */
export function maskSecret(value: string): string {
  if (value === '') return ''
  const keep = Math.min(4, Math.floor(value.length / 4))
  return `${value.slice(0, keep)}…`
}

/** `Bearer eyJhbGci…` keeps its scheme; a bare token is masked whole. */
function maskAuthorization(value: string): string {
  const match = /^(\w+)\s+(\S.*)$/.exec(value)
  return match ? `${match[1]} ${maskSecret(match[2] ?? '')}` : maskSecret(value)
}

function maskNamed(name: string, value: string): string {
  if (!isSecretName(name)) return value
  return name.toLowerCase() === 'authorization' ? maskAuthorization(value) : maskSecret(value)
}

/** A copy of a JSON value with the string (and number) values of secret fields masked, at any depth. */
export function maskJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskJson)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([name, item]) => [
      name,
      isSecretName(name) && (typeof item === 'string' || typeof item === 'number') ? maskNamed(name, String(item)) : maskJson(item),
    ]),
  )
}

/** Headers or query parameters with secret values masked. */
export function maskRecord<T extends string | string[]>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(
    Object.entries(record).map(([name, value]) => [
      name,
      (Array.isArray(value) ? value.map((item) => maskNamed(name, item)) : maskNamed(name, value as string)) as T,
    ]),
  )
}

const FORM = /^[\w.%+-]+=[^&\s]*(&[\w.%+-]+=[^&\s]*)*$/
/** `"name": "value` in text that is not valid JSON (cut-off bodies, malformed requests); the closing quote may be missing. */
const JSON_FIELD = /("([^"\\]+)"\s*:\s*")((?:[^"\\]|\\.)*)/g

function decodeForm(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return text
  }
}

function maskForm(body: string): string {
  return body
    .split('&')
    .map((pair) => {
      const at = pair.indexOf('=')
      const name = pair.slice(0, at)
      return isSecretName(decodeForm(name)) ? `${name}=${maskSecret(decodeForm(pair.slice(at + 1)))}` : pair
    })
    .join('&')
}

/**
 * A raw body with its secrets masked: JSON by field, form-urlencoded by parameter, and any other text by its
 * `"field": "value"` fragments (so broken or truncated JSON is masked too). A body with nothing to mask is returned
 * as it was, not re-serialised.
 */
export function maskBody(body: string): string {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    if (FORM.test(body)) return maskForm(body)
    return body.replace(JSON_FIELD, (whole, start: string, name: string, value: string) =>
      isSecretName(name) ? `${start}${maskNamed(name, value)}` : whole,
    )
  }
  const masked = JSON.stringify(maskJson(parsed))
  return masked === JSON.stringify(parsed) ? body : masked
}

/** The code in notes such as "SMS code 482913 for +86 13800000000". */
const NOTE_CODE = /(\bcode\s+)(\S+)/gi

/** A request-log entry as the dashboard shows it: secrets in headers, query, bodies and note masked. */
export function maskEntry(entry: RequestLogEntry): RequestLogEntry {
  return {
    ...entry,
    query: maskRecord(entry.query),
    requestHeaders: maskRecord(entry.requestHeaders),
    requestBody: entry.requestBody === null ? null : maskBody(entry.requestBody),
    responseBody: entry.responseBody === null ? null : maskBody(entry.responseBody),
    note:
      entry.note === null ? null : entry.note.replace(NOTE_CODE, (_whole, prefix: string, code: string) => `${prefix}${maskSecret(code)}`),
  }
}
