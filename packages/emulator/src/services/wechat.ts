// Simulated WeChat: `wx.login` codes and `getPhoneNumber` codes (minted on the control plane, or deterministic
// `mock:` / `mockphone:` codes), their single-use exchange, and linking WeChat identities to users. Douyin's login
// codes work the same way (services/douyin.ts): what differs is in PlatformTraits.
import { createHash } from 'node:crypto'
import { newSessionKey, wechatDecrypt, wechatEncrypt } from '../crypto/wechat-aes'
import { errors, type ApiError } from '../errors'
import { wechatStyleCode } from '../ids'
import type { State, UserRecord, WechatCodeRecord } from '../state'
import type {
  ConnectionInfo,
  EmulatorConfig,
  EncryptedWechatData,
  Gender,
  MintedLoginCode,
  MintedPhoneCode,
  WechatCodeInfo,
} from '../types'
import type { ServiceContext } from './context'
import { checkPhone, createUser, findConnection, findUserByWechat, usersOfPool, wechatIdentities } from './users'

/** What `jscode2session` would return. */
export interface WechatSession {
  openid: string
  unionid: string | null
  sessionKey: string
}

/** What `getuserphonenumber` would return (WeChat's `phone_info`, without the watermark). */
export interface WechatPhone {
  phoneNumber: string
  purePhoneNumber: string
  /** Digits only, e.g. `86`. */
  countryCode: string
}

/** Deterministic session key for codes that were not minted (mock and dev codes), so tests can encrypt for them. */
const derivedSessionKey = (openid: string): string =>
  createHash('sha256').update(`authing-emulator-session:${openid}`).digest().subarray(0, 16).toString('base64')

const randomOpenid = (): string => `o${wechatStyleCode().slice(0, 27)}`

const digitsOnly = (countryCode: string | undefined): string => (countryCode ?? '86').replace(/^\+/, '')

/** What tells one mini program platform's simulated login codes from another's. */
export interface PlatformTraits {
  /** The platform's name in messages. */
  name: string
  /** Its login API, in messages. */
  loginApi: string
  /** The type of its connections. */
  connectionType: ConnectionInfo['type']
  /** The platform's answer to an unknown or expired code, and to a used one. */
  invalidCode(): ApiError
  usedCode(): ApiError
  /** The opt-in identity that unknown login codes stand for, and the phone number unknown phone codes stand for. */
  devIdentity(config: EmulatorConfig): string | null
  devPhone(config: EmulatorConfig): string | null
  /** Where its codes are kept. */
  codes(state: State): Map<string, WechatCodeRecord>
}

const WECHAT: PlatformTraits = {
  name: 'WeChat',
  loginApi: 'wx.login',
  connectionType: 'wechat:miniprogram',
  invalidCode: () => errors.wechat(40029, 'invalid code'),
  usedCode: () => errors.wechat(40163, 'code been used'),
  devIdentity: (config) => config.wechatDevIdentity,
  devPhone: (config) => config.wechatDevPhone,
  codes: (state) => state.wechatCodes,
}

export class Wechat {
  constructor(
    protected readonly context: ServiceContext,
    readonly traits: PlatformTraits = WECHAT,
  ) {}

  /** The session key of a new login code: a new one for every WeChat code. */
  protected sessionKeyFor(_openid: string): string {
    return newSessionKey()
  }

  /** The platform's connection `identifier` (or its first one) in a pool; fails for another platform's connection. */
  connection(userPoolId: string, identifier?: string): ConnectionInfo {
    return findConnection(this.context.state, userPoolId, identifier, this.traits.connectionType)
  }

  /** Whether the platform knows this code (minted or already seen). */
  knows(code: string): boolean {
    return this.traits.codes(this.context.state).has(code)
  }

  mintLoginCode(input: { openid?: string; unionid?: string } = {}): MintedLoginCode {
    const openid = input.openid ?? randomOpenid()
    const record = this.store({
      kind: 'login',
      source: 'minted',
      openid,
      unionid: input.unionid ?? null,
      sessionKey: this.sessionKeyFor(openid),
    })
    return {
      code: record.code,
      openid: record.openid ?? '',
      unionid: record.unionid,
      sessionKey: record.sessionKey ?? '',
      expiresAt: this.context.clock.iso(record.expiresAt ?? 0),
    }
  }

  mintPhoneCode(input: { phoneNumber: string; countryCode?: string }): MintedPhoneCode {
    const record = this.store({
      kind: 'phone',
      source: 'minted',
      phoneNumber: checkPhone(input.phoneNumber, 'phoneNumber'),
      countryCode: digitsOnly(input.countryCode),
    })
    return {
      code: record.code,
      phoneNumber: record.phoneNumber ?? '',
      countryCode: record.countryCode ?? '86',
      expiresAt: this.context.clock.iso(record.expiresAt ?? 0),
    }
  }

  /** Encrypts data with a login code's session key, as the platform does for `encryptedData` (adds a watermark). */
  encryptForCode(code: string, data: Record<string, unknown>): EncryptedWechatData {
    const record = this.lookup(code, 'login')
    if (!record?.sessionKey) throw errors.badRequest(`"${code}" is not a known ${this.traits.loginApi} code`)
    const watermark = { appid: this.defaultWechatAppId(), timestamp: this.context.clock.nowSeconds() }
    return wechatEncrypt(record.sessionKey, { ...data, watermark: data.watermark ?? watermark })
  }

  /** Exchanges a login code for the WeChat session (consumes the code). */
  exchangeLoginCode(code: string): WechatSession {
    const record = this.redeem(code, 'login')
    return { openid: record.openid ?? '', unionid: record.unionid, sessionKey: record.sessionKey ?? '' }
  }

  /** Exchanges a phone code for the phone number (consumes the code). */
  exchangePhoneCode(code: string): WechatPhone {
    const record = this.redeem(code, 'phone')
    const pure = record.phoneNumber ?? ''
    const countryCode = record.countryCode ?? '86'
    return { phoneNumber: countryCode === '86' ? pure : `+${countryCode}${pure}`, purePhoneNumber: pure, countryCode }
  }

  /** Decrypts `encryptedData` with a session key; WeChat's -41003 error when it does not decrypt. */
  decrypt(session: WechatSession, encryptedData: string, iv: string): Record<string, unknown> {
    const data = wechatDecrypt(session.sessionKey, encryptedData, iv)
    if (!data) {
      throw errors.badRequest(
        `encryptedData could not be decrypted with the session key of this code (${this.traits.name}: decrypt failed, errcode -41003)`,
      )
    }
    return data
  }

  list(): WechatCodeInfo[] {
    const { clock } = this.context
    return [...this.traits.codes(this.context.state).values()].reverse().map(({ usedAt, createdAt, expiresAt, ...record }) => ({
      ...record,
      createdAt: clock.iso(createdAt),
      expiresAt: expiresAt === null ? null : clock.iso(expiresAt),
      used: usedAt !== null,
      expired: expiresAt !== null && clock.now() >= expiresAt,
    }))
  }

  /**
   * The user of a WeChat identity, created when there is none (if registration is allowed). New users take their
   * nickname, avatar and gender from decrypted user info when the login carried some.
   */
  async findOrCreateUser(connection: ConnectionInfo, session: WechatSession, userInfo?: Record<string, unknown>): Promise<UserRecord> {
    const { state, clock } = this.context
    const existing = findUserByWechat(state, connection, session.openid, session.unionid)
    if (existing) {
      this.linkIdentity(existing, connection, session, userInfo)
      return existing
    }
    if (!this.context.config.allowRegistration) throw errors.registrationDisabled()
    const user = await createUser(
      {
        userPoolId: connection.userPoolId,
        ...(typeof userInfo?.nickName === 'string' ? { nickname: userInfo.nickName } : {}),
        ...(typeof userInfo?.avatarUrl === 'string' ? { photo: userInfo.avatarUrl } : {}),
        gender: genderOf(userInfo?.gender),
      },
      { state, nowIso: clock.iso(), source: 'register', defaultPoolId: connection.userPoolId },
    )
    user.identities = wechatIdentities(connection, session.openid, session.unionid, userInfo)
    return user
  }

  /**
   * Links a WeChat identity to a user (the bind route and logins found by unionid). Throws 409 when the openid
   * already belongs to someone else.
   */
  linkIdentity(user: UserRecord, connection: ConnectionInfo, session: WechatSession, userInfo?: Record<string, unknown>): void {
    const owner = findUserByWechat(this.context.state, connection, session.openid, session.unionid)
    if (owner && owner.userId !== user.userId) {
      throw errors.conflict(`This ${this.traits.name} account is already bound to another user`)
    }
    const linked = (type: string, id: string) =>
      user.identities.find((identity) => identity.provider === 'wechat' && identity.type === type && identity.userIdInIdp === id)
    for (const identity of wechatIdentities(connection, session.openid, session.unionid, userInfo)) {
      const current = linked(identity.type, identity.userIdInIdp)
      if (!current) user.identities.push(identity)
      else if (userInfo) current.userInfoInIdp = { ...current.userInfoInIdp, ...userInfo }
    }
  }

  /**
   * Gives the user the phone from a phone login when the user has none and nobody else in the pool uses it
   * (Authing's rule for `wechat_mini_program_code_and_phone`).
   */
  assignPhoneIfFree(user: UserRecord, phone: WechatPhone): void {
    if (user.phone) return
    const countryCode = `+${phone.countryCode}`
    const taken = usersOfPool(this.context.state, user.userPoolId).some(
      (other) => other.phone === phone.purePhoneNumber && other.phoneCountryCode === countryCode,
    )
    if (taken) return
    user.phone = phone.purePhoneNumber
    user.phoneCountryCode = countryCode
    user.phoneVerified = true
    user.updatedAt = this.context.clock.iso()
  }

  private defaultWechatAppId(): string {
    return [...this.context.state.connections.values()].find((c) => c.type === this.traits.connectionType)?.wechatAppId ?? ''
  }

  private store(fields: Partial<WechatCodeRecord> & Pick<WechatCodeRecord, 'kind' | 'source'>, code = wechatStyleCode()): WechatCodeRecord {
    const now = this.context.clock.now()
    const record: WechatCodeRecord = {
      code,
      openid: null,
      unionid: null,
      sessionKey: null,
      phoneNumber: null,
      countryCode: null,
      createdAt: now,
      expiresAt: fields.source === 'minted' ? now + this.context.config.codeLifetime * 1000 : null,
      usedAt: null,
      ...fields,
    }
    this.traits.codes(this.context.state).set(code, record)
    return record
  }

  /**
   * A known code, or a `mock:` / `mockphone:` code recorded on first sight. A `#suffix` is ignored for the identity,
   * so `mock:o-alice#2` is a second, distinct single-use code for the same openid.
   */
  private lookup(code: string, kind: 'login' | 'phone'): WechatCodeRecord | undefined {
    const known = this.traits.codes(this.context.state).get(code)
    if (known) return known.kind === kind ? known : undefined
    const [prefix, first, second] = (code.split('#')[0] ?? '').split(':')
    if (kind === 'login' && prefix === 'mock' && first) {
      return this.store({ kind, source: 'mock', openid: first, unionid: second || null, sessionKey: derivedSessionKey(first) }, code)
    }
    if (kind === 'phone' && prefix === 'mockphone' && first) {
      return this.store({ kind, source: 'mock', phoneNumber: checkPhone(first, 'code'), countryCode: digitsOnly(second) }, code)
    }
    return undefined
  }

  /** Single-use redemption with the platform's errors (WeChat: unknown or expired → 40029, used → 40163). */
  private redeem(code: string, kind: 'login' | 'phone'): WechatCodeRecord {
    const record = this.lookup(code, kind) ?? this.devRecord(code, kind)
    const now = this.context.clock.now()
    if (!record) throw this.traits.invalidCode()
    if (record.usedAt !== null) throw this.traits.usedCode()
    if (record.expiresAt !== null && now >= record.expiresAt) throw this.traits.invalidCode()
    record.usedAt = now
    return record
  }

  /** Opt-in development mode: an unknown (e.g. real DevTools) code stands for the configured identity. */
  private devRecord(code: string, kind: 'login' | 'phone'): WechatCodeRecord | undefined {
    const devIdentity = this.traits.devIdentity(this.context.config)
    const devPhone = this.traits.devPhone(this.context.config)
    if (kind === 'login' && devIdentity) {
      return this.store({ kind, source: 'dev', openid: devIdentity, sessionKey: derivedSessionKey(devIdentity) }, code)
    }
    if (kind === 'phone' && devPhone) {
      return this.store({ kind, source: 'dev', phoneNumber: devPhone, countryCode: '86' }, code)
    }
    return undefined
  }
}

function genderOf(value: unknown): Gender {
  if (value === 1 || value === '1') return 'M'
  if (value === 2 || value === '2') return 'F'
  return 'U'
}
