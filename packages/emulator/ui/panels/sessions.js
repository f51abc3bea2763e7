// Sessions: every login with its access / ID tokens and its refresh-token family; revoking one ends them all, so the
// app's next authenticated call fails.
import { api } from '../api.js'
import { attempt, badge, checkbox, dateTimeOf, fill, h, panel, short, table, timeOf, toast, toolbar } from '../dom.js'
import { t } from '../i18n.js'
import { userLabel } from './users.js'

let activeOnly = false

const TOKEN_KINDS = { active: 'ok', used: 'muted', revoked: 'bad', expired: 'muted' }

function tokenState(token) {
  if (token.revoked) return 'revoked'
  return token.expired ? 'expired' : 'active'
}

/** One token: its kind, the start of its id (of a refresh token, only the first characters), state and expiry. */
const tokenLine = (kind, shown, state, expiresAt) =>
  h(
    'div',
    { class: 'token' },
    h('span', {}, kind),
    h('code', {}, shown),
    badge(t(`status.${state}`), TOKEN_KINDS[state]),
    h('small', {}, timeOf(expiresAt)),
  )

function status(session) {
  if (!session.revoked) return badge(t('status.active'), 'ok')
  return [badge(t('status.revoked'), 'bad'), h('small', { class: 'block' }, session.revokedReason)]
}

export function sessionsPanel() {
  const list = h('div', { class: 'list' })
  let sessions = []
  let users = new Map()

  async function revoke(session) {
    await attempt(async () => {
      await api.revokeSession(session.id)
      toast(t('sessions.revoked'))
      await reload()
    })
  }

  function draw() {
    const rows = sessions.filter((session) => !activeOnly || !session.revoked)
    fill(
      list,
      table(
        [
          { label: t('sessions.started'), cell: (session) => dateTimeOf(session.createdAt), class: 'nowrap' },
          { label: t('sessions.user'), cell: (session) => h('strong', {}, users.get(session.userId) ?? short(session.userId)) },
          {
            label: t('sessions.connection'),
            cell: (session) => [h('code', {}, session.connection), h('small', { class: 'block' }, session.scope)],
          },
          {
            label: t('sessions.tokens'),
            cell: (session) =>
              session.tokens.map((token) => tokenLine(token.kind, short(token.jti, 6), tokenState(token), token.expiresAt)),
          },
          {
            label: t('sessions.refreshFamily'),
            cell: (session) =>
              session.refreshTokens.map((token) => tokenLine('refresh', short(token.token, 4), token.status, token.expiresAt)),
          },
          { label: t('sessions.status'), cell: status },
          {
            label: '',
            cell: (session) => !session.revoked && h('button', { class: 'danger', onclick: () => revoke(session) }, t('sessions.revoke')),
          },
        ],
        rows,
        {
          empty: t('sessions.none'),
          rowProps: (session) => ({ 'data-session': session.id, 'data-user': users.get(session.userId) ?? '' }),
        },
      ),
    )
  }

  async function reload() {
    const [found, people] = await Promise.all([api.sessions(), api.users()])
    sessions = found
    users = new Map(people.map((user) => [user.userId, userLabel(user)]))
    draw()
  }

  const bar = toolbar(
    checkbox(t('sessions.activeOnly'), activeOnly, (checked) => {
      activeOnly = checked
      draw()
    }),
    h('span', { class: 'hint' }, t('sessions.hint')),
  )

  return { id: 'sessions', element: panel(bar, list), refresh: reload }
}
