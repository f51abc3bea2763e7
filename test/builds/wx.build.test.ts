// examples/wx, a native WeChat mini program packed by miniprogram-ci's packNpmManually (WeChat DevTools' 构建 npm)
// after an install with npm's layout and with pnpm's default (isolated) one, run in the mini program sandbox.
import { readFileSync, writeFileSync } from 'node:fs'
import { join, sep } from 'node:path'
import { transformSync } from 'esbuild'
import type { Layout } from './app'
import { runNode } from './build'
import { describeMiniProgram } from './miniprogram-target'

const installs: [string, Layout][] = [
  ['npm', 'hoisted'],
  ['pnpm', 'isolated'],
]

for (const [manager, layout] of installs) {
  describeMiniProgram(`native WeChat: ${manager} install, then 构建 npm (miniprogram-ci packNpmManually)`, {
    name: `wx-${manager}`,
    example: 'wx',
    files: ['miniprogram', 'package.json', 'project.config.json'],
    layout,
    view: 'wxml',
    async build(app, host) {
      const output = join(app, 'miniprogram')
      // A native app has no build step for its host: it is in config.js, which the developer edits.
      const config = join(output, 'config.js')
      writeFileSync(config, readFileSync(config, 'utf8').replace("host: 'http://127.0.0.1:3000'", `host: '${host}'`))
      const ms = await runNode(app, join(__dirname, 'pack-npm.cjs'), [app, output])
      return { ms, output }
    },
    // DevTools compiles the app's own ES modules to CommonJS when it builds (miniprogram_npm is CommonJS already).
    compile: (file, code) =>
      file.includes(`${sep}miniprogram_npm${sep}`) ? code : transformSync(code, { format: 'cjs', target: 'es2017' }).code,
  })
}
