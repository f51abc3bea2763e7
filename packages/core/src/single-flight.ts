/**
 * Wraps `task` so that while one run is in flight, every caller shares it: the first caller's arguments start it,
 * later callers get the same promise, and the next call after it settles starts a new run.
 */
export function singleFlight<A extends unknown[], T>(task: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  let inFlight: Promise<T> | undefined

  async function run(args: A): Promise<T> {
    try {
      return await task(...args)
    } finally {
      inFlight = undefined
    }
  }

  return (...args: A) => {
    if (!inFlight) inFlight = run(args)
    return inFlight
  }
}
