// `pnpm test:stress`: the whole jest suite three times in a row while two other processes keep the CPU busy, to show
// that no test depends on the machine's speed (CI runs on shared machines). Builds first (some tests load the built
// packages). The CPU burners are stopped in every case: success, failure, Ctrl-C. Exits non-zero if any run failed.
//
//   pnpm test:stress              # 3 runs of the whole suite
//   pnpm test:stress -- <paths>   # 3 runs of some test files (jest arguments)
import { spawn, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(fileURLToPath(import.meta.url), '..', '..')
const RUNS = 3
const BURNERS = 2
const jestArgs = process.argv.slice(2).filter((arg) => arg != '--')

const build = spawnSync('pnpm', ['build'], { cwd: ROOT, stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

// A burner is a Node process spinning on one core until it is killed.
const burners = Array.from({ length: BURNERS }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }))
function stopBurners() {
  for (const burner of burners) if (burner.exitCode === null && burner.signalCode === null) burner.kill('SIGKILL')
}
process.on('exit', stopBurners)
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopBurners()
    process.exit(130)
  })
}

function runJest(run) {
  return new Promise((resolve) => {
    const started = Date.now()
    console.log(`\n=== stress run ${run} of ${RUNS}, with ${BURNERS} CPU burners ===`)
    const jest = spawn(join(ROOT, 'node_modules', '.bin', 'jest'), ['--ci', ...jestArgs], { cwd: ROOT, stdio: 'inherit' })
    jest.on('exit', (code, signal) =>
      resolve({ run, passed: code === 0, code: code ?? signal, seconds: Math.round((Date.now() - started) / 1000) }),
    )
  })
}

const results = []
try {
  for (let run = 1; run <= RUNS; run++) results.push(await runJest(run))
} finally {
  stopBurners()
}
console.log('\nstress results:')
for (const { run, passed, code, seconds } of results)
  console.log(`  run ${run}: ${passed ? 'passed' : `FAILED (exit ${code})`} in ${seconds} s`)
const failed = results.filter((result) => !result.passed).length
console.log(failed ? `${failed} of ${RUNS} runs failed` : `all ${RUNS} runs passed under load`)
process.exit(failed ? 1 : 0)
