import type { AdapterStorage } from './adapter'
import { callPlatform } from './errors'
import { parseIfJson } from './json'
import { noop } from './noop'
import type { LoginState } from './types'
import { isText } from './value-checks'

/** Accepts what the official SDK stored (an object, or its JSON); anything else counts as logged out. */
function parseStoredState(stored: unknown): LoginState | null {
  // (text that is not JSON stays text, which is no state)
  const state = parseIfJson(stored) as LoginState | null
  const usable = !!state && typeof state == 'object' && isText(state.access_token) && Number.isFinite(state.expires_at)
  return usable ? state : null
}

export type Store = ReturnType<typeof createStore>

/**
 * The login state in memory and in storage. Storage is read once (again only after a failed read); from then on
 * memory is the truth and storage follows it. A write that failed is made again by {@link Store.saveIfBehind}.
 */
export function createStore(storage: AdapterStorage, key: string) {
  let state: LoginState | null = null
  let reading: Promise<void> | undefined // the read of storage; once it succeeded, it stays settled
  let changes = 0 // counts every change, so a read that finishes after one cannot undo it
  let lastSaved: LoginState | null | undefined // what storage was last asked to hold
  let behind = false // that write failed: storage may hold an older state than memory

  function save(next: LoginState | null): Promise<void> {
    lastSaved = next
    behind = false
    const write = () => (next ? storage.setItem(key, next) : storage.removeItem(key))
    return callPlatform('storage', 'saving the login state', write).catch((error: unknown) => {
      behind = true
      throw error
    })
  }

  return {
    /** The state in memory (`null`: logged out). Meaningful once {@link Store.load} resolved. */
    get: (): LoginState | null => state,

    /** Reads storage the first time (or again after a failed read); resolves when memory holds the state. */
    load(): Promise<void> {
      if (!reading) {
        const changesBefore = changes
        reading = callPlatform('storage', 'reading the login state', () => storage.getItem(key)).then(
          (stored) => {
            if (changes == changesBefore) state = parseStoredState(stored)
          },
          (error: unknown) => {
            if (changes == changesBefore) reading = undefined // try again next time
            throw error
          },
        )
      }
      return reading
    },

    /** Replaces the state in memory (storage is written separately, with {@link Store.save}). */
    set(next: LoginState | null): void {
      changes++
      state = next
      reading = Promise.resolve()
    },

    save,

    /** Writes the state in memory again if the last write failed: a refreshed state must not be lost at the next launch. */
    saveIfBehind(): void {
      if (behind) save(state).catch(noop)
    },

    /** Whether `state` is what storage was last asked to hold. */
    isLastSaved: (candidate: LoginState | null): boolean => lastSaved === candidate,
  }
}
