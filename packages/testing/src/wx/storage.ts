// wx storage in memory: values are stored as wx serialises them (a deep copy), a missing key fails getStorage,
// and the limits are wx's (1 MB per key, 10 MB in all).
import type { Define } from './define'
import { Failure } from './define'
import type { GetStorageSuccess, StorageInfo, WxAsyncApis, WxOk, WxSyncApis } from './types'

const KEY_LIMIT = 1024 * 1024
const TOTAL_LIMIT = 10 * 1024 * 1024

/** Direct access to a runtime's storage, bypassing wx: for inspecting it and for planting corrupted entries. */
export interface StorageControl {
  /** A deep copy of every entry, by key. */
  dump(): Record<string, unknown>
  /** An entry as stored (not copied), `undefined` when missing. */
  get(key: string): unknown
  /** Stores a value exactly as given (no copy, no limits): e.g. a malformed login state. */
  set(key: string, value: unknown): void
  /** Removes an entry. */
  delete(key: string): void
  /** Removes every entry. */
  clear(): void
}

/** wx keeps top-level primitives and Dates, and stores objects as JSON (functions and `undefined` fields vanish). */
function serialised(value: unknown): unknown {
  if (value instanceof Date) return new Date(value.getTime())
  if (value === null || typeof value != 'object') return typeof value == 'function' ? undefined : value
  return JSON.parse(JSON.stringify(value)) as unknown
}

const sizeOf = (key: string, value: unknown) => Buffer.byteLength(key) + Buffer.byteLength(JSON.stringify(value) || '')

/**
 * The storage of one runtime: its APIs and its control.
 * @param notFound - the reason `getStorage` gives for a missing key (wording differs between platforms)
 */
export function createStorage(define: Define, initial: Record<string, unknown> = {}, notFound = (_key: string) => 'data not found') {
  const entries = new Map<string, unknown>()
  for (const key of Object.keys(initial)) entries.set(key, serialised(initial[key]))

  const total = () => Array.from(entries).reduce((sum, [key, value]) => sum + sizeOf(key, value), 0)
  const info = (): StorageInfo => ({
    keys: Array.from(entries.keys()),
    currentSize: Math.ceil(total() / 1024),
    limitSize: TOTAL_LIMIT / 1024,
  })
  function read(key: unknown): unknown {
    if (typeof key != 'string' || !entries.has(key)) throw new Failure(notFound(String(key)))
    return serialised(entries.get(key))
  }
  function write(key: unknown, data: unknown): void {
    if (typeof key != 'string' || !key) throw new Failure('parameter error: key should be a non-empty string')
    const value = serialised(data)
    const size = sizeOf(key, value)
    if (size > KEY_LIMIT) throw new Failure('entry size limit reached')
    if (total() - (entries.has(key) ? sizeOf(key, entries.get(key)) : 0) + size > TOTAL_LIMIT) throw new Failure('storage limit reached')
    entries.set(key, value)
  }

  const control: StorageControl = {
    dump: () => Object.fromEntries(Array.from(entries, ([key, value]) => [key, serialised(value)])),
    get: (key) => entries.get(key),
    set: (key, value) => void entries.set(key, value),
    delete: (key) => void entries.delete(key),
    clear: () => entries.clear(),
  }

  const apis: Pick<WxAsyncApis, 'getStorage' | 'setStorage' | 'removeStorage' | 'clearStorage' | 'getStorageInfo'> &
    Pick<WxSyncApis, 'getStorageSync' | 'setStorageSync' | 'removeStorageSync' | 'clearStorageSync' | 'getStorageInfoSync'> = {
    getStorage: define.async<{ key: string }, GetStorageSuccess>('getStorage', ({ key }) => ({ data: read(key) })),
    setStorage: define.async<{ key: string; data: unknown }, WxOk>('setStorage', ({ key, data }) => (write(key, data), {})),
    removeStorage: define.async<{ key: string }, WxOk>('removeStorage', ({ key }) => (entries.delete(key), {})),
    clearStorage: define.async<{}, WxOk>('clearStorage', () => (entries.clear(), {})),
    getStorageInfo: define.async<{}, StorageInfo & WxOk>('getStorageInfo', info),
    // wx answers a missing key with '' in the synchronous form.
    getStorageSync: define.sync('getStorageSync', (key: string) => (entries.has(key) ? read(key) : '')),
    setStorageSync: define.sync('setStorageSync', (key: string, data: unknown) => write(key, data)),
    removeStorageSync: define.sync('removeStorageSync', (key: string) => void entries.delete(key)),
    clearStorageSync: define.sync('clearStorageSync', () => entries.clear()),
    getStorageInfoSync: define.sync('getStorageInfoSync', info),
  }
  return { apis, control }
}
