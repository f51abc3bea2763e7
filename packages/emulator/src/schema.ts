// Request schemas, declared once with TypeBox: Ajv validates them and the routes' TypeScript types are derived from
// them (`Static<typeof schema>`, or the fastify type provider). Also the translation of validation failures into the
// readable messages the emulator answers with (`"<field> should not be empty"`, `"<field> must be a string"`).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import {
  Type,
  type Static,
  type TObject,
  type TOptional,
  type TProperties,
  type TSchema,
  type TString,
  type TUnsafe,
} from '@sinclair/typebox'
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifySchemaValidationError,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify'

export type { Static, TSchema }

/** A fastify instance whose routes take their request types from their schemas. */
export type TypedServer = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>

/** The same instance, with request types derived from the route schemas. */
export const typed = (app: FastifyInstance): TypedServer => app.withTypeProvider<TypeBoxTypeProvider>()

export const str = (extra: { maxLength?: number; pattern?: string } = {}) => Type.String({ maxLength: 4096, ...extra })
export const bool = () => Type.Boolean()
export const int = (extra: { minimum?: number; maximum?: number } = {}) => Type.Integer(extra)
/** One of fixed strings, validated with `enum` (its failure names the allowed values). */
export const oneOf = <const T extends string>(values: readonly T[]): TUnsafe<T> => Type.Unsafe<T>({ type: 'string', enum: [...values] })
/** Any JSON object (free-form, e.g. `customData`). */
export const anyObject = (): TUnsafe<Record<string, unknown>> => Type.Unsafe<Record<string, unknown>>({ type: 'object' })
/** No constraint at all (e.g. `context`, a string in the SDK's types and an object on the server). */
export const anything = () => Type.Unknown()
export const arrayOf = <T extends TSchema>(items: T) => Type.Array(items)
/** The schema, or `null` (a control-plane patch clears a field with `null`). */
export const nullable = <T extends TSchema & { type?: unknown }>(schema: T): TUnsafe<Static<T> | null> =>
  Type.Unsafe<Static<T> | null>({ ...schema, type: [schema.type, 'null'] })

type Fields<P extends TProperties, R extends keyof P> = { [K in keyof P]: K extends R ? P[K] : TOptional<P[K]> }

/**
 * An object with known properties, all optional but the `required` ones (checked in the order given, so the first
 * missing one is named); unknown properties are allowed and ignored.
 */
export function obj<P extends TProperties, R extends keyof P & string = never>(
  properties: P,
  required: readonly R[] = [],
): TObject<Fields<P, R>> {
  const fields = Object.fromEntries(
    Object.entries(properties).map(([key, schema]) => [key, required.includes(key as R) ? schema : Type.Optional(schema)]),
  ) as Fields<P, R>
  return { ...Type.Object(fields), required: [...required] } as TObject<Fields<P, R>>
}

/** The same kind of schema for each of `names` (e.g. every profile field a string). */
export function each<K extends string, T extends TSchema>(names: readonly K[], schema: () => T): Record<K, T> {
  return Object.fromEntries(names.map((name) => [name, schema()])) as Record<K, T>
}

/** The parameters of a route path (`/users/:ref` → `pathParams('ref')`), always strings. */
export const pathParams = <K extends string>(...names: K[]): TObject<Record<K, TString>> =>
  Type.Object(Object.fromEntries(names.map((name) => [name, Type.String()])) as Record<K, TString>)

/** A query-string flag: the SDK sends booleans as the strings `true` / `false`. */
export const flag = () => oneOf(['true', 'false'])

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
