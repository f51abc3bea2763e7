// examples/taro built by Taro 4's CLI (webpack5 runner) for WeChat and for H5, from the packed packages installed in
// pnpm's default layout: the WeChat build runs in the mini program sandbox, the H5 build in headless Chromium.
import { join } from 'node:path'
import { runCli } from './build'
import { describeH5 } from './h5-target'
import { describeMiniProgram } from './miniprogram-target'

const FILES = ['src', 'config', 'types', 'babel.config.js', 'package.json', 'project.config.json', 'tsconfig.json']
const taroBuild = (type: string) => async (app: string, host: string) => {
  const ms = await runCli(app, '@tarojs/cli/bin/taro', ['build', '--type', type], { AUTHING_HOST: host })
  return { ms, output: join(app, 'dist', type) }
}

describeMiniProgram('Taro → WeChat (taro build --type weapp)', {
  name: 'taro-weapp',
  example: 'taro',
  files: FILES,
  layout: 'isolated',
  view: 'taro',
  build: taroBuild('weapp'),
})

describeH5('Taro → H5 (taro build --type h5)', {
  name: 'taro-h5',
  example: 'taro',
  files: FILES,
  layout: 'isolated',
  build: taroBuild('h5'),
})
