// A typed client for the control plane, so tests, scripts and the demo never write control-plane URLs by hand.
import { CONTROL_BASE, CONTROL_ROUTES, type ControlRequest, type ControlRoute, type ControlRoutes, type Query } from './control/contract'
import type { ClockInfo, EmulatorConfig, EmulatorUser, UserQuery } from './types'

/** A control-plane call failed; `status` is the HTTP status, `body` the parsed answer. */
export class EmulatorClientError extends Error {
  /**
   * @param message - what failed, with the server's message
   * @param status - the HTTP status of the answer (0 when nothing answered)
   * @param body - the parsed answer (JSON, or text when it was not JSON)
   */
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(message)
    this.name = 'EmulatorClientError'
  }
}

/** The client methods the contract's routes give, one per route, with the route's arguments and answer. */
type RouteMethods<T> = {
  [K in keyof T]: T[K] extends ControlRoute<string, unknown, unknown, infer Answer, infer Args> ? (...args: Args) => Promise<Answer> : never
}

/** Routes the client does not expose as they are, but through the methods below that wrap them. */
type Wrapped = 'userByRef' | 'setClock' | 'readConfig' | 'updateConfig'

/** Every control-plane operation of a running emulator. Methods throw {@link EmulatorClientError} on failure. */
export interface EmulatorClient extends RouteMethods<Omit<ControlRoutes, Wrapped>> {
  /** The emulator's base URL. */
  readonly url: string
  /** One user by id / username / e-mail / phone / openid string, or by query object; null when not found. */
  user(idOrQuery: string | UserQuery): Promise<EmulatorUser | null>
  /** Moves the emulator clock forward (or back, with a negative value). */
  shiftClock(ms: number): Promise<ClockInfo>
  /** Sets the clock offset from wall-clock time. */
  setClockOffset(ms: number): Promise<ClockInfo>
  /** Reads the runtime config, or changes part of it and returns the result. */
  config(partial?: Partial<EmulatorConfig>): Promise<EmulatorConfig>
}

function queryString(query: Query = {}): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value))
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** Options of {@link createEmulatorClient}. */
export interface EmulatorClientOptions {
  /** The control token printed in the banner of an emulator listening off loopback (sent as a bearer token). */
  token?: string
}

/** Creates a control-plane client for the emulator at `url` (e.g. `http://127.0.0.1:3000`). Uses global `fetch`. */
export function createEmulatorClient(url: string, options: EmulatorClientOptions = {}): EmulatorClient {
  const base = `${url.replace(/\/+$/, '')}${CONTROL_BASE}`
  const authorization: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {}

  async function call(method: string, path: string, options: { body?: unknown; query?: Query } = {}): Promise<unknown> {
    let response: Response
    try {
      response = await fetch(`${base}${path}${queryString(options.query)}`, {
        method,
        headers: options.body === undefined ? authorization : { ...authorization, 'content-type': 'application/json' },
        body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
      })
    } catch (error) {
      // fetch reports a refused connection as "fetch failed"; the likely cause is an emulator that is not running.
      const refused = ((error as Error).cause as NodeJS.ErrnoException | undefined)?.code === 'ECONNREFUSED'
      if (!refused) throw error
      throw new EmulatorClientError(
        `${method} ${path || '/'}: nothing answers at ${url} (connection refused); is the emulator running?`,
        0,
        undefined,
      )
    }
    const text = await response.text()
    let body: unknown = text
    try {
      body = text ? JSON.parse(text) : undefined
    } catch {
      // keep the text
    }
    if (!response.ok) {
      const message = (body as { message?: string } | undefined)?.message ?? text
      throw new EmulatorClientError(`${method} ${path} failed (HTTP ${response.status}): ${message}`, response.status, body)
    }
    return body
  }

  // One method per route: the route's `request` turns the arguments into path parameters, query string and body.
  const routes = Object.fromEntries(
    Object.entries(CONTROL_ROUTES).map(([name, route]) => {
      const request = route.request as (...args: unknown[]) => ControlRequest
      const method = async (...args: unknown[]) => {
        const { params = {}, query, body } = request(...args)
        const path = route.path.replace(/:(\w+)/g, (_, key: string) => encodeURIComponent((params as Record<string, string>)[key] ?? ''))
        const answer = await call(route.method, path, { query, body })
        return route.discard ? undefined : answer
      }
      return [name, method]
    }),
  ) as unknown as RouteMethods<ControlRoutes>

  return {
    ...routes,
    url: url.replace(/\/+$/, ''),
    async user(idOrQuery) {
      if (typeof idOrQuery !== 'string') return (await routes.users(idOrQuery))[0] ?? null
      try {
        return await routes.userByRef(idOrQuery)
      } catch (error) {
        if (error instanceof EmulatorClientError && error.status === 404) return null
        throw error
      }
    },
    shiftClock: (ms) => routes.setClock({ shiftMs: ms }),
    setClockOffset: (ms) => routes.setClock({ offsetMs: ms }),
    config: (partial) => (partial ? routes.updateConfig(partial) : routes.readConfig()),
  }
}
