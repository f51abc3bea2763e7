// `pnpm emulator`: builds what is stale, then runs the `authing-emulator` command in this very process (no extra
// node in between), so that stopping the command stops the server.
//
//   pnpm emulator [--port 3000] [--host 127.0.0.1] …      (options: pnpm emulator --help)
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { buildIfStale } from './build-if-stale.mjs'

buildIfStale()

/** Matches the launchers between a typed command and this process: npx / npm exec, pnpm, and their `sh -c`. */
const LAUNCHER = /^(\S*\/)?(sh|dash|bash) -c |^(\S*\/)?(node|npm|npx|pnpm)( |$)|^npm exec /

/** The pids of the launchers above this process, nearest first ([] where `ps` is missing, e.g. on Windows). */
function launchers() {
  const pids = []
  try {
    for (let pid = process.ppid; pid > 1;) {
      const [, parent, command] = /^\s*(\d+)\s+(.*)$/.exec(
        execFileSync('ps', ['-o', 'ppid=,args=', '-p', String(pid)], { encoding: 'utf8' }).trim(),
      )
      if (!LAUNCHER.test(command)) break
      pids.push(pid)
      pid = Number(parent)
    }
  } catch {
    // no `ps`: Ctrl-C still reaches the whole console group
  }
  return pids
}

const alive = (pid) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error.code === 'EPERM'
  }
}

// pnpm (and npx before it) run a script through `sh -c`; killing them leaves their children behind, and this process
// would keep the port. So when a launcher of this command goes away, stop as on SIGTERM (which also saves --data).
// The user's own shell or script is not watched: a detached `pnpm emulator &` outlives it.
const starters = launchers()
const watch = setInterval(() => {
  if (starters.every(alive)) return
  clearInterval(watch)
  process.kill(process.pid, 'SIGTERM')
}, 500)
watch.unref()

createRequire(import.meta.url)('../packages/emulator/bin/authing-emulator.js')
