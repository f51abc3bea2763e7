// The live request log: what the emulator received and answered, newest first; a row opens its details. Passwords,
// tokens, codes and secrets arrive masked from the emulator.
import { api } from '../api.js'
import { attempt, badge, checkbox, facts, fill, h, panel, pickable, pretty, searchBox, table, timeOf, toolbar } from '../dom.js'
import { t } from '../i18n.js'
import { log } from '../live.js'

/** Rows drawn at once; the log keeps more. */
const SHOWN = 300

let selectedId = null
let filterText = ''
let errorsOnly = false

const failed = (entry) => entry.error !== null || entry.status === 0 || entry.status >= 400

function statusBadge(entry) {
  if (entry.status === 0) return badge(t('requests.dropped'), 'bad')
  return badge(String(entry.status), failed(entry) ? 'bad' : 'ok')
}

function matches(entry) {
  if (errorsOnly && !failed(entry)) return false
  if (!filterText) return true
  const needle = filterText.toLowerCase()
  return [entry.method, entry.path, String(entry.status), entry.error ?? '', entry.note ?? ''].some((text) =>
    text.toLowerCase().includes(needle),
  )
}

const section = (title, text) => text && h('section', {}, h('h4', {}, title), h('pre', {}, text))

const lines = (record) =>
  Object.entries(record)
    .map(([name, value]) => `${name}: ${Array.isArray(value) ? value.join(', ') : value}`)
    .join('\n')

function details(entry) {
  if (!entry) return h('p', { class: 'empty' }, t('requests.pick'))
  const known = [
    [t('requests.time'), entry.time],
    [t('requests.status'), statusBadge(entry)],
    [t('requests.duration'), `${entry.durationMs} ms`],
    [t('requests.id'), entry.requestId],
    entry.fault && [t('requests.fault'), badge(entry.fault, 'warn')],
    entry.error && [t('requests.error'), h('span', { class: 'error' }, entry.error)],
    entry.note && [t('requests.note'), entry.note],
  ].filter(Boolean)
  return h(
    'div',
    { class: 'details', 'data-testid': 'request-details' },
    h('h3', {}, `${entry.method} ${entry.path}`),
    facts(known),
    Object.keys(entry.query).length > 0 && section(t('requests.query'), lines(entry.query)),
    section(t('requests.headers'), lines(entry.requestHeaders)),
    section(t('requests.body'), entry.requestBody && pretty(entry.requestBody)),
    section(t('requests.response'), entry.responseBody && pretty(entry.responseBody)),
    h('p', { class: 'hint' }, t('requests.masked')),
  )
}

export function requestsPanel() {
  const list = h('div', { class: 'list' })
  const side = h('aside', { class: 'side' })

  function draw() {
    const rows = log.filter(matches).slice(-SHOWN).reverse()
    fill(
      list,
      table(
        [
          { label: t('requests.time'), cell: (entry) => timeOf(entry.time), class: 'nowrap' },
          { label: t('requests.method'), cell: (entry) => entry.method },
          { label: t('requests.path'), cell: (entry) => h('code', {}, entry.path) },
          { label: t('requests.status'), cell: statusBadge },
          { label: t('requests.duration'), cell: (entry) => `${entry.durationMs} ms`, class: 'num' },
          {
            label: t('requests.message'),
            cell: (entry) => [
              entry.fault && badge(entry.fault, 'warn'),
              entry.error ? h('span', { class: 'error' }, entry.error) : entry.note,
            ],
          },
        ],
        rows,
        {
          empty: t('requests.none'),
          rowProps: (entry) =>
            pickable(
              entry.id === selectedId,
              () => {
                selectedId = entry.id
                draw()
              },
              { 'data-id': entry.id, 'data-path': entry.path },
            ),
        },
      ),
    )
    fill(side, details(log.find((entry) => entry.id === selectedId)))
  }

  const bar = toolbar(
    searchBox(t('requests.filter'), filterText, (text) => {
      filterText = text
      draw()
    }),
    checkbox(t('requests.errorsOnly'), errorsOnly, (checked) => {
      errorsOnly = checked
      draw()
    }),
    h(
      'button',
      {
        onclick: () =>
          attempt(async () => {
            await api.clearRequests()
            log.length = 0
            selectedId = null
            draw()
          }),
      },
      t('requests.clear'),
    ),
  )

  draw()
  return {
    id: 'requests',
    element: panel(bar, list, side),
    refresh: async () => draw(),
  }
}
