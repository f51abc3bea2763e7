// Small DOM helpers. Text always goes in as text (never as HTML), so request bodies and user data cannot inject markup.
import { t } from './i18n.js'

/**
 * Creates an element. `on…` props become listeners, known properties (value, checked…) are set as properties,
 * anything else as an attribute; false, null and undefined props and children are skipped.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, any>} [props]
 * @param {...any} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag)
  element.append(...children.flat(Infinity).filter((child) => child != null && child !== false))
  // After the children, so a select's value can name one of its options.
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue
    if (key.startsWith('on')) element.addEventListener(key.slice(2), value)
    else if (key === 'class') element.className = value
    else if (key in element && typeof value !== 'string') /** @type {any} */ (element)[key] = value
    else if (key === 'value') /** @type {any} */ (element).value = value
    else element.setAttribute(key, value === true ? '' : String(value))
  }
  return element
}

/** Replaces the children of an element. */
export function fill(element, ...children) {
  element.replaceChildren(...children.flat(Infinity).filter((child) => child != null && child !== false))
  return element
}

/**
 * A table: one column per `{ label, cell(row), class? }`; `rowProps(row)` adds props to each row (onclick, class…).
 * @template T
 * @param {{ label: string, cell: (row: T) => any, class?: string }[]} columns
 * @param {T[]} rows
 * @param {{ rowProps?: (row: T) => Record<string, any>, empty?: string }} [options]
 */
export function table(columns, rows, options = {}) {
  if (rows.length === 0) return h('p', { class: 'empty' }, options.empty ?? t('empty'))
  return h(
    'table',
    {},
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        columns.map((column) => h('th', { class: column.class }, column.label)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((row) =>
        h(
          'tr',
          options.rowProps?.(row) ?? {},
          columns.map((column) => h('td', { class: column.class }, column.cell(row))),
        ),
      ),
    ),
  )
}

/**
 * Row props of a table whose rows can be picked: highlighted while selected, `pick()` on click; `props` adds more.
 * @param {boolean} selected
 * @param {() => void} pick
 * @param {Record<string, any>} [props]
 */
export const pickable = (selected, pick, props = {}) => ({ ...props, class: `clickable${selected ? ' selected' : ''}`, onclick: pick })

/**
 * A definition list of `[name, value]` facts; a missing value shows as —.
 * @param {any[][]} pairs - `[name, value]` each
 */
export const facts = (pairs) =>
  h(
    'dl',
    {},
    pairs.map(([name, value]) => [h('dt', {}, name), h('dd', {}, value ?? '—')]),
  )

/** The row of controls above a panel's list. */
export const toolbar = (...children) => h('div', { class: 'toolbar' }, ...children)

/**
 * A search field that reports its text on every keystroke.
 * @param {string} placeholder
 * @param {string} value
 * @param {(text: string) => void} onInput
 */
export const searchBox = (placeholder, value, onInput) =>
  h('input', { type: 'search', placeholder, value, oninput: (event) => onInput(event.target.value) })

/**
 * A labelled checkbox that reports whether it is checked.
 * @param {string} label
 * @param {boolean} checked
 * @param {(checked: boolean) => void} onChange
 */
export const checkbox = (label, checked, onChange) =>
  h('label', { class: 'check' }, h('input', { type: 'checkbox', checked, onchange: (event) => onChange(event.target.checked) }), label)

/** A panel: its toolbar above a list and, when given, a side pane showing the picked row. */
export const panel = (bar, list, side) => h('div', { class: 'panel' }, bar, side ? h('div', { class: 'split' }, list, side) : list)

/** A coloured label: kind is ok, warn, bad or muted. */
export const badge = (text, kind = 'muted') => h('span', { class: `badge ${kind}` }, text)

/** A labelled form control. */
export const field = (label, control) => h('label', { class: 'field' }, h('span', {}, label), control)

/** Shows a short message in the corner. */
export function toast(message, kind = 'ok') {
  const item = h('div', { class: `toast ${kind}`, role: 'status' }, message)
  document.getElementById('toasts')?.append(item)
  setTimeout(() => item.remove(), kind === 'bad' ? 6000 : 2500)
}

/** Runs an action from a button or form, turning a failure into an error toast. */
export async function attempt(action) {
  try {
    return await action()
  } catch (error) {
    toast(error instanceof Error ? error.message : String(error), 'bad')
    return undefined
  }
}

async function copy(text) {
  try {
    await navigator.clipboard.writeText(text)
  } catch {
    // No clipboard permission (e.g. an embedded browser): copy through a selected text field instead.
    const area = h('textarea', { value: text, readonly: true, class: 'offscreen' })
    document.body.append(area)
    area.select()
    document.execCommand('copy')
    area.remove()
  }
  toast(t('copied', { text }))
}

/** A value in monospace with a copy button. */
export const copyable = (text, props = {}) =>
  h(
    'span',
    { class: 'copyable' },
    h('code', props, text),
    h('button', { class: 'copy', title: t('copy'), 'aria-label': t('copy'), onclick: () => copy(text) }),
  )

/** The start of a long id or token, for tables. */
export const short = (value, length = 8) => (value && value.length > length + 1 ? `${value.slice(0, length)}…` : (value ?? ''))

const pad = (n) => String(n).padStart(2, '0')

/** Time of day of an ISO date, in the browser's time zone (`14:03:27`). */
export function timeOf(iso) {
  const date = new Date(iso)
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
}

/** Date and time of an ISO date (`2026-11-01 14:03:27`). */
export function dateTimeOf(iso) {
  if (!iso) return '—'
  const date = new Date(iso)
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${timeOf(iso)}`
}

/** A duration as `1d 2h`, `4m 05s`, `12s`; negative durations are prefixed with −. */
export function durationOf(ms) {
  const sign = ms < 0 ? '−' : ''
  let seconds = Math.round(Math.abs(ms) / 1000)
  const days = Math.floor(seconds / 86400)
  const hours = Math.floor((seconds % 86400) / 3600)
  const minutes = Math.floor((seconds % 3600) / 60)
  seconds %= 60
  if (days) return `${sign}${days}d ${hours}h`
  if (hours) return `${sign}${hours}h ${pad(minutes)}m`
  if (minutes) return `${sign}${minutes}m ${pad(seconds)}s`
  return `${sign}${seconds}s`
}

/** Pretty-printed JSON when the text is JSON, the text itself otherwise. */
export function pretty(text) {
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}
