// Every public method, called with generated arguments of every wrong shape, logged in and logged out:
// - it resolves (never throws, never rejects) to [null, data] or [error, undefined], the error readable and documented;
// - what it rejects locally (invalid_argument) costs no request and no platform call, and not_logged_in no request;
// - network and timeout errors come from a request that was really attempted;
// - the caller's arguments are never changed (deep snapshot before and after, and proxies that record any write);
// - the login state, in memory and in storage, is unchanged unless changing it is the method's purpose.
import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import type { Authing } from '@authing/miniapp-core'
import { CHANGES_STATE, CODES, expectResult, METHODS, OPTIONAL_ARGUMENT, REQUIRED, settle } from '../contract'
import { setup } from '../harness'
import { argumentsFor, build, PROXIES, runs, snapshot, tally, WRITES, wrongShape, type Recipe } from './arbitraries'

const RUNS_PER_METHOD = runs(40)
const outcomes = tally()

const storedCopy = (storage: Map<string, unknown>) => JSON.parse(JSON.stringify(Array.from(storage)))

const UNKNOWN = Symbol('unknown')

/** The data property at a dotted path, read without running getters or proxy traps; UNKNOWN where that is not possible. */
function dataAt(root: unknown, path: string): unknown {
  let node = root
  for (const key of path.split('.')) {
    if (node === null || node === undefined || (typeof node != 'object' && typeof node != 'function')) return undefined
    if (!isPlainObject(node)) return UNKNOWN
    const descriptor = Reflect.getOwnPropertyDescriptor(node as object, key)
    if (descriptor && !('value' in descriptor)) return UNKNOWN
    node = descriptor && descriptor.value
  }
  return node
}

/** Only plain objects can be read safely here (a proxy could be hostile; a prototype could lend properties). */
function isPlainObject(value: unknown): boolean {
  try {
    const prototype = Object.getPrototypeOf(value)
    return (prototype === Object.prototype || prototype === null) && !Reflect.ownKeys(value as object).includes('__proto__') && !PROXIES.has(value as object)
  } catch {
    return false
  }
}

/**
 * Whether the README says this first argument cannot be accepted: not an object where one is needed, `options` that is
 * not an object, or a required field that is not a non-empty string.
 */
function mustRefuse(name: string, valid: unknown, first: unknown): boolean {
  if (name == 'getPublicKey') return first !== 'rsa' && first !== 'sm2'
  if (!valid || typeof valid != 'object') return false
  if (first === undefined || first === null) return !OPTIONAL_ARGUMENT.has(name)
  if (typeof first != 'object') return true
  if (PROXIES.has(first)) return false
  if (Array.isArray(first)) return true
  if (!isPlainObject(first)) return false
  const options = dataAt(first, 'options')
  if (name != 'getUserInfo' && options !== undefined && options !== null && (typeof options != 'object' || Array.isArray(options))) return true
  const missing = (path: string) => {
    const value = dataAt(first, path)
    return value !== UNKNOWN && (typeof value != 'string' || value == '')
  }
  return (REQUIRED[name] || []).some((group) => group.every(missing))
}

/** One generated call, checked against every rule above. */
async function check(name: string, valid: unknown, loggedIn: boolean, encrypting: boolean, recipes: Recipe[]) {
  const args = recipes.map(build)
  const refuse = mustRefuse(name, valid, args[0])
  const { authing, login, calls, storage } = setup(encrypting ? { encryptFunction: (text: string) => `enc(${text})` } : {})
  const before = loggedIn ? await login() : undefined
  const stored = storedCopy(storage)
  const argsBefore = snapshot(args)
  WRITES.length = 0

  const method = (authing as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!
  const result = await settle(() => method.apply(authing, args))

  expectResult(result)
  const [error] = result as [{ code: string } | null]
  outcomes.add(`${name} ${error ? error.code : 'ok'}`)
  if (refuse) expect(error).toMatchObject({ code: 'invalid_argument' })
  if (error && error.code == 'invalid_argument') expect(calls).toEqual([])
  if (error && error.code == 'not_logged_in') expect(calls.filter((call) => call != 'getItem')).toEqual([])
  if (error && (error.code == 'network' || error.code == 'timeout')) expect(calls).toContain('request')
  expect(WRITES).toEqual([])
  expect(isDeepStrictEqual(snapshot(args), argsBefore)).toBe(true)
  if (!CHANGES_STATE.has(name)) {
    expect(storedCopy(storage)).toEqual(stored)
    const [stateError, state] = await (authing as Authing).getLoginState()
    if (before) expect(state).toEqual(before)
    else expect(stateError).toMatchObject({ code: 'not_logged_in' })
  }
}

test('the documented error codes are read from the README', () => {
  expect(CODES).toEqual(expect.arrayContaining(['invalid_argument', 'not_logged_in', 'network', 'timeout', 'server', 'storage']))
})

describe.each(METHODS)('%s', (name, _call, valid) => {
  test(`resolves to a documented result for ${RUNS_PER_METHOD} generated argument lists, changing nothing it should not`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.boolean(), argumentsFor(valid), (loggedIn, encrypting, args) => check(name, valid, loggedIn, encrypting, args)),
      { numRuns: RUNS_PER_METHOD },
    )
  })
})

test('onLoginStateChange returns an unsubscribe function whatever it is given, and never throws', () => {
  fc.assert(
    fc.property(fc.array(wrongShape, { maxLength: 3 }), (recipes) => {
      const args = recipes.map(build)
      const { authing } = setup()
      const subscribe = authing.onLoginStateChange as (...args: unknown[]) => unknown
      const unsubscribe = subscribe.apply(authing, args)
      expect(typeof unsubscribe).toBe('function')
      ;(unsubscribe as () => void)()
    }),
    { numRuns: runs(100) },
  )
})

test('the generated calls were many, and both rejected locally and accepted', () => {
  const total = outcomes.total()
  console.log(`bad input: ${total} generated calls`, outcomes.counts)
  expect(total).toBeGreaterThanOrEqual(1000)
  for (const [name, , valid] of METHODS) {
    if (valid === undefined) continue
    expect([name, outcomes.counts[`${name} invalid_argument`] || 0]).not.toEqual([name, 0])
    expect([name, outcomes.counts[`${name} ok`] || 0]).not.toEqual([name, 0])
  }
})
