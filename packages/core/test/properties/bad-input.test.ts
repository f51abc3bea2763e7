// Every public method, called with generated arguments of every wrong shape, logged in and logged out:
// - it resolves (never throws, never rejects) to [null, data] or [error, undefined], the error readable and documented;
// - it refuses locally (invalid_argument) what the README says it needs and it was not given, with no request and no
//   platform call; not_logged_in costs no request either;
// - network and timeout errors come from a request that was really attempted;
// - the caller's arguments are never changed (deep snapshot before and after, and proxies that record any write);
// - the login state, in memory and in storage, is unchanged unless changing it is the method's purpose.
import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import type { Authing } from '@authing/miniapp-core'
import { CHANGES_STATE, CODES, expectResult, METHODS, OPTIONAL_ARGUMENT, REQUIRED, settle } from '../contract'
import { setup } from '../harness'
import { argumentsFor, build, runs, snapshot, tally, WRITES, wrongShape, type Recipe } from './arbitraries'

const RUNS_PER_METHOD = runs(40)
const outcomes = tally()

const storedCopy = (storage: Map<string, unknown>) => JSON.parse(JSON.stringify(Array.from(storage)))

/**
 * Whether the README says this first argument cannot be accepted. A method reads its argument object once, as JSON:
 * refused are non-objects where an object is needed, an argument that cannot be read as JSON, `options` that is not an
 * object, and a required field that is not a non-empty string there.
 */
function mustRefuse(name: string, valid: unknown, first: unknown): boolean {
  if (name == 'getPublicKey') return first !== 'rsa' && first !== 'sm2'
  if (!valid || typeof valid != 'object') return false
  if (first === undefined || first === null) return !OPTIONAL_ARGUMENT.has(name)
  if (typeof first != 'object') return true
  let text: string
  let seen: Record<string, unknown>
  try {
    text = JSON.stringify(first)
    seen = JSON.parse(text)
  } catch {
    return true
  }
  if (seen === null) return !OPTIONAL_ARGUMENT.has(name) // e.g. an invalid Date, whose JSON is null
  if (typeof seen != 'object' || Array.isArray(seen)) return true
  if (text.includes('"__proto__"')) return false // copying such an object changes its prototype: no simple rule
  const at = (path: string) => path.split('.').reduce<unknown>((node, key) => node && (node as Record<string, unknown>)[key], seen)
  const options = seen.options
  if (name != 'getUserInfo' && options != null && (typeof options != 'object' || Array.isArray(options))) return true
  const missing = (path: string) => typeof at(path) != 'string' || at(path) == ''
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
      fc.asyncProperty(fc.boolean(), fc.boolean(), argumentsFor(valid), (loggedIn, encrypting, args) =>
        check(name, valid, loggedIn, encrypting, args),
      ),
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
  expect(total).toBeGreaterThanOrEqual(runs(1000)) // 27 methods × 40, scaled by FC_RUNS
  for (const [name, , valid] of METHODS) {
    if (valid === undefined) continue
    expect([name, outcomes.counts[`${name} invalid_argument`] || 0]).not.toEqual([name, 0])
    expect([name, outcomes.counts[`${name} ok`] || 0]).not.toEqual([name, 0])
  }
})
