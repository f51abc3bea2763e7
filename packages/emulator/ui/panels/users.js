// Users: search, a profile with its identities, and the changes a developer needs — create, edit, set a password, delete.
import { api } from '../api.js'
import { badge, copyable, dateTimeOf, facts, fill, h, panel, pickable, searchBox, table, toast, toolbar } from '../dom.js'
import { openDialog } from '../forms.js'
import { t } from '../i18n.js'

let query = ''
let selectedId = null

/** Text fields of the edit form; an emptied field is cleared. */
const TEXT_FIELDS = ['username', 'email', 'phone', 'phoneCountryCode', 'name', 'nickname']
const GENDERS = ['U', 'M', 'F']
const STATUSES = ['Activated', 'Suspended', 'Deactivated', 'Resigned', 'Archived']

export const userLabel = (user) => user.username ?? user.nickname ?? user.name ?? user.phone ?? user.email ?? user.userId

const withoutEmpty = (values) => Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''))

function createUser(reload) {
  openDialog({
    title: t('users.create'),
    fields: [
      { name: 'username', label: t('users.username') },
      { name: 'phone', label: t('users.phone') },
      { name: 'email', label: t('users.email') },
      { name: 'password', label: t('users.password') },
      { name: 'nickname', label: t('users.nickname') },
      { name: 'openid', label: t('users.openid'), placeholder: t('optional') },
    ],
    submitLabel: t('users.createAction'),
    async submit(values) {
      const { openid, ...fields } = withoutEmpty(values)
      const user = await api.createUser(openid ? { ...fields, wechat: { openid } } : fields)
      selectedId = user.userId
      toast(t('users.created', { name: userLabel(user) }))
      await reload()
    },
  })
}

function editUser(user, reload) {
  const choices = (values, prefix) => values.map((value) => [value, t(`${prefix}.${value}`)])
  openDialog({
    title: t('users.edit', { name: userLabel(user) }),
    fields: [
      ...TEXT_FIELDS.map((name) => ({ name, label: t(`users.${name}`), value: user[name] ?? '' })),
      { name: 'gender', label: t('users.gender'), type: 'select', value: user.gender, options: choices(GENDERS, 'gender') },
      { name: 'status', label: t('users.status'), type: 'select', value: user.status, options: choices(STATUSES, 'userStatus') },
    ],
    async submit(values) {
      const patch = Object.fromEntries(
        Object.entries(values)
          .filter(([name, value]) => value !== (user[name] ?? ''))
          .map(([name, value]) => [name, value === '' ? null : value]),
      )
      await api.updateUser(user.userId, patch)
      toast(t('saved'))
      await reload()
    },
  })
}

function setPassword(user, reload) {
  openDialog({
    title: t('users.setPassword', { name: userLabel(user) }),
    fields: [{ name: 'password', label: t('users.password'), required: true }],
    async submit({ password }) {
      await api.setPassword(user.userId, password)
      toast(t('users.passwordSet'))
      await reload()
    },
  })
}

function deleteUser(user, reload) {
  openDialog({
    title: t('users.delete', { name: userLabel(user) }),
    message: t('users.deleteWarning'),
    submitLabel: t('delete'),
    danger: true,
    async submit() {
      await api.deleteUser(user.userId)
      selectedId = null
      toast(t('users.deleted', { name: userLabel(user) }))
      await reload()
    },
  })
}

function profile(user, reload) {
  if (!user) return h('p', { class: 'empty' }, t('users.pick'))
  const verified = (flag) => flag && badge(t('users.verified'), 'ok')
  const known = [
    ['userId', copyable(user.userId)],
    [t('users.username'), user.username],
    [t('users.phone'), user.phone && [`${user.phoneCountryCode ?? ''} ${user.phone} `, verified(user.phoneVerified)]],
    [t('users.email'), user.email && [`${user.email} `, verified(user.emailVerified)]],
    [t('users.name'), user.name],
    [t('users.nickname'), user.nickname],
    [t('users.gender'), t(`gender.${user.gender}`)],
    [t('users.status'), badge(t(`userStatus.${user.status}`), user.status === 'Activated' ? 'ok' : 'warn')],
    [t('users.password'), user.hasPassword ? t('users.hasPassword') : t('users.noPassword')],
    [t('users.logins'), `${user.loginsCount} · ${dateTimeOf(user.lastLogin)}`],
    [t('users.createdAt'), dateTimeOf(user.createdAt)],
    [t('users.pool'), user.userPoolId],
  ]
  return h(
    'div',
    { class: 'details' },
    h('h3', {}, userLabel(user)),
    facts(known),
    h('h4', {}, t('users.identities')),
    table(
      [
        { label: t('users.provider'), cell: (identity) => `${identity.provider} · ${identity.type}` },
        { label: t('users.idInProvider'), cell: (identity) => copyable(identity.userIdInIdp) },
        { label: t('users.connection'), cell: (identity) => h('code', {}, identity.extIdpId) },
      ],
      user.identities,
      { empty: t('users.noIdentities') },
    ),
    Object.keys(user.customData).length > 0 && [h('h4', {}, t('users.customData')), h('pre', {}, JSON.stringify(user.customData, null, 2))],
    h(
      'div',
      { class: 'actions' },
      h('button', { onclick: () => editUser(user, reload) }, t('edit')),
      h('button', { onclick: () => setPassword(user, reload) }, t('users.setPasswordAction')),
      h('button', { class: 'danger', onclick: () => deleteUser(user, reload) }, t('delete')),
    ),
  )
}

export function usersPanel() {
  const list = h('div', { class: 'list' })
  const side = h('aside', { class: 'side' })
  let users = []

  function draw() {
    fill(
      list,
      table(
        [
          { label: t('users.user'), cell: (user) => h('strong', {}, userLabel(user)) },
          { label: t('users.phone'), cell: (user) => user.phone },
          { label: t('users.email'), cell: (user) => user.email },
          {
            label: t('users.identities'),
            cell: (user) => [...new Set(user.identities.map((identity) => identity.provider))].map((provider) => badge(provider)),
          },
          { label: t('users.status'), cell: (user) => badge(t(`userStatus.${user.status}`), user.status === 'Activated' ? 'ok' : 'warn') },
        ],
        users,
        {
          empty: t('users.none'),
          rowProps: (user) =>
            pickable(user.userId === selectedId, () => {
              selectedId = user.userId
              draw()
            }),
        },
      ),
    )
    fill(
      side,
      profile(
        users.find((user) => user.userId === selectedId),
        reload,
      ),
    )
  }

  async function reload() {
    users = await api.users(query.trim())
    draw()
  }

  let typing
  const bar = toolbar(
    searchBox(t('users.search'), query, (text) => {
      query = text
      clearTimeout(typing)
      typing = setTimeout(reload, 200)
    }),
    h('button', { class: 'primary', onclick: () => createUser(reload) }, t('users.create')),
  )

  return { id: 'users', element: panel(bar, list, side), refresh: reload }
}
