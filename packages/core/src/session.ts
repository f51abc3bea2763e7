import type { Adapter } from './adapter'
import { authingError, platformCall, type AuthingError } from './errors'
import { TOKEN_PATH, type Http } from './http'
import type { LoginState, LoginStateEvent, LoginStateListener } from './types'

export interface SessionConfig {
  appId: string
  adapter: Adapter
  http: Http
  now: () => number
  /** Renew this many milliseconds before the access token expires. */
  margin: number
}

export type Session = ReturnType<typeof createSession>

const noop = () => {}

/** Accepts what the official SDK stored (an object, or its JSON); anything else counts as logged out. */
function parseState(stored: unknown): LoginState | null {
  let value = stored as LoginState | null
  try {
    if (typeof stored == 'string') value = JSON.parse(stored)
  } catch {
    return null
  }
  return value &&
    typeof value == 'object' &&
    typeof value.access_token == 'string' &&
    value.access_token &&
    typeof value.expires_at == 'number' &&
    isFinite(value.expires_at)
    ? value
    : null
}

const expired = (reason: string, cause?: AuthingError) =>
  authingError('session_expired', `The session has ended, please log in again (${reason})`, cause && { statusCode: cause.statusCode })

/**
 * The login state and everything that changes it: storage (read once, then memory is the truth), the refresh engine
 * (one refresh in flight, shared), the one path for authenticated calls, and the change listeners.
 */
export function createSession({ appId, adapter, http, now, margin }: SessionConfig) {
  const key = `authing:${appId}:login-state`
  const listeners: LoginStateListener[] = []
  let state: LoginState | null = null
  let loaded: Promise<void> | undefined
  let version = 0 // bumped on every change, so a storage read that finishes late cannot undo it
  let refreshing: Promise<LoginState> | undefined
  let watching = false
  let written: LoginState | null | undefined // what storage was last asked to hold
  let unsaved = false // that write failed: storage may hold an older state than memory

  function ready(): Promise<void> {
    const started = version
    return (loaded ||= platformCall('storage', 'Reading the login state', () => adapter.storage.getItem(key)).then(
      (stored) => {
        if (started == version) state = parseState(stored)
        watch()
      },
      (error: AuthingError) => {
        if (started == version) loaded = undefined // try again next time
        throw error
      },
    ))
  }

  /** Renews an expiring session when the app returns to the foreground, so the next tap does not wait for it. */
  function watch() {
    if (watching || !adapter.onAppShow) return
    watching = true
    adapter.onAppShow(() => {
      const current = state
      if (current && current.refresh_token && expiring(current)) refresh(current).catch(noop)
    })
  }

  const expiring = (s: LoginState) => s.expires_at - margin <= now()

  function persist(next: LoginState | null): Promise<void> {
    written = next
    unsaved = false
    return platformCall('storage', 'Saving the login state', () =>
      next ? adapter.storage.setItem(key, next) : adapter.storage.removeItem(key),
    ).catch((error: AuthingError) => {
      unsaved = true // written again by the next call that uses the state
      throw error
    })
  }

  function apply(next: LoginState | null, event: LoginStateEvent) {
    version++
    state = next
    loaded = Promise.resolve()
    watch()
    for (const listener of listeners.slice()) {
      try {
        listener(next && Object.assign({}, next), event)
      } catch {
        // a failing listener must not break the SDK or the other listeners
      }
    }
  }

  /** Ends the session `from` unless something replaced it meanwhile. */
  function end(from: LoginState) {
    if (state == from) {
      apply(null, 'expired')
      persist(null).catch(noop)
    }
  }

  function toState(tokens: unknown): LoginState {
    const t = tokens as LoginState & { expire_in?: number }
    if (!t || typeof t.access_token != 'string' || !t.access_token) {
      throw authingError('server', 'The server did not return an access token')
    }
    const seconds = Number(t.expires_in || t.expire_in) || 0
    return Object.assign({}, t, { expires_in: seconds, expires_at: now() + seconds * 1000 })
  }

  /** Renews `from` with its refresh token; every caller during the renewal shares the one request. */
  function refresh(from: LoginState): Promise<LoginState> {
    // Logged out or in again while the request ran: that newer state wins, whatever the answer was.
    const replaced = () => {
      if (state) return state
      throw authingError('not_logged_in', 'Logged out while the session was being renewed')
    }
    return (refreshing ||= http
      .send({
        path: TOKEN_PATH,
        form: { grant_type: 'refresh_token', redirect_uri: '', refresh_token: from.refresh_token as string },
        headers: { 'x-authing-app-id': appId },
      })
      .then(
        (tokens) => {
          refreshing = undefined
          if (state != from) return replaced()
          // Keep what the server did not resend (refresh_token, id_token).
          const next = toState(Object.assign({}, from, tokens))
          apply(next, 'refresh')
          // The server has rotated the refresh token: memory keeps the new one even if storage fails.
          persist(next).catch(noop)
          return next
        },
        (error: AuthingError) => {
          refreshing = undefined
          if (state != from) return replaced()
          if (error.code != 'session_expired') throw error // offline, timeout, 5xx: the session stays
          end(from)
          throw expired(error.message, error)
        },
      ))
  }

  /** A usable state: loaded, renewed when inside the margin, or an error saying why there is none. */
  async function current(): Promise<LoginState> {
    await ready()
    // A refreshed state that storage refused would be lost at the next launch (its old refresh token is used up).
    if (unsaved) persist(state).catch(noop)
    const s = state
    if (!s) throw authingError('not_logged_in', 'Not logged in')
    if (!expiring(s)) return s
    if (s.refresh_token) return refresh(s)
    if (s.expires_at > now()) return s
    end(s)
    throw expired('the access token has expired and there is no refresh token')
  }

  /** The one path for calls that need the access token: renew first if needed, and once more after a 401. */
  async function authorized<T>(call: (accessToken: string) => Promise<T>): Promise<T> {
    const s = await current()
    try {
      return await call(s.access_token)
    } catch (caught) {
      const error = caught as AuthingError
      if (error.statusCode != 401) throw error
      // The state changed while the call ran: retry once with the new one.
      if (state != s) return call((await current()).access_token)
      // The server no longer accepts the token (revoked, or the device clock is off): renew once and retry once.
      if (!s.refresh_token) {
        end(s)
        throw expired(error.message, error)
      }
      return call((await refresh(s)).access_token)
    }
  }

  return {
    current,
    authorized,
    /** The state as it is now, loaded but not renewed. */
    async peek(): Promise<LoginState | null> {
      await ready()
      return state
    },
    /** Forces a renewal (the public `refreshToken()`). */
    refresh,
    /** Stores the tokens of a successful login; the state changes only once storage has them. */
    async login(tokens: unknown): Promise<LoginState> {
      const next = toState(tokens)
      await persist(next)
      apply(next, 'login')
      // A refresh, a logout or another login wrote meanwhile: this login is the newest state, so storage gets it again.
      if (written !== next) persist(next).catch(noop)
      return next
    },
    /** Clears the state in memory at once, then in storage. */
    clear(event: LoginStateEvent): Promise<void> {
      if (state) apply(null, event)
      return persist(null)
    },
    subscribe(listener: LoginStateListener): () => void {
      listeners.push(listener)
      return () => {
        const index = listeners.indexOf(listener)
        if (index >= 0) listeners.splice(index, 1)
      }
    },
  }
}
