// Short-lived single-use tokens that carry a verified intent from one request to the next: the update-email,
// update-phone and delete-account flows (verify request → token → perform).
import { errors } from '../errors'
import { opaqueToken } from '../ids'
import type { ActionPurpose, ActionTokenRecord } from '../state'
import type { ServiceContext } from './context'

type Payload = Pick<ActionTokenRecord, 'email' | 'phone' | 'phoneCountryCode'>

export class ActionTokens {
  constructor(private readonly context: ServiceContext) {}

  issue(purpose: ActionPurpose, userId: string, payload: Partial<Payload> = {}): { token: string; expiresIn: number } {
    const now = this.context.clock.now()
    const expiresIn = this.context.config.actionTokenLifetime
    const token = opaqueToken(24)
    this.context.state.actionTokens.set(token, {
      token,
      purpose,
      userId,
      email: payload.email ?? null,
      phone: payload.phone ?? null,
      phoneCountryCode: payload.phoneCountryCode ?? null,
      createdAt: now,
      expiresAt: now + expiresIn * 1000,
      usedAt: null,
    })
    return { token, expiresIn }
  }

  /** Consumes a token of the given purpose issued to this user; `field` names the token in error messages. */
  redeem(purpose: ActionPurpose, token: string, userId: string, field: string): ActionTokenRecord {
    const record = this.context.state.actionTokens.get(token)
    if (!record || record.purpose !== purpose || record.usedAt !== null) {
      throw errors.badRequest(`${field} is invalid or has already been used`)
    }
    if (record.userId !== userId) throw errors.forbidden(`${field} was issued to another user`)
    if (this.context.clock.now() >= record.expiresAt) throw errors.badRequest(`${field} has expired; request a new one`)
    record.usedAt = this.context.clock.now()
    return record
  }
}
