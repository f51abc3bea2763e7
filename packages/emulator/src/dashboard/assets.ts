// The dashboard's static files: the `ui` folder of the package (HTML, plain ES modules, CSS), read once and served
// from memory. Shipped as is, so there is nothing to build.
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, extname, join, relative, sep } from 'node:path'

export interface Asset {
  body: Buffer
  contentType: string
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
}

/** The package's `ui` folder, found through the package's own name: the same from the sources and from dist/. */
export function uiDirectory(): string {
  const packageJson = createRequire(import.meta.url).resolve('@authing/miniapp-emulator/package.json')
  return join(dirname(packageJson), 'ui')
}

function* filesUnder(directory: string): Generator<string> {
  for (const item of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, item.name)
    if (item.isDirectory()) yield* filesUnder(path)
    else yield path
  }
}

let assets: Map<string, Asset> | undefined

/** Servable files by path relative to `ui/` (`index.html`, `panels/users.js`…); other files (tsconfig…) are left out. */
export function dashboardAssets(): Map<string, Asset> {
  if (assets) return assets
  const root = uiDirectory()
  assets = new Map()
  for (const path of filesUnder(root)) {
    const contentType = CONTENT_TYPES[extname(path)]
    if (contentType) assets.set(relative(root, path).split(sep).join('/'), { body: readFileSync(path), contentType })
  }
  return assets
}
