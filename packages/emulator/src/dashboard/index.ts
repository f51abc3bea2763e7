// The dashboard: a page served by the emulator itself at /__emulator/ui, built on the control plane and the live
// event stream. Everything it loads comes from the emulator (the security policy forbids anything else). A browser
// opening `/` is sent there; any other client (curl, a script) is told in JSON where everything is.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { Emulator } from '../emulator'
import { ApiError } from '../errors'
import { dashboardAssets, type Asset } from './assets'
import { eventRoutes } from './events'

export const DASHBOARD_PATH = '/__emulator/ui'

const SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

function send(reply: FastifyReply, asset: Asset): FastifyReply {
  return reply
    .header('content-type', asset.contentType)
    .header('cache-control', 'no-cache')
    .header('content-security-policy', SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff')
    .send(asset.body)
}

export function dashboardRoutes(app: FastifyInstance, emu: Emulator): void {
  const asset = (path: string): Asset => {
    const found = dashboardAssets().get(path)
    if (!found) throw new ApiError(404, `The dashboard has no file "${path}"`)
    return found
  }

  app.get(DASHBOARD_PATH, async (_request, reply) => send(reply, asset('index.html')))
  app.get<{ Params: { '*': string } }>(`${DASHBOARD_PATH}/*`, async (request, reply) =>
    send(reply, asset(request.params['*'] || 'index.html')),
  )
  app.get('/', async (request, reply) => {
    if ((request.headers.accept ?? '').includes('text/html')) return reply.redirect(DASHBOARD_PATH)
    return {
      statusCode: 200,
      message: `This is the Authing emulator: use this address as the SDK's host; the dashboard is at ${DASHBOARD_PATH}.`,
      data: { dashboard: DASHBOARD_PATH, controlPlane: '/__emulator', api: '/api/v3', oidc: '/oidc', jwks: '/oidc/.well-known/jwks.json' },
    }
  })
  eventRoutes(app, emu)
}
