// `pnpm pack:local`: packs every published package into one folder of tarballs that can be installed before a
// release is on the registry. Each tarball's dependencies on the other packages point at the sibling tarballs (by
// absolute path), so installing one tarball brings the others it needs; the rest comes from the registry.
//
//   pnpm pack:local [--out <folder>]      (default: packed/ at the repository root)
//
// The tarballs refer to each other by absolute path: move the folder and run pack:local again.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { buildIfStale } from './build-if-stale.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const DEPENDENCY_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies']

/** Packs the published packages into `out`; returns { name → absolute tarball path }. */
export function packLocal(out) {
  buildIfStale()
  rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  const packages = readdirSync(join(root, 'packages'))
    .map((dir) => ({
      dir: join(root, 'packages', dir),
      pkg: JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')),
    }))
    .filter(({ pkg }) => !pkg.private)

  // pnpm pack replaces `workspace:` ranges with the packages' versions; the file names are npm's.
  const tarballs = {}
  for (const { dir, pkg } of packages) {
    execFileSync('pnpm', ['pack', '--pack-destination', out], { cwd: dir, stdio: 'ignore' })
    tarballs[pkg.name] = join(out, `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`)
  }

  // Then each tarball's dependencies on a sibling are pointed at the sibling's file.
  const work = mkdtempSync(join(tmpdir(), 'pack-local-'))
  for (const [name, tarball] of Object.entries(tarballs)) {
    const unpacked = join(work, name.replace('/', '+'))
    mkdirSync(unpacked)
    execFileSync('tar', ['-xzf', tarball, '-C', unpacked])
    const manifestPath = join(unpacked, 'package', 'package.json')
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
    for (const field of DEPENDENCY_FIELDS) {
      for (const dependency of Object.keys(manifest[field] ?? {})) {
        if (tarballs[dependency]) manifest[field][dependency] = `file:${tarballs[dependency]}`
      }
    }
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`)
    execFileSync('tar', ['-czf', tarball, '-C', unpacked, 'package'])
  }
  rmSync(work, { recursive: true, force: true })
  return tarballs
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: 'string', default: join(root, 'packed') } } })
  const out = resolve(values.out)
  const tarballs = packLocal(out)
  const file = (name) => tarballs[name]
  console.log(`Packed ${Object.keys(tarballs).length} packages into ${out}:`)
  for (const tarball of Object.values(tarballs)) console.log(`  ${tarball}`)
  console.log(`\nIn your project, for example:`)
  console.log(`  npm install ${file('@authing/miniapp-wx')}`)
  console.log(`  npm install --save-dev ${file('@authing/miniapp-testing')} ${file('@authing/miniapp-emulator')}`)
  console.log(`(or the same with \`pnpm add\`)`)
}
