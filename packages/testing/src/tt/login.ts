// tt.login and friends: every login code is fresh, minted by the emulator for the runtime's Douyin identity, and the
// data a getPhoneNumber button hands over is encrypted with the session key of the user's current login.
import { randomBytes } from 'node:crypto'
import { createEmulatorClient, type EmulatorClient } from '@authing/miniapp-emulator'
import type { Define } from '../wx/define'
import { Failure } from '../wx/define'
import type { IdentityOptions } from '../wx/login'
import type { UserProfileSuccess, WxAsyncApis, WxOk } from '../wx/types'
import type { TtApi, TtEncryptedData, TtLoginOptions, TtLoginSuccess } from './types'

/** The Douyin openid `login` codes stand for when no `openid` option is given. */
export const DEFAULT_DOUYIN_OPENID = '_000TestDouyinOpenid0000000000001'

/** Where Douyin login codes come from, and whether the user is logged in to the Douyin app. */
export interface TtIdentityOptions extends IdentityOptions {
  /**
   * Whether the user is logged in to the Douyin app. Default `true`. When `false`, `tt.login({ force: false })`
   * answers with an `anonymousCode` only, and `tt.login()` logs the user in first (the app's login dialog).
   */
  loggedIn?: boolean
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex')

/** The login APIs of one simulated `tt`, the identity behind them, and the encrypted data of its session. */
export function createTtIdentity(define: Define, options: TtIdentityOptions) {
  const openid = options.openid || DEFAULT_DOUYIN_OPENID
  const unionid = options.unionid
  const url = typeof options.emulator == 'string' ? options.emulator : options.emulator && options.emulator.url
  const client: EmulatorClient | undefined = url ? createEmulatorClient(url) : undefined
  let loggedIn = options.loggedIn !== false
  // The code of the current session: Douyin encrypts button data with its session key.
  let sessionCode: string | undefined

  async function code(): Promise<string> {
    if (options.loginCode) return options.loginCode()
    // A code in Douyin's format that no server knows (there is no emulator to mint one).
    if (!client) return hex(16)
    const minted = await client.mintDouyinLoginCode(unionid ? { openid, unionid } : { openid })
    return minted.code
  }

  async function encrypt(data: Record<string, unknown>): Promise<TtEncryptedData> {
    if (!client) throw new Error('This needs the emulator: pass createTt({ emulator: emulator.url })')
    // Douyin hands over encrypted data only in a session: the page must have called tt.login first.
    if (!sessionCode) throw new Error('No Douyin session: call tt.login before asking for encrypted data')
    const { encryptedData, iv } = await client.encryptForCode(sessionCode, data)
    return { encryptedData, iv }
  }

  const apis: Pick<TtApi, 'login'> & Pick<WxAsyncApis, 'checkSession' | 'getUserProfile'> = {
    login: define.async<TtLoginOptions, TtLoginSuccess>('login', async ({ force }) => {
      const anonymousCode = hex(8)
      if (!loggedIn && force === false) return { anonymousCode, isLogin: false }
      loggedIn = true
      sessionCode = await code()
      return { code: sessionCode, anonymousCode, isLogin: true }
    }),
    checkSession: define.async<{}, WxOk>('checkSession', () => {
      if (!sessionCode) throw new Failure('session expired')
      return {}
    }),
    // Douyin's user profile without encrypted data (each simulated session has its own key; see `encrypt`).
    getUserProfile: define.async<{ desc: string }, UserProfileSuccess>('getUserProfile', () => {
      const userInfo = { nickName: '抖音用户', avatarUrl: '', gender: 0, country: '', province: '', city: '', language: '' }
      return { userInfo, rawData: JSON.stringify(userInfo), signature: '', encryptedData: '', iv: '' }
    }),
  }

  return {
    apis,
    openid,
    /** Ends the Douyin session: `checkSession` fails and no encrypted data is handed over until the next `login`. */
    expireSession() {
      sessionCode = undefined
    },
    /**
     * What a `getPhoneNumber` button gives the page on Douyin: the phone number encrypted with the session key.
     * @param countryCode - digits, default `86`
     */
    phoneNumber(phoneNumber: string, countryCode = '86'): Promise<TtEncryptedData> {
      const full = countryCode == '86' ? phoneNumber : `+${countryCode}${phoneNumber}`
      return encrypt({ phoneNumber: full, purePhoneNumber: phoneNumber, countryCode })
    },
    /** Any data encrypted with the session key, as Douyin encrypts user or share data. */
    encrypt,
  }
}
