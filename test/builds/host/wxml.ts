// Renders a page's WXML against its data, as WeChat's view layer does, to know what is on screen: which elements
// exist (wx:if / wx:elif / wx:else, wx:for), their text, and the event handlers bound to them.
// It covers the WXML that frameworks and hand-written pages emit for plain pages; <template>, <import> and <wxs>
// are refused rather than rendered wrongly. Douyin's TTML is the same language with `tt:` for `wx:`.

/** An element as parsed: its tag, raw attributes and children (elements or raw text). */
interface Parsed {
  tag: string
  attrs: Record<string, string>
  children: (Parsed | string)[]
}

/** An element as rendered: its attributes evaluated, its text and its rendered children. */
export interface Rendered {
  tag: string
  attrs: Record<string, unknown>
  children: Rendered[]
  text: string
}

const TOKEN = /<!--[\s\S]*?-->|<\/([\w:-]+)\s*>|<([\w:-]+)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)*)\s*(\/?)>|[^<]+/g
const ATTR = /([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'))?/g
const UNSUPPORTED = new Set(['template', 'import', 'include', 'wxs'])

/**
 * Parses WXML into a tree under a synthetic root. `prefix` is the directives' prefix (`tt` for Douyin's TTML); they
 * are kept as `wx:` directives, which the renderer knows.
 */
export function parseWxml(source: string, prefix: 'wx' | 'tt' = 'wx'): Parsed {
  const root: Parsed = { tag: '#root', attrs: {}, children: [] }
  const stack = [root]
  for (const [token, closing, tag, attrs, selfClosing] of source.matchAll(TOKEN)) {
    const parent = stack[stack.length - 1]
    if (token.startsWith('<!--')) continue
    if (closing) {
      if (stack.length == 1 || stack.pop()!.tag != closing) throw new SyntaxError(`WXML: unexpected </${closing}>`)
    } else if (tag) {
      if (UNSUPPORTED.has(tag)) throw new Error(`WXML: <${tag}> is not supported by this renderer`)
      const element: Parsed = { tag, attrs: {}, children: [] }
      for (const [, name, double, single] of attrs.matchAll(ATTR)) {
        element.attrs[name.startsWith(`${prefix}:`) ? `wx:${name.slice(prefix.length + 1)}` : name] = double ?? single ?? ''
      }
      parent.children.push(element)
      if (!selfClosing) stack.push(element)
    } else {
      parent.children.push(token)
    }
  }
  if (stack.length != 1) throw new SyntaxError(`WXML: <${stack[stack.length - 1].tag}> is not closed`)
  return root
}

type Scope = Record<string, unknown>

/**
 * Evaluates one `{{ }}` expression in the data's scope (WXML expressions are JavaScript expressions over the data
 * only: a name the data lacks is undefined, and no global is reachable).
 */
function evaluate(expression: string, scope: Scope): unknown {
  const dataOnly = new Proxy(scope, { has: () => true, get: (target, key) => (typeof key == 'string' ? target[key] : undefined) })
  return new Function('scope', `with (scope) { return (${expression}) }`)(dataOnly)
}

/** A value with mustaches: a lone `{{x}}` keeps x's type; mixed text becomes a string. */
function interpolate(value: string, scope: Scope): unknown {
  const lone = /^\s*\{\{([\s\S]*?)\}\}\s*$/.exec(value)
  if (lone) return evaluate(lone[1], scope)
  return value.replace(/\{\{([\s\S]*?)\}\}/g, (_, expression: string) => {
    const result = evaluate(expression, scope)
    return result === undefined || result === null ? '' : Array.isArray(result) ? result.join(' ') : String(result)
  })
}

/** Renders the children of an element: conditions chained across siblings, lists repeated. */
function renderChildren(children: (Parsed | string)[], scope: Scope): Rendered[] {
  const rendered: Rendered[] = []
  let chainTaken: boolean | undefined // undefined: not inside a wx:if chain
  for (const child of children) {
    if (typeof child == 'string') {
      const text = String(interpolate(child, scope))
      if (text.trim()) rendered.push({ tag: '#text', attrs: {}, children: [], text })
      continue
    }
    const { attrs } = child
    if ('wx:if' in attrs) {
      chainTaken = Boolean(interpolate(attrs['wx:if'], scope))
      if (!chainTaken) continue
    } else if ('wx:elif' in attrs) {
      if (chainTaken !== false) continue
      chainTaken = Boolean(interpolate(attrs['wx:elif'], scope))
      if (!chainTaken) continue
    } else if ('wx:else' in attrs) {
      if (chainTaken !== false) continue
      chainTaken = undefined
    } else {
      chainTaken = undefined
    }
    if ('wx:for' in attrs) {
      const list = interpolate(attrs['wx:for'], scope)
      const entries = Array.isArray(list) ? list.entries() : Object.entries((list ?? {}) as object)
      for (const [index, item] of entries) {
        const itemScope = { ...scope, [attrs['wx:for-item'] ?? 'item']: item, [attrs['wx:for-index'] ?? 'index']: index }
        rendered.push(renderElement(child, itemScope))
      }
    } else {
      rendered.push(renderElement(child, scope))
    }
  }
  return rendered
}

function renderElement(element: Parsed, scope: Scope): Rendered {
  const attrs: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(element.attrs)) if (!name.startsWith('wx:')) attrs[name] = interpolate(value, scope)
  const children = renderChildren(element.children, scope)
  const tags = element.tag == 'block' ? children : [] // <block> renders only its children
  return { tag: element.tag, attrs, children: tags.length ? tags : children, text: children.map((c) => c.text).join('') }
}

/** Renders parsed WXML against the page's data. */
export function renderWxml(tree: Parsed, data: Scope): Rendered {
  return renderElement(tree, data)
}

/** The first rendered element (depth first) for which `match` holds. */
export function findRendered(root: Rendered, match: (element: Rendered) => boolean): Rendered | undefined {
  if (match(root)) return root
  for (const child of root.children) {
    const found = findRendered(child, match)
    if (found) return found
  }
  return undefined
}
