// One HTTP exchange over node:http / node:https, shared by `request` and `uploadFile`: any status is an answer,
// transport problems (refused, reset, DNS, timeout, abort) are Failures with wx's reasons.
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { Failure } from './define'

/** What to send. */
export interface Transfer {
  url: URL
  method: string
  headers: Record<string, string>
  body?: Buffer
  timeout: number
}

/** What came back. */
export interface Reply {
  statusCode: number
  /** Header names as the server wrote them; repeated headers joined with `, `. */
  header: Record<string, string>
  cookies: string[]
  body: Buffer
}

type HeadersListener = (result: { header: Record<string, string>; statusCode: number }) => void

/** The task side of a transfer: abort and header listeners, usable before the transfer starts. */
export class TransferControl {
  aborted = false
  private cancel: (() => void) | undefined
  private listeners: HeadersListener[] = []

  abort(): void {
    this.aborted = true
    if (this.cancel) this.cancel()
  }
  onHeadersReceived(listener: HeadersListener): void {
    this.listeners.push(listener)
  }
  offHeadersReceived(listener?: HeadersListener): void {
    this.listeners = listener ? this.listeners.filter((other) => other !== listener) : []
  }
  /** Used by {@link transmit}. */
  attach(cancel: () => void): void {
    this.cancel = cancel
  }
  /** Used by {@link transmit}. */
  headersReceived(result: { header: Record<string, string>; statusCode: number }): void {
    for (const listener of this.listeners.slice()) listener(result)
  }
}

function headersOf(response: IncomingMessage): { header: Record<string, string>; cookies: string[] } {
  const header: Record<string, string> = {}
  const cookies: string[] = []
  const raw = response.rawHeaders
  for (let i = 0; i < raw.length; i += 2) {
    const [name, value] = [raw[i] as string, raw[i + 1] as string]
    if (name.toLowerCase() == 'set-cookie') cookies.push(value)
    header[name] = name in header ? `${header[name]}, ${value}` : value
  }
  return { header, cookies }
}

/** Sends one request and resolves with the reply, or rejects with a {@link Failure}. */
export function transmit(transfer: Transfer, control: TransferControl): Promise<Reply> {
  return new Promise<Reply>((resolve, reject) => {
    if (control.aborted) return reject(new Failure('abort'))
    const { url, method, headers, body, timeout } = transfer
    const send = url.protocol == 'https:' ? httpsRequest : httpRequest
    // No keep-alive agent: a finished test leaves no open sockets behind.
    const outgoing = send(url, { method, headers, agent: false })
    let failure: Failure | undefined
    const stop = (reason: string) => {
      failure = failure || new Failure(reason)
      outgoing.destroy(failure)
    }
    const timer = setTimeout(stop, timeout, 'timeout')
    control.attach(() => stop('abort'))
    const fail = (error: Error) => {
      clearTimeout(timer)
      reject(failure || new Failure(error.message || String(error)))
    }
    outgoing.on('error', fail)
    outgoing.on('response', (response) => {
      const { header, cookies } = headersOf(response)
      const statusCode = response.statusCode || 0
      control.headersReceived({ header, statusCode })
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('error', fail)
      response.on('end', () => {
        clearTimeout(timer)
        resolve({ statusCode, header, cookies, body: Buffer.concat(chunks) })
      })
      // The connection dropped in the middle of the body.
      response.on('close', () => response.complete || fail(new Error('connection reset')))
    })
    outgoing.end(body)
  })
}

/** Parses the URL of a request, failing like wx for anything but http(s). */
export function parseUrl(url: unknown): URL {
  let parsed: URL | undefined
  try {
    parsed = new URL(String(url))
  } catch {
    parsed = undefined
  }
  if (!parsed || (parsed.protocol != 'http:' && parsed.protocol != 'https:')) throw new Failure(`invalid url "${String(url)}"`)
  return parsed
}

/** Milliseconds to wait: the option when it is a positive number, else wx's default of 60 s. */
export const timeoutOf = (timeout: unknown): number => (typeof timeout == 'number' && timeout > 0 ? timeout : 60000)
