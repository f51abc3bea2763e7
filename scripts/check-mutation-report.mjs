// CI: the committed mutation report (reports/mutation/summary.json, written by `pnpm test:mutation`) must have been
// measured on the core's current sources. Mutation testing takes too long for every CI run; this keeps its report
// from silently going stale.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT, sourceHash } from './mutation/source-hash.mjs'

const file = join(ROOT, 'reports', 'mutation', 'summary.json')
let summary
try {
  summary = JSON.parse(readFileSync(file, 'utf8'))
} catch (error) {
  console.error(`mutation report: cannot read ${file} (${error.message}); run pnpm test:mutation`)
  process.exit(1)
}
const current = sourceHash()
if (summary.sourceHash !== current) {
  console.error(
    `mutation report: measured on other sources of packages/core/src (${summary.sourceHash.slice(0, 12)}, now ${current.slice(0, 12)}); run pnpm test:mutation and commit reports/mutation`,
  )
  process.exit(1)
}
// The bar the core's tests are held to (reports/mutation/README.md lists the survivors that no test can kill).
const MINIMUM_SCORE = 95
if (!(summary.score >= MINIMUM_SCORE)) {
  console.error(`mutation report: score ${summary.score} % is below ${MINIMUM_SCORE} %; kill the survivors listed in ${file}`)
  process.exit(1)
}
console.log(`mutation report: current (score ${summary.score} %, ${summary.survivors.length} survivors)`)
