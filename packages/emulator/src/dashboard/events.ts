// The dashboard's live feed at /__emulator/events: a server-sent-events stream of completed requests (masked) and of
// control-plane changes, so the page updates without polling. Event ids are "<instance>:<log id>": EventSource resends
// the last one when it reconnects, and the stream resumes after it — or starts over when the emulator restarted.
import type { ServerResponse } from 'node:http'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Emulator } from '../emulator'
import { objectId } from '../ids'
import type { RequestLogEntry } from '../types'
import { EMULATOR_VERSION } from '../version'
import { maskEntry } from './mask'

/** Entries replayed to a new connection. */
const BACKLOG = 200
/** A comment line this often keeps proxies and idle timeouts from closing the stream. */
const HEARTBEAT_MS = 15000
/** How soon EventSource reconnects after the stream ends. */
const RETRY_MS = 1000

/** What `hello` tells a new connection: `instance` changes when the emulator restarts. */
export interface HelloEvent {
  instance: string
  version: string
}

/** A control-plane call that changed state (users, codes, clock, faults…): panels reload what they show. */
export interface ChangeEvent {
  method: string
  path: string
}

const frame = (event: string, data: unknown, id?: string): string =>
  `${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`

const isMutation = (request: FastifyRequest): boolean =>
  request.url.startsWith('/__emulator') && !['GET', 'HEAD', 'OPTIONS'].includes(request.method)

export function eventRoutes(app: FastifyInstance, emu: Emulator): void {
  const instance = objectId().slice(-8)
  const clients = new Set<ServerResponse>()
  let heartbeat: NodeJS.Timeout | undefined

  const broadcast = (text: string) => {
    for (const client of clients) client.write(text)
  }
  const requestFrame = (entry: RequestLogEntry) => frame('request', maskEntry(entry), `${instance}:${entry.id}`)

  /** Log entries after the client's Last-Event-ID when it came from this instance, else the recent backlog. */
  const resumeAfter = (lastEventId: string | undefined): number => {
    const [from, id] = (lastEventId ?? '').split(':')
    return from === instance && /^\d+$/.test(id ?? '') ? Number(id) : 0
  }

  emu.requestLog.subscribe((entry) => {
    if (clients.size > 0) broadcast(requestFrame(entry))
  })
  app.addHook('onResponse', async (request) => {
    if (clients.size > 0 && isMutation(request)) {
      const change: ChangeEvent = { method: request.method, path: request.url.split('?')[0] ?? request.url }
      broadcast(frame('change', change))
    }
  })

  app.get('/__emulator/events', (request, reply) => {
    reply.hijack()
    const response = reply.raw
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    })
    const hello: HelloEvent = { instance, version: EMULATOR_VERSION }
    response.write(`retry: ${RETRY_MS}\n${frame('hello', hello)}`)
    const lastEventId = request.headers['last-event-id']
    for (const entry of emu.requestLog.list(resumeAfter(Array.isArray(lastEventId) ? lastEventId[0] : lastEventId), BACKLOG)) {
      response.write(requestFrame(entry))
    }

    clients.add(response)
    heartbeat ??= setInterval(() => broadcast(': ping\n\n'), HEARTBEAT_MS).unref()
    response.on('close', () => {
      clients.delete(response)
      if (clients.size === 0) {
        clearInterval(heartbeat)
        heartbeat = undefined
      }
    })
  })
}
