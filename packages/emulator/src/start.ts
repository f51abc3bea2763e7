// Starting and stopping an emulator in-process (tests, scripts, the CLI).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { createEmulatorClient, type EmulatorClient } from './client'
import { generateKeys, sharedKeys } from './crypto/keys'
import { Emulator } from './emulator'
import type { EmulatorOptions } from './options'
import { buildServer } from './server'
import { accessRules } from './server/access'

/** A listening emulator. */
export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:53211` — the `host` option of the SDK. */
  url: string
  /** The port it listens on (the one picked by the OS when started with port 0). */
  port: number
  /** Typed control-plane client for this emulator (it sends the control token, if any). */
  client: EmulatorClient
  /** The token the control plane requires: generated when listening off loopback, or the `controlToken` option. */
  controlToken: string | undefined
  /** Writes the `data` file now (also done by `close()`). No-op without a data file. */
  save(): void
  /** Saves the `data` file (if any) and stops listening. Safe to call more than once. */
  close(): Promise<void>
}

/** `0.0.0.0` / `::` listen everywhere, but a URL needs a concrete host. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1'
  return host.includes(':') ? `[${host}]` : host
}

function loadData(emu: Emulator, path: string): void {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new Error(`Cannot read the emulator data file ${path}: ${(error as Error).message}`)
  }
  try {
    emu.importState(parsed)
  } catch (error) {
    throw new Error(`The emulator data file ${path} is not a valid export: ${(error as Error).message}`)
  }
}

/**
 * Starts an Authing-compatible emulator. With no options it listens on a free port of 127.0.0.1, prints one line
 * per request, and holds the demo app, user pool, WeChat connection and demo user (see `DEMO`, `DEMO_USER`).
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const emu = new Emulator(options, await (options.freshKeys ? generateKeys() : sharedKeys()))
  await emu.reset()
  if (options.data && existsSync(options.data)) loadData(emu, options.data)

  const rules = accessRules(options)
  const server = buildServer(emu, rules)
  const host = options.host ?? '127.0.0.1'
  await server.listen({ port: options.port ?? 0, host })
  const port = (server.server.address() as AddressInfo).port
  emu.url = `http://${urlHost(host)}:${port}`

  const save = () => {
    if (!options.data) return
    const temporary = `${options.data}.tmp`
    writeFileSync(temporary, `${JSON.stringify(emu.exportState(), null, 2)}\n`)
    renameSync(temporary, options.data)
  }
  let closing: Promise<void> | undefined
  return {
    url: emu.url,
    port,
    client: createEmulatorClient(emu.url, { token: rules.controlToken }),
    controlToken: rules.controlToken,
    save,
    close() {
      closing ??= (async () => {
        save()
        await server.close()
      })()
      return closing
    },
  }
}
