// Prints CI's closing line "N passed, N failed" from jest's JSON result plus the recorded non-jest steps,
// and exits non-zero when anything failed or jest produced no result at all.
import { existsSync, readFileSync } from 'node:fs'

const [jestFile, stepsFile] = process.argv.slice(2)
let passed = 0
let failed = 0

if (jestFile && existsSync(jestFile)) {
  const jest = JSON.parse(readFileSync(jestFile, 'utf8'))
  passed += jest.numPassedTests
  failed += jest.numFailedTests
  // A test file that fails to load has no test results of its own: count it as a failure.
  failed += jest.numRuntimeErrorTestSuites
  for (const suite of jest.testResults) {
    if (suite.status == 'failed' && suite.assertionResults.length == 0) console.log(`failed to run: ${suite.name}\n${suite.message}`)
    for (const test of suite.assertionResults) if (test.status == 'failed') console.log(`failed: ${test.fullName}`)
  }
} else {
  console.log('jest produced no result (the build or the type-check failed before it ran)')
  failed += 1
}

if (stepsFile && existsSync(stepsFile)) {
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
