// Tiny JSON-schema builders for route validation, and the translation of validation failures into the
// readable messages the emulator answers with (`"<field> should not be empty"`, `"<field> must be a string"`).
import type { FastifySchemaValidationError } from 'fastify'

export type Schema = Record<string, unknown>

export const str = (extra: Schema = {}): Schema => ({ type: 'string', maxLength: 4096, ...extra })
export const bool = (): Schema => ({ type: 'boolean' })
export const int = (extra: Schema = {}): Schema => ({ type: 'integer', ...extra })
export const oneOf = (values: readonly string[]): Schema => ({ type: 'string', enum: values })
/** Any JSON object (free-form, e.g. `customData`). */
export const anyObject = (): Schema => ({ type: 'object' })
/** No constraint at all (e.g. `context`, a string in the SDK's types and an object on the server). */
export const anything = (): Schema => ({})
export const arrayOf = (items: Schema): Schema => ({ type: 'array', items })

/** An object with known properties; unknown properties are allowed and ignored. */
export function obj(properties: Record<string, Schema>, required: string[] = []): Schema {
  return { type: 'object', properties, required }
}

/** A query-string flag: the SDK sends booleans as the strings `true` / `false`. */
export const flag = (): Schema => oneOf(['true', 'false'])

const ARTICLE: Record<string, string> = { object: 'an object', array: 'an array', integer: 'an integer' }

/** Turns the first validation failure into one readable sentence naming the field by its dotted path. */
export function validationMessage(failures: FastifySchemaValidationError[], context: string): string {
  const failure = failures[0]
  if (!failure) return `${context} is not valid`
  const path = failure.instancePath.split('/').filter(Boolean).join('.')
  const params = failure.params as Record<string, unknown>
  const where = path || (context === 'body' ? 'request body' : context)
  switch (failure.keyword) {
    case 'required':
      return `${[path, String(params.missingProperty)].filter(Boolean).join('.')} should not be empty`
    case 'type': {
      const type = String(params.type)
      return `${where} must be ${ARTICLE[type] ?? `a ${type}`}`
    }
    case 'enum':
      return `${where} must be one of: ${(params.allowedValues as unknown[]).join(', ')}`
    case 'maxLength':
      return `${where} is too long (at most ${String(params.limit)} characters)`
    default:
      return `${where} ${failure.message ?? 'is not valid'}`
  }
}

/**
 * Removes `""` values from a parsed body or query (the SDK sends `"encryptedData": ""` to mean "none"), so that an
 * empty string behaves exactly like an absent field. Free-form user data (`customData`, `context`) is left alone.
 */
export function dropEmptyStrings(value: unknown): void {
  // Iterative: a hostile body can nest objects far deeper than the call stack.
  const pending: unknown[] = [value]
  while (pending.length > 0) {
    const item = pending.pop()
    if (!item || typeof item !== 'object' || Array.isArray(item)) continue
    const record = item as Record<string, unknown>
    for (const key of Object.keys(record)) {
      if (record[key] === '') delete record[key]
      else if (key !== 'customData' && key !== 'context') pending.push(record[key])
    }
  }
}
