/** Whether `value` is a string with something in it: what every name, token, code and key must be. */
export const isText = (value: unknown): value is string => typeof value == 'string' && value != ''

/** Whether `value` can be called (an option, a listener, an adapter's function). */
export const isFunction = (value: unknown): value is (...args: never[]) => unknown => typeof value == 'function'
