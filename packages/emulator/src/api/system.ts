// GET /api/v3/system — the public keys for password encryption (a bare object, not an envelope).
import type { Emulator } from '../emulator'
import type { TypedServer } from '../schema'
import { EMULATOR_VERSION } from '../version'

export function systemRoutes(app: TypedServer, emu: Emulator): void {
  app.get('/api/v3/system', async () => ({
    rsa: { publicKey: emu.keys.rsaPublicKeyPem },
    sm2: { publicKey: emu.keys.sm2PublicKey },
    version: { server: `emulator-${EMULATOR_VERSION}`, console: `emulator-${EMULATOR_VERSION}`, login: `emulator-${EMULATOR_VERSION}` },
    publicIps: ['127.0.0.1'],
  }))
}
