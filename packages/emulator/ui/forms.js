// Forms built from field descriptions: inline on a panel, or in a modal dialog.
import { attempt, field, h } from './dom.js'
import { t } from './i18n.js'

/**
 * @typedef {object} Field
 * @property {string} name
 * @property {string} label
 * @property {'text' | 'password' | 'number' | 'select'} [type]
 * @property {string} [value]
 * @property {[string, string][]} [options] value and label of each option of a select
 * @property {boolean} [required]
 * @property {string} [placeholder]
 * @property {string} [list] id of a datalist of suggestions
 * @property {number} [min]
 * @property {number} [max]
 */

/** @param {Field} spec */
function control(spec) {
  if (spec.type === 'select') {
    return h(
      'select',
      { name: spec.name, value: spec.value },
      (spec.options ?? []).map(([value, label]) => h('option', { value }, label)),
    )
  }
  const { label: _label, ...props } = spec
  return h('input', { autocomplete: 'off', ...props, type: spec.type ?? 'text', value: spec.value ?? '' })
}

/** The form's values by name, trimmed. */
const valuesOf = (form) => Object.fromEntries([...new FormData(form)].map(([name, value]) => [name, String(value).trim()]))

/**
 * A form whose submit runs `submit(values)` (failures become an error toast); resolves true when it succeeded.
 * @param {{ fields: Field[], submitLabel: string, submit: (values: Record<string, string>) => Promise<unknown>, class?: string, danger?: boolean, before?: any, after?: any }} options
 */
export function form(options) {
  const element = h(
    'form',
    { class: options.class ?? 'inline' },
    options.before,
    options.fields.map((spec) => field(spec.label, control(spec))),
    h(
      'div',
      { class: 'actions' },
      options.after,
      h('button', { type: 'submit', class: options.danger ? 'danger' : 'primary' }, options.submitLabel),
    ),
  )
  element.addEventListener('submit', async (event) => {
    event.preventDefault()
    const done = await attempt(async () => {
      await options.submit(valuesOf(element))
      return true
    })
    if (done) element.dispatchEvent(new Event('done'))
  })
  return element
}

/**
 * A modal form that closes once its submit succeeds.
 * @param {{ title: string, message?: string, fields?: Field[], submitLabel?: string, danger?: boolean, submit: (values: Record<string, string>) => Promise<unknown> }} options
 */
export function openDialog(options) {
  const dialog = h('dialog')
  const content = form({
    class: 'stacked',
    fields: options.fields ?? [],
    submitLabel: options.submitLabel ?? t('save'),
    danger: options.danger,
    submit: options.submit,
    before: [h('h3', {}, options.title), options.message && h('p', {}, options.message)],
    after: h('button', { type: 'button', onclick: () => dialog.close() }, t('cancel')),
  })
  content.addEventListener('done', () => dialog.close())
  dialog.append(content)
  dialog.addEventListener('close', () => dialog.remove())
  document.body.append(dialog)
  dialog.showModal()
}
