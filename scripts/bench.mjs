// `pnpm bench`: the SDK's performance figures, from the built packages.
//
//   pnpm bench                           # builds, measures, prints, writes bench-results.json
//   pnpm bench -- --json out/bench.json  # the JSON elsewhere
//   node scripts/bench.mjs               # without the build (after `pnpm build`)
//
// 1. sizes of every published package and of what a bundler ships for one import, against .size-limit.cjs;
// 2. HTTP requests and platform calls per SDK operation, on the simulated wx against an in-process emulator;
// 3. password encryption time per call for each plugin;
// 4. wall time of a login → profile → logout session against the emulator on loopback.
// Then the size targets, met or not. `node scripts/size-table.mjs` turns the JSON into the README's size table.
// Timings depend on the machine; nothing here gates a test.
import { writeFileSync } from 'node:fs'
import { availableParallelism, cpus } from 'node:os'
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { startEmulator } from '@authing/miniapp-emulator'
import { kB, ms, table } from './bench/format.mjs'
import { measureOperations } from './bench/operations.mjs'
import { measureSizes } from './bench/sizes.mjs'
import { measureEncryption, measureSessions } from './bench/timings.mjs'

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((arg, i) => !(i == 0 && arg == '--')), // `pnpm bench -- --json x` on any pnpm
  options: { json: { type: 'string', default: 'bench-results.json' }, help: { type: 'boolean', short: 'h' } },
})
if (args.help) {
  console.log('usage: pnpm bench [-- --json <file>]   (default file: bench-results.json)')
  process.exit(0)
}

const root = fileURLToPath(new URL('..', import.meta.url))
const started = performance.now()

const sizes = await measureSizes(root)
const emulator = await startEmulator({ port: 0, logger: false })
let operations, encryption, sessions
try {
  operations = await measureOperations(emulator)
  encryption = await measureEncryption(emulator)
  sessions = await measureSessions(emulator)
} finally {
  await emulator.close()
}

const COUNT_NAMES = {
  platformCalls: 'platform call',
  requests: 'HTTP request',
  storage: 'storage call',
  refreshRequests: 'refresh request',
  successes: 'success',
}
/** `{ requests: 1, storage: 0 }` → "1 HTTP request, 0 storage calls". */
const describeCounts = (counts) =>
  Object.entries(counts)
    .map(([key, value]) => `${value} ${COUNT_NAMES[key] || key}${value == 1 ? '' : key == 'successes' ? 'es' : 's'}`)
    .join(', ')

/** The targets of issue #8, each with what was measured. */
function targets() {
  const fromSizes = sizes.bundles
    .filter((bundle) => bundle.target)
    .map((bundle) => ({
      target: `${bundle.name}: ≤ ${bundle.target.limit} min+gzip`,
      measured: kB(bundle.gzip),
      met: bundle.target.within,
      official: bundle.official ? `${bundle.official.shipped} shipped, ${bundle.official.reminified} re-minified` : '',
    }))
  const fromOperations = operations
    .filter((op) => op.target)
    .map((op) => ({
      target: `${op.name}: ${describeCounts(op.target.counts)}`,
      measured: describeCounts(Object.fromEntries(Object.keys(op.target.counts).map((key) => [key, op[key] ?? op.calls[key] ?? 0]))),
      met: op.target.met,
      official: op.official,
    }))
  return [...fromSizes, ...fromOperations]
}

const results = {
  date: new Date().toISOString(),
  node: process.version,
  machine: `${process.platform} ${process.arch}, ${availableParallelism()} × ${cpus()[0]?.model.trim()}`,
  sizes,
  operations,
  encryption,
  sessions,
  targets: targets(),
  durationMs: 0,
}
results.durationMs = Math.round(performance.now() - started)

function printSizes() {
  console.log('\nPACKAGES AS SHIPPED (dist file + local chunks; bytes; minified by esbuild, gzip level 9)\n')
  console.log(
    table(
      ['package', 'file', 'raw', 'min', 'min+gzip'],
      sizes.files.map((f, i) => [
        sizes.files[i - 1]?.package == f.package ? '' : f.package,
        f.file.replace(/^.*dist\//, 'dist/'),
        f.raw,
        f.min,
        f.gzip,
      ]),
    ),
  )
  console.log('\nWHAT A BUNDLER SHIPS FOR ONE IMPORT (ESM, tree-shaken, peer dependencies external; bytes, kB = 1000 B)')
  console.log('budget: .size-limit.cjs (`pnpm size` in CI); target and official 5.x figures: issue #8\n')
  const verdict = (bundle, limit) => (limit ? `${limit.limit} ${limit.within ? 'ok' : `OVER by ${bundle.gzip - limit.bytes} B`}` : '')
  console.log(
    table(
      ['bundle', 'import', 'raw', 'min', 'min+gzip', '', 'budget', 'target (#8)', 'official 5.x (shipped / re-min.)'],
      sizes.bundles.map((b) => [
        b.name,
        b.import.replace(/^import /, ''),
        b.raw,
        b.min,
        b.gzip,
        kB(b.gzip),
        verdict(b, b.budget),
        verdict(b, b.target),
        b.official ? `${b.official.shipped} / ${b.official.reminified}` : '',
      ]),
    ),
  )
}

/** `[['request', 2], ['setStorage', 1]]` → "2× request, setStorage". */
const tally = (entries) => entries.map(([name, count]) => (count > 1 ? `${count}× ${name}` : name)).join(', ')
function countBy(list) {
  const counts = new Map()
  for (const item of list) counts.set(item, (counts.get(item) || 0) + 1)
  return [...counts]
}

const operationName = (op) => (op.successes == null ? op.name : `${op.name} (${op.successes}/${op.attempts} ok)`)

function printOperations() {
  console.log('\nREQUESTS AND PLATFORM CALLS PER OPERATION (simulated wx, in-process emulator)')
  console.log(
    'design: the counts the session engine allows (docs/architecture.md §4); official: the 5.x SDK as recorded (docs/protocol.md §12)\n',
  )
  console.log(
    table(
      ['operation', 'HTTP', 'refresh', 'storage', 'all calls', 'design', 'official 5.x'],
      operations.map((op) => [
        operationName(op),
        op.requests,
        op.refreshRequests,
        op.storage,
        op.platformCalls,
        op.deviations.length ? `DIFFERS: ${op.deviations.join(', ')}` : 'ok',
        op.official,
      ]),
    ),
  )
  console.log('')
  console.log(
    table(
      ['operation', 'platform calls by API', 'HTTP requests sent'],
      operations.map((op) => [op.name, tally(Object.entries(op.calls)) || '—', tally(countBy(op.http)) || '—']),
    ),
  )
}

function printTimings() {
  console.log("\nPASSWORD ENCRYPTION PER CALL (injected crypto.getRandomValues, as the SDK passes the platform's)\n")
  console.log(
    table(
      ['plugin', 'calls', 'median', 'p95'],
      encryption.map((e) => [e.name, e.runs, ms(e.medianMs), ms(e.p95Ms)]),
    ),
  )
  console.log('\nSESSION WALL TIME (fresh simulated device each run, emulator on loopback)\n')
  console.log(
    table(
      ['session', 'runs', 'median', 'p95', 'min', 'max'],
      sessions.map((s) => [s.name, s.runs, ms(s.medianMs), ms(s.p95Ms), ms(s.minMs), ms(s.maxMs)]),
    ),
  )
}

function printTargets() {
  const met = results.targets.filter((t) => t.met).length
  console.log(`\nTARGETS OF ISSUE #8: ${met} of ${results.targets.length} met\n`)
  console.log(
    table(
      ['target', 'measured', '', 'official 5.x'],
      results.targets.map((t) => [t.target, t.measured, t.met ? 'met' : 'NOT MET', t.official]),
    ),
  )
}

console.log(`Authing mini program SDK bench — Node ${results.node}, ${results.machine}`)
printSizes()
printOperations()
printTimings()
printTargets()

const jsonPath = resolve(process.cwd(), args.json)
writeFileSync(jsonPath, JSON.stringify(results, null, 2) + '\n')
console.log(`\n${(results.durationMs / 1000).toFixed(1)} s; results written to ${jsonPath}`)
