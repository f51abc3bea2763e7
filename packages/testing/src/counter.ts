// Counts and logs every platform call, for benchmarks ("platform calls per operation") and assertions.

/** One call of a platform API: its name and arguments (callbacks left out). */
export interface PlatformCall {
  /** The API's name, e.g. `request` or `setStorage`. */
  api: string
  /** The arguments it was called with. */
  args: readonly unknown[]
}

/** The call counter of a simulated runtime. */
export interface CallCounter {
  /** Calls per API since the last reset, e.g. `{ getStorage: 1, request: 2 }`. */
  readonly calls: Readonly<Record<string, number>>
  /** Every call since the last reset, oldest first. */
  readonly log: readonly PlatformCall[]
  /** Calls of one API, or of every API when no name is given. */
  count(api?: string): number
  /** Starts counting from zero. */
  resetCounts(): void
}

/** Creates a counter and the function that records into it. */
export function createCounter(): { counter: CallCounter; record(api: string, args: readonly unknown[]): void } {
  let calls: Record<string, number> = {}
  let log: PlatformCall[] = []
  const counter: CallCounter = {
    get calls() {
      return Object.assign({}, calls)
    },
    get log() {
      return log.slice()
    },
    count: (api) => (api === undefined ? log.length : calls[api] || 0),
    resetCounts() {
      calls = {}
      log = []
    },
  }
  return {
    counter,
    record(api, args) {
      calls[api] = (calls[api] || 0) + 1
      log.push({ api, args })
    },
  }
}
