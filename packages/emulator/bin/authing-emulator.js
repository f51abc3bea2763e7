#!/usr/bin/env node
// The `authing-emulator` command. It loads the build; in a clone of the repository that has not been built yet it
// says so, instead of a missing-file error (and pnpm can link this file before any build exists).
try {
  require.resolve('../dist/cli.js')
} catch {
  process.stderr.write('authing-emulator: the emulator is not built (dist/cli.js is missing). Run `pnpm build` first.\n')
  process.exit(1)
}
require('../dist/cli.js')
