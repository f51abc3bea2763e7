// examples/uniapp (Vue 3) built by uni-app's CLI (vite) for WeChat, Douyin and H5, from the packed packages installed in
// npm's layout (uni-app's vite config preserves symlinks, so with pnpm the packages' own dependencies must be hoisted:
// `shamefully-hoist=true`): the mini program builds run in the sandbox, the H5 build in headless Chromium.
import { join } from 'node:path'
import { runCli } from './build'
import { describeH5 } from './h5-target'
import { describeMiniProgram } from './miniprogram-target'

const FILES = ['src', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json']
const uniBuild = (platform: 'mp-weixin' | 'mp-toutiao' | 'h5') => async (app: string, host: string) => {
  const ms = await runCli(app, '@dcloudio/vite-plugin-uni/bin/uni.js', ['build', '-p', platform], { AUTHING_HOST: host })
  return { ms, output: join(app, 'dist/build', platform) }
}

describeMiniProgram('uni-app (Vue 3) → WeChat (uni build -p mp-weixin)', {
  name: 'uniapp-mp-weixin',
  example: 'uniapp',
  files: FILES,
  layout: 'hoisted',
  view: 'wxml',
  build: uniBuild('mp-weixin'),
})

describeMiniProgram('uni-app (Vue 3) → Douyin (uni build -p mp-toutiao)', {
  name: 'uniapp-mp-toutiao',
  platform: 'tt',
  example: 'uniapp',
  files: FILES,
  layout: 'hoisted',
  view: 'wxml',
  build: uniBuild('mp-toutiao'),
})

describeH5('uni-app (Vue 3) → H5 (uni build)', {
  name: 'uniapp-h5',
  example: 'uniapp',
  files: FILES,
  layout: 'hoisted',
  build: uniBuild('h5'),
})
