// The fingerprint of the core's sources that a mutation report was measured on: a SHA-256 over every file of
// packages/core/src (sorted paths and contents). Content, not mtimes: a fresh clone has no meaningful mtimes.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..')
export const SOURCES = join(ROOT, 'packages', 'core', 'src')

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  )
}

export function sourceHash() {
  const hash = createHash('sha256')
  for (const file of files(SOURCES).sort()) {
    // line endings normalised, so a checkout with CRLF gets the same hash
    hash.update(`${relative(SOURCES, file).split('\\').join('/')}\0${readFileSync(file, 'utf8').replace(/\r\n/g, '\n')}\0`)
  }
  return hash.digest('hex')
}
