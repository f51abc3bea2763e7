// The dashboard page: a header (emulator, clock, active faults, language), one tab per panel, and the live feed that
// keeps the open panel current. Panels are rebuilt when the language changes; their data stays in the emulator.
import { api } from './api.js'
import { badge, copyable, dateTimeOf, durationOf, fill, h } from './dom.js'
import { language, setLanguage, t } from './i18n.js'
import { connect } from './live.js'
import { clockPanel } from './panels/clock.js'
import { codesPanel } from './panels/codes.js'
import { faultsPanel } from './panels/faults.js'
import { requestsPanel } from './panels/requests.js'
import { sessionsPanel } from './panels/sessions.js'
import { usersPanel } from './panels/users.js'
import { wechatPanel } from './panels/wechat.js'
import { clockOffset, emulatorNow, setClock } from './time.js'

const FACTORIES = [requestsPanel, codesPanel, usersPanel, sessionsPanel, wechatPanel, faultsPanel, clockPanel]
/** Reloads at most this often while requests stream in. */
const REFRESH_MS = 250

let info = null
let faultCount = 0
let connected = false
let panels = []
const current = () => panels.find((panel) => `#${panel.id}` === location.hash) ?? panels[0]

const header = h('header', { class: 'bar' })
const clock = h('a', { href: '#clock', class: 'clock' })
const tabs = h('nav', { class: 'tabs' })
const main = h('main')

/** The emulator time in the header, every second. */
function drawClock() {
  const offset = clockOffset()
  clock.title = t('clock.title')
  fill(clock, dateTimeOf(new Date(emulatorNow()).toISOString()), offset !== 0 && badge(durationOf(offset), 'warn'))
}

function drawHeader() {
  const app = info?.apps[0]
  drawClock()
  fill(
    header,
    h('h1', {}, t('title'), h('small', {}, info ? ` ${info.version}` : '')),
    app && h('span', { class: 'meta' }, 'appId ', copyable(app.id), ' userPoolId ', copyable(app.userPoolId)),
    h('span', { class: 'spacer' }),
    faultCount > 0 && h('a', { href: '#faults', class: 'badge bad' }, t('header.faults', { count: faultCount })),
    clock,
    h(
      'span',
      { class: `live ${connected ? 'on' : 'off'}`, title: connected ? t('header.live') : t('header.offline') },
      connected ? t('header.live') : t('header.offline'),
    ),
    h(
      'button',
      { class: 'lang', onclick: () => switchLanguage(language() === 'zh' ? 'en' : 'zh') },
      language() === 'zh' ? 'English' : '中文',
    ),
  )
}

function drawTabs() {
  const active = current()
  fill(
    tabs,
    panels.map((panel) => h('a', { href: `#${panel.id}`, class: panel === active ? 'active' : '' }, t(`nav.${panel.id}`))),
  )
}

function show() {
  drawTabs()
  fill(main, current().element)
  refresh()
}

let timer = null
let running = false
let again = false
let last = 0
/** Reloads the header and the open panel, at most every REFRESH_MS; a change during a reload triggers one more. */
function refresh() {
  if (running) again = true
  else timer ??= setTimeout(reload, Math.max(0, last + REFRESH_MS - Date.now()))
}

async function reload() {
  timer = null
  running = true
  last = Date.now()
  try {
    const [clock, faults] = await Promise.all([api.clock(), api.faults()])
    setClock(clock)
    faultCount = faults.length
    drawHeader()
    await current().refresh()
  } catch (error) {
    // Usually the emulator is away: the live indicator says so, and the feed reloads everything when it is back.
    console.warn('dashboard: reload failed', error)
  } finally {
    running = false
    if (again) {
      again = false
      refresh()
    }
  }
}

function build() {
  panels = FACTORIES.map((factory) => factory({ refresh }))
  document.documentElement.lang = language() === 'zh' ? 'zh-CN' : 'en'
  document.title = t('title')
  drawHeader()
  show()
}

function switchLanguage(next) {
  setLanguage(next)
  build()
}

async function start() {
  document.body.append(header, tabs, main, h('div', { id: 'toasts' }))
  info = await api.info()
  setClock(info.clock)
  build()
  addEventListener('hashchange', show)
  setInterval(() => {
    drawClock()
    current().tick?.()
  }, 1000)
  connect({
    onChange: refresh,
    onRestart: async () => {
      info = await api.info()
    },
    onStatus(on) {
      connected = on
      drawHeader()
    },
  })
}

start()
