import type { Adapter } from './adapter'
import type { ReadAnswer } from './answer'
import { authingError, type AuthingError } from './errors'
import type { Http } from './http'
import { noop } from './noop'
import { singleFlight } from './single-flight'
import { createStore } from './store'
import type { LoginState, LoginStateEvent, LoginStateListener } from './types'
import { isText } from './value-checks'

export interface SessionConfig {
  appId: string
  adapter: Adapter
  http: Http
  now: () => number
  /** Renew this many milliseconds before the access token expires. */
  margin: number
}

export type Session = ReturnType<typeof createSession>

const TOKEN_PATH = '/oidc/token'

/** The token endpoint answers OAuth-style, without an envelope: it succeeded when it issued an access token. */
const readTokens: ReadAnswer<Record<string, unknown>> = ({ body }) => (typeof body.access_token == 'string' ? body : undefined)

/**
 * The login state and the rules that change it: a login replaces it, a refresh renews it (one refresh in flight,
 * shared by every caller), a logout or a refused refresh token ends it; the one path for authenticated calls; and the
 * change listeners. Memory and storage are kept by the store.
 */
export function createSession({ appId, adapter, http, now, margin }: SessionConfig) {
  const store = createStore(adapter.storage, `authing:${appId}:login-state`)
  const listeners: LoginStateListener[] = []
  let watchingAppShow = false

  const needsRenewal = (state: LoginState) => state.expires_at - margin <= now()

  /** Renews an expiring session when the app returns to the foreground, so the next tap does not wait for it. */
  function watchAppShow(): void {
    if (watchingAppShow || !adapter.onAppShow) return
    watchingAppShow = true
    adapter.onAppShow(() => {
      const state = store.get()
      if (state && state.refresh_token && needsRenewal(state)) refresh(state).catch(noop)
    })
  }

  async function load(): Promise<LoginState | null> {
    await store.load()
    watchAppShow()
    return store.get()
  }

  /** Puts `next` in memory and tells the listeners (each gets its own copy; a throwing one breaks nothing). */
  function change(next: LoginState | null, event: LoginStateEvent): void {
    store.set(next)
    watchAppShow()
    for (const listener of listeners.slice()) {
      try {
        listener(next && Object.assign({}, next), event)
      } catch {
        // a failing listener must not break the SDK or the other listeners
      }
    }
  }

  /**
   * Ends the session `from` (memory at once, storage after) unless something replaced it meanwhile, and returns the
   * `session_expired` error that says why (with the status of the server's refusal that ended it, if one did).
   */
  function endSession(from: LoginState, reason: string, cause?: AuthingError): AuthingError {
    if (store.get() == from) {
      change(null, 'expired')
      store.save(null).catch(noop)
    }
    return authingError('session_expired', reason, cause && { statusCode: cause.statusCode })
  }

  function toState(tokens: Record<string, unknown>): LoginState {
    const accessToken = tokens.access_token
    if (!isText(accessToken)) throw authingError('server', 'no access token')
    // Authing's older endpoints spell it expire_in.
    const seconds = Number(tokens.expires_in || tokens.expire_in) || 0
    return Object.assign({}, tokens, { access_token: accessToken, expires_in: seconds, expires_at: now() + seconds * 1000 })
  }

  /** What a renewal of `from` resolves with when a login or a logout replaced `from` while it ran: the newer state wins. */
  function replacement(): LoginState {
    const state = store.get()
    if (!state) throw authingError('not_logged_in', 'logged out while the session was being renewed')
    return state
  }

  /** Renews `from` with its refresh token. */
  async function renew(from: LoginState): Promise<LoginState> {
    let tokens: Record<string, unknown>
    try {
      tokens = await http.send({
        path: TOKEN_PATH,
        form: { grant_type: 'refresh_token', redirect_uri: '', refresh_token: from.refresh_token as string },
        headers: { 'x-authing-app-id': appId },
        read: readTokens,
      })
    } catch (caught) {
      if (store.get() != from) return replacement()
      const error = caught as AuthingError
      if (error.code != 'session_expired') throw error // offline, timeout, 5xx: the session stays
      throw endSession(from, error.message, error)
    }
    if (store.get() != from) return replacement()
    // Keep what the server did not resend (refresh_token, id_token).
    const next = toState(Object.assign({}, from, tokens))
    change(next, 'refresh')
    // The server has rotated the refresh token: memory keeps the new one even if storage fails.
    store.save(next).catch(noop)
    return next
  }

  /** Renews a session; every caller during the renewal shares the one request. */
  const refresh = singleFlight(renew)

  /** A usable state: loaded, renewed when inside the margin, or an error saying why there is none. */
  async function current(): Promise<LoginState> {
    const state = await load()
    // A refreshed state that storage refused would be lost at the next launch (its old refresh token is used up).
    store.saveIfBehind()
    if (!state) throw authingError('not_logged_in')
    if (!needsRenewal(state)) return state
    if (state.refresh_token) return refresh(state)
    if (state.expires_at > now()) return state
    throw endSession(state, 'the access token has expired and there is no refresh token')
  }

  /** The one path for calls that need the access token: renew first if needed, and once more after a 401. */
  async function authorized<T>(call: (accessToken: string) => Promise<T>): Promise<T> {
    const state = await current()
    try {
      return await call(state.access_token)
    } catch (caught) {
      const error = caught as AuthingError
      if (error.statusCode != 401) throw error
      // The state changed while the call ran: retry once with the new one.
      if (store.get() != state) return call((await current()).access_token)
      // The server no longer accepts the token (revoked, or the device clock is off): renew once and retry once.
      if (!state.refresh_token) throw endSession(state, error.message, error)
      return call((await refresh(state)).access_token)
    }
  }

  return {
    current,
    authorized,
    /** The state as it is now, loaded but not renewed. */
    peek: load,
    /** Forces a renewal (the public `refreshToken()`). */
    refresh,
    /** Stores the tokens of a successful login; the state changes only once storage has them. */
    async login(tokens: unknown): Promise<LoginState> {
      const next = toState(tokens as Record<string, unknown>)
      await store.save(next)
      change(next, 'login')
      // A refresh, a logout or another login wrote meanwhile: this login is the newest state, so storage gets it again.
      if (!store.isLastSaved(next)) store.save(next).catch(noop)
      return next
    },
    /** Clears the state in memory at once, then in storage. */
    clear(event: LoginStateEvent): Promise<void> {
      if (store.get()) change(null, event)
      return store.save(null)
    },
    /** Adds a change listener; returns the function that removes it. */
    subscribe(listener: LoginStateListener): () => void {
      listeners.push(listener)
      return () => {
        const index = listeners.indexOf(listener)
        if (index >= 0) listeners.splice(index, 1)
      }
    },
  }
}
