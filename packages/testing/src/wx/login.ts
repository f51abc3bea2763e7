// wx.login and friends: every login code is fresh, minted by the emulator for the runtime's identity.
import { randomBytes } from 'node:crypto'
import { createEmulatorClient, type EmulatorClient } from '@authing/miniapp-emulator'
import type { Define } from './define'
import { Failure } from './define'
import type { LoginSuccess, UserProfileSuccess, WxAsyncApis, WxOk } from './types'

/** The openid `login` codes stand for when no `openid` option is given. */
export const DEFAULT_OPENID = 'oTestOpenid0000000000000000001'

/** Where login codes come from. */
export interface IdentityOptions {
  /** The emulator (its URL, or anything with a `url`, such as the value of `startEmulator()`). */
  emulator?:
    | string
    | {
        /** The emulator's base URL. */
        readonly url: string
      }
  /** The WeChat user the login codes stand for. Default {@link DEFAULT_OPENID}. */
  openid?: string
  /** A unionid to go with the openid, as for a mini program bound to a WeChat Open Platform account. */
  unionid?: string
  /** Makes the login codes instead of the emulator, e.g. for a server of your own. */
  loginCode?: () => string | Promise<string>
}

/** A random code in WeChat's format, which no server knows (used when there is neither emulator nor `loginCode`). */
const unknownCode = () => randomBytes(16).toString('hex')

const noEmulator = () => new Error('This needs the emulator: pass createWx({ emulator: emulator.url })')

/** The login APIs of one runtime, the identity behind them, and phone codes for `getPhoneNumber` buttons. */
export function createIdentity(define: Define, options: IdentityOptions) {
  const openid = options.openid || DEFAULT_OPENID
  const unionid = options.unionid
  const url = typeof options.emulator == 'string' ? options.emulator : options.emulator && options.emulator.url
  const client: EmulatorClient | undefined = url ? createEmulatorClient(url) : undefined
  let session = false

  async function code(): Promise<string> {
    if (options.loginCode) return options.loginCode()
    if (!client) return unknownCode()
    const minted = await client.mintLoginCode(unionid ? { openid, unionid } : { openid })
    return minted.code
  }

  const apis: Pick<WxAsyncApis, 'login' | 'checkSession' | 'getUserProfile'> = {
    login: define.async<{ timeout?: number }, LoginSuccess>('login', async () => {
      const result = { code: await code() }
      session = true
      return result
    }),
    checkSession: define.async<{}, WxOk>('checkSession', () => {
      if (!session) throw new Failure('session time out')
      return {}
    }),
    // An anonymous profile, as WeChat has returned since 2022. encryptedData stays empty: each simulated login code
    // has its own session key, so data encrypted before the login could not be decrypted with the next code.
    getUserProfile: define.async<{ desc: string }, UserProfileSuccess>('getUserProfile', () => {
      const userInfo = { nickName: '微信用户', avatarUrl: '', gender: 0, country: '', province: '', city: '', language: '' }
      return { userInfo, rawData: JSON.stringify(userInfo), signature: '', encryptedData: '', iv: '' }
    }),
  }

  return {
    apis,
    openid,
    /** Ends the WeChat session: `checkSession` fails until the next `login`. */
    expireSession() {
      session = false
    },
    /** A `getPhoneNumber` code for this phone number, minted by the emulator (what `e.detail.code` holds). */
    async phoneCode(phoneNumber: string, countryCode?: string): Promise<string> {
      if (!client) throw noEmulator()
      return (await client.mintPhoneCode(countryCode ? { phoneNumber, countryCode } : { phoneNumber })).code
    },
  }
}
