// Fails when anything the lockfile installs, or any package we publish, declares an `engines.node` that excludes the
// Node.js line we promise (package.json "engines": Node 20). npm only warns (EBADENGINE) on such a package, and it
// may then break at run time, so CI refuses it here.
//
//   node scripts/check-engines.mjs
import { readdirSync, readFileSync } from 'node:fs'
import semver from 'semver'

const PROMISED = '>=20 <21' // every Node 20 release: the oldest line our package.json files accept

/** `name@version` → engines.node of every package in pnpm-lock.yaml's `packages:` section. */
function lockedEngines() {
  const lines = readFileSync('pnpm-lock.yaml', 'utf8').split('\n')
  const engines = new Map()
  let section = ''
  let current = ''
  for (const line of lines) {
    if (/^\S/.test(line)) section = line.trim()
    if (section !== 'packages:') continue
    const entry = /^ {2}'?([^\s'][^']*?)'?:\s*$/.exec(line)
    if (entry) current = entry[1]
    const node = /^ {4}engines: \{.*?\bnode: '?([^',}]+)'?/.exec(line)
    if (node && current) engines.set(current, node[1].trim())
  }
  return engines
}

/** engines.node of every package of this workspace that is published. */
function workspaceEngines() {
  const engines = new Map()
  for (const dir of readdirSync('packages')) {
    const pkg = JSON.parse(readFileSync(`packages/${dir}/package.json`, 'utf8'))
    if (!pkg.private && pkg.engines?.node) engines.set(`${pkg.name} (packages/${dir})`, pkg.engines.node)
  }
  return engines
}

const problems = []
const all = [...lockedEngines(), ...workspaceEngines()]
for (const [name, range] of all) {
  if (!semver.validRange(range)) problems.push(`${name}: engines.node "${range}" is not a version range`)
  else if (!semver.intersects(range, PROMISED)) problems.push(`${name}: engines.node "${range}" excludes Node 20`)
}
if (problems.length) {
  console.error(`${problems.length} package(s) ask for a Node.js other than 20:\n  ${problems.join('\n  ')}`)
  console.error('Pin a major that supports Node 20, or add a pnpm override in pnpm-workspace.yaml (see the cookie one).')
  process.exit(1)
}
console.log(`engines: all ${all.length} installed and published packages accept Node 20`)
