// The answer formats of the emulator's routes, and the one place that turns any failure — business errors,
// validation, unparsable bodies, unknown routes, refused requests — into the format of the route it hit.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { UPLOAD_LIMIT } from '../api/upload'
import type { Emulator } from '../emulator'
import { ApiError, failure, OAuthError, type OAuthErrorCode } from '../errors'
import { validationMessage } from '../schema'

/** Largest accepted JSON / form body. */
export const BODY_LIMIT = 1024 * 1024

/** Response formats: V3 envelope, OAuth (`/oidc/*`), V2 upload envelope, control plane. */
type Family = 'v3' | 'oauth' | 'upload' | 'control'

export const pathOf = (url: string): string => url.split('?')[0] ?? url

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

export const isControl = (request: FastifyRequest): boolean => familyOf(request.url) === 'control'

/** A failure reduced to what every format needs. `business` errors are answered HTTP 200 on V3 routes. */
export interface Outcome {
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

export function outcomeOf(error: unknown, request: FastifyRequest): Outcome {
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

export function render(emu: Emulator, request: FastifyRequest, reply: FastifyReply, outcome: Outcome): FastifyReply {
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
