// Constructor options, generated: a value of a wrong shape for any option is a TypeError naming that option, thrown at
// once with no I/O; a host is accepted exactly when it is https:// or http:// on loopback, and every request then goes
// to that host.
import fc from 'fast-check'
import { Authing } from '@authing/miniapp-core'
import { createAdapter, createServer } from '../harness'
import { allowedHost, build, refusedHost, runs, wrongShape, type Recipe } from './arbitraries'

const VALID = { appId: 'app', userPoolId: 'pool' }
const platform = () => createAdapter(createServer({ now: 0 }))

const isFunction = (value: unknown) => typeof value == 'function'
const isStorage = (value: unknown) =>
  !!value &&
  typeof value == 'object' &&
  ['getItem', 'setItem', 'removeItem'].every((name) => isFunction((value as Record<string, unknown>)[name]))

/** What each option accepts, as the README's Options table says (absent is fine for all but appId and userPoolId). */
const ACCEPTS: Record<string, (value: unknown) => boolean> = {
  appId: (value) => typeof value == 'string' && value != '',
  userPoolId: (value) => typeof value == 'string' && value != '',
  host: (value) => value == null || typeof value == 'string', // strings: see the host properties below
  encryptFunction: (value) => value == null || isFunction(value),
  timeout: (value) => value == null || (typeof value == 'number' && value > 0 && value < 2 ** 31),
  refreshMargin: (value) => value == null || (typeof value == 'number' && value >= 0 && value < Infinity),
  now: (value) => value == null || isFunction(value),
  adapter: (value) => value == null || isAdapterPart(value),
}

/** Part of an adapter: an object whose adapter members, where present, are functions, with a complete storage. */
function isAdapterPart(value: unknown): boolean {
  if (typeof value != 'object' || !value) return false
  const part = value as Record<string, unknown>
  const members = ['request', 'login', 'chooseImage', 'uploadFile', 'getRandomValues', 'onAppShow']
  return members.every((name) => part[name] == null || isFunction(part[name])) && (part.storage == null || isStorage(part.storage))
}

/** Whether an option takes a value (a value that cannot even be inspected is not taken). */
function accepts(name: string, value: unknown): boolean {
  try {
    return ACCEPTS[name]!(value)
  } catch {
    return false
  }
}

/** Values of the right type but out of range, next to the generated wrong shapes. */
const nearMiss = fc
  .constantFrom<unknown>(
    '',
    0,
    -1,
    0.5,
    2 ** 31,
    Infinity,
    NaN,
    'https://x',
    () => 'now',
    { request: 1 },
    { storage: {} },
    { storage: isStorage },
  )
  .map((value): Recipe => ({ value }))

test('a value of a wrong shape for any option is a TypeError naming it, with no platform call', () => {
  fc.assert(
    fc.property(fc.constantFrom(...Object.keys(ACCEPTS)), fc.oneof(wrongShape, nearMiss), (name, recipe) => {
      const value = build(recipe)
      fc.pre(!accepts(name, value))
      const { adapter, calls } = platform()
      const create = () => new Authing({ ...VALID, [name]: value } as never, adapter)
      expect(create).toThrow(TypeError)
      expect(create).toThrow(new RegExp(`^Authing: ${name} must be`))
      expect(calls).toEqual([])
    }),
    { numRuns: runs(300) },
  )
})

test('options that are not an object are named as options', () => {
  fc.assert(
    fc.property(wrongShape, (recipe) => {
      const options = build(recipe)
      fc.pre(typeof options != 'object' || options === null)
      expect(() => new Authing(options as never, platform().adapter)).toThrow(/^Authing: options must be/)
    }),
    { numRuns: runs(100) },
  )
})

test('a host is accepted when https:// or loopback http://, and every request goes to it', async () => {
  await fc.assert(
    fc.asyncProperty(allowedHost, async (host) => {
      const { adapter } = platform()
      const urls: string[] = []
      const request = adapter.request
      adapter.request = (sent) => (urls.push(sent.url), request(sent))
      const authing = new Authing({ ...VALID, host }, adapter)
      await authing.sendSms({ phoneNumber: '1', channel: 'CHANNEL_LOGIN' })
      await authing.getPublicKey('rsa')
      expect(urls.length).toBe(2)
      for (const url of urls) expect(url.startsWith(`${host.replace(/\/+$/, '')}/`)).toBe(true)
    }),
    { numRuns: runs(150) },
  )
})

test('any other host is refused at construction, naming host', () => {
  fc.assert(
    fc.property(refusedHost, (host) => {
      expect(() => new Authing({ ...VALID, host }, platform().adapter)).toThrow(/^Authing: host must be an https:\/\/ URL/)
    }),
    { numRuns: runs(300) },
  )
})
