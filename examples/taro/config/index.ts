import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

// https://docs.taro.zone/docs/next/config#defineconfig-辅助函数
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'authing-miniapp-example-taro',
    date: '2025-1-1',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // One folder per target (dist/weapp, dist/h5), so the builds of several targets live side by side.
    outputRoot: `dist/${process.env.TARO_ENV}`,
    // WeChat and H5 are built into Taro's CLI; Douyin (--type tt) comes from its platform plugin.
    plugins: ['@tarojs/plugin-platform-tt'],
    defineConstants: {},
    // The Authing host can be given when building (AUTHING_HOST=https://… taro build …); src/config.ts falls back to
    // the local emulator. Always defined: a mini program has no `process` to read at run time.
    env: { AUTHING_HOST: JSON.stringify(process.env.AUTHING_HOST ?? '') },
    copy: {
      patterns: [],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: {
      enable: false,
    },
    mini: {
      postcss: {
        pxtransform: {
          enable: true,
          config: {},
        },
        cssModules: {
          enable: false,
        },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') {
    // 本地开发构建配置（不混淆压缩）
    return merge({}, baseConfig, devConfig)
  }
  // 生产构建配置（默认开启压缩混淆等）
  return merge({}, baseConfig, prodConfig)
})
