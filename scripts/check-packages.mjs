// Checks what `pnpm publish` would ship, for every published package, on the tarball `pnpm pack` makes (so the
// workspace: ranges are rewritten as they will be on the registry):
//   - publint (package.json fields against the packed files; warnings fail, suggestions are printed);
//   - @arethetypeswrong/cli: types resolve for node10, node16 (CJS and ESM) and bundler consumers;
//   - contents: only package.json, README, CHANGELOG, LICENSE and files an entry point needs; no sources, tests or maps;
//   - every bare import of the built JavaScript and of the .d.ts files is a declared dependency or peerDependency
//     (Node built-ins allowed in the Node packages only), and relative imports resolve inside the tarball;
//   - mini program packages: es-check es2017 (with feature checks) on the .js (as scripts: CommonJS) and the .mjs
//     (as modules), and the CommonJS `main`; those a native WeChat app installs also what WeChat DevTools'
//     "构建 npm" needs: a `miniprogram` folder with a CommonJS index.js that requires no other module;
//   - `sideEffects: false` is true: loading the CommonJS build adds no global, touches no platform global (`wx`, `uni`…)
//     and leaves no timer, socket or server behind.
// Usage: node scripts/check-packages.mjs [package-dir-name…]   (run `pnpm build` first; `pnpm check:packages` does both)
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, posix } from 'node:path'
import { fileURLToPath } from 'node:url'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import ts from 'typescript'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)

/** Packages that run inside mini programs: ES2017 output, CommonJS `main` `dist/index.js`. */
const MINI_PROGRAM = new Set(['core', 'wx', 'tt', 'taro', 'uniapp', 'jsencrypt', 'sm2encrypt'])
/**
 * Packages a native WeChat or Douyin app installs, packed by the DevTools' "构建 npm": it copies the `miniprogram`
 * folder of each of the app's direct dependencies and nothing else (with pnpm's default layout, not their
 * dependencies), so nothing in that folder may require another package. (Taro and uni-app bundle their packages
 * themselves.)
 */
const WECHAT_NPM = new Set(['core', 'wx', 'tt', 'jsencrypt', 'sm2encrypt'])
/** Entry points attw does not check, with the reason. */
const ATTW_EXCLUDE = {
  // A jest `setupFiles` module (globals for loading @tarojs/taro in Node): it is run, never imported by typed code.
  testing: ['./taro-setup'],
}
/** Files a package reads at run time rather than imports (so no entry point reaches them), with the reason. */
const ASSETS = {
  emulator: /^ui\/(?!.*tsconfig)/, // the dashboard's static files, served at /__emulator/ui
}
/** Files every package may ship besides what its entry points need. */
const ALWAYS_ALLOWED = /^(package\.json|README(\.[\w-]+)?\.md|CHANGELOG\.md|LICENSE(\.\w+)?)$/i
/** Globals a mini program package must not touch when it is merely loaded. */
const PLATFORM_GLOBALS = ['wx', 'uni', 'tt', 'my', 'swan', 'qq', 'jd', 'ks', 'getApp', 'getCurrentPages']
const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]))

const only = process.argv.slice(2)
const dirs = readdirSync(join(root, 'packages')).filter((dir) => {
  const file = join(root, 'packages', dir, 'package.json')
  return existsSync(file) && !JSON.parse(readFileSync(file, 'utf8')).private && (only.length == 0 || only.includes(dir))
})
const work = mkdtempSync(join(tmpdir(), 'check-packages-'))
let failures = 0

for (const dir of dirs) {
  const problems = []
  const notes = []
  const packageDir = join(root, 'packages', dir)
  const source = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'))
  console.log(`\n${source.name}@${source.version}`)
  if (!existsSync(join(packageDir, 'dist'))) {
    console.log('  ✗ no dist/: run `pnpm build` first')
    failures++
    continue
  }

  // Pack exactly what `pnpm publish` would upload, and unpack it.
  const out = join(work, dir)
  const packed = run('pnpm', ['pack', '--json', '--pack-destination', out], { cwd: packageDir })
  if (packed.status != 0) {
    console.log(`  ✗ pnpm pack failed\n${packed.stdout}${packed.stderr}`)
    failures++
    continue
  }
  const tarball = JSON.parse(packed.stdout).filename
  run('tar', ['-xzf', tarball, '-C', out])
  const unpacked = join(out, 'package')
  const pkg = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'))
  const files = listFiles(unpacked)
  const node = !MINI_PROGRAM.has(dir)

  // publint
  const lint = await publint({ pack: { tarball: toArrayBuffer(readFileSync(tarball)) }, strict: true })
  for (const message of lint.messages) {
    // Mini program packages do not run on Node: a Node version range would say nothing true about them.
    if (message.code == 'USE_ENGINES_NODE' && !node) continue
    const text = `publint ${message.type}: ${formatMessage(message, lint.pkg, { color: false })}`
    if (message.type == 'suggestion') notes.push(text)
    else problems.push(text)
  }

  // @arethetypeswrong/cli (JSON goes to a file: attw exits before a piped stdout beyond 64 KB is flushed)
  const report = join(out, 'attw.json')
  const fd = openSync(report, 'w')
  const exclude = ATTW_EXCLUDE[dir] ?? []
  const attwArgs = [tarball, '--format', 'json', '--no-definitely-typed', ...(exclude.length ? ['--exclude-entrypoints', ...exclude] : [])]
  const attw = spawnSync(bin('attw'), attwArgs, { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' })
  closeSync(fd)
  let analysis
  try {
    analysis = JSON.parse(readFileSync(report, 'utf8')).analysis
  } catch {
    problems.push(`attw did not run: ${attw.stderr || readFileSync(report, 'utf8').slice(0, 500)}`)
  }
  if (analysis) {
    for (const problem of analysis.problems) {
      problems.push(`attw: ${problem.kind} for "${problem.entrypoint ?? ''}" (${problem.resolutionKind ?? problem.fileName ?? ''})`)
    }
    for (const [subpath, entry] of Object.entries(analysis.entrypoints)) {
      if (subpath.endsWith('package.json')) continue
      const resolved = Object.entries(entry.resolutions).map(([kind, r]) => {
        const file = r.resolution?.fileName?.replace(`/node_modules/${pkg.name}/`, '') ?? 'nothing'
        return `${kind} → ${file}`
      })
      notes.push(`types of "${subpath}": ${resolved.join(', ')}`)
    }
    if (exclude.length) notes.push(`attw skips ${exclude.join(', ')} (run as a jest setup file, not imported by typed code)`)
  }

  // Contents: what the entry points reach, plus the always-allowed files.
  const entries = entryFiles(pkg)
  for (const entry of entries) if (!files.has(entry)) problems.push(`entry point ${entry} is not in the tarball`)
  const reached = reachable(unpacked, files, entries, problems)
  for (const file of files) {
    if (ALWAYS_ALLOWED.test(file) || reached.has(file) || ASSETS[dir]?.test(file)) continue
    if (/\.(d\.ts|d\.mts|d\.cts)$/.test(file) && reached.has(file.replace(/\.d\.(m|c)?ts$/, '.js'))) continue
    problems.push(`ships ${file}, which no entry point needs (narrow "files")`)
  }
  for (const file of files) {
    if (/(^|\/)(src|test|tests|__tests__)\/|\.map$|\.tsbuildinfo$|(^|\/)tsconfig[\w.-]*\.json$/.test(file)) problems.push(`ships ${file}`)
  }
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [name, range] of Object.entries(pkg[field] ?? {})) {
      if (/^(workspace|link|file):/.test(range)) problems.push(`${field}.${name} is "${range}" in the tarball`)
    }
  }

  // Imports of the built files: declared dependencies only.
  const declared = new Set([pkg.name, ...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})])
  for (const file of files) {
    if (!/\.(m|c)?js$|\.d\.(m|c)?ts$/.test(file)) continue
    for (const specifier of importsOf(join(unpacked, file), file)) {
      if (specifier.startsWith('.')) continue
      const name = packageName(specifier)
      if (declared.has(name)) continue
      if (node && nodeBuiltins.has(specifier)) continue
      problems.push(`${file} imports "${specifier}", which is not a dependency or peerDependency of ${pkg.name}`)
    }
  }

  // Mini program packages: ES2017 syntax and WeChat DevTools' npm build.
  if (!node) {
    const scripts = [...files].filter((file) => file.endsWith('.js'))
    const modules = [...files].filter((file) => file.endsWith('.mjs'))
    for (const [list, extra] of [
      [scripts, []],
      [modules, ['--module']],
    ]) {
      if (list.length == 0) continue
      const check = run(bin('es-check'), ['es2017', ...extra, '--checkFeatures', '--noColor', ...list], { cwd: unpacked })
      if (check.status != 0) problems.push(`es-check es2017${extra.length ? ' --module' : ''} failed:\n${check.stdout}${check.stderr}`)
      else notes.push(`es-check es2017${extra.length ? ' --module' : ''}: ${list.join(', ')}`)
    }
    const main = posix.normalize(pkg.main ?? '')
    if (main != 'dist/index.js') problems.push(`"main" is ${JSON.stringify(pkg.main)}, not the CommonJS dist/index.js`)
    else if (!isCommonJs(join(unpacked, main))) problems.push(`${main} is not CommonJS`)
    if (WECHAT_NPM.has(dir) && typeof pkg.miniprogram != 'string') problems.push('no "miniprogram" folder for WeChat DevTools\' "构建 npm"')
    if (typeof pkg.miniprogram == 'string') problems.push(...checkMiniprogramFolder(unpacked, files, pkg.miniprogram, notes))
  }

  // sideEffects
  if (pkg.sideEffects === undefined) problems.push('no "sideEffects" field')
  if (pkg.sideEffects === false) {
    const load = loadsCleanly(packageDir, pkg, !node)
    if (load) problems.push(`"sideEffects": false, but loading dist/index.js ${load}`)
    else notes.push('sideEffects: false holds (loading it adds no global, touches no platform global, leaves nothing running)')
  }

  for (const note of notes) console.log(`  · ${note}`)
  for (const problem of problems) console.log(`  ✗ ${problem}`)
  const checked = [
    'publint',
    'attw',
    'contents',
    'imports',
    ...(node ? [] : ['es2017']),
    ...(pkg.miniprogram ? ['WeChat DevTools'] : []),
    'sideEffects',
  ]
  if (problems.length == 0) console.log(`  ✓ ${files.size} files; ${checked.join(', ')}: ok`)
  failures += problems.length
}

rmSync(work, { recursive: true, force: true })
console.log(failures ? `\ncheck-packages: ${failures} problem(s)` : `\ncheck-packages: ${dirs.length} packages ok`)
process.exit(failures ? 1 : 0)

/**
 * The folder WeChat DevTools' "构建 npm" copies to miniprogram_npm/ (entry index.js): CommonJS, and no file in it
 * requires a module outside it. Returns the problems; records what holds in `notes`.
 */
function checkMiniprogramFolder(unpacked, files, folder, notes) {
  const prefix = posix.normalize(folder).replace(/\/?$/, '/')
  const entry = `${prefix}index.js`
  if (!files.has(entry)) return [`"miniprogram" is ${JSON.stringify(folder)}, which holds no index.js`]
  if (!isCommonJs(join(unpacked, entry))) return [`${entry} ("miniprogram" entry) is not CommonJS`]
  const problems = []
  const scripts = [...files].filter((file) => file.startsWith(prefix) && file.endsWith('.js'))
  for (const file of scripts) {
    for (const specifier of importsOf(join(unpacked, file), file)) {
      if (!specifier.startsWith('.'))
        problems.push(`${file} (copied by WeChat DevTools' "构建 npm") requires "${specifier}"; it must require no module`)
    }
  }
  if (problems.length == 0)
    notes.push(`WeChat DevTools "构建 npm": copies ${prefix} to miniprogram_npm/, entry index.js (CommonJS), requires no module`)
  return problems
}

function isCommonJs(path) {
  return /\b(module\.)?exports\b/.test(readFileSync(path, 'utf8'))
}

function run(command, args, options = {}) {
  return spawnSync(command, args, { encoding: 'utf8', ...options, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } })
}

function toArrayBuffer(buffer) {
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength)
}

/** Every file under `dir`, as POSIX paths relative to it. */
function listFiles(dir, prefix = '') {
  const found = new Set()
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) for (const file of listFiles(dir, path)) found.add(file)
    else found.add(path)
  }
  return found
}

/** The files package.json points at: main, module, types, bin and every `exports` target. */
function entryFiles(pkg) {
  const targets = [pkg.main, pkg.module, pkg.types, pkg.typings]
  if (typeof pkg.miniprogram == 'string') targets.push(posix.join(pkg.miniprogram, 'index.js'))
  if (typeof pkg.bin == 'string') targets.push(pkg.bin)
  else targets.push(...Object.values(pkg.bin ?? {}))
  const walk = (value) => {
    if (typeof value == 'string') targets.push(value)
    else if (value && typeof value == 'object') Object.values(value).forEach(walk)
  }
  walk(pkg.exports)
  return new Set(targets.filter((target) => typeof target == 'string' && !target.includes('*')).map((target) => posix.normalize(target)))
}

/** The packed files reachable from `entries` through relative imports. */
function reachable(dir, files, entries, problems) {
  const seen = new Set()
  const queue = [...entries].filter((file) => files.has(file))
  while (queue.length) {
    const file = queue.shift()
    if (seen.has(file)) continue
    seen.add(file)
    if (!/\.(m|c)?js$|\.d\.(m|c)?ts$/.test(file)) continue
    for (const specifier of importsOf(join(dir, file), file)) {
      if (!specifier.startsWith('.')) continue
      const base = posix.normalize(posix.join(posix.dirname(file), specifier))
      const candidates = [
        base,
        `${base}.js`,
        `${base}.d.ts`,
        base.replace(/\.(m|c)?js$/, '.d.$1ts'),
        `${base}/index.js`,
        `${base}/index.d.ts`,
      ]
      const target = candidates.find((candidate) => files.has(candidate))
      if (target) queue.push(target)
      else problems.push(`${file} imports "${specifier}", which is not in the tarball`)
    }
  }
  return seen
}

/** Module specifiers a built file imports: static and dynamic imports, re-exports, require() and type references. */
function importsOf(path, name) {
  const text = readFileSync(path, 'utf8')
  const specifiers = new Set()
  if (/\.d\.(m|c)?ts$/.test(name)) {
    const info = ts.preProcessFile(text, true, true)
    for (const ref of [...info.importedFiles, ...info.typeReferenceDirectives]) specifiers.add(ref.fileName)
    for (const ref of info.referencedFiles) specifiers.add(ref.fileName.startsWith('.') ? ref.fileName : `./${ref.fileName}`)
    for (const module of info.ambientExternalModules ?? []) specifiers.add(module)
  } else {
    const patterns = [
      /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
      /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
      /(?:^|[\s;})])(?:import|export)\s*(?:[\w$*{}\s,]+\s*from\s*)?['"]([^'"]+)['"]/g,
    ]
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) specifiers.add(match[1])
  }
  return specifiers
}

function packageName(specifier) {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

/**
 * Loads the package's CommonJS build in a fresh Node process and reports what loading did, if anything: new globals,
 * reads of platform globals, uses of a peer dependency beyond taking it, or handles (timers, sockets) left open.
 * Peer dependencies are stubbed: @tarojs/taro cannot load outside a Taro build.
 */
function loadsCleanly(packageDir, pkg, miniProgram) {
  const probe = `
    const Module = require('node:module')
    const touched = []
    const platform = ${JSON.stringify(miniProgram ? PLATFORM_GLOBALS : [])}
    for (const name of platform) {
      Object.defineProperty(globalThis, name, { configurable: true, get() { touched.push(name); return undefined } })
    }
    const peers = ${JSON.stringify(Object.keys(pkg.peerDependencies ?? {}))}
    const load = Module._load
    Module._load = function (request, ...rest) {
      if (!peers.includes(request)) return load.call(this, request, ...rest)
      return new Proxy({}, { get(_, key) {
        if (typeof key == 'string' && key != '__esModule' && key != 'default' && key != 'then') touched.push(request + '.' + key)
        return undefined
      } })
    }
    const ignored = new Set(['TTYWrap', 'PipeWrap', 'FSReqCallback', 'CloseReq'])
    const open = () => process.getActiveResourcesInfo().filter((kind) => !ignored.has(kind))
    const before = new Set(Object.getOwnPropertyNames(globalThis))
    const handles = open().length
    require(${JSON.stringify(join(packageDir, pkg.main))})
    const added = Object.getOwnPropertyNames(globalThis).filter((name) => !before.has(name))
    const left = open()
    const found = []
    if (added.length) found.push('adds globals ' + added.join(', '))
    if (touched.length) found.push('reads ' + [...new Set(touched)].join(', '))
    if (left.length > handles) found.push('leaves ' + left.join(', ') + ' open')
    process.stdout.write(found.join('; '))
    process.exit(0)
  `
  const result = run(process.execPath, ['-e', probe], { cwd: packageDir })
  if (result.status != 0) return `throws: ${(result.stderr || result.stdout).split('\n').slice(0, 6).join('\n')}`
  return result.stdout.trim()
}
