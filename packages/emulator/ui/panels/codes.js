// SMS and e-mail codes as the emulator issues them, newest first, with what is left of their validity.
import { api } from '../api.js'
import { copyable, fill, h, panel, searchBox, table, timeOf, toolbar } from '../dom.js'
import { t } from '../i18n.js'
import { countdown } from '../countdown.js'

let filterText = ''

export function codesPanel() {
  const list = h('div', { class: 'list' })
  const timers = countdown()
  let codes = []

  function draw() {
    const needle = filterText.trim().toLowerCase()
    const rows = codes.filter((code) => !needle || code.target.toLowerCase().includes(needle))
    fill(
      list,
      table(
        [
          { label: t('codes.issued'), cell: (code) => timeOf(code.createdAt) },
          { label: t('codes.kind'), cell: (code) => t(`codes.${code.kind}`) },
          { label: t('codes.target'), cell: (code) => [code.phoneCountryCode && `${code.phoneCountryCode} `, code.target] },
          { label: t('codes.channel'), cell: (code) => h('code', {}, code.channel) },
          { label: t('codes.code'), cell: (code) => copyable(code.code, { class: 'code', 'data-code': code.code }) },
          { label: t('codes.validity'), cell: (code) => timers.cell(code) },
        ],
        rows,
        { empty: t('codes.none'), rowProps: (code) => ({ 'data-target': code.target }) },
      ),
    )
  }

  const bar = toolbar(
    searchBox(t('codes.filter'), filterText, (text) => {
      filterText = text
      draw()
    }),
    h('span', { class: 'hint' }, t('codes.hint')),
  )

  return {
    id: 'codes',
    element: panel(bar, list),
    async refresh() {
      codes = await api.codes()
      draw()
    },
    tick: timers.tick,
  }
}
