// Packs the workspace's packages once per run (every target installs these tarballs) and starts a fresh build report.
import { rmSync } from 'node:fs'
import { PACKS, packWorkspace } from './app'
import { REPORT } from './build'

export default function globalSetup(): void {
  rmSync(REPORT, { force: true })
  rmSync(PACKS, { recursive: true, force: true })
  packWorkspace(PACKS)
}
