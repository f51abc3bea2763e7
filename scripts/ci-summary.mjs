// Prints CI's closing line "N passed, N failed" from jest's JSON results (the README's test command, the real
// framework builds) plus the recorded non-jest steps, and exits non-zero when anything failed or a jest run produced
// no result at all.
// Usage: node scripts/ci-summary.mjs <jest result .json>... <steps .txt>
import { existsSync, readFileSync } from 'node:fs'

const files = process.argv.slice(2)
let passed = 0
let failed = 0

for (const jestFile of files.filter((file) => file.endsWith('.json'))) {
  if (!existsSync(jestFile)) {
    console.log(`${jestFile}: jest produced no result (a build or type-check failed before it ran)`)
    failed += 1
    continue
  }
  const jest = JSON.parse(readFileSync(jestFile, 'utf8'))
  passed += jest.numPassedTests
  failed += jest.numFailedTests
  // A test file that fails to load has no test results of its own: count it as a failure.
  failed += jest.numRuntimeErrorTestSuites
  for (const suite of jest.testResults) {
    if (suite.status == 'failed' && suite.assertionResults.length == 0) console.log(`failed to run: ${suite.name}\n${suite.message}`)
    for (const test of suite.assertionResults) if (test.status == 'failed') console.log(`failed: ${test.fullName}`)
  }
}

for (const stepsFile of files.filter((file) => !file.endsWith('.json') && existsSync(file))) {
  for (const line of readFileSync(stepsFile, 'utf8').split('\n').filter(Boolean)) {
    const [outcome, ...name] = line.split(' ')
    if (outcome == 'pass') passed++
    else {
      failed++
      console.log(`failed step: ${name.join(' ')}`)
    }
  }
}

console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
