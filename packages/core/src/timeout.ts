// Timers exist on every mini program platform; the ES2017 lib this package is checked against does not declare them.
declare function setTimeout(callback: () => void, ms: number): number
declare function clearTimeout(id: number): void

/**
 * How a transfer says that its time limit passed: the core's own timer, or an adapter (which rejects with an object
 * whose `timeout` is `true`; the mini program adapter turns the platforms' "timeout" `errMsg` into one).
 */
export interface TimedOut {
  timeout: true
  errMsg: string
}

/** Whether a rejection says that the time limit passed. */
export const isTimedOut = (reason: unknown): boolean => !!reason && (reason as Partial<TimedOut>).timeout === true

/**
 * Settles like `start()`, or rejects with a {@link TimedOut} after `ms` milliseconds, whichever comes first.
 * Our own timer even where the platform has one: not every base library honours the request's timeout option.
 */
export function withTimeout<T>(start: () => Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject({ timeout: true, errMsg: `no answer after ${ms} ms` } satisfies TimedOut), ms)
    // (resolve and reject never throw: the chain ends there)
    void new Promise<T>((started) => started(start())).then(resolve, reject).then(() => clearTimeout(timer))
  })
}
