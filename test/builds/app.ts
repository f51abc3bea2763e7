// Prepares an example app for a real build as a user has it: the example's own sources and locked toolchain, with the
// SDK's packages installed from the tarballs `pnpm pack` makes (what the registry would serve), in the layout of
// npm (`hoisted`: every package at the top of node_modules) or of pnpm (`isolated`, its default: the app sees only its
// direct dependencies, each package only its own, through links into node_modules/.pnpm).
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

export const ROOT = join(__dirname, '../..')
const SCOPE = '@authing/'

/** Where `pnpm pack` leaves the tarballs for this run (made once by the global setup). */
export const PACKS = process.env.AUTHING_BUILD_PACKS ?? join(tmpdir(), 'authing-build-packs')

/** Packs every publishable package of the workspace into `dir` (what `pnpm publish` would upload). */
export function packWorkspace(dir: string): void {
  mkdirSync(dir, { recursive: true })
  for (const name of readdirSync(join(ROOT, 'packages'))) {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'packages', name, 'package.json'), 'utf8'))
    if (manifest.private) continue
    execFileSync('pnpm', ['pack', '--pack-destination', dir], { cwd: join(ROOT, 'packages', name), stdio: 'ignore' })
  }
}

/** How the SDK's packages are laid out in the app's node_modules: npm's or pnpm's (default) way. */
export type Layout = 'hoisted' | 'isolated'

/** The unpacked package `name` (e.g. `@authing/miniapp-core`) in pnpm's store folder `store`, unpacked and linked the first time. */
function installIsolated(store: string, name: string, appModules: string): string {
  const { dir, manifest } = unpack(name, (version) => join(store, `${name.replace('/', '+')}@${version}`, 'node_modules', name))
  if (!manifest) return dir
  // Its dependencies beside it (pnpm's layout); its peer dependencies are the app's own.
  for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) {
    const link = join(dir, '../'.repeat(name.split('/').length), dependency)
    const target = dependency.startsWith(SCOPE) ? installIsolated(store, dependency, appModules) : join(appModules, dependency)
    if (!existsSync(target)) continue // an optional peer the app does not have
    mkdirSync(dirname(link), { recursive: true })
    symlinkSync(realpathSync(target), link)
  }
  return dir
}

/** npm's layout: the package and its dependencies from this workspace, each once, at the top of `modules`. */
function installHoisted(modules: string, name: string): void {
  const { manifest } = unpack(name, () => join(modules, name))
  for (const dependency of Object.keys(manifest?.dependencies ?? {})) if (dependency.startsWith(SCOPE)) installHoisted(modules, dependency)
}

/** Unpacks the tarball of `name` into `dirOf(version)`; `manifest` is undefined when it was unpacked already. */
function unpack(name: string, dirOf: (version: string) => string): { dir: string; manifest?: Manifest } {
  const prefix = `${name.slice(1).replace('/', '-')}-` // pnpm pack's file name: authing-miniapp-core-1.2.3.tgz
  const tarball = readdirSync(PACKS).find((file) => file.startsWith(prefix) && /^\d/.test(file.slice(prefix.length)))
  if (!tarball) throw new Error(`${name} was not packed into ${PACKS}`)
  const dir = dirOf(tarball.slice(prefix.length, -'.tgz'.length))
  if (existsSync(dir)) return { dir }
  mkdirSync(dir, { recursive: true })
  execFileSync('tar', ['-xzf', join(PACKS, tarball), '-C', dir, '--strip-components=1'])
  return { dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest }
}

interface Manifest {
  dependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
}

/**
 * Copies `files` of `examples/<example>` into a new temporary folder and gives it a `node_modules`: the example's
 * locked dependencies (links to what `pnpm install` put there) with the SDK's packages replaced by their tarballs,
 * laid out as `layout` says.
 * @returns the app's folder
 */
export function prepareApp(example: string, files: string[], layout: Layout): string {
  const source = join(ROOT, 'examples', example)
  const app = mkdtempSync(join(tmpdir(), `authing-build-${example}-`))
  for (const file of files) cpSync(join(source, file), join(app, file), { recursive: true })
  const modules = join(app, 'node_modules')
  mkdirSync(modules)
  const names = readdirSync(join(source, 'node_modules')).flatMap((entry) =>
    entry.startsWith('.')
      ? []
      : entry.startsWith('@')
        ? readdirSync(join(source, 'node_modules', entry)).map((name) => `${entry}/${name}`)
        : [entry],
  )
  for (const name of names.filter((name) => !name.startsWith(SCOPE))) {
    mkdirSync(dirname(join(modules, name)), { recursive: true })
    symlinkSync(realpathSync(join(source, 'node_modules', name)), join(modules, name))
  }
  const manifest = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'))
  for (const name of Object.keys(manifest.dependencies).filter((name) => name.startsWith(SCOPE))) {
    if (layout == 'hoisted') {
      installHoisted(modules, name)
    } else {
      mkdirSync(join(modules, SCOPE), { recursive: true })
      symlinkSync(installIsolated(join(modules, '.pnpm'), name, modules), join(modules, name))
    }
  }
  return app
}
