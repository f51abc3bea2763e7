// examples/taro built by Taro 4's CLI (webpack5 runner) for WeChat, Douyin and H5, from the packed packages installed
// in pnpm's default layout: the mini program builds run in the sandbox, the H5 build in headless Chromium.
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

describeMiniProgram('Taro → Douyin (taro build --type tt)', {
  name: 'taro-tt',
  platform: 'tt',
  example: 'taro',
  files: FILES,
  layout: 'isolated',
  view: 'taro',
  build: taroBuild('tt'),
})

describeH5('Taro → H5 (taro build --type h5)', {
  name: 'taro-h5',
  example: 'taro',
  files: FILES,
  layout: 'isolated',
  build: taroBuild('h5'),
})
