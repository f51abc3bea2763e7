// What is on screen in a mini program page, read from its data the way the view layer renders it: elements found by
// `#id` or `.class`, their text and classes, and the page method an event on them calls.
import type { PageInstance } from './page'
import { findRendered, parseWxml, renderWxml, type Rendered } from './wxml'

/** An element on screen. */
export interface ViewElement {
  id: string
  text: string
  classes: string[]
  /** The page method that an event (`tap`, `getphonenumber`…) on this element calls, and the event's dataset. */
  handler(event: string): { method: string; dataset: Record<string, unknown> } | undefined
}

/** Finds an element on screen by `#id` or `.class`. */
export type View = (selector: string) => ViewElement | undefined

function matches(selector: string, id: string, classes: string[]): boolean {
  return selector.startsWith('#') ? id == selector.slice(1) : classes.includes(selector.slice(1))
}

const camel = (name: string) => name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase())

/**
 * The view of a page with its own WXML (native pages, uni-app, and other compilers that emit static WXML), or TTML
 * on Douyin (`prefix` `tt`).
 */
export function wxmlView(page: PageInstance, wxml: string, prefix: 'wx' | 'tt' = 'wx'): View {
  const tree = parseWxml(wxml, prefix)
  return (selector) => {
    const classesOf = (element: Rendered) => [element.attrs.class].flat().join(' ').split(/\s+/).filter(Boolean)
    const element = findRendered(renderWxml(tree, page.instance.data), (e) => matches(selector, String(e.attrs.id ?? ''), classesOf(e)))
    if (!element) return undefined
    return {
      id: String(element.attrs.id ?? ''),
      text: element.text,
      classes: classesOf(element),
      handler(event) {
        const bound = ['bind', 'catch', 'bind:', 'catch:', 'mut-bind:'].map((prefix) => element.attrs[prefix + event]).find(Boolean)
        if (!bound) return undefined
        const dataset = Object.fromEntries(
          Object.entries(element.attrs)
            .filter(([name]) => name.startsWith('data-'))
            .map(([name, value]) => [camel(name.slice(5)), value]),
        )
        return { method: String(bound), dataset }
      },
    }
  }
}

/** A node of the tree Taro renders into `data.root` (its short keys: `cn` children, `v` text, `cl` class). */
interface TaroNode {
  uid?: string
  sid?: string
  cl?: string
  v?: string
  cn?: TaroNode[]
}

/**
 * The view of a Taro page: Taro renders the page as a tree in `data.root`, which one generic template (base.wxml)
 * turns into elements, every event going to the page's `eh` method with the node's `sid`.
 */
export function taroView(page: PageInstance): View {
  const textOf = (node: TaroNode): string => (node.v ?? '') + (node.cn ?? []).map(textOf).join('')
  const find = (node: TaroNode, selector: string): TaroNode | undefined => {
    if (matches(selector, node.uid ?? '', (node.cl ?? '').split(/\s+/))) return node
    for (const child of node.cn ?? []) {
      const found = find(child, selector)
      if (found) return found
    }
    return undefined
  }
  return (selector) => {
    const node = find(page.instance.data.root as TaroNode, selector)
    if (!node) return undefined
    return {
      id: node.uid ?? '',
      text: textOf(node),
      classes: (node.cl ?? '').split(/\s+/).filter(Boolean),
      handler: () => ({ method: 'eh', dataset: { sid: node.sid } }),
    }
  }
}
