// `pnpm test:mutation`: mutation testing of the core with StrykerJS (stryker.config.mjs), then a summary in
// reports/mutation/summary.json: the score, the counts, every surviving mutant, and the hash of the sources measured
// (scripts/check-mutation-report.mjs fails CI when the sources changed since).
//
// Only the example-based tests of the core run (see scripts/mutation/jest.config.cjs); each mutant runs only the
// tests that cover it.
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { ROOT, sourceHash } from './source-hash.mjs'

const REPORT = join(ROOT, 'reports', 'mutation')
const hashBefore = sourceHash()
const stryker = spawnSync(join(ROOT, 'node_modules', '.bin', 'stryker'), ['run', 'stryker.config.mjs', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
})
if (stryker.status !== 0) process.exit(stryker.status ?? 1)
if (sourceHash() !== hashBefore) {
  console.error('packages/core/src changed during the run: the report is not written')
  process.exit(1)
}

const report = JSON.parse(readFileSync(join(REPORT, 'mutation.json'), 'utf8'))
const counts = {}
const survivors = []
for (const [file, { mutants }] of Object.entries(report.files)) {
  for (const mutant of mutants) {
    counts[mutant.status] = (counts[mutant.status] || 0) + 1
    if (mutant.status == 'Survived' || mutant.status == 'NoCoverage') {
      const { line, column } = mutant.location.start
      survivors.push({
        status: mutant.status,
        where: `${relative(ROOT, join(ROOT, file)).split('\\').join('/')}:${line}:${column}`,
        mutator: mutant.mutatorName,
        replacement: mutant.replacement,
      })
    }
  }
}
const detected = (counts.Killed || 0) + (counts.Timeout || 0)
const valid = detected + (counts.Survived || 0) + (counts.NoCoverage || 0)
const summary = {
  sourceHash: hashBefore,
  measuredAt: new Date().toISOString(),
  // the files mutated (all of packages/core/src but type-only files, unless --mutate named fewer)
  files: Object.keys(report.files).map((file) => relative(ROOT, join(ROOT, file)).split('\\').join('/')),
  score: Math.round((detected / valid) * 10000) / 100,
  counts,
  survivors,
}
writeFileSync(join(REPORT, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`)
console.log(
  `mutation score ${summary.score} % (${detected} of ${valid} detected); ${survivors.length} survivors in reports/mutation/summary.json`,
)
