/**
 * `@authing/miniapp-emulator` — a local, Authing-compatible HTTP server for developing and testing mini program
 * logins offline, with a control plane for codes, users, sessions, faults and the clock.
 *
 * Guide: [README](https://github.com/authing/miniapp-sdk/tree/main/packages/emulator#readme).
 *
 * @packageDocumentation
 * @module \@authing/miniapp-emulator
 */
export { startEmulator, type RunningEmulator } from './start'
export { createEmulatorClient, EmulatorClientError, type EmulatorClient, type EmulatorClientOptions } from './client'
export { DEMO, DEMO_USER } from './state/seed'
export type { EmulatorOptions } from './options'
export type { ExportedKeys } from './crypto/keys'
export type {
  ActionPurpose,
  ActionTokenRecord,
  IssuedTokenRecord,
  RefreshTokenRecord,
  SessionRecord,
  StateSnapshot,
  UploadRecord,
  UserRecord,
  VerificationCodeRecord,
  WechatCodeRecord,
} from './state'
export type * from './types'
