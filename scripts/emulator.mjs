// `pnpm emulator`: builds what is stale, then runs the `authing-emulator` command in this very process (no extra
// node in between), so that stopping the command stops the server.
//
//   pnpm emulator [--port 3000] [--host 127.0.0.1] …      (options: pnpm emulator --help)
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { buildIfStale } from './build-if-stale.mjs'

buildIfStale()

/** Matches the launchers between a typed command and this process: npx / npm exec, pnpm, and their `sh -c`. */
const LAUNCHER = /^(\S*\/)?(sh|dash|bash) -c |^(\S*\/)?(node|npm|npx|pnpm)( |$)|^npm exec /

/** The parent pid and command line of a process: from /proc on Linux, else from `ps` (macOS); null if unknown. */
function processInfo(pid) {
  try {
    if (existsSync('/proc/self/stat')) {
      // /proc/<pid>/stat: "pid (name) state ppid …"; the name may contain spaces, so read after its last ')'
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ')
      return { parent, command }
    }
    const [, parent, command] = /^\s*(\d+)\s+(.*)$/.exec(
      execFileSync('ps', ['-o', 'ppid=,args=', '-p', String(pid)], { encoding: 'utf8' }).trim(),
    )
    return { parent: Number(parent), command }
  } catch {
    return null // no /proc and no `ps` (Windows): Ctrl-C still reaches the whole console group
  }
}

/** The pids of the launchers above this process, nearest first. */
function launchers() {
  const pids = []
  for (let pid = process.ppid, info; pid > 1 && (info = processInfo(pid)) && LAUNCHER.test(info.command); pid = info.parent) {
    pids.push(pid)
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
