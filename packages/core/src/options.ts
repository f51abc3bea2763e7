import type { Adapter } from './adapter'
import type { AuthingOptions } from './types'
import { isFunction, isText } from './value-checks'

const LOOPBACK = /^http:\/\/(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?(\/|$)/i

const optionError = (name: string, expected: string) => new TypeError(`Authing: ${name} must be ${expected}`)

/** Throws a TypeError naming the first missing or malformed option. */
export function checkOptions(options: AuthingOptions): void {
  if (!options || typeof options != 'object') throw optionError('options', 'an object with appId and userPoolId')

  function check<K extends keyof AuthingOptions>(
    name: K,
    isValid: (value: NonNullable<AuthingOptions[K]>) => boolean,
    expected: string,
    required = false,
  ): void {
    let valid = false
    try {
      const value = options[name]
      valid = value == null ? !required : isValid(value)
    } catch {
      // an option that cannot even be read (a throwing getter, a hostile proxy) is malformed too
    }
    if (!valid) throw optionError(name, expected)
  }

  check('appId', isText, 'a non-empty string', true)
  check('userPoolId', isText, 'a non-empty string', true)
  check(
    'host',
    (host) => isText(host) && (/^https:\/\/[^/]/i.test(host) || LOOPBACK.test(host)),
    'an https:// URL (http:// only for localhost, 127.x.x.x or [::1])',
  )
  check('encryptFunction', isFunction, 'a function')
  // A platform timer fires at once when asked to wait 2^31 ms or more.
  check('timeout', (ms) => typeof ms == 'number' && ms > 0 && ms < 2 ** 31, 'a positive number of milliseconds below 2^31')
  check('refreshMargin', (ms) => typeof ms == 'number' && ms >= 0 && ms < Infinity, 'a number of milliseconds')
  check('now', isFunction, 'a function returning epoch milliseconds')
  check('adapter', (overrides) => typeof overrides == 'object', 'an object')
  check('platform', (platform) => platform == 'wx' || platform == 'tt', "'wx' or 'tt'")
}

/**
 * The adapter the client uses: the platform's, with the app's `options.adapter` parts replacing its own.
 * Throws a TypeError unless the result has everything the core calls without asking.
 */
export function mergeAdapter(platform: Adapter, overrides: Partial<Adapter> | undefined): Adapter {
  try {
    const adapter: Adapter = Object.assign({}, platform, overrides)
    const { request, storage } = adapter
    if (isFunction(request) && storage && [storage.getItem, storage.setItem, storage.removeItem].every(isFunction)) return adapter
  } catch {
    // an adapter that cannot even be read is no adapter
  }
  throw optionError('adapter', 'a platform adapter (from @authing/miniapp-wx, -tt, -taro or -uniapp)')
}
