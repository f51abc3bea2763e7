// The request log: every request as received (headers, raw body) and answered (status, body, error), kept in a
// ring buffer for the control plane, and printed as one readable line through the logger.
import { pipeline, Transform } from 'node:stream'
import type { FastifyReply, FastifyRequest, RequestPayload } from 'fastify'
import type { Clock } from '../clock'
import type { FaultKind, RequestLogEntry } from '../types'

const BODY_LIMIT = 64 * 1024

interface Pending {
  entry: RequestLogEntry
  started: number
  chunks: Buffer[]
  received: number
}

function text(chunks: Buffer[], total: number): string | null {
  if (total === 0) return null
  const body = Buffer.concat(chunks).subarray(0, BODY_LIMIT).toString('utf8')
  return total > BODY_LIMIT ? `${body}… (${total} bytes)` : body
}

function payloadText(payload: unknown): string | null {
  if (payload === undefined || payload === null) return null
  if (typeof payload === 'string') return payload.length > BODY_LIMIT ? `${payload.slice(0, BODY_LIMIT)}…` : payload
  if (Buffer.isBuffer(payload)) return `(binary, ${payload.length} bytes)`
  return '(stream)'
}

/** The failure carried by a response body, if any: V3 envelope, OAuth error, or V2 upload envelope. */
function failureOf(status: number, body: string | null): string | null {
  let parsed: Record<string, unknown> | undefined
  try {
    const value: unknown = body ? JSON.parse(body) : undefined
    if (value && typeof value === 'object') parsed = value as Record<string, unknown>
  } catch {
    // not JSON
  }
  if (parsed && typeof parsed.error === 'string') {
    return `${parsed.error}: ${String(parsed.error_description ?? '')}`
  }
  const code = parsed?.statusCode ?? parsed?.code
  if (typeof code === 'number' && code !== 200) {
    return `${code}${parsed?.apiCode ? `/${String(parsed.apiCode)}` : ''} ${String(parsed?.message ?? '')}`
  }
  return status >= 400 ? `HTTP ${status}` : null
}

export class RequestLog {
  private entries: RequestLogEntry[] = []
  private nextId = 1
  private readonly pending = new WeakMap<FastifyRequest, Pending>()
  private readonly listeners = new Set<(entry: RequestLogEntry) => void>()

  constructor(
    private readonly clock: Clock,
    private readonly print: ((line: string) => void) | undefined,
    private readonly capacity = 1000,
  ) {}

  begin(request: FastifyRequest, reply?: FastifyReply): void {
    // A client that gives up before the answer (a timeout) sent its request all the same: it is logged, status 0.
    reply?.raw.once('close', () => {
      if (!reply.raw.writableFinished) this.finish(request, undefined, 'the client closed the connection before the answer')
    })
    const url = new URL(request.url, 'http://emulator')
    const query: Record<string, string | string[]> = {}
    for (const key of new Set(url.searchParams.keys())) {
      const values = url.searchParams.getAll(key)
      query[key] = values.length === 1 ? (values[0] ?? '') : values
    }
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
    }
    this.pending.set(request, {
      started: performance.now(),
      chunks: [],
      received: 0,
      entry: {
        id: 0,
        requestId: request.id,
        time: this.clock.iso(),
        method: request.method,
        path: url.pathname,
        query,
        status: 0,
        durationMs: 0,
        requestHeaders: headers,
        requestBody: null,
        responseBody: null,
        error: null,
        fault: null,
        note: null,
      },
    })
  }

  /** Copies the request body as it streams in (the parsers still get every byte). */
  tee(request: FastifyRequest, payload: RequestPayload): RequestPayload {
    const pending = this.pending.get(request)
    if (!pending) return payload
    const copy = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        if (pending.received < BODY_LIMIT) pending.chunks.push(chunk)
        pending.received += chunk.length
        callback(null, chunk)
      },
    })
    pipeline(payload, copy, () => undefined)
    return copy
  }

  note(request: FastifyRequest, note: string): void {
    const pending = this.pending.get(request)
    if (pending) pending.entry.note = pending.entry.note ? `${pending.entry.note}; ${note}` : note
  }

  markFault(request: FastifyRequest, kind: FaultKind): void {
    const pending = this.pending.get(request)
    if (pending) pending.entry.fault = kind
  }

  captureResponse(request: FastifyRequest, payload: unknown): void {
    const pending = this.pending.get(request)
    if (pending) pending.entry.responseBody = payloadText(payload)
  }

  /** Completes the entry (status 0 = no response, e.g. a dropped connection), stores it and prints its line. */
  finish(request: FastifyRequest, reply: FastifyReply | undefined, error?: string): void {
    const pending = this.pending.get(request)
    if (!pending) return
    this.pending.delete(request)
    const entry = pending.entry
    entry.id = this.nextId++
    entry.status = reply ? reply.statusCode : 0
    entry.durationMs = Math.round(performance.now() - pending.started)
    entry.requestBody ??= text(pending.chunks, pending.received)
    entry.error = error ?? failureOf(entry.status, entry.responseBody)
    this.entries.push(entry)
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity)
    this.print?.(this.line(entry))
    for (const listener of this.listeners) listener(entry)
  }

  /** Calls `listener` with every entry as it completes (the dashboard's live log); returns the unsubscribe function. */
  subscribe(listener: (entry: RequestLogEntry) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  setRequestBody(request: FastifyRequest, description: string): void {
    const pending = this.pending.get(request)
    if (pending) pending.entry.requestBody = description
  }

  list(since = 0, limit = this.capacity): RequestLogEntry[] {
    return this.entries.filter((entry) => entry.id > since).slice(-limit)
  }

  clear(): void {
    this.entries = []
  }

  private line(entry: RequestLogEntry): string {
    const status = entry.status === 0 ? 'DROPPED' : String(entry.status)
    let line = `${entry.method} ${entry.path} ${status} ${entry.durationMs}ms`
    if (entry.fault) line += ` [fault: ${entry.fault}]`
    if (entry.error) line += ` — ${entry.error}`
    if (entry.note) line += `\n    ↳ ${entry.note}`
    return line
  }
}
