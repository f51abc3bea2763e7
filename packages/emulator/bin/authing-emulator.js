#!/usr/bin/env node
// The `authing-emulator` command. It loads the build; in a clone of the repository that has not been built yet it
// says so, instead of a missing-file error (and pnpm can link this file before any build exists).
const { existsSync } = require('node:fs')
const { join } = require('node:path')

const cli = join(__dirname, '..', 'dist', 'cli.js')
if (!existsSync(cli)) {
  process.stderr.write('authing-emulator: the emulator is not built (dist/cli.js is missing). Run `pnpm build` first.\n')
  process.exit(1)
}
require(cli)
