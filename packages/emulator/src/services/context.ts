// What a domain service may read: the emulator's clock, runtime config, state, keys and URL — not the whole emulator,
// so services import nothing that imports them. Reset and import replace the state, config and keys: services read
// them through the context on every call and never keep a copy.
import type { Clock } from '../clock'
import type { KeyMaterial } from '../crypto/keys'
import type { State } from '../state'
import type { EmulatorConfig } from '../types'

export interface ServiceContext {
  readonly clock: Clock
  readonly config: EmulatorConfig
  readonly state: State
  readonly keys: KeyMaterial
  /** Base URL once listening, e.g. `http://127.0.0.1:3000` (also the JWT issuer prefix). */
  readonly url: string
}
