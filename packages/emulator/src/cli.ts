#!/usr/bin/env node
// Entry point of the `authing-emulator` bin. Saves the --data file on Ctrl-C / SIGTERM.
import { runCommand } from './command'

const io = { print: (line: string) => process.stdout.write(`${line}\n`) }

runCommand(process.argv.slice(2), io).then(
  (running) => {
    if (!running) return
    let stopping = false
    const stop = (signal: string) => {
      if (stopping) return
      stopping = true
      io.print(`\n${signal}: stopping the emulator…`)
      running.close().then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`Failed to stop cleanly: ${(error as Error).message}\n`)
          process.exit(1)
        },
      )
    }
    process.on('SIGINT', () => stop('SIGINT'))
    process.on('SIGTERM', () => stop('SIGTERM'))
  },
  (error: unknown) => {
    const message =
      (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
        ? `The port is already in use; choose another with --port. (${(error as Error).message})`
        : (error as Error).message
    process.stderr.write(`authing-emulator: ${message}\n\n${'Run authing-emulator --help for the options.'}\n`)
    process.exit(1)
  },
)
