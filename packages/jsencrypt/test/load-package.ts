import { buildSync } from 'esbuild'
import { join } from 'node:path'

type Package = typeof import('../src/index')

/**
 * Loads this package's source bundled by esbuild, as the build inlines it. The source imports jsencrypt's ES modules,
 * which jest does not transform (they live in node_modules), so it cannot `import` the source directly.
 * Every call returns a fresh copy (own module state, such as the one-time fallback warning).
 */
export function loadPackage(): Package {
  const { outputFiles } = buildSync({
    entryPoints: [join(__dirname, '../src/index.ts')],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'browser',
    target: 'es2017',
  })
  const module = { exports: {} as Package }
  new Function('module', 'exports', outputFiles[0].text)(module, module.exports)
  return module.exports
}
