// Simulated WeChat and Douyin: mint a `wx.login` code for an openid, a phone code for a number or a `tt.login` code,
// copy it, and see every code the emulator knows with its state.
import { api } from '../api.js'
import { badge, copyable, fill, h, table, timeOf } from '../dom.js'
import { countdown } from '../countdown.js'
import { form } from '../forms.js'
import { t } from '../i18n.js'

/**
 * The last minted code of each form, kept across refreshes and language switches.
 * @type {{ login: { code: string, openid: string, unionid: string | null } | null, phone: { code: string, phoneNumber: string, countryCode: string } | null, douyin: { code: string, openid: string, unionid: string | null } | null }}
 */
const minted = { login: null, phone: null, douyin: null }

function result(code, detail) {
  return code && h('div', { class: 'minted' }, copyable(code.code, { class: 'code', 'data-minted': code.code }), h('small', {}, detail))
}

export function wechatPanel() {
  const list = h('div', { class: 'list' })
  const loginResult = h('div')
  const phoneResult = h('div')
  const douyinResult = h('div')
  const timers = countdown()
  let codes = []

  /** @param {{ openid: string, unionid: string | null } | null} login */
  const identity = (login) => login && `openid ${login.openid}${login.unionid ? ` · unionid ${login.unionid}` : ''}`

  function draw() {
    fill(loginResult, result(minted.login, identity(minted.login)))
    fill(douyinResult, result(minted.douyin, identity(minted.douyin)))
    fill(phoneResult, result(minted.phone, minted.phone && `+${minted.phone.countryCode} ${minted.phone.phoneNumber}`))
    fill(
      list,
      table(
        [
          { label: t('wechat.created'), cell: (code) => timeOf(code.createdAt) },
          { label: t('wechat.platform'), cell: (code) => t(`wechat.platform.${code.platform}`) },
          { label: t('wechat.kind'), cell: (code) => [t(`wechat.${code.kind}`), ' ', badge(t(`wechat.source.${code.source}`))] },
          {
            label: t('wechat.identity'),
            cell: (code) => (code.kind === 'login' ? code.openid : `+${code.countryCode} ${code.phoneNumber}`),
          },
          { label: t('wechat.code'), cell: (code) => copyable(code.code) },
          { label: t('wechat.validity'), cell: (code) => timers.cell(code) },
        ],
        codes,
        { empty: t('wechat.none') },
      ),
    )
  }

  async function reload() {
    const [wechat, douyin] = await Promise.all([api.wechatCodes(), api.douyinCodes()])
    const tagged = (platform) => (code) => ({ ...code, platform })
    codes = [...wechat.map(tagged('wechat')), ...douyin.map(tagged('douyin'))].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    draw()
  }

  const loginForm = form({
    fields: [
      { name: 'openid', label: 'openid', placeholder: t('wechat.randomOpenid') },
      { name: 'unionid', label: 'unionid', placeholder: t('optional') },
    ],
    submitLabel: t('wechat.mintLogin'),
    async submit({ openid, unionid }) {
      minted.login = await api.mintLoginCode({ ...(openid && { openid }), ...(unionid && { unionid }) })
      await reload()
    },
  })
  const douyinForm = form({
    fields: [
      { name: 'openid', label: 'openid', placeholder: t('wechat.randomOpenid') },
      { name: 'unionid', label: 'unionid', placeholder: t('optional') },
    ],
    submitLabel: t('wechat.mintDouyin'),
    async submit({ openid, unionid }) {
      minted.douyin = await api.mintDouyinLoginCode({ ...(openid && { openid }), ...(unionid && { unionid }) })
      await reload()
    },
  })
  const phoneForm = form({
    fields: [
      { name: 'phoneNumber', label: t('wechat.phoneNumber'), required: true, placeholder: '13800000000' },
      { name: 'countryCode', label: t('wechat.countryCode'), value: '86' },
    ],
    submitLabel: t('wechat.mintPhone'),
    async submit({ phoneNumber, countryCode }) {
      minted.phone = await api.mintPhoneCode({ phoneNumber, ...(countryCode && { countryCode }) })
      await reload()
    },
  })

  const card = (title, hint, content, output) =>
    h('section', { class: 'card' }, h('h3', {}, title), h('p', { class: 'hint' }, hint), content, output)
  return {
    id: 'wechat',
    element: h(
      'div',
      { class: 'panel' },
      h(
        'div',
        { class: 'cards' },
        card(t('wechat.loginTitle'), t('wechat.loginHint'), loginForm, loginResult),
        card(t('wechat.phoneTitle'), t('wechat.phoneHint'), phoneForm, phoneResult),
        card(t('wechat.douyinTitle'), t('wechat.douyinHint'), douyinForm, douyinResult),
      ),
      h('h3', {}, t('wechat.all')),
      list,
    ),
    refresh: reload,
    tick: timers.tick,
  }
}
