// Fault injection: make chosen routes slow, fail with 5xx, answer an HTML error page, a truncated or empty body,
// or drop the connection — so clients can be tested against a misbehaving network. Never applied to the control plane.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { ApiError } from '../errors'
import { objectId } from '../ids'
import type { Fault, FaultKind, FaultSpec } from '../types'

export const FAULT_KINDS: readonly FaultKind[] = ['latency', 'status', 'html', 'truncated', 'empty', 'drop']

const HTML_PAGE =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
  '<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'

const TRUNCATED_JSON = '{"statusCode":200,"message":"success","data":{"access_token":"eyJhbGciOiJSUzI1NiIsInR5'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export class Faults {
  private faults: Fault[] = []

  list(): Fault[] {
    return this.faults.map((fault) => ({ ...fault }))
  }

  add(spec: FaultSpec, nowIso: string): Fault {
    if (!FAULT_KINDS.includes(spec.kind)) throw new ApiError(400, `kind must be one of: ${FAULT_KINDS.join(', ')}`)
    if (spec.route !== '*' && !spec.route.startsWith('/')) throw new ApiError(400, 'route must be "*" or a path starting with "/"')
    if (spec.route.startsWith('/__emulator')) throw new ApiError(400, 'faults cannot target the control plane')
    if (spec.kind === 'status' && spec.status !== undefined && (spec.status < 500 || spec.status > 599)) {
      throw new ApiError(400, 'status must be between 500 and 599')
    }
    const fault: Fault = { ...spec, method: spec.method?.toUpperCase(), id: objectId(), hits: 0, createdAt: nowIso }
    if (fault.method === undefined) delete fault.method
    this.faults.push(fault)
    return { ...fault }
  }

  remove(id: string): boolean {
    const before = this.faults.length
    this.faults = this.faults.filter((fault) => fault.id !== id)
    return this.faults.length !== before
  }

  clear(): void {
    this.faults = []
  }

  /** The fault for this request, if any (exact routes win over `*`); counts the hit and retires used-up faults. */
  take(method: string, path: string): Fault | undefined {
    const applies = (fault: Fault) => !fault.method || fault.method === method
    const fault =
      this.faults.find((item) => item.route === path && applies(item)) ?? this.faults.find((item) => item.route === '*' && applies(item))
    if (!fault) return undefined
    fault.hits += 1
    if (fault.times !== undefined && fault.hits >= fault.times) this.remove(fault.id)
    return { ...fault }
  }
}

/**
 * Plays a fault. Returns true when the fault produced the answer (or dropped the connection), false when normal
 * handling should continue (latency).
 */
export async function playFault(fault: Fault, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
  if (fault.ms) await sleep(fault.ms)
  switch (fault.kind) {
    case 'latency':
      return false
    case 'status': {
      const status = fault.status ?? 500
      reply.code(status).send({ statusCode: status, message: `Injected fault: HTTP ${status}` })
      return true
    }
    case 'html':
      reply.code(502).type('text/html').send(HTML_PAGE)
      return true
    case 'truncated':
      reply.code(200).type('application/json; charset=utf-8').send(TRUNCATED_JSON)
      return true
    case 'empty':
      reply.code(200).type('application/json; charset=utf-8').send('')
      return true
    case 'drop':
      reply.hijack()
      request.raw.socket.destroy()
      return true
  }
}
