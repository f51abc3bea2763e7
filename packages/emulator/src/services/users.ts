// Users: creation, lookup by identifier or identity, uniqueness rules and the DTOs the API and control plane return.
import { hashPassword } from '../crypto/hash'
import { errors } from '../errors'
import { objectId } from '../ids'
import type { State, UserRecord } from '../state'
import type { ConnectionInfo, EmulatorUser, Identity, NewUser, UserDto, UserPatch, UserProfileFields } from '../types'

/** The editable string profile fields, in UserDto order. */
export const PROFILE_FIELDS = [
  'name',
  'nickname',
  'photo',
  'externalId',
  'birthdate',
  'country',
  'province',
  'city',
  'address',
  'streetAddress',
  'postalCode',
  'company',
  'identityNumber',
  'givenName',
  'familyName',
  'middleName',
  'profile',
  'preferredUsername',
  'website',
  'zoneinfo',
  'locale',
  'formatted',
  'region',
] as const satisfies ReadonlyArray<keyof UserProfileFields>

export const USER_STATUSES = ['Activated', 'Suspended', 'Deactivated', 'Resigned', 'Archived'] as const
export const GENDERS = ['M', 'F', 'U'] as const

/** Authing's default avatar, used as `photo` when a user has none. */
export const DEFAULT_PHOTO = 'https://files.authing.co/authing-console/default-user-avatar.png'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const PHONE = /^\d{4,20}$/
const COUNTRY_CODE = /^\+?\d{1,4}$/

export const normalizeEmail = (email: string): string => email.trim().toLowerCase()

export function checkEmail(email: string, field: string): string {
  const normalized = normalizeEmail(email)
  if (!EMAIL.test(normalized)) throw errors.invalid(field, 'is not a valid e-mail address')
  return normalized
}

export function checkPhone(phone: string, field: string): string {
  const trimmed = phone.trim()
  if (!PHONE.test(trimmed)) throw errors.invalid(field, 'is not a valid phone number (digits only, without country code)')
  return trimmed
}

/** `+86`, `86` and absent all become `+86`. */
export function normalizeCountryCode(code: string | null | undefined, field = 'phoneCountryCode'): string {
  if (code === undefined || code === null || code === '') return '+86'
  const trimmed = code.trim()
  if (!COUNTRY_CODE.test(trimmed)) throw errors.invalid(field, 'is not a valid country code (e.g. +86)')
  return trimmed.startsWith('+') ? trimmed : `+${trimmed}`
}

export interface UserLookup {
  username?: string
  email?: string
  phone?: string
  /** Only compared when given. */
  phoneCountryCode?: string
  /** Username, e-mail or phone (the `account` identifier of password login). */
  account?: string
}

export function usersOfPool(state: State, userPoolId: string): UserRecord[] {
  return [...state.users.values()].filter((user) => user.userPoolId === userPoolId)
}

export function findUser(state: State, userPoolId: string, by: UserLookup): UserRecord | undefined {
  const users = usersOfPool(state, userPoolId)
  const phoneMatches = (user: UserRecord, phone: string) =>
    user.phone === phone.trim() && (!by.phoneCountryCode || user.phoneCountryCode === by.phoneCountryCode)
  if (by.account !== undefined) {
    const account = by.account.trim()
    return (
      users.find((user) => user.username === account) ??
      users.find((user) => user.email !== null && user.email === normalizeEmail(account)) ??
      users.find((user) => phoneMatches(user, account))
    )
  }
  if (by.username !== undefined) return users.find((user) => user.username === by.username?.trim())
  if (by.email !== undefined) return users.find((user) => user.email === normalizeEmail(by.email ?? ''))
  if (by.phone !== undefined) return users.find((user) => phoneMatches(user, by.phone ?? ''))
  return undefined
}

/** The identity provider of a mini program connection: `wechat` or `douyin`. */
export const providerOf = (connection: ConnectionInfo): string => connection.type.split(':')[0] ?? 'wechat'

/**
 * The user linked to a mini program identity (WeChat or Douyin, as the connection says): the openid under this
 * connection first, then the unionid in the pool.
 */
export function findUserByWechat(state: State, connection: ConnectionInfo, openid: string, unionid: string | null): UserRecord | undefined {
  const users = usersOfPool(state, connection.userPoolId)
  const provider = providerOf(connection)
  const has = (user: UserRecord, type: string, id: string, extIdpId?: string) =>
    user.identities.some(
      (identity) =>
        identity.provider === provider &&
        identity.type === type &&
        identity.userIdInIdp === id &&
        (extIdpId === undefined || identity.extIdpId === extIdpId),
    )
  return (
    users.find((user) => has(user, 'openid', openid, connection.id)) ??
    (unionid ? users.find((user) => has(user, 'unionid', unionid)) : undefined)
  )
}

/** The identity entries a mini program login creates: one for the openid, one for the unionid when there is one. */
export function wechatIdentities(
  connection: ConnectionInfo,
  openid: string,
  unionid: string | null,
  userInfo: Record<string, unknown> = {},
): Identity[] {
  const make = (type: string, id: string): Identity => ({
    identityId: objectId(),
    extIdpId: connection.id,
    provider: providerOf(connection),
    type,
    userIdInIdp: id,
    userInfoInIdp: { openid, ...(unionid ? { unionid } : {}), ...userInfo },
    originConnIds: [connection.id],
  })
  return unionid ? [make('openid', openid), make('unionid', unionid)] : [make('openid', openid)]
}

/** Throws 409 when a username, e-mail or phone is already taken by another user of the pool. */
export function assertUnique(
  state: State,
  userPoolId: string,
  fields: { username?: string | null; email?: string | null; phone?: string | null; phoneCountryCode?: string | null },
  exceptUserId?: string,
): void {
  const others = usersOfPool(state, userPoolId).filter((user) => user.userId !== exceptUserId)
  if (fields.username && others.some((user) => user.username === fields.username)) {
    throw errors.conflict(`Username "${fields.username}" already exists`, 2034)
  }
  if (fields.email && others.some((user) => user.email === fields.email)) {
    throw errors.conflict(`E-mail "${fields.email}" is already bound to another user`, 2200)
  }
  if (fields.phone && others.some((user) => user.phone === fields.phone && user.phoneCountryCode === (fields.phoneCountryCode ?? '+86'))) {
    throw errors.conflict(`Phone "${fields.phone}" is already bound to another user`, 2035)
  }
}

function emptyProfile(): UserProfileFields {
  return Object.fromEntries(PROFILE_FIELDS.map((field) => [field, null])) as unknown as UserProfileFields
}

export interface CreateUserContext {
  state: State
  nowIso: string
  /** Where the user comes from, e.g. `register`, `adminCreated`. */
  source: string
  defaultPoolId: string
}

/** Creates and stores a user after checking the pool exists and identifiers are valid and unique. */
export async function createUser(input: NewUser, context: CreateUserContext): Promise<UserRecord> {
  const { state, nowIso } = context
  const userPoolId = input.userPoolId ?? context.defaultPoolId
  if (!state.userPools.has(userPoolId)) throw errors.poolNotFound(userPoolId)
  const email = input.email ? checkEmail(input.email, 'email') : null
  const phone = input.phone ? checkPhone(input.phone, 'phone') : null
  const phoneCountryCode = phone ? normalizeCountryCode(input.phoneCountryCode) : null
  const username = input.username?.trim() || null
  assertUnique(state, userPoolId, { username, email, phone, phoneCountryCode })
  const userId = input.userId ?? objectId()
  if (state.users.has(userId)) throw errors.conflict(`User id "${userId}" already exists`, 2026)

  const profile = emptyProfile()
  for (const field of PROFILE_FIELDS) profile[field] = input[field] ?? null
  const user: UserRecord = {
    userId,
    userPoolId,
    createdAt: nowIso,
    updatedAt: nowIso,
    status: input.status ?? 'Activated',
    username,
    email,
    emailVerified: input.emailVerified ?? false,
    phone,
    phoneCountryCode,
    phoneVerified: input.phoneVerified ?? false,
    gender: input.gender ?? 'U',
    ...profile,
    photo: input.photo ?? DEFAULT_PHOTO,
    loginsCount: 0,
    lastLogin: null,
    lastIp: null,
    lastLoginApp: null,
    passwordLastSetAt: input.password ? nowIso : null,
    registerSource: [context.source],
    userSourceType: context.source === 'adminCreated' ? 'adminCreated' : 'register',
    passwordHash: input.password ? await hashPassword(input.password) : null,
    customData: { ...(input.customData ?? {}) },
    identities: [],
    departmentIds: [...(input.departmentIds ?? [])],
  }
  if (input.wechat) {
    const connection = findConnection(state, userPoolId, input.wechat.extIdpConnidentifier)
    if (findUserByWechat(state, connection, input.wechat.openid, input.wechat.unionid ?? null)) {
      throw errors.conflict(`WeChat openid "${input.wechat.openid}" is already bound to another user`)
    }
    user.identities = wechatIdentities(connection, input.wechat.openid, input.wechat.unionid ?? null)
  }
  state.users.set(userId, user)
  return user
}

/** A WeChat connection of the pool by identifier, or the pool's first one when no identifier is given. */
export function findConnection(
  state: State,
  userPoolId: string,
  identifier?: string,
  type: ConnectionInfo['type'] = 'wechat:miniprogram',
): ConnectionInfo {
  const connections = [...state.connections.values()].filter((c) => c.userPoolId === userPoolId)
  const found = identifier === undefined ? connections.find((c) => c.type === type) : connections.find((c) => c.identifier === identifier)
  if (!found) throw errors.connectionNotFound(identifier ?? `(default ${type} connection)`)
  // A WeChat code sent to a Douyin connection (or the reverse) can never be exchanged.
  if (found.type !== type) throw errors.badRequest(`"${found.identifier}" is a ${found.type} connection, not ${type}`)
  return found
}

/** Applies a control-plane patch, checking identifiers and uniqueness first. */
export function patchUser(state: State, user: UserRecord, patch: UserPatch, nowIso: string): void {
  const next = {
    username: patch.username === undefined ? user.username : patch.username?.trim() || null,
    email: patch.email === undefined ? user.email : patch.email ? checkEmail(patch.email, 'email') : null,
    phone: patch.phone === undefined ? user.phone : patch.phone ? checkPhone(patch.phone, 'phone') : null,
    phoneCountryCode: user.phoneCountryCode,
  }
  if (patch.phoneCountryCode !== undefined || (next.phone && !user.phoneCountryCode)) {
    next.phoneCountryCode = normalizeCountryCode(patch.phoneCountryCode)
  }
  if (!next.phone) next.phoneCountryCode = null
  assertUnique(state, user.userPoolId, next, user.userId)
  Object.assign(user, next)
  for (const field of PROFILE_FIELDS) if (patch[field] !== undefined) user[field] = patch[field] ?? null
  if (patch.gender !== undefined) user.gender = patch.gender
  if (patch.status !== undefined) user.status = patch.status
  if (patch.emailVerified !== undefined) user.emailVerified = patch.emailVerified
  if (patch.phoneVerified !== undefined) user.phoneVerified = patch.phoneVerified
  if (patch.customData !== undefined) user.customData = { ...patch.customData }
  if (patch.departmentIds !== undefined) user.departmentIds = [...patch.departmentIds]
  user.updatedAt = nowIso
}

export interface DtoFlags {
  withCustomData?: boolean
  withIdentities?: boolean
  withDepartmentIds?: boolean
}

/** The UserDto of the V3 API; optional parts only when asked for. */
export function userDto(user: UserRecord, flags: DtoFlags = {}): UserDto {
  const { passwordHash: _hash, userPoolId: _pool, customData, identities, departmentIds, ...fields } = user
  return {
    ...fields,
    workStatus: null,
    browser: null,
    device: null,
    userSourceId: null,
    mainDepartmentId: null,
    lastMfaTime: null,
    passwordSecurityLevel: null,
    resetPasswordOnNextLogin: false,
    statusChangedAt: null,
    tenantId: null,
    ...(flags.withCustomData ? { customData: { ...customData } } : {}),
    ...(flags.withIdentities ? { identities: identities.map((identity) => ({ ...identity })) } : {}),
    ...(flags.withDepartmentIds ? { departmentIds: [...departmentIds] } : {}),
  }
}

/** The control plane's view of a user: everything except the password hash. */
export function emulatorUser(user: UserRecord): EmulatorUser {
  return {
    ...userDto(user),
    userPoolId: user.userPoolId,
    hasPassword: user.passwordHash !== null,
    customData: { ...user.customData },
    identities: user.identities.map((identity) => ({ ...identity })),
    departmentIds: [...user.departmentIds],
  }
}
