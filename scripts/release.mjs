// `pnpm release`: builds every package, runs the package checks and the size budgets, then runs `pnpm publish -r`.
// It is a DRY RUN unless `--publish` (or `--no-dry-run`) is given: the dry run shows what each package would upload
// and publishes nothing. Other arguments (`--tag next`, `--otp 123456`, `--filter …`) are passed to `pnpm publish`.
//
//   pnpm release                  # build, check, size, `pnpm publish -r --dry-run`
//   pnpm release --publish        # the same, then publish for real (needs a clean tree on main and `npm login`)
//
// Versions and changelogs come first, from the pending changesets: `pnpm changeset version` (see .changeset/README.md).
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2).filter((arg) => arg != '--')
const publish = args.includes('--publish') || args.includes('--no-dry-run')
const passThrough = args.filter((arg) => arg != '--publish' && arg != '--no-dry-run' && arg != '--dry-run')

function step(title, command, commandArgs) {
  console.log(`\n▶ ${title}: ${command} ${commandArgs.join(' ')}`)
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' })
  if (result.status != 0) {
    console.error(`\n✗ ${title} failed; nothing was published.`)
    process.exit(result.status || 1)
  }
}

const pending = readdirSync(join(root, '.changeset')).filter((file) => file.endsWith('.md') && file != 'README.md')
if (pending.length) {
  const message = `${pending.length} pending changeset(s): run \`pnpm changeset version\` first to apply them.`
  if (publish) {
    console.error(`✗ ${message}`)
    process.exit(1)
  }
  console.warn(`! ${message} (dry run: continuing with the current versions)`)
}

step('build', 'pnpm', ['build'])
step('package checks', 'node', ['scripts/check-packages.mjs'])
step('size budgets', 'pnpm', ['size'])
// A dry run skips pnpm's git checks (clean tree, on main) so it can be run at any time; a real publish keeps them.
step(publish ? 'publish' : 'publish (dry run)', 'pnpm', [
  'publish',
  '-r',
  '--access',
  'public',
  ...(publish ? [] : ['--dry-run', '--no-git-checks']),
  ...passThrough,
])
console.log(publish ? '\n✓ published' : '\n✓ dry run complete: nothing was published. `pnpm release --publish` publishes for real.')
