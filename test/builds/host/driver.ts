// Drives a built app the way its user does: taps elements and waits for what the screen shows. One interface for a
// mini program page in the sandbox and for an H5 page in Chromium, so every target runs the same steps.
import type { PageInstance } from './page'
import type { View } from './view'

/** Taps and reads a running app's screen. */
export interface AppDriver {
  /** Taps the element `selector` (`#id` or `.class`); fails when it is not on screen. */
  tap(selector: string): Promise<void>
  /** Waits until the element `selector` is on screen and its text contains `text`; resolves with its whole text. */
  waitForText(selector: string, text: string): Promise<string>
  /** The text and classes of the element `selector`, or undefined when it is not on screen. */
  read(selector: string): Promise<{ text: string; classes: string[] } | undefined>
}

/** How long a step may wait for the screen: a guard against a hung app, never a pass condition. */
export const SCREEN_TIMEOUT = 20000

/** A driver for a mini program page: taps call the handler bound in the view, waits re-check after every setData. */
export function miniProgramDriver(page: PageInstance, view: View): AppDriver {
  return {
    async tap(selector) {
      const element = view(selector)
      if (!element) throw new Error(`${selector} is not on screen`)
      const bound = element.handler('tap')
      if (!bound) throw new Error(`${selector} has no tap handler`)
      const target = { id: element.id, dataset: bound.dataset }
      const event = {
        type: 'tap',
        timeStamp: Date.now(),
        target,
        currentTarget: target,
        detail: { x: 0, y: 0 },
        touches: [],
        changedTouches: [],
      }
      page.call(bound.method, event)
    },
    waitForText(selector, text) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const shown = view(selector)?.text
          if (shown === undefined || !shown.includes(text)) return false
          stop()
          clearTimeout(timer)
          resolve(shown)
          return true
        }
        const stop = page.onUpdate(check)
        const timer = setTimeout(() => {
          stop()
          reject(new Error(`${selector} did not show "${text}"; it shows: ${JSON.stringify(view(selector)?.text)}`))
        }, SCREEN_TIMEOUT)
        check()
      })
    },
    async read(selector) {
      const element = view(selector)
      return element && { text: element.text, classes: element.classes }
    },
  }
}
