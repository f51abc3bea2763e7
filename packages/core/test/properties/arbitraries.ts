// Generators for the property-based tests of every package, and the fast-check settings they share: one seed per run,
// printed, and replayable with FC_SEED (FC_PATH for the exact failing case), FC_RUNS to run more cases.
import fc from 'fast-check'

/** The seed of this run: FC_SEED, or a fixed default so that runs are repeatable. */
export const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20240917
const PATH = process.env.FC_PATH
const SCALE = Number(process.env.FC_RUNS) || 1

fc.configureGlobal({ seed: SEED, ...(PATH ? { path: PATH } : {}), endOnFailure: false, interruptAfterTimeLimit: 60_000 })
console.log(`fast-check seed ${SEED}${PATH ? ` path ${PATH}` : ''}: replay with FC_SEED=${SEED} pnpm jest <file>`)

/** The number of runs of a property: `base`, times FC_RUNS when set (e.g. FC_RUNS=20 for a long exploration). */
export const runs = (base: number): number => Math.max(1, Math.round(base * SCALE))

/** Counts outcomes across the runs of a property, so a test can check that its cases were not all alike. */
export function tally() {
  const counts: Record<string, number> = {}
  return {
    counts,
    add(outcome: string) {
      counts[outcome] = (counts[outcome] || 0) + 1
    },
    total: () => Object.values(counts).reduce((sum, n) => sum + n, 0),
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Text

/** Strings that break naive code: empty, whitespace, very long, non-BMP (emoji, math letters), lone surrogates, NUL. */
export const awkwardString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', '\n', '\u0000', 'false', 'null', 'undefined', '[object Object]', '{}', '\uD800', '\uDFFF', '😀', '𝕏\u200d'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('\uD83D', '\uDE00', '😀', '𝕏', 'é', '\u0301', 'ß', '\u2028'), maxLength: 20 }),
  fc.integer({ min: 5_000, max: 200_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 1_000, max: 20_000 }).map((n) => '😀'.repeat(n)),
)

/**
 * A secret as users and servers make them (passwords, codes, tokens): 8 to 40 characters that cannot occur by chance
 * in an SDK message, including non-BMP characters. No lone surrogates: a secret is valid Unicode.
 */
export const secret: fc.Arbitrary<string> = fc
  .tuple(fc.string({ unit: 'grapheme', minLength: 4, maxLength: 30 }), fc.stringMatching(/^[A-Za-z0-9]{6}$/))
  .map(([text, tail]) => `${text}${tail}`)

// ---------------------------------------------------------------------------------------------------------------
// Hosts

const port = fc.option(
  fc.integer({ min: 1, max: 65535 }).map((n) => `:${n}`),
  { nil: '' },
)
const urlPath = fc.option(
  fc.webPath().map((p) => (p.startsWith('/') ? p : `/${p}`)),
  { nil: '' },
)
const randomCase = (text: string) =>
  fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((upper) => [...text].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(''))
const octet = fc.integer({ min: 0, max: 255 })
const loopback = fc.oneof(
  fc.constant('localhost'),
  fc.constant('[::1]'),
  fc.tuple(octet, octet, octet).map((o) => `127.${o.join('.')}`),
)
const remote = fc.domain().filter((domain) => !/^(localhost|127\.)/i.test(domain))

/** Hosts the README allows: https:// anywhere, http:// on loopback only. */
export const allowedHost: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(randomCase('https'), remote, port, urlPath).map(([scheme, domain, p, rest]) => `${scheme}://${domain}${p}${rest}`),
  fc.tuple(randomCase('http'), loopback, port, urlPath).map(([scheme, host, p, rest]) => `${scheme}://${host}${p}${rest}`),
)

/** Hosts it refuses: plain http:// to a remote host (however disguised as loopback), other schemes, no scheme. */
export const refusedHost: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(remote, port, urlPath).map(([domain, p, rest]) => `http://${domain}${p}${rest}`),
  fc
    .tuple(loopback, remote)
    .chain(([host, domain]) =>
      fc.constantFrom(
        `http://${host}.${domain}`,
        `http://${host}@${domain}`,
        `http://${host}:80@${domain}/`,
        `http://${domain}/${host}`,
        `http://${domain}#${host}`,
        `http://${domain}?${host}`,
      ),
    ),
  fc
    .tuple(fc.constantFrom('ftp', 'ws', 'wss', 'file', 'javascript', 'data', 'httpx', 'http:', 'https:'), remote)
    .map(([scheme, domain]) => `${scheme}://${domain}`),
  fc
    .tuple(fc.constantFrom('', '//', ' https://', '\thttp://localhost', 'https:/', 'https:', 'https:///'), remote)
    .map(([prefix, domain]) => `${prefix}${domain}`),
  fc.constantFrom('', ' ', 'https://', 'http://', 'http://localhost.', 'http://0.0.0.0', 'http://[::2]', 'http://128.0.0.1'),
)

// ---------------------------------------------------------------------------------------------------------------
// Values of every wrong shape
//
// Generated as recipes (plain data, printed readably when a property fails, shrunk by fast-check) and built fresh for
// each run with `build`, so that a hostile proxy never reaches fast-check's own reporting.

/** Attempts to change a value through one of the write-trapping proxies below, since the last reset. */
export const WRITES: string[] = []

/** A proxy that records and refuses every attempt to change `target` (the SDK must never change an argument). */
export function writeTrap<T extends object>(target: T): T {
  const refuse = (what: string) => () => (WRITES.push(what), false)
  return new Proxy(target, {
    set: refuse('set'),
    defineProperty: refuse('defineProperty'),
    deleteProperty: refuse('deleteProperty'),
    setPrototypeOf: refuse('setPrototypeOf'),
    preventExtensions: refuse('preventExtensions'),
  })
}

/** What a hostile getter or proxy throws: errors, primitives, and objects that are hard to describe. */
const THROWN = {
  error: () => new Error('getter exploded'),
  emptyTypeError: () => new TypeError(''),
  nodeError: () => Object.assign(new Error('system error'), { code: 'ERR_SYSTEM' }),
  string: () => 'a string',
  number: () => 42,
  undefined: () => undefined,
  null: () => null,
  symbol: () => Symbol('thrown'),
  emptyObject: () => ({}),
  nullPrototype: () => Object.create(null),
  sdkLookAlike: () => ({ code: 'invalid_argument', message: 'a look-alike of an SDK error' }),
  undocumentedCode: () => ({ code: 'EVIL', message: 'an error with an undocumented code' }),
  objectErrMsg: () => ({ errMsg: { nested: true } }),
  unreadableProxy: () =>
    new Proxy(
      {},
      {
        get: () => {
          throw new Error('a proxy that cannot be read')
        },
      },
    ),
}
type Thrown = keyof typeof THROWN

const BUILTINS = {
  function: () => () => 1,
  date: () => new Date(0),
  invalidDate: () => new Date(NaN),
  regex: () => /regex/g,
  map: () => new Map([['a', 1]]),
  set: () => new Set([1]),
  typedArray: () => new Uint8Array(4),
  boxedString: () => new String('boxed'),
  nullPrototype: () => Object.create(null),
  promise: () => Promise.resolve({}),
  classInstance: () =>
    new (class Custom {
      field = 'value'
    })(),
  revokedProxy: () => {
    const revocable = Proxy.revocable({}, {})
    revocable.revoke()
    return revocable.proxy
  },
}
type Builtin = keyof typeof BUILTINS

type Wrap = 'none' | 'frozen' | 'trapped' | 'cyclic'
interface Edit {
  path: string[]
  kind: 'replace' | 'delete' | 'extra'
  value: Recipe
}

/** How to build a value of a wrong shape. */
export type Recipe =
  | { value: unknown }
  | { repeat: string; times: number }
  | { object: [string, Recipe][] }
  | { array: Recipe[] }
  | { builtin: Builtin }
  | { cyclic: Recipe; key: string; nested: boolean }
  | { getter: Recipe; key: string; throws: Thrown; onRead: number; returns: Recipe }
  | { hostile: Recipe; throws: Thrown }
  | { trapped: Recipe }
  | { frozen: Recipe }
  | { valid: unknown; edits: Edit[]; wrap: Wrap }

const define = (target: object, key: string, value: unknown) =>
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })

/** Freezes a value, and the plain objects and arrays inside it (built-ins are frozen, not walked: a promise holds
 * the test runner's async context). Proxies and getters are left as they are. */
function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (value && typeof value == 'object' && !seen.has(value)) {
    seen.add(value)
    try {
      const prototype = Object.getPrototypeOf(value)
      const plain = prototype === Object.prototype || prototype === Array.prototype || prototype === null
      for (const key of plain ? Reflect.ownKeys(value) : []) {
        const descriptor = Reflect.getOwnPropertyDescriptor(value, key)
        if (descriptor && 'value' in descriptor) deepFreeze(descriptor.value, seen)
      }
      Object.freeze(value)
    } catch {
      // a hostile or trapping proxy: it stays as it is
    }
  }
  return value
}

function hostile(target: object, error: () => unknown): object {
  const fail = () => {
    throw error()
  }
  return new Proxy(target, { get: fail, has: fail, ownKeys: fail, getOwnPropertyDescriptor: fail, getPrototypeOf: fail, set: fail })
}

/** Adds a property whose getter throws from its `onRead`th read on (1: at once). */
function throwingGetter(target: object, key: string, error: () => unknown, onRead: number, value: unknown): object {
  let reads = 0
  return Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      if (++reads >= onRead) throw error()
      return value
    },
  })
}

function applyEdit(root: Record<string, unknown>, { path, kind, value }: Edit): void {
  const parent = path
    .slice(0, -1)
    .reduce<Record<string, unknown> | undefined>(
      (node, name) => (node && typeof node[name] == 'object' ? (node[name] as Record<string, unknown>) : undefined),
      root,
    )
  const name = path[path.length - 1]!
  if (!parent) return
  if (kind == 'delete') delete parent[name]
  else define(parent, kind == 'replace' ? name : `${name}Extra`, build(value))
}

const cloneJson = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)))

/** Builds a fresh value from its recipe. */
export function build(recipe: Recipe): unknown {
  if ('value' in recipe) return recipe.value
  if ('repeat' in recipe) return recipe.repeat.repeat(recipe.times)
  if ('object' in recipe) return recipe.object.reduce((target, [key, item]) => define(target, key, build(item)), {})
  if ('array' in recipe) return recipe.array.map(build)
  if ('builtin' in recipe) return BUILTINS[recipe.builtin]()
  if ('cyclic' in recipe) {
    const target = build(recipe.cyclic) as object
    return define(target, recipe.key, recipe.nested ? { back: target } : target)
  }
  if ('getter' in recipe) {
    return throwingGetter(build(recipe.getter) as object, recipe.key, THROWN[recipe.throws], recipe.onRead, build(recipe.returns))
  }
  if ('hostile' in recipe) return hostile(build(recipe.hostile) as object, THROWN[recipe.throws])
  if ('trapped' in recipe) return writeTrap(build(recipe.trapped) as object)
  if ('frozen' in recipe) return deepFreeze(build(recipe.frozen))
  const copy = cloneJson(recipe.valid) as Record<string, unknown>
  // Deepest first: every edit then walks through parts of the valid argument only.
  for (const edit of [...recipe.edits].sort((a, b) => b.path.length - a.path.length)) applyEdit(copy, edit)
  if (recipe.wrap == 'frozen') return deepFreeze(copy)
  if (recipe.wrap == 'trapped') return writeTrap(copy)
  if (recipe.wrap == 'cyclic') return define(copy, 'self', copy)
  return copy
}

const primitive: fc.Arbitrary<Recipe> = fc.oneof(
  fc
    .oneof(
      fc.constantFrom(undefined, null, NaN, 0, -0, Infinity, -Infinity, true, false, 0n),
      fc.integer(),
      fc.double(),
      fc.bigInt(),
      fc.string({ maxLength: 8 }).map((description) => Symbol(description)),
      fc.constantFrom('', ' ', '\n', '\u0000', 'false', 'null', '[object Object]', '{}', '\uD800', '\uDFFF', '😀'),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: fc.constantFrom('\uD83D', '\uDE00', '😀', '𝕏', 'é', '\u0301', '\u2028'), maxLength: 20 }),
    )
    .map((value) => ({ value })),
  fc.record({ repeat: fc.constantFrom('x', '😀', '\uD800'), times: fc.integer({ min: 1_000, max: 100_000 }) }),
)

const key = fc.oneof(
  fc.constantFrom('options', 'passwordPayload', 'password', 'phone', 'code', 'toJSON', 'constructor', '__proto__', 'then', 'length'),
  fc.string({ maxLength: 10 }),
)
const thrownName = fc.constantFrom(...(Object.keys(THROWN) as Thrown[]))

/** Any value of a wrong shape: primitives, objects, arrays, built-ins, cyclic, frozen, hostile and trapping objects. */
export const wrongShape: fc.Arbitrary<Recipe> = fc.letrec<{ value: Recipe; object: Recipe }>((tie) => ({
  object: fc.array(fc.tuple(key, tie('value')), { maxLength: 4, depthIdentifier: 'wrong' }).map((object) => ({ object })),
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true, depthIdentifier: 'wrong' },
    primitive,
    tie('object'),
    fc.array(tie('value'), { maxLength: 4, depthIdentifier: 'wrong' }).map((array) => ({ array })),
    fc.constantFrom(...(Object.keys(BUILTINS) as Builtin[])).map((builtin) => ({ builtin })),
    fc.record({ cyclic: tie('object'), key, nested: fc.boolean() }),
    fc.record({ getter: tie('object'), key, throws: thrownName, onRead: fc.integer({ min: 1, max: 4 }), returns: tie('value') }),
    fc.record({ hostile: tie('object'), throws: thrownName }),
    fc.record({ trapped: tie('object') }),
    fc.record({ frozen: tie('object') }),
  ),
})).value

/** Every dotted path of a plain object's own enumerable properties, outermost first. */
function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  if (!value || typeof value != 'object') return []
  return Object.keys(value).flatMap((name) => [[...prefix, name], ...pathsOf((value as Record<string, unknown>)[name], [...prefix, name])])
}

/**
 * A valid argument changed in one to three places (a field replaced by a value of a wrong shape, removed, or joined by
 * an extra one), then sometimes frozen, cyclic or write-trapped as a whole.
 */
export function nearlyValid(valid: unknown): fc.Arbitrary<Recipe> {
  const paths = pathsOf(valid)
  if (paths.length == 0) return wrongShape
  return fc.record({
    valid: fc.constant(valid),
    edits: fc.array(
      fc.record({
        path: fc.constantFrom(...paths),
        kind: fc.constantFrom<Edit['kind']>('replace', 'replace', 'delete', 'extra'),
        value: wrongShape,
      }),
      { minLength: 1, maxLength: 3 },
    ),
    wrap: fc.constantFrom<Wrap>('none', 'none', 'frozen', 'trapped', 'cyclic'),
  })
}

/** Argument lists for a method whose valid argument is `valid`: wrong shapes, near misses, the valid one with extras. */
export function argumentsFor(valid: unknown): fc.Arbitrary<Recipe[]> {
  const first = fc.oneof(
    { weight: 2, arbitrary: wrongShape },
    { weight: 3, arbitrary: nearlyValid(valid) },
    { weight: 1, arbitrary: fc.constant<Recipe>({ valid, edits: [], wrap: 'none' }) },
  )
  return fc.tuple(first, fc.array(wrongShape, { maxLength: 2 })).map(([head, rest]) => [head, ...rest])
}

// ---------------------------------------------------------------------------------------------------------------
// Snapshots

/**
 * A deep description of a value that reads no getter and survives cycles and hostile proxies: own property
 * descriptors, prototype and extensibility, recursively. Two snapshots are equal iff nothing observable was changed.
 */
export function snapshot(value: unknown, seen = new Map<object, number>()): unknown {
  if (value === null || (typeof value != 'object' && typeof value != 'function')) {
    return typeof value == 'number' && Object.is(value, -0) ? '-0' : typeof value == 'bigint' ? `${value}n` : value
  }
  const object = value as object
  if (seen.has(object)) return { cycle: seen.get(object) }
  seen.set(object, seen.size)
  try {
    const properties = Reflect.ownKeys(object).map((name) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(object, name)!
      const content = 'value' in descriptor ? snapshot(descriptor.value, seen) : { get: descriptor.get, set: descriptor.set }
      return [name, content, descriptor.enumerable, descriptor.configurable, descriptor.writable]
    })
    return { prototype: Reflect.getPrototypeOf(object), extensible: Reflect.isExtensible(object), properties }
  } catch {
    return { unreadable: true } // a hostile or revoked proxy: it cannot be changed through its traps either
  }
}
