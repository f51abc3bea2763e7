import type { UserConfigExport } from '@tarojs/cli'

export default {
  mini: {},
} satisfies UserConfigExport<'webpack5'>
