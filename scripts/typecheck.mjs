// Type-checks every package's sources (each with its own lib: ES2017 for mini program code) and all tests.
import { execFile } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { promisify } from 'node:util'

const run = promisify(execFile)
const tsconfigsIn = (folder) => (existsSync(folder) ? readdirSync(folder).map((dir) => `${folder}/${dir}/tsconfig.json`) : [])
const projects = [
  ...tsconfigsIn('packages'),
  ...tsconfigsIn('examples'),
  // The official reference's code samples, against the published .d.ts (so `pnpm build` runs first).
  ...tsconfigsIn('scripts/seed-samples'),
  // The emulator dashboard's browser modules (plain JavaScript, checked with JSDoc types).
  'packages/emulator/ui/tsconfig.json',
  'tsconfig.test.json',
].filter((path) => existsSync(path))

// Two at a time: the machine has two cores.
let failed = false
const queue = [...projects]
async function worker() {
  for (let project = queue.shift(); project; project = queue.shift()) {
    try {
      await run('npx', ['tsc', '--noEmit', '-p', project])
    } catch (error) {
      failed = true
      process.stdout.write(`tsc -p ${project}\n${error.stdout}${error.stderr}\n`)
    }
  }
}
await Promise.all([worker(), worker()])
if (failed) process.exit(1)
console.log(`typecheck: ${projects.length} projects clean`)
