// OAuth / OIDC endpoints: the refresh_token grant, RFC 7009 revocation, JWKS and a minimal discovery document.
// Bodies are form-urlencoded (JSON is accepted too); errors are `{ error, error_description }` with real HTTP statuses.
import type { FastifyRequest } from 'fastify'
import type { Emulator } from '../emulator'
import { OAuthError } from '../errors'
import { obj, str, type TypedServer } from '../schema'
import type { AppInfo } from '../types'
import { header } from './caller'

/** `Authorization: Basic base64(id:secret)`, when present. */
function basicCredentials(request: FastifyRequest): { id: string; secret: string } | undefined {
  const match = /^basic\s+(.+)$/i.exec(header(request, 'authorization') ?? '')
  if (!match?.[1]) return undefined
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return undefined
  return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) }
}

/**
 * The client: `x-authing-app-id` (what the mini program SDK sends), the body's `client_id`, or Basic credentials.
 * A secret, when sent, must match. `optional` lets revocation proceed without a client.
 */
function identifyClient(
  emu: Emulator,
  request: FastifyRequest,
  body: { client_id?: string; client_secret?: string },
  optional = false,
): AppInfo | undefined {
  const basic = basicCredentials(request)
  const clientId = header(request, 'x-authing-app-id') ?? body.client_id ?? basic?.id
  if (!clientId) {
    if (optional) return undefined
    throw new OAuthError('invalid_client', 'client could not be identified: send x-authing-app-id or client_id', 401)
  }
  const app = emu.state.apps.get(clientId)
  if (!app) throw new OAuthError('invalid_client', `client "${clientId}" does not exist`, 401)
  const secret = body.client_secret ?? basic?.secret
  if (secret !== undefined && secret !== app.secret) throw new OAuthError('invalid_client', 'client authentication failed', 401)
  return app
}

export function oidcRoutes(app: TypedServer, emu: Emulator): void {
  const tokenSchema = obj(
    { grant_type: str(), refresh_token: str(), scope: str(), client_id: str(), client_secret: str(), redirect_uri: str() },
    ['grant_type'],
  )
  app.post('/oidc/token', { schema: { body: tokenSchema } }, async (request, reply) => {
    const body = request.body
    const client = identifyClient(emu, request, body) as AppInfo
    if (body.grant_type !== 'refresh_token') {
      throw new OAuthError(
        'unsupported_grant_type',
        `grant_type "${body.grant_type}" is not supported by the emulator (only refresh_token)`,
      )
    }
    if (!body.refresh_token) throw new OAuthError('invalid_request', 'refresh_token should not be empty')
    reply.header('cache-control', 'no-store').header('pragma', 'no-cache')
    return emu.tokens.refresh(body.refresh_token, client, body.scope)
  })

  const revocationSchema = obj({ token: str({ maxLength: 16384 }), token_type_hint: str(), client_id: str(), client_secret: str() }, [
    'token',
  ])
  app.post('/oidc/token/revocation', { schema: { body: revocationSchema } }, async (request, reply) => {
    const client = identifyClient(emu, request, request.body, true)
    await emu.tokens.revoke(request.body.token, client?.id)
    // RFC 7009: 200 with an empty body, also for unknown tokens. Newer servers answer with a body.
    if (emu.config.revocationResponse === 'json') return { statusCode: 200, message: 'success' }
    return reply.code(200).send()
  })

  const jwks = async () => ({ keys: [emu.keys.jwk] })
  const discovery = async () => {
    const issuer = `${emu.url}/oidc`
    return {
      issuer,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      token_endpoint: `${issuer}/token`,
      revocation_endpoint: `${issuer}/token/revocation`,
      response_types_supported: ['code'],
      grant_types_supported: ['refresh_token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['none', 'client_secret_post', 'client_secret_basic'],
      scopes_supported: [
        'openid',
        'profile',
        'email',
        'phone',
        'username',
        'address',
        'offline_access',
        'external_id',
        'extended_fields',
        'roles',
        'tenant_id',
      ],
      claims_supported: [
        'sub',
        'iss',
        'aud',
        'exp',
        'iat',
        'jti',
        'scope',
        'name',
        'nickname',
        'picture',
        'email',
        'email_verified',
        'phone_number',
        'phone_number_verified',
        'username',
      ],
    }
  }
  const appScoped = async (request: FastifyRequest<{ Params: { appId: string } }>) => {
    if (!emu.state.apps.has(request.params.appId))
      throw new OAuthError('invalid_client', `app "${request.params.appId}" does not exist`, 404)
  }
  app.get('/oidc/.well-known/jwks.json', jwks)
  app.get('/oidc/.well-known/openid-configuration', discovery)
  app.get<{ Params: { appId: string } }>('/:appId/oidc/.well-known/jwks.json', { preHandler: appScoped }, jwks)
  app.get<{ Params: { appId: string } }>('/:appId/oidc/.well-known/openid-configuration', { preHandler: appScoped }, discovery)
}
