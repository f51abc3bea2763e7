// Extracts every code sample of the official 5.x API reference (the Markdown of its documentation page) into one file
// per sample and framework,
// so `pnpm typecheck` compiles the documented calls against our published types (packages/*/dist/*.d.ts).
// The samples are kept verbatim; only a header per file supplies what the page leaves implicit (the `authing`
// instance, framework imports). Run again when the reference changes:
//   node scripts/seed-samples/extract.mjs <reference-page.md>
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const source = process.argv[2]
if (!source) throw new Error('usage: node scripts/seed-samples/extract.mjs <reference-page.md>')
const lines = readFileSync(source, 'utf8').split('\n')

const FRAMEWORKS = { 微信原生小程序: 'wx', Taro: 'taro', 'uni-app': 'uniapp' }
const HEADERS = {
  wx: `declare const authing: import('@authing/miniapp-wx').Authing\n`,
  taro: `import { Component, PropsWithChildren } from 'react'\nimport { View, Button } from '@tarojs/components'\nimport Taro from '@tarojs/taro'\ndeclare const authing: import('@authing/miniapp-taro').Authing\n`,
  uniapp: `declare const authing: import('@authing/miniapp-uniapp').Authing\n`,
}

const samples = [] // { framework, section, code, tsx }
let section = ''
let framework
for (let i = 0; i < lines.length; i++) {
  const line = lines[i]
  const heading = line.match(/^#{2,3} (.+)$/)
  if (heading) {
    section = heading[1].replace(/<[^>]+>/g, '').trim()
    framework = undefined
  }
  const tab = line.match(/^::: tab (.+)$/)
  if (tab) framework = FRAMEWORKS[tab[1].trim()]
  if (line.trim() == ':::') framework = undefined
  const fence = line.match(/^``` ?(typescript|tsx)\s*$/)
  if (!fence) continue
  const code = []
  for (i++; !lines[i].startsWith('```'); i++) code.push(lines[i])
  const text = code.join('\n')
  if (section == '错误处理') samples.push({ framework: 'wx', section, code: `async function handleErrors () {\n${text}\n}\n`, tsx: false })
  else if (framework && /authing|Authing/.test(text)) samples.push({ framework, section, code: text, tsx: fence[1] == 'tsx' })
}

// uni-app samples destructure Vue 2's `[err, res]` promise results, while @dcloudio/types describes Vue 3's: mark that
// one platform line as an expected type error (it fails the check if the typings ever change), and leave the SDK calls alone.
const adapt = ({ framework, code }) =>
  framework == 'uniapp'
    ? code.replace(/^(\s*)(const \[.*= await uni\.)/gm, '$1// @ts-expect-error Vue 2 result shape; @dcloudio/types describes Vue 3\n$1$2')
    : code

const out = (framework) => join(here, framework)
for (const framework of Object.values(FRAMEWORKS)) rmSync(join(out(framework), 'samples'), { recursive: true, force: true })

let count = 0
for (const [index, sample] of samples.entries()) {
  const dir = join(out(sample.framework), 'samples')
  mkdirSync(dir, { recursive: true })
  const name = `${String(index).padStart(2, '0')}-${sample.section.replace(/[^\w\u4e00-\u9fa5]+/g, '-')}`
  const note = `// Extracted verbatim from the 5.x API reference, section "${sample.section}" (${sample.framework}).\n`
  if (/初始化/.test(sample.section)) {
    // The page imports both plugins' encryptFunction to say "choose one": compile each choice.
    for (const choice of ['jsencrypt', 'sm2encrypt']) {
      const other = choice == 'jsencrypt' ? 'sm2encrypt' : 'jsencrypt'
      const code = sample.code
        .split('\n')
        .filter((l) => !l.includes(`@authing/miniapp-${other}`))
        .join('\n')
      writeFileSync(join(dir, `${name}-${choice}.ts`), `${note}export {}\n${code}\n`)
      count++
    }
    continue
  }
  writeFileSync(join(dir, `${name}.${sample.tsx ? 'tsx' : 'ts'}`), `${note}${HEADERS[sample.framework]}export {}\n${adapt(sample)}\n`)
  count++
}
console.log(`extracted ${count} sample files`)
