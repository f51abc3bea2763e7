// The README's size table, from the JSON that `pnpm bench` writes.
//
//   pnpm bench && node scripts/size-table.mjs          # rewrites the table in README.md and README.zh-CN.md
//   node scripts/size-table.mjs --print                # only prints it
//   node scripts/size-table.mjs --json other.json --readme <file> [--readme <file>…]
//
// The table goes between the lines `<!-- sizes:start -->` and `<!-- sizes:end -->`; the rest of the file is left
// as it is. Without both markers (in that order) nothing is written and the table is printed instead.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

const START = '<!-- sizes:start -->'
const END = '<!-- sizes:end -->'

const { values: args } = parseArgs({
  options: {
    json: { type: 'string', default: 'bench-results.json' },
    readme: { type: 'string', multiple: true, default: ['README.md', 'README.zh-CN.md'] },
    print: { type: 'boolean', default: false },
  },
})

if (!existsSync(args.json)) {
  console.error(`${args.json} not found: run \`pnpm bench\` first (or pass --json <file>)`)
  process.exit(1)
}
const { sizes } = JSON.parse(readFileSync(args.json, 'utf8'))

const KB = (bytes) => `${(bytes / 1000).toFixed(2)} KB`

const NOTE = {
  en:
    'What a bundler ships for the import, minified and gzipped (1 KB = 1000 bytes; peer dependencies such as ' +
    '`@tarojs/taro` excluded); the official 5.x figure is its build as shipped. Measured by `pnpm bench`; ' +
    'regenerate with `pnpm bench && node scripts/size-table.mjs`.',
  zh:
    '打包工具为该 import 输出的代码，压缩并 gzip 后的大小（1 KB = 1000 字节；不含 `@tarojs/taro` 等 peer 依赖）；' +
    '官方 5.x 的数字为其发布的构建产物。由 `pnpm bench` 测量；用 `pnpm bench && node scripts/size-table.mjs` 重新生成。',
}

/** The bundles that have size targets: what apps import. The note is in the README's language. */
function sizeTable(language) {
  const rows = sizes.bundles
    .filter((bundle) => bundle.target)
    .map(
      (b) =>
        `| \`${b.import}\` | ${KB(b.gzip)} | ${b.budget ? `${b.budget.bytes / 1000} KB` : '—'} | ${b.official ? b.official.shipped : '—'} |`,
    )
  return ['| import | min + gzip | budget (CI) | official 5.x |', '|---|--:|--:|--:|', ...rows, '', NOTE[language]].join('\n')
}

/** `text` with the part between the markers replaced, or null when the markers are missing or out of order. */
function replaceBetweenMarkers(text, table) {
  const start = text.indexOf(START)
  const end = text.indexOf(END, start + START.length)
  if (start < 0 || end < 0) return null
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const body = table.replaceAll('\n', eol)
  return `${text.slice(0, start + START.length)}${eol}${body}${eol}${text.slice(end)}`
}

for (const file of args.readme) {
  const table = sizeTable(/zh/i.test(file) ? 'zh' : 'en')
  const readme = !args.print && existsSync(file) ? readFileSync(file, 'utf8') : null
  const updated = readme == null ? null : replaceBetweenMarkers(readme, table)

  if (updated == null) {
    console.log(table)
    if (!args.print) console.error(`\n${file} has no ${START} … ${END} markers: nothing written, the table is printed above.`)
  } else if (updated == readme) {
    console.log(`${file}: the size table is already up to date`)
  } else {
    writeFileSync(file, updated)
    console.log(`${file}: size table updated`)
  }
}
