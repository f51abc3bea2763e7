// What a built output must not contain: Node's built-in modules (a mini program or a browser has none) or the
// polyfills bundlers add for them (Buffer, process, crypto-browserify: dead weight, and a sign that something asked
// for Node).
import { builtinModules } from 'node:module'
import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { filesOf } from './build'

const BUILTINS = builtinModules.filter((name) => !name.startsWith('_')).map((name) => name.replace(/[/]/g, '\\/'))
const NODE_REQUIRE = new RegExp(`(?:require\\(|from\\s*|import\\()\\s*["'](?:node:)?(?:${BUILTINS.join('|')})["']`, 'g')
/** Fingerprints of the usual browser polyfills of Node modules. */
const POLYFILLS: Record<string, string> = {
  'The buffer module from node.js': 'buffer (feross/buffer)',
  'process.binding is not supported': 'process (process/browser)',
  'randomBytes(size, cb)': 'crypto-browserify',
}

/** Declares the check of the target's built output (the folder `output()` returns once built). */
export function declareOutputCheck(output: () => string): void {
  test('the output requires no Node built-in and bundles no Node polyfill', () => {
    const root = output()
    const found: string[] = []
    for (const file of filesOf(root).filter((file) => /\.m?js$/.test(file))) {
      const code = readFileSync(file, 'utf8')
      for (const [match] of code.matchAll(NODE_REQUIRE)) found.push(`${relative(root, file)}: ${match}`)
      for (const [fingerprint, name] of Object.entries(POLYFILLS))
        if (code.includes(fingerprint)) found.push(`${relative(root, file)}: ${name}`)
    }
    expect(found).toEqual([])
  })
}
