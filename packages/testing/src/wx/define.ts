// How a simulated API delivers its outcome the way wx does (callbacks or promise, `errMsg` on both sides), counted
// and subject to injected failures. Every API of the runtime is built with one of the definers below.
import type { AsyncApi, Callbacks, TaskApi, WxError, WxOk } from './types'

/** A failure as wx reports it: the message is the reason in `{ errMsg: '<api>:fail <reason>' }`. */
export class Failure extends Error {}

type Options = Record<string, unknown>

const CALLBACKS = ['success', 'fail', 'complete']

/** True when the caller passed a callback, so wx answers through callbacks instead of a promise. */
export const hasCallback = (options: unknown): boolean =>
  !!options && CALLBACKS.some((name) => typeof (options as Options)[name] == 'function')

function errorOf(api: string, reason: unknown): WxError {
  return { errMsg: `${api}:fail ${reason instanceof Error ? reason.message : String(reason)}` }
}

/** Calls a user callback; what it throws surfaces as an uncaught error (WeChat reports it too) instead of calling `fail`. */
function invoke(callback: unknown, argument: unknown): void {
  if (typeof callback != 'function') return
  try {
    callback(argument)
  } catch (error) {
    queueMicrotask(() => {
      throw error
    })
  }
}

/** Settles a call: adds `errMsg`, then either calls the callbacks (if any) or returns the promise. */
function deliver<R>(api: string, options: unknown, outcome: Promise<R>, promised: boolean): Promise<R & WxOk> | undefined {
  const settled = outcome.then(
    (result) => Object.assign({}, result, { errMsg: `${api}:ok` }),
    (reason: unknown) => {
      throw errorOf(api, reason)
    },
  )
  if (promised) return settled
  const { success, fail, complete } = (options || {}) as Callbacks<R & WxOk>
  settled.then(
    (result) => {
      invoke(success, result)
      invoke(complete, result)
    },
    (error: WxError) => {
      invoke(fail, error)
      invoke(complete, error)
    },
  )
  return undefined
}

/** The arguments as logged: option objects without their callbacks. */
function logged(args: readonly unknown[]): unknown[] {
  return args.map((arg) => {
    if (!hasCallback(arg)) return arg
    const copy = Object.assign({}, arg) as Options
    for (const name of CALLBACKS) delete copy[name]
    return copy
  })
}

/** Builds the APIs of one runtime: each call is recorded and may be failed on purpose first. */
export function createDefine(record: (api: string, args: readonly unknown[]) => void, takeFault: (api: string) => string | undefined) {
  function begin(api: string, args: readonly unknown[]): Failure | undefined {
    record(api, logged(args))
    const reason = takeFault(api)
    return reason === undefined ? undefined : new Failure(reason)
  }

  return {
    /** A promisified API; `body` returns the result without `errMsg`, or throws a {@link Failure}. */
    async<O, R extends WxOk>(api: string, body: (options: O) => Omit<R, 'errMsg'> | Promise<Omit<R, 'errMsg'>>): AsyncApi<O, R> {
      return ((options?: O) => {
        const fault = begin(api, [options])
        const given = (options || {}) as O
        const outcome = fault ? Promise.reject(fault) : new Promise<Omit<R, 'errMsg'>>((resolve) => resolve(body(given)))
        return deliver(api, options, outcome, !hasCallback(options))
      }) as AsyncApi<O, R>
    },

    /**
     * An API returning a task (`request`, `uploadFile`). `start` makes the task and a `run` function that does the
     * work; `run` is skipped when the call was failed on purpose.
     */
    task<O, R extends WxOk, T>(api: string, start: (options: O) => { task: T; run(): Promise<Omit<R, 'errMsg'>> }): TaskApi<O, R, T> {
      return (options) => {
        const fault = begin(api, [options])
        const { task, run } = start(options)
        // Unlike the other APIs, these never return a promise: without callbacks the outcome is dropped.
        void deliver(api, options, fault ? Promise.reject(fault) : new Promise<Omit<R, 'errMsg'>>((resolve) => resolve(run())), false)
        return task
      }
    },

    /** A synchronous API: a failure throws an Error whose message is `'<api>:fail <reason>'`. */
    sync<A extends unknown[], R>(api: string, body: (...args: A) => R): (...args: A) => R {
      return (...args: A) => {
        const fault = begin(api, args)
        try {
          if (fault) throw fault
          return body(...args)
        } catch (error) {
          throw error instanceof Failure ? new Error(errorOf(api, error).errMsg) : error
        }
      }
    },

    /** An event subscription (`onAppShow`…): counted, never failed. */
    event<A extends unknown[]>(api: string, body: (...args: A) => void): (...args: A) => void {
      return (...args: A) => {
        record(api, args)
        body(...args)
      }
    },
  }
}

/** The definers of one runtime. */
export type Define = ReturnType<typeof createDefine>
