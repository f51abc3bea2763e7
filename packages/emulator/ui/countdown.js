// Validity cells (codes, WeChat codes) that count down every second against the emulator clock.
import { badge, durationOf, fill, h } from './dom.js'
import { t } from './i18n.js'
import { remainingUntil } from './time.js'

/** `{ expiresAt, used }` as a badge: time left, used, expired, or no expiry. */
function state({ expiresAt, used }) {
  if (used) return badge(t('status.used'))
  if (expiresAt === null) return badge(t('status.noExpiry'), 'ok')
  const left = remainingUntil(expiresAt)
  return left > 0 ? badge(durationOf(left), 'ok') : badge(t('status.expired'))
}

/** A set of cells for one panel: `cell(item)` makes one, `tick()` updates those still on the page. */
export function countdown() {
  let cells = []
  return {
    cell(item) {
      const cell = h('span', {}, state(item))
      cells.push([cell, item])
      return cell
    },
    tick() {
      cells = cells.filter(([cell]) => cell.isConnected)
      for (const [cell, item] of cells) fill(cell, state(item))
    },
  }
}
