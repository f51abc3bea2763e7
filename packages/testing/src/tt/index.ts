// createTt: the simulated Douyin `tt`, put together from the parts it shares with the simulated wx and its own
// login side, with the test controls beside the tt APIs.
import { addCanIUse, createParts, withControls, type BaseControls, type WxOptions } from '../wx'
import { createTtIdentity, type TtIdentityOptions } from './login'
import type { TtApi, TtEncryptedData } from './types'

/** Options of {@link createTt} (and of `createTaro` / `createUni` set to Douyin). */
export interface TtOptions extends WxOptions, TtIdentityOptions {}

/** The test controls of a simulated `tt`. */
export interface TtControls extends BaseControls {
  /**
   * What a `getPhoneNumber` button hands a page on Douyin (`e.detail`): the phone number encrypted with the session
   * key of the current login. Call `tt.login` first, as on Douyin.
   * @param countryCode - digits, default `86`
   */
  phoneNumber(phoneNumber: string, countryCode?: string): Promise<TtEncryptedData>
  /** Data encrypted with the session key of the current login, as Douyin hands over user data. */
  encrypt(data: Record<string, unknown>): Promise<TtEncryptedData>
}

/** A simulated `tt`: the tt APIs plus the {@link TtControls}. */
export type SimulatedTt = TtApi & TtControls

const SYSTEM = { appName: 'Douyin', SDKVersion: '3.60.0', version: '32.1.0', brand: 'devtools', platform: 'devtools' }

/**
 * Creates a simulated Douyin `tt` that behaves like Douyin's for everything the SDK and typical pages use: callback
 * and promise forms, Douyin's result and error shapes (`tt.login` → `{ code, anonymousCode, isLogin }`), real HTTP
 * to any host, storage in memory, login codes from the emulator.
 * @example
 * const emulator = await startEmulator({ port: 0, logger: false })
 * const tt = createTt({ emulator: emulator.url })
 * const { code, isLogin } = await tt.login()
 */
export function createTt(options: TtOptions = {}): SimulatedTt {
  const appId = options.appId || 'tt00000000000000aa'
  const systemInfo = Object.assign({}, SYSTEM, options.systemInfo)
  const { define, apis, controls } = createParts(
    Object.assign({}, options, { appId, systemInfo }),
    (key) => `data not found, key == ${key}`,
  )
  const identity = createTtIdentity(define, options)
  const { getAccountInfoSync: _wechatOnly, ...shared } = apis
  const tt = addCanIUse(
    Object.assign(shared, identity.apis, {
      getEnvInfoSync: define.sync('getEnvInfoSync', () => ({
        microapp: { mpVersion: '0.0.1', envType: 'development', appId },
        common: { USER_DATA_PATH: 'ttfile://user' },
      })),
    }) as TtApi,
    define,
  )
  return withControls(tt, Object.assign(controls(identity), { phoneNumber: identity.phoneNumber, encrypt: identity.encrypt }))
}
