// One build for every package: ESM (.mjs) + CommonJS (.js, what WeChat DevTools' "构建 npm" loads) + one bundled .d.ts.
// Mini program packages are compiled to ES2017 (base library 2.14.1+); Node packages to node20.
// Build a single package with `PKG=core pnpm build`.
import { readFileSync, rmSync } from 'node:fs'
import { builtinModules } from 'node:module'
import esbuild from 'rollup-plugin-esbuild'
import dts from 'rollup-plugin-dts'
import terser from '@rollup/plugin-terser'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import { transform } from 'esbuild'
import commonjs from '@rollup/plugin-commonjs'

/**
 * Per-package build settings. `entries` maps output names to sources; `minify` for packages that inline a library,
 * whose licence `notice` then heads the output (minification drops the libraries' own comments); `miniprogram` for
 * packages installed by WeChat DevTools' "构建 npm", which gets a self-contained build (see `miniprogramConfig`).
 */
const targets = {
  core: {},
  wx: { miniprogram: true },
  tt: { miniprogram: true },
  taro: {},
  uniapp: {},
  jsencrypt: { minify: true, notice: 'Includes parts of jsencrypt (MIT) and jsbn (Copyright 2003-2005 Tom Wu); licences in LICENSE.' },
  sm2encrypt: { minify: true, notice: 'Includes parts of sm-crypto (MIT) and jsbn (Copyright 2003-2005 Tom Wu); licences in LICENSE.' },
  emulator: { node: true, entries: { index: 'src/index.ts', cli: 'src/cli.ts' } },
  testing: { node: true },
}

const only = process.env.PKG ? process.env.PKG.split(',') : Object.keys(targets)

function externalFor(pkg, node) {
  const names = [
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.peerDependencies ?? {}),
    ...(node ? builtinModules.flatMap((m) => [m, `node:${m}`]) : []),
  ]
  return (id) => names.some((name) => id === name || id.startsWith(`${name}/`))
}

/** Lowers the finished chunk to ES2017, so helpers (object spread, ??=) appear once per file, not once per module. */
function downlevel() {
  return {
    name: 'downlevel-es2017',
    async renderChunk(code) {
      const result = await transform(code, { target: 'es2017', sourcemap: false })
      return { code: result.code, map: null }
    },
  }
}

/** Resolves this repository's packages (`@authing/miniapp-core`…) to their sources, to bundle them. */
function workspaceSources() {
  return {
    name: 'workspace-sources',
    resolveId: (id) => (/^@authing\/miniapp-[\w-]+$/.test(id) ? `packages/${id.slice('@authing/miniapp-'.length)}/src/index.ts` : null),
  }
}

/**
 * `dist/miniprogram/index.js`, the folder the package's `miniprogram` field names: CommonJS, ES2017, with its
 * dependencies (the core) bundled in, so that it requires no other module. WeChat DevTools' "构建 npm" copies only the
 * app's direct dependencies' `miniprogram` folders; with pnpm's default layout the core is not one of them.
 * Bundlers (Taro, uni-app, webpack) keep using main/module/exports, which import the core, so it is shared.
 */
function miniprogramConfig(root) {
  return {
    input: `${root}/src/index.ts`,
    plugins: [workspaceSources(), esbuild({ target: 'esnext', tsconfig: `${root}/tsconfig.json` }), downlevel()],
    output: { file: `${root}/dist/miniprogram/index.js`, format: 'cjs', exports: 'named' },
  }
}

function configsFor(dir) {
  const { node = false, minify = false, notice, miniprogram = false, entries = { index: 'src/index.ts' } } = targets[dir]
  const root = `packages/${dir}`
  rmSync(`${root}/dist`, { recursive: true, force: true }) // nothing stale gets published
  const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'))
  const external = externalFor(pkg, node)
  const input = Object.fromEntries(Object.entries(entries).map(([name, src]) => [name, `${root}/${src}`]))
  const code = {
    input,
    external,
    plugins: [
      nodeResolve({ preferBuiltins: node, browser: !node }),
      commonjs(),
      esbuild({ target: node ? 'node20' : 'esnext', tsconfig: `${root}/tsconfig.json` }),
      !node && downlevel(),
      minify &&
        terser({
          ecma: 2017,
          compress: { passes: 2 },
          format: { comments: false, preamble: `/*! ${pkg.name} ${pkg.version}. ${notice} */` },
        }),
    ],
    output: [
      {
        dir: `${root}/dist`,
        format: 'cjs',
        entryFileNames: '[name].js',
        chunkFileNames: '[name]-[hash].js',
        exports: 'named',
        interop: 'auto',
      },
      { dir: `${root}/dist`, format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
    ],
    onwarn(warning, warn) {
      if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message)) return
      warn(warning)
    },
  }
  const types = {
    input: `${root}/src/index.ts`,
    external,
    plugins: [dts({ tsconfig: `${root}/tsconfig.json` })],
    output: [{ file: `${root}/dist/index.d.ts` }, { file: `${root}/dist/index.d.mts` }],
  }
  return miniprogram ? [code, types, miniprogramConfig(root)] : [code, types]
}

export default only.flatMap(configsFor)
