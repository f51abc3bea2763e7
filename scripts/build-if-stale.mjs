// Builds the packages whose build is missing or older than their sources, and nothing else: `pnpm demo` and
// `pnpm emulator` start at once on an unchanged tree, and a clean clone still builds everything first.
//
//   node scripts/build-if-stale.mjs
//
// A package is stale when any file of its src/, its package.json or tsconfig.json, or a file every build reads
// (rollup.config.mjs, tsconfig.base.json, pnpm-lock.yaml) is newer than the oldest file of its dist/.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const SHARED_INPUTS = ['rollup.config.mjs', 'tsconfig.base.json', 'pnpm-lock.yaml']

/** Modification times (ms) of a file, or of every file under a directory. */
function times(path) {
  if (!existsSync(path)) return []
  const stat = statSync(path)
  if (!stat.isDirectory()) return [stat.mtimeMs]
  return readdirSync(path).flatMap((name) => times(join(path, name)))
}

/** The packages (directory names under packages/) whose build is missing or older than their sources. */
export function stalePackages() {
  const shared = Math.max(...SHARED_INPUTS.flatMap((file) => times(join(root, file))))
  return readdirSync(join(root, 'packages')).filter((dir) => {
    const pkg = join(root, 'packages', dir)
    if (!existsSync(join(pkg, 'src'))) return false
    const built = times(join(pkg, 'dist'))
    if (built.length == 0) return true
    const newestSource = Math.max(shared, ...['src', 'package.json', 'tsconfig.json'].flatMap((input) => times(join(pkg, input))))
    return newestSource > Math.min(...built)
  })
}

/** Builds the stale packages with the repository's rollup config; exits the process if the build fails. */
export function buildIfStale() {
  const stale = stalePackages()
  if (stale.length == 0) return
  console.log(`Building ${stale.join(', ')} (sources newer than the build)…`)
  const rollup = join(root, 'node_modules', '.bin', 'rollup')
  const build = spawnSync(rollup, ['-c', '--silent'], { cwd: root, stdio: 'inherit', env: { ...process.env, PKG: stale.join(',') } })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildIfStale()
