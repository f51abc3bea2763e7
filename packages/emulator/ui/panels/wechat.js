// Simulated WeChat: mint a `wx.login` code for an openid or a phone code for a number, copy it, and see every code
// the emulator knows with its state.
import { api } from '../api.js'
import { badge, copyable, fill, h, table, timeOf } from '../dom.js'
import { countdown } from '../countdown.js'
import { form } from '../forms.js'
import { t } from '../i18n.js'

/**
 * The last minted code of each form, kept across refreshes and language switches.
 * @type {{ login: { code: string, openid: string, unionid: string | null } | null, phone: { code: string, phoneNumber: string, countryCode: string } | null }}
 */
const minted = { login: null, phone: null }

function result(code, detail) {
  return code && h('div', { class: 'minted' }, copyable(code.code, { class: 'code', 'data-minted': code.code }), h('small', {}, detail))
}

export function wechatPanel() {
  const list = h('div', { class: 'list' })
  const loginResult = h('div')
  const phoneResult = h('div')
  const timers = countdown()
  let codes = []

  function draw() {
    fill(
      loginResult,
      result(
        minted.login,
        minted.login && `openid ${minted.login.openid}${minted.login.unionid ? ` · unionid ${minted.login.unionid}` : ''}`,
      ),
    )
    fill(phoneResult, result(minted.phone, minted.phone && `+${minted.phone.countryCode} ${minted.phone.phoneNumber}`))
    fill(
      list,
      table(
        [
          { label: t('wechat.created'), cell: (code) => timeOf(code.createdAt) },
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
    codes = await api.wechatCodes()
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
      ),
      h('h3', {}, t('wechat.all')),
      list,
    ),
    refresh: reload,
    tick: timers.tick,
  }
}
