import { authingError, describe } from './errors'
import { isText } from './value-checks'

/** An argument object, as the method's own copy (see {@link copyArgument}). */
export type Fields = Record<string, unknown>

/**
 * The method's own copy of its argument, read once as JSON: what is checked is what is sent, the caller's object is
 * never changed, and a getter, proxy or `toJSON` of the caller's that fails is an invalid argument before any I/O.
 * Values that are not objects are used as they are.
 */
export function copyArgument<T>(value: T): T {
  if (!value || typeof value != 'object') return value
  try {
    return JSON.parse(JSON.stringify(value)) as T
  } catch (reason) {
    throw authingError('invalid_argument', describe(reason))
  }
}

/** Returns `value` if it is a non-empty string; otherwise throws `invalid_argument` naming it. */
export function requireText(value: unknown, name: string): string {
  if (isText(value)) return value
  throw authingError('invalid_argument', `${name} must be a non-empty string`)
}

/** Returns `value` if it is a plain object (not an array); otherwise throws `invalid_argument` naming it. */
export function requireObject(value: unknown, name: string): Fields {
  if (value && typeof value == 'object' && !Array.isArray(value)) return value as Fields
  throw authingError('invalid_argument', `${name} must be an object`)
}

/** Like {@link requireObject}, but `undefined` and `null` are allowed (and read as an empty object). */
export function optionalObject(value: unknown, name: string): Fields {
  return value == null ? {} : requireObject(value, name)
}

/**
 * Checks a method's argument object (its own copy): it is an object, its `options` (if any) is one, and every path in
 * `required` (space-separated, dotted for nested fields) holds a non-empty string. Returns it, typed as fields.
 */
export function checkParams(params: unknown, required = ''): Fields {
  const checked = requireObject(params, 'params')
  optionalObject(checked.options, 'options')
  for (const path of required.split(' ')) {
    if (path) requireText(valueAt(checked, path), path)
  }
  return checked
}

/** The value at a dotted path, or `undefined` where the path breaks off. */
function valueAt(fields: Fields, path: string): unknown {
  let value: unknown = fields
  for (const key of path.split('.')) value = value && typeof value == 'object' ? (value as Fields)[key] : undefined
  return value
}

/** Fills each field of `defaults` that `fields` leaves empty (missing, `''`, `0`, `false`, `null`). */
export function fillDefaults(fields: Fields, defaults: Fields): Fields {
  for (const key of Object.keys(defaults)) if (!fields[key]) fields[key] = defaults[key]
  return fields
}
