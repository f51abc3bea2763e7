// The HTTP server: body parsing, access rules, request logging, fault injection, the error handler, and the three
// parts it serves — Authing's API, the control plane and the dashboard.
import cors from '@fastify/cors'
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify'
import { apiRoutes } from '../api'
import { controlRoutes } from '../control'
import { dashboardRoutes } from '../dashboard'
import type { Emulator } from '../emulator'
import { uuid } from '../ids'
import { dropEmptyStrings } from '../schema'
import { allowedOrigin, checkAccess, type AccessRules } from './access'
import { BODY_LIMIT, isControl, outcomeOf, pathOf, render } from './answers'
import { playFault } from './faults'

const isMultipart = (request: FastifyRequest): boolean => (request.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/')

function configureParsers(app: FastifyInstance): void {
  // An empty JSON body counts as "no fields" so the answer names the first missing field.
  const parseJson = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser(['application/json', 'text/plain'])
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString()
    if (text === '') done(null, undefined)
    else void parseJson(request, text, done)
  })
}

function installHooks(app: FastifyInstance, emu: Emulator): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!isControl(request)) emu.requestLog.begin(request, reply)
  })
  app.addHook('preParsing', async (request, _reply, payload) => (isMultipart(request) ? payload : emu.requestLog.tee(request, payload)))
  app.addHook('preValidation', async (request, reply) => {
    if (request.body === undefined && request.method !== 'GET' && request.method !== 'HEAD') request.body = {}
    // The control plane takes its input literally and is never faulted.
    if (isControl(request)) return undefined
    const fault = emu.faults.take(request.method, pathOf(request.url))
    if (fault) {
      emu.requestLog.markFault(request, fault.kind)
      if (await playFault(fault, request, reply)) {
        if (fault.kind === 'drop') emu.requestLog.finish(request, undefined, 'connection dropped (injected fault)')
        return reply
      }
    }
    dropEmptyStrings(request.body)
    dropEmptyStrings(request.query)
    return undefined
  })
  app.addHook('onSend', async (request, _reply, payload) => {
    emu.requestLog.captureResponse(request, payload)
    return payload
  })
  app.addHook('onResponse', async (request, reply) => {
    emu.requestLog.finish(request, reply)
  })
}

/** Refuses what the access rules forbid before any route runs; CORS headers only where the rules allow them. */
function installAccessRules(app: FastifyInstance, emu: Emulator, rules: AccessRules): void {
  app.addHook('onRequest', async (request, reply) => {
    const verdict = checkAccess(request, rules)
    if (!verdict) return undefined
    if ('location' in verdict) return reply.header('set-cookie', verdict.cookie).redirect(verdict.location, 303)
    return render(emu, request, reply, { status: verdict.status, message: verdict.message, business: false })
  })
  app.register(cors, {
    delegator: (request, callback) =>
      callback(null, {
        origin: allowedOrigin(request, rules),
        methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
        maxAge: 600,
      }),
  })
}

/** Builds the fastify app of one emulator (not listening yet). */
export function buildServer(emu: Emulator, rules: AccessRules): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT,
    genReqId: () => uuid(),
    forceCloseConnections: true,
    routerOptions: { ignoreTrailingSlash: true },
    // Strict types: a number where a string belongs is an error, not silently converted.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false } },
  })
  configureParsers(app)
  installHooks(app, emu)
  installAccessRules(app, emu, rules)

  app.setErrorHandler((error, request, reply) => {
    const outcome = outcomeOf(error, request)
    if (outcome.status >= 500) emu.print(`Unexpected error on ${request.method} ${request.url}: ${(error as Error).stack ?? String(error)}`)
    return render(emu, request, reply, outcome)
  })
  app.setNotFoundHandler((request, reply) => {
    const path = pathOf(request.url)
    const other = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter(
      (method) => method !== request.method && app.hasRoute({ url: path, method }),
    )
    const hint = other.length > 0 ? ` (it accepts ${other.join(', ')})` : ''
    return render(emu, request, reply, { status: 404, message: `Route ${request.method} ${path} does not exist${hint}`, business: false })
  })

  apiRoutes(app, emu)
  app.register(async (control) => controlRoutes(control, emu))
  dashboardRoutes(app, emu)
  return app
}
