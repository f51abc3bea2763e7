// @authing/miniapp-uniapp in a uni-app H5 build. uni's H5 build tree-shakes its API: its inject plugin turns each
// static `uni.<api>` of the code into an import of that API from @dcloudio/uni-h5 (for the APIs uni-h5 has) and
// replaces `process.env.UNI_PLATFORM` with "h5"; nothing else of `uni` survives, so a dynamic `uni[name]` finds
// nothing. Here the package's source goes through the same rewrite and runs with an empty global `uni`, or none.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { transformSync } from 'esbuild'
import { createUni } from '@authing/miniapp-testing'
import { useEmulator } from '../../testing/test/platform-suite'
import { webSuite } from '../../testing/test/web-suite'

type Package = typeof import('@authing/miniapp-uniapp')

/** APIs of uni-h5 that the package may name (the ones uni-h5 implements; no `chooseMedia` or `getRandomValues`). */
const UNI_H5_APIS = ['request', 'getStorage', 'setStorage', 'removeStorage', 'uploadFile', 'chooseImage', 'login']

/** The package's source as uni's H5 build emits it: `uni.request` → an import of uni-h5's `request`. */
function asH5Build(): string {
  const source = readFileSync(join(__dirname, '../src/index.ts'), 'utf8')
  const { code } = transformSync(source, { loader: 'ts', format: 'cjs', target: 'es2017' })
  return code
    .replace(/\buni\.(\w+)/g, (reference, name: string) => (UNI_H5_APIS.includes(name) ? `uniH5.${name}` : reference))
    .replace(/\bprocess\.env\.UNI_PLATFORM\b/g, '"h5"')
}

/** The global `uni` an H5 page may have: an object without the APIs, or none at all. */
type GlobalUni = 'empty' | 'absent'

/** Runs the H5 build with `uniH5` as @dcloudio/uni-h5, the given global `uni` and `crypto` as the browser's. */
function load(uniH5: Record<string, unknown>, crypto: unknown, global: GlobalUni): Package {
  const module = { exports: {} as Package }
  // Without a `uni` parameter the code reads the real global, which Node does not have: a ReferenceError.
  const names = ['require', 'module', 'exports', 'uniH5', 'crypto', ...(global == 'empty' ? ['uni'] : [])]
  new Function(...names, asH5Build())(require, module, module.exports, uniH5, crypto, {})
  return module.exports
}

/** uni-h5's APIs as the build imports them, taken from a simulated uni. */
const h5Apis = (uni: ReturnType<typeof createUni>) => Object.fromEntries(UNI_H5_APIS.map((name) => [name, uni[name as keyof typeof uni]]))

test('the H5 build names every uni API the package uses statically', () => {
  const build = asH5Build()
  for (const name of ['request', 'getStorage', 'setStorage', 'removeStorage', 'uploadFile', 'chooseImage']) {
    expect(build).toMatch(new RegExp(`\\buniH5\\.${name}\\b`))
  }
  expect(build).not.toMatch(/uni\[/)
})

test.each<GlobalUni>(['empty', 'absent'])('on H5 a client builds with a global uni %s, and its constructor touches nothing', (global) => {
  expect('uni' in globalThis).toBe(false)
  const uni = createUni()
  const { Authing } = load(h5Apis(uni), globalThis.crypto, global)
  expect(() => new Authing({ appId: 'a', userPoolId: 'p' })).not.toThrow()
  expect(uni.count()).toBe(0)
})

describe.each<GlobalUni>(['empty', 'absent'])('on a simulated uni-app H5 build, global uni %s', (global) => {
  webSuite(
    {
      install(emulator, crypto) {
        const uni = createUni({ emulator })
        return { Authing: load(h5Apis(uni), crypto, global).Authing, runtime: uni, uninstall() {} }
      },
    },
    useEmulator(),
  )
})
