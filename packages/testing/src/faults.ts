// Failure injection: makes chosen platform APIs fail the way wx reports failures ("<api>:fail <reason>").

/** Failure injection of a simulated runtime. */
export interface FaultControls {
  /**
   * Makes an API fail with `errMsg: '<api>:fail <reason>'` (synchronous APIs throw an Error with that message).
   * @param api - e.g. `'getStorage'`, `'request'`, `'login'`, `'chooseMedia'`
   * @param reason - default `'system error'`; `'cancel'` on `chooseMedia` is the user closing the picker
   * @param times - how many calls fail; default every call until {@link FaultControls.clearFaults}
   * @example
   * wx.fail('chooseMedia', 'cancel', 1) // the next picker is cancelled
   */
  fail(api: string, reason?: string, times?: number): void
  /** Removes every injected failure. */
  clearFaults(): void
}

/** Creates the failure registry: `take(api)` returns the reason the current call must fail with, if any. */
export function createFaults(): { controls: FaultControls; take(api: string): string | undefined } {
  const faults = new Map<string, { reason: string; times: number }>()
  return {
    controls: {
      fail(api, reason = 'system error', times = Infinity) {
        faults.set(api, { reason, times })
      },
      clearFaults: () => faults.clear(),
    },
    take(api) {
      const fault = faults.get(api)
      if (!fault) return undefined
      if (--fault.times <= 0) faults.delete(api)
      return fault.reason
    },
  }
}
