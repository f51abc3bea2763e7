/** Parses JSON text; anything else, and text that is not JSON (an HTML error page, a cut-off body), stays as it is. */
export function parseIfJson(value: unknown): unknown {
  if (typeof value != 'string') return value
  try {
    return JSON.parse(value)
  } catch {
    return value
  }
}
