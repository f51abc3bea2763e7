// WeChat DevTools' 构建 npm, offline: miniprogram-ci's packNpmManually, from the app's own toolchain.
// Usage: node pack-npm.cjs <app folder> <miniprogram folder>. (Its CLI does the same but stays alive for a minute.)
const { join } = require('node:path')
const [app, miniprogram] = process.argv.slice(2)
const ci = require(join(app, 'node_modules/miniprogram-ci'))
ci.packNpmManually({ packageJsonPath: join(app, 'package.json'), miniprogramNpmDistDir: miniprogram }).then(
  (result) => {
    console.log(JSON.stringify(result))
    process.exit(0)
  },
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
