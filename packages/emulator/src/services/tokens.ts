// Sessions and tokens: RS256 access / ID tokens, opaque refresh tokens rotated on every use with reuse detection,
// revocation, and the verification every user endpoint goes through.
import { createHash } from 'node:crypto'
import { compactVerify, errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose'
import { errors, OAuthError } from '../errors'
import { objectId, opaqueToken, uuid } from '../ids'
import type { IssuedTokenRecord, SessionRecord, UserRecord } from '../state'
import type { AppInfo, SessionInfo } from '../types'
import type { ServiceContext } from './context'

export const DEFAULT_SCOPE = 'openid profile'

/** The token response (V3 login `data` and `/oidc/token`). */
export interface TokenResponse {
  access_token: string
  id_token: string
  refresh_token?: string
  scope: string
  token_type: 'Bearer'
  expires_in: number
}

export interface VerifiedToken {
  record: IssuedTokenRecord
  session: SessionRecord
  claims: JWTPayload
}

const scopeSet = (scope: string): Set<string> => new Set(scope.split(/\s+/).filter(Boolean))

/** ID-token claims by scope (docs/protocol.md §5.2); absent values are present as null. */
function userClaims(user: UserRecord, scope: Set<string>): Record<string, unknown> {
  const claims: Record<string, unknown> = {}
  if (scope.has('profile')) {
    Object.assign(claims, {
      name: user.name,
      given_name: user.givenName,
      middle_name: user.middleName,
      family_name: user.familyName,
      nickname: user.nickname,
      preferred_username: user.preferredUsername,
      profile: user.profile,
      picture: user.photo,
      website: user.website,
      birthdate: user.birthdate,
      gender: user.gender,
      zoneinfo: user.zoneinfo,
      locale: user.locale,
      updated_at: user.updatedAt,
    })
  }
  if (scope.has('email')) Object.assign(claims, { email: user.email, email_verified: user.emailVerified })
  if (scope.has('phone')) Object.assign(claims, { phone_number: user.phone, phone_number_verified: user.phoneVerified })
  if (scope.has('username')) claims.username = user.username
  if (scope.has('external_id')) claims.external_id = user.externalId
  if (scope.has('extended_fields')) claims.extended_fields = { ...user.customData }
  if (scope.has('tenant_id')) claims.tenant_id = null
  if (scope.has('roles')) claims.roles = []
  if (scope.has('address')) {
    claims.address = {
      country: user.country,
      region: user.region,
      locality: user.city,
      street_address: user.streetAddress,
      postal_code: user.postalCode,
      formatted: user.formatted,
    }
  }
  return claims
}

/** OIDC `at_hash`: base64url of the left half of SHA-256 of the access token. */
const atHash = (accessToken: string): string => createHash('sha256').update(accessToken).digest().subarray(0, 16).toString('base64url')

export class Tokens {
  constructor(private readonly context: ServiceContext) {}

  /** The scope a login gets: what was asked (default `openid profile`), always with `openid`; no `offline_access` when the app forbids refresh. */
  grantedScope(requested: string | undefined, app: AppInfo): string {
    const scopes = new Set(['openid', ...scopeSet(requested ?? DEFAULT_SCOPE)])
    if (!app.allowRefreshToken) scopes.delete('offline_access')
    return [...scopes].join(' ')
  }

  /** Starts a session for a successful login and issues its first tokens. */
  async startSession(user: UserRecord, app: AppInfo, requestedScope: string | undefined, connection: string): Promise<TokenResponse> {
    const session: SessionRecord = {
      id: objectId(this.context.clock.now()),
      userId: user.userId,
      appId: app.id,
      userPoolId: app.userPoolId,
      scope: this.grantedScope(requestedScope, app),
      connection,
      createdAt: this.context.clock.now(),
      lastRefreshedAt: null,
      refreshCount: 0,
      revokedAt: null,
      revokedReason: null,
    }
    this.context.state.sessions.set(session.id, session)
    return this.issue(session, user, app, session.scope)
  }

  /** The refresh_token grant: rotate the refresh token; a rotated-away token presented again revokes the family. */
  async refresh(refreshToken: string, app: AppInfo, requestedScope?: string): Promise<TokenResponse> {
    const { state, clock } = this.context
    const record = state.refreshTokens.get(refreshToken)
    const session = record && state.sessions.get(record.sessionId)
    if (!record || !session) throw new OAuthError('invalid_grant', 'refresh token is invalid or unknown')
    if (session.appId !== app.id) throw new OAuthError('invalid_grant', 'refresh token was issued to another client')
    if (session.revokedAt !== null || record.revokedAt !== null) {
      throw new OAuthError('invalid_grant', 'refresh token has been revoked')
    }
    if (record.usedAt !== null) {
      this.revokeSession(session, 'refresh token reuse detected')
      throw new OAuthError(
        'invalid_grant',
        'refresh token has already been used; the session and all its tokens have been revoked (reuse detection)',
      )
    }
    if (clock.now() >= record.expiresAt) throw new OAuthError('invalid_grant', 'refresh token has expired')
    if (!app.allowRefreshToken) throw new OAuthError('unauthorized_client', 'the refresh_token grant is disabled for this app')
    const user = state.users.get(session.userId)
    if (!user) throw new OAuthError('invalid_grant', 'the user of this refresh token no longer exists')
    if (user.status !== 'Activated') throw new OAuthError('invalid_grant', `the user is ${user.status}`)
    const granted = scopeSet(session.scope)
    const scope = requestedScope ? [...scopeSet(requestedScope)] : [...granted]
    if (scope.some((item) => !granted.has(item))) {
      throw new OAuthError('invalid_scope', 'requested scope exceeds the scope of the original login')
    }
    record.usedAt = clock.now()
    session.lastRefreshedAt = clock.now()
    session.refreshCount += 1
    return this.issue(session, user, app, scope.join(' '), true)
  }

  /** Verifies an access (or ID) token for a user endpoint: signature, expiry on the emulator clock, revocation. */
  async verify(token: string): Promise<VerifiedToken> {
    const { state, clock, keys } = this.context
    let claims: JWTPayload
    try {
      ;({ payload: claims } = await jwtVerify(token, keys.jwtPublicKey, {
        algorithms: ['RS256'],
        currentDate: new Date(clock.now()),
      }))
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw errors.tokenExpired()
      throw errors.notLoggedIn('Invalid token: not a token issued by this emulator')
    }
    const record = typeof claims.jti === 'string' ? state.tokens.get(claims.jti) : undefined
    const session = record && state.sessions.get(record.sessionId)
    if (!record || !session) throw errors.notLoggedIn('Token is unknown to this emulator (was the state reset?)')
    if (record.revokedAt !== null || session.revokedAt !== null) throw errors.notLoggedIn('Token has been revoked')
    return { record, session, claims }
  }

  /**
   * RFC 7009 revocation: a refresh token revokes its whole session; an access or ID token revokes itself and its
   * pair. Unknown tokens, or tokens of another client, are ignored.
   */
  async revoke(token: string, clientId?: string): Promise<void> {
    const { state, keys, clock } = this.context
    const refresh = state.refreshTokens.get(token)
    if (refresh) {
      const session = state.sessions.get(refresh.sessionId)
      if (session && (!clientId || session.appId === clientId)) this.revokeSession(session, 'refresh token revoked')
      return
    }
    let jti: unknown
    let audience: unknown
    try {
      const { payload } = await compactVerify(token, keys.jwtPublicKey)
      ;({ jti, aud: audience } = JSON.parse(new TextDecoder().decode(payload)) as JWTPayload)
    } catch {
      return
    }
    const record = typeof jti === 'string' ? state.tokens.get(jti) : undefined
    if (!record || (clientId && audience !== clientId)) return
    const now = clock.now()
    for (const item of [record, state.tokens.get(record.pairJti)]) if (item && item.revokedAt === null) item.revokedAt = now
  }

  revokeSession(session: SessionRecord, reason: string): void {
    const now = this.context.clock.now()
    if (session.revokedAt === null) {
      session.revokedAt = now
      session.revokedReason = reason
    }
    for (const item of this.context.state.tokens.values()) {
      if (item.sessionId === session.id && item.revokedAt === null) item.revokedAt = now
    }
    for (const item of this.context.state.refreshTokens.values()) {
      if (item.sessionId === session.id && item.revokedAt === null) item.revokedAt = now
    }
  }

  /** Removes every session and token of a deleted user. */
  forgetUser(userId: string): void {
    const { state } = this.context
    const sessionIds = new Set([...state.sessions.values()].filter((s) => s.userId === userId).map((s) => s.id))
    for (const id of sessionIds) state.sessions.delete(id)
    for (const [key, item] of state.tokens) if (sessionIds.has(item.sessionId)) state.tokens.delete(key)
    for (const [key, item] of state.refreshTokens) if (sessionIds.has(item.sessionId)) state.refreshTokens.delete(key)
    for (const [key, item] of state.actionTokens) if (item.userId === userId) state.actionTokens.delete(key)
  }

  sessions(filter: { userId?: string } = {}): SessionInfo[] {
    const { state, clock } = this.context
    const now = clock.now()
    return [...state.sessions.values()]
      .filter((session) => !filter.userId || session.userId === filter.userId)
      .reverse()
      .map((session) => ({
        id: session.id,
        userId: session.userId,
        appId: session.appId,
        userPoolId: session.userPoolId,
        scope: session.scope,
        connection: session.connection,
        createdAt: clock.iso(session.createdAt),
        lastRefreshedAt: session.lastRefreshedAt === null ? null : clock.iso(session.lastRefreshedAt),
        refreshCount: session.refreshCount,
        revoked: session.revokedAt !== null,
        revokedAt: session.revokedAt === null ? null : clock.iso(session.revokedAt),
        revokedReason: session.revokedReason,
        tokens: [...state.tokens.values()]
          .filter((item) => item.sessionId === session.id)
          .map((item) => ({
            jti: item.jti,
            kind: item.kind,
            issuedAt: clock.iso(item.issuedAt),
            expiresAt: clock.iso(item.expiresAt),
            expired: now >= item.expiresAt,
            revoked: item.revokedAt !== null,
          })),
        refreshTokens: [...state.refreshTokens.values()]
          .filter((item) => item.sessionId === session.id)
          .map((item) => ({
            token: item.token,
            issuedAt: clock.iso(item.issuedAt),
            expiresAt: clock.iso(item.expiresAt),
            status: item.revokedAt !== null ? 'revoked' : item.usedAt !== null ? 'used' : now >= item.expiresAt ? 'expired' : 'active',
          })),
      }))
  }

  private async issue(session: SessionRecord, user: UserRecord, app: AppInfo, scope: string, rotating = false): Promise<TokenResponse> {
    const { state, clock, keys, config } = this.context
    const now = clock.now()
    const iat = Math.floor(now / 1000)
    const issuer = `${this.context.url}/oidc`
    const header = { alg: 'RS256', kid: keys.jwk.kid, typ: 'JWT' }
    const accessJti = uuid()
    const idJti = uuid()
    const accessToken = await new SignJWT({ scope })
      .setProtectedHeader(header)
      .setJti(accessJti)
      .setSubject(user.userId)
      .setAudience(app.id)
      .setIssuer(issuer)
      .setIssuedAt(iat)
      .setExpirationTime(iat + config.accessTokenLifetime)
      .sign(keys.jwtPrivateKey)
    const idToken = await new SignJWT({ ...userClaims(user, scopeSet(scope)), at_hash: atHash(accessToken) })
      .setProtectedHeader(header)
      .setJti(idJti)
      .setSubject(user.userId)
      .setAudience(app.id)
      .setIssuer(issuer)
      .setIssuedAt(iat)
      .setExpirationTime(iat + config.idTokenLifetime)
      .sign(keys.jwtPrivateKey)
    const base = { sessionId: session.id, issuedAt: now, revokedAt: null }
    state.tokens.set(accessJti, {
      ...base,
      jti: accessJti,
      kind: 'access',
      pairJti: idJti,
      expiresAt: now + config.accessTokenLifetime * 1000,
    })
    state.tokens.set(idJti, { ...base, jti: idJti, kind: 'id', pairJti: accessJti, expiresAt: now + config.idTokenLifetime * 1000 })

    // A family keeps rotating once started; a login starts one only with offline_access.
    const refreshToken = rotating || scopeSet(session.scope).has('offline_access') ? opaqueToken() : undefined
    if (refreshToken) {
      state.refreshTokens.set(refreshToken, {
        token: refreshToken,
        sessionId: session.id,
        issuedAt: now,
        expiresAt: now + config.refreshTokenLifetime * 1000,
        usedAt: null,
        revokedAt: null,
      })
    }
    return {
      access_token: accessToken,
      id_token: idToken,
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
      scope,
      token_type: 'Bearer',
      expires_in: config.accessTokenLifetime,
    }
  }
}
