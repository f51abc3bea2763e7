/**
 * Wraps `task` so that while one run is in flight, every caller shares it: the first caller's argument starts it,
 * later callers get the same promise, and the next call after it settles starts a new run.
 */
export function singleFlight<A, T>(task: (arg: A) => Promise<T>): (arg: A) => Promise<T> {
  let inFlight: Promise<T> | undefined

  async function run(arg: A): Promise<T> {
    try {
      return await task(arg)
    } finally {
      inFlight = undefined
    }
  }

  return (arg: A) => {
    if (!inFlight) inFlight = run(arg)
    return inFlight
  }
}
