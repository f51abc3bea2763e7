/** Whether `value` is a string with something in it: what every name, token, code and key must be. */
export const isText = (value: unknown): value is string => typeof value == 'string' && value != ''

/** The first of `values` that is a string with more than blanks in it. */
export function firstText(values: unknown[]): string | undefined {
  for (const value of values) {
    if (typeof value == 'string' && value.trim()) return value
  }
  return undefined
}

/** Whether `value` can be called (an option, a listener, an adapter's function). */
export const isFunction = (value: unknown): value is (...args: never[]) => unknown => typeof value == 'function'
