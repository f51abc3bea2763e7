// Fails when code, tests or docs cite a document, a section or a file that is not in the repository: a reader of a
// clone must be able to follow every reference. It checks, in every tracked text file:
//   - every Markdown document mentioned (e.g. `docs/protocol.md`), resolved from the citing file's folder or the root
//     (a package's changelog, which changesets writes, may be named without its folder);
//   - every section sign `§4.2` / `§4.16–4.18`: the section must be a numbered heading (`### 4.2 …`) of the document
//     named last before it in the same paragraph (or of the citing document itself);
//   - in Markdown, every relative link target (`[x](../packages/core/src/adapter.ts)`) and `#anchor`.
//
//   node scripts/check-citations.mjs
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, extname, join, normalize, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const TEXT = new Set(['.md', '.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json', '.vue', '.yaml', '.yml', '.sh', ''])
const SKIP = [/^pnpm-lock\.yaml$/, /(^|\/)CHANGELOG\.md$/, /^scripts\/seed-samples\/[^/]+\/samples\//, /^\.changeset\//]

/** A `.md` path not inside a URL and not a `<placeholder.md>`. */
const DOCUMENT = /(?<![\w/.<:-])((?:\.{1,2}\/|[\w@.-]+\/)*[\w.-]+\.md)(#[^\s)`'"\]]+)?/g
const SECTION = /(RFC\s*\d+\s*)?§\s?(\d+(?:\.\d+)*)(?:\s?[–-]\s?(\d+(?:\.\d+)*))?/g
const LINK = /\]\(([^)\s]+)\)/g
const ANY_PACKAGE = new Set(['CHANGELOG.md', 'README.md', 'LICENSE'])

function trackedFiles() {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
  return out
    .split('\n')
    .filter((file) => file && TEXT.has(extname(file)) && !SKIP.some((pattern) => pattern.test(file)))
    .filter((file) => existsSync(join(root, file)) && statSync(join(root, file)).isFile())
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')

const headingsCache = new Map()
/** The numbered sections and the anchors of a Markdown file. */
function headingsOf(file) {
  if (!headingsCache.has(file)) {
    const sections = new Set()
    const anchors = new Set()
    for (const [, text] of readFileSync(file, 'utf8').matchAll(/^#{1,6}\s+(.+?)\s*$/gm)) {
      const number = /^(\d+(?:\.\d+)*)\.?\s/.exec(text)
      if (number) sections.add(number[1])
      let anchor = slug(text)
      for (let n = 1; anchors.has(anchor); n++) anchor = `${slug(text)}-${n}`
      anchors.add(anchor)
    }
    headingsCache.set(file, { sections, anchors })
  }
  return headingsCache.get(file)
}

/** The absolute path a reference from `file` points at, or null when it exists neither beside it nor from the root. */
function resolveFrom(file, target) {
  for (const base of [dirname(join(root, file)), root]) {
    const path = normalize(join(base, decodeURIComponent(target)))
    if (path.startsWith(root) && existsSync(path)) return path
  }
  return null
}

const lineOf = (text, index) => text.slice(0, index).split('\n').length
const problems = []

for (const file of trackedFiles()) {
  const text = readFileSync(join(root, file), 'utf8')
  const report = (index, message) => problems.push(`${file}:${lineOf(text, index)}: ${message}`)
  const documents = [] // { index, path } of every resolved .md reference, in order

  for (const match of text.matchAll(DOCUMENT)) {
    const [, target, anchor] = match
    const path = resolveFrom(file, target)
    if (!path && ANY_PACKAGE.has(target)) continue
    if (!path) {
      report(match.index, `cites ${target}, which is not in the repository`)
      continue
    }
    documents.push({ index: match.index, path })
    if (anchor && !headingsOf(path).anchors.has(decodeURIComponent(anchor.slice(1))))
      report(match.index, `cites ${target}${anchor}, but ${relative(root, path)} has no such heading`)
  }

  for (const match of text.matchAll(SECTION)) {
    const [, rfc, from, to] = match
    if (rfc) continue // an RFC's own section
    // The document named last before it in the same paragraph, else the citing document itself.
    const before = documents.filter((doc) => doc.index < match.index && !text.slice(doc.index, match.index).includes('\n\n'))
    const path = before.length ? before[before.length - 1].path : file.endsWith('.md') ? join(root, file) : null
    if (!path) {
      report(match.index, `§${from} names no document (write e.g. "docs/protocol.md §${from}")`)
      continue
    }
    for (const section of [from, to].filter(Boolean)) {
      if (!headingsOf(path).sections.has(section))
        report(match.index, `cites §${section} of ${relative(root, path)}, which has no such section`)
    }
  }

  if (file.endsWith('.md')) {
    const withoutCode = text.replace(/```[\s\S]*?```/g, (block) => block.replace(/[^\n]/g, ' '))
    for (const match of withoutCode.matchAll(LINK)) {
      const target = match[1]
      if (/^[a-z][\w+.-]*:/i.test(target)) continue // https:, mailto:
      const [path, anchor] = target.split('#')
      if (path.endsWith('.md')) continue // checked above, with its anchor
      const resolved = path ? resolveFrom(file, path) : join(root, file)
      if (!resolved) report(match.index, `links to ${path}, which is not in the repository`)
      else if (anchor && resolved.endsWith('.md') && !headingsOf(resolved).anchors.has(decodeURIComponent(anchor)))
        report(match.index, `links to #${anchor}, but ${relative(root, resolved)} has no such heading`)
    }
  }
}

if (problems.length) {
  console.error(`${problems.length} citation(s) of something that is not in the repository:\n  ${problems.join('\n  ')}`)
  process.exit(1)
}
console.log('citations: every cited document, section and linked file is in the repository')
