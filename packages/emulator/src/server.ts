// The HTTP server: body parsing, request logging, fault injection, and the single error handler that turns every
// failure — business errors, validation, unparsable bodies, unknown routes — into the answer format of its route.
import cors from '@fastify/cors'
import formbody from '@fastify/formbody'
import multipart from '@fastify/multipart'
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import { controlRoutes } from './control'
import { dashboardRoutes } from './dashboard'
import type { Emulator } from './emulator'
import { ApiError, failure, OAuthError, type OAuthErrorCode } from './errors'
import { playFault } from './faults'
import { uuid } from './ids'
import { accountRoutes } from './routes/account'
import { oidcRoutes } from './routes/oidc'
import { profileRoutes } from './routes/profile'
import { sendCodeRoutes } from './routes/send-code'
import { signinRoutes } from './routes/signin'
import { systemRoutes } from './routes/system'
import { uploadRoutes, UPLOAD_LIMIT } from './routes/upload'
import { wechatRoutes } from './routes/wechat'
import { dropEmptyStrings, validationMessage } from './schema'
import { allowedOrigin, checkAccess, type AccessRules } from './security'

/** Largest accepted JSON / form body. */
export const BODY_LIMIT = 1024 * 1024

/** Response formats: V3 envelope, OAuth (`/oidc/*`), V2 upload envelope, control plane. */
type Family = 'v3' | 'oauth' | 'upload' | 'control'

const pathOf = (url: string): string => url.split('?')[0] ?? url

function familyOf(url: string): Family {
  const path = pathOf(url)
  if (path.startsWith('/__emulator')) return 'control'
  if (/^(\/[^/]+)?\/oidc\//.test(path)) return 'oauth'
  if (path.startsWith('/api/v2/upload') || path.startsWith('/uploads/')) return 'upload'
  return 'v3'
}

/** What each family accepts, for "unsupported content type" answers. */
const ACCEPTS: Record<Family, string> = {
  v3: 'application/json',
  oauth: 'application/x-www-form-urlencoded (or application/json)',
  upload: 'multipart/form-data',
  control: 'application/json',
}

const isControl = (request: FastifyRequest): boolean => familyOf(request.url) === 'control'
const isMultipart = (request: FastifyRequest): boolean => (request.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/')

/** A failure reduced to what every format needs. `business` errors are answered HTTP 200 on V3 routes. */
interface Outcome {
  status: number
  message: string
  apiCode?: number
  business: boolean
  oauth?: OAuthErrorCode
}

const PARSE_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'Request body is not valid JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: `Request body is too large (limit ${BODY_LIMIT} bytes)`,
  FST_REQ_FILE_TOO_LARGE: `Uploaded file is too large (limit ${UPLOAD_LIMIT} bytes)`,
  FST_FILES_LIMIT: 'Only one file can be uploaded at a time',
  FST_PARTS_LIMIT: 'Too many parts in the multipart body',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Request body length does not match the Content-Length header',
}

function outcomeOf(error: unknown, request: FastifyRequest): Outcome {
  if (error instanceof ApiError) {
    return { status: error.statusCode, message: error.message, apiCode: error.apiCode, business: true }
  }
  if (error instanceof OAuthError) {
    return { status: error.httpStatus, message: error.message, oauth: error.error, business: false }
  }
  const fastifyError = error as FastifyError
  if (fastifyError.validation) {
    return { status: 400, message: validationMessage(fastifyError.validation, fastifyError.validationContext ?? 'body'), business: true }
  }
  const status = fastifyError.statusCode ?? 500
  if (status >= 400 && status < 500) {
    const message =
      fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fastifyError.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE'
        ? `Unsupported content type "${request.headers['content-type'] ?? '(none)'}"; send ${ACCEPTS[familyOf(request.url)]}`
        : (PARSE_MESSAGES[fastifyError.code] ?? fastifyError.message)
    return { status: status === 406 ? 415 : status, message, business: false }
  }
  return { status: 500, message: `Internal emulator error: ${fastifyError.message}`, business: false }
}

function render(emu: Emulator, request: FastifyRequest, reply: FastifyReply, outcome: Outcome): FastifyReply {
  switch (familyOf(request.url)) {
    case 'oauth': {
      const error = outcome.oauth ?? (outcome.status >= 500 ? 'server_error' : 'invalid_request')
      return reply.code(outcome.business ? 400 : outcome.status).send({ error, error_description: outcome.message })
    }
    case 'upload':
      return reply.code(outcome.status).send({ code: outcome.status, message: outcome.message })
    case 'control':
      return reply.code(outcome.status).send({ statusCode: outcome.status, message: outcome.message })
    case 'v3': {
      const mirror = emu.config.errorHttpStatus === 'mirror' && outcome.status >= 400 && outcome.status <= 599
      const http = outcome.business && !mirror ? 200 : outcome.status
      return reply.code(http).send(failure(request.id, outcome.status, outcome.message, outcome.apiCode))
    }
  }
}

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

  app.register(async (v3) => {
    systemRoutes(v3, emu)
    signinRoutes(v3, emu)
    sendCodeRoutes(v3, emu)
    profileRoutes(v3, emu)
    accountRoutes(v3, emu)
    wechatRoutes(v3, emu)
  })
  app.register(async (oidc) => {
    await oidc.register(formbody)
    oidcRoutes(oidc, emu)
  })
  app.register(async (upload) => {
    await upload.register(multipart, { limits: { fileSize: UPLOAD_LIMIT, files: 1, parts: 20 } })
    uploadRoutes(upload, emu)
  })
  app.register(async (control) => controlRoutes(control, emu))
  dashboardRoutes(app, emu)
  return app
}
