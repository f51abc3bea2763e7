// The built-in demo data every emulator starts with (and returns to on reset), and the application of user seeds.
import { emptyState, type State } from '.'
import { createUser } from '../services/users'
import type { AppInfo, ConnectionInfo, EmulatorSeed, NewUser, UserPoolInfo } from '../types'

/** Identifiers of the built-in demo app, used by the SDK's demo, examples and tests. */
export const DEMO = {
  /** The demo app's ID: the SDK's `appId`. */
  appId: '6500000000000000000a0001',
  /** The demo user pool's ID: the SDK's `userPoolId`. */
  userPoolId: '6500000000000000000b0001',
  /** The demo WeChat connection: the SDK's `extIdpConnidentifier`. */
  extIdpConnidentifier: 'wechat-miniprogram',
  /** The WeChat AppID of the demo connection. */
  wechatAppId: 'wxe0000000000000e1',
  /** The demo Douyin connection: the SDK's `extIdpConnidentifier` on Douyin. */
  douyinExtIdpConnidentifier: 'douyin-miniprogram',
  /** The Douyin AppID of the demo Douyin connection. */
  douyinAppId: 'tt0000000000000dd1',
} as const

/** The seeded demo user. Log in with any of `username`, `email` or `phone` and `password`. */
export const DEMO_USER = {
  /** The demo user's ID. */
  userId: '6500000000000000000c0001',
  /** Username. */
  username: 'demo',
  /** E-mail address. */
  email: 'demo@example.com',
  /** Phone number. */
  phone: '13800000000',
  /** Country code of the phone number. */
  phoneCountryCode: '+86',
  /** Password. */
  password: 'Demo-Passw0rd!',
  /** Full name. */
  name: 'Demo User',
  /** Nickname. */
  nickname: 'demo',
} as const

const DEMO_POOL: UserPoolInfo = { id: DEMO.userPoolId, name: 'Demo user pool' }

const DEMO_APP: AppInfo = {
  id: DEMO.appId,
  name: 'Demo mini program',
  userPoolId: DEMO.userPoolId,
  secret: 'emulator-demo-app-secret',
  allowRefreshToken: true,
}

const DEMO_CONNECTION: ConnectionInfo = {
  id: '6500000000000000000d0001',
  identifier: DEMO.extIdpConnidentifier,
  type: 'wechat:miniprogram',
  name: 'WeChat mini program (emulated)',
  userPoolId: DEMO.userPoolId,
  wechatAppId: DEMO.wechatAppId,
  wechatAppSecret: 'emulator-wechat-app-secret',
}

const DEMO_DOUYIN_CONNECTION: ConnectionInfo = {
  id: '6500000000000000000d0002',
  identifier: DEMO.douyinExtIdpConnidentifier,
  type: 'douyin:miniprogram',
  name: 'Douyin mini program (emulated)',
  userPoolId: DEMO.userPoolId,
  wechatAppId: DEMO.douyinAppId,
  wechatAppSecret: 'emulator-douyin-app-secret',
}

const DEMO_USERS: NewUser[] = [{ ...DEMO_USER, userPoolId: DEMO.userPoolId, emailVerified: true, phoneVerified: true }]

/** Builds a fresh state from the defaults and the given seed. */
export async function seededState(seed: EmulatorSeed, nowIso: string): Promise<State> {
  const state = emptyState()
  const withDefaults = seed.includeDefaults !== false
  for (const pool of [...(withDefaults ? [DEMO_POOL] : []), ...(seed.userPools ?? [])]) {
    state.userPools.set(pool.id, { ...pool })
  }
  const firstPool = [...state.userPools.keys()][0] ?? DEMO.userPoolId
  for (const app of [...(withDefaults ? [DEMO_APP] : []), ...(seed.apps ?? [])]) {
    state.apps.set(app.id, {
      name: app.id,
      secret: `${app.id}-secret`,
      allowRefreshToken: true,
      ...app,
    })
  }
  for (const [index, connection] of [
    ...(withDefaults ? [DEMO_CONNECTION, DEMO_DOUYIN_CONNECTION] : []),
    ...(seed.connections ?? []),
  ].entries()) {
    const id = connection.id ?? `6500000000000000000d${String(index + 1).padStart(4, '0')}`
    state.connections.set(id, {
      type: 'wechat:miniprogram',
      name: connection.identifier,
      wechatAppId: DEMO.wechatAppId,
      wechatAppSecret: 'emulator-wechat-app-secret',
      ...connection,
      id,
    })
  }
  for (const user of [...(withDefaults ? DEMO_USERS : []), ...(seed.users ?? [])]) {
    await createUser(user, { state, nowIso, source: 'adminCreated', defaultPoolId: firstPool })
  }
  return state
}
