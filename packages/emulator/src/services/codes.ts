// SMS and e-mail verification codes: 6 digits per user pool + target + channel, valid for a few minutes, single use,
// at most one send per interval. Only the latest code of a target and channel is accepted.
import { errors } from '../errors'
import { objectId, randomDigits } from '../ids'
import type { VerificationCodeRecord } from '../state'
import type { VerificationCodeInfo } from '../types'
import type { ServiceContext } from './context'

/** Kept for the control plane; older codes are forgotten. */
const RETAINED_CODES = 500

export interface CodeTarget {
  userPoolId: string
  kind: 'sms' | 'email'
  /** Phone number without country code, or a normalised e-mail address. */
  target: string
  phoneCountryCode: string | null
}

const sameTarget = (record: VerificationCodeRecord, target: CodeTarget) =>
  record.userPoolId === target.userPoolId &&
  record.kind === target.kind &&
  record.target === target.target &&
  record.phoneCountryCode === target.phoneCountryCode

export class VerificationCodes {
  constructor(private readonly context: ServiceContext) {}

  /** Issues a new code, or throws 429 when the previous one to this target and channel is too recent. */
  send(target: CodeTarget, channel: string): VerificationCodeRecord {
    const now = this.context.clock.now()
    const { resendInterval, codeLifetime } = this.context.config
    const previous = this.latest(target, [channel])
    if (previous && now - previous.createdAt < resendInterval * 1000) {
      throw errors.throttled(Math.ceil((previous.createdAt + resendInterval * 1000 - now) / 1000))
    }
    const record: VerificationCodeRecord = {
      id: objectId(now),
      ...target,
      channel,
      code: randomDigits(6),
      createdAt: now,
      expiresAt: now + codeLifetime * 1000,
      usedAt: null,
    }
    const codes = this.context.state.codes
    codes.push(record)
    if (codes.length > RETAINED_CODES) codes.splice(0, codes.length - RETAINED_CODES)
    return record
  }

  /**
   * Checks a code against the latest one sent to the target on one of the channels, without consuming it
   * (call {@link consume} once the whole operation succeeded). Wrong, superseded or used → 2001; expired → 2300.
   */
  check(target: CodeTarget, channels: string[], code: string): VerificationCodeRecord {
    const latest = this.latest(target, channels)
    if (!latest || latest.usedAt !== null || latest.code !== code.trim()) throw errors.wrongCode()
    if (this.context.clock.now() >= latest.expiresAt) throw errors.codeExpired()
    return latest
  }

  consume(record: VerificationCodeRecord): void {
    record.usedAt = this.context.clock.now()
  }

  list(filter: { target?: string; channel?: string } = {}): VerificationCodeInfo[] {
    const target = filter.target?.trim().toLowerCase()
    return this.context.state.codes
      .filter((record) => !target || record.target.toLowerCase() === target || `${record.phoneCountryCode}${record.target}` === target)
      .filter((record) => !filter.channel || record.channel === filter.channel)
      .map((record) => this.info(record))
      .reverse()
  }

  private latest(target: CodeTarget, channels: string[]): VerificationCodeRecord | undefined {
    const codes = this.context.state.codes
    for (let i = codes.length - 1; i >= 0; i--) {
      const record = codes[i]
      if (record && sameTarget(record, target) && channels.includes(record.channel)) return record
    }
    return undefined
  }

  private info(record: VerificationCodeRecord): VerificationCodeInfo {
    const { clock } = this.context
    const remaining = Math.max(0, Math.ceil((record.expiresAt - clock.now()) / 1000))
    return {
      id: record.id,
      kind: record.kind,
      userPoolId: record.userPoolId,
      target: record.target,
      phoneCountryCode: record.phoneCountryCode,
      channel: record.channel,
      code: record.code,
      createdAt: clock.iso(record.createdAt),
      expiresAt: clock.iso(record.expiresAt),
      remainingSeconds: record.usedAt === null ? remaining : 0,
      used: record.usedAt !== null,
      expired: remaining === 0,
    }
  }
}
