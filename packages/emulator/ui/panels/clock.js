// The emulator clock: every expiry (tokens, codes, throttling) reads it, so shifting it tests expiry without waiting.
import { api } from '../api.js'
import { attempt, badge, dateTimeOf, durationOf, fill, h } from '../dom.js'
import { form } from '../forms.js'
import { t } from '../i18n.js'
import { clockOffset, emulatorNow, setClock } from '../time.js'

const MINUTE = 60 * 1000
const UNITS = { minutes: MINUTE, hours: 60 * MINUTE, days: 24 * 60 * MINUTE }
const STEPS = [
  ['+1 min', MINUTE],
  ['+5 min', 5 * MINUTE],
  ['+1 h', 60 * MINUTE],
  ['+1 d', 24 * 60 * MINUTE],
  ['+30 d', 30 * 24 * 60 * MINUTE],
]

export function clockPanel({ refresh }) {
  const now = h('div', { class: 'now' })
  const offset = h('p')

  function draw() {
    fill(now, dateTimeOf(new Date(emulatorNow()).toISOString()))
    fill(offset, clockOffset() === 0 ? t('clock.realTime') : [t('clock.offset'), ' ', badge(durationOf(clockOffset()), 'warn')])
  }

  const apply = (change) =>
    attempt(async () => {
      setClock(await change())
      draw()
      refresh()
    })

  const custom = form({
    fields: [
      { name: 'amount', label: t('clock.amount'), type: 'number', value: '10', required: true },
      {
        name: 'unit',
        label: t('clock.unit'),
        type: 'select',
        value: 'minutes',
        options: Object.keys(UNITS).map((unit) => [unit, t(`clock.${unit}`)]),
      },
    ],
    submitLabel: t('clock.shift'),
    submit: ({ amount, unit }) => apply(() => api.shiftClock(Math.round(Number(amount) * UNITS[unit]))),
  })

  return {
    id: 'clock',
    element: h(
      'div',
      { class: 'panel' },
      h(
        'section',
        { class: 'card' },
        now,
        offset,
        h(
          'div',
          { class: 'actions' },
          STEPS.map(([label, ms]) => h('button', { onclick: () => apply(() => api.shiftClock(ms)) }, label)),
          h('button', { class: 'danger', onclick: () => apply(() => api.setClockOffset(0)) }, t('clock.reset')),
        ),
        custom,
        h('p', { class: 'hint' }, t('clock.hint')),
      ),
    ),
    refresh: async () => draw(),
    tick: draw,
  }
}
