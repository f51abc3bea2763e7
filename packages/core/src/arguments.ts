import { authingError } from './errors'

export type Fields = Record<string, unknown>

/** Checks a required string argument; the error names it. */
export function text(value: unknown, name: string): string {
  if (typeof value == 'string' && value) return value
  throw authingError('invalid_argument', `${name} must be a non-empty string`)
}

/** Checks a required object argument; the error names it. */
export function fields<T>(value: T, name: string): NonNullable<T> & Fields {
  if (value && typeof value == 'object' && !Array.isArray(value)) return value as NonNullable<T> & Fields
  throw authingError('invalid_argument', `${name} must be an object`)
}

/** Checks an optional object argument. */
export function optionalFields<T>(value: T, name: string): (T & Fields) | undefined {
  return value == null ? undefined : fields(value, name)
}

/**
 * Copies an argument object (callers' objects are never changed), fills `defaults` where a value is missing, and
 * checks that every path in `required` (space-separated, dotted for nested fields) holds a non-empty string.
 */
export function body(params: unknown, required: string, defaults?: Fields): Fields {
  const copy: Fields = Object.assign({}, fields(params, 'params'))
  optionalFields(copy.options, 'options')
  for (const key in defaults) if (!copy[key]) copy[key] = defaults[key]
  for (const path of required.split(' ').filter(Boolean)) {
    text(
      path.split('.').reduce<unknown>((value, key) => value && (value as Fields)[key], copy),
      path,
    )
  }
  return copy
}
