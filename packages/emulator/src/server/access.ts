// Who may talk to the emulator from a browser. The Authing API routes answer cross-origin requests from loopback
// origins (H5 dev servers) and the origins the developer adds; the control plane, its event stream and the dashboard
// answer only same-origin requests. Every request must be addressed to a loopback name, an IP address, the listening
// host or an allowed host, so a DNS-rebinding page cannot reach the emulator under its own name. Off loopback, the
// control plane also needs a token.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { isIP } from 'node:net'
import type { FastifyRequest } from 'fastify'

/** The path prefix of the control plane, its event stream and the dashboard. */
export const CONTROL_PREFIX = '/__emulator'
/** The cookie the dashboard link sets, so the page's own requests carry the control token. */
export const TOKEN_COOKIE = 'authing_emulator_token'
const DASHBOARD = `${CONTROL_PREFIX}/ui`

/** Access rules of one server, resolved from the options at start. */
export interface AccessRules {
  /** Extra origins whose pages may call the Authing API routes; `'*'` allows every origin. */
  corsOrigins: string[]
  /** Extra host names requests may be addressed to; a leading dot allows every subdomain. */
  allowedHosts: string[]
  /** The interface the server listens on. */
  listenHost: string
  /** Required on the control plane when set. */
  controlToken: string | undefined
}

/** A request refused before it reaches a route. */
export interface Refusal {
  status: 401 | 403
  message: string
}

/** The dashboard link was opened: answer with a redirect to `location` that sets `cookie`. */
export interface TokenLogin {
  location: string
  cookie: string
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]'])

/** Whether a host name or address only reaches this machine. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase()
  return LOOPBACK_NAMES.has(name) || name.endsWith('.localhost') || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)
}

/** `http(s)://localhost:*`, `http(s)://127.x.x.x:*`, `http(s)://[::1]:*` — where uni-app and Taro H5 dev servers run. */
function isLoopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin)
    return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.hostname)
  } catch {
    return false
  }
}

/** Checks an origin given in the options and returns it in the form browsers send (`scheme://host[:port]`). */
export function normalizeOrigin(origin: string): string {
  if (origin === '*') return origin
  let url: URL | undefined
  try {
    url = new URL(origin)
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== origin.replace(/\/$/, '').toLowerCase()) {
    throw new Error(`CORS origin "${origin}" is not an origin; give scheme, host and port only, e.g. http://192.168.1.5:5173, or "*"`)
  }
  return url.origin
}

/** The resolved rules; a token is generated when the server listens off loopback and none was given. */
export function accessRules(options: {
  host?: string
  corsOrigins?: string[]
  allowedHosts?: string[]
  controlToken?: string
}): AccessRules {
  const listenHost = options.host ?? '127.0.0.1'
  const generated = isLoopbackHost(listenHost) ? undefined : randomBytes(18).toString('base64url')
  return {
    corsOrigins: (options.corsOrigins ?? []).map(normalizeOrigin),
    allowedHosts: (options.allowedHosts ?? []).map((host) => host.toLowerCase()),
    listenHost: listenHost.toLowerCase(),
    controlToken: options.controlToken || generated,
  }
}

const pathOf = (request: FastifyRequest): string => request.url.split('?')[0] ?? request.url

/** The control plane, the event stream and the dashboard (and `/`, which leads to it): same-origin only. */
export const isControlPath = (path: string): boolean => path === '/' || path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)

/** The name part of a `Host` header (`[::1]:3000` → `::1`, `example.test:3000` → `example.test`). */
function hostName(host: string): string {
  const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d*$/, '')
  return name.toLowerCase()
}

function isAllowedHost(name: string, rules: AccessRules): boolean {
  // An IP address cannot be rebound: only a name can point a foreign page's origin at this machine.
  if (isIP(name) !== 0 || isLoopbackHost(name) || name === rules.listenHost) return true
  return rules.allowedHosts.some((allowed) =>
    allowed.startsWith('.') ? name.endsWith(allowed) || name === allowed.slice(1) : name === allowed,
  )
}

/** The value of the `Access-Control-Allow-Origin` header for this request, or false for none. */
export function allowedOrigin(request: FastifyRequest, rules: AccessRules): string | false {
  const origin = request.headers.origin
  if (!origin || isControlPath(pathOf(request))) return false
  if (isLoopbackOrigin(origin) || rules.corsOrigins.includes('*') || rules.corsOrigins.includes(origin.toLowerCase())) return origin
  return false
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

function cookieValue(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return value.join('=')
  }
  return undefined
}

function tokenCheck(request: FastifyRequest, token: string): Refusal | TokenLogin | undefined {
  const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1]
  if (sameToken(bearer, token) || sameToken(cookieValue(request, TOKEN_COOKIE), token)) return undefined
  const url = new URL(request.url, 'http://emulator')
  const linked = url.searchParams.get('token') ?? undefined
  if (request.method === 'GET' && url.pathname === DASHBOARD && sameToken(linked, token)) {
    // The dashboard link: remember the token in a cookie the browser sends to this site only, and drop it from the URL.
    const cookie = `${TOKEN_COOKIE}=${token}; Path=${CONTROL_PREFIX}; HttpOnly; SameSite=Strict`
    return { location: DASHBOARD, cookie }
  }
  return {
    status: 401,
    message:
      'The control plane needs the token printed in the emulator banner when it listens off loopback: send "Authorization: Bearer <token>", or open the dashboard link from the banner',
  }
}

/** Why a request is refused before routing (or the dashboard link's redirect), or undefined when it may go on. */
export function checkAccess(request: FastifyRequest, rules: AccessRules): Refusal | TokenLogin | undefined {
  const host = request.headers.host
  if (host !== undefined && !isAllowedHost(hostName(host), rules)) {
    const name = hostName(host)
    return {
      status: 403,
      message: `Requests addressed to host "${name}" are refused (protection against DNS rebinding); to allow it, start the emulator with --allowed-host ${name} (allowedHosts: ['${name}'] in-process)`,
    }
  }
  const path = pathOf(request)
  const origin = request.headers.origin
  if (isControlPath(path)) {
    // Browsers send Origin on every cross-origin request but simple GETs, whose answers they keep from the page.
    if (origin !== undefined && !isSameOrigin(origin, host)) {
      return { status: 403, message: `The control plane and the dashboard answer no cross-origin request (origin ${origin})` }
    }
    return rules.controlToken === undefined || path === '/' ? undefined : tokenCheck(request, rules.controlToken)
  }
  if (request.method === 'OPTIONS' && origin && request.headers['access-control-request-method'] && !allowedOrigin(request, rules)) {
    return {
      status: 403,
      message: `Origin ${origin} may not call the emulator from a browser: only loopback origins may by default; start it with --cors-origin ${origin} (corsOrigins in-process) to allow it`,
    }
  }
  return undefined
}

function isSameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host?.toLowerCase()
  } catch {
    return false
  }
}
