// Fault injection: make a route (or every route) slow, fail, answer garbage or drop the connection; remove it again.
import { api } from '../api.js'
import { attempt, badge, fill, h, table, timeOf, toast, toolbar } from '../dom.js'
import { form } from '../forms.js'
import { t } from '../i18n.js'
import { log } from '../live.js'

const KINDS = ['status', 'latency', 'html', 'truncated', 'empty', 'drop']
const METHODS = ['', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE']

/** The spec the control plane takes, from the form's text values (empty = not set). */
function specOf(values) {
  const spec = { route: values.route, kind: values.kind }
  if (values.method) spec.method = values.method
  for (const name of ['status', 'ms', 'times']) if (values[name]) spec[name] = Number(values[name])
  if (spec.kind !== 'status') delete spec.status
  return spec
}

export function faultsPanel() {
  const list = h('div', { class: 'list' })
  // Routes seen in the request log, as suggestions.
  const routes = h('datalist', { id: 'fault-routes' })
  let faults = []

  async function reload() {
    faults = await api.faults()
    fill(
      routes,
      ['*', ...new Set(log.map((entry) => entry.path))].map((route) => h('option', { value: route })),
    )
    fill(
      list,
      table(
        [
          { label: t('faults.route'), cell: (fault) => h('code', {}, fault.route) },
          { label: t('faults.method'), cell: (fault) => fault.method ?? t('faults.anyMethod') },
          {
            label: t('faults.kind'),
            cell: (fault) => badge(fault.kind === 'status' ? `${fault.kind} ${fault.status ?? 500}` : fault.kind, 'bad'),
          },
          { label: t('faults.delay'), cell: (fault) => (fault.ms ? `${fault.ms} ms` : '—') },
          { label: t('faults.times'), cell: (fault) => (fault.times === undefined ? '∞' : String(fault.times)) },
          { label: t('faults.hits'), cell: (fault) => String(fault.hits) },
          { label: t('faults.since'), cell: (fault) => timeOf(fault.createdAt) },
          {
            label: '',
            cell: (fault) =>
              h(
                'button',
                {
                  onclick: () =>
                    attempt(async () => {
                      await api.removeFault(fault.id)
                      await reload()
                    }),
                },
                t('remove'),
              ),
          },
        ],
        faults,
        { empty: t('faults.none') },
      ),
    )
  }

  const addForm = form({
    fields: [
      { name: 'route', label: t('faults.route'), required: true, value: '*', list: 'fault-routes' },
      {
        name: 'method',
        label: t('faults.method'),
        type: 'select',
        options: METHODS.map((method) => [method, method || t('faults.anyMethod')]),
      },
      {
        name: 'kind',
        label: t('faults.kind'),
        type: 'select',
        options: KINDS.map((kind) => [kind, `${kind} — ${t(`faults.kinds.${kind}`)}`]),
      },
      { name: 'status', label: t('faults.status'), type: 'number', value: '503', min: 500, max: 599 },
      { name: 'ms', label: t('faults.delayMs'), type: 'number', min: 0, placeholder: '0' },
      { name: 'times', label: t('faults.times'), type: 'number', min: 1, placeholder: t('faults.untilCleared') },
    ],
    submitLabel: t('faults.add'),
    async submit(values) {
      await api.setFault(specOf(values))
      toast(t('faults.added'))
      await reload()
    },
  })

  const clearAll = h(
    'button',
    {
      onclick: () =>
        attempt(async () => {
          await api.clearFaults()
          await reload()
        }),
    },
    t('faults.clear'),
  )

  return {
    id: 'faults',
    element: h(
      'div',
      { class: 'panel' },
      h('section', { class: 'card' }, h('p', { class: 'hint' }, t('faults.hint')), addForm, routes),
      toolbar(h('h3', {}, t('faults.active')), clearAll),
      list,
    ),
    refresh: reload,
  }
}
