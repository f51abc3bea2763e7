// One emulator instance: its state, clock, keys, config and the services that act on them. Routes and the control
// plane receive this object; the services receive it only as their small context (clock, config, state, keys, url).
import { Clock } from './clock'
import { keysFrom, type KeyMaterial } from './crypto/keys'
import { ApiError } from './errors'
import { initialConfig, type EmulatorOptions } from './options'
import { Faults } from './server/faults'
import { RequestLog } from './server/request-log'
import { ActionTokens } from './services/action-tokens'
import { VerificationCodes } from './services/codes'
import type { ServiceContext } from './services/context'
import { Tokens } from './services/tokens'
import { Douyin } from './services/douyin'
import { Wechat } from './services/wechat'
import { assertSnapshot, emptyState, snapshotOf, stateFrom, type State, type StateSnapshot } from './state'
import { seededState } from './state/seed'
import type { EmulatorConfig } from './types'

export class Emulator implements ServiceContext {
  readonly clock: Clock
  readonly requestLog: RequestLog
  /** Prints one line through the configured logger (no-op when logging is off). */
  readonly print: (line: string) => void
  readonly faults = new Faults()
  readonly tokens = new Tokens(this)
  readonly wechat = new Wechat(this)
  readonly douyin = new Douyin(this)
  readonly codes = new VerificationCodes(this)
  readonly actionTokens = new ActionTokens(this)
  config: EmulatorConfig
  state: State = emptyState()
  /** Base URL once listening, e.g. `http://127.0.0.1:3000` (also the JWT issuer prefix). */
  url = ''

  constructor(
    private readonly options: EmulatorOptions,
    public keys: KeyMaterial,
  ) {
    this.clock = new Clock(options.clock ?? 0)
    this.config = initialConfig(options)
    const logger = options.logger === undefined ? (line: string) => process.stdout.write(`${line}\n`) : options.logger
    this.print = logger || (() => undefined)
    this.requestLog = new RequestLog(this.clock, logger || undefined, options.requestLogSize)
  }

  /** Back to the start: seeded data, initial config and clock, no faults. Keys and the request log are kept. */
  async reset(): Promise<void> {
    this.config = initialConfig(this.options)
    this.clock.setOffset(this.options.clock ?? 0)
    this.faults.clear()
    this.state = await seededState(this.options.seed ?? {}, this.clock.iso())
  }

  exportState(): StateSnapshot {
    return snapshotOf(this.state, {
      exportedAt: this.clock.iso(),
      clockOffsetMs: this.clock.offset,
      config: { ...this.config },
      keys: this.keys.exported,
    })
  }

  /** Replaces all state (and config, clock offset and keys, when present) with an export. */
  importState(snapshot: unknown): void {
    assertSnapshot(snapshot)
    const state = stateFrom(snapshot)
    if (snapshot.keys) {
      try {
        this.keys = keysFrom(snapshot.keys)
      } catch {
        throw new ApiError(400, 'state.keys could not be read (expected PEM private keys and SM2 hex keys)')
      }
    }
    this.state = state
    this.config = { ...initialConfig(this.options), ...snapshot.config }
    if (typeof snapshot.clockOffsetMs === 'number') this.clock.setOffset(snapshot.clockOffsetMs)
  }
}
