// Runs the page tests of packages/testing/README.md ("Test your own page") exactly as written, in a new folder,
// against the packages as a user installs them before a release: `pnpm pack:local`, then `npm install` of the
// tarballs. Each code block of that section whose first line is `// <file>` is written to that file, the JavaScript
// ones in one project and the TypeScript ones in another; then `tsc` checks the TypeScript project and jest runs in
// each.
//
//   node scripts/check-packed-example.mjs
//
// The tools (jest, @swc/jest, TypeScript and the type packages) are linked from this repository instead of
// downloaded: what is checked is our packages as packed, and the README's code.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { packLocal } from './pack-local.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const SECTION = '## Test your own page'

/** The files of the section's examples, by project: { js: { 'config.js': '…' }, ts: { … } }. */
function examples() {
  const readme = readFileSync(join(root, 'packages/testing/README.md'), 'utf8')
  const start = readme.indexOf(SECTION)
  if (start < 0) throw new Error(`packages/testing/README.md has no "${SECTION}" section`)
  const end = readme.indexOf('\n## ', start + SECTION.length)
  const section = readme.slice(start, end < 0 ? undefined : end)
  const projects = { js: {}, ts: {} }
  let project = null
  for (const part of section.split(/^### /m).slice(1)) {
    project = part.startsWith('JavaScript') ? projects.js : part.startsWith('TypeScript') ? projects.ts : null
    if (!project) continue
    for (const [, code] of part.matchAll(/```(?:js|ts|json)\n([\s\S]*?)```/g)) {
      const file = /^\/\/ (\S+\.(?:js|ts|json))\n/.exec(code)
      if (file) project[file[1]] = code
    }
  }
  for (const [name, files] of Object.entries(projects)) {
    if (!Object.keys(files).some((file) => file.includes('.test.'))) throw new Error(`the ${name} example has no test file`)
  }
  return projects
}

/** Links a package of this repository's install into the app (the real folder, so its own dependencies resolve). */
function linkTool(app, name) {
  const target = join(app, 'node_modules', name)
  mkdirSync(dirname(target), { recursive: true })
  if (!existsSync(target)) symlinkSync(realpathSync(join(root, 'node_modules', name)), target, 'dir')
}

const work = mkdtempSync(join(tmpdir(), 'packed-example-'))
try {
  const tarballs = packLocal(join(work, 'packed'))
  const app = join(work, 'app')
  mkdirSync(app)
  writeFileSync(join(app, 'package.json'), '{ "name": "my-mini-program", "private": true }\n')
  const install = [tarballs['@authing/miniapp-wx'], tarballs['@authing/miniapp-testing'], tarballs['@authing/miniapp-emulator']]
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...install], {
    cwd: app,
    stdio: 'inherit',
  })
  const tools = ['jest', '@swc/jest', '@swc/core', 'typescript', '@types/jest', '@types/node', 'miniprogram-api-typings']
  for (const tool of tools) linkTool(app, tool)

  let failed = false
  for (const [name, files] of Object.entries(examples())) {
    const project = join(app, name)
    for (const [file, code] of Object.entries(files)) {
      mkdirSync(dirname(join(project, file)), { recursive: true })
      writeFileSync(join(project, file), code)
    }
    if (existsSync(join(project, 'tsconfig.json'))) {
      try {
        execFileSync(process.execPath, [join(app, 'node_modules/typescript/bin/tsc'), '-p', project], { stdio: 'inherit' })
        console.log(`${name} example: tsc found no errors`)
      } catch {
        console.log(`${name} example: tsc found errors`)
        failed = true
      }
    }
    const results = join(work, `${name}.json`)
    try {
      execFileSync(process.execPath, [join(app, 'node_modules/jest/bin/jest.js'), '--ci', '--json', `--outputFile=${results}`], {
        cwd: project,
        stdio: ['ignore', 'ignore', 'inherit'],
      })
    } catch {
      failed = true
    }
    const { numPassedTests = 0, numFailedTests = 0 } = existsSync(results) ? JSON.parse(readFileSync(results, 'utf8')) : {}
    console.log(`${name} example: ${numPassedTests} passed, ${numFailedTests} failed`)
    if (numPassedTests == 0) failed = true
  }
  if (failed) process.exitCode = 1
} finally {
  rmSync(work, { recursive: true, force: true })
}
