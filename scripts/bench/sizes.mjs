// Bundle sizes from the real build output: each published package as shipped, and what a user's bundler ships for
// one import (core + adapter, the encryption plugins). Minified with esbuild, gzipped with node:zlib at level 9, as
// size-limit does, so the figures line up with the budgets in .size-limit.cjs. (size-limit bundles an IIFE around
// `console.log(X)` and subtracts an estimate of that wrapper; here the entry is `export { X } from '<package>'` as
// ESM, so its figures differ from `pnpm size` by a few dozen bytes.)
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build, transform } from 'esbuild'

/**
 * The imports a mini program makes, with the targets of issue #8 and the official 5.x figures it gives for the same
 * import (min+gzip, as shipped / re-minified).
 */
export const BUNDLES = [
  { name: 'core', dir: 'core', import: '{ Authing }' },
  { name: 'core + wx', dir: 'wx', import: '{ Authing }', target: '3.0 KB', official: { shipped: '6.1 KB', reminified: '6.4 KB' } },
  { name: 'core + tt', dir: 'tt', import: '{ Authing }', target: '3.0 KB' },
  { name: 'core + taro', dir: 'taro', import: '{ Authing }', target: '3.2 KB' },
  { name: 'core + uniapp', dir: 'uniapp', import: '{ Authing }', target: '3.2 KB' },
  {
    name: 'RSA plugin',
    dir: 'jsencrypt',
    import: '{ encryptFunction }',
    target: '19 KB',
    official: { shipped: '36.4 KB', reminified: '18.3 KB' },
  },
  {
    name: 'SM2 plugin',
    dir: 'sm2encrypt',
    import: '{ encryptFunction }',
    target: '12 KB',
    official: { shipped: '19.3 KB', reminified: '11.4 KB' },
  },
]

const gzipped = (text) => gzipSync(text, { level: 9 }).length
const bytes = (text) => Buffer.byteLength(text)
// Resolve packages through node_modules to their dist files: the tsconfig paths of the repository point at sources.
const NO_TSCONFIG = '{}'

function readPackages(root) {
  return readdirSync(join(root, 'packages'))
    .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) }))
    .filter(({ pkg }) => !pkg.private)
}

/** size-limit's units (bytes-iec): kB = 1000 B, KiB = 1024 B. */
function parseLimit(limit) {
  const match = /^([\d.]+)\s*(B|kB|KB|KiB|MB|MiB)?$/.exec(String(limit).trim())
  if (!match) return null
  const unit = { B: 1, kB: 1e3, KB: 1e3, KiB: 1024, MB: 1e6, MiB: 1024 ** 2 }[match[2] || 'B']
  return Math.round(parseFloat(match[1]) * unit)
}

/** The budgets of .size-limit.cjs, by package directory and import. */
function readBudgets(root) {
  const entries = createRequire(import.meta.url)(join(root, '.size-limit.cjs'))
  return entries.map((entry) => ({
    name: entry.name,
    dir: /packages\/([^/]+)\//.exec(entry.path)?.[1],
    import: entry.import,
    limit: entry.limit,
  }))
}

/**
 * A dist file as shipped: the file and the local chunks it loads (bare imports are other packages), each minified
 * in its own format.
 */
async function measureFile(root, file) {
  const { metafile } = await build({
    entryPoints: [file],
    bundle: true,
    packages: 'external',
    platform: 'node',
    write: false,
    metafile: true,
    absWorkingDir: root,
    logLevel: 'silent',
    tsconfigRaw: NO_TSCONFIG,
  })
  const sources = Object.keys(metafile.inputs).map((input) => readFileSync(join(root, input), 'utf8'))
  const minified = await Promise.all(sources.map((code) => transform(code, { minify: true, legalComments: 'inline' }).then((r) => r.code)))
  const sum = (texts) => texts.reduce((total, text) => total + bytes(text), 0)
  return { file: relative(root, file), files: sources.length, raw: sum(sources), min: sum(minified), gzip: gzipped(minified.join('\n')) }
}

/** What a bundler ships for `import { X } from '<package>'`: ESM entry, tree-shaken, peer dependencies left out. */
async function measureImport(root, spec, packages, budgets) {
  const { pkg } = packages.find((p) => p.dir == spec.dir)
  const external = packages.flatMap((p) => Object.keys(p.pkg.peerDependencies || {}))
  const bundle = (minify) =>
    build({
      stdin: { contents: `export ${spec.import} from ${JSON.stringify(pkg.name)}`, resolveDir: root },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      external,
      minify,
      write: false,
      logLevel: 'silent',
      tsconfigRaw: NO_TSCONFIG,
    }).then((result) => result.outputFiles[0].text)
  const [raw, minified] = await Promise.all([bundle(false), bundle(true)])
  const gzip = gzipped(minified)
  const budget = budgets.find((b) => b.dir == spec.dir && b.import == spec.import)
  const limit = (text, extra) => text && { limit: text, bytes: parseLimit(text), within: gzip <= parseLimit(text), ...extra }
  return {
    name: spec.name,
    import: `import ${spec.import} from '${pkg.name}'`,
    raw: bytes(raw),
    min: bytes(minified),
    gzip,
    budget: (budget && limit(budget.limit, { entry: budget.name })) || null,
    target: limit(spec.target) || null,
    official: spec.official || null,
  }
}

/** Every published package's dist files, and the bundles of {@link BUNDLES}, against .size-limit.cjs. */
export async function measureSizes(root) {
  const packages = readPackages(root)
  const budgets = readBudgets(root)
  const files = []
  for (const { dir, pkg } of packages) {
    for (const name of ['index.mjs', 'index.js']) {
      files.push({ package: pkg.name, ...(await measureFile(root, join(root, 'packages', dir, 'dist', name))) })
    }
  }
  const bundles = await Promise.all(BUNDLES.map((bundle) => measureImport(root, bundle, packages, budgets)))
  return { files, bundles }
}
