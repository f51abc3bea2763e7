// Tests every encryptFunction of the two encryption packages must pass: input checks, failure behaviour and where
// the random bytes come from. Each package's test file calls describeContract with its own keys and decryption.
import type { EncryptFunction, EncryptOptions } from '../src/common'

/** The function type as the SDK core declares it. */
type CoreEncryptFunction = (plainText: string, publicKey: string, options?: EncryptOptions) => string | Promise<string>

export interface Subject {
  /** A fresh copy of the package, so module state such as the one-time warning starts over. */
  load(): { encryptFunction: EncryptFunction }
  publicKey: string
  /** Decrypts a ciphertext of the default `encryptFunction` and checks its format; throws if it is malformed. */
  decrypt(cipherText: string): string
  /** A key the package must refuse (wrong algorithm or format). */
  wrongKey: string
}

/** A recording `getRandomValues` that returns the same byte stream for the same seed (xorshift32). */
export function seededSource(seed: number): Required<EncryptOptions> & { calls: number[] } {
  let state = seed || 1
  const calls: number[] = []
  const getRandomValues = async (length: number) => {
    calls.push(length)
    const bytes = new Uint8Array(length)
    for (let i = 0; i < length; i++) {
      state ^= state << 13
      state ^= state >>> 17
      state ^= state << 5
      bytes[i] = state & 255
    }
    return bytes
  }
  return { getRandomValues, calls }
}

/** Runs `body` with `globalThis.crypto` removed, as in a mini program. */
export async function withoutCrypto(body: () => void | Promise<void>): Promise<void> {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'crypto')
  delete (globalThis as { crypto?: unknown }).crypto
  try {
    expect(typeof crypto).toBe('undefined')
    await body()
  } finally {
    if (descriptor) Object.defineProperty(globalThis, 'crypto', descriptor)
  }
}

export function describeContract(name: string, subject: Subject): void {
  const { load, publicKey, decrypt, wrongKey } = subject
  const { encryptFunction } = load()

  describe(`${name}: inputs and failures`, () => {
    it('fits the type the SDK core declares', () => {
      const forCore: CoreEncryptFunction = encryptFunction // checked by the compiler
      expect(forCore).toBe(encryptFunction)
    })

    it.each([
      ['a number as plainText', 123, publicKey, /plainText must be a string, got number/],
      ['undefined plainText', undefined, publicKey, /plainText must be a string, got undefined/],
      ['an empty publicKey', 'secret', '', /publicKey is missing or empty/],
      ['a blank publicKey', 'secret', ' \n', /publicKey is missing or empty/],
      ['a missing publicKey', 'secret', undefined, /publicKey is missing or empty/],
      ['a non-string publicKey', 'secret', { key: publicKey }, /publicKey is missing or empty/],
      ['garbage as publicKey', 'secret', 'not a key', /publicKey/],
      ['a key of another kind', 'secret', wrongKey, /publicKey/],
      ['an unpaired surrogate', 'ab\ud800', publicKey, /not valid Unicode/],
    ])('throws a clear Error for %s', (_, plainText, key, message) => {
      const call = () => (encryptFunction as (...args: unknown[]) => unknown)(plainText, key)
      expect(call).toThrow(Error)
      expect(call).toThrow(message)
      expect(call).toThrow(new RegExp(`^${name} encryption failed: `))
    })

    it('rejects (does not throw) in the asynchronous form', async () => {
      const { getRandomValues } = seededSource(1)
      const result = encryptFunction('secret', 'not a key', { getRandomValues })
      await expect(result).rejects.toThrow(/encryption failed: publicKey/)
    })

    it.each([
      ['too few bytes', new Uint8Array(3), /getRandomValues returned 3 bytes, \d+ bytes expected/],
      ['an ArrayBuffer', new ArrayBuffer(64), /getRandomValues returned \[object ArrayBuffer\], \d+ bytes expected/],
      ['nothing', undefined, /getRandomValues returned undefined, \d+ bytes expected/],
    ])('rejects when the random source returns %s', async (_, bytes, message) => {
      const getRandomValues = async () => bytes as Uint8Array
      await expect(encryptFunction('secret', publicKey, { getRandomValues })).rejects.toThrow(message)
    })

    it('rejects when the random source fails', async () => {
      const getRandomValues = () => Promise.reject(new Error('getRandomValues:fail'))
      await expect(encryptFunction('secret', publicKey, { getRandomValues })).rejects.toThrow(/getRandomValues:fail/)
    })
  })

  describe(`${name}: random source`, () => {
    afterEach(() => jest.restoreAllMocks())

    it('with getRandomValues: returns a Promise and draws only from the injected source', async () => {
      const mathRandom = jest.spyOn(Math, 'random')
      const platformRandom = jest.spyOn(globalThis.crypto, 'getRandomValues')
      const source = seededSource(7)
      const result = encryptFunction('密码 secret 🔑', publicKey, { getRandomValues: source.getRandomValues })
      expect(result).toBeInstanceOf(Promise)
      expect(decrypt(await result)).toBe('密码 secret 🔑')
      expect(source.calls.length).toBeGreaterThan(0)
      expect(mathRandom).not.toHaveBeenCalled()
      expect(platformRandom).not.toHaveBeenCalled()
    })

    it('a deterministic source gives a deterministic ciphertext', async () => {
      const first = await encryptFunction('secret', publicKey, seededSource(42))
      const again = await encryptFunction('secret', publicKey, seededSource(42))
      const other = await encryptFunction('secret', publicKey, seededSource(43))
      expect(again).toBe(first)
      expect(other).not.toBe(first)
      expect(decrypt(first)).toBe('secret')
    })

    it('without options: synchronous, from globalThis.crypto.getRandomValues', () => {
      const platformRandom = jest.spyOn(globalThis.crypto, 'getRandomValues')
      const mathRandom = jest.spyOn(Math, 'random')
      const cipherText: string = encryptFunction('secret', publicKey) // typed as synchronous, too
      expect(typeof cipherText).toBe('string')
      expect(decrypt(cipherText)).toBe('secret')
      expect(platformRandom).toHaveBeenCalled()
      expect(mathRandom).not.toHaveBeenCalled()
    })

    it('without options or crypto: falls back to Math.random and warns exactly once', async () => {
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
      await withoutCrypto(() => {
        const fresh = load().encryptFunction
        const mathRandom = jest.spyOn(Math, 'random')
        const first = fresh('secret', publicKey)
        const second = fresh('secret', publicKey)
        expect(decrypt(first)).toBe('secret')
        expect(decrypt(second)).toBe('secret')
        expect(first).not.toBe(second)
        expect(mathRandom).toHaveBeenCalled()
      })
      expect(warn).toHaveBeenCalledTimes(1)
      expect(warn.mock.calls[0][0]).toMatch(/Math\.random.*predictable/)
    })

    it('many encryptions of the same text differ', () => {
      const cipherTexts = new Set(Array.from({ length: 50 }, () => encryptFunction('same password', publicKey)))
      expect(cipherTexts.size).toBe(50)
    })
  })
}
